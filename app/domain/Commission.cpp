#include "Commission.h"

#include "Money.h"

#include <QCoreApplication>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Commission)
};
} // namespace

Status CommissionRule::validate() const {
    auto rateOk = [](qint64 bp) { return bp >= 0 && bp <= kMaxRateBp; };
    if (kind == CommissionKind::Flat) {
        if (!rateOk(flatRateBp))
            return Error{ErrorCode::InvalidInput, Tr::tr("Commission rate must be between 0 % and 100 %.")};
        return okStatus();
    }
    if (slabs.empty())
        return Error{ErrorCode::InvalidInput, Tr::tr("A slab commission rule needs at least one slab.")};
    Quantity expectedFrom;
    for (size_t i = 0; i < slabs.size(); ++i) {
        const auto& s = slabs[i];
        if (!rateOk(s.rateBp))
            return Error{ErrorCode::InvalidInput, Tr::tr("Commission rate must be between 0 % and 100 %.")};
        if (s.from != expectedFrom)
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("Commission slabs must start at 0 and follow each other without gaps.")};
        if (s.to) {
            if (*s.to <= s.from)
                return Error{ErrorCode::InvalidInput,
                             Tr::tr("A commission slab must end above where it starts.")};
            expectedFrom = *s.to;
        } else if (i + 1 != slabs.size()) {
            return Error{ErrorCode::InvalidInput, Tr::tr("Only the last commission slab may be open-ended.")};
        }
    }
    return okStatus();
}

qint64 CommissionRule::rateFor(Quantity lineQuantity) const {
    if (kind == CommissionKind::Flat)
        return flatRateBp;
    for (const auto& s : slabs)
        if (lineQuantity >= s.from && (!s.to || lineQuantity < *s.to))
            return s.rateBp;
    // Beyond a closed last slab: the last slab's rate continues.
    return slabs.empty() ? 0 : slabs.back().rateBp;
}

QString commissionKindName(CommissionKind k) {
    return k == CommissionKind::Flat ? QStringLiteral("flat") : QStringLiteral("slab");
}

std::optional<CommissionKind> commissionKindFromName(QStringView name) {
    if (name == u"flat")
        return CommissionKind::Flat;
    if (name == u"slab")
        return CommissionKind::Slab;
    return std::nullopt;
}

std::optional<qint64> parsePercentToBp(QStringView text) {
    QString s = text.trimmed().toString();
    if (s.endsWith(QLatin1Char('%')))
        s.chop(1);
    s = s.trimmed();
    // Money::parse also takes currency prefixes ("₹5"); a percentage starts with a digit.
    if (s.isEmpty() || !s.front().isDigit())
        return std::nullopt;
    // Same grammar as money with two decimals: "5.25" → 525.
    const auto m = Money::parse(s);
    if (!m || m->isNegative() || m->minor() > kMaxRateBp)
        return std::nullopt;
    return m->minor();
}

QString formatBpAsPercent(qint64 bp) {
    QString s = QString::number(bp / 100);
    if (bp % 100 != 0)
        s += QLatin1Char('.') + QStringLiteral("%1").arg(bp % 100, 2, 10, QLatin1Char('0'));
    return s;
}

} // namespace market::core
