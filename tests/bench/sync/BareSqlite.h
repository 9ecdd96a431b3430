#pragma once

// What the sync benchmarks' bare SQLite programs share: stopping on an SQLite error with its
// message, and setting the report indexes aside and building them as a bulk load does.

#include "SyncBench.h"
#include "store/ReportIndexes.h"

#include <sqlite3.h>
#include <string>

namespace market::bench {

inline void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die(QString::fromUtf8(what), QString::fromUtf8(sqlite3_errmsg(db)));
}

inline void dropReportIndexes(sqlite3* db) {
    for (const auto& index : core::report_indexes::all())
        check(db,
              sqlite3_exec(db, (std::string("DROP INDEX ") + index.name).c_str(), nullptr, nullptr, nullptr),
              "dropping a report index");
}

/// One transaction per index, as report_indexes::build makes them.
inline void buildReportIndexes(sqlite3* db) {
    for (const auto& index : core::report_indexes::all())
        check(db,
              sqlite3_exec(db, (std::string("BEGIN IMMEDIATE; ") + index.sql + "; COMMIT").c_str(), nullptr,
                           nullptr, nullptr),
              "building a report index");
}

} // namespace market::bench
