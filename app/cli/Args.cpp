#include "Args.h"

#include "Command.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace market::cli::args {

using namespace market::core;

namespace {
Error bad(const QString& message) {
    return Error{ErrorCode::InvalidInput, message};
}

template <typename E>
Result<E> choice(const QString& what, const QString& text, std::optional<E> (*parse)(QStringView),
                 const QString& choices) {
    if (const auto v = parse(text.trimmed()))
        return *v;
    return bad(tr("unknown %1 \"%2\" (one of: %3)").arg(what, text, choices));
}
} // namespace

Result<Money> money(const QString& option, const QString& text) {
    if (const auto m = Money::parse(text))
        return *m;
    return bad(tr("--%1: \"%2\" is not an amount of money (digits with at most two decimals, e.g. 1250.50)")
                   .arg(option, text));
}

Result<Quantity> quantity(const QString& option, const QString& text) {
    if (const auto q = Quantity::parse(text))
        return *q;
    return bad(tr("--%1: \"%2\" is not a quantity (digits with at most three decimals, e.g. 120.5)")
                   .arg(option, text));
}

Result<QString> code(const QString& option, const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$"));
    const QString trimmed = text.trimmed();
    if (!pattern.match(trimmed).hasMatch())
        return bad(
            tr("--%1: \"%2\" is not a valid code (letters, digits, - and _, at most 40)").arg(option, text));
    return trimmed;
}

Result<QDate> date(const QString& option, const QString& text) {
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid() || d.year() < 2000 || d.year() > 2999)
        return bad(tr("--%1: \"%2\" is not a date (YYYY-MM-DD)").arg(option, text));
    return d;
}

Result<qint64> integer(const QString& option, const QString& text, qint64 min, qint64 max) {
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return bad(
            tr("--%1: \"%2\" is not a whole number from %3 to %4").arg(option, text).arg(min).arg(max));
    return v;
}

Result<qint64> percentBp(const QString& option, const QString& text) {
    if (const auto bp = parsePercentToBp(text))
        return *bp;
    return bad(tr("--%1: \"%2\" is not a percentage from 0 to 100 (at most two decimals)").arg(option, text));
}

Result<Role> role(const QString& text) {
    return choice<Role>(tr("role"), text, &roleFromName, QStringLiteral("cashier, manager, owner"));
}

Result<PartyKind> partyKind(const QString& text) {
    return choice<PartyKind>(tr("party kind"), text, &partyKindFromName, QStringLiteral("farmer, buyer"));
}

Result<Category> category(const QString& text) {
    return choice<Category>(tr("category"), text, &categoryFromName,
                            QStringLiteral("flower, vegetable, fruit, grain, other"));
}

Result<Unit> unit(const QString& text) {
    return choice<Unit>(tr("unit"), text, &unitFromName,
                        QStringLiteral("kg, quintal, crate, bunch, dozen, piece"));
}

Result<LotStatus> lotStatus(const QString& text) {
    return choice<LotStatus>(tr("lot status"), text, &lotStatusFromName,
                             QStringLiteral("active, closed, discarded, returned"));
}

Result<PaymentMethod> paymentMethod(const QString& text) {
    return choice<PaymentMethod>(tr("payment method"), text, &paymentMethodFromName,
                                 QStringLiteral("cash, upi, card, bank, cheque, wallet"));
}

Result<Currency> currency(const QString& text) {
    return choice<Currency>(tr("currency"), text.toUpper(), &currencyFromCode,
                            QStringLiteral("INR, USD, EUR, GBP"));
}

Result<FarmerPaymentKind> farmerPaymentKind(const QString& text) {
    return choice<FarmerPaymentKind>(tr("farmer payment kind"), text, &farmerPaymentKindFromName,
                                     QStringLiteral("advance, settlement"));
}

Result<ExpenseCategory> expenseCategory(const QString& text) {
    return choice<ExpenseCategory>(tr("expense category"), text, &expenseCategoryFromName,
                                   QStringLiteral("wage, rent, utility, transport, supplies, other"));
}

Result<AdjustmentReason> adjustmentReason(const QString& text) {
    return choice<AdjustmentReason>(
        tr("adjustment reason"), text, &adjustmentReasonFromName,
        QStringLiteral("quality_issue, damage, theft, correction, expired, returned_to_farmer"));
}

Result<Quantity> signedQuantity(const QString& option, const QString& text) {
    const QString trimmed = text.trimmed();
    const bool negative = trimmed.startsWith(QLatin1Char('-'));
    auto magnitude = quantity(option, negative ? trimmed.mid(1) : trimmed);
    if (!magnitude.ok() || magnitude->isNegative())
        return bad(tr("--%1: \"%2\" is not a quantity (digits with at most three decimals, a leading - "
                      "to put stock back, e.g. -2.5)")
                       .arg(option, text));
    return negative ? Quantity{} - magnitude.value() : magnitude.value();
}

Result<Uuid> id(const QString& option, const QString& text) {
    if (const auto u = Uuid::parse(text.trimmed()))
        return *u;
    return bad(tr("--%1: \"%2\" is not an id (a UUID as printed by marketctl)").arg(option, text));
}

Result<std::vector<Denomination>> denominations(const QString& text) {
    std::vector<Denomination> out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const qsizetype x = part.indexOf(QLatin1Char('x'));
        const auto face = x > 0 ? Money::parse(part.left(x).trimmed()) : std::nullopt;
        bool ok = false;
        const qint64 count = x > 0 ? part.mid(x + 1).trimmed().toLongLong(&ok) : 0;
        if (!face || !face->isPositive() || !ok || count < 0)
            return bad(tr("--notes: \"%1\" is not FACExCOUNT (e.g. 500x3 for three ₹500 notes)").arg(part));
        out.push_back(Denomination{face->minor(), count});
    }
    if (out.empty())
        return bad(tr("--notes: give notes and coins like \"500x3,100x1,10x3\""));
    return out;
}

Result<CommissionRule> slabs(const QString& text) {
    CommissionRule rule;
    rule.kind = CommissionKind::Slab;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return bad(tr("--slabs: give slabs like \"0-100:3,100-500:5,500-:7\""));
    for (const QString& part : parts) {
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        const qsizetype dash = part.indexOf(QLatin1Char('-'));
        if (colon < 0 || dash < 0 || dash > colon)
            return bad(
                tr("--slabs: \"%1\" is not FROM-TO:PERCENT (TO may be empty for the last slab)").arg(part));
        CommissionSlab slab;
        auto from = quantity(QStringLiteral("slabs"), part.left(dash));
        if (!from.ok())
            return from.error();
        slab.from = from.value();
        const QString toText = part.mid(dash + 1, colon - dash - 1).trimmed();
        if (!toText.isEmpty()) {
            auto to = quantity(QStringLiteral("slabs"), toText);
            if (!to.ok())
                return to.error();
            slab.to = to.value();
        }
        auto rate = percentBp(QStringLiteral("slabs"), part.mid(colon + 1));
        if (!rate.ok())
            return rate.error();
        slab.rateBp = rate.value();
        rule.slabs.push_back(slab);
    }
    return rule;
}

Result<LineSpec> saleLine(const QString& text) {
    // The code may not contain ':', so split from the right: CODE:QTY:PRICE.
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3 && parts.size() != 4)
        return bad(
            tr("--line: \"%1\" is not LOTCODE:QTY:PRICE[:PACKAGES] (e.g. L000012:25.5:32.00)").arg(text));
    LineSpec line;
    auto lot = code(QStringLiteral("line"), parts[0]);
    if (!lot.ok())
        return lot.error();
    line.lotCode = lot.value();
    auto qty = quantity(QStringLiteral("line"), parts[1]);
    if (!qty.ok())
        return qty.error();
    line.qty = qty.value();
    auto price = money(QStringLiteral("line"), parts[2]);
    if (!price.ok())
        return price.error();
    line.price = price.value();
    if (parts.size() == 4) {
        auto packages = integer(QStringLiteral("line"), parts[3], 0, 1'000'000);
        if (!packages.ok())
            return packages.error();
        line.packages = packages.value();
    }
    return line;
}

Result<PaymentSpec> payment(const QString& text) {
    const qsizetype first = text.indexOf(QLatin1Char(':'));
    if (first < 0)
        return bad(tr("--pay: \"%1\" is not METHOD:AMOUNT[:REFERENCE] (e.g. cash:500.00 or upi:250:UTR123)")
                       .arg(text));
    const qsizetype second = text.indexOf(QLatin1Char(':'), first + 1);
    PaymentSpec spec;
    auto method = paymentMethod(text.left(first));
    if (!method.ok())
        return method.error();
    spec.method = method.value();
    auto amount = money(QStringLiteral("pay"),
                        second < 0 ? text.mid(first + 1) : text.mid(first + 1, second - first - 1));
    if (!amount.ok())
        return amount.error();
    spec.amount = amount.value();
    if (second >= 0)
        spec.reference = text.mid(second + 1);
    return spec;
}

} // namespace market::cli::args
