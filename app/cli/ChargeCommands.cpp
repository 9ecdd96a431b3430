// charge set, charge list, charge retire: the shop's charge stack (market fee, hamali, …).
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/CatalogService.h"
#include "services/ChargeService.h"

#include <QJsonArray>

namespace market::cli {

using namespace market::core;

namespace {
QString describeRate(Context& ctx, const ChargeRule& rule) {
    switch (rule.basis) {
    case ChargeBasis::Percent:
        return tr("%1 % of the amount").arg(formatBpAsPercent(rule.rate));
    case ChargeBasis::PerUnit:
        return tr("%1 per unit").arg(ctx.money(Money::fromMinor(rule.rate)));
    case ChargeBasis::PerPackage:
        return tr("%1 per package").arg(ctx.money(Money::fromMinor(rule.rate)));
    case ChargeBasis::PerLine:
        return tr("%1 per line").arg(ctx.money(Money::fromMinor(rule.rate)));
    case ChargeBasis::PerBill:
        return tr("%1 per bill").arg(ctx.money(Money::fromMinor(rule.rate)));
    }
    return {};
}

int runChargeSet(Context& ctx) {
    ChargeRule rule;
    MARKETCTL_ASSIGN(rule.code, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(rule.name, ctx.required(QStringLiteral("name")));
    MARKETCTL_ASSIGN(const QString basisText, ctx.required(QStringLiteral("basis")));
    const auto basis = chargeBasisFromName(QString(basisText).replace(QLatin1Char('-'), QLatin1Char('_')));
    if (!basis)
        return ctx.fail(
            Context::usage(tr("--basis: \"%1\" is not percent, per-unit, per-package, per-line or per-bill")
                               .arg(basisText)));
    rule.basis = *basis;
    MARKETCTL_ASSIGN(const QString rateText, ctx.required(QStringLiteral("rate")));
    if (rule.basis == ChargeBasis::Percent) {
        MARKETCTL_ASSIGN(rule.rate, args::percentBp(QStringLiteral("rate"), rateText));
    } else {
        MARKETCTL_ASSIGN(const Money rate, args::money(QStringLiteral("rate"), rateText));
        if (rate.isNegative())
            return ctx.fail(Context::usage(tr("--rate cannot be negative")));
        rule.rate = rate.minor();
    }
    MARKETCTL_ASSIGN(const QString payerText, ctx.required(QStringLiteral("payer")));
    const auto payer = chargePayerFromName(payerText);
    if (!payer)
        return ctx.fail(Context::usage(tr("--payer: \"%1\" is not buyer or farmer").arg(payerText)));
    rule.payer = *payer;
    std::optional<QString> productCode;
    if (ctx.isSet(QStringLiteral("product"))) {
        MARKETCTL_ASSIGN(productCode,
                         args::code(QStringLiteral("product"), ctx.value(QStringLiteral("product"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    if (productCode) {
        MARKETCTL_ASSIGN(const ProductDoc product, CatalogService(ctx.store()).productByCode(*productCode));
        rule.productId = product.id;
    }
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const ChargeDoc doc, ChargeService(ctx.store()).set(actor, rule));
    if (ctx.json())
        printJson(doc.toJson());
    else
        printLine(tr("charge %1 \"%2\": %3, paid by the %4 (version %5)")
                      .arg(doc.rule.code, doc.rule.name, describeRate(ctx, doc.rule),
                           chargePayerName(doc.rule.payer))
                      .arg(doc.version));
    return kExitOk;
}

int runChargeList(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto charges, ChargeService(ctx.store()).active());
    CatalogService catalog(ctx.store());
    QJsonArray list;
    QList<QStringList> rows;
    for (const auto& c : charges) {
        QString product = tr("(all)");
        if (c.rule.productId) {
            MARKETCTL_ASSIGN(const ProductDoc p, catalog.product(*c.rule.productId));
            product = p.code;
        }
        list.append(c.toJson());
        rows.append(
            {c.rule.code, c.rule.name, describeRate(ctx, c.rule), chargePayerName(c.rule.payer), product});
    }
    if (ctx.json())
        printJson(list);
    else
        printTable({tr("CODE"), tr("NAME"), tr("RATE"), tr("PAYER"), tr("PRODUCT")}, rows);
    return kExitOk;
}

int runChargeRetire(Context& ctx) {
    MARKETCTL_ASSIGN(const QString codeText, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(const QString code, args::code(QStringLiteral("code"), codeText));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_CHECK(ChargeService(ctx.store()).retire(actor, code));
    if (!ctx.json())
        printLine(tr("charge %1 retired; later sales no longer carry it").arg(code.toUpper()));
    else
        printJson(QJsonObject{{QStringLiteral("retired"), code.toUpper()}});
    return kExitOk;
}
} // namespace

std::vector<Command> chargeCommands() {
    return {
        {QStringLiteral("charge set"),
         tr("Add a charge to the shop's stack or change one (managers)"),
         {makeOption("code", "Short code, e.g. CESS or HAMALI.", "code"),
          makeOption("name", "Name printed on bills and statements.", "name"),
          makeOption("basis", "percent, per-unit, per-package, per-line or per-bill.", "basis"),
          makeOption("rate", "Percent for percent (e.g. 1.5), else an amount (e.g. 2.50).", "rate"),
          makeOption("payer", "buyer (added to the bill) or farmer (deducted at settlement).", "payer"),
          makeOption("product", "Only for this product's code (default: every product).", "code")},
         runChargeSet,
         tr("Setting a code again retires its previous version. Sales keep the charges they were made "
            "with.\nWho pays commission is the setting commission_paid_by_buyer (0 or 1).")},
        {QStringLiteral("charge list"), tr("List the shop's active charges"), {}, runChargeList, {}},
        {QStringLiteral("charge retire"),
         tr("Retire a charge (managers)"),
         {makeOption("code", "The charge's code.", "code")},
         runChargeRetire,
         {}},
    };
}

} // namespace market::cli
