#include "EngineSyncStatus.h"

#include "engine/SyncEngine.h"

#include <QCoreApplication>
#include <QDateTime>

namespace market::ui {

EngineSyncStatus::EngineSyncStatus(const QString& path, QString serverUrl, const QString& keychainService,
                                   QObject* parent)
    : SyncStatusSource(parent) {
    m_cache.state = SyncStatus::State::Offline;
    m_cache.server = std::move(serverUrl);
    m_worker.setObjectName(QStringLiteral("sync"));
    // The engine and its connection go on the thread that made them once its outermost event
    // loop has returned (finished() is emitted there, hence no context object): never from inside
    // the nested loop of a request in flight, which would then return into a destroyed engine.
    connect(&m_worker, &QThread::finished, [this] {
        m_engine.reset();
        delete m_home;
        m_home = nullptr;
    });
    m_worker.start();
    m_home = new QObject;
    m_home->moveToThread(&m_worker);
    QMetaObject::invokeMethod(m_home, [this, path, keychainService] {
        auto engine =
            sync::SyncEngine::open(path, sync::DeviceKeychain{keychainService}, sync::SyncOptions{});
        if (!engine.ok()) {
            const QString why = engine.error().message;
            QMetaObject::invokeMethod(this, [this, why] {
                update([&](SyncStatus& s) {
                    s.state = SyncStatus::State::Problem;
                    s.problem = why;
                });
            });
            return;
        }
        m_engine = std::move(engine).value();
        sync::SyncStatus& st = m_engine->status();
        // Queued into the GUI thread (this object lives there).
        connect(&st, &sync::SyncStatus::onlineChanged, this, [this](bool online) {
            update([&](SyncStatus& s) {
                if (s.state != SyncStatus::State::Problem || online)
                    s.state = online ? SyncStatus::State::Online : SyncStatus::State::Offline;
            });
        });
        connect(&st, &sync::SyncStatus::offlineSinceChanged, this,
                [this](qint64 atMs) { update([&](SyncStatus& s) { s.offlineSinceMs = atMs; }); });
        connect(&st, &sync::SyncStatus::pendingCountChanged, this,
                [this](qint64 n) { update([&](SyncStatus& s) { s.pending = n; }); });
        connect(&st, &sync::SyncStatus::quarantinedCountChanged, this,
                [this](qint64 n) { update([&](SyncStatus& s) { s.quarantined = n; }); });
        connect(&st, &sync::SyncStatus::anomalyCountChanged, this,
                [this](qint64 n) { update([&](SyncStatus& s) { s.anomalies = n; }); });
        connect(&st, &sync::SyncStatus::oldestPendingChanged, this, [this](qint64 atMs) {
            m_oldestPendingAtMs = atMs;
            update([](SyncStatus&) {});
        });
        connect(&st, &sync::SyncStatus::lastErrorChanged, this, [this](const QString& message) {
            update([&](SyncStatus& s) {
                s.problem = message;
                if (!message.isEmpty() && s.state != SyncStatus::State::Online)
                    s.state = SyncStatus::State::Problem;
            });
        });
        // A cycle may park or unpark pulled documents without changing any count: say so, so an
        // open "Sync problems" list reads again (and the oldest-waiting age moves on).
        connect(m_engine.get(), &sync::SyncEngine::cycleFinished, this,
                [this] { update([](SyncStatus&) {}); });
        m_engine->start();
    });
}

EngineSyncStatus::~EngineSyncStatus() {
    // quit() ends every event loop of the worker, a request's nested one too (that request then
    // counts as not answered and the cycle ends); the engine goes in finished(). The worker may
    // be waiting for a keychain job that runs on this (the main) thread, so keep this thread's
    // events going while it finishes instead of blocking on it.
    m_worker.quit();
    while (!m_worker.wait(20))
        QCoreApplication::processEvents();
}

void EngineSyncStatus::nudge() {
    if (!m_worker.isRunning())
        return;
    QMetaObject::invokeMethod(m_home, [this] {
        if (m_engine)
            m_engine->pushSoon();
    });
}

void EngineSyncStatus::update(const std::function<void(SyncStatus&)>& change) {
    change(m_cache);
    m_cache.oldestPendingAgeMs =
        m_oldestPendingAtMs > 0
            ? std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - m_oldestPendingAtMs)
            : 0;
    emit changed();
}

} // namespace market::ui
