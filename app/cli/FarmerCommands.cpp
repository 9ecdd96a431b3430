// farmer pay, farmer payable, farmer statement: what the shop owes its farmers and pays them.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "domain/Commission.h"
#include "services/FarmerPaymentService.h"
#include "services/PartyService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
Result<QString> farmerCode(Context& ctx) {
    auto text = ctx.required(QStringLiteral("farmer"));
    if (!text.ok())
        return text.error();
    return args::code(QStringLiteral("farmer"), text.value());
}

int runPay(Context& ctx) {
    MARKETCTL_ASSIGN(const QString code, farmerCode(ctx));
    MARKETCTL_ASSIGN(const QString kindText, ctx.required(QStringLiteral("kind")));
    MARKETCTL_ASSIGN(const FarmerPaymentKind kind, args::farmerPaymentKind(kindText));
    MARKETCTL_ASSIGN(const QString amountText, ctx.required(QStringLiteral("amount")));
    MARKETCTL_ASSIGN(const Money amount, args::money(QStringLiteral("amount"), amountText));
    MARKETCTL_ASSIGN(const QString methodText, ctx.required(QStringLiteral("method")));
    MARKETCTL_ASSIGN(const PaymentMethod method, args::paymentMethod(methodText));

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const PartyDoc farmer, PartyService(ctx.store()).byCode(code));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    FarmerPaymentService payments(ctx.store());
    MARKETCTL_ASSIGN(const FarmerPaymentDoc doc, payments.pay(actor, farmer.id, kind, amount, method,
                                                              ctx.value(QStringLiteral("reference"))));
    if (ctx.json()) {
        printJson(doc.toJson());
        return kExitOk;
    }
    const auto left = payments.payable(farmer.id);
    printLine(tr("paid %1 %2 by %3 to %4 %5; still payable %6")
                  .arg(farmerPaymentKindName(doc.kind), ctx.money(doc.amount), paymentMethodName(doc.method),
                       farmer.code, farmer.name, left.ok() ? ctx.money(left.value()) : tr("?")));
    return kExitOk;
}

int runPayable(Context& ctx) {
    MARKETCTL_ASSIGN(const QString code, farmerCode(ctx));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const PartyDoc farmer, PartyService(ctx.store()).byCode(code));
    if (farmer.kind != PartyKind::Farmer)
        return ctx.fail(Error{ErrorCode::NotFound, tr("%1 is not a farmer").arg(code)});
    MARKETCTL_ASSIGN(const Money payable, FarmerPaymentService(ctx.store()).payable(farmer.id));
    if (ctx.json())
        printJson(QJsonObject{{QStringLiteral("farmerId"), farmer.id.toString()},
                              {QStringLiteral("code"), farmer.code},
                              {QStringLiteral("name"), farmer.name},
                              {QStringLiteral("payable"), payable.minor()}});
    else
        printLine(tr("%1 %2: payable %3").arg(farmer.code, farmer.name, ctx.money(payable)));
    return kExitOk;
}

QJsonObject statementJson(const SettlementStatement& st) {
    QJsonArray lines;
    for (const auto& l : st.lines)
        lines.append(QJsonObject{{QStringLiteral("atMs"), l.atMs},
                                 {QStringLiteral("receiptNo"), l.receiptNo},
                                 {QStringLiteral("lotCode"), l.lotCode},
                                 {QStringLiteral("productName"), l.productName},
                                 {QStringLiteral("qty"), l.qty.thousandths()},
                                 {QStringLiteral("price"), l.price.minor()},
                                 {QStringLiteral("amount"), l.amount.minor()},
                                 {QStringLiteral("commissionBp"), l.commissionBp},
                                 {QStringLiteral("commission"), l.commission.minor()},
                                 {QStringLiteral("farmerCharges"), l.farmerCharges.minor()},
                                 {QStringLiteral("farmerNet"), l.farmerNet.minor()}});
    QJsonArray charges;
    for (const auto& c : st.charges)
        charges.append(QJsonObject{{QStringLiteral("code"), c.code},
                                   {QStringLiteral("name"), c.name},
                                   {QStringLiteral("amount"), c.amount.minor()}});
    QJsonArray payments;
    for (const auto& p : st.payments)
        payments.append(p.toJson());
    return QJsonObject{{QStringLiteral("farmerId"), st.farmer.id.toString()},
                       {QStringLiteral("code"), st.farmer.code},
                       {QStringLiteral("name"), st.farmer.name},
                       {QStringLiteral("fromMs"), st.fromMs},
                       {QStringLiteral("toMs"), st.toMs},
                       {QStringLiteral("openingBalance"), st.openingBalance.minor()},
                       {QStringLiteral("lines"), lines},
                       {QStringLiteral("soldAmount"), st.soldAmount.minor()},
                       {QStringLiteral("commission"), st.commission.minor()},
                       {QStringLiteral("farmerCharges"), st.farmerCharges.minor()},
                       {QStringLiteral("charges"), charges},
                       {QStringLiteral("farmerNet"), st.farmerNet.minor()},
                       {QStringLiteral("returnedAmount"), st.returnedAmount.minor()},
                       {QStringLiteral("returnedNet"), st.returnedNet.minor()},
                       {QStringLiteral("payments"), payments},
                       {QStringLiteral("advances"), st.advances.minor()},
                       {QStringLiteral("settlements"), st.settlements.minor()},
                       {QStringLiteral("closingBalance"), st.closingBalance.minor()}};
}

void printStatement(Context& ctx, const SettlementStatement& st, QDate from, QDate to) {
    const auto& shop = ctx.shop();
    printLine(shop.shopName);
    printLine(tr("Settlement statement of %1 %2%3")
                  .arg(st.farmer.code, st.farmer.name,
                       st.farmer.phone.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(st.farmer.phone)));
    printLine(tr("Period %1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    printLine(QString());
    printLine(tr("Opening balance (payable): %1").arg(ctx.money(st.openingBalance)));
    printLine(QString());
    if (st.lines.empty()) {
        printLine(tr("No sales in the period."));
    } else {
        QList<QStringList> rows;
        for (const auto& l : st.lines)
            rows.append({ctx.dateTime(l.atMs), l.receiptNo, l.lotCode, l.productName, l.qty.toString(),
                         ctx.money(l.price), ctx.money(l.amount),
                         formatBpAsPercent(l.commissionBp) + QLatin1Char('%'), ctx.money(l.commission),
                         ctx.money(l.farmerCharges), ctx.money(l.farmerNet)});
        rows.append({tr("Total"), QString(), QString(), QString(), QString(), QString(),
                     ctx.money(st.soldAmount), QString(), ctx.money(st.commission),
                     ctx.money(st.farmerCharges), ctx.money(st.farmerNet)});
        printTable({tr("DATE"), tr("RECEIPT"), tr("LOT"), tr("PRODUCT"), tr("QTY"), tr("PRICE"), tr("AMOUNT"),
                    tr("RATE"), tr("COMMISSION"), tr("CHARGES"), tr("NET")},
                   rows, {4, 5, 6, 7, 8, 9, 10});
        for (const auto& c : st.charges)
            printLine(tr("  %1 (%2): %3").arg(c.name, c.code, ctx.money(c.amount)));
    }
    printLine(QString());
    if (st.payments.empty()) {
        printLine(tr("No payments in the period."));
    } else {
        QList<QStringList> rows;
        for (const auto& p : st.payments)
            rows.append({ctx.dateTime(p.atMs), farmerPaymentKindName(p.kind), paymentMethodName(p.method),
                         p.reference, ctx.money(p.amount)});
        printTable({tr("PAID ON"), tr("KIND"), tr("METHOD"), tr("REFERENCE"), tr("AMOUNT")}, rows, {4});
    }
    printLine(QString());
    printTable({QString(), QString()},
               {{tr("Opening balance"), ctx.money(st.openingBalance)},
                {tr("+ Net of sales (after %1 commission and %2 charges)")
                     .arg(ctx.money(st.commission), ctx.money(st.farmerCharges)),
                 ctx.money(st.farmerNet)},
                {tr("− Net of goods returned by buyers"), ctx.money(st.returnedNet)},
                {tr("− Advances"), ctx.money(st.advances)},
                {tr("− Settlements"), ctx.money(st.settlements)},
                {tr("Closing balance (payable)"), ctx.money(st.closingBalance)}},
               {1});
}

int runStatement(Context& ctx) {
    MARKETCTL_ASSIGN(const QString code, farmerCode(ctx));
    MARKETCTL_ASSIGN(auto period, ctx.dates(true));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    if (!period.second.isValid())
        period.second = ctx.today();
    if (period.second < period.first)
        return ctx.fail(
            Context::usage(tr("--from %1 is after today").arg(period.first.toString(Qt::ISODate))));
    MARKETCTL_ASSIGN(const PartyDoc farmer, PartyService(ctx.store()).byCode(code));
    MARKETCTL_ASSIGN(
        const SettlementStatement st,
        FarmerPaymentService(ctx.store())
            .statement(farmer.id, ctx.dayBounds(period.first).first, ctx.dayBounds(period.second).second));
    if (ctx.json())
        printJson(statementJson(st));
    else
        printStatement(ctx, st, period.first, period.second);
    return kExitOk;
}
} // namespace

std::vector<Command> farmerCommands() {
    return {
        {QStringLiteral("farmer pay"),
         tr("Pay a farmer an advance or a settlement (managers)"),
         {makeOption("farmer", "The farmer's code.", "code"),
          makeOption("kind", "advance (not tied to sales) or settlement (at most what is payable).", "kind"),
          makeOption("amount", "The amount paid.", "amount"),
          makeOption("method", "cash, upi, card, bank, cheque or wallet.", "method"),
          makeOption("reference", "UTR, cheque number...", "text")},
         runPay,
         tr("A settlement beyond what is payable is refused. Cash needs an open cash session.")},
        {QStringLiteral("farmer payable"),
         tr("What the shop owes a farmer now"),
         {makeOption("farmer", "The farmer's code.", "code")},
         runPayable,
         tr("payable = net of sold lines − advances − settlements (JSON: minor units).")},
        {QStringLiteral("farmer statement"),
         tr("A farmer's settlement statement for a period"),
         {makeOption("farmer", "The farmer's code.", "code"),
          makeOption("from", "First day, YYYY-MM-DD.", "date"),
          makeOption("to", "Last day, YYYY-MM-DD (default: today).", "date")},
         runStatement,
         tr("Lots sold, quantities, prices, commission, net, payments, opening and closing balance.\n"
            "JSON: amounts in minor units, quantities in thousandths.")},
    };
}

} // namespace market::cli
