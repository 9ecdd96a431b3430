#include "Tokens.h"

#include "Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace market::server {

namespace {
const QByteArray kHeader = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
const QString kAudience = QStringLiteral("market-api");
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString TokenSigner::issue(const TokenClaims& c) const {
    QJsonObject payload{{QStringLiteral("sub"), c.accountId},
                        {QStringLiteral("role"), c.role},
                        {QStringLiteral("aud"), kAudience},
                        {QStringLiteral("exp"), c.expiresAt}};
    if (!c.shopId.isEmpty())
        payload.insert(QStringLiteral("shop"), c.shopId);
    const QByteArray signingInput =
        kHeader.toBase64(kB64) + '.' + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(kB64);
    return QString::fromLatin1(signingInput + '.' + crypto::hmacSha256(m_key, signingInput).toBase64(kB64));
}

std::optional<TokenClaims> TokenSigner::verify(const QString& token, qint64 nowSeconds) const {
    if (token.size() > 4096)
        return std::nullopt;
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    if (parts[0] != kHeader.toBase64(kB64)) // fixed algorithm: no alg negotiation at all
        return std::nullopt;
    const auto sig = QByteArray::fromBase64Encoding(parts[2], QByteArray::Base64UrlEncoding |
                                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!sig)
        return std::nullopt;
    const QByteArray expected = crypto::hmacSha256(m_key, parts[0] + '.' + parts[1]);
    if (!crypto::equalConstantTime(*sig, expected))
        return std::nullopt;
    const auto payloadBytes = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payloadBytes)
        return std::nullopt;
    const QJsonObject p = QJsonDocument::fromJson(*payloadBytes).object();
    if (p.value(QStringLiteral("aud")).toString() != kAudience)
        return std::nullopt;
    const QJsonValue exp = p.value(QStringLiteral("exp"));
    if (!exp.isDouble() || exp.toInteger() <= nowSeconds)
        return std::nullopt;
    TokenClaims c;
    c.accountId = p.value(QStringLiteral("sub")).toString();
    c.role = p.value(QStringLiteral("role")).toString();
    c.shopId = p.value(QStringLiteral("shop")).toString();
    c.expiresAt = exp.toInteger();
    if (c.accountId.isEmpty() || (c.role != QLatin1String("owner") && c.role != QLatin1String("manager")))
        return std::nullopt;
    return c;
}

} // namespace market::server
