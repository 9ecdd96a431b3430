#pragma once

#include "AuditHash.h"
#include "Protocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <domain/Uuid.h>
#include <optional>
#include <variant>
#include <vector>

namespace market::protocol {

/// One outbox operation as pushed by a counter (the envelope; the payload is decoded per type
/// by the receiver with the market_domain document codecs).
struct OutboxOp {
    qint64 seq = 0; ///< per-terminal, gapless from 1
    core::Uuid opId;
    QString type;
    qint64 atMs = 0; ///< terminal clock: informative only, never used for ordering
    QJsonObject payload;
    AuditEntry audit;
};

/// What the counter still holds behind a batch, so the owner API can show a terminal's backlog
/// (the server cannot see a queue it has not been sent). Optional on the wire: older counters
/// leave it out and their backlog is simply unknown.
struct PushBacklog {
    qint64 count = 0;       ///< outbox entries after the last operation of this batch
    qint64 oldestAgeMs = 0; ///< age of the oldest of them on the counter's own clock (0 when none)
};

struct PushRequest {
    int protocolVersion = kProtocolVersion;
    std::vector<OutboxOp> ops;
    /// The data epoch the counter last synced in (optional): a push into another epoch (a restored
    /// server) is refused with `stale_epoch` before anything is written. Empty: not checked.
    QString epoch;
    /// The batch re-uploads what a restored server may lack (sync/PROTOCOL.md, "Restore and data
    /// epochs"): the server accepts a first sequence past its own with a `reupload_gap` anomaly
    /// and takes a document it already holds as a repeat instead of quarantining it.
    bool reupload = false;
    std::optional<PushBacklog> backlog;
};

/// Strict decoding of a POST /sync/push body. Any envelope problem (malformed JSON, wrong type,
/// missing field, non-UUID opId, non-integer or out-of-range number, too many operations,
/// sequences not strictly consecutive inside the batch) fails the whole request: nothing of it
/// is applied, and the error names the operation index and field. Payload contents are NOT
/// checked here: a bad payload inside a good envelope is quarantined by the server instead, so
/// one bad record never blocks a terminal's queue.
std::variant<PushRequest, WireError> decodePushRequest(const QByteArray& body, int maxOps = kMaxOpsPerBatch);

QJsonObject encodeOp(const OutboxOp& op);
QByteArray encodePushRequest(const PushRequest& request);

/// The server's answer to an accepted push.
struct PushReply {
    qint64 highestSeq = 0; ///< highest sequence the server holds for this terminal
    int applied = 0;
    int skipped = 0; ///< repeats (seq ≤ what was already held)
    int quarantined = 0;
    int anomalies = 0;

    QJsonObject toJson() const;
    static std::variant<PushReply, WireError> fromJson(const QJsonObject& o);
};

} // namespace market::protocol
