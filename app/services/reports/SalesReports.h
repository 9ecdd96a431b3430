#pragma once

#include "ReportFilter.h"
#include "services/CashSessionService.h"
#include "services/ReportService.h"

#include <QDate>
#include <QTimeZone>
#include <optional>
#include <vector>

namespace market::core {

class Store;

enum class SalesGrouping { Product, Farmer, Buyer, Cashier };
QString salesGroupingName(SalesGrouping g);

/// One group of sold lines. salesCount counts distinct sales (a sale touching two products
/// counts once for each); qty adds line quantities in thousandths — only meaningful per product
/// (one unit), shown for the other groupings as a plain sum.
struct SalesRow {
    std::optional<Uuid> id; ///< nullopt: walk-in buyers (grouping by buyer)
    QString code;           ///< party/product code, the cashier's username
    QString name;
    qint64 salesCount = 0;
    Quantity qty;
    Money amount;
    Money commission;
};

/// Commission earned on one local day of the shop's time zone.
struct CommissionDay {
    QDate day;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 salesCount = 0;
    Money amount;
    Money commission;
};

/// The day summary for a range, narrowed by terminal and/or cashier.
struct DailyReport {
    DaySummary totals;
    /// The drawer now: the open session of the filter's terminal (else this terminal), if any.
    std::optional<CashSessionReport> cashPosition;
};

/// Sales, commission and the daily summary, from sale / sale_line over [fromMs, toMs).
class SalesReports {
    Q_DECLARE_TR_FUNCTIONS(SalesReports)
public:
    explicit SalesReports(Store& store)
        : m_store(store) {}

    /// Honours every narrowing of the filter. Rows by amount, largest first, then name.
    Result<std::vector<SalesRow>> salesBy(SalesGrouping grouping, const ReportFilter& filter);
    /// One row per local day of `zone` that starts inside the range (days with no sale too).
    /// Honours every narrowing. Commission by product is salesBy(Product).
    Result<std::vector<CommissionDay>> commissionByDay(const ReportFilter& filter, const QTimeZone& zone);
    /// Honours terminal and cashier; a party or product narrowing is InvalidInput.
    Result<DailyReport> daily(const ReportFilter& filter);

private:
    Store& m_store;
};

} // namespace market::core
