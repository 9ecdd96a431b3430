#include "PriceDocument.h"

#include "JsonReader.h"

#include <QUuid>
#include <limits>

namespace market::core {

namespace {
constexpr qint64 kMaxVersion = std::numeric_limits<qint64>::max() / 2; // as Documents.cpp
} // namespace

Uuid PriceDoc::idFor(const Uuid& shopId, const Uuid& productId) {
    const QUuid ns = QUuid::fromString(shopId.toString());
    const QString text = QUuid::createUuidV5(ns, productId.toString()).toString(QUuid::WithoutBraces);
    return Uuid::parse(text).value_or(Uuid{});
}

QJsonObject PriceDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("productId"), productId.toString()},
            {QStringLiteral("price"), price ? QJsonValue(price->minor()) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("version"), version}};
}

Result<PriceDoc> PriceDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    PriceDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.productId = r.uuid(QStringLiteral("productId"));
    if (!o.contains(QStringLiteral("price")))
        r.fail(QStringLiteral("price"), QStringLiteral("missing (null clears the rate)"));
    else if (!o.value(QStringLiteral("price")).isNull())
        d.price = Money::fromMinor(r.integer(QStringLiteral("price"), 1, Money::kMaxInput));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    if (r.ok() && d.id != idFor(d.shopId, d.productId))
        r.fail(QStringLiteral("id"), QStringLiteral("must be the name-based id of (shopId, productId)"));
    if (!r.ok())
        return Error{ErrorCode::InvalidInput, r.error()};
    return d;
}

} // namespace market::core
