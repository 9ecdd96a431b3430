#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace market::server {

/// Claims of an owner/manager API session token.
struct TokenClaims {
    QString accountId;
    QString role;         ///< owner | manager
    QString shopId;       ///< managers only
    qint64 expiresAt = 0; ///< seconds since the epoch
};

/// Short-lived HMAC-SHA256 tokens in JWS compact form (header.payload.signature, base64url).
/// The algorithm is fixed here: the header must be exactly {"alg":"HS256","typ":"JWT"}, so
/// `alg: none` or any other header is refused before the signature is even looked at. The
/// audience must be "market-api" and the expiry in the future; signatures compare in constant time.
class TokenSigner {
public:
    explicit TokenSigner(QByteArray key)
        : m_key(std::move(key)) {}
    QString issue(const TokenClaims& claims) const;
    /// nullopt for any malformed, tampered, foreign-audience or expired token.
    std::optional<TokenClaims> verify(const QString& token, qint64 nowSeconds) const;

private:
    QByteArray m_key;
};

} // namespace market::server
