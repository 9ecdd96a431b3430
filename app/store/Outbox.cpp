#include "Outbox.h"

#include "Store.h"

#include <QStringList>

namespace market::core {

namespace {
const QString kServerUrl = QStringLiteral("sync.server_url");
const QString kShopId = QStringLiteral("sync.shop_id");
const QString kShopCode = QStringLiteral("sync.shop_code");
const QString kTerminalId = QStringLiteral("sync.terminal_id");
const QString kTerminalNumber = QStringLiteral("sync.terminal_number");
const QString kEnrolledAt = QStringLiteral("sync.enrolled_at_ms");

Result<qint64> scalar(Store& store, const char* sql, const char* what) {
    Statement& s = store.db().prepare(sql);
    qint64 v = 0;
    if (s.next())
        v = s.int64(0);
    Status st = s.status(what);
    s.reset();
    if (!st.ok())
        return st.error();
    return v;
}
} // namespace

Result<std::vector<OutboxEntry>> Outbox::pending(Store& store, int limit, qint64 afterSeq) {
    Statement& s = store.db().prepare(
        "SELECT seq, op_id, type, at_ms, payload, audit FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    s.bind(1, afterSeq).bind(2, limit);
    std::vector<OutboxEntry> out;
    while (s.next())
        out.push_back(OutboxEntry{s.int64(0), s.text(1), s.text(2), s.int64(3), s.text(4), s.text(5)});
    Status st = s.status("reading the outbox");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<qint64> Outbox::pendingCount(Store& store) {
    return scalar(store, "SELECT count(*) FROM outbox", "counting the outbox");
}

Result<std::optional<qint64>> Outbox::oldestPendingAtMs(Store& store) {
    Statement& s = store.db().prepare("SELECT at_ms FROM outbox ORDER BY seq LIMIT 1");
    std::optional<qint64> v;
    if (s.next())
        v = s.int64(0);
    Status st = s.status("reading the outbox");
    s.reset();
    if (!st.ok())
        return st.error();
    return v;
}

Status Outbox::acknowledge(Store& store, qint64 highestSeq, const std::vector<QuarantineEntry>& quarantined,
                           qint64 nowMs) {
    Database& db = store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    for (const auto& q : quarantined) {
        Statement& s = db.prepare(
            "INSERT INTO sync_quarantine (first_seq, last_seq, count, op_id, type, reason, source, "
            "envelope, at_ms) VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), ?6, ?7, "
            "nullif(?8, ''), ?9)");
        s.bind(1, q.firstSeq)
            .bind(2, q.lastSeq)
            .bind(3, q.count)
            .bind(4, q.opId)
            .bind(5, q.type)
            .bind(6, q.reason)
            .bind(7, q.source)
            .bind(8, q.envelope)
            .bind(9, q.atMs);
        MARKET_TRY(s.exec("recording a quarantined operation"));
    }
    MARKET_TRY(db.prepare("INSERT OR IGNORE INTO outbox_sent (seq, op_id, type, at_ms, payload, audit, "
                          "acked_at_ms) SELECT seq, op_id, type, at_ms, payload, audit, ?2 FROM outbox "
                          "WHERE seq <= ?1")
                   .bind(1, highestSeq)
                   .bind(2, nowMs)
                   .exec("keeping acknowledged operations"));
    MARKET_TRY(db.prepare("DELETE FROM outbox WHERE seq <= ?1")
                   .bind(1, highestSeq)
                   .exec("forgetting acknowledged "
                         "operations"));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.acked_seq"), QString::number(highestSeq)));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.last_success_ms"), QString::number(nowMs)));
    return tx.commit();
}

Result<EpochSwitch> Outbox::startEpoch(Store& store, const QString& epoch, qint64 serverHeldSeq,
                                       qint64 nowMs) {
    Database& db = store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    EpochSwitch out;
    auto previous = knownEpoch(store);
    if (!previous.ok())
        return previous.error();
    out.previousEpoch = *previous;
    // Back into the outbox in their original order; the server skips what it still holds (by
    // seq) and takes a document it already has as a repeat (by id), so sending more is harmless.
    MARKET_TRY(
        db.prepare("INSERT OR IGNORE INTO outbox (seq, op_id, type, at_ms, payload, audit) SELECT seq, "
                   "op_id, type, at_ms, payload, audit FROM outbox_sent WHERE seq > ?1")
            .bind(1, serverHeldSeq)
            .exec("putting acknowledged operations back into the outbox"));
    out.reenqueued = db.changes();
    MARKET_TRY(db.prepare("DELETE FROM outbox_sent WHERE seq > ?1")
                   .bind(1, serverHeldSeq)
                   .exec("putting acknowledged operations back into the outbox"));
    auto through = scalar(store, "SELECT coalesce(max(seq), 0) FROM outbox", "reading the outbox");
    if (!through.ok())
        return through.error();
    out.reuploadThrough = *through;
    MARKET_TRY(db.execScript("DELETE FROM sync_parked; DELETE FROM sync_anomaly",
                             "forgetting the old epoch's feed state"));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.pull_cursor"), QString())); // FeedApplier::kCursorKey
    MARKET_TRY(store.setMeta(QStringLiteral("sync.epoch"), epoch));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.reupload_through"), QString::number(out.reuploadThrough)));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.epoch_switched_at_ms"), QString::number(nowMs)));
    MARKET_TRY(store.setMeta(QStringLiteral("sync.epoch_reenqueued"), QString::number(out.reenqueued)));
    MARKET_TRY(tx.commit());
    return out;
}

Result<QString> Outbox::knownEpoch(Store& store) {
    auto cursor = store.meta(QStringLiteral("sync.pull_cursor"));
    if (!cursor.ok())
        return cursor.error();
    const qsizetype colon = cursor->indexOf(QLatin1Char(':'));
    if (colon > 0)
        return cursor->left(colon);
    return store.meta(QStringLiteral("sync.epoch"));
}

Result<qint64> Outbox::reuploadThrough(Store& store) {
    auto v = store.meta(QStringLiteral("sync.reupload_through"));
    if (!v.ok())
        return v.error();
    return v->toLongLong();
}

Result<std::vector<QuarantineEntry>> Outbox::quarantine(Store& store) {
    Statement& s =
        store.db().prepare("SELECT first_seq, last_seq, count, coalesce(op_id, ''), coalesce(type, ''), "
                           "reason, source, coalesce(envelope, ''), at_ms FROM sync_quarantine "
                           "ORDER BY id");
    std::vector<QuarantineEntry> out;
    while (s.next())
        out.push_back(QuarantineEntry{s.int64(0), s.int64(1), int(s.int64(2)), s.text(3), s.text(4),
                                      s.text(5), s.text(6), s.text(7), s.int64(8)});
    Status st = s.status("reading quarantined operations");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<qint64> Outbox::quarantinedCount(Store& store) {
    return scalar(store, "SELECT coalesce(sum(count), 0) FROM sync_quarantine",
                  "counting quarantined operations");
}

Result<std::optional<Enrolment>> Outbox::enrolment(Store& store) {
    auto terminal = store.meta(kTerminalId);
    if (!terminal.ok())
        return terminal.error();
    if (terminal->isEmpty())
        return std::optional<Enrolment>();
    QStringList v;
    for (const QString& key : {kServerUrl, kShopId, kShopCode, kTerminalNumber, kEnrolledAt}) {
        auto value = store.meta(key);
        if (!value.ok())
            return value.error();
        v.append(*value);
    }
    Enrolment e;
    e.serverUrl = v[0];
    e.shopId = Uuid::parse(v[1]).value_or(Uuid{});
    e.shopCode = v[2];
    e.terminalId = Uuid::parse(*terminal).value_or(Uuid{});
    e.terminalNumber = v[3].toLongLong();
    e.atMs = v[4].toLongLong();
    return std::optional<Enrolment>(e);
}

Status Outbox::setEnrolment(Store& store, const Enrolment& e) {
    StoreTransaction tx(store.db());
    MARKET_TRY(tx.begun());
    auto existing = enrolment(store);
    if (!existing.ok())
        return existing.error();
    if (existing->has_value())
        return Error{ErrorCode::InvalidState, QStringLiteral("this store is already enrolled as terminal %1")
                                                  .arg((*existing)->terminalId.toString())};
    MARKET_TRY(store.setMeta(kServerUrl, e.serverUrl));
    MARKET_TRY(store.setMeta(kShopId, e.shopId.toString()));
    MARKET_TRY(store.setMeta(kShopCode, e.shopCode));
    MARKET_TRY(store.setMeta(kTerminalId, e.terminalId.toString()));
    MARKET_TRY(store.setMeta(kTerminalNumber, QString::number(e.terminalNumber)));
    MARKET_TRY(store.setMeta(kEnrolledAt, QString::number(e.atMs)));
    return tx.commit();
}

Status Outbox::setServerUrl(Store& store, const QString& url) {
    auto existing = enrolment(store);
    if (!existing.ok())
        return existing.error();
    if (!existing->has_value())
        return Error{ErrorCode::InvalidState, QStringLiteral("this store is not enrolled with a server")};
    return store.setMeta(kServerUrl, url);
}

Result<QString> Outbox::syncMeta(Store& store, const QString& key) {
    return store.meta(QStringLiteral("sync.") + key);
}

Status Outbox::setSyncMeta(Store& store, const QString& key, const QString& value) {
    return store.setMeta(QStringLiteral("sync.") + key, value);
}

} // namespace market::core
