#include "AuthService.h"

#include "ApiError.h"
#include "Crypto.h"
#include "Database.h"

#include <QDateTime>
#include <domain/PasswordHasher.h>
#include <domain/Uuid.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
qint64 nowSec() {
    return QDateTime::currentSecsSinceEpoch();
}

QString field(const QJsonObject& o, const char* key, int maxLength) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > maxLength)
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("%1: required string of at most %2 characters")
                           .arg(QLatin1String(key))
                           .arg(maxLength));
    return v.toString();
}

QString hexSha256(const QString& text) {
    return QString::fromLatin1(crypto::sha256(text.toUtf8()).toHex());
}

const QString& dummyHash() {
    // Verifying unknown users against a real hash keeps login timing independent of existence.
    static const QString h = core::PasswordHasher::hash(QStringLiteral("not-a-password")).value_or(QString());
    return h;
}

constexpr int kMaxCodeAttempts = 5;
} // namespace

AuthService::AuthService(Database& db, TokenSigner signer, int tokenTtlSec)
    : m_db(db)
    , m_signer(std::move(signer))
    , m_tokenTtl(tokenTtlSec) {}

TerminalIdentity AuthService::authenticateTerminal(const std::string& authorization) {
    const QString header = QString::fromStdString(authorization);
    if (!header.startsWith(QLatin1String("Device ")))
        throw ApiError(
            401, err::kUnauthenticated,
            QStringLiteral("terminal credential required: Authorization: Device <terminalId>.<secret>"));
    const QString credential = header.mid(7).trimmed();
    const qsizetype dot = credential.indexOf(QLatin1Char('.'));
    const auto terminalId = dot > 0 ? core::Uuid::parse(credential.left(dot)) : std::nullopt;
    const QString secret = dot > 0 ? credential.mid(dot + 1) : QString();
    if (!terminalId || secret.size() != 64)
        throw ApiError(401, err::kUnauthenticated, QStringLiteral("malformed terminal credential"));
    pqxx::nontransaction tx(m_db.connection());
    const auto r =
        tx.exec_params("SELECT shop_id, secret_hash, revoked_at IS NOT NULL FROM terminal_credentials "
                       "WHERE terminal_id = $1",
                       s(terminalId->toString()));
    const QByteArray given = hexSha256(secret).toLatin1();
    const QByteArray stored =
        r.empty() ? QByteArray(64, 'x') : QByteArray::fromStdString(r[0][1].as<std::string>());
    if (!crypto::equalConstantTime(given, stored) || r.empty())
        throw ApiError(401, err::kUnauthenticated, QStringLiteral("unknown terminal or wrong secret"));
    if (r[0][2].as<bool>())
        throw ApiError(403, err::kTerminalRevoked,
                       QStringLiteral("this terminal has been revoked; enrol it again"));
    return {terminalId->toString(), q(r[0][0].as<std::string>())};
}

TokenClaims AuthService::authenticateUser(const std::string& authorization) const {
    const QString header = QString::fromStdString(authorization);
    if (!header.startsWith(QLatin1String("Bearer ")))
        throw ApiError(401, err::kUnauthenticated,
                       QStringLiteral("login token required: Authorization: Bearer <token>"));
    const auto claims = m_signer.verify(header.mid(7).trimmed(), nowSec());
    if (!claims)
        throw ApiError(401, err::kInvalidToken, QStringLiteral("token invalid or expired"));
    return *claims;
}

QJsonObject AuthService::enrol(const QJsonObject& body, const QString& clientAddress) {
    const QString ipKey = QStringLiteral("ip:") + clientAddress;
    if (const qint64 wait = m_enrolLimiter.retryAfter(ipKey, nowSec()))
        throw ApiError(429, err::kRateLimited, QStringLiteral("too many failed enrolments; retry later"),
                       {{QStringLiteral("retryAfter"), wait}});
    const QString shopCode = field(body, "shopCode", 40);
    const QString code = crypto::normalizeCode(field(body, "code", 40));
    const QString name = body.value(QStringLiteral("name")).toString().left(100);

    pqxx::work tx(m_db.connection());
    const auto fail = [&](const QString& message) {
        m_enrolLimiter.recordFailure(ipKey, nowSec());
        return ApiError(401, err::kInvalidCode, message);
    };
    const auto shop = tx.exec_params("SELECT id FROM shops WHERE code = $1", s(shopCode));
    if (shop.empty())
        throw fail(QStringLiteral("enrolment code or shop not valid"));
    const std::string shopId = shop[0][0].as<std::string>();
    const auto row =
        tx.exec_params("SELECT id, expires_at <= now(), used_at IS NOT NULL, attempts FROM enrol_codes "
                       "WHERE shop_id = $1 AND code_hash = $2 FOR UPDATE",
                       shopId, s(hexSha256(code)));
    if (row.empty()) {
        // A wrong guess costs every open code of that shop one of its five attempts, so guessing
        // burns the codes long before 2^50 tries add up.
        tx.exec_params(
            "UPDATE enrol_codes SET attempts = attempts + 1 WHERE shop_id = $1 AND used_at IS NULL "
            "AND expires_at > now()",
            shopId);
        tx.commit();
        throw fail(QStringLiteral("enrolment code or shop not valid"));
    }
    if (row[0][2].as<bool>())
        throw fail(QStringLiteral("this enrolment code has already been used"));
    if (row[0][1].as<bool>())
        throw fail(QStringLiteral("this enrolment code has expired"));
    if (row[0][3].as<int>() >= kMaxCodeAttempts)
        throw fail(QStringLiteral("this enrolment code is locked after too many wrong attempts"));

    const QString terminalId = core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
    const QString secret = QString::fromLatin1(crypto::randomBytes(32).toHex());
    tx.exec_params("UPDATE enrol_codes SET used_at = now(), terminal_id = $2 WHERE id = $1",
                   row[0][0].as<std::string>(), s(terminalId));
    tx.exec_params("INSERT INTO terminal_credentials (terminal_id, shop_id, secret_hash) VALUES ($1, $2, $3)",
                   s(terminalId), shopId, s(hexSha256(secret)));
    enterShop(tx, q(shopId));
    const auto number = tx.exec_params(
        "INSERT INTO terminals (id, shop_id, number, name) SELECT $1, $2, coalesce(max(number), 0) + 1, $3 "
        "FROM terminals WHERE shop_id = $2 RETURNING number",
        s(terminalId), shopId, s(name));
    tx.commit();
    m_enrolLimiter.recordSuccess(ipKey);
    return {{QStringLiteral("terminalId"), terminalId},
            {QStringLiteral("shopId"), q(shopId)},
            {QStringLiteral("shopCode"), shopCode},
            {QStringLiteral("terminalNumber"), number[0][0].as<qint64>()},
            {QStringLiteral("secret"), secret},
            {QStringLiteral("protocolVersion"), protocol::kProtocolVersion}};
}

QJsonObject AuthService::login(const QJsonObject& body, const QString& clientAddress) {
    const QString username = field(body, "username", 100);
    const QString password = field(body, "password", 1000);
    const QString userKey = QStringLiteral("user:") + username.toLower();
    const QString ipKey = QStringLiteral("ip:") + clientAddress;
    const qint64 wait =
        std::max(m_loginLimiter.retryAfter(userKey, nowSec()), m_loginLimiter.retryAfter(ipKey, nowSec()));
    if (wait > 0)
        throw ApiError(429, err::kRateLimited,
                       QStringLiteral("too many failed logins; retry in %1 s").arg(wait),
                       {{QStringLiteral("retryAfter"), wait}});
    pqxx::nontransaction tx(m_db.connection());
    const auto r = tx.exec_params(
        "SELECT id, password_hash, role, shop_id FROM accounts WHERE username = $1 AND active", s(username));
    bool ok = false;
    {
        m_hashSlots.acquire();
        ok = core::PasswordHasher::verify(password, r.empty() ? dummyHash() : q(r[0][1].as<std::string>()));
        m_hashSlots.release();
    }
    if (!ok || r.empty()) {
        m_loginLimiter.recordFailure(userKey, nowSec());
        m_loginLimiter.recordFailure(ipKey, nowSec());
        throw ApiError(401, err::kUnauthenticated, QStringLiteral("wrong username or password"));
    }
    m_loginLimiter.recordSuccess(userKey);
    m_loginLimiter.recordSuccess(ipKey);
    TokenClaims c;
    c.accountId = q(r[0][0].as<std::string>());
    c.role = q(r[0][2].as<std::string>());
    c.shopId = r[0][3].is_null() ? QString() : q(r[0][3].as<std::string>());
    c.expiresAt = nowSec() + m_tokenTtl;
    QJsonObject out{{QStringLiteral("token"), m_signer.issue(c)},
                    {QStringLiteral("expiresAt"), c.expiresAt},
                    {QStringLiteral("role"), c.role}};
    if (!c.shopId.isEmpty())
        out.insert(QStringLiteral("shopId"), c.shopId);
    return out;
}

void AuthService::requireShopAccess(const TokenClaims& claims, const QString& shopId) {
    const auto id = core::Uuid::parse(shopId);
    bool allowed = false;
    if (id && claims.role == QLatin1String("manager")) {
        allowed = claims.shopId == shopId;
    } else if (id && claims.role == QLatin1String("owner")) {
        pqxx::nontransaction tx(m_db.connection());
        allowed = !tx.exec_params("SELECT 1 FROM shops WHERE id = $1 AND owner_id = $2", s(shopId),
                                  s(claims.accountId))
                       .empty();
    }
    if (!allowed)
        throw ApiError(404, err::kNotFound, QStringLiteral("no such shop"));
}

} // namespace market::server
