#include "SyncEngine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>
#include <domain/BooksDocuments.h>
#include <domain/Documents.h>
#include <domain/PriceDocument.h>
#include <protocol/Protocol.h>
#include <protocol/PushMessages.h>
#include <services/FeedApplier.h>
#include <set>
#include <store/Store.h>

namespace market::sync {

using core::Error;
using core::ErrorCode;
using core::Result;
using core::Status;

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("market::sync", text);
}

constexpr qint64 kMaxBodyBytes = 900 * 1024; // under the server's 1 MiB default body limit

const std::set<QString>& knownTypes() {
    static const std::set<QString> types{
        core::op::kShopUpsert,         core::op::kTerminalUpsert,      core::op::kUserUpsert,
        core::op::kPartyUpsert,        core::op::kProductUpsert,       core::op::kCommissionRuleUpsert,
        core::op::kLotReceived,        core::op::kLotStatusChanged,    core::op::kSaleRecorded,
        core::op::kCollectionRecorded, core::op::kCommissionConfirmed, core::op::kFarmerPaymentRecorded,
        core::op::kExpenseRecorded,    core::op::kStockAdjusted,       core::op::kCashSessionOpened,
        core::op::kCashMovement,       core::op::kCashSessionClosed,   core::op::kSaleReturned,
        core::op::kChargeUpsert,       core::op::kPriceUpsert,         QStringLiteral("setting.upsert")};
    return types;
}

QString fallbackOpId(qint64 seq) {
    return QStringLiteral("00000000-0000-7000-8000-%1").arg(seq, 12, 16, QLatin1Char('0'));
}

/// One outbox entry as an envelope. Whatever the counter can tell is wrong with it (unreadable
/// JSON, unknown type, another shop's or terminal's document) is returned as `reason`: the
/// operation is still pushed — with a well-formed envelope, so it cannot block the batch — and
/// the server quarantines and acknowledges it; the counter keeps the original for display.
struct Prepared {
    protocol::OutboxOp op;
    QString reason;
};

Prepared prepare(const core::OutboxEntry& e, const core::TerminalIdentity* identity, QString& lastHash) {
    Prepared p;
    protocol::OutboxOp& o = p.op;
    o.seq = e.seq;
    o.opId = core::Uuid::parse(e.opId).value_or(*core::Uuid::parse(fallbackOpId(e.seq)));
    o.type = e.type.isEmpty() ? QStringLiteral("invalid") : e.type;
    o.atMs = e.atMs;
    QStringList reasons;
    if (!core::Uuid::parse(e.opId))
        reasons << tr("opId is not a UUID");
    const QJsonDocument payload = QJsonDocument::fromJson(e.payload.toUtf8());
    if (payload.isObject()) {
        o.payload = payload.object();
    } else {
        reasons << tr("payload is not a JSON object");
    }
    if (!knownTypes().contains(e.type))
        reasons << tr("unknown operation type \"%1\"").arg(e.type);
    if (identity) {
        const QString shop = o.payload.value(QStringLiteral("shopId")).toString();
        const QString terminal = o.payload.value(QStringLiteral("terminalId")).toString();
        if (!shop.isEmpty() && shop != identity->shopId.toString())
            reasons << tr("shopId %1 is not this terminal's shop").arg(shop);
        if (!terminal.isEmpty() && terminal != identity->terminalId.toString())
            reasons << tr("terminalId %1 is not this terminal").arg(terminal);
    }

    const QJsonObject a = QJsonDocument::fromJson(e.audit.toUtf8()).object();
    protocol::AuditEntry& au = o.audit;
    au.seq = a.value(QStringLiteral("seq")).toInteger();
    au.prevHash = a.value(QStringLiteral("prevHash")).toString();
    au.hash = a.value(QStringLiteral("hash")).toString();
    au.userId = a.value(QStringLiteral("userId")).toString();
    au.action = a.value(QStringLiteral("action")).toString();
    au.entity = a.value(QStringLiteral("entity")).toString();
    au.entityId = a.value(QStringLiteral("entityId")).toString();
    au.atMs = a.value(QStringLiteral("atMs")).toInteger();
    au.before = a.contains(QStringLiteral("before")) ? a.value(QStringLiteral("before")) : QJsonValue();
    au.after = a.contains(QStringLiteral("after")) ? a.value(QStringLiteral("after")) : QJsonValue();
    if (!au.before.isObject())
        au.before = QJsonValue(QJsonValue::Null);
    if (!au.after.isObject())
        au.after = QJsonValue(QJsonValue::Null);
    const bool auditOk = au.seq >= 1 && au.prevHash.size() == 64 && au.hash.size() == 64 &&
                         !au.userId.isEmpty() && !au.action.isEmpty() && !au.entity.isEmpty() &&
                         !au.entityId.isEmpty() && au.atMs >= 0;
    if (!auditOk) {
        reasons << tr("audit entry unreadable");
        // A placeholder that passes the envelope codec; the server records the chain break.
        au = protocol::AuditEntry{};
        au.seq = e.seq;
        au.prevHash = lastHash.size() == 64 ? lastHash : protocol::kGenesisHash;
        au.hash = protocol::kGenesisHash;
        au.userId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        au.action = au.entity = QStringLiteral("invalid");
        au.entityId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        au.atMs = std::max<qint64>(0, e.atMs);
        au.before = au.after = QJsonValue(QJsonValue::Null);
    }
    if (!reasons.isEmpty()) {
        p.reason = reasons.join(QStringLiteral("; "));
        if (!payload.isObject())
            o.payload = QJsonObject{}; // fails the server's strict codec: quarantined, acknowledged
    }
    lastHash = au.hash;
    return p;
}

bool isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// What stays in the outbox behind a batch (the batch is the head of the queue), reported with the
// push so the owner API can show this terminal's backlog. Ages on the counter's own clock.
Result<protocol::PushBacklog> backlogBehind(core::Store& store, qint64 lastSent, qint64 sent, qint64 nowMs) {
    auto pending = core::Outbox::pendingCount(store);
    if (!pending.ok())
        return pending.error();
    auto next = core::Outbox::pending(store, 1, lastSent);
    if (!next.ok())
        return next.error();
    protocol::PushBacklog b;
    b.count = std::max<qint64>(0, *pending - sent);
    if (!next->empty())
        b.oldestAgeMs = std::max<qint64>(0, nowMs - next->front().atMs);
    return b;
}

} // namespace

int Backoff::nextDelayMs() {
    ++m_failures;
    const int shift = std::min(m_failures - 1, 20);
    const qint64 d = std::min<qint64>(m_max, qint64(m_base) << shift);
    return int(d / 2 + QRandomGenerator::global()->bounded(d / 2 + 1));
}

QString SyncEngine::HttpReply::errorCode() const {
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString SyncEngine::HttpReply::errorMessage() const {
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

SyncEngine::SyncEngine(core::Store& store, DeviceKeychain keychain, SyncOptions options, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(std::move(keychain))
    , m_options(std::move(options))
    , m_batchSize(std::clamp(m_options.batchSize, 1, protocol::kMaxOpsPerBatch))
    , m_backoff(m_options.backoffBaseMs, m_options.backoffMaxMs) {
    qRegisterMetaType<market::sync::PushOutcome>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::cycle);
}

SyncEngine::~SyncEngine() = default;

Result<std::unique_ptr<SyncEngine>> SyncEngine::open(const QString& path, DeviceKeychain keychain,
                                                     SyncOptions options) {
    auto clock = std::make_unique<core::SystemClock>();
    auto store = core::Store::open(path, *clock);
    if (!store.ok())
        return store.error();
    auto engine = std::make_unique<SyncEngine>(**store, std::move(keychain), std::move(options));
    engine->m_ownClock = std::move(clock);
    engine->m_ownStore = std::move(store).value();
    return engine;
}

Status SyncEngine::checkServerUrl(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error{ErrorCode::InvalidInput,
                     tr("server address \"%1\" is not an http(s) URL such as https://market.example:8443")
                         .arg(url.toString())};
    if (url.scheme() == QLatin1String("http") && !isLoopback(url))
        return Error{ErrorCode::InvalidInput,
                     tr("server address \"%1\": plain http is allowed only to this machine (127.0.0.1); use "
                        "https")
                         .arg(url.toString())};
    return core::okStatus();
}

Result<QSslConfiguration> SyncEngine::sslConfiguration(const SyncOptions& options) {
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!options.caFile.isEmpty()) {
        if (!QFile::exists(options.caFile))
            return Error{ErrorCode::InvalidInput, tr("CA file %1 does not exist").arg(options.caFile)};
        const auto certs = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
        if (certs.isEmpty())
            return Error{ErrorCode::InvalidInput,
                         tr("CA file %1 holds no PEM certificate").arg(options.caFile)};
        ssl.addCaCertificates(certs);
    }
    return ssl;
}

SyncEngine::HttpReply SyncEngine::send(QNetworkAccessManager& nam, const QSslConfiguration& ssl,
                                       const QUrl& url, const QByteArray& body,
                                       const QByteArray& authorization, int timeoutMs) {
    QNetworkRequest request(url);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    request.setTransferTimeout(timeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(ssl);
    QNetworkReply* reply = body.isNull() ? nam.get(request) : nam.post(request, body);
    QStringList sslErrors;
    // Certificate errors are never ignored: the handshake fails and the reply says why.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&sslErrors](const QList<QSslError>& errors) {
        for (const auto& e : errors)
            sslErrors << e.errorString();
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A connection that broke after the headers (a 200 whose body stops half-way) gave no answer:
    // network-layer errors are 1..99 in QNetworkReply::NetworkError (HTTP statuses map above).
    if (reply->error() > QNetworkReply::NoError &&
        reply->error() < QNetworkReply::ProxyConnectionRefusedError)
        out.status = 0;
    out.body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed once the timeout aborted it
    QJsonParseError parsed{};
    out.json = QJsonDocument::fromJson(out.body, &parsed).object();
    // Qt reports a gzip body cut short as complete and error-free: a successful JSON answer that
    // does not parse broke off on the way too (the server never sends one).
    const bool brokenJson = out.status >= 200 && out.status < 300 &&
                            parsed.error != QJsonParseError::NoError &&
                            reply->header(QNetworkRequest::ContentTypeHeader)
                                .toString()
                                .startsWith(QLatin1String("application/json"));
    if (brokenJson)
        out.status = 0;
    if (out.status == 0) {
        out.tlsFailure = !sslErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError;
        out.networkError = brokenJson
                               ? tr("the answer broke off (%1 bytes, not complete JSON)").arg(out.body.size())
                           : sslErrors.isEmpty() ? reply->errorString()
                                                 : sslErrors.join(QStringLiteral("; "));
    }
    reply->deleteLater();
    return out;
}

Result<EnrolResult> SyncEngine::enrol(core::Store& store, const DeviceKeychain& keychain,
                                      const QString& serverUrl, const QString& shopCode, const QString& code,
                                      const QString& terminalName, const SyncOptions& options) {
    const QUrl base(serverUrl);
    MARKET_TRY(checkServerUrl(base));
    if (shopCode.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("the shop code is required to enrol")};
    if (code.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("the enrolment code is required")};
    auto existing = core::Outbox::enrolment(store);
    if (!existing.ok())
        return existing.error();
    if (*existing)
        return Error{ErrorCode::InvalidState,
                     tr("this store is already enrolled as terminal %1 of shop %2")
                         .arg((*existing)->terminalId.toString(), (*existing)->shopCode)};
    if (store.identity())
        return Error{
            ErrorCode::InvalidState,
            tr("this store already holds shop %1 as a standalone counter: its documents and audit "
               "chain carry its own shop and terminal ids, which a server cannot adopt (the server "
               "assigns the terminal id at enrolment). Enrol a new store, then run \"marketctl init\" "
               "on it")
                .arg(store.identity()->shopCode)};
    auto ssl = sslConfiguration(options);
    if (!ssl.ok())
        return ssl.error();
    // Before spending the one-time code: is there a keychain to keep the secret in?
    MARKET_TRY(keychain.probe());

    QUrl url = base;
    url.setPath(base.path().chopped(base.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                QStringLiteral("/api/v1/devices/enrol"));
    const QJsonObject body{{QStringLiteral("shopCode"), shopCode.trimmed().toUpper()},
                           {QStringLiteral("code"), code.trimmed()},
                           {QStringLiteral("name"), terminalName}};
    QNetworkAccessManager nam;
    const HttpReply r =
        send(nam, *ssl, url, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, options.timeoutMs);
    if (r.status == 0)
        return Error{ErrorCode::InvalidState,
                     (r.tlsFailure ? tr("the server's TLS certificate is not trusted: %1")
                                   : tr("cannot reach the server at %1: %2").arg(serverUrl))
                         .arg(r.networkError)};
    if (r.status != 201)
        return Error{r.status == 401 || r.status == 403 ? ErrorCode::AuthenticationFailed
                                                        : ErrorCode::InvalidState,
                     tr("enrolment refused by the server (%1 %2): %3")
                         .arg(r.status)
                         .arg(r.errorCode(), r.errorMessage().isEmpty() ? QString::fromUtf8(r.body.left(200))
                                                                        : r.errorMessage())};
    const auto shopId = core::Uuid::parse(r.json.value(QStringLiteral("shopId")).toString());
    const auto terminalId = core::Uuid::parse(r.json.value(QStringLiteral("terminalId")).toString());
    const QString secret = r.json.value(QStringLiteral("secret")).toString();
    const qint64 number = r.json.value(QStringLiteral("terminalNumber")).toInteger();
    if (!shopId || !terminalId || secret.size() != 64 || number < 1)
        return Error{ErrorCode::InvalidState, tr("the server's enrolment reply is not understood")};

    EnrolResult out;
    out.enrolment.serverUrl = base.toString(QUrl::StripTrailingSlash);
    out.enrolment.shopId = *shopId;
    out.enrolment.shopCode = r.json.value(QStringLiteral("shopCode")).toString();
    out.enrolment.terminalId = *terminalId;
    out.enrolment.terminalNumber = number;
    out.enrolment.atMs = store.nowMs();
    out.protocolVersion = r.json.value(QStringLiteral("protocolVersion")).toInt();

    MARKET_TRY(keychain.write(terminalId->toString(), secret));
    Status saved = core::Outbox::setEnrolment(store, out.enrolment);
    if (saved.ok())
        saved = core::Outbox::setSyncMeta(store, QStringLiteral("protocol_version"),
                                          QString::number(out.protocolVersion));
    if (!saved.ok()) {
        (void)keychain.remove(terminalId->toString());
        return saved.error();
    }
    return out;
}

PushOutcome SyncEngine::fail(PushOutcome::Kind kind, int status, const QString& code,
                             const QString& message) {
    PushOutcome o;
    o.kind = kind;
    o.httpStatus = status;
    o.errorCode = code;
    o.message = message;
    m_status.setLastError(message);
    if (kind == PushOutcome::Kind::Transient && status == 0)
        markReachable(false);
    return o;
}

void SyncEngine::markReachable(bool reachable) {
    m_status.setOnline(reachable);
    // Only the change is written: a counter offline for a day writes once, not every retry.
    const qint64 since =
        reachable ? 0 : (m_status.offlineSinceMs() ? m_status.offlineSinceMs() : m_store.nowMs());
    if (since == m_status.offlineSinceMs())
        return;
    m_status.setOfflineSinceMs(since);
    if (auto st = core::Outbox::setSyncMeta(m_store, QStringLiteral("offline_since_ms"),
                                            since ? QString::number(since) : QString());
        !st.ok())
        qWarning("sync: could not keep the offline time: %s", qPrintable(st.error().message));
}

Status SyncEngine::refreshStatus() {
    auto pending = core::Outbox::pendingCount(m_store);
    if (!pending.ok())
        return pending.error();
    auto oldest = core::Outbox::oldestPendingAtMs(m_store);
    if (!oldest.ok())
        return oldest.error();
    auto quarantined = core::Outbox::quarantinedCount(m_store);
    if (!quarantined.ok())
        return quarantined.error();
    auto anomalies = core::FeedApplier(m_store).anomalyCount();
    if (!anomalies.ok())
        return anomalies.error();
    auto last = core::Outbox::syncMeta(m_store, QStringLiteral("last_success_ms"));
    if (!last.ok())
        return last.error();
    auto version = core::Outbox::syncMeta(m_store, QStringLiteral("protocol_version"));
    if (!version.ok())
        return version.error();
    auto offlineSince = core::Outbox::syncMeta(m_store, QStringLiteral("offline_since_ms"));
    if (!offlineSince.ok())
        return offlineSince.error();
    m_status.setPending(*pending, oldest->value_or(0));
    m_status.setQuarantinedCount(*quarantined);
    m_status.setAnomalyCount(*anomalies);
    m_status.setLastSuccessMs(last->toLongLong());
    m_status.setServerProtocolVersion(version->toInt());
    m_status.setOfflineSinceMs(offlineSince->toLongLong());
    return core::okStatus();
}

QUrl SyncEngine::Endpoint::url(const QString& path) const {
    QUrl u = base;
    u.setPath(base.path().chopped(base.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    return u;
}

std::optional<PushOutcome> SyncEngine::endpoint(Endpoint& out) {
    auto enrolment = core::Outbox::enrolment(m_store);
    if (!enrolment.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), enrolment.error().message);
    if (!*enrolment)
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("not_enrolled"),
                    tr("this counter is not enrolled with a server: run \"marketctl enrol\""));
    const core::Enrolment& en = **enrolment;
    if (m_authorization.isEmpty()) {
        auto secret = m_keychain.read(en.terminalId.toString());
        if (!secret.ok())
            return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("keychain"), secret.error().message);
        m_authorization = QStringLiteral("Device %1.%2").arg(en.terminalId.toString(), *secret);
    }
    const QUrl base(m_options.serverUrl.isEmpty() ? en.serverUrl : m_options.serverUrl);
    if (Status s = checkServerUrl(base); !s.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("invalid_server_url"), s.error().message);
    auto ssl = sslConfiguration(m_options);
    if (!ssl.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("tls"), ssl.error().message);
    out.base = base;
    out.ssl = *ssl;
    return std::nullopt;
}

PushOutcome SyncEngine::pushBatch(bool& more) {
    more = false;
    Endpoint ep;
    if (auto failed = endpoint(ep))
        return *failed;
    const QUrl& base = ep.base;

    auto entries = core::Outbox::pending(m_store, m_batchSize);
    if (!entries.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), entries.error().message);
    PushOutcome out;
    if (entries->empty())
        return out;

    // The envelopes, under the body limit; quarantine reasons the counter can already tell.
    protocol::PushRequest request;
    request.protocolVersion = m_options.protocolVersion;
    std::vector<core::QuarantineEntry> local;
    QString lastHash;
    qint64 bytes = 64;
    const qint64 nowMs = m_store.nowMs();
    const core::TerminalIdentity* identity = m_store.identity() ? &*m_store.identity() : nullptr;
    for (const auto& e : *entries) {
        Prepared p = prepare(e, identity, lastHash);
        const qint64 size = QJsonDocument(protocol::encodeOp(p.op)).toJson(QJsonDocument::Compact).size() + 1;
        if (!request.ops.empty() && bytes + size > kMaxBodyBytes)
            break;
        bytes += size;
        if (!p.reason.isEmpty())
            local.push_back(
                core::QuarantineEntry{e.seq, e.seq, 1, e.opId, e.type, p.reason, QStringLiteral("counter"),
                                      QStringLiteral("{\"payload\":%1,\"audit\":%2}")
                                          .arg(e.payload.isEmpty() ? QStringLiteral("null") : e.payload,
                                               e.audit.isEmpty() ? QStringLiteral("null") : e.audit),
                                      nowMs});
        request.ops.push_back(std::move(p.op));
    }
    const auto backlog = backlogBehind(m_store, request.ops.back().seq, qint64(request.ops.size()), nowMs);
    if (!backlog.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), backlog.error().message);
    request.backlog = *backlog;

    // The epoch this counter syncs in: a restored server refuses the batch (stale_epoch) instead
    // of taking it on top of data that lost what came before. What an epoch switch put back
    // goes as a re-upload (the server may lack sequences before it, and holds some documents).
    auto epoch = core::Outbox::knownEpoch(m_store);
    auto reuploadThrough = core::Outbox::reuploadThrough(m_store);
    if (!epoch.ok() || !reuploadThrough.ok())
        return fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"),
                    (epoch.ok() ? reuploadThrough.error() : epoch.error()).message);
    request.epoch = *epoch;
    request.reupload = request.ops.front().seq <= *reuploadThrough;

    const HttpReply r =
        send(m_nam, ep.ssl, ep.url(QStringLiteral("/api/v1/sync/push")), protocol::encodePushRequest(request),
             m_authorization.toUtf8(), m_options.timeoutMs);
    out.batches = 1;
    if (r.status == 0) {
        if (r.tlsFailure)
            return fail(
                PushOutcome::Kind::Fatal, 0, QStringLiteral("tls"),
                tr("the server's TLS certificate is not trusted (%1); nothing was sent").arg(r.networkError));
        return fail(PushOutcome::Kind::Transient, 0, QStringLiteral("network"),
                    tr("server %1 not reachable: %2; the outbox is kept and retried")
                        .arg(base.toString(), r.networkError));
    }
    markReachable(true);
    const QString code = r.errorCode();
    const QString message = r.errorMessage();
    if (r.status == 200) {
        const auto reply = protocol::PushReply::fromJson(r.json);
        if (const auto* e = std::get_if<protocol::WireError>(&reply))
            return fail(PushOutcome::Kind::Transient, 200, e->code,
                        tr("the server's push reply is not understood (%1); retried").arg(e->message));
        const auto& pr = std::get<protocol::PushReply>(reply);
        const qint64 firstSeq = request.ops.front().seq;
        const qint64 lastSent = request.ops.back().seq;
        if (pr.highestSeq < firstSeq - 1)
            return fail(PushOutcome::Kind::Fatal, 200, QStringLiteral("sequence_behind"),
                        tr("the server holds up to seq %1 but this counter already forgot up to %2 (restored "
                           "server?); nothing was deleted")
                            .arg(pr.highestSeq)
                            .arg(firstSeq - 1));
        std::vector<core::QuarantineEntry> keep;
        int predicted = 0;
        for (auto& q : local)
            if (q.firstSeq <= pr.highestSeq) {
                keep.push_back(q);
                ++predicted;
            }
        if (pr.quarantined > predicted) {
            const qint64 last = std::min(lastSent, pr.highestSeq);
            keep.push_back(core::QuarantineEntry{firstSeq,
                                                 last,
                                                 pr.quarantined - predicted,
                                                 {},
                                                 {},
                                                 tr("the server quarantined %1 operation(s) of seq %2–%3 "
                                                    "(see the server's quarantine list for "
                                                    "which and why)")
                                                     .arg(pr.quarantined - predicted)
                                                     .arg(firstSeq)
                                                     .arg(last),
                                                 QStringLiteral("server"),
                                                 {},
                                                 nowMs});
        }
        const qint64 ackUpTo = std::min(lastSent, pr.highestSeq);
        if (Status s = core::Outbox::acknowledge(m_store, ackUpTo, keep, nowMs); !s.ok())
            return fail(PushOutcome::Kind::Fatal, 200, QStringLiteral("storage"), s.error().message);
        out.acknowledged = qint64(std::count_if(request.ops.begin(), request.ops.end(),
                                                [&](const auto& o) { return o.seq <= ackUpTo; }));
        out.applied = pr.applied;
        out.skipped = pr.skipped;
        out.quarantined = pr.quarantined > predicted ? pr.quarantined : predicted;
        if (ackUpTo < lastSent) { // never expected: the server applies a batch whole or not at all
            PushOutcome partial = fail(PushOutcome::Kind::Transient, 200, QStringLiteral("partial_ack"),
                                       tr("the server acknowledged up to seq %1 of %2; the rest is retried")
                                           .arg(ackUpTo)
                                           .arg(lastSent));
            partial.batches = 1;
            partial.acknowledged = out.acknowledged;
            partial.applied = out.applied;
            partial.skipped = out.skipped;
            partial.quarantined = out.quarantined;
            return partial;
        }
        m_status.setLastError({});
        more = true;
        return out;
    }
    if (r.status == 409 && code == protocol::err::kStaleEpoch) {
        const QJsonObject e = r.json.value(QStringLiteral("error")).toObject();
        const QJsonValue held = e.value(QStringLiteral("highestSeq"));
        if (auto failed = switchEpoch(
                ep, e.value(QStringLiteral("epoch")).toString(),
                held.isDouble() ? std::optional<qint64>(held.toInteger()) : std::nullopt, out.reenqueued))
            return *failed;
        more = true; // the re-upload goes first, in the next batches
        return out;
    }
    if ((r.status == 413 || code == protocol::err::kTooManyOps) && request.ops.size() > 1) {
        m_batchSize = std::max(1, int(request.ops.size() / 2)); // smaller batches, at once
        more = true;
        return out;
    }
    if (r.status == 401 || r.status == 403) {
        m_authorization.clear();
        return fail(
            PushOutcome::Kind::Fatal, r.status, code,
            code == protocol::err::kTerminalRevoked
                ? tr("this terminal has been revoked by the server: nothing more is sent and the outbox "
                     "(%1 operation(s) from seq %2) is kept; a manager must enrol the counter again")
                      .arg(entries->size())
                      .arg(entries->front().seq)
                : tr("the server refused this terminal's credential (%1): %2").arg(code, message));
    }
    if (code == protocol::err::kUnsupportedVersion) {
        // Retrying cannot help and nothing may be discarded: the software must be updated (or the
        // server, for a counter newer than it). Selling goes on; the outbox waits.
        const auto waiting = core::Outbox::pendingCount(m_store);
        return fail(PushOutcome::Kind::Fatal, r.status, code,
                    tr("the server does not accept sync protocol version %1 that this counter speaks (%2): "
                       "update market-pos or the server; selling goes on and the outbox (%3 operation(s) "
                       "from seq %4) is kept, nothing is discarded")
                        .arg(request.protocolVersion)
                        .arg(message)
                        .arg(waiting.ok() ? *waiting : qint64(entries->size()))
                        .arg(entries->front().seq));
    }
    if (r.status == 429 || r.status >= 500)
        return fail(PushOutcome::Kind::Transient, r.status, code,
                    tr("server busy or unavailable (%1 %2): %3; retried").arg(r.status).arg(code, message));
    return fail(
        PushOutcome::Kind::Fatal, r.status, code,
        tr("the server refused the push (%1 %2): %3; nothing was deleted").arg(r.status).arg(code, message));
}

PushOutcome SyncEngine::pushAll() {
    PushOutcome total;
    for (;;) {
        bool more = false;
        PushOutcome b = pushBatch(more);
        total.batches += b.batches;
        total.acknowledged += b.acknowledged;
        total.applied += b.applied;
        total.skipped += b.skipped;
        total.quarantined += b.quarantined;
        total.reenqueued += b.reenqueued;
        if (b.kind != PushOutcome::Kind::Done) {
            b.batches = total.batches;
            b.acknowledged = total.acknowledged;
            b.applied = total.applied;
            b.skipped = total.skipped;
            b.quarantined = total.quarantined;
            b.reenqueued = total.reenqueued;
            (void)refreshStatus();
            return b;
        }
        if (!more)
            break;
    }
    (void)refreshStatus();
    return total;
}

void SyncEngine::start() {
    m_running = true;
    m_timer.start(0);
}

void SyncEngine::stop() {
    m_running = false;
    m_timer.stop();
}

void SyncEngine::pushSoon() {
    if (m_running && (!m_timer.isActive() || m_timer.remainingTime() > 200) && m_backoff.failures() == 0)
        m_timer.start(200);
}

void SyncEngine::cycle() {
    (void)refreshStatus(); // what is waiting, before the network is tried
    const PushOutcome o = syncOnce();
    emit cycleFinished(o);
    if (!m_running)
        return;
    switch (o.kind) {
    case PushOutcome::Kind::Done:
        m_backoff.reset();
        m_timer.start(m_options.idleIntervalMs);
        break;
    case PushOutcome::Kind::Transient:
        m_timer.start(m_backoff.nextDelayMs());
        break;
    case PushOutcome::Kind::Fatal:
        m_running = false; // a person must act (enrol, trust the certificate); start() again after
        break;
    }
}

} // namespace market::sync
