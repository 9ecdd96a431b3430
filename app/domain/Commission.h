#pragma once

#include "Quantity.h"
#include "Result.h"

#include <optional>
#include <vector>

namespace market::core {

/// A commission rate in basis points: 500 = 5 %. Valid range 0..10,000.
constexpr qint64 kMaxRateBp = 10'000;

/// Quantity slab: applies to a line quantity q with from ≤ q < to (to = nullopt: no upper bound).
/// So "3 % for 0–100 kg, 5 % for 100–500 kg, 7 % above" puts exactly 100 kg in the 5 % slab.
struct CommissionSlab {
    Quantity from;
    std::optional<Quantity> to;
    qint64 rateBp = 0;
};

enum class CommissionKind { Flat, Slab };

/// A shop-wide or per-product commission rule. The slab is chosen by the quantity of one line
/// (one lot on one bill), so a farmer's deduction never depends on other farmers' goods.
struct CommissionRule {
    CommissionKind kind = CommissionKind::Flat;
    qint64 flatRateBp = 0;
    std::vector<CommissionSlab> slabs; ///< sorted, contiguous from 0, last may be open

    /// Checks rates and that slabs start at 0, do not overlap and leave no gap.
    Status validate() const;
    /// The rate for a line of this quantity.
    qint64 rateFor(Quantity lineQuantity) const;
};

QString commissionKindName(CommissionKind k);
std::optional<CommissionKind> commissionKindFromName(QStringView name);

/// Parses "5", "5.25" (percent, at most two decimals) into basis points.
std::optional<qint64> parsePercentToBp(QStringView text);
/// 525 → "5.25".
QString formatBpAsPercent(qint64 bp);

} // namespace market::core
