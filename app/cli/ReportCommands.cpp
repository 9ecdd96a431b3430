// report day, completion, and the report family of issue 3 (report sales-by-product ... turnover).
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "Reports.h"
#include "services/ReportService.h"
#include "services/reports/Csv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

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

void writeCsv(const QByteArray& bytes) {
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int runDay(Context& ctx) {
    std::optional<QDate> date;
    if (ctx.isSet(QStringLiteral("date"))) {
        MARKETCTL_ASSIGN(date, args::date(QStringLiteral("date"), ctx.value(QStringLiteral("date"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    if (ctx.isSet(QStringLiteral("csv"))) {
        const auto [fromMs, toMs] = ctx.dayBounds(date.value_or(ctx.today()));
        MARKETCTL_ASSIGN(const DailyReport r,
                         SalesReports(ctx.store()).daily(ReportFilter{fromMs, toMs, {}, {}, {}, {}, {}}));
        writeCsv(csv::daily(r, ctx.timeZone()));
        return kExitOk;
    }
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
    if (ctx.isSet(QStringLiteral("csv"))) {
        writeCsv(csv::completion(rows, ctx.timeZone()));
        return kExitOk;
    }
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

// The report family: each report becomes columns of typed cells, printed as a text table, JSON
// (amounts in minor units, quantities in thousandths) or — with --csv — the core's CSV export.
enum class Kind { Text, Money, Qty, Int };
struct Column {
    const char* key;
    const char* header;
    Kind kind;
};
struct ReportTable {
    std::vector<Column> columns;
    QList<QList<QVariant>> rows; ///< Text: QString; Money/Qty/Int: qint64 (minor, thousandths); null: none
};

QVariant m(Money v) {
    return QVariant(v.minor());
}
QVariant q(Quantity v) {
    return QVariant(v.thousandths());
}
QVariant i(qint64 v) {
    return QVariant(v);
}
QVariant t(const QString& v) {
    return QVariant(v);
}
QVariant bp(const std::optional<qint64>& v) {
    return v ? QVariant(*v) : QVariant();
}

int printReport(Context& ctx, const ReportTable& table, const QByteArray& csvBytes) {
    if (ctx.isSet(QStringLiteral("csv"))) {
        writeCsv(csvBytes);
        return kExitOk;
    }
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& row : table.rows) {
            QJsonObject o;
            for (size_t c = 0; c < table.columns.size(); ++c) {
                const QVariant& v = row[qsizetype(c)];
                const QString key = QString::fromLatin1(table.columns[c].key);
                if (v.isNull())
                    o.insert(key, QJsonValue());
                else if (table.columns[c].kind == Kind::Text)
                    o.insert(key, v.toString());
                else
                    o.insert(key, v.toLongLong());
            }
            list.append(o);
        }
        printJson(list);
        return kExitOk;
    }
    QStringList headers;
    QList<int> right;
    for (size_t c = 0; c < table.columns.size(); ++c) {
        headers << tr(table.columns[c].header);
        if (table.columns[c].kind != Kind::Text)
            right << int(c);
    }
    QList<QStringList> text;
    for (const auto& row : table.rows) {
        QStringList cells;
        for (size_t c = 0; c < table.columns.size(); ++c) {
            const QVariant& v = row[qsizetype(c)];
            if (v.isNull()) {
                cells << QStringLiteral("-");
                continue;
            }
            switch (table.columns[c].kind) {
            case Kind::Text:
                cells << v.toString().simplified(); // one line per row on a terminal
                break;
            case Kind::Money:
                cells << ctx.money(Money::fromMinor(v.toLongLong()));
                break;
            case Kind::Qty:
                cells << Quantity::fromThousandths(v.toLongLong()).toString();
                break;
            case Kind::Int:
                cells << QString::number(v.toLongLong());
                break;
            }
        }
        text << cells;
    }
    printTable(headers, text, right);
    return kExitOk;
}

Result<ReportFilter> rangeFilter(Context& ctx) {
    auto range = dateRange(ctx);
    if (!range.ok())
        return range.error();
    return ReportFilter{
        ctx.dayBounds(range->first).first, ctx.dayBounds(range->second).second, {}, {}, {}, {}, {}};
}

int runSalesBy(Context& ctx, SalesGrouping g) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const ReportFilter filter, rangeFilter(ctx));
    MARKETCTL_ASSIGN(const auto rows, SalesReports(ctx.store()).salesBy(g, filter));
    ReportTable table{{{"code", "CODE", Kind::Text},
                       {"name", "NAME", Kind::Text},
                       {"sales", "SALES", Kind::Int},
                       {"qty", "QTY", Kind::Qty},
                       {"amount", "AMOUNT", Kind::Money},
                       {"commission", "COMMISSION", Kind::Money}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.code), t(r.name), i(r.salesCount), q(r.qty), m(r.amount), m(r.commission)});
    return printReport(ctx, table, csv::sales(g, rows));
}

int runCommission(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const ReportFilter filter, rangeFilter(ctx));
    MARKETCTL_ASSIGN(const auto rows, SalesReports(ctx.store()).commissionByDay(filter, ctx.timeZone()));
    ReportTable table{{{"day", "DAY", Kind::Text},
                       {"sales", "SALES", Kind::Int},
                       {"amount", "AMOUNT", Kind::Money},
                       {"commission", "COMMISSION", Kind::Money}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.day.toString(Qt::ISODate)), i(r.salesCount), m(r.amount), m(r.commission)});
    return printReport(ctx, table, csv::commissionByDay(rows));
}

int runLots(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto rows, StockReports(ctx.store()).lotsOnHand(ctx.store().nowMs()));
    ReportTable table{{{"lot", "LOT", Kind::Text},
                       {"farmer", "FARMER", Kind::Text},
                       {"product", "PRODUCT", Kind::Text},
                       {"unit", "UNIT", Kind::Text},
                       {"ageDays", "AGE (DAYS)", Kind::Int},
                       {"receivedQty", "RECEIVED", Kind::Qty},
                       {"soldQty", "SOLD", Kind::Qty},
                       {"adjustedQty", "ADJUSTED", Kind::Qty},
                       {"leftQty", "LEFT", Kind::Qty}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.lotCode), t(r.farmerName), t(r.productName), t(unitName(r.unit)), i(r.ageDays),
                           q(r.received), q(r.sold), q(r.adjusted), q(r.left)});
    return printReport(ctx, table, csv::lotsOnHand(rows, ctx.timeZone()));
}

int runAgeing(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto rows, CreditReports(ctx.store()).ageing(ctx.store().nowMs()));
    ReportTable table{{{"code", "CODE", Kind::Text},
                       {"name", "BUYER", Kind::Text},
                       {"outstanding", "OUTSTANDING", Kind::Money},
                       {"days0to7", "0-7 DAYS", Kind::Money},
                       {"days8to30", "8-30 DAYS", Kind::Money},
                       {"days31to60", "31-60 DAYS", Kind::Money},
                       {"daysOver60", "OVER 60 DAYS", Kind::Money}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.code), t(r.name), m(r.outstanding), m(r.buckets[Age0To7]),
                           m(r.buckets[Age8To30]), m(r.buckets[Age31To60]), m(r.buckets[AgeOver60])});
    return printReport(ctx, table, csv::ageing(rows));
}

int runUtilisation(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto rows, CreditReports(ctx.store()).utilisation());
    ReportTable table{{{"code", "CODE", Kind::Text},
                       {"name", "BUYER", Kind::Text},
                       {"creditLimit", "LIMIT", Kind::Money},
                       {"outstanding", "OUTSTANDING", Kind::Money},
                       {"utilisationBp", "USED (BP)", Kind::Int}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.code), t(r.name), m(r.creditLimit), m(r.outstanding), bp(r.utilisationBp)});
    return printReport(ctx, table, csv::utilisation(rows));
}

int runPayables(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto rows, CreditReports(ctx.store()).farmerPayables());
    ReportTable table{{{"code", "CODE", Kind::Text},
                       {"name", "FARMER", Kind::Text},
                       {"sold", "SOLD", Kind::Money},
                       {"commission", "COMMISSION", Kind::Money},
                       {"farmerNet", "NET", Kind::Money},
                       {"paid", "PAID", Kind::Money},
                       {"payable", "PAYABLE", Kind::Money}},
                      {}};
    for (const auto& r : rows)
        table.rows.append(
            {t(r.code), t(r.name), m(r.soldValue), m(r.commission), m(r.farmerNet), m(r.paid), m(r.payable)});
    return printReport(ctx, table, csv::payables(rows));
}

int runExpenses(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const ReportFilter filter, rangeFilter(ctx));
    MARKETCTL_ASSIGN(const auto rows, ExpenseReports(ctx.store()).byCategoryAndMethod(filter));
    ReportTable table{{{"category", "CATEGORY", Kind::Text},
                       {"method", "METHOD", Kind::Text},
                       {"count", "COUNT", Kind::Int},
                       {"amount", "AMOUNT", Kind::Money}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.category), t(r.method), i(r.count), m(r.amount)});
    return printReport(ctx, table, csv::expenses(rows));
}

int runTurnover(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const ReportFilter filter, rangeFilter(ctx));
    MARKETCTL_ASSIGN(const auto rows, StockReports(ctx.store()).turnover(filter));
    ReportTable table{{{"code", "CODE", Kind::Text},
                       {"name", "PRODUCT", Kind::Text},
                       {"unit", "UNIT", Kind::Text},
                       {"receivedQty", "RECEIVED", Kind::Qty},
                       {"soldQty", "SOLD", Kind::Qty},
                       {"adjustedQty", "ADJUSTED", Kind::Qty},
                       {"turnoverBp", "SOLD/RECEIVED (BP)", Kind::Int}},
                      {}};
    for (const auto& r : rows)
        table.rows.append({t(r.code), t(r.name), t(unitName(r.unit)), q(r.received), q(r.sold), q(r.adjusted),
                           bp(r.turnoverBp)});
    return printReport(ctx, table, csv::turnover(rows));
}

QList<QCommandLineOption> rangeOptions() {
    return {makeOption("from", "First day (default 29 days before --to).", "YYYY-MM-DD"),
            makeOption("to", "Last day (default today).", "YYYY-MM-DD"),
            makeOption("csv", "Print RFC 4180 CSV (UTF-8, plain decimals) instead of a table.")};
}
QList<QCommandLineOption> csvOption() {
    return {makeOption("csv", "Print RFC 4180 CSV (UTF-8, plain decimals) instead of a table.")};
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
                       {QStringLiteral("buyerCharges"), s.buyerCharges.minor()},
                       {QStringLiteral("farmerCharges"), s.farmerCharges.minor()},
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
         {tr("Charges on bills"), ctx.money(s.buyerCharges)},
         {tr("Charges to farmers"), ctx.money(s.farmerCharges)},
         {tr("Farmers' net"), ctx.money(s.farmerNet)},
         {tr("Collections"), tr("%1 worth %2").arg(s.collectionsCount).arg(ctx.money(s.collectionsValue))},
         {tr("  by method"), methodsText(ctx, s.collectionsByMethod)},
         {tr("Cash in"), ctx.money(s.cashIn)}});
    return kExitOk;
}

std::vector<Command> reportCommands() {
    const QString kNotes = tr("JSON: amounts in integer minor units (paise), quantities in thousandths. "
                              "CSV: money as plain decimals (1234.50), quantities as 12.5.");
    return {
        {QStringLiteral("report day"),
         tr("The day summary: sales, payments, credit, commission, collections"),
         {makeOption("date", "The local day in the shop's time zone (default today).", "YYYY-MM-DD"),
          makeOption("csv", "Print RFC 4180 CSV (UTF-8, plain decimals) instead of a table.")},
         runDay,
         tr("Amounts in JSON are integer minor units (paise).")},
        {QStringLiteral("completion"),
         tr("Three-party completion of sales: buyer paid, farmer paid, commission confirmed"),
         rangeOptions(),
         runCompletion,
         {}},
        {QStringLiteral("report completion"),
         tr("Three-party completion of sales (as \"completion\")"),
         rangeOptions(),
         runCompletion,
         {}},
        {QStringLiteral("report sales-by-product"),
         tr("Sales by product: count, quantity, amount, commission"), rangeOptions(),
         [](Context& ctx) { return runSalesBy(ctx, SalesGrouping::Product); }, kNotes},
        {QStringLiteral("report sales-by-farmer"), tr("Sales by farmer"), rangeOptions(),
         [](Context& ctx) { return runSalesBy(ctx, SalesGrouping::Farmer); }, kNotes},
        {QStringLiteral("report sales-by-buyer"), tr("Sales by buyer (walk-ins together)"), rangeOptions(),
         [](Context& ctx) { return runSalesBy(ctx, SalesGrouping::Buyer); }, kNotes},
        {QStringLiteral("report sales-by-cashier"), tr("Sales by cashier"), rangeOptions(),
         [](Context& ctx) { return runSalesBy(ctx, SalesGrouping::Cashier); }, kNotes},
        {QStringLiteral("report commission"), tr("Commission earned by day"), rangeOptions(), runCommission,
         kNotes},
        {QStringLiteral("report expenses"), tr("Expenses by category and payment method"), rangeOptions(),
         runExpenses, kNotes},
        {QStringLiteral("report turnover"), tr("Stock turnover per product: sold ÷ received in the period"),
         rangeOptions(), runTurnover, kNotes},
        {QStringLiteral("report lots"), tr("Lots on hand with their age and quantity left"), csvOption(),
         runLots, kNotes},
        {QStringLiteral("report ageing"),
         tr("Buyers' outstanding credit by age: 0-7, 8-30, 31-60, over 60 days"), csvOption(), runAgeing,
         kNotes},
        {QStringLiteral("report utilisation"), tr("Credit utilisation: outstanding ÷ limit per buyer"),
         csvOption(), runUtilisation, kNotes},
        {QStringLiteral("report payables"), tr("What the shop owes each farmer"), csvOption(), runPayables,
         kNotes},
    };
}

} // namespace market::cli
