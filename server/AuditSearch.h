#pragma once

#include <QJsonArray>
#include <QString>
#include <limits>
#include <pqxx/connection>

namespace market::server {

/// Filters of an audit search; empty / unset means any.
struct AuditQuery {
    QString entity; ///< product, sale, anomaly, …
    QString entityId;
    QString userId; ///< a counter user id or an API account id
    QString source; ///< counter | api | empty for both
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max(); ///< exclusive
    int limit = 200;
};

/// The shop's audit trail, newest first: the counters' hash-chained entries (audit_entries, with
/// terminal, seq and whether the chain held) and what accounts did through the API (api_audit).
/// Runs inside the shop under RLS; the caller has checked access. Throws ApiError 400 for filters
/// out of range.
QJsonArray searchAudit(pqxx::connection& connection, const QString& shopId, const AuditQuery& query);

} // namespace market::server
