#pragma once

// What sold lines add to the farmers' running totals: farmer_balance (sold amount, commission,
// net) and farmer_bucket (net per UTC month and per UTC day of the sale). Until schema v10 two
// triggers on sale_line did this per line; any trigger on sale_line makes SQLite keep a statement
// journal for every line inserted (a copy of each page the insert touches), which with the
// triggers' own lookups was half the cost of applying another counter's sales. insertSaleRows
// (DocumentRows.h) now adds each sale's lines itself, or, for a batch of documents in one
// transaction (a page of the shop's feed), into one of these, added once per farmer and bucket
// at the end. Returned lines and farmer payments keep their triggers.

#include "domain/Result.h"
#include "domain/Uuid.h"

#include <map>
#include <tuple>

namespace market::core {

class Database;
struct SaleDoc;

class FarmerSoldTotals {
public:
    /// Counts the lines of a sale whose rows are written.
    void add(const SaleDoc& sale);
    /// Adds what was counted to farmer_balance and farmer_bucket (in the caller's transaction,
    /// before its commit: a batch counted and not added is lost) and starts again from zero.
    Status addTo(Database& db);
    bool empty() const { return m_balances.empty(); }

    /// The buckets of farmer_bucket (schema v6) of an instant: YYYYMM of its UTC month and the
    /// days since 1970-01-01, as SQLite computes them (strftime('%Y%m', ms / 1000, 'unixepoch')
    /// and ms / 86400000).
    static qint64 monthBucket(qint64 atMs);
    static qint64 dayBucket(qint64 atMs) { return atMs / 86'400'000; }

private:
    struct Sold {
        qint64 amount = 0;
        qint64 commission = 0;
        qint64 net = 0;
    };
    std::map<Uuid, Sold> m_balances;                        ///< by farmer
    std::map<std::tuple<Uuid, int, qint64>, qint64> m_nets; ///< (farmer, grain, bucket) → net
};

/// Recomputes farmer_balance and farmer_bucket from every sold and returned line and farmer
/// payment (for a writer that inserted rows with raw SQL, e.g. a benchmark's seeding, and for
/// tests that compare the running totals with their definition).
Status rebuildFarmerTotals(Database& db);

} // namespace market::core
