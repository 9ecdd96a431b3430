#pragma once

#include "domain/Result.h"

namespace market::core {

class Database;

/// The counter's schema as ordered migrations; PRAGMA user_version is the applied count.
/// Migrations are append-only: never edit a released one, add the next.
int latestSchemaVersion();
/// Applies every migration above the file's version, each in its own transaction.
/// Refuses a file written by a newer version of the program (never downgrades data).
Status migrate(Database& db);
/// Applies migrations up to `version` only (tests upgrade from every past version).
Status migrateTo(Database& db, int version);
Result<int> schemaVersion(Database& db);

} // namespace market::core
