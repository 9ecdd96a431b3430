#include "ReportFilter.h"

#include "store/Database.h"

#include <QCoreApplication>

namespace market::core::reports {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Reports)
};
} // namespace

QByteArray saleConditions(const ReportFilter& filter, bool withLines) {
    // A party's history is found through its own index (sale_buyer, sale_line_farmer); the time
    // range then only trims it. "+s.created_at_ms" keeps the planner off sale_time for those.
    const bool byParty = filter.buyerId || (withLines && (filter.farmerId || filter.productId));
    QByteArray w = byParty ? "+s.created_at_ms >= ?1 AND +s.created_at_ms < ?2"
                           : "s.created_at_ms >= ?1 AND s.created_at_ms < ?2";
    if (filter.buyerId)
        w += " AND s.buyer_id = ?5";
    if (filter.terminalId)
        w += " AND s.terminal_id = ?3";
    if (filter.cashierId)
        w += " AND s.cashier_id = ?4";
    if (withLines && filter.farmerId)
        w += " AND l.farmer_id = ?6";
    if (withLines && filter.productId)
        w += filter.farmerId ? " AND +l.product_id = ?7" : " AND l.product_id = ?7";
    return w;
}

void bindSaleFilter(Statement& s, const ReportFilter& filter, bool withLines) {
    s.bind(1, filter.fromMs).bind(2, filter.toMs);
    if (filter.terminalId)
        s.bind(3, *filter.terminalId);
    if (filter.cashierId)
        s.bind(4, *filter.cashierId);
    if (filter.buyerId)
        s.bind(5, *filter.buyerId);
    if (withLines && filter.farmerId)
        s.bind(6, *filter.farmerId);
    if (withLines && filter.productId)
        s.bind(7, *filter.productId);
}

Status checkRange(const ReportFilter& filter) {
    if (filter.toMs <= filter.fromMs)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("The report period is empty: it must end after it starts.")};
    return okStatus();
}

} // namespace market::core::reports
