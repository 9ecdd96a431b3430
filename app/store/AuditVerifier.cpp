#include "AuditVerifier.h"

#include "Database.h"
#include "Journal.h"

#include <QJsonDocument>

namespace market::core {

Result<AuditVerification> AuditVerifier::verify(Database& db) {
    AuditVerification out;
    Statement& s =
        db.prepare("SELECT terminal_id, seq, user_id, at_ms, action, entity, entity_id, before_json, "
                   "after_json, prev_hash, hash FROM audit_log ORDER BY terminal_id, seq");
    QString terminal;
    QString expectedPrev;
    qint64 expectedSeq = 0;
    while (s.next()) {
        const QString t = s.text(0);
        if (t != terminal) {
            terminal = t;
            expectedPrev = Journal::genesisHash();
            expectedSeq = 1;
        }
        const qint64 seq = s.int64(1);
        auto json = [&](int column) {
            if (s.isNull(column))
                return QJsonValue(QJsonValue::Null);
            return QJsonValue(QJsonDocument::fromJson(s.text(column).toUtf8()).object());
        };
        const QJsonObject fields{
            {QStringLiteral("action"), s.text(4)}, {QStringLiteral("after"), json(8)},
            {QStringLiteral("atMs"), s.int64(3)},  {QStringLiteral("before"), json(7)},
            {QStringLiteral("entity"), s.text(5)}, {QStringLiteral("entityId"), s.text(6)},
            {QStringLiteral("seq"), seq},          {QStringLiteral("terminalId"), t},
            {QStringLiteral("userId"), s.text(2)}};
        QString problem;
        if (seq != expectedSeq)
            problem = seq > expectedSeq ? QStringLiteral("entry %1 is missing (deleted)").arg(expectedSeq)
                                        : QStringLiteral("entry %1 appears twice or out of order").arg(seq);
        else if (s.text(9) != expectedPrev)
            problem = QStringLiteral("entry %1 does not link to the entry before it (inserted or reordered)")
                          .arg(seq);
        else if (Journal::chainHash(expectedPrev, fields) != s.text(10))
            problem = QStringLiteral("entry %1 was changed after it was written").arg(seq);
        if (!problem.isEmpty()) {
            out.firstBrokenSeq = std::min(seq, expectedSeq);
            out.problem = QStringLiteral("terminal %1: %2").arg(t, problem);
            s.reset();
            return out;
        }
        ++out.entriesChecked;
        expectedPrev = s.text(10);
        ++expectedSeq;
    }
    Status st = s.status("reading the audit log");
    s.reset();
    if (!st.ok())
        return st.error();

    // This terminal's newest hash is also kept apart: a chain cut short at its end is caught too.
    Statement& head = db.prepare("SELECT (SELECT value FROM meta WHERE key = 'terminal_id'), "
                                 "(SELECT value FROM meta WHERE key = 'audit_last_hash')");
    QString localTerminal;
    QString expectedHead;
    if (head.next()) {
        localTerminal = head.text(0);
        expectedHead = head.text(1);
    }
    head.reset();
    if (!expectedHead.isEmpty()) {
        Statement& last =
            db.prepare("SELECT seq, hash FROM audit_log WHERE terminal_id = ?1 ORDER BY seq DESC LIMIT 1");
        last.bind(1, localTerminal);
        qint64 lastSeq = 0;
        QString lastHash;
        if (last.next()) {
            lastSeq = last.int64(0);
            lastHash = last.text(1);
        }
        last.reset();
        if (lastHash != expectedHead) {
            out.firstBrokenSeq = lastSeq + 1;
            out.problem =
                QStringLiteral("terminal %1: the newest entries after %2 are missing (deleted from the end)")
                    .arg(localTerminal)
                    .arg(lastSeq);
        }
    }
    return out;
}

} // namespace market::core
