#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>

namespace market::server {

struct TokenClaims;

/// An scrypt hash (PHC form) of a new account password; 400 if shorter than 8 characters.
QString hashPassword(const QString& password);

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
    /// Gives the server a fresh data epoch after a backup was restored (`market-server new-epoch`):
    /// every counter's cursor becomes stale, so each re-uploads what the restored data may lack
    /// and takes a fresh snapshot (sync/PROTOCOL.md, "Restore and data epochs"). Returns
    /// {previousEpoch, epoch}.
    QJsonObject newEpoch();

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

    /// Marks an open anomaly / quarantined operation (by its opId) resolved with a note, by whom and
    /// when, audited in the same transaction. 404 unknown in this shop, 409 already resolved.
    QJsonObject resolveAnomaly(const QString& shopId, const TokenClaims& who, const QString& anomalyId,
                               const QString& note);
    QJsonObject resolveQuarantine(const QString& shopId, const TokenClaims& who, const QString& opId,
                                  const QString& note);

private:
    pqxx::connection& m_conn;
};

} // namespace market::server
