#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <map>
#include <vector>

namespace market::core {

class Store;

struct DaySummary {
    qint64 fromMs = 0;
    qint64 toMs = 0; ///< exclusive
    qint64 salesCount = 0;
    Money salesValue; ///< Σ bill totals: goods + buyer-side charges (+ commission the buyer pays)
    Money commission;
    Money buyerCharges;  ///< charges on the bills, commission not included
    Money farmerCharges; ///< charges deducted from the farmers
    Money farmerNet;
    Money creditGiven;
    std::map<QString, Money> salesPaidByMethod; ///< method name → amount applied to bills
    qint64 collectionsCount = 0;
    Money collectionsValue;
    std::map<QString, Money> collectionsByMethod;
    Money cashIn; ///< cash from sales (net of change) + cash collections
    qint64 arrivalsCount = 0;
};

struct BuyerBalance {
    Uuid buyerId;
    QString code;
    QString name;
    Money creditLimit;
    Money outstanding;
};

struct FarmerBalance {
    Uuid farmerId;
    QString code;
    QString name;
    Money soldValue; ///< Σ line amounts
    Money commission;
    Money farmerNet; ///< Σ farmer net of sold lines
    Money paid;      ///< advances + settlements
    Money payable;   ///< farmerNet − paid
};

struct CompletionRow {
    Uuid saleId;
    QString receiptNo;
    qint64 createdAtMs = 0;
    bool buyerPaid = false;
    bool farmerPaid = false;
    bool commissionConfirmed = false;
    CompletionStatus status = CompletionStatus::Pending;
};

/// Read-only figures for the counter and the manager, computed from the documents.
class ReportService {
    Q_DECLARE_TR_FUNCTIONS(ReportService)
public:
    explicit ReportService(Store& store)
        : m_store(store) {}

    Result<DaySummary> summary(qint64 fromMs, qint64 toMs);
    Result<std::vector<BuyerBalance>> buyerBalances();
    Result<std::vector<FarmerBalance>> farmerBalances();
    Result<std::vector<CompletionRow>> completion(qint64 fromMs, qint64 toMs);

private:
    Store& m_store;
};

} // namespace market::core
