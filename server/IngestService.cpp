#include "IngestService.h"

#include "ApiError.h"
#include "Database.h"
#include "PushBatch.h"

namespace market::server {

namespace err = protocol::err;

protocol::PushReply IngestService::push(const TerminalIdentity& terminal, const QByteArray& body) {
    auto decoded = protocol::decodePushRequest(body, m_maxOps);
    if (const auto* e = std::get_if<protocol::WireError>(&decoded))
        throw ApiError(400, e->code, e->message);
    const auto& request = std::get<protocol::PushRequest>(decoded);
    const auto& ops = request.ops;

    pqxx::work tx(m_db.connection());
    // Before entering the shop: server_meta is the owner's, not market_app's. Only asked when the
    // counter names its epoch (counters from before do not).
    QString epoch;
    bool restored = false;
    if (!request.epoch.isEmpty()) {
        const auto meta = execPrepared(tx, "SELECT epoch::text, restored_at IS NOT NULL FROM server_meta");
        epoch = q(meta[0][0].as<std::string>());
        restored = meta[0][1].as<bool>();
    }
    // Every statement of a push is prepared (execPrepared) and its plan does not depend on the
    // values: plan once per connection, not five custom plans first on each connection. A generic
    // plan is kept while the tables grow, so it must not be a sequential scan chosen when a table
    // (a new month's partition) was nearly empty: every lookup of a push has an index.
    enterShop(tx, terminal.shopId,
              "; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off");
    // The terminal row lock serialises pushes of one terminal (a retry racing the original).
    const auto t =
        execPrepared(tx,
                     "SELECT last_seq, last_audit_hash, revoked_at IS NOT NULL, "
                     "coalesce(reupload_closed_epoch::text, '') FROM terminals WHERE id = $1 FOR UPDATE",
                     s(terminal.terminalId));
    if (t.empty() || t[0][2].as<bool>())
        throw ApiError(403, err::kTerminalRevoked,
                       QStringLiteral("terminal is not enrolled or has been revoked"));
    const qint64 held = t[0][0].as<qint64>();
    // A counter that names the epoch it synced in must not push into restored data unknowingly:
    // it re-enqueues what the restore may have lost first (sync/PROTOCOL.md, "Restore").
    if (!request.epoch.isEmpty() && request.epoch != epoch)
        throw ApiError(409, err::kStaleEpoch,
                       QStringLiteral("the server's data epoch changed (restore): re-upload this terminal's "
                                      "operations after seq %1 in epoch %2")
                           .arg(held)
                           .arg(epoch),
                       {{QStringLiteral("epoch"), epoch}, {QStringLiteral("highestSeq"), held}});

    // A re-upload is honoured only after a restore (`new-epoch`) and until this terminal's first
    // plain push in that epoch; otherwise the flag is ignored and a gap refused as always.
    const bool reupload =
        request.reupload && restored && q(t[0][3].as<std::string>()) != epoch && request.epoch == epoch;

    protocol::PushReply reply;
    size_t first = 0;
    while (first < ops.size() && ops[first].seq <= held)
        ++first;
    reply.skipped = int(first);
    const bool lostByRestore = reupload && first < ops.size() && ops[first].seq > held + 1;
    if (first < ops.size() && ops[first].seq != held + 1 && !lostByRestore)
        throw ApiError(
            409, err::kSequenceGap,
            QStringLiteral(
                "sequence gap: the server holds up to %1, so the next operation must be %2, got %3")
                .arg(held)
                .arg(held + 1)
                .arg(ops[first].seq),
            {{QStringLiteral("highestSeq"), held}, {QStringLiteral("expectedSeq"), held + 1}});

    PushBatch batch(tx, terminal, QString::fromStdString(t[0][1].as<std::string>()));
    batch.setReupload(reupload);
    if (lostByRestore) // the counter forgot these before it kept sent operations: say so, go on
        batch.reuploadGap(held + 1, ops[first].seq - 1);
    batch.prefetchExisting(ops, first);
    for (size_t i = first; i < ops.size(); ++i)
        batch.add(ops[i]);
    reply.highestSeq = ops.empty() ? held : std::max(held, ops.back().seq);
    // Highest applied sequence stored in the same transaction as the rows: all or nothing. Before
    // the flush, whose feed append takes the shop's feed counter lock last.
    // The backlog the counter reports behind this batch (-1: not reported, keep what is known);
    // its oldest entry is dated on the server's clock from the age the counter measured.
    const auto& backlog = std::get<protocol::PushRequest>(decoded).backlog;
    execPrepared(
        tx,
        "UPDATE terminals SET last_seq = $2, last_audit_seq = last_audit_seq + $3, last_audit_hash = "
        "$4, last_seen_at = now(), "
        "backlog_count = CASE WHEN $5::bigint < 0 THEN backlog_count ELSE $5::bigint END, "
        "backlog_oldest_at = CASE WHEN $5::bigint < 0 THEN backlog_oldest_at WHEN $5::bigint = 0 THEN NULL "
        "ELSE now() - $6::bigint * interval '1 millisecond' END, "
        "backlog_reported_at = CASE WHEN $5::bigint < 0 THEN backlog_reported_at ELSE now() END, "
        "reupload_closed_epoch = CASE WHEN $7::boolean THEN reupload_closed_epoch ELSE "
        "coalesce(nullif($8::text, '')::uuid, reupload_closed_epoch) END "
        "WHERE id = $1",
        s(terminal.terminalId), reply.highestSeq, qint64(ops.size() - first), s(batch.lastAuditHash()),
        backlog ? backlog->count : qint64(-1), backlog ? backlog->oldestAgeMs : qint64(0), request.reupload,
        s(epoch));
    reply.anomalies = batch.flush();
    reply.applied = batch.applied();
    reply.skipped += batch.repeats();
    reply.quarantined = batch.quarantined();
    tx.commit();
    return reply;
}

} // namespace market::server
