#pragma once

#include "Session.h"
#include "domain/Documents.h"
#include "domain/PriceDocument.h"

#include <optional>
#include <vector>

namespace market::core {

class Store;

/// A product's current rate as the shop lists it.
struct ProductRate {
    ProductDoc product;
    Money price; ///< minor units per unit of the product
    qint64 version = 1;
    qint64 updatedAtMs = 0;
    QString updatedBy; ///< username of who set it here; empty when it came from the feed
};

/// The shop's current rate per product ("today's rate"): set by a manager or the owner, synced as
/// `price.upsert` like a setting (audit entry and outbox operation in the change's transaction),
/// and offered as the default price of a sale line. The price of a sale stays what the counter
/// agrees: a rate never changes a sale, past or present.
class PriceService {
    Q_DECLARE_TR_FUNCTIONS(PriceService)
public:
    explicit PriceService(Store& store)
        : m_store(store) {}

    /// Sets the product's rate (1 … Money::kMaxInput minor units per unit); managers and owners.
    Result<PriceDoc> set(const Session& actor, const Uuid& productId, Money price);
    /// Clears the product's rate (a sale line then starts with an empty price).
    Result<PriceDoc> clear(const Session& actor, const Uuid& productId);
    /// The product's rate, nullopt when it has none.
    Result<std::optional<Money>> rateOf(const Uuid& productId);
    /// Every product with a rate, in code order.
    Result<std::vector<ProductRate>> list();

private:
    Result<PriceDoc> write(const Session& actor, const Uuid& productId, std::optional<Money> price);
    Store& m_store;
};

} // namespace market::core
