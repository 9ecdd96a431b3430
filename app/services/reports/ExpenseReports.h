#pragma once

#include "ReportFilter.h"

#include <QCoreApplication>
#include <vector>

namespace market::core {

class Store;

/// Expenses of the range summed by category and payment method (names as stored:
/// "wage", "cash"...). Sorted by category, then method.
struct ExpenseRow {
    QString category;
    QString method;
    qint64 count = 0;
    Money amount;
};

class ExpenseReports {
    Q_DECLARE_TR_FUNCTIONS(ExpenseReports)
public:
    explicit ExpenseReports(Store& store)
        : m_store(store) {}

    /// Honours terminalId and cashierId (the person who recorded it).
    Result<std::vector<ExpenseRow>> byCategoryAndMethod(const ReportFilter& filter);

private:
    Store& m_store;
};

} // namespace market::core
