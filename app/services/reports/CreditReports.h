#pragma once

#include "ReportFilter.h"
#include "services/ReportService.h"

#include <QCoreApplication>
#include <array>
#include <vector>

namespace market::core {

class Store;

/// Ageing buckets by the age of each open credit at asOfMs, in whole days.
enum AgeingBucket { Age0To7 = 0, Age8To30, Age31To60, AgeOver60, kAgeingBuckets };
int ageingBucket(qint64 ageDays);

/// A buyer's outstanding credit split by age. outstanding = Σ buckets = Σ credits − Σ
/// collections. Collections clear the oldest credits first (FIFO, CollectionService), so what is
/// outstanding sits in the newest credits: each credit's open part is what the allocations left.
struct AgeingRow {
    Uuid buyerId;
    QString code;
    QString name;
    Money creditLimit;
    Money outstanding;
    std::array<Money, kAgeingBuckets> buckets{};
    qint64 oldestOpenDays = 0; ///< age of the oldest credit not fully collected
};

/// outstanding ÷ limit per buyer, in basis points (rounded down); nullopt when the limit is 0
/// (walk-in style accounts with credit anyway, e.g. after a manager's override).
struct UtilisationRow {
    Uuid buyerId;
    QString code;
    QString name;
    Money creditLimit;
    Money outstanding;
    std::optional<qint64> utilisationBp;
};

class CreditReports {
    Q_DECLARE_TR_FUNCTIONS(CreditReports)
public:
    explicit CreditReports(Store& store)
        : m_store(store) {}

    /// Buyers with anything outstanding, largest first. Honours buyerId; the range is unused.
    Result<std::vector<AgeingRow>> ageing(qint64 asOfMs, const ReportFilter& filter = {});
    /// Buyers with a limit or anything outstanding, highest use first. Honours buyerId.
    Result<std::vector<UtilisationRow>> utilisation(const ReportFilter& filter = {});
    /// As ReportService::farmerBalances (same definition), optionally for one farmer: one farmer's
    /// payable is read through its indexes instead of grouping every sold line.
    Result<std::vector<FarmerBalance>> farmerPayables(const ReportFilter& filter = {});

private:
    struct Outstanding {
        Uuid buyerId;
        QString code;
        QString name;
        Money creditLimit;
        Money outstanding;
    };
    Result<std::vector<Outstanding>> outstanding(const ReportFilter& filter);
    Store& m_store;
};

} // namespace market::core
