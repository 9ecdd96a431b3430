#include "AdminService.h"

#include "ApiAudit.h"
#include "ApiError.h"
#include "Crypto.h"
#include "Database.h"
#include "FeedWriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <domain/Money.h>
#include <domain/PasswordHasher.h>
#include <domain/Uuid.h>
#include <protocol/Protocol.h>
#include <semaphore>

namespace market::server {

namespace err = protocol::err;

namespace {
QString newId() {
    return core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
}

QJsonValue jsonb(const pqxx::field& f) {
    if (f.is_null())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>()));
    return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
}

QString resolutionNote(const QString& note) {
    const QString n = note.trimmed();
    if (n.isEmpty() || n.size() > 500)
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("note: required, what was done about it (at most 500 characters)"));
    return n;
}

QJsonValue int64OrNull(const pqxx::field& f) {
    return f.is_null() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.as<qint64>());
}

QJsonValue textOrNull(const pqxx::field& f) {
    return f.is_null() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(f.as<std::string>()));
}
} // namespace

QString hashPassword(const QString& password) {
    if (password.size() < 8)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("password: at least 8 characters"));
    // scrypt takes 128 MiB: a burst of user creations through the API must not multiply that.
    static std::counting_semaphore<2> hashSlots{2};
    hashSlots.acquire();
    const auto h = core::PasswordHasher::hash(password);
    hashSlots.release();
    if (!h)
        throw ApiError(500, err::kInternal, QStringLiteral("password hashing failed (out of memory?)"));
    return *h;
}

void AdminService::ensureServerMeta() {
    pqxx::work tx(m_conn);
    tx.exec_params("INSERT INTO server_meta (epoch, token_key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                   s(newId()), crypto::randomBytes(32).toHex().toStdString());
    tx.commit();
}

QByteArray AdminService::tokenKey() {
    pqxx::nontransaction tx(m_conn);
    return QByteArray::fromHex(
        QByteArray::fromStdString(tx.exec("SELECT token_key FROM server_meta")[0][0].as<std::string>()));
}

QString AdminService::epoch() {
    pqxx::nontransaction tx(m_conn);
    return q(tx.exec("SELECT epoch FROM server_meta")[0][0].as<std::string>());
}

QJsonObject AdminService::newEpoch() {
    pqxx::work tx(m_conn);
    const auto r = tx.exec("SELECT epoch::text FROM server_meta FOR UPDATE");
    if (r.empty())
        throw ApiError(409, err::kInvalidInput, QStringLiteral("the server has no data epoch yet: run init"));
    const QString previous = q(r[0][0].as<std::string>());
    const QString next = newId();
    // restored_at opens every terminal's re-upload (IngestService::push) until its first plain push.
    tx.exec_params("UPDATE server_meta SET epoch = $1, restored_at = now()", s(next));
    tx.commit();
    return {{QStringLiteral("previousEpoch"), previous}, {QStringLiteral("epoch"), next}};
}

QString AdminService::createOwner(const QString& username, const QString& password) {
    const QString hash = hashPassword(password);
    pqxx::work tx(m_conn);
    if (!tx.exec_params("SELECT 1 FROM accounts WHERE username = $1", s(username)).empty())
        throw ApiError(409, err::kInvalidInput, QStringLiteral("username %1 already exists").arg(username));
    const QString id = newId();
    tx.exec_params("INSERT INTO accounts (id, username, password_hash, role) VALUES ($1, $2, $3, 'owner')",
                   s(id), s(username), s(hash));
    tx.commit();
    return id;
}

QString AdminService::createShop(const QString& code, const QString& name, const QString& ownerUsername,
                                 const QString& currency, const QString& timeZone) {
    if (code.isEmpty() || code.size() > 20 || name.isEmpty())
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("shop code (≤ 20 characters) and name are required"));
    if (!core::currencyFromCode(currency))
        throw ApiError(400, err::kInvalidInput, QStringLiteral("unknown currency %1").arg(currency));
    pqxx::work tx(m_conn);
    const auto owner =
        tx.exec_params("SELECT id FROM accounts WHERE username = $1 AND role = 'owner'", s(ownerUsername));
    if (owner.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no owner account %1").arg(ownerUsername));
    if (!tx.exec_params("SELECT 1 FROM shops WHERE code = $1", s(code)).empty())
        throw ApiError(409, err::kInvalidInput, QStringLiteral("shop code %1 already exists").arg(code));
    const QString id = newId();
    tx.exec_params(
        "INSERT INTO shops (id, code, name, currency, time_zone, owner_id) VALUES ($1, $2, $3, $4, $5, $6)",
        s(id), s(code), s(name), s(currency), s(timeZone), owner[0][0].as<std::string>());
    enterShop(tx, id);
    tx.exec_params("INSERT INTO feed_counters (shop_id) VALUES ($1)", s(id));
    tx.commit();
    return id;
}

QString AdminService::shopIdForCode(const QString& shopCode) {
    pqxx::nontransaction tx(m_conn);
    const auto r = tx.exec_params("SELECT id FROM shops WHERE code = $1", s(shopCode));
    if (r.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no shop with code %1").arg(shopCode));
    return q(r[0][0].as<std::string>());
}

QString AdminService::addManager(const QString& shopCode, const QString& username, const QString& password) {
    const QString shopId = shopIdForCode(shopCode);
    const QString hash = hashPassword(password);
    pqxx::work tx(m_conn);
    if (!tx.exec_params("SELECT 1 FROM accounts WHERE username = $1", s(username)).empty())
        throw ApiError(409, err::kInvalidInput, QStringLiteral("username %1 already exists").arg(username));
    const QString id = newId();
    tx.exec_params("INSERT INTO accounts (id, username, password_hash, role, shop_id) VALUES ($1, $2, $3, "
                   "'manager', $4)",
                   s(id), s(username), s(hash), s(shopId));
    tx.commit();
    return id;
}

QJsonObject AdminService::createEnrolCode(const QString& shopId, int ttlSec) {
    ttlSec = std::clamp(ttlSec, 1, 600);
    const QString code = crypto::newEnrolmentCode();
    const QString hash = QString::fromLatin1(crypto::sha256(crypto::normalizeCode(code).toUtf8()).toHex());
    pqxx::work tx(m_conn);
    const auto r = tx.exec_params("INSERT INTO enrol_codes (id, shop_id, code_hash, expires_at) "
                                  "VALUES ($1, $2, $3, now() + make_interval(secs => $4)) "
                                  "RETURNING (extract(epoch FROM expires_at) * 1000)::bigint",
                                  s(newId()), s(shopId), s(hash), ttlSec);
    tx.commit();
    return {{QStringLiteral("code"), code}, {QStringLiteral("expiresAtMs"), r[0][0].as<qint64>()}};
}

void AdminService::revokeTerminal(const QString& terminalId, const QString& shopId) {
    if (!core::Uuid::parse(terminalId))
        throw ApiError(400, err::kInvalidInput, QStringLiteral("terminal id must be a UUID"));
    pqxx::work tx(m_conn);
    const auto r =
        tx.exec_params("UPDATE terminal_credentials SET revoked_at = coalesce(revoked_at, now()) "
                       "WHERE terminal_id = $1 AND ($2 = '' OR shop_id::text = $2) RETURNING shop_id",
                       s(terminalId), s(shopId));
    if (r.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no such terminal"));
    enterShop(tx, q(r[0][0].as<std::string>()));
    tx.exec_params("UPDATE terminals SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1",
                   s(terminalId));
    tx.commit();
}

QJsonArray AdminService::shopsFor(const QString& accountId, const QString& role,
                                  const QString& managerShopId) {
    pqxx::nontransaction tx(m_conn);
    const auto r =
        role == QLatin1String("owner")
            ? tx.exec_params(
                  "SELECT id, code, name, currency, time_zone FROM shops WHERE owner_id = $1 ORDER BY code",
                  s(accountId))
            : tx.exec_params("SELECT id, code, name, currency, time_zone FROM shops WHERE id = $1",
                             s(managerShopId));
    QJsonArray out;
    for (const auto& row : r)
        out.append(QJsonObject{{QStringLiteral("id"), q(row[0].as<std::string>())},
                               {QStringLiteral("code"), q(row[1].as<std::string>())},
                               {QStringLiteral("name"), q(row[2].as<std::string>())},
                               {QStringLiteral("currency"), q(row[3].as<std::string>())},
                               {QStringLiteral("timeZone"), q(row[4].as<std::string>())}});
    return out;
}

QJsonArray AdminService::terminals(const QString& shopId) {
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const auto& row :
         tx.exec("SELECT id, number, name, last_seq, "
                 "(extract(epoch FROM last_seen_at) * 1000)::bigint, revoked_at IS NOT NULL, backlog_count, "
                 "(extract(epoch FROM backlog_oldest_at) * 1000)::bigint, "
                 "CASE WHEN backlog_count = 0 THEN 0 "
                 "ELSE (extract(epoch FROM now() - backlog_oldest_at) * 1000)::bigint END, "
                 "(extract(epoch FROM backlog_reported_at) * 1000)::bigint "
                 "FROM terminals ORDER BY number"))
        // backlog*: null until the counter reports its queue with a push (older counters never do).
        out.append(QJsonObject{{QStringLiteral("id"), q(row[0].as<std::string>())},
                               {QStringLiteral("number"), row[1].as<qint64>()},
                               {QStringLiteral("name"), q(row[2].as<std::string>())},
                               {QStringLiteral("lastSeq"), row[3].as<qint64>()},
                               {QStringLiteral("lastSeenAtMs"), int64OrNull(row[4])},
                               {QStringLiteral("revoked"), row[5].as<bool>()},
                               {QStringLiteral("backlogCount"), int64OrNull(row[6])},
                               {QStringLiteral("backlogOldestAtMs"), int64OrNull(row[7])},
                               {QStringLiteral("backlogAgeMs"), int64OrNull(row[8])},
                               {QStringLiteral("backlogReportedAtMs"), int64OrNull(row[9])}});
    return out;
}

QJsonArray AdminService::anomalies(const QString& shopId, bool openOnly) {
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const auto& row : tx.exec_params(
             "SELECT id, kind, entity, entity_id, terminal_id, details, resolved_at IS NOT NULL, "
             "resolution FROM anomalies WHERE NOT $1 OR resolved_at IS NULL ORDER BY created_at, id",
             openOnly))
        out.append(QJsonObject{{QStringLiteral("id"), q(row[0].as<std::string>())},
                               {QStringLiteral("kind"), q(row[1].as<std::string>())},
                               {QStringLiteral("entity"), q(row[2].as<std::string>())},
                               {QStringLiteral("entityId"), q(row[3].as<std::string>())},
                               {QStringLiteral("terminalId"), textOrNull(row[4])},
                               {QStringLiteral("details"), jsonb(row[5])},
                               {QStringLiteral("resolved"), row[6].as<bool>()},
                               {QStringLiteral("resolution"), textOrNull(row[7])}});
    return out;
}

QJsonArray AdminService::quarantine(const QString& shopId) {
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const auto& row : tx.exec("SELECT op_id, terminal_id, seq, type, reason, envelope FROM quarantine "
                                   "WHERE resolved_at IS NULL ORDER BY created_at, terminal_id, seq"))
        out.append(QJsonObject{{QStringLiteral("opId"), q(row[0].as<std::string>())},
                               {QStringLiteral("terminalId"), q(row[1].as<std::string>())},
                               {QStringLiteral("seq"), row[2].as<qint64>()},
                               {QStringLiteral("type"), q(row[3].as<std::string>())},
                               {QStringLiteral("reason"), q(row[4].as<std::string>())},
                               {QStringLiteral("envelope"), jsonb(row[5])}});
    return out;
}

QJsonObject AdminService::resolveAnomaly(const QString& shopId, const TokenClaims& who,
                                         const QString& anomalyId, const QString& note) {
    const QString text = resolutionNote(note);
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    const auto row = tx.exec_params("SELECT kind, entity, entity_id, details::text, resolved_at IS NOT NULL "
                                    "FROM anomalies WHERE id = $1 FOR UPDATE",
                                    s(anomalyId));
    if (row.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no anomaly %1 in this shop").arg(anomalyId));
    if (row[0][4].as<bool>())
        throw ApiError(409, err::kInvalidInput,
                       QStringLiteral("anomaly %1 is already resolved").arg(anomalyId));
    const auto at =
        tx.exec_params("UPDATE anomalies SET resolved_at = now(), resolution = $2, resolved_by = $3 "
                       "WHERE id = $1 RETURNING (extract(epoch FROM resolved_at) * 1000)::bigint",
                       s(anomalyId), s(text), s(who.accountId));
    const QJsonObject out{{QStringLiteral("id"), anomalyId},
                          {QStringLiteral("kind"), q(row[0][0].as<std::string>())},
                          {QStringLiteral("entity"), q(row[0][1].as<std::string>())},
                          {QStringLiteral("entityId"), q(row[0][2].as<std::string>())},
                          {QStringLiteral("details"), jsonb(row[0][3])},
                          {QStringLiteral("resolved"), true},
                          {QStringLiteral("resolution"), text},
                          {QStringLiteral("resolvedBy"), who.accountId},
                          {QStringLiteral("resolvedAtMs"), at[0][0].as<qint64>()}};
    recordApiAudit(
        tx, shopId, who,
        {QStringLiteral("anomaly.resolve"), QStringLiteral("anomaly"), anomalyId, QJsonValue(), out, text});
    // The counters listed it when it was raised; the feed tells them it is over (and why).
    appendFeedRows(tx, shopId, {FeedRow{QStringLiteral("anomaly.resolved"), anomalyId, out, {}}});
    tx.commit();
    return out;
}

QJsonObject AdminService::resolveQuarantine(const QString& shopId, const TokenClaims& who,
                                            const QString& opId, const QString& note) {
    const QString text = resolutionNote(note);
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    const auto row =
        tx.exec_params("SELECT terminal_id, seq, type, reason, resolved_at IS NOT NULL FROM "
                       "quarantine WHERE shop_id = market_current_shop() AND op_id = $1 FOR UPDATE",
                       s(opId));
    if (row.empty())
        throw ApiError(404, err::kNotFound,
                       QStringLiteral("no quarantined operation %1 in this shop").arg(opId));
    if (row[0][4].as<bool>())
        throw ApiError(409, err::kInvalidInput,
                       QStringLiteral("quarantined operation %1 is already resolved").arg(opId));
    const auto at = tx.exec_params(
        "UPDATE quarantine SET resolved_at = now(), resolution = $3, resolved_by = $4 WHERE terminal_id = $1 "
        "AND seq = $2 RETURNING (extract(epoch FROM resolved_at) * 1000)::bigint",
        row[0][0].as<std::string>(), row[0][1].as<qint64>(), s(text), s(who.accountId));
    const QJsonObject out{{QStringLiteral("opId"), opId},
                          {QStringLiteral("terminalId"), q(row[0][0].as<std::string>())},
                          {QStringLiteral("seq"), row[0][1].as<qint64>()},
                          {QStringLiteral("type"), q(row[0][2].as<std::string>())},
                          {QStringLiteral("reason"), q(row[0][3].as<std::string>())},
                          {QStringLiteral("resolved"), true},
                          {QStringLiteral("resolution"), text},
                          {QStringLiteral("resolvedBy"), who.accountId},
                          {QStringLiteral("resolvedAtMs"), at[0][0].as<qint64>()}};
    recordApiAudit(
        tx, shopId, who,
        {QStringLiteral("quarantine.resolve"), QStringLiteral("quarantine"), opId, QJsonValue(), out, text});
    tx.commit();
    return out;
}

} // namespace market::server
