// report day, completion.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "Reports.h"
#include "services/ReportService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
QJsonObject methodsJson(const std::map<QString, Money>& byMethod) {
    QJsonObject o;
    for (const auto& [method, amount] : byMethod)
        o.insert(method, amount.minor());
    return o;
}

QString methodsText(Context& ctx, const std::map<QString, Money>& byMethod) {
    QStringList parts;
    for (const auto& [method, amount] : byMethod)
        parts.append(QStringLiteral("%1 %2").arg(method, ctx.money(amount)));
    return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
}

int runDay(Context& ctx) {
    std::optional<QDate> date;
    if (ctx.isSet(QStringLiteral("date"))) {
        MARKETCTL_ASSIGN(date, args::date(QStringLiteral("date"), ctx.value(QStringLiteral("date"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    return printDaySummary(ctx, date.value_or(ctx.today()));
}

Result<std::pair<QDate, QDate>> dateRange(Context& ctx) {
    QDate to = ctx.today();
    if (ctx.isSet(QStringLiteral("to"))) {
        auto d = args::date(QStringLiteral("to"), ctx.value(QStringLiteral("to")));
        if (!d.ok())
            return d.error();
        to = d.value();
    }
    QDate from = to.addDays(-29);
    if (ctx.isSet(QStringLiteral("from"))) {
        auto d = args::date(QStringLiteral("from"), ctx.value(QStringLiteral("from")));
        if (!d.ok())
            return d.error();
        from = d.value();
    }
    if (from > to)
        return Context::usage(
            tr("--from %1 is after --to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    return std::pair{from, to};
}

int runCompletion(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto range, dateRange(ctx));
    const qint64 fromMs = ctx.dayBounds(range.first).first;
    const qint64 toMs = ctx.dayBounds(range.second).second;
    MARKETCTL_ASSIGN(const auto rows, ReportService(ctx.store()).completion(fromMs, toMs));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& r : rows)
            list.append(QJsonObject{{QStringLiteral("saleId"), r.saleId.toString()},
                                    {QStringLiteral("receiptNo"), r.receiptNo},
                                    {QStringLiteral("createdAtMs"), r.createdAtMs},
                                    {QStringLiteral("buyerPaid"), r.buyerPaid},
                                    {QStringLiteral("farmerPaid"), r.farmerPaid},
                                    {QStringLiteral("commissionConfirmed"), r.commissionConfirmed},
                                    {QStringLiteral("status"), completionStatusName(r.status)}});
        printJson(list);
        return kExitOk;
    }
    const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    QList<QStringList> table;
    for (const auto& r : rows)
        table.append({r.receiptNo,
                      QDateTime::fromMSecsSinceEpoch(r.createdAtMs, Qt::UTC)
                          .toTimeZone(ctx.timeZone())
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      yesNo(r.buyerPaid), yesNo(r.farmerPaid), yesNo(r.commissionConfirmed),
                      completionStatusName(r.status)});
    printTable(
        {tr("RECEIPT"), tr("DATE"), tr("BUYER PAID"), tr("FARMER PAID"), tr("COMMISSION OK"), tr("STATUS")},
        table);
    return kExitOk;
}
} // namespace

Result<DaySummary> daySummary(Context& ctx, QDate date) {
    const auto [fromMs, toMs] = ctx.dayBounds(date);
    return ReportService(ctx.store()).summary(fromMs, toMs);
}

QJsonObject daySummaryJson(Context& ctx, QDate date, const DaySummary& s) {
    return QJsonObject{{QStringLiteral("date"), date.toString(Qt::ISODate)},
                       {QStringLiteral("shopCode"), ctx.shop().shopCode},
                       {QStringLiteral("currency"), currencyCode(ctx.currency())},
                       {QStringLiteral("timeZone"), QString::fromUtf8(ctx.timeZone().id())},
                       {QStringLiteral("fromMs"), s.fromMs},
                       {QStringLiteral("toMs"), s.toMs},
                       {QStringLiteral("salesCount"), s.salesCount},
                       {QStringLiteral("salesValue"), s.salesValue.minor()},
                       {QStringLiteral("commission"), s.commission.minor()},
                       {QStringLiteral("farmerNet"), s.farmerNet.minor()},
                       {QStringLiteral("creditGiven"), s.creditGiven.minor()},
                       {QStringLiteral("salesPaidByMethod"), methodsJson(s.salesPaidByMethod)},
                       {QStringLiteral("collectionsCount"), s.collectionsCount},
                       {QStringLiteral("collectionsValue"), s.collectionsValue.minor()},
                       {QStringLiteral("collectionsByMethod"), methodsJson(s.collectionsByMethod)},
                       {QStringLiteral("cashIn"), s.cashIn.minor()},
                       {QStringLiteral("arrivalsCount"), s.arrivalsCount}};
}

int printDaySummary(Context& ctx, QDate date) {
    MARKETCTL_ASSIGN(const DaySummary s, daySummary(ctx, date));
    if (ctx.json()) {
        printJson(daySummaryJson(ctx, date, s));
        return kExitOk;
    }
    printLine(tr("Day summary %1 — %2 %3 (%4)")
                  .arg(date.toString(Qt::ISODate), ctx.shop().shopCode, ctx.shop().shopName,
                       QString::fromUtf8(ctx.timeZone().id())));
    printTable(
        {QString(), QString()},
        {{tr("Arrivals"), QString::number(s.arrivalsCount)},
         {tr("Sales"), tr("%1 worth %2").arg(s.salesCount).arg(ctx.money(s.salesValue))},
         {tr("  paid at sale"), methodsText(ctx, s.salesPaidByMethod)},
         {tr("  on credit"), ctx.money(s.creditGiven)},
         {tr("Commission"), ctx.money(s.commission)},
         {tr("Farmers' net"), ctx.money(s.farmerNet)},
         {tr("Collections"), tr("%1 worth %2").arg(s.collectionsCount).arg(ctx.money(s.collectionsValue))},
         {tr("  by method"), methodsText(ctx, s.collectionsByMethod)},
         {tr("Cash in"), ctx.money(s.cashIn)}});
    return kExitOk;
}

std::vector<Command> reportCommands() {
    return {
        {QStringLiteral("report day"),
         tr("The day summary: sales, payments, credit, commission, collections"),
         {makeOption("date", "The local day in the shop's time zone (default today).", "YYYY-MM-DD")},
         runDay,
         tr("Amounts in JSON are integer minor units (paise).")},
        {QStringLiteral("completion"),
         tr("Three-party completion of sales: buyer paid, farmer paid, commission confirmed"),
         {makeOption("from", "First day (default 29 days before --to).", "YYYY-MM-DD"),
          makeOption("to", "Last day (default today).", "YYYY-MM-DD")},
         runCompletion,
         {}},
    };
}

} // namespace market::cli
