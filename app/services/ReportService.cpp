#include "ReportService.h"

#include "store/Store.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <map>

namespace market::core {

namespace {
template <typename T, typename Read>
Result<std::vector<T>> collect(Statement& s, const char* what, Read read) {
    std::vector<T> out;
    while (s.next())
        out.push_back(read(s));
    Status st = s.status(what);
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}
} // namespace

Result<DaySummary> ReportService::summary(qint64 fromMs, qint64 toMs) {
    Database& db = m_store.db();
    DaySummary d;
    d.fromMs = fromMs;
    d.toMs = toMs;

    Statement& sales =
        db.prepare("SELECT count(*), coalesce(sum(total), 0), coalesce(sum(credit), 0) FROM sale "
                   "WHERE created_at_ms >= ?1 AND created_at_ms < ?2");
    sales.bind(1, fromMs).bind(2, toMs);
    if (sales.next()) {
        d.salesCount = sales.int64(0);
        d.salesValue = sales.money(1);
        d.creditGiven = sales.money(2);
    }
    MARKET_TRY(sales.status("summing sales"));
    sales.reset();

    Statement& lines = db.prepare("SELECT coalesce(sum(l.commission), 0), coalesce(sum(l.farmer_net), 0), "
                                  "coalesce(sum(l.buyer_charges), 0), coalesce(sum(l.farmer_charges), 0) "
                                  "FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                                  "WHERE s.created_at_ms >= ?1 AND s.created_at_ms < ?2");
    lines.bind(1, fromMs).bind(2, toMs);
    if (lines.next()) {
        d.commission = lines.money(0);
        d.farmerNet = lines.money(1);
        d.buyerCharges = lines.money(2);
        d.farmerCharges = lines.money(3);
    }
    MARKET_TRY(lines.status("summing commission"));
    lines.reset();

    Statement& methods =
        db.prepare("SELECT p.method, sum(p.amount) FROM sale s JOIN sale_payment p ON p.sale_id = s.id "
                   "WHERE s.created_at_ms >= ?1 AND s.created_at_ms < ?2 GROUP BY p.method");
    methods.bind(1, fromMs).bind(2, toMs);
    while (methods.next())
        d.salesPaidByMethod[methods.text(0)] = methods.money(1);
    MARKET_TRY(methods.status("summing payments"));
    methods.reset();

    Statement& coll = db.prepare("SELECT method, count(*), sum(amount) FROM collection "
                                 "WHERE at_ms >= ?1 AND at_ms < ?2 GROUP BY method");
    coll.bind(1, fromMs).bind(2, toMs);
    while (coll.next()) {
        d.collectionsCount += coll.int64(1);
        d.collectionsValue += coll.money(2);
        d.collectionsByMethod[coll.text(0)] = coll.money(2);
    }
    MARKET_TRY(coll.status("summing collections"));
    coll.reset();

    Statement& arrivals =
        db.prepare("SELECT count(*) FROM lot WHERE received_at_ms >= ?1 AND received_at_ms < ?2");
    arrivals.bind(1, fromMs).bind(2, toMs);
    if (arrivals.next())
        d.arrivalsCount = arrivals.int64(0);
    MARKET_TRY(arrivals.status("counting arrivals"));
    arrivals.reset();

    const QString cash = QStringLiteral("cash");
    d.cashIn = (d.salesPaidByMethod.count(cash) ? d.salesPaidByMethod[cash] : Money{}) +
               (d.collectionsByMethod.count(cash) ? d.collectionsByMethod[cash] : Money{});
    return d;
}

Result<std::vector<BuyerBalance>> ReportService::buyerBalances() {
    Statement& s = m_store.db().prepare(
        "SELECT p.id, p.code, p.name, p.credit_limit, "
        "coalesce((SELECT sum(amount) FROM credit c WHERE c.buyer_id = p.id), 0) - "
        "coalesce((SELECT sum(amount) FROM collection k WHERE k.buyer_id = p.id), 0) - "
        "coalesce((SELECT sum(credit_reduction) FROM sale_return r WHERE r.buyer_id = p.id), 0) "
        "FROM party p WHERE p.kind = 'buyer' ORDER BY p.name_fold");
    return collect<BuyerBalance>(s, "listing buyer balances", [](const Statement& r) {
        return BuyerBalance{r.uuid(0), r.text(1), r.text(2), r.money(3), r.money(4)};
    });
}

Result<std::vector<FarmerBalance>> ReportService::farmerBalances() {
    // farmer_balance holds each farmer's running totals (schema v5, kept by triggers).
    Statement& s = m_store.db().prepare(
        "SELECT p.id, p.code, p.name, coalesce(b.sold_amount - b.returned_amount, 0), "
        "coalesce(b.sold_commission - b.returned_commission, 0), coalesce(b.sold_net - b.returned_net, 0), "
        "coalesce(b.paid, 0) FROM party p LEFT JOIN farmer_balance b ON b.farmer_id = p.id "
        "WHERE p.kind = 'farmer' ORDER BY p.name_fold");
    return collect<FarmerBalance>(s, "listing farmer balances", [](const Statement& r) {
        FarmerBalance b{r.uuid(0), r.text(1), r.text(2), r.money(3), r.money(4), r.money(5), r.money(6), {}};
        b.payable = b.farmerNet - b.paid;
        return b;
    });
}

namespace {
/// A farmer's net sold up to the sale being looked at, and what the farmer has been paid.
struct FarmerRun {
    Money running;
    Money paid;
};

/// One sale of the period as the farmer side sees it, in report order (time, then id).
struct SaleFarmerSide {
    qint64 atMs = 0;
    Uuid saleId;
    bool unpaid = false;
};

Money singleMoney(Statement& s, const char* what, Status& status) {
    Money m;
    if (s.next())
        m = s.money(0);
    if (status.ok())
        status = s.status(what);
    s.reset();
    return m;
}
} // namespace

Result<std::vector<CompletionRow>> ReportService::completion(qint64 fromMs, qint64 toMs) {
    // Farmer side, FIFO: a sale's farmers are paid when each farmer's payments to date cover
    // their farmer net of all sales up to and including this one (sales ordered by time, then
    // id). A farmer's running net before the period comes from the buckets of schema v6 (months
    // before this one, UTC days of this month) corrected by the lines of the first UTC day that
    // lie on the wrong side of `fromMs`; inside the period it is summed while walking the
    // period's lines once. The cost follows the period and the farmers in it, not anyone's
    // history.
    constexpr qint64 kDayMs = 86'400'000;
    Database& db = m_store.db();
    const qint64 from = std::max<qint64>(fromMs, 0);
    const QDate fromDate = QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc()).date();
    const qint64 fromMonth = fromDate.year() * 100 + fromDate.month();
    const qint64 firstDayOfMonth = QDate(1970, 1, 1).daysTo(QDate(fromDate.year(), fromDate.month(), 1));
    const qint64 fromDay = from / kDayMs;
    const qint64 dayStart = fromDay * kDayMs;
    const qint64 dayEnd = dayStart + kDayMs;
    Status status = okStatus();

    // The period's lines in time order, net of returns.
    struct Line {
        qint64 atMs;
        Uuid saleId;
        Uuid farmerId;
        Money net;
    };
    std::vector<Line> period;
    Statement& lines = db.prepare(
        "SELECT p.created_at_ms, p.id, l.farmer_id, l.farmer_net - coalesce((SELECT sum(r.farmer_net) "
        "FROM return_line r WHERE r.sale_line_id = l.id), 0) FROM sale p JOIN sale_line l ON l.sale_id = "
        "p.id WHERE p.created_at_ms >= ?1 AND p.created_at_ms < ?2 ORDER BY p.created_at_ms");
    lines.bind(1, from).bind(2, toMs);
    while (lines.next())
        period.push_back(Line{lines.int64(0), lines.uuid(1), lines.uuid(2), lines.money(3)});
    status = lines.status("walking the period's lines");
    lines.reset();
    MARKET_TRY(status);

    // The first UTC day's bucket either stays out (then its lines before `from` are added) or
    // goes in (then its lines from `from` on are taken back: mostly the period's own lines,
    // already in memory). A shop east of UTC starts its local day late in the UTC day, so the
    // second reads far fewer rows.
    std::map<Uuid, Money> firstDay;
    Statement& partial = db.prepare(
        "SELECT l.farmer_id, sum(l.farmer_net - coalesce((SELECT sum(r.farmer_net) FROM return_line r "
        "WHERE r.sale_line_id = l.id), 0)) FROM sale p JOIN sale_line l ON l.sale_id = p.id "
        "WHERE p.created_at_ms >= ?1 AND p.created_at_ms < ?2 GROUP BY l.farmer_id");
    auto addRange = [&](qint64 a, qint64 b, int sign) {
        if (a >= b)
            return;
        partial.bind(1, a).bind(2, b);
        while (partial.next())
            firstDay[partial.uuid(0)] += sign > 0 ? partial.money(1) : -partial.money(1);
        status = partial.status("summing the first day's sales");
        partial.reset();
    };
    const qint64 readBefore = from - dayStart;
    const qint64 readAfter = std::max<qint64>(dayEnd - std::max(toMs, from), 0);
    const bool takeBack = readAfter < readBefore;
    if (takeBack) {
        for (const Line& l : period) {
            if (l.atMs >= dayEnd)
                break;
            firstDay[l.farmerId] -= l.net;
        }
        addRange(std::max(toMs, from), dayEnd, -1);
    } else {
        addRange(dayStart, from, +1);
    }
    MARKET_TRY(status);

    Statement& months = db.prepare("SELECT coalesce(sum(net), 0) FROM farmer_bucket WHERE farmer_id = ?1 "
                                   "AND grain = 0 AND bucket < ?2");
    Statement& days = db.prepare("SELECT coalesce(sum(net), 0) FROM farmer_bucket WHERE farmer_id = ?1 "
                                 "AND grain = 1 AND bucket >= ?2 AND bucket < ?3");
    Statement& paid = db.prepare("SELECT paid FROM farmer_balance WHERE farmer_id = ?1");
    std::map<Uuid, FarmerRun> farmers;
    auto runOf = [&](const Uuid& farmer) -> FarmerRun& {
        auto it = farmers.find(farmer);
        if (it != farmers.end())
            return it->second;
        FarmerRun run;
        months.bind(1, farmer).bind(2, fromMonth);
        run.running += singleMoney(months, "summing a farmer's months", status);
        days.bind(1, farmer).bind(2, firstDayOfMonth).bind(3, takeBack ? fromDay + 1 : fromDay);
        run.running += singleMoney(days, "summing a farmer's days", status);
        if (auto p = firstDay.find(farmer); p != firstDay.end())
            run.running += p->second;
        paid.bind(1, farmer);
        run.paid = singleMoney(paid, "reading a farmer's payments", status);
        return farmers.emplace(farmer, run).first->second;
    };

    // The lines of one instant are grouped by sale and the sales taken in id order, as the
    // report lists them.
    std::vector<SaleFarmerSide> farmerSide;
    for (size_t begin = 0; begin < period.size();) {
        size_t end = begin;
        while (end < period.size() && period[end].atMs == period[begin].atMs)
            ++end;
        std::sort(period.begin() + begin, period.begin() + end, [](const Line& a, const Line& b) {
            return a.saleId != b.saleId ? a.saleId < b.saleId : a.farmerId < b.farmerId;
        });
        for (size_t i = begin; i < end;) {
            SaleFarmerSide sale{period[i].atMs, period[i].saleId, false};
            while (i < end && period[i].saleId == sale.saleId) {
                const Uuid farmer = period[i].farmerId;
                FarmerRun& run = runOf(farmer);
                for (; i < end && period[i].saleId == sale.saleId && period[i].farmerId == farmer; ++i)
                    run.running += period[i].net;
                sale.unpaid = sale.unpaid || run.running > run.paid;
            }
            farmerSide.push_back(sale);
        }
        begin = end;
    }
    MARKET_TRY(status);

    // Buyer side and the manager's confirmation, per sale in the same order. A bill paid in full
    // at the counter needs no look at collections (most bills, and the subqueries cost).
    Statement& s = db.prepare(
        "SELECT s.id, s.receipt_no, s.created_at_ms, "
        "  CASE WHEN s.credit = 0 THEN 1 ELSE s.credit <= coalesce((SELECT sum(a.amount) FROM credit c JOIN "
        "collection_allocation a ON "
        "a.credit_id = c.id WHERE c.sale_id = s.id), 0) + "
        "              coalesce((SELECT sum(a.amount) FROM credit c JOIN return_allocation a ON a.credit_id "
        "= c.id WHERE c.sale_id = s.id), 0) END, "
        "  EXISTS (SELECT 1 FROM commission_confirmation cc WHERE cc.sale_id = s.id) "
        "FROM sale s WHERE s.created_at_ms >= ?1 AND s.created_at_ms < ?2 ORDER BY s.created_at_ms, s.id");
    s.bind(1, from).bind(2, toMs);
    size_t next = 0;
    return collect<CompletionRow>(s, "computing three-party completion", [&](const Statement& r) {
        CompletionRow row{r.uuid(0), r.text(1), r.int64(2), r.int64(3) != 0, true, r.int64(4) != 0, {}};
        // Both lists are in (time, id) order; a sale with no lines has no farmer to pay.
        while (next < farmerSide.size() &&
               (farmerSide[next].atMs < row.createdAtMs ||
                (farmerSide[next].atMs == row.createdAtMs && farmerSide[next].saleId < row.saleId)))
            ++next;
        if (next < farmerSide.size() && farmerSide[next].saleId == row.saleId)
            row.farmerPaid = !farmerSide[next].unpaid;
        row.status = completionStatus(row.buyerPaid, row.farmerPaid, row.commissionConfirmed);
        return row;
    });
}

} // namespace market::core
