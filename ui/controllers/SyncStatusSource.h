#pragma once

#include <QObject>
#include <QString>

namespace market::ui {

/// What the status bar shows about synchronisation: EngineSyncStatus for a counter enrolled with
/// a market-server, StandaloneSyncStatus for a shop that runs on its own.
struct SyncStatus {
    enum class State { Standalone, Online, Offline, Problem };
    State state = State::Standalone;
    qint64 pending = 0;            ///< outbox entries not yet acknowledged by the server
    qint64 oldestPendingAgeMs = 0; ///< age of the oldest of them
    QString problem;               ///< last error, for the details dialog
    QString server;
};

/// The seam for the sync engine: implement status() and emit changed(); the UI never waits on
/// it (it is read on the GUI thread and must return at once).
class SyncStatusSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual SyncStatus status() const = 0;
    /// The counter committed something: push it soon. Never blocks.
    virtual void nudge() {}

signals:
    void changed();
};

/// A counter that is its own shop: no server, nothing to send.
class StandaloneSyncStatus final : public SyncStatusSource {
    Q_OBJECT
public:
    using SyncStatusSource::SyncStatusSource;
    SyncStatus status() const override { return SyncStatus{}; }
};

} // namespace market::ui
