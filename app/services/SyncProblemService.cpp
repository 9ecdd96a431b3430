#include "SyncProblemService.h"

#include "FeedApplier.h"
#include "store/Outbox.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace market::core {

namespace {
QJsonObject parseObject(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// A parked document is not in the store (that is why it is parked): name it from its own fields.
QString labelOfDocument(const QJsonObject& doc) {
    const QString receipt = doc.value(QStringLiteral("receiptNo")).toString();
    if (!receipt.isEmpty())
        return receipt;
    QStringList parts;
    for (const QString& field : {QStringLiteral("code"), QStringLiteral("name")})
        if (const QString v = doc.value(field).toString(); !v.isEmpty())
            parts << v;
    return parts.join(QStringLiteral(" · "));
}
} // namespace

QString entityOfOperation(const QString& type) {
    if (type == QLatin1String("sale.returned"))
        return QStringLiteral("sale_return");
    if (type == QLatin1String("cash_session.movement"))
        return QStringLiteral("cash_movement");
    const qsizetype dot = type.indexOf(QLatin1Char('.'));
    return dot > 0 ? type.left(dot) : type;
}

Result<QString> SyncProblemService::label(const QString& entity, const QString& id) {
    // One query per known entity; anything else stays unnamed (the list shows its id).
    const char* sql = nullptr;
    if (entity == QLatin1String("lot"))
        sql = "SELECT l.code || ' · ' || p.name || ' · ' || f.name FROM lot l JOIN product p ON p.id = "
              "l.product_id JOIN party f ON f.id = l.farmer_id WHERE l.id = ?1";
    else if (entity == QLatin1String("party"))
        sql = "SELECT code || ' · ' || name FROM party WHERE id = ?1";
    else if (entity == QLatin1String("product"))
        sql = "SELECT code || ' · ' || name FROM product WHERE id = ?1";
    else if (entity == QLatin1String("sale"))
        sql = "SELECT receipt_no FROM sale WHERE id = ?1";
    else if (entity == QLatin1String("sale_line"))
        sql = "SELECT s.receipt_no || ' #' || l.line_no FROM sale_line l JOIN sale s ON s.id = l.sale_id "
              "WHERE l.id = ?1";
    else if (entity == QLatin1String("sale_return"))
        sql = "SELECT s.receipt_no FROM sale_return r JOIN sale s ON s.id = r.sale_id WHERE r.id = ?1";
    else if (entity == QLatin1String("terminal"))
        sql = "SELECT number || ' · ' || name FROM terminal WHERE id = ?1";
    if (!sql || id.isEmpty())
        return QString();
    Statement& s = m_store.db().prepare(sql);
    s.bind(1, id);
    QString out = s.next() ? s.text(0) : QString();
    Status st = s.status("naming a document of a sync problem");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Status SyncProblemService::addQuarantined(std::vector<SyncProblem>& out) {
    auto rows = Outbox::quarantine(m_store);
    if (!rows.ok())
        return rows.error();
    for (const auto& q : *rows) {
        SyncProblem p;
        p.kind = SyncProblemKind::Quarantined;
        p.state = SyncProblemState::SetAside;
        p.type = q.type;
        p.entity = entityOfOperation(q.type);
        // The counter keeps the original envelope of what it pre-checked; the document id is in it.
        // The envelope itself is not shown: a user's document carries password hashes.
        p.documentId = parseObject(q.envelope)
                           .value(QStringLiteral("payload"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
        auto name = label(p.entity, p.documentId);
        if (!name.ok())
            return name.error();
        p.label = *name;
        p.reason = q.reason;
        p.source = q.source;
        p.opId = q.opId;
        p.firstSeq = q.firstSeq;
        p.lastSeq = q.lastSeq;
        p.count = q.count;
        p.atMs = q.atMs;
        out.push_back(std::move(p));
    }
    return okStatus();
}

Status SyncProblemService::addAnomalies(std::vector<SyncProblem>& out) {
    auto rows = FeedApplier(m_store).anomalies();
    if (!rows.ok())
        return rows.error();
    // The server keeps one open anomaly per kind and entity, so a later one means the earlier
    // was resolved there (sync/PROTOCOL.md, "Push"). Rows come in feed order.
    QSet<QString> later;
    std::vector<SyncProblem> anomalies;
    for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
        const QString key = it->kind + QLatin1Char('/') + it->entityId;
        SyncProblem p;
        p.kind = SyncProblemKind::Anomaly;
        p.state = later.contains(key) ? SyncProblemState::RaisedAgain : SyncProblemState::Open;
        later.insert(key);
        p.type = it->kind;
        p.entity = it->entity;
        p.documentId = it->entityId;
        auto name = label(p.entity, p.documentId);
        if (!name.ok())
            return name.error();
        p.label = *name;
        // The server resolves an unknown_lot anomaly when the lot arrives; here, the lot has a name.
        if (p.state == SyncProblemState::Open && p.type == QLatin1String("unknown_lot") && !p.label.isEmpty())
            p.state = SyncProblemState::LotArrived;
        // A resolution the feed brought says it best.
        if (it->resolvedAtMs > 0) {
            p.state = SyncProblemState::Resolved;
            p.resolvedAtMs = it->resolvedAtMs;
            p.resolution = it->resolution;
        }
        p.details = it->details;
        p.position = it->position;
        p.atMs = it->receivedAtMs;
        out.push_back(std::move(p));
    }
    return okStatus();
}

Status SyncProblemService::addParked(std::vector<SyncProblem>& out) {
    struct Row {
        SyncProblem problem;
        QString terminalId;
    };
    std::vector<Row> rows;
    Statement& s = m_store.db().prepare("SELECT position, type, entity_id, coalesce(terminal_id, ''), doc, "
                                        "reason, parked_at_ms FROM sync_parked ORDER BY position");
    while (s.next()) {
        SyncProblem p;
        p.kind = SyncProblemKind::Parked;
        p.state = SyncProblemState::Waiting;
        p.position = s.int64(0);
        p.type = s.text(1);
        p.entity = entityOfOperation(p.type);
        p.documentId = s.text(2);
        p.label = labelOfDocument(parseObject(s.text(4)));
        p.reason = s.text(5);
        p.atMs = s.int64(6);
        rows.push_back(Row{std::move(p), s.text(3)});
    }
    Status st = s.status("reading the parked documents");
    s.reset();
    if (!st.ok())
        return st;
    for (auto& r : rows) {
        auto from = label(QStringLiteral("terminal"), r.terminalId);
        if (!from.ok())
            return from.error();
        r.problem.fromCounter = *from;
        out.push_back(std::move(r.problem));
    }
    return okStatus();
}

Result<std::vector<SyncProblem>> SyncProblemService::list(const Session& who) {
    MARKET_TRY(require(who, Permission::ViewReports));
    // One snapshot: the engine's connection may commit a page between the three reads. A
    // deferred (read) transaction, so the GUI never waits for the engine's write lock.
    Database& db = m_store.db();
    MARKET_TRY(db.execScript("BEGIN", "starting to read the sync problems"));
    std::vector<SyncProblem> out;
    Status read = addQuarantined(out);
    if (read.ok())
        read = addAnomalies(out);
    if (read.ok())
        read = addParked(out);
    MARKET_TRY(db.execScript(read.ok() ? "COMMIT" : "ROLLBACK", "finishing reading the sync problems"));
    MARKET_TRY(read);
    std::stable_sort(out.begin(), out.end(),
                     [](const SyncProblem& a, const SyncProblem& b) { return a.atMs > b.atMs; });
    return out;
}

} // namespace market::core
