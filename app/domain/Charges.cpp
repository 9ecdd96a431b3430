#include "Charges.h"

#include "Allocation.h"
#include "Commission.h"

#include <QCoreApplication>
#include <map>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Charges)
};

struct BasisName {
    ChargeBasis basis;
    const char* name;
};
constexpr BasisName kBasisNames[] = {{ChargeBasis::Percent, "percent"},
                                     {ChargeBasis::PerUnit, "per_unit"},
                                     {ChargeBasis::PerPackage, "per_package"},
                                     {ChargeBasis::PerLine, "per_line"},
                                     {ChargeBasis::PerBill, "per_bill"}};

/// One line's amount of a charge that is not per bill.
std::optional<Money> lineCharge(const ChargeableLine& line, ChargeBasis basis, qint64 rate) {
    switch (basis) {
    case ChargeBasis::Percent:
        return line.amount.percentBp(rate);
    case ChargeBasis::PerUnit:
        return Money::lineAmount(line.qty, Money::fromMinor(rate));
    case ChargeBasis::PerPackage:
        return Money::fromMinor(rate).checkedMul(line.packages);
    case ChargeBasis::PerLine:
        return Money::fromMinor(rate);
    case ChargeBasis::PerBill:
        break;
    }
    return std::nullopt;
}

std::vector<Money> billShares(const std::vector<ChargeableLine>& lines, const std::vector<size_t>& on,
                              qint64 rate) {
    std::vector<Money> weights;
    weights.reserve(on.size());
    for (size_t i : on)
        weights.push_back(lines[i].amount);
    return allocateProportionally(Money::fromMinor(rate), weights);
}

Error tooLarge(const QString& code) {
    return Error{ErrorCode::InvalidInput, Tr::tr("The charge %1 comes to more than the largest amount "
                                                 "accepted; check its rate and the quantity.")
                                              .arg(code)};
}
} // namespace

QString chargeBasisName(ChargeBasis b) {
    for (const auto& n : kBasisNames)
        if (n.basis == b)
            return QString::fromLatin1(n.name);
    return {};
}

std::optional<ChargeBasis> chargeBasisFromName(QStringView name) {
    for (const auto& n : kBasisNames)
        if (name == QLatin1String(n.name))
            return n.basis;
    return std::nullopt;
}

QString chargePayerName(ChargePayer p) {
    return p == ChargePayer::Buyer ? QStringLiteral("buyer") : QStringLiteral("farmer");
}

std::optional<ChargePayer> chargePayerFromName(QStringView name) {
    if (name == u"buyer")
        return ChargePayer::Buyer;
    if (name == u"farmer")
        return ChargePayer::Farmer;
    return std::nullopt;
}

Status ChargeRule::validate() const {
    if (rate < 0)
        return Error{ErrorCode::InvalidInput, Tr::tr("A charge cannot be negative.")};
    if (basis == ChargeBasis::Percent && rate > kMaxRateBp)
        return Error{ErrorCode::InvalidInput, Tr::tr("A percentage charge must be between 0 % and 100 %.")};
    if (rate > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, Tr::tr("The charge is too large.")};
    return okStatus();
}

Result<std::vector<std::vector<AppliedCharge>>> applyCharges(const std::vector<ChargeableLine>& lines,
                                                             const std::vector<ChargeRule>& stack) {
    std::vector<std::vector<AppliedCharge>> out(lines.size());
    for (const auto& rule : stack) {
        std::vector<size_t> on;
        for (size_t i = 0; i < lines.size(); ++i)
            if (rule.appliesTo(lines[i].productId))
                on.push_back(i);
        if (on.empty())
            continue;
        std::vector<Money> amounts;
        if (rule.basis == ChargeBasis::PerBill) {
            amounts = billShares(lines, on, rule.rate);
            if (amounts.size() != on.size())
                return tooLarge(rule.code);
        } else {
            for (size_t i : on) {
                const auto m = lineCharge(lines[i], rule.basis, rule.rate);
                if (!m || m->minor() > Money::kMaxInput)
                    return tooLarge(rule.code);
                amounts.push_back(*m);
            }
        }
        for (size_t k = 0; k < on.size(); ++k)
            out[on[k]].push_back(
                AppliedCharge{rule.id, rule.code, rule.name, rule.basis, rule.rate, rule.payer, amounts[k]});
    }
    return out;
}

Status verifyAppliedCharges(const std::vector<ChargeableLine>& lines,
                            const std::vector<std::vector<AppliedCharge>>& applied) {
    auto bad = [](const QString& what) { return Error{ErrorCode::InvalidInput, what}; };
    if (applied.size() != lines.size())
        return bad(QStringLiteral("charges: one list per line expected"));
    // Per-bill charges: which lines carry each, with the recorded terms, to re-split the rate.
    std::map<Uuid, std::vector<size_t>> billLines;
    std::map<Uuid, const AppliedCharge*> billTerms;
    for (size_t i = 0; i < lines.size(); ++i) {
        for (const auto& c : applied[i]) {
            ChargeRule terms{c.chargeId, c.code, c.name, c.basis, c.rate, c.payer, {}};
            if (!terms.validate().ok() || c.amount.isNegative())
                return bad(
                    QStringLiteral("line %1: charge %2 has a rate out of range").arg(i + 1).arg(c.code));
            if (c.basis == ChargeBasis::PerBill) {
                auto [it, fresh] = billTerms.emplace(c.chargeId, &c);
                if (!fresh && (it->second->rate != c.rate || it->second->payer != c.payer))
                    return bad(QStringLiteral("charge %1: lines disagree on its terms").arg(c.code));
                auto& on = billLines[c.chargeId];
                if (!on.empty() && on.back() == i)
                    return bad(QStringLiteral("line %1: charge %2 applied twice").arg(i + 1).arg(c.code));
                on.push_back(i);
                continue;
            }
            const auto expected = lineCharge(lines[i], c.basis, c.rate);
            if (!expected || *expected != c.amount)
                return bad(
                    QStringLiteral("line %1: charge %2 does not match its rate").arg(i + 1).arg(c.code));
        }
    }
    for (const auto& entry : billLines) {
        const Uuid& id = entry.first; // a plain name: lambdas cannot capture structured bindings (clang 14)
        const std::vector<size_t>& on = entry.second;
        const auto shares = billShares(lines, on, billTerms[id]->rate);
        if (shares.size() != on.size())
            return bad(QStringLiteral("charge %1: cannot be split").arg(billTerms[id]->code));
        for (size_t k = 0; k < on.size(); ++k) {
            const auto& line = applied[on[k]];
            const auto it = std::find_if(line.begin(), line.end(),
                                         [&](const AppliedCharge& c) { return c.chargeId == id; });
            if (it->amount != shares[k])
                return bad(QStringLiteral("line %1: share of charge %2 is not its proportion of the bill")
                               .arg(on[k] + 1)
                               .arg(it->code));
        }
    }
    return okStatus();
}

Money chargesPaidBy(const std::vector<AppliedCharge>& charges, ChargePayer payer) {
    Money sum;
    for (const auto& c : charges)
        if (c.payer == payer)
            sum += c.amount;
    return sum;
}

qint64 packagesForShare(qint64 lotPackages, Quantity lotQty, Quantity qty) {
    if (lotPackages <= 0 || !lotQty.isPositive())
        return 0;
    const auto share =
        divideRoundHalfUp(static_cast<Int128>(lotPackages) * qty.thousandths(), lotQty.thousandths());
    return std::max<qint64>(1, share.value_or(lotPackages));
}

} // namespace market::core
