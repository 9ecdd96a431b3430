// collect, credits, balance buyers, balance farmers.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/CollectionService.h"
#include "services/PartyService.h"
#include "services/ReportService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
QJsonArray allocationsJson(const std::vector<AllocationDoc>& allocations) {
    QJsonArray list;
    for (const auto& a : allocations)
        list.append(QJsonObject{{QStringLiteral("creditId"), a.creditId.toString()},
                                {QStringLiteral("creditDetailId"), a.creditDetailId.toString()},
                                {QStringLiteral("farmerId"), a.farmerId ? QJsonValue(a.farmerId->toString())
                                                                        : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("amount"), a.amount.minor()}});
    return list;
}

void printAllocations(Context& ctx, const std::vector<AllocationDoc>& allocations) {
    PartyService parties(ctx.store());
    QList<QStringList> rows;
    for (const auto& a : allocations) {
        QString farmer = tr("(shop)");
        if (a.farmerId) {
            const auto party = parties.get(*a.farmerId);
            farmer =
                party.ok() ? QStringLiteral("%1 %2").arg(party->code, party->name) : a.farmerId->toString();
        }
        rows.append({a.creditId.toString(), farmer, ctx.money(a.amount)});
    }
    printTable({tr("CREDIT"), tr("FARMER"), tr("AMOUNT")}, rows, {2});
}

int runCollect(Context& ctx) {
    MARKETCTL_ASSIGN(const QString buyerText, ctx.required(QStringLiteral("buyer")));
    MARKETCTL_ASSIGN(const QString buyerCode, args::code(QStringLiteral("buyer"), buyerText));
    MARKETCTL_ASSIGN(const QString amountText, ctx.required(QStringLiteral("amount")));
    MARKETCTL_ASSIGN(const Money amount, args::money(QStringLiteral("amount"), amountText));
    const bool preview = ctx.isSet(QStringLiteral("preview"));
    PaymentMethod method = PaymentMethod::Cash;
    if (ctx.isSet(QStringLiteral("method"))) {
        MARKETCTL_ASSIGN(method, args::paymentMethod(ctx.value(QStringLiteral("method"))));
    } else if (!preview) {
        return ctx.fail(Context::usage(tr("missing --method (cash, upi, card, bank, cheque or wallet)")));
    }

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const PartyDoc buyer, PartyService(ctx.store()).byCode(buyerCode));
    CollectionService collections(ctx.store());
    if (preview) {
        MARKETCTL_ASSIGN(const auto allocations, collections.preview(buyer.id, amount));
        if (ctx.json())
            printJson(allocationsJson(allocations));
        else
            printAllocations(ctx, allocations);
        return kExitOk;
    }
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const CollectionDoc doc, collections.collect(actor, buyer.id, amount, method,
                                                                  ctx.value(QStringLiteral("reference"))));
    if (ctx.json()) {
        printJson(doc.toJson());
        return kExitOk;
    }
    const auto left = collections.outstanding(buyer.id);
    printLine(tr("collected %1 by %2 from %3 %4; still owed %5")
                  .arg(ctx.money(doc.amount), paymentMethodName(doc.method), buyer.code, buyer.name,
                       left.ok() ? ctx.money(left.value()) : tr("?")));
    printAllocations(ctx, doc.allocations);
    return kExitOk;
}

int runCredits(Context& ctx) {
    MARKETCTL_ASSIGN(const QString buyerText, ctx.required(QStringLiteral("buyer")));
    MARKETCTL_ASSIGN(const QString buyerCode, args::code(QStringLiteral("buyer"), buyerText));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const PartyDoc buyer, PartyService(ctx.store()).byCode(buyerCode));
    MARKETCTL_ASSIGN(const auto credits, CollectionService(ctx.store()).openCredits(buyer.id));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& c : credits)
            list.append(QJsonObject{{QStringLiteral("creditId"), c.creditId.toString()},
                                    {QStringLiteral("saleId"), c.saleId.toString()},
                                    {QStringLiteral("receiptNo"), c.receiptNo},
                                    {QStringLiteral("createdAtMs"), c.createdAtMs},
                                    {QStringLiteral("ageDays"), c.ageDays},
                                    {QStringLiteral("amount"), c.amount.minor()},
                                    {QStringLiteral("paid"), c.paid.minor()},
                                    {QStringLiteral("outstanding"), c.outstanding.minor()},
                                    {QStringLiteral("status"), creditStatusName(c.status)}});
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& c : credits)
        rows.append({c.receiptNo,
                     QDateTime::fromMSecsSinceEpoch(c.createdAtMs, Qt::UTC)
                         .toTimeZone(ctx.timeZone())
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     QString::number(c.ageDays), ctx.money(c.amount), ctx.money(c.paid),
                     ctx.money(c.outstanding), creditStatusName(c.status)});
    printTable(
        {tr("RECEIPT"), tr("DATE"), tr("AGE"), tr("AMOUNT"), tr("PAID"), tr("OUTSTANDING"), tr("STATUS")},
        rows, {2, 3, 4, 5});
    return kExitOk;
}

int runBuyerBalances(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto balances, ReportService(ctx.store()).buyerBalances());
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& b : balances)
            list.append(QJsonObject{{QStringLiteral("buyerId"), b.buyerId.toString()},
                                    {QStringLiteral("code"), b.code},
                                    {QStringLiteral("name"), b.name},
                                    {QStringLiteral("creditLimit"), b.creditLimit.minor()},
                                    {QStringLiteral("outstanding"), b.outstanding.minor()}});
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& b : balances)
        rows.append({b.code, b.name, ctx.money(b.creditLimit), ctx.money(b.outstanding)});
    printTable({tr("CODE"), tr("BUYER"), tr("CREDIT LIMIT"), tr("OUTSTANDING")}, rows, {2, 3});
    return kExitOk;
}

int runFarmerBalances(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto balances, ReportService(ctx.store()).farmerBalances());
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& f : balances)
            list.append(QJsonObject{{QStringLiteral("farmerId"), f.farmerId.toString()},
                                    {QStringLiteral("code"), f.code},
                                    {QStringLiteral("name"), f.name},
                                    {QStringLiteral("soldValue"), f.soldValue.minor()},
                                    {QStringLiteral("commission"), f.commission.minor()},
                                    {QStringLiteral("farmerNet"), f.farmerNet.minor()},
                                    {QStringLiteral("paid"), f.paid.minor()},
                                    {QStringLiteral("payable"), f.payable.minor()}});
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& f : balances)
        rows.append({f.code, f.name, ctx.money(f.soldValue), ctx.money(f.commission), ctx.money(f.farmerNet),
                     ctx.money(f.paid), ctx.money(f.payable)});
    printTable({tr("CODE"), tr("FARMER"), tr("SOLD"), tr("COMMISSION"), tr("NET"), tr("PAID"), tr("PAYABLE")},
               rows, {2, 3, 4, 5, 6});
    return kExitOk;
}
} // namespace

std::vector<Command> collectionCommands() {
    return {
        {QStringLiteral("collect"),
         tr("Record a buyer paying dues (oldest credits first)"),
         {makeOption("buyer", "The buyer's code.", "code"),
          makeOption("amount", "The amount paid.", "amount"),
          makeOption("method", "cash, upi, card, bank, cheque or wallet.", "method"),
          makeOption("reference", "UTR, cheque number...", "text"),
          makeOption("preview", "Only show how the amount would be allocated; write nothing.")},
         runCollect,
         tr("Paying more than the buyer owes is refused.")},
        {QStringLiteral("credits"),
         tr("A buyer's open credits, oldest first"),
         {makeOption("buyer", "The buyer's code.", "code")},
         runCredits,
         {}},
        {QStringLiteral("balance buyers"),
         tr("What each buyer owes against their limit"),
         {},
         runBuyerBalances,
         {}},
        {QStringLiteral("balance farmers"), tr("What the shop owes each farmer"), {}, runFarmerBalances, {}},
    };
}

} // namespace market::cli
