#include "ExpenseReports.h"

#include "store/Store.h"

namespace market::core {

Result<std::vector<ExpenseRow>> ExpenseReports::byCategoryAndMethod(const ReportFilter& filter) {
    MARKET_TRY(reports::checkRange(filter));
    if (filter.buyerId || filter.farmerId || filter.productId)
        return Error{ErrorCode::InvalidInput, tr("Expenses belong to no party or product.")};
    QByteArray sql =
        "SELECT category, method, count(*), sum(amount) FROM expense WHERE at_ms >= ?1 AND at_ms < ?2";
    if (filter.terminalId)
        sql += " AND terminal_id = ?3";
    if (filter.cashierId)
        sql += " AND recorded_by = ?4";
    sql += " GROUP BY category, method ORDER BY category, method";
    Statement& s = m_store.db().prepare(sql.constData());
    reports::bindSaleFilter(s, filter, false);
    std::vector<ExpenseRow> out;
    while (s.next())
        out.push_back(ExpenseRow{s.text(0), s.text(1), s.int64(2), s.money(3)});
    Status st = s.status("summing expenses");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
