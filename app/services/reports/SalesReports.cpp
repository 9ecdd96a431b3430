#include "SalesReports.h"

#include "store/Store.h"

namespace market::core {

QString salesGroupingName(SalesGrouping g) {
    switch (g) {
    case SalesGrouping::Product:
        return QStringLiteral("product");
    case SalesGrouping::Farmer:
        return QStringLiteral("farmer");
    case SalesGrouping::Buyer:
        return QStringLiteral("buyer");
    case SalesGrouping::Cashier:
        return QStringLiteral("cashier");
    }
    return {};
}

Result<std::vector<SalesRow>> SalesReports::salesBy(SalesGrouping grouping, const ReportFilter& filter) {
    MARKET_TRY(reports::checkRange(filter));
    QByteArray key;
    QByteArray names;
    switch (grouping) {
    case SalesGrouping::Product:
        key = "l.product_id";
        names = "LEFT JOIN product n ON n.id = g.k";
        break;
    case SalesGrouping::Farmer:
        key = "l.farmer_id";
        names = "LEFT JOIN party n ON n.id = g.k";
        break;
    case SalesGrouping::Buyer:
        // "+": group by hashing the day's rows, not by walking all of sale_buyer in order.
        key = "+s.buyer_id";
        names = "LEFT JOIN party n ON n.id = g.k";
        break;
    case SalesGrouping::Cashier:
        key = "+s.cashier_id";
        names = "LEFT JOIN (SELECT id, username AS code, display_name AS name FROM app_user) n ON n.id = g.k";
        break;
    }
    const QByteArray sql = "SELECT g.k, coalesce(n.code, ''), coalesce(n.name, ''), g.cnt, g.qty, g.amount, "
                           "g.commission FROM (SELECT " +
                           key +
                           " AS k, count(DISTINCT s.id) AS cnt, sum(l.qty) AS qty, sum(l.amount) AS amount, "
                           "sum(l.commission) AS commission FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                           "WHERE " +
                           reports::saleConditions(filter, true) + " GROUP BY " + key + ") g " + names +
                           " ORDER BY g.amount DESC, n.name, g.k";
    Statement& s = m_store.db().prepare(sql.constData());
    reports::bindSaleFilter(s, filter, true);
    std::vector<SalesRow> out;
    while (s.next()) {
        SalesRow r;
        r.id = s.optionalUuid(0);
        r.code = s.text(1);
        r.name = r.id ? s.text(2) : tr("Walk-in");
        r.salesCount = s.int64(3);
        r.qty = s.quantity(4);
        r.amount = s.money(5);
        r.commission = s.money(6);
        out.push_back(std::move(r));
    }
    Status st = s.status("reporting sales by group");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<CommissionDay>> SalesReports::commissionByDay(const ReportFilter& filter,
                                                                 const QTimeZone& zone) {
    MARKET_TRY(reports::checkRange(filter));
    if (filter.toMs - filter.fromMs > 3700 * reports::kDayMs)
        return Error{ErrorCode::InvalidInput, tr("A commission-by-day report covers at most ten years.")};
    const QByteArray sql =
        "SELECT count(DISTINCT s.id), coalesce(sum(l.amount), 0), coalesce(sum(l.commission), 0) "
        "FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE " +
        reports::saleConditions(filter, true);
    Statement& s = m_store.db().prepare(sql.constData());
    std::vector<CommissionDay> out;
    QDate day = QDateTime::fromMSecsSinceEpoch(filter.fromMs, zone).date();
    for (;; day = day.addDays(1)) {
        const qint64 start = std::max(filter.fromMs, day.startOfDay(zone).toMSecsSinceEpoch());
        const qint64 end = std::min(filter.toMs, day.addDays(1).startOfDay(zone).toMSecsSinceEpoch());
        if (start >= filter.toMs)
            break;
        ReportFilter one = filter;
        one.fromMs = start;
        one.toMs = end;
        reports::bindSaleFilter(s, one, true);
        CommissionDay d{day, start, end, 0, {}, {}};
        if (s.next()) {
            d.salesCount = s.int64(0);
            d.amount = s.money(1);
            d.commission = s.money(2);
        }
        Status st = s.status("reporting commission by day");
        s.reset();
        if (!st.ok())
            return st.error();
        out.push_back(d);
    }
    return out;
}

Result<DailyReport> SalesReports::daily(const ReportFilter& filter) {
    MARKET_TRY(reports::checkRange(filter));
    if (filter.buyerId || filter.farmerId || filter.productId)
        return Error{ErrorCode::InvalidInput,
                     tr("The day summary can be narrowed by terminal or cashier only; use the sales "
                        "reports for one party or product.")};
    Database& db = m_store.db();
    DailyReport out;
    DaySummary& d = out.totals;
    d.fromMs = filter.fromMs;
    d.toMs = filter.toMs;
    const QByteArray where = reports::saleConditions(filter, false);

    const QByteArray salesSql =
        "SELECT count(*), coalesce(sum(total), 0), coalesce(sum(credit), 0) FROM sale s WHERE " + where;
    Statement& sales = db.prepare(salesSql.constData());
    reports::bindSaleFilter(sales, filter, false);
    if (sales.next()) {
        d.salesCount = sales.int64(0);
        d.salesValue = sales.money(1);
        d.creditGiven = sales.money(2);
    }
    MARKET_TRY(sales.status("summing sales"));
    sales.reset();

    const QByteArray linesSql = "SELECT coalesce(sum(l.commission), 0), coalesce(sum(l.farmer_net), 0), "
                                "coalesce(sum(l.buyer_charges), 0), coalesce(sum(l.farmer_charges), 0) "
                                "FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE " +
                                where;
    Statement& lines = db.prepare(linesSql.constData());
    reports::bindSaleFilter(lines, filter, false);
    if (lines.next()) {
        d.commission = lines.money(0);
        d.farmerNet = lines.money(1);
        d.buyerCharges = lines.money(2);
        d.farmerCharges = lines.money(3);
    }
    MARKET_TRY(lines.status("summing commission"));
    lines.reset();

    const QByteArray methodsSql = "SELECT p.method, sum(p.amount) FROM sale s JOIN sale_payment p ON "
                                  "p.sale_id = s.id WHERE " +
                                  where + " GROUP BY p.method";
    Statement& methods = db.prepare(methodsSql.constData());
    reports::bindSaleFilter(methods, filter, false);
    while (methods.next())
        d.salesPaidByMethod[methods.text(0)] = methods.money(1);
    MARKET_TRY(methods.status("summing payments"));
    methods.reset();

    // Collections and arrivals carry the terminal and the person under their own column names.
    QByteArray collWhere = "at_ms >= ?1 AND at_ms < ?2";
    QByteArray lotWhere = "received_at_ms >= ?1 AND received_at_ms < ?2";
    if (filter.terminalId) {
        collWhere += " AND terminal_id = ?3";
        lotWhere += " AND terminal_id = ?3";
    }
    if (filter.cashierId) {
        collWhere += " AND cashier_id = ?4";
        lotWhere += " AND created_by = ?4";
    }
    const QByteArray collSql =
        "SELECT method, count(*), sum(amount) FROM collection WHERE " + collWhere + " GROUP BY method";
    Statement& coll = db.prepare(collSql.constData());
    reports::bindSaleFilter(coll, filter, false);
    while (coll.next()) {
        d.collectionsCount += coll.int64(1);
        d.collectionsValue += coll.money(2);
        d.collectionsByMethod[coll.text(0)] = coll.money(2);
    }
    MARKET_TRY(coll.status("summing collections"));
    coll.reset();

    const QByteArray lotSql = "SELECT count(*) FROM lot WHERE " + lotWhere;
    Statement& lots = db.prepare(lotSql.constData());
    reports::bindSaleFilter(lots, filter, false);
    if (lots.next())
        d.arrivalsCount = lots.int64(0);
    MARKET_TRY(lots.status("counting arrivals"));
    lots.reset();

    const QString cash = QStringLiteral("cash");
    d.cashIn = (d.salesPaidByMethod.count(cash) ? d.salesPaidByMethod[cash] : Money{}) +
               (d.collectionsByMethod.count(cash) ? d.collectionsByMethod[cash] : Money{});

    // Cash position: the drawer that is open now at the terminal asked about.
    const Uuid terminal = filter.terminalId    ? *filter.terminalId
                          : m_store.identity() ? m_store.identity()->terminalId
                                               : Uuid{};
    Statement& open =
        db.prepare("SELECT id FROM cash_session WHERE terminal_id = ?1 AND closed_at_ms IS NULL");
    open.bind(1, terminal);
    std::optional<Uuid> sessionId;
    if (open.next())
        sessionId = open.uuid(0);
    MARKET_TRY(open.status("finding the open cash session"));
    open.reset();
    if (sessionId) {
        auto r = CashSessionService(m_store).report(*sessionId);
        if (!r.ok())
            return r.error();
        out.cashPosition = std::move(r).value();
    }
    return out;
}

} // namespace market::core
