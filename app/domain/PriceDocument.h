#pragma once

#include "Money.h"
#include "Result.h"
#include "Uuid.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace market::core {

namespace op {
inline const QString kPriceUpsert = QStringLiteral("price.upsert");
} // namespace op

/// A shop's current rate for one product ("today's rate"): minor units per unit of the product
/// (paise per kg, per crate, ...). Master data, versioned and synced like a setting: one document
/// per (shop, product) whose id is derived from both, so every counter and the server name the
/// same entity without asking anyone. The rate only pre-fills a sale line: the price of a sale is
/// still agreed at the counter. Same conventions as Documents.h (sync/PROTOCOL.md, `price.upsert`).
struct PriceDoc {
    Uuid id;
    Uuid shopId;
    Uuid productId;
    std::optional<Money> price; ///< > 0; nullopt: the rate was cleared (JSON null)
    qint64 version = 1;

    /// Name-based UUID v5 of (shop id, product id) — the namespace is the shop id, the name the
    /// product id's canonical text, as for settings (shop id, key).
    static Uuid idFor(const Uuid& shopId, const Uuid& productId);
    QJsonObject toJson() const;
    /// Strict: `id` must be idFor(shopId, productId); `price` null or 1 … Money::kMaxInput.
    static Result<PriceDoc> fromJson(const QJsonObject& o);
};

} // namespace market::core
