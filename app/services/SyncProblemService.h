#pragma once

#include "Session.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace market::core {

class Store;

/// What kind of sync problem a row is.
enum class SyncProblemKind {
    Quarantined, ///< this counter's operation the server (or the counter's pre-check) set aside
    Anomaly,     ///< a cross-counter problem the server raised (oversold lot, credit limit, ...)
    Parked,      ///< a pulled document waiting here for something it needs (a lot, a sale, ...)
};

/// Where a problem stands as far as this counter can tell: an anomaly is over when the feed
/// brought its resolution, or when the protocol implies it.
enum class SyncProblemState {
    SetAside,    ///< quarantined: acknowledged and kept for display; only the server can resolve it
    Open,        ///< an anomaly with nothing here saying it is over
    Resolved,    ///< an anomaly the owner or a manager resolved on the server (note in `resolution`)
    LotArrived,  ///< an `unknown_lot` anomaly whose lot is now here (the server resolves it then)
    RaisedAgain, ///< a later anomaly of the same kind and entity arrived: the server closed this one
    Waiting,     ///< parked: retried after every pulled page that applies something
};

/// One row of the manager's "Sync problems" list, read from the counter's own tables only
/// (sync_quarantine, sync_anomaly, sync_parked): works offline.
struct SyncProblem {
    SyncProblemKind kind = SyncProblemKind::Quarantined;
    SyncProblemState state = SyncProblemState::Open;
    QString type;        ///< operation type (quarantined, parked) or anomaly kind ("oversold", ...)
    QString entity;      ///< what the document is: "sale", "lot", "party", "sale_line", "terminal", ...
    QString documentId;  ///< its id (empty when a server row stands for a range of operations)
    QString label;       ///< a readable name for it when this store knows one (receipt, lot, party)
    QString reason;      ///< why it was set aside or parked; empty for anomalies (see details)
    QJsonObject details; ///< an anomaly's figures as the server sent them
    QString source;      ///< quarantined: "counter" (pre-checked) or "server"
    QString opId;        ///< quarantined: the operation's id when known
    qint64 firstSeq = 0; ///< quarantined: outbox sequence range and count
    qint64 lastSeq = 0;
    int count = 1;
    qint64 position = 0;     ///< anomaly / parked: position in the shop's feed
    QString fromCounter;     ///< parked: the counter that pushed it ("Counter 2 (Back gate)") if known
    qint64 atMs = 0;         ///< when this counter recorded it (set aside, received, parked)
    qint64 resolvedAtMs = 0; ///< anomaly: when the server resolved it (0: not known to be)
    QString resolution;      ///< anomaly: the note it was resolved with
};

/// The counter's sync problems for the manager's list, newest first. Reads the local store only.
class SyncProblemService {
public:
    explicit SyncProblemService(Store& store)
        : m_store(store) {}

    /// Every quarantined operation, anomaly and parked document (ViewReports: manager or owner).
    Result<std::vector<SyncProblem>> list(const Session& who);

private:
    Result<QString> label(const QString& entity, const QString& id);
    Status addQuarantined(std::vector<SyncProblem>& out);
    Status addAnomalies(std::vector<SyncProblem>& out);
    Status addParked(std::vector<SyncProblem>& out);

    Store& m_store;
};

/// The entity an operation type writes ("sale.recorded" → "sale", "party.upsert" → "party").
QString entityOfOperation(const QString& type);

} // namespace market::core
