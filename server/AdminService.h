#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>

namespace market::server {

/// Administrative operations shared by the sub-commands and the owner/manager API. Each runs in
/// its own transaction and throws ApiError for bad input (unknown shop, duplicate code, …).
class AdminService {
public:
    explicit AdminService(pqxx::connection& connection)
        : m_conn(connection) {}

    /// Creates the server_meta row (data epoch, token key) if missing.
    void ensureServerMeta();
    QByteArray tokenKey();
    QString epoch();

    QString createOwner(const QString& username, const QString& password);
    /// Returns the new shop id. ownerUsername must name an owner account.
    QString createShop(const QString& code, const QString& name, const QString& ownerUsername,
                       const QString& currency, const QString& timeZone);
    /// A manager account for one shop (by shop code).
    QString addManager(const QString& shopCode, const QString& username, const QString& password);
    /// One-time enrolment code for a shop id; ttl clamped to 1..600 s. Returns {code, expiresAt}.
    QJsonObject createEnrolCode(const QString& shopId, int ttlSec);
    QString shopIdForCode(const QString& shopCode);
    /// Revokes a terminal (credential and terminal row). shopId empty: any shop (CLI).
    void revokeTerminal(const QString& terminalId, const QString& shopId = {});

    // Read models for the API; shopId already authorised by the caller.
    QJsonArray shopsFor(const QString& accountId, const QString& role, const QString& managerShopId);
    QJsonArray terminals(const QString& shopId);
    QJsonArray anomalies(const QString& shopId, bool openOnly);
    QJsonArray quarantine(const QString& shopId);

private:
    pqxx::connection& m_conn;
};

} // namespace market::server
