#pragma once

#include "Tokens.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>

namespace market::server {

/// People of a shop, managed from the owner/manager API. A cashier is a counter user (a UserDoc in
/// `users`, fed to the counters so they can log in offline); a manager is also an API account
/// (`accounts`, same id and password hash). Only owners create managers; managers create and
/// deactivate cashiers of their shop. Password hashes never leave through this API.
class ShopUserService {
public:
    ShopUserService(pqxx::connection& connection, TokenClaims who)
        : m_conn(connection)
        , m_who(std::move(who)) {}

    QJsonArray list(const QString& shopId);
    /// {username, password, role: manager | cashier, displayName?} (as `add-user` takes them).
    /// 400 bad field, 403 a manager creating a manager, 409 username taken.
    QJsonObject create(const QString& shopId, const QJsonObject& body);
    /// Deactivates the counter user (a new version, fed) and the API account if there is one.
    /// 404 unknown in this shop, 403 a manager deactivating anyone but a cashier.
    QJsonObject deactivate(const QString& shopId, const QString& userId);

private:
    pqxx::connection& m_conn;
    TokenClaims m_who;
};

} // namespace market::server
