#pragma once

#include <QJsonObject>
#include <exception>

namespace market::server {

struct MappedError {
    int status = 500;
    QJsonObject body;            ///< {"error": {"code", "message", …}}
    bool dropConnection = false; ///< the worker's PG connection is unusable: reconnect next time
};

/// The one place that turns exceptions into HTTP statuses: ApiError → its status; PostgreSQL
/// unreachable, broken mid-request (also libpq's own error without SQLSTATE), out of resources or
/// an in-doubt commit → 503 (the client retries, never quarantines); serialization failures and
/// deadlocks (libpqxx's transaction_rollback) → 503; anything else → 500 without details.
MappedError mapException(std::exception_ptr error);

QJsonObject errorBody(const QString& code, const QString& message, const QJsonObject& extra = {});

} // namespace market::server
