#pragma once

#include "Tokens.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>

namespace market::server {

/// A shop's current rates per product from the back office: listed with the product, written
/// versioned, audited (api_audit) and fed to the counters as `price.upsert` exactly as a counter's
/// own edit is (through writeMasterDocument, the push's own decoding and upsert).
class ShopPricesService {
public:
    ShopPricesService(pqxx::connection& connection, TokenClaims who)
        : m_conn(connection)
        , m_who(std::move(who)) {}

    /// Every rate of the shop, cleared ones included (price null), in product-code order:
    /// {id, shopId, productId, price, version, serverVersion, productCode, productName, unit,
    /// updatedAtMs}.
    QJsonArray list(const QString& shopId);
    /// {productId, price, version?}: `price` an integer of minor units per unit in 1..10^15, or
    /// null to clear the rate (404 if there is none); `productId` a product of this shop; `version`,
    /// if given, the stored one (0 for a product never priced) or 409 version_conflict.
    QJsonObject set(const QString& shopId, const QJsonObject& body);

private:
    pqxx::connection& m_conn;
    TokenClaims m_who;
};

} // namespace market::server
