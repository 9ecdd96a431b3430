#pragma once

#include "EnrolRequest.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace market::ui {

/// Enrols the store file at `storePath` with a market-server off the GUI thread: a worker thread
/// opens its own Store connection and runs the sync engine's enrolment (keychain probe, one-time
/// code, secret into the OS keychain, enrolment into the store's meta) — what `marketctl enrol`
/// does. The keychain jobs themselves run on the main thread (QtKeychain requires it), so the main
/// thread must keep its event loop running, which a GUI does.
class EnrolmentJob final : public QObject {
    Q_OBJECT
public:
    EnrolmentJob(QString storePath, EnrolRequest request, QString keychainService, QObject* parent = nullptr);
    /// Waits for the worker, serving the main thread's events meanwhile (a keychain job may need them).
    ~EnrolmentJob() override;

    /// False when market-pos is built without the sync engine (every job then fails at once).
    static bool available();
    /// The sync engine's check of a server address: https, or http to this machine only.
    static QString checkServerUrl(const QString& url);

    void start();
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

signals:
    /// A step begins (translated, for a progress line).
    void progress(const QString& text);
    /// Enrolled, or why not (translated, for the person at the counter); on the GUI thread.
    void finished(bool ok, const QString& message);

private:
    void run();
    void report(bool ok, const QString& message);
    void step(const QString& text);

    const QString m_storePath;
    const EnrolRequest m_request;
    const QString m_keychainService;
    std::unique_ptr<QThread> m_thread;
};

} // namespace market::ui
