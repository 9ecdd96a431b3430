#include "SessionController.h"

#include "AppContext.h"

namespace market::ui {

SessionController::SessionController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_session)
            lock();
    });
    setIdleLockMinutes(ctx.prefs.idleLockMinutes);
}

core::Result<std::vector<core::UserSummary>> SessionController::users() {
    return m_ctx.auth.users();
}

core::Status SessionController::login(const QString& username, const QString& secret, bool pin) {
    if (username.trimmed().isEmpty())
        return core::Error{core::ErrorCode::InvalidInput, tr("Choose a user first.")};
    if (secret.isEmpty())
        return core::Error{core::ErrorCode::InvalidInput,
                           pin ? tr("Type your PIN.") : tr("Type your password.")};
    auto result = pin ? m_ctx.auth.loginWithPin(username, secret) : m_ctx.auth.login(username, secret);
    if (!result.ok())
        return result.error();
    m_session = *result;
    m_lastUsername = m_session->username;
    noteActivity();
    emit loggedIn(*m_session);
    return core::okStatus();
}

void SessionController::lock() {
    if (!m_session)
        return;
    m_lastUsername = m_session->username;
    m_session.reset();
    m_idle.stop();
    emit locked();
}

void SessionController::setIdleLockMs(qint64 ms) {
    if (ms <= 0) {
        m_idle.stop();
        m_idle.setInterval(0);
        return;
    }
    m_idle.setInterval(static_cast<int>(std::min<qint64>(ms, 24LL * 3600 * 1000)));
    if (m_session)
        m_idle.start();
}

void SessionController::noteActivity() {
    if (m_session && m_idle.interval() > 0)
        m_idle.start();
}

} // namespace market::ui
