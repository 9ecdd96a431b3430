// sell, sale show, sale return, sale confirm-commission.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/PartyService.h"
#include "services/ReturnService.h"
#include "services/SaleService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace market::cli {

using namespace market::core;

namespace {
int runSell(Context& ctx) {
    // Parse everything before touching the store.
    const bool walkin = ctx.isSet(QStringLiteral("walkin-name")) || ctx.isSet(QStringLiteral("walkin-phone"));
    std::optional<QString> buyerCode;
    if (ctx.isSet(QStringLiteral("buyer"))) {
        if (walkin)
            return ctx.fail(
                Context::usage(tr("give either --buyer or --walkin-name/--walkin-phone, not both")));
        MARKETCTL_ASSIGN(buyerCode, args::code(QStringLiteral("buyer"), ctx.value(QStringLiteral("buyer"))));
    }
    const QStringList lineTexts = ctx.values(QStringLiteral("line"));
    if (lineTexts.isEmpty())
        return ctx.fail(Context::usage(tr("a sale needs at least one --line LOTCODE:QTY:PRICE")));
    std::vector<args::LineSpec> lines;
    for (const QString& text : lineTexts) {
        MARKETCTL_ASSIGN(auto line, args::saleLine(text));
        lines.push_back(line);
    }
    std::vector<args::PaymentSpec> payments;
    for (const QString& text : ctx.values(QStringLiteral("pay"))) {
        MARKETCTL_ASSIGN(auto pay, args::payment(text));
        payments.push_back(pay);
    }
    const bool withOverride = ctx.isSet(QStringLiteral("override-user"));
    QString overrideReason;
    if (withOverride) {
        MARKETCTL_ASSIGN(overrideReason, ctx.required(QStringLiteral("override-reason")));
    } else if (ctx.isSet(QStringLiteral("override-reason"))) {
        return ctx.fail(Context::usage(tr("--override-reason needs --override-user")));
    }

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    SaleRequest request;
    if (buyerCode) {
        MARKETCTL_ASSIGN(const PartyDoc buyer, PartyService(ctx.store()).byCode(*buyerCode));
        request.buyerId = buyer.id;
    }
    request.walkinName = ctx.value(QStringLiteral("walkin-name"));
    request.walkinPhone = ctx.value(QStringLiteral("walkin-phone"));
    ArrivalService arrivals(ctx.store());
    for (const auto& line : lines) {
        MARKETCTL_ASSIGN(const LotSummary lot, arrivals.lotByCode(line.lotCode));
        request.lines.push_back(SaleLineRequest{lot.lot.id, line.qty, line.price, line.packages});
    }
    for (const auto& pay : payments)
        request.payments.push_back(PaymentRequest{pay.method, pay.amount, pay.reference});

    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    AuthService auth(ctx.store());
    if (withOverride) {
        // The manager's secret (password or PIN): after the cashier's password on stdin.
        MARKETCTL_ASSIGN(const QString secret, ctx.secret(QStringLiteral("MARKET_OVERRIDE_SECRET"),
                                                          tr("the overriding manager's password or PIN")));
        MARKETCTL_ASSIGN(const Session manager, auth.authorize(ctx.value(QStringLiteral("override-user")),
                                                               secret, Permission::OverrideCreditLimit));
        request.creditOverride = CreditOverride{manager, overrideReason};
    }
    MARKETCTL_ASSIGN(const SaleDoc sale, SaleService(ctx.store()).sell(actor, request));
    if (ctx.json()) {
        printJson(sale.toJson());
        return kExitOk;
    }
    printLine(tr("receipt %1").arg(sale.receiptNo));
    for (const auto& c : chargeTotals(sale.lines))
        if (c.payer == ChargePayer::Buyer)
            printLine(tr("  + %1 %2").arg(c.name, ctx.money(c.amount)));
    if (sale.commissionByBuyer) {
        Money commission;
        for (const auto& l : sale.lines)
            commission += l.commission;
        printLine(tr("  + commission %1").arg(ctx.money(commission)));
    }
    printLine(tr("total   %1").arg(ctx.money(sale.total)));
    printLine(tr("paid    %1").arg(ctx.money(sale.paid)));
    printLine(tr("change  %1").arg(ctx.money(sale.change)));
    printLine(tr("credit  %1").arg(ctx.money(sale.credit)));
    return kExitOk;
}

Result<SaleDoc> saleFromReceipt(Context& ctx) {
    auto text = ctx.required(QStringLiteral("receipt"));
    if (!text.ok())
        return text.error();
    auto receipt = args::code(QStringLiteral("receipt"), text.value());
    if (!receipt.ok())
        return receipt.error();
    MARKET_TRY(ctx.openStore(Context::StoreUse::ExistingShop));
    return SaleService(ctx.store()).saleByReceipt(receipt.value());
}

int runShow(Context& ctx) {
    MARKETCTL_ASSIGN(const SaleDoc sale, saleFromReceipt(ctx));
    if (ctx.json()) {
        printJson(sale.toJson());
        return kExitOk;
    }
    PartyService parties(ctx.store());
    QString buyer = sale.walkinName.isEmpty() ? tr("walk-in") : tr("walk-in %1").arg(sale.walkinName);
    if (sale.buyerId) {
        const auto party = parties.get(*sale.buyerId);
        buyer = party.ok() ? QStringLiteral("%1 %2").arg(party->code, party->name) : sale.buyerId->toString();
    }
    printLine(tr("receipt %1  %2  buyer %3").arg(sale.receiptNo, ctx.dateTime(sale.createdAtMs), buyer));
    ArrivalService arrivals(ctx.store());
    QList<QStringList> rows;
    for (const auto& line : sale.lines) {
        const auto lot = arrivals.lot(line.lotId);
        const auto farmer = parties.get(line.farmerId);
        rows.append({QString::number(line.lineNo), lot.ok() ? lot->lot.code : line.lotId.toString(),
                     lot.ok() ? lot->productName : QString(), farmer.ok() ? farmer->name : QString(),
                     line.qty.toString(), ctx.money(line.price), ctx.money(line.amount),
                     ctx.money(line.commission), ctx.money(line.buyerCharges), ctx.money(line.farmerCharges),
                     ctx.money(line.farmerNet)});
    }
    printTable({tr("#"), tr("LOT"), tr("PRODUCT"), tr("FARMER"), tr("QTY"), tr("PRICE"), tr("AMOUNT"),
                tr("COMMISSION"), tr("BUYER CHARGES"), tr("FARMER CHARGES"), tr("FARMER NET")},
               rows, {0, 4, 5, 6, 7, 8, 9, 10});
    for (const auto& c : chargeTotals(sale.lines))
        printLine(tr("charge  %1 %2 (%3, paid by the %4)")
                      .arg(c.code, ctx.money(c.amount), c.name, chargePayerName(c.payer)));
    if (sale.commissionByBuyer)
        printLine(tr("commission paid by the buyer"));
    for (const auto& p : sale.payments)
        printLine(tr("paid    %1 %2%3")
                      .arg(ctx.money(p.amount), paymentMethodName(p.method),
                           p.reference.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.reference)));
    printLine(tr("total   %1").arg(ctx.money(sale.total)));
    printLine(tr("change  %1").arg(ctx.money(sale.change)));
    printLine(tr("credit  %1").arg(ctx.money(sale.credit)));
    if (sale.overrideBy)
        printLine(tr("credit limit overridden: %1").arg(sale.overrideReason));
    return kExitOk;
}

/// --line N:QTY, the line number as printed by `sale show` and the quantity to take back.
Result<std::pair<qint64, Quantity>> returnLine(const QString& text) {
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return Error{ErrorCode::InvalidInput, tr("--line takes LINE:QTY, e.g. 1:2.5, not \"%1\"").arg(text)};
    auto number = args::integer(QStringLiteral("line"), text.left(colon), 1, 10'000);
    if (!number.ok())
        return number.error();
    auto qty = args::quantity(QStringLiteral("line"), text.mid(colon + 1));
    if (!qty.ok())
        return qty.error();
    return std::pair{*number, *qty};
}

int runReturn(Context& ctx) {
    const QStringList lineTexts = ctx.values(QStringLiteral("line"));
    if (lineTexts.isEmpty())
        return ctx.fail(Context::usage(tr("a return needs at least one --line LINE:QTY")));
    std::vector<std::pair<qint64, Quantity>> lines;
    for (const QString& text : lineTexts) {
        MARKETCTL_ASSIGN(auto line, returnLine(text));
        lines.push_back(line);
    }
    PaymentMethod refund = PaymentMethod::Cash;
    if (ctx.isSet(QStringLiteral("refund"))) {
        MARKETCTL_ASSIGN(refund, args::paymentMethod(ctx.value(QStringLiteral("refund"))));
    }
    MARKETCTL_ASSIGN(const QString reason, ctx.required(QStringLiteral("reason")));
    MARKETCTL_ASSIGN(const SaleDoc sale, saleFromReceipt(ctx));
    ReturnRequest request;
    request.saleId = sale.id;
    request.refundMethod = refund;
    request.reason = reason;
    for (const auto& [number, qty] : lines) {
        const auto it = std::find_if(sale.lines.begin(), sale.lines.end(),
                                     [n = number](const SaleLineDoc& l) { return l.lineNo == n; });
        if (it == sale.lines.end())
            return ctx.fail(
                Error{ErrorCode::NotFound, tr("receipt %1 has no line %2").arg(sale.receiptNo).arg(number)});
        request.lines.push_back(ReturnLineRequest{it->id, qty});
    }
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const SaleReturnDoc done, ReturnService(ctx.store()).returnGoods(actor, request));
    if (ctx.json()) {
        printJson(done.toJson());
        return kExitOk;
    }
    printLine(tr("returned %1 against %2").arg(ctx.money(done.total), sale.receiptNo));
    printLine(tr("credit reduced %1").arg(ctx.money(done.creditReduction)));
    printLine(tr("refund  %1 %2").arg(ctx.money(done.refund), paymentMethodName(done.refundMethod)));
    return kExitOk;
}

int runConfirmCommission(Context& ctx) {
    MARKETCTL_ASSIGN(const SaleDoc sale, saleFromReceipt(ctx));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_CHECK(SaleService(ctx.store()).confirmCommission(actor, sale.id));
    Money commission;
    for (const auto& line : sale.lines)
        commission += line.commission;
    if (ctx.json())
        printJson(QJsonObject{{QStringLiteral("saleId"), sale.id.toString()},
                              {QStringLiteral("receiptNo"), sale.receiptNo},
                              {QStringLiteral("commission"), commission.minor()},
                              {QStringLiteral("commissionConfirmed"), true},
                              {QStringLiteral("confirmedBy"), actor.userId.toString()}});
    else
        printLine(tr("commission %1 of %2 confirmed").arg(ctx.money(commission), sale.receiptNo));
    return kExitOk;
}
} // namespace

std::vector<Command> saleCommands() {
    return {
        {QStringLiteral("sell"),
         tr("Sell from lots to a buyer or a walk-in; prints the receipt"),
         {makeOption("buyer", "The buyer's code (default: a walk-in, cash only).", "code"),
          makeOption("walkin-name", "A walk-in's name for the receipt.", "name"),
          makeOption("walkin-phone", "A walk-in's phone for the receipt.", "phone"),
          makeOption("line", "LOTCODE:QTY:PRICE (price per unit); repeat for more lines.", "line"),
          makeOption("pay",
                     "METHOD:AMOUNT[:REFERENCE], methods cash upi card bank cheque wallet; repeatable.",
                     "payment"),
          makeOption("override-user", "A manager approving credit beyond the buyer's limit.", "username"),
          makeOption("override-reason", "Why the manager allows it.", "text")},
         runSell,
         tr("Whatever is not paid becomes the buyer's credit. Cash beyond the bill is given back as change.\n"
            "The manager's secret comes from $MARKET_OVERRIDE_SECRET, else the next line of stdin\n"
            "(after the acting user's password when --password-stdin is given).")},
        {QStringLiteral("sale show"),
         tr("Show a sale by its receipt number"),
         {makeOption("receipt", "The receipt number, e.g. HYD01-1-000001.", "receipt")},
         runShow,
         tr("JSON: amounts in minor units, quantities in thousandths.")},
        {QStringLiteral("sale return"),
         tr("Take goods back against a sale: to their lots, credit reduced first, the rest refunded"),
         {makeOption("receipt", "The receipt number.", "receipt"),
          makeOption("line", "LINE:QTY, the line number from `sale show` and the quantity; repeatable.",
                     "line"),
          makeOption("refund", "How the refund is paid: cash (default), upi, card, bank, cheque, wallet.",
                     "method"),
          makeOption("reason", "Why the goods come back.", "text")},
         runReturn,
         tr("A line never takes back more than was sold less earlier returns. A cash refund needs the\n"
            "open drawer. JSON: amounts in minor units, quantities in thousandths.")},
        {QStringLiteral("sale confirm-commission"),
         tr("Confirm a sale's commission (managers)"),
         {makeOption("receipt", "The receipt number.", "receipt")},
         runConfirmCommission,
         tr("The third leg of completion (buyer paid, farmer paid, commission confirmed); once per sale.")},
    };
}

} // namespace market::cli
