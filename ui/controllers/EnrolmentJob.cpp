#include "EnrolmentJob.h"

#include "store/Store.h"
#ifdef MARKET_HAVE_SYNC
#include "engine/SyncEngine.h"
#endif

#include <QCoreApplication>
#include <QUrl>

namespace market::ui {

EnrolmentJob::EnrolmentJob(QString storePath, EnrolRequest request, QString keychainService, QObject* parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_request(std::move(request))
    , m_keychainService(std::move(keychainService)) {}

EnrolmentJob::~EnrolmentJob() {
    if (!m_thread)
        return;
    // The worker may be waiting for a keychain job that runs on this (the main) thread.
    while (!m_thread->wait(20))
        QCoreApplication::processEvents();
}

bool EnrolmentJob::available() {
#ifdef MARKET_HAVE_SYNC
    return true;
#else
    return false;
#endif
}

QString EnrolmentJob::checkServerUrl(const QString& url) {
#ifdef MARKET_HAVE_SYNC
    const core::Status s = sync::SyncEngine::checkServerUrl(QUrl(url));
    return s.ok() ? QString() : s.error().message;
#else
    Q_UNUSED(url);
    return tr("This build of market-pos has no sync engine.");
#endif
}

void EnrolmentJob::start() {
    if (isRunning())
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("enrol"));
    m_thread->start();
}

void EnrolmentJob::step(const QString& text) {
    QMetaObject::invokeMethod(
        this, [this, text] { emit progress(text); }, Qt::QueuedConnection);
}

void EnrolmentJob::report(bool ok, const QString& message) {
    QMetaObject::invokeMethod(
        this, [this, ok, message] { emit finished(ok, message); }, Qt::QueuedConnection);
}

void EnrolmentJob::run() {
#ifndef MARKET_HAVE_SYNC
    report(false, tr("This build of market-pos has no sync engine."));
#else
    // On the worker: the GUI's Store connection stays on the GUI thread; SQLite WAL lets both work.
    core::SystemClock clock;
    auto store = core::Store::open(m_storePath, clock);
    if (!store.ok()) {
        report(false, tr("Cannot open this counter's data file: %1").arg(store.error().message));
        return;
    }
    const sync::DeviceKeychain keychain(m_keychainService);
    // The engine probes the keychain too; asking first tells this failure apart from the others.
    step(tr("Checking the OS keychain…"));
    if (const core::Status s = keychain.probe(); !s.ok()) {
        report(false, tr("There is no usable OS keychain to keep this counter's device secret, so "
                         "nothing was sent and the enrolment code is still valid. On Linux a Secret "
                         "Service (such as gnome-keyring) must run and be unlocked.\n%1")
                          .arg(s.error().message));
        return;
    }
    step(tr("Contacting %1…").arg(m_request.serverUrl));
    sync::SyncOptions options;
    options.caFile = m_request.caFile;
    auto enrolled = sync::SyncEngine::enrol(**store, keychain, m_request.serverUrl, m_request.shopCode,
                                            m_request.code, m_request.terminalName, options);
    if (!enrolled.ok()) {
        const core::Error& e = enrolled.error();
        if (e.code == core::ErrorCode::AuthenticationFailed)
            report(false, tr("The server refused the shop code or the enrolment code: mistyped, already "
                             "used or expired. Ask a manager for a new code.\n%1")
                              .arg(e.message));
        else
            report(false, tr("Enrolment failed.\n%1").arg(e.message));
        return;
    }
    const core::Enrolment& en = enrolled->enrolment;
    report(true, tr("Enrolled as terminal %1 of shop %2.").arg(en.terminalNumber).arg(en.shopCode));
#endif
}

} // namespace market::ui
