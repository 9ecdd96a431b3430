#pragma once

#include "SyncStatusSource.h"

#include <QThread>
#include <functional>
#include <memory>

namespace market::sync {
class SyncEngine;
}

namespace market::ui {

/// The status bar's view of the real sync engine. The engine, its own Store connection to the
/// shop's file and its network access live on a worker thread; its status arrives here through
/// queued connections and is cached, so status() never waits. nudge() asks for a push soon after
/// the counter committed something. Selling never waits on any of it.
class EngineSyncStatus final : public SyncStatusSource {
    Q_OBJECT
public:
    /// Starts the engine for the store file at `path` (an enrolled counter). `keychainService`
    /// names the keychain entries (tests keep their own).
    EngineSyncStatus(const QString& path, QString serverUrl,
                     const QString& keychainService = QStringLiteral("market-pos"),
                     QObject* parent = nullptr);
    ~EngineSyncStatus() override;

    SyncStatus status() const override { return m_cache; }
    void nudge() override;

private:
    void update(const std::function<void(SyncStatus&)>& change);
    QThread m_worker;
    QObject* m_home = nullptr;                  ///< lives on the worker: the engine's context
    std::unique_ptr<sync::SyncEngine> m_engine; ///< created, used and destroyed on the worker
    SyncStatus m_cache;
    qint64 m_oldestPendingAtMs = 0;
};

} // namespace market::ui
