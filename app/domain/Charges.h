#pragma once

#include "Money.h"
#include "Quantity.h"
#include "Result.h"
#include "Uuid.h"

#include <optional>
#include <vector>

namespace market::core {

/// How a charge is measured. The rate means basis points for Percent (of the line amount) and
/// minor units otherwise: per whole unit of the product, per package, per line, per bill.
enum class ChargeBasis { Percent, PerUnit, PerPackage, PerLine, PerBill };
/// Who bears a charge: the buyer (added to the bill) or the farmer (deducted from the proceeds).
enum class ChargePayer { Buyer, Farmer };

QString chargeBasisName(ChargeBasis b); ///< "percent", "per_unit", "per_package", "per_line", "per_bill"
std::optional<ChargeBasis> chargeBasisFromName(QStringView name);
QString chargePayerName(ChargePayer p); ///< "buyer", "farmer"
std::optional<ChargePayer> chargePayerFromName(QStringView name);

/// One charge of a shop's stack as configured (market fee, hamali, weighing, …).
struct ChargeRule {
    Uuid id;
    QString code; ///< short, unique among the shop's active charges ("CESS")
    QString name; ///< printed on bills and statements
    ChargeBasis basis = ChargeBasis::Percent;
    qint64 rate = 0;
    ChargePayer payer = ChargePayer::Buyer;
    std::optional<Uuid> productId; ///< nullopt: every product

    /// Rate within bounds (percent ≤ 100 %, money ≤ Money::kMaxInput, never negative).
    Status validate() const;
    bool appliesTo(const Uuid& product) const { return !productId || *productId == product; }
};

/// A charge as applied to one sale line, with the rule's terms copied: a later change of the
/// shop's stack never alters a past sale. A per-bill charge appears on every line it applies to
/// with that line's share; the shares add up to the rate exactly.
struct AppliedCharge {
    Uuid chargeId;
    QString code;
    QString name;
    ChargeBasis basis = ChargeBasis::Percent;
    qint64 rate = 0;
    ChargePayer payer = ChargePayer::Buyer;
    Money amount;
};

/// What the charge computation needs of a line.
struct ChargeableLine {
    Uuid productId;
    Quantity qty;
    qint64 packages = 0;
    Money amount;
};

/// Applies the stack to the lines of one bill. Rounding: percent and per-unit half-up to a minor
/// unit (as commission and line amounts); per-bill charges split over the lines they apply to in
/// proportion to the line amounts with the largest-remainder rule, so they add up exactly.
/// Fails only when an amount passes Money::kMaxInput.
Result<std::vector<std::vector<AppliedCharge>>> applyCharges(const std::vector<ChargeableLine>& lines,
                                                             const std::vector<ChargeRule>& stack);

/// Re-derives every applied amount from the terms recorded with it (the server's and the
/// store's check of a sale that arrives from elsewhere). Never fixes anything.
Status verifyAppliedCharges(const std::vector<ChargeableLine>& lines,
                            const std::vector<std::vector<AppliedCharge>>& applied);

/// Σ of the applied charges one side bears.
Money chargesPaidBy(const std::vector<AppliedCharge>& charges, ChargePayer payer);

/// The packages a line of `qty` takes from a lot of `lotPackages` packages and `lotQty` net:
/// in proportion, rounded half-up, at least one when the lot has packages at all.
qint64 packagesForShare(qint64 lotPackages, Quantity lotQty, Quantity qty);

} // namespace market::core
