#include "StockReports.h"

#include "store/Store.h"

#include <algorithm>
#include <limits>
#include <map>

namespace market::core {

namespace {
// sold × 10,000 ÷ received, rounded down, without overflowing for any stored quantities.
qint64 turnoverBp(qint64 sold, qint64 received) {
    const qint64 whole = sold / received;
    const qint64 rest = sold % received; // < received, so rest × 10,000 fits unless received is huge
    if (rest <= std::numeric_limits<qint64>::max() / 10000)
        return whole * 10000 + rest * 10000 / received;
    return whole * 10000 + rest / (received / 10000);
}
} // namespace

Result<std::vector<LotOnHandRow>> StockReports::lotsOnHand(qint64 asOfMs, const ReportFilter& filter) {
    QByteArray where = "lt.status = 'active'";
    if (filter.farmerId)
        where += " AND lt.farmer_id = ?1";
    if (filter.productId)
        where += " AND lt.product_id = ?2";
    const QByteArray sql =
        "SELECT lt.id, lt.code, lt.farmer_id, f.name, lt.product_id, p.name, p.unit, lt.received_at_ms, "
        "lt.received_qty, "
        "coalesce((SELECT sum(qty) FROM sale_line sl WHERE sl.lot_id = lt.id), 0), "
        "coalesce((SELECT sum(qty) FROM stock_adjustment a WHERE a.lot_id = lt.id), 0) "
        "FROM lot lt JOIN party f ON f.id = lt.farmer_id JOIN product p ON p.id = lt.product_id WHERE " +
        where + " ORDER BY lt.received_at_ms, lt.code";
    Statement& s = m_store.db().prepare(sql.constData());
    if (filter.farmerId)
        s.bind(1, *filter.farmerId);
    if (filter.productId)
        s.bind(2, *filter.productId);
    std::vector<LotOnHandRow> out;
    while (s.next()) {
        LotOnHandRow r;
        r.lotId = s.uuid(0);
        r.lotCode = s.text(1);
        r.farmerId = s.uuid(2);
        r.farmerName = s.text(3);
        r.productId = s.uuid(4);
        r.productName = s.text(5);
        r.unit = unitFromName(s.text(6)).value_or(Unit::Kg);
        r.receivedAtMs = s.int64(7);
        r.ageDays = std::max<qint64>(0, (asOfMs - r.receivedAtMs) / reports::kDayMs);
        r.received = s.quantity(8);
        r.sold = s.quantity(9);
        r.adjusted = s.quantity(10);
        r.left = r.received - r.sold - r.adjusted;
        if (r.left > Quantity{})
            out.push_back(std::move(r));
    }
    Status st = s.status("listing lots on hand");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<TurnoverRow>> StockReports::turnover(const ReportFilter& filter) {
    MARKET_TRY(reports::checkRange(filter));
    if (filter.buyerId || filter.farmerId || filter.cashierId || filter.terminalId)
        return Error{ErrorCode::InvalidInput, tr("Stock turnover is per product for the whole shop.")};
    Database& db = m_store.db();
    std::map<QString, TurnoverRow> rows; // by product id text
    const QByteArray product = filter.productId ? " AND product_id = ?7" : "";

    // Every status listed: lot_status (status, received_at_ms) then serves the range (no lot_time index).
    const QByteArray receivedSql =
        "SELECT product_id, sum(received_qty) FROM lot WHERE status IN ('active', 'closed', 'discarded', "
        "'returned') AND received_at_ms >= ?1 AND received_at_ms < ?2" +
        product + " GROUP BY product_id";
    Statement& rec = db.prepare(receivedSql.constData());
    reports::bindSaleFilter(rec, filter, true);
    while (rec.next())
        rows[rec.text(0)].received = rec.quantity(1);
    MARKET_TRY(rec.status("summing arrivals"));
    rec.reset();

    const QByteArray soldSql =
        "SELECT l.product_id, sum(l.qty) FROM sale s JOIN sale_line l ON l.sale_id = s.id "
        "WHERE " +
        reports::saleConditions(filter, true) + " GROUP BY l.product_id";
    Statement& sold = db.prepare(soldSql.constData());
    reports::bindSaleFilter(sold, filter, true);
    while (sold.next())
        rows[sold.text(0)].sold = sold.quantity(1);
    MARKET_TRY(sold.status("summing sold quantities"));
    sold.reset();

    const QByteArray adjSql = "SELECT lt.product_id, sum(a.qty) FROM stock_adjustment a JOIN lot lt ON "
                              "lt.id = a.lot_id WHERE a.at_ms >= ?1 AND a.at_ms < ?2" +
                              QByteArray(filter.productId ? " AND lt.product_id = ?7" : "") +
                              " GROUP BY lt.product_id";
    Statement& adj = db.prepare(adjSql.constData());
    reports::bindSaleFilter(adj, filter, true);
    while (adj.next())
        rows[adj.text(0)].adjusted = adj.quantity(1);
    MARKET_TRY(adj.status("summing adjustments"));
    adj.reset();

    std::vector<TurnoverRow> out;
    Statement& names = db.prepare("SELECT code, name, unit FROM product WHERE id = ?1");
    for (auto& [id, r] : rows) {
        r.productId = Uuid::parse(id).value_or(Uuid{});
        names.bind(1, id);
        if (names.next()) {
            r.code = names.text(0);
            r.name = names.text(1);
            r.unit = unitFromName(names.text(2)).value_or(Unit::Kg);
        }
        MARKET_TRY(names.status("reading product names"));
        names.reset();
        if (r.received > Quantity{})
            r.turnoverBp = turnoverBp(r.sold.thousandths(), r.received.thousandths());
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const TurnoverRow& a, const TurnoverRow& b) {
        return a.code != b.code ? a.code < b.code : a.productId.toString() < b.productId.toString();
    });
    return out;
}

} // namespace market::core
