#pragma once

#include "services/AuthService.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace market::ui {

class AppContext;

/// Who is at the counter: login with password or PIN, lock on demand and after idle time,
/// switch cashier. Widgets show its state; they never call AuthService themselves.
class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(AppContext& ctx, QObject* parent = nullptr);

    core::Result<std::vector<core::UserSummary>> users();
    /// Checks the secret (slow by design: ~0.4 s). On failure returns a message for people.
    core::Status login(const QString& username, const QString& secret, bool pin);
    /// Locks the counter; the same or another user must log in again.
    void lock();
    bool isLoggedIn() const { return m_session.has_value(); }
    const std::optional<core::Session>& session() const { return m_session; }
    /// The user the counter was locked from, to preselect on the login screen.
    QString lastUsername() const { return m_lastUsername; }

    /// Idle time before an automatic lock (0 = never).
    void setIdleLockMinutes(int minutes) { setIdleLockMs(static_cast<qint64>(minutes) * 60 * 1000); }
    /// The same in milliseconds (tests use short ones).
    void setIdleLockMs(qint64 ms);
    /// Call on any user input: restarts the idle timer.
    void noteActivity();

signals:
    void loggedIn(const market::core::Session& session);
    void locked();

private:
    AppContext& m_ctx;
    std::optional<core::Session> m_session;
    QString m_lastUsername;
    QTimer m_idle;
};

} // namespace market::ui
