#pragma once

#include <QString>
#include <domain/Result.h>

namespace market::sync {

/// The device secret of an enrolled terminal, kept in the OS keychain through QtKeychain (Secret
/// Service on Linux, Keychain on macOS, Credential Manager on Windows) with the insecure plaintext
/// fallback switched OFF: without a keychain nothing is written anywhere and the caller gets a clear
/// error. Synchronous: each call runs its QtKeychain job to completion in a local event loop. Jobs
/// always run on the application's main thread (QtKeychain is not thread-safe); called from a sync
/// worker, the worker waits while the main thread's event loop runs the job.
class DeviceKeychain {
public:
    /// `service` names the keychain entries; tests may use their own to stay apart.
    explicit DeviceKeychain(QString service = QStringLiteral("market-pos"));

    core::Status write(const QString& terminalId, const QString& secret) const;
    /// NotFound if no secret is stored for this terminal.
    core::Result<QString> read(const QString& terminalId) const;
    core::Status remove(const QString& terminalId) const;
    /// Writes and deletes a probe entry: fails (with the reason) if no keychain is usable, before
    /// anything irreversible (spending an enrolment code) happens.
    core::Status probe() const;

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace market::sync
