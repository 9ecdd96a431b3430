#include "Journal.h"

#include "Store.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace market::core {

QByteArray Journal::canonicalAudit(const QJsonObject& auditFields) {
    // QJsonObject keeps its keys sorted, so Compact output is canonical for our flat schema.
    return QJsonDocument(auditFields).toJson(QJsonDocument::Compact);
}

QString Journal::chainHash(const QString& prevHash, const QJsonObject& auditFields) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(canonicalAudit(auditFields));
    return QString::fromLatin1(h.result().toHex());
}

Status Journal::record(Store& store, const JournalEntry& e) {
    const auto& identity = store.identity();
    if (!identity)
        return Error{ErrorCode::InvalidState, QStringLiteral("this store has no shop yet")};
    const qint64 at = store.nowMs();

    auto auditSeq = store.nextCounter(QStringLiteral("audit"));
    if (!auditSeq.ok())
        return auditSeq.error();
    auto prev = store.meta(QStringLiteral("audit_last_hash"));
    if (!prev.ok())
        return prev.error();
    const QString prevHash = prev->isEmpty() ? genesisHash() : *prev;

    const QJsonValue before = e.before.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.before);
    const QJsonValue after = e.after.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.after);
    const QJsonObject fields{{QStringLiteral("action"), e.action},
                             {QStringLiteral("after"), after},
                             {QStringLiteral("atMs"), at},
                             {QStringLiteral("before"), before},
                             {QStringLiteral("entity"), e.entity},
                             {QStringLiteral("entityId"), e.entityId.toString()},
                             {QStringLiteral("seq"), *auditSeq},
                             {QStringLiteral("terminalId"), identity->terminalId.toString()},
                             {QStringLiteral("userId"), e.userId.toString()}};
    const QString hash = chainHash(prevHash, fields);
    const Uuid auditId = store.newId();

    auto nullableJson = [](const QJsonValue& v) {
        return v.isNull() ? QString()
                          : QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    };
    Statement& a = store.db().prepare("INSERT INTO audit_log (id, terminal_id, seq, user_id, at_ms, action, "
                                      "entity, entity_id, before_json, "
                                      "after_json, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                      "nullif(?9, ''), nullif(?10, ''), "
                                      "?11, ?12)");
    a.bind(1, auditId)
        .bind(2, identity->terminalId)
        .bind(3, *auditSeq)
        .bind(4, e.userId)
        .bind(5, at)
        .bind(6, e.action)
        .bind(7, e.entity)
        .bind(8, e.entityId)
        .bind(9, nullableJson(before))
        .bind(10, nullableJson(after))
        .bind(11, prevHash)
        .bind(12, hash);
    MARKET_TRY(a.exec("writing the audit entry"));
    MARKET_TRY(store.setMeta(QStringLiteral("audit_last_hash"), hash));

    if (e.opType.isEmpty())
        return okStatus(); // local-only change (e.g. a login lockout): audited, not synced

    auto outboxSeq = store.nextCounter(QStringLiteral("outbox"));
    if (!outboxSeq.ok())
        return outboxSeq.error();
    QJsonObject audit = fields;
    audit.insert(QStringLiteral("prevHash"), prevHash);
    audit.insert(QStringLiteral("hash"), hash);
    Statement& o = store.db().prepare(
        "INSERT INTO outbox (seq, op_id, type, at_ms, payload, audit) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    o.bind(1, *outboxSeq)
        .bind(2, store.newId())
        .bind(3, e.opType)
        .bind(4, at)
        .bind(5, QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)))
        .bind(6, QString::fromUtf8(QJsonDocument(audit).toJson(QJsonDocument::Compact)));
    return o.exec("writing the outbox entry");
}

} // namespace market::core
