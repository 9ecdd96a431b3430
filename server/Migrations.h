#pragma once

#include <pqxx/connection>
#include <vector>

namespace market::server {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

/// The ordered schema history. Never edit an applied migration: append a new one.
const std::vector<Migration>& migrations();

/// Applies every migration newer than the `schema_migrations` table says, each in its own
/// transaction with an advisory lock so two instances never migrate at once. Returns the
/// number applied. Throws pqxx exceptions on failure (the failing migration rolls back).
int migrate(pqxx::connection& connection);

/// The highest applied version, 0 for an empty database.
int schemaVersion(pqxx::connection& connection);

} // namespace market::server
