#include "PushMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <domain/JsonReader.h>

namespace market::protocol {

namespace {
constexpr qint64 kMaxSeq = 9'007'199'254'740'991LL; // 2^53 - 1: exact in every JSON reader
constexpr qint64 kMaxMs = 32'503'680'000'000LL;     // year 3000

bool isHex64(const QString& s) {
    if (s.size() != 64)
        return false;
    for (QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

QJsonValue objectOrNull(core::JsonReader& r, const QJsonObject& o, const QString& key) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QJsonValue(QJsonValue::Null);
    if (!v.isObject()) {
        r.fail(key, QStringLiteral("must be an object or null"));
        return QJsonValue(QJsonValue::Null);
    }
    return v;
}

AuditEntry readAudit(core::JsonReader& r, const QJsonObject& o) {
    AuditEntry a;
    a.seq = r.integer(QStringLiteral("seq"), 1, kMaxSeq);
    a.prevHash = r.string(QStringLiteral("prevHash"), 64);
    a.hash = r.string(QStringLiteral("hash"), 64);
    if (r.ok() && !isHex64(a.prevHash))
        r.fail(QStringLiteral("prevHash"), QStringLiteral("must be 64 lowercase hex characters"));
    if (r.ok() && !isHex64(a.hash))
        r.fail(QStringLiteral("hash"), QStringLiteral("must be 64 lowercase hex characters"));
    a.userId = r.string(QStringLiteral("userId"), 64);
    a.action = r.string(QStringLiteral("action"), 64);
    a.entity = r.string(QStringLiteral("entity"), 64);
    a.entityId = r.string(QStringLiteral("entityId"), 64);
    a.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    a.before = objectOrNull(r, o, QStringLiteral("before"));
    a.after = objectOrNull(r, o, QStringLiteral("after"));
    return a;
}

QJsonObject auditToJson(const AuditEntry& a) {
    return {{QStringLiteral("seq"), a.seq},           {QStringLiteral("prevHash"), a.prevHash},
            {QStringLiteral("hash"), a.hash},         {QStringLiteral("userId"), a.userId},
            {QStringLiteral("action"), a.action},     {QStringLiteral("entity"), a.entity},
            {QStringLiteral("entityId"), a.entityId}, {QStringLiteral("atMs"), a.atMs},
            {QStringLiteral("before"), a.before},     {QStringLiteral("after"), a.after}};
}
} // namespace

std::variant<PushRequest, WireError> decodePushRequest(const QByteArray& body, int maxOps) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return WireError{
            err::kMalformedJson,
            QStringLiteral("body is not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset)};
    if (!doc.isObject())
        return WireError{err::kInvalidEnvelope, QStringLiteral("body must be a JSON object")};
    const QJsonObject root = doc.object();
    core::JsonReader r(root);
    PushRequest req;
    req.protocolVersion = int(r.integer(QStringLiteral("protocolVersion"), 0, 1000));
    if (!r.ok())
        return WireError{err::kInvalidEnvelope, r.error()};
    if (req.protocolVersion != kProtocolVersion)
        return WireError{err::kUnsupportedVersion,
                         QStringLiteral("protocolVersion %1 is not supported (server speaks %2)")
                             .arg(req.protocolVersion)
                             .arg(kProtocolVersion)};
    if (r.has(QStringLiteral("backlog"))) {
        if (!root.value(QStringLiteral("backlog")).isObject())
            return WireError{err::kInvalidEnvelope, QStringLiteral("backlog: must be an object or null")};
        core::JsonReader b = r.object(QStringLiteral("backlog"));
        PushBacklog backlog;
        backlog.count = b.integer(QStringLiteral("count"), 0, kMaxSeq);
        backlog.oldestAgeMs = b.integer(QStringLiteral("oldestAgeMs"), 0, kMaxMs);
        if (!b.ok())
            return WireError{err::kInvalidEnvelope, b.error()};
        req.backlog = backlog;
    }
    if (r.has(QStringLiteral("epoch"))) {
        req.epoch = r.uuid(QStringLiteral("epoch")).toString();
        if (!r.ok())
            return WireError{err::kInvalidEnvelope, r.error()};
    }
    if (r.has(QStringLiteral("reupload"))) {
        if (!root.value(QStringLiteral("reupload")).isBool())
            return WireError{err::kInvalidEnvelope, QStringLiteral("reupload: must be true or false")};
        req.reupload = root.value(QStringLiteral("reupload")).toBool();
    }
    const QJsonValue opsValue = root.value(QStringLiteral("ops"));
    if (!opsValue.isArray())
        return WireError{err::kInvalidEnvelope, QStringLiteral("ops: must be an array")};
    const QJsonArray ops = opsValue.toArray();
    if (ops.size() > maxOps)
        return WireError{
            err::kTooManyOps,
            QStringLiteral("a batch holds at most %1 operations, got %2").arg(maxOps).arg(ops.size())};
    req.ops.reserve(size_t(ops.size()));
    for (qsizetype i = 0; i < ops.size(); ++i) {
        core::JsonReader item = r.item(ops, i, QStringLiteral("ops"));
        if (!r.ok())
            return WireError{err::kInvalidEnvelope, r.error()};
        const QJsonObject o = ops.at(i).toObject();
        OutboxOp op;
        op.seq = item.integer(QStringLiteral("seq"), 1, kMaxSeq);
        op.opId = item.uuid(QStringLiteral("opId"));
        op.type = item.string(QStringLiteral("type"), 64);
        op.atMs = item.integer(QStringLiteral("atMs"), 0, kMaxMs);
        if (item.ok() && !o.value(QStringLiteral("payload")).isObject())
            item.fail(QStringLiteral("payload"), QStringLiteral("must be an object"));
        op.payload = o.value(QStringLiteral("payload")).toObject();
        if (item.ok() && !o.value(QStringLiteral("audit")).isObject())
            item.fail(QStringLiteral("audit"), QStringLiteral("must be an object"));
        if (item.ok()) {
            core::JsonReader audit = item.object(QStringLiteral("audit"));
            op.audit = readAudit(audit, o.value(QStringLiteral("audit")).toObject());
        }
        if (!item.ok())
            return WireError{err::kInvalidEnvelope, item.error()};
        if (!req.ops.empty() && op.seq != req.ops.back().seq + 1)
            return WireError{err::kBatchNotContiguous,
                             QStringLiteral("ops[%1].seq: expected %2 after %3, got %4")
                                 .arg(i)
                                 .arg(req.ops.back().seq + 1)
                                 .arg(req.ops.back().seq)
                                 .arg(op.seq)};
        req.ops.push_back(std::move(op));
    }
    return req;
}

QJsonObject encodeOp(const OutboxOp& op) {
    return {{QStringLiteral("seq"), op.seq},         {QStringLiteral("opId"), op.opId.toString()},
            {QStringLiteral("type"), op.type},       {QStringLiteral("atMs"), op.atMs},
            {QStringLiteral("payload"), op.payload}, {QStringLiteral("audit"), auditToJson(op.audit)}};
}

QByteArray encodePushRequest(const PushRequest& request) {
    QJsonArray ops;
    for (const auto& op : request.ops)
        ops.append(encodeOp(op));
    QJsonObject o{{QStringLiteral("protocolVersion"), request.protocolVersion}, {QStringLiteral("ops"), ops}};
    if (!request.epoch.isEmpty())
        o.insert(QStringLiteral("epoch"), request.epoch);
    if (request.reupload)
        o.insert(QStringLiteral("reupload"), true);
    if (request.backlog)
        o.insert(QStringLiteral("backlog"),
                 QJsonObject{{QStringLiteral("count"), request.backlog->count},
                             {QStringLiteral("oldestAgeMs"), request.backlog->oldestAgeMs}});
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject PushReply::toJson() const {
    return {{QStringLiteral("highestSeq"), highestSeq},
            {QStringLiteral("applied"), applied},
            {QStringLiteral("skipped"), skipped},
            {QStringLiteral("quarantined"), quarantined},
            {QStringLiteral("anomalies"), anomalies}};
}

std::variant<PushReply, WireError> PushReply::fromJson(const QJsonObject& o) {
    core::JsonReader r(o);
    PushReply p;
    p.highestSeq = r.integer(QStringLiteral("highestSeq"), 0, kMaxSeq);
    p.applied = int(r.integer(QStringLiteral("applied"), 0, kMaxOpsPerBatch * 100));
    p.skipped = int(r.integer(QStringLiteral("skipped"), 0, kMaxOpsPerBatch * 100));
    p.quarantined = int(r.integer(QStringLiteral("quarantined"), 0, kMaxOpsPerBatch * 100));
    p.anomalies = int(r.integer(QStringLiteral("anomalies"), 0, kMaxOpsPerBatch * 100));
    if (!r.ok())
        return WireError{err::kInvalidEnvelope, r.error()};
    return p;
}

} // namespace market::protocol
