#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace market::core {
class Store;
}

namespace market::ui {

/// What the status bar shows about synchronisation: EngineSyncStatus for a counter enrolled with
/// a market-server, StandaloneSyncStatus for a shop that runs on its own.
struct SyncStatus {
    enum class State { Standalone, Online, Offline, Problem };
    State state = State::Standalone;
    qint64 pending = 0;            ///< outbox entries not yet acknowledged by the server
    qint64 oldestPendingAgeMs = 0; ///< age of the oldest of them
    qint64 offlineSinceMs = 0;     ///< first failed contact since the server last answered; 0 if none
    qint64 quarantined = 0;        ///< operations the server (or this counter) could never apply
    qint64 anomalies = 0;          ///< cross-counter problems the server raised (oversold lots, …)
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
    /// The store was just set up (first run, perhaps enrolled with a server): look at it again.
    virtual void reload() {}

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

/// The counter's source, decided by its store: standalone until the store is enrolled with a
/// server, then the real engine (EngineSyncStatus) on its worker thread. reload() after the setup
/// wizard enrolled the store and created its shop starts the engine without a restart.
class StoreSyncStatus final : public SyncStatusSource {
    Q_OBJECT
public:
    StoreSyncStatus(core::Store& store, QString keychainService, QObject* parent = nullptr);
    ~StoreSyncStatus() override;
    SyncStatus status() const override { return m_current->status(); }
    void nudge() override { m_current->nudge(); }
    void reload() override;

private:
    core::Store& m_store;
    QString m_keychainService;
    std::unique_ptr<SyncStatusSource> m_current;
    bool m_engine = false;
};

} // namespace market::ui
