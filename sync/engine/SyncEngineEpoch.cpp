// A restored server (new data epoch): this counter puts back what the server may have lost and
// reads the shop afresh. See sync/PROTOCOL.md, "Restore and data epochs".
#include "SyncEngine.h"

#include <QJsonDocument>
#include <domain/Uuid.h>
#include <protocol/Protocol.h>
#include <protocol/PushMessages.h>
#include <store/Outbox.h>
#include <store/Store.h>

namespace market::sync {

std::optional<PushOutcome> SyncEngine::switchEpoch(const Endpoint& ep, const QString& epoch,
                                                   std::optional<qint64> heldSeq, qint64& reenqueued) {
    reenqueued = 0;
    if (!core::Uuid::parse(epoch))
        return fail(PushOutcome::Kind::Transient, 409, QStringLiteral("invalid_reply"),
                    tr("the server says its data epoch changed but names no valid epoch; retried"));
    auto known = core::Outbox::knownEpoch(m_store);
    if (!known.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), known.error().message);
    if (!heldSeq) {
        // An empty push in the old epoch: the refusal (or, from a server that does not check the
        // epoch, the reply) names the highest seq the restored server holds for this terminal.
        protocol::PushRequest probe;
        probe.epoch = *known;
        const HttpReply r =
            send(m_nam, ep.ssl, ep.url(QStringLiteral("/api/v1/sync/push")),
                 protocol::encodePushRequest(probe), m_authorization.toUtf8(), m_options.timeoutMs);
        const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
        if (r.status == 409 && r.errorCode() == protocol::err::kStaleEpoch &&
            error.value(QStringLiteral("highestSeq")).isDouble())
            heldSeq = error.value(QStringLiteral("highestSeq")).toInteger();
        else if (r.status == 200 && r.json.value(QStringLiteral("highestSeq")).isDouble())
            heldSeq = r.json.value(QStringLiteral("highestSeq")).toInteger();
        else if (r.status == 0 || r.status == 429 || r.status >= 500)
            return fail(PushOutcome::Kind::Transient, r.status, QStringLiteral("network"),
                        tr("the server's data was restored but it could not be asked what it holds (%1); "
                           "retried")
                            .arg(r.status == 0 ? r.networkError : QString::number(r.status)));
        // Any other answer: put back everything; the server skips what it holds.
    }
    auto switched =
        core::Outbox::startEpoch(m_store, epoch, std::max<qint64>(0, heldSeq.value_or(0)), m_store.nowMs());
    if (!switched.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), switched.error().message);
    reenqueued = switched->reenqueued;
    m_status.setNotice(tr("The server's data was restored from a backup (new data epoch): %1 operation(s) "
                          "this counter had sent are sent again and the shop's data is read afresh. "
                          "Selling goes on.")
                           .arg(reenqueued));
    return std::nullopt;
}

} // namespace market::sync
