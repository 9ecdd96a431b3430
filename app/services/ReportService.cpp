#include "ReportService.h"

#include "store/Store.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>

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

Result<std::vector<CompletionRow>> ReportService::completion(qint64 fromMs, qint64 toMs) {
    // Farmer side, FIFO: a sale's farmers are paid when each farmer's payments to date cover
    // their farmer net of all sales up to and including this one. That running net is the
    // farmer's net before the period (month buckets before this month + day buckets of this
    // month before this day + the lines of this day before `fromMs`, schema v6) plus the running
    // sum inside the period: the cost follows the period, not the farmer's history.
    constexpr qint64 kDayMs = 86'400'000;
    const qint64 from = std::max<qint64>(fromMs, 0);
    const QDate fromDate = QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc()).date();
    const qint64 fromMonth = fromDate.year() * 100 + fromDate.month();
    const qint64 firstDayOfMonth = QDate(1970, 1, 1).daysTo(QDate(fromDate.year(), fromDate.month(), 1));
    const qint64 fromDay = from / kDayMs;
    Statement& s = m_store.db().prepare(
        "WITH period AS (SELECT l.farmer_id, l.sale_id, p.created_at_ms, sum(l.farmer_net) - "
        "  coalesce((SELECT sum(r.farmer_net) FROM return_line r JOIN sale_line rl ON rl.id = r.sale_line_id "
        "            WHERE rl.sale_id = l.sale_id AND r.farmer_id = l.farmer_id), 0) AS net "
        "  FROM sale p CROSS JOIN sale_line l ON l.sale_id = p.id "
        "  WHERE p.created_at_ms >= ?1 AND p.created_at_ms < ?2 GROUP BY l.farmer_id, l.sale_id), "
        "involved AS (SELECT DISTINCT farmer_id FROM period), "
        "partial AS (SELECT l.farmer_id, sum(l.farmer_net - coalesce((SELECT sum(r.farmer_net) FROM "
        "  return_line r WHERE r.sale_line_id = l.id), 0)) AS net "
        "  FROM sale p CROSS JOIN sale_line l ON l.sale_id = p.id "
        "  WHERE p.created_at_ms >= ?6 AND p.created_at_ms < ?1 GROUP BY l.farmer_id), "
        "before AS (SELECT i.farmer_id, "
        "  coalesce((SELECT sum(net) FROM farmer_bucket b WHERE b.farmer_id = i.farmer_id AND b.grain = 0 "
        "            AND b.bucket < ?3), 0) + "
        "  coalesce((SELECT sum(net) FROM farmer_bucket b WHERE b.farmer_id = i.farmer_id AND b.grain = 1 "
        "            AND b.bucket >= ?4 AND b.bucket < ?5), 0) + "
        "  coalesce((SELECT net FROM partial x WHERE x.farmer_id = i.farmer_id), 0) AS net FROM involved i), "
        "through AS (SELECT k.farmer_id, k.sale_id, b.net + sum(k.net) OVER (PARTITION BY k.farmer_id "
        "  ORDER BY k.created_at_ms, k.sale_id) AS cumulative FROM period k JOIN before b ON b.farmer_id = "
        "k.farmer_id), "
        "farmer_side AS (SELECT t.sale_id, max(t.cumulative > fb.paid) AS unpaid "
        "  FROM through t JOIN farmer_balance fb ON fb.farmer_id = t.farmer_id GROUP BY t.sale_id) "
        "SELECT s.id, s.receipt_no, s.created_at_ms, "
        "  s.credit <= coalesce((SELECT sum(a.amount) FROM credit c JOIN collection_allocation a ON "
        "a.credit_id = c.id WHERE c.sale_id = s.id), 0) + "
        "              coalesce((SELECT sum(a.amount) FROM credit c JOIN return_allocation a ON a.credit_id "
        "= c.id WHERE c.sale_id = s.id), 0), "
        "  coalesce(f.unpaid, 0) = 0, "
        "  EXISTS (SELECT 1 FROM commission_confirmation cc WHERE cc.sale_id = s.id) "
        "FROM sale s LEFT JOIN farmer_side f ON f.sale_id = s.id "
        "WHERE s.created_at_ms >= ?1 AND s.created_at_ms < ?2 ORDER BY s.created_at_ms, s.id");
    s.bind(1, from)
        .bind(2, toMs)
        .bind(3, fromMonth)
        .bind(4, firstDayOfMonth)
        .bind(5, fromDay)
        .bind(6, fromDay * kDayMs);
    return collect<CompletionRow>(s, "computing three-party completion", [](const Statement& r) {
        CompletionRow row{r.uuid(0),       r.text(1),       r.int64(2), r.int64(3) != 0,
                          r.int64(4) != 0, r.int64(5) != 0, {}};
        row.status = completionStatus(row.buyerPaid, row.farmerPaid, row.commissionConfirmed);
        return row;
    });
}

} // namespace market::core
