#include "ShopUserService.h"

#include "AdminService.h"
#include "ApiAudit.h"
#include "ApiError.h"
#include "Database.h"
#include "MasterDataService.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <domain/Documents.h>
#include <domain/Uuid.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
QString text(const QJsonObject& body, const char* key, int maxLength, bool required) {
    const QJsonValue v = body.value(QLatin1String(key));
    if (!required && (v.isUndefined() || v.isNull()))
        return {};
    if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > maxLength)
        throw ApiError(
            400, err::kInvalidInput,
            QStringLiteral("%1: %2 string of at most %3 characters")
                .arg(QLatin1String(key), required ? QStringLiteral("required") : QStringLiteral("a"))
                .arg(maxLength));
    return v.toString();
}

// What the API shows of a user document: never the password or PIN hash.
QJsonObject publicView(QJsonObject doc, qint64 serverVersion, bool apiLogin) {
    doc.remove(QStringLiteral("passwordHash"));
    doc.remove(QStringLiteral("pinHash"));
    if (serverVersion > 0)
        doc.insert(QStringLiteral("serverVersion"), serverVersion);
    doc.insert(QStringLiteral("apiLogin"), apiLogin);
    doc.insert(QStringLiteral("counterLogin"), true);
    return doc;
}
} // namespace

QJsonArray ShopUserService::list(const QString& shopId) {
    pqxx::work tx(m_conn);
    // Directory first (the tenant role cannot read accounts), then the shop's own rows under RLS.
    const auto accounts = tx.exec_params(
        "SELECT id, username, active FROM accounts WHERE shop_id = $1 ORDER BY username", s(shopId));
    QSet<QString> withAccount;
    for (const auto& a : accounts)
        withAccount.insert(q(a[0].as<std::string>()));
    enterShop(tx, shopId);
    QJsonArray out;
    QSet<QString> seen;
    for (const auto& row : tx.exec("SELECT id, doc::text, server_version FROM users ORDER BY username, id")) {
        const QString id = q(row[0].as<std::string>());
        seen.insert(id);
        out.append(
            publicView(QJsonDocument::fromJson(QByteArray::fromStdString(row[1].as<std::string>())).object(),
                       row[2].as<qint64>(), withAccount.contains(id)));
    }
    for (const auto& a : accounts) // managers made by `add-user` before this API: no counter login
        if (!seen.contains(q(a[0].as<std::string>())))
            out.append(QJsonObject{{QStringLiteral("id"), q(a[0].as<std::string>())},
                                   {QStringLiteral("shopId"), shopId},
                                   {QStringLiteral("username"), q(a[1].as<std::string>())},
                                   {QStringLiteral("role"), QStringLiteral("manager")},
                                   {QStringLiteral("active"), a[2].as<bool>()},
                                   {QStringLiteral("apiLogin"), true},
                                   {QStringLiteral("counterLogin"), false}});
    tx.commit();
    return out;
}

QJsonObject ShopUserService::create(const QString& shopId, const QJsonObject& body) {
    const QString role = body.value(QStringLiteral("role")).toString();
    if (role != QLatin1String("manager") && role != QLatin1String("cashier"))
        throw ApiError(400, err::kInvalidInput, QStringLiteral("role: manager or cashier"));
    const bool manager = role == QLatin1String("manager");
    if (manager && m_who.role != QLatin1String("owner"))
        throw ApiError(403, err::kForbidden, QStringLiteral("only the shop's owner creates managers"));
    const QString username = text(body, "username", 64, true).trimmed();
    QString displayName = text(body, "displayName", 200, false).trimmed();
    if (displayName.isEmpty())
        displayName = username;
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!password.isString() || password.toString().size() > 1000)
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("password: required string, 8 to 1000 characters"));
    const QString hash = hashPassword(password.toString()); // 400 under 8 characters

    const QString id = core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
    pqxx::work tx(m_conn);
    // One creation at a time per shop, so two requests cannot both find the username free.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", s(shopId) + ":users");
    if (manager) {
        if (!tx.exec_params("SELECT 1 FROM accounts WHERE username = $1", s(username)).empty())
            throw ApiError(409, err::kInvalidInput,
                           QStringLiteral("username %1 already exists").arg(username));
        tx.exec_params(
            "INSERT INTO accounts (id, username, password_hash, role, shop_id) VALUES ($1, $2, $3, "
            "'manager', $4)",
            s(id), s(username), s(hash), s(shopId));
    }
    enterShop(tx, shopId);
    if (!tx.exec_params("SELECT 1 FROM users WHERE lower(username) = lower($1)", s(username)).empty())
        throw ApiError(409, err::kInvalidInput,
                       QStringLiteral("username %1 already exists in this shop").arg(username));
    core::UserDoc d;
    d.id = *core::Uuid::parse(id);
    d.shopId = *core::Uuid::parse(shopId);
    d.username = username;
    d.displayName = displayName;
    d.role = manager ? core::Role::Manager : core::Role::Cashier;
    d.passwordHash = hash;
    const FeedRow row = writeMasterDocument(tx, shopId, core::op::kUserUpsert, d.toJson());
    const QJsonObject shown =
        publicView(row.doc, row.doc.value(QStringLiteral("serverVersion")).toInteger(), manager);
    recordApiAudit(tx, shopId, m_who,
                   {QStringLiteral("user.create"), QStringLiteral("user"), id, QJsonValue(), shown, {}});
    appendFeedRows(tx, shopId, {row});
    tx.commit();
    return shown;
}

QJsonObject ShopUserService::deactivate(const QString& shopId, const QString& userId) {
    pqxx::work tx(m_conn);
    // The account first (directory, before the tenant role); a refusal below rolls it back.
    const auto account =
        tx.exec_params("UPDATE accounts SET active = false WHERE id = $1 AND shop_id = $2 RETURNING username",
                       s(userId), s(shopId));
    enterShop(tx, shopId);
    const auto user = tx.exec_params("SELECT doc::text FROM users WHERE id = $1 FOR UPDATE", s(userId));
    if (account.empty() && user.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no user %1 in this shop").arg(userId));
    QJsonObject doc =
        user.empty()
            ? QJsonObject{{QStringLiteral("id"), userId},
                          {QStringLiteral("shopId"), shopId},
                          {QStringLiteral("username"), q(account[0][0].as<std::string>())},
                          {QStringLiteral("role"), QStringLiteral("manager")}}
            : QJsonDocument::fromJson(QByteArray::fromStdString(user[0][0].as<std::string>())).object();
    if (m_who.role != QLatin1String("owner") &&
        doc.value(QStringLiteral("role")).toString() != QLatin1String("cashier"))
        throw ApiError(403, err::kForbidden, QStringLiteral("a manager deactivates only cashiers"));
    QJsonObject before = publicView(doc, 0, !account.empty());
    before.insert(QStringLiteral("counterLogin"), !user.empty());
    std::vector<FeedRow> rows;
    if (!user.empty() && doc.value(QStringLiteral("active")).toBool()) {
        doc.insert(QStringLiteral("active"), false);
        doc.insert(QStringLiteral("version"), doc.value(QStringLiteral("version")).toInteger() + 1);
        rows.push_back(writeMasterDocument(tx, shopId, core::op::kUserUpsert, doc));
        doc = rows.back().doc;
    }
    doc.insert(QStringLiteral("active"), false);
    QJsonObject shown =
        publicView(doc, doc.value(QStringLiteral("serverVersion")).toInteger(), !account.empty());
    shown.insert(QStringLiteral("counterLogin"), !user.empty());
    recordApiAudit(tx, shopId, m_who,
                   {QStringLiteral("user.deactivate"), QStringLiteral("user"), userId, before, shown, {}});
    appendFeedRows(tx, shopId, rows);
    tx.commit();
    return shown;
}

} // namespace market::server
