#include "ShopPrices.h"

#include "ApiAudit.h"
#include "ApiError.h"
#include "Database.h"
#include "FeedWriter.h"
#include "MasterDataService.h"

#include <QJsonDocument>
#include <domain/Money.h>
#include <domain/PriceDocument.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
constexpr qint64 kMaxVersion = (qint64(1) << 53) - 1;

// The stored document with its server columns and the product it prices, for the listing.
const char* const kSelect =
    "SELECT r.doc::text, r.server_version, p.code, p.name, p.unit, "
    "(extract(epoch FROM r.updated_at) * 1000)::bigint FROM prices r LEFT JOIN products p ON p.id = "
    "r.product_id";

QJsonObject entry(const pqxx::row& row) {
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(row[0].as<std::string>())).object();
    const auto text = [&row](int i) {
        return row[i].is_null() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(row[i].as<std::string>()));
    };
    o.insert(QStringLiteral("serverVersion"), row[1].as<qint64>());
    o.insert(QStringLiteral("productCode"), text(2));
    o.insert(QStringLiteral("productName"), text(3));
    o.insert(QStringLiteral("unit"), text(4));
    o.insert(QStringLiteral("updatedAtMs"), row[5].as<qint64>());
    return o;
}

// A JSON integer (not 1.5, not "1", not 1e30) in [min, max], or 400 naming the field.
qint64 integerField(const QJsonValue& v, const QString& key, qint64 min, qint64 max, const QString& what) {
    if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("%1: %2").arg(key, what));
    return v.toInteger();
}
} // namespace

QJsonArray ShopPricesService::list(const QString& shopId) {
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const auto& row : tx.exec(std::string(kSelect) + " ORDER BY p.code, r.id"))
        out.append(entry(row));
    tx.commit();
    return out;
}

QJsonObject ShopPricesService::set(const QString& shopId, const QJsonObject& body) {
    const QJsonValue productValue = body.value(QStringLiteral("productId"));
    const auto productId =
        productValue.isString() ? core::Uuid::parse(productValue.toString()) : std::nullopt;
    if (!productId)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("productId: required, the UUID of a product"));
    if (!body.contains(QStringLiteral("price")))
        throw ApiError(
            400, err::kInvalidInput,
            QStringLiteral("price: required, minor units per unit of the product (null clears it)"));
    const QJsonValue priceValue = body.value(QStringLiteral("price"));
    std::optional<qint64> price;
    if (!priceValue.isNull())
        price =
            integerField(priceValue, QStringLiteral("price"), 1, core::Money::kMaxInput,
                         QStringLiteral("an integer of minor units per unit from 1 to %1 (null clears it)")
                             .arg(core::Money::kMaxInput));
    const bool versionGiven = body.contains(QStringLiteral("version"));
    const qint64 expected =
        versionGiven
            ? integerField(body.value(QStringLiteral("version")), QStringLiteral("version"), 0, kMaxVersion,
                           QStringLiteral("the integer version that was read (or left out)"))
            : 0;
    const QString product = productId->toString();

    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    if (tx.exec_params("SELECT 1 FROM products WHERE id = $1", s(product)).empty()) // RLS: this shop only
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("productId: no product %1 in this shop").arg(product));
    // Two back-office writers of one rate: the second waits, then sees the first's version.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", s(shopId) + ":prices:" + s(product));
    const QString id = core::PriceDoc::idFor(*core::Uuid::parse(shopId), *productId).toString();
    const auto before = tx.exec_params("SELECT version, doc::text, price FROM prices WHERE id = $1", s(id));
    const qint64 stored = before.empty() ? 0 : before[0][0].as<qint64>();
    if (versionGiven && expected != stored)
        throw ApiError(
            409, QStringLiteral("version_conflict"),
            QStringLiteral("version: the rate of %1 is at version %2 (changed meanwhile); reload it")
                .arg(product)
                .arg(stored),
            {{QStringLiteral("version"), stored}});
    if (!price && (before.empty() || before[0][2].is_null()))
        throw ApiError(404, err::kNotFound, QStringLiteral("product %1 has no rate to clear").arg(product));

    // The document a counter's PriceService pushes, so counters apply it the same way.
    const QJsonObject doc{
        {QStringLiteral("id"), id},
        {QStringLiteral("shopId"), shopId},
        {QStringLiteral("productId"), product},
        {QStringLiteral("price"), price ? QJsonValue(*price) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("version"), stored + 1}};
    const FeedRow row = writeMasterDocument(tx, shopId, core::op::kPriceUpsert, doc);
    recordApiAudit(tx, shopId, m_who,
                   {price ? QStringLiteral("price.set") : QStringLiteral("price.clear"),
                    QStringLiteral("price"),
                    id,
                    before.empty() ? QJsonValue()
                                   : QJsonValue(QJsonDocument::fromJson(
                                                    QByteArray::fromStdString(before[0][1].as<std::string>()))
                                                    .object()),
                    doc,
                    {}});
    appendFeedRows(tx, shopId, {row});
    const auto after = tx.exec_params(std::string(kSelect) + " WHERE r.id = $1", s(id));
    const QJsonObject out = entry(after[0]);
    tx.commit();
    return out;
}

} // namespace market::server
