#pragma once

#include "RateLimiter.h"
#include "Tokens.h"

#include <QJsonObject>
#include <QString>
#include <semaphore>

namespace market::server {

class Database;

/// A terminal proven by its device secret. The shop comes from here, never from a body.
struct TerminalIdentity {
    QString terminalId;
    QString shopId;
};

/// Enrolment, terminal authentication and owner/manager login.
class AuthService {
public:
    AuthService(Database& db, TokenSigner signer, int tokenTtlSec);

    /// `Authorization: Device <terminalId>.<secret>`. Throws ApiError 401 (missing, malformed,
    /// unknown, wrong secret) or 403 terminal_revoked.
    TerminalIdentity authenticateTerminal(const std::string& authorization);
    /// `Authorization: Bearer <token>`. Throws ApiError 401 invalid_token.
    TokenClaims authenticateUser(const std::string& authorization) const;

    /// POST /devices/enrol {shopCode, code, name}: one-time code → terminal id + device secret.
    QJsonObject enrol(const QJsonObject& body, const QString& clientAddress);
    /// POST /auth/login {username, password} → {token, expiresAt, role, shopId?}.
    QJsonObject login(const QJsonObject& body, const QString& clientAddress);

    /// Owners see their shops, managers their own; others get 404 (existence is not revealed).
    void requireShopAccess(const TokenClaims& claims, const QString& shopId);

private:
    Database& m_db;
    TokenSigner m_signer;
    int m_tokenTtl;
    RateLimiter m_loginLimiter{5, 900};
    RateLimiter m_enrolLimiter{10, 900};
    std::counting_semaphore<2> m_hashSlots{2}; ///< scrypt uses 128 MiB: at most two at once
};

} // namespace market::server
