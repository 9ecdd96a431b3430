#pragma once

#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QString>
#include <optional>
#include <vector>

namespace market::core {

class Store;

/// One outbox row as written by `Journal::record` (payload and audit as stored JSON text).
struct OutboxEntry {
    qint64 seq = 0;
    QString opId;
    QString type;
    qint64 atMs = 0;
    QString payload; ///< compact JSON text of the document
    QString audit;   ///< compact JSON text: the audit fields plus prevHash and hash
};

/// This counter's enrolment with a market-server (kept in `meta`; the device secret is not here:
/// it lives in the OS keychain only).
struct Enrolment {
    QString serverUrl;
    Uuid shopId;
    QString shopCode;
    Uuid terminalId;
    qint64 terminalNumber = 0;
    qint64 atMs = 0;
};

/// A quarantined operation as the counter keeps it for display after the server acknowledged it.
struct QuarantineEntry {
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    int count = 1;
    QString opId; ///< empty when the server quarantined an operation of the range without naming it
    QString type;
    QString reason;
    QString source; ///< "counter" (pre-checked before sending) or "server" (counted in the reply)
    QString envelope;
    qint64 atMs = 0;
};

/// What switching to a new server data epoch did (see `Outbox::startEpoch`).
struct EpochSwitch {
    QString previousEpoch;      ///< the epoch this counter synced in before ("" if unknown)
    qint64 reenqueued = 0;      ///< acknowledged operations put back into the outbox
    qint64 reuploadThrough = 0; ///< the outbox's highest seq at the switch: sent as a re-upload
};

/// The sync engine's view of the store: read the outbox in sequence order, forget what the server
/// acknowledged, keep quarantined operations for display, and this terminal's enrolment.
/// Every writer runs its own transaction; the caller must not hold one.
class Outbox {
public:
    /// Up to `limit` entries with seq > `afterSeq`, in sequence order.
    static Result<std::vector<OutboxEntry>> pending(Store& store, int limit, qint64 afterSeq = 0);
    static Result<qint64> pendingCount(Store& store);
    /// at_ms of the oldest unacknowledged entry (counter clock), or nullopt if none.
    static Result<std::optional<qint64>> oldestPendingAtMs(Store& store);

    /// In one transaction: records `quarantined`, moves every outbox entry with seq ≤
    /// `highestSeq` to `outbox_sent` (kept for a re-upload after a server restore) and remembers
    /// the acknowledgement time.
    static Status acknowledge(Store& store, qint64 highestSeq,
                              const std::vector<QuarantineEntry>& quarantined, qint64 nowMs);
    /// The server's data epoch changed (it was restored from a backup, sync/PROTOCOL.md "Restore"),
    /// in one transaction: every acknowledged operation with seq > `serverHeldSeq` (the highest
    /// the restored server holds for this terminal; 0 when unknown: all of them) goes back into
    /// the outbox with its original seq, payload and audit entry, ahead of the unacknowledged ones;
    /// the outbox's highest seq is remembered as `sync.reupload_through`; the pull cursor, the
    /// parked feed documents and the anomalies of the old epoch are forgotten (the fresh snapshot
    /// brings back what the server still holds); `sync.epoch` becomes `epoch`. Selling goes on:
    /// new operations take higher sequences.
    static Result<EpochSwitch> startEpoch(Store& store, const QString& epoch, qint64 serverHeldSeq,
                                          qint64 nowMs);
    /// The data epoch this counter syncs in: the pull cursor's, or the one `startEpoch` recorded
    /// while the cursor is empty; "" before the first pull.
    static Result<QString> knownEpoch(Store& store);
    /// Highest seq to push as a re-upload (`reupload: true`) after an epoch switch; 0 when none.
    static Result<qint64> reuploadThrough(Store& store);

    static Result<std::vector<QuarantineEntry>> quarantine(Store& store);
    static Result<qint64> quarantinedCount(Store& store);

    static Result<std::optional<Enrolment>> enrolment(Store& store);
    /// Records the enrolment (once: an enrolled store refuses a second one).
    static Status setEnrolment(Store& store, const Enrolment& enrolment);
    /// Points an enrolled store at another address of the same server (moved, new port).
    static Status setServerUrl(Store& store, const QString& url);

    /// Sync bookkeeping kept in `meta` (sync.*): last successful exchange, server protocol version.
    static Result<QString> syncMeta(Store& store, const QString& key);
    static Status setSyncMeta(Store& store, const QString& key, const QString& value);
};

} // namespace market::core
