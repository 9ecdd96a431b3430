#include "DeviceKeychain.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <qt6keychain/keychain.h>

namespace market::sync {

using core::Error;
using core::ErrorCode;

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("market::sync", text);
}

QString entryKey(const QString& terminalId) {
    return QStringLiteral("device-secret/") + terminalId;
}

/// QtKeychain queues every job through one process-wide QObject that lives in the thread that used
/// it first, and its jobs are not thread-safe; so every job runs on the application's main thread.
/// From a sync worker the call blocks that worker (never the main thread) until the job is done.
template <class F> auto onMainThread(F f) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        return f();
    decltype(f()) result = Error{ErrorCode::Internal, QString()};
    QMetaObject::invokeMethod(
        app, [&] { result = f(); }, Qt::BlockingQueuedConnection);
    return result;
}

void runJob(QKeychain::Job& job) {
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plaintext file instead of the keychain
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Error keychainError(const QKeychain::Job& job, const QString& doing) {
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error{ErrorCode::InvalidState,
                     tr("no OS keychain is available for %1 (%2); nothing was stored. On Linux a Secret "
                        "Service (e.g. gnome-keyring) must run in this session")
                         .arg(doing, detail)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{ErrorCode::Forbidden, tr("the OS keychain refused %1 (%2)").arg(doing, detail)};
    case QKeychain::EntryNotFound:
        return Error{ErrorCode::NotFound,
                     tr("no device secret in the OS keychain for %1; enrol this counter again").arg(doing)};
    default:
        return Error{ErrorCode::Storage,
                     tr("the OS keychain failed %1 (%2); nothing was stored. Is a Secret Service (e.g. "
                        "gnome-keyring) running and unlocked in this session?")
                         .arg(doing, detail)};
    }
}
} // namespace

DeviceKeychain::DeviceKeychain(QString service)
    : m_service(std::move(service)) {}

core::Status DeviceKeychain::write(const QString& terminalId, const QString& secret) const {
    return onMainThread([&]() -> core::Status {
        QKeychain::WritePasswordJob job(m_service);
        job.setKey(entryKey(terminalId));
        job.setTextData(secret);
        runJob(job);
        if (job.error() != QKeychain::NoError)
            return keychainError(job, tr("storing the device secret"));
        return core::okStatus();
    });
}

core::Result<QString> DeviceKeychain::read(const QString& terminalId) const {
    return onMainThread([&]() -> core::Result<QString> {
        QKeychain::ReadPasswordJob job(m_service);
        job.setKey(entryKey(terminalId));
        runJob(job);
        if (job.error() != QKeychain::NoError)
            return keychainError(job, tr("terminal %1").arg(terminalId));
        return job.textData();
    });
}

core::Status DeviceKeychain::remove(const QString& terminalId) const {
    return onMainThread([&]() -> core::Status {
        QKeychain::DeletePasswordJob job(m_service);
        job.setKey(entryKey(terminalId));
        runJob(job);
        if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
            return keychainError(job, tr("removing the device secret"));
        return core::okStatus();
    });
}

core::Status DeviceKeychain::probe() const {
    const QString key = QStringLiteral("probe");
    MARKET_TRY(write(key, QStringLiteral("probe")));
    return remove(key);
}

} // namespace market::sync
