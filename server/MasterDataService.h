#pragma once

#include "FeedWriter.h"
#include "Tokens.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>
#include <pqxx/transaction>

namespace market::server {

/// Master data edited from the back office (products, parties, commission rules, charges): the
/// owner/manager API's side of what a counter does with a *.upsert. The document is completed
/// (id, shopId, version), checked by its domain codec (decodeMaster, the push's own path), upserted,
/// audited and appended to the shop's feed in one transaction, so counters pull it like any other
/// edit. The caller has checked the token's access to the shop.
class MasterDataService {
public:
    MasterDataService(pqxx::connection& connection, TokenClaims who)
        : m_conn(connection)
        , m_who(std::move(who)) {}

    /// The shop's documents of a master-data type, each with its serverVersion. partyKind filters
    /// parties (farmer | buyer). 400 for a bad filter or paging value.
    QJsonArray list(const QString& shopId, const QString& type, const QString& partyKind, int limit,
                    int offset);
    /// Creates (no `id`) or edits (the `id` of a document of this shop, 404 otherwise) a product,
    /// party or commission rule. The server sets shopId and version (stored + 1); a `version` in
    /// the body must be the stored one (409 version_conflict: edited meanwhile). 400 names the field.
    QJsonObject save(const QString& shopId, const QString& type, const QJsonObject& body);
    /// Charges are never edited in place (a sale keeps the terms it applied): posting a code
    /// retires the active charge of that code and adds the new one with a new id; `active: false`
    /// only retires it (404 if none is active).
    QJsonObject setCharge(const QString& shopId, const QJsonObject& body);

private:
    pqxx::connection& m_conn;
    TokenClaims m_who;
};

/// In a transaction already in the shop (enterShop): decodes `payload` with the domain codec of
/// `type`, upserts it and returns its feed row (the document plus serverVersion). Throws ApiError
/// 400 with the codec's message, or 400 if the document names another shop.
FeedRow writeMasterDocument(pqxx::work& tx, const QString& shopId, const QString& type,
                            const QJsonObject& payload);

} // namespace market::server
