#pragma once

#include "domain/Result.h"

#include <vector>

namespace market::core {

class Store;

/// The indexes that only reads use: sales by time, buyer, cashier and terminal; sold lines by
/// lot, farmer and product; payments by sale. Loading a shop's whole history into an empty
/// counter (its first pull) drops them while the pages are written and builds each once at the
/// end: one sort per index instead of a random B-tree insert per row, which also keeps the WAL
/// from carrying a rewritten index page for nearly every row (docs/ARCHITECTURE.md, "Sync").
/// The mark in `meta` says they are down, so a load that a crash interrupted is finished by the
/// next pull (FeedApplier::bulkLoadPending).
namespace report_indexes {

struct Definition {
    const char* name;
    const char* sql; ///< exactly as the schema created it (a test compares with sqlite_master)
};

const std::vector<Definition>& all();

/// Drops them and sets the mark, in one transaction.
Status drop(Store& store);
/// Builds the missing ones, each in its own transaction (a sale at the counter waits for one
/// index, not all eight), then clears the mark.
Status build(Store& store);
/// Whether the mark is set.
Result<bool> down(Store& store);

} // namespace report_indexes
} // namespace market::core
