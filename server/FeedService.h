#pragma once

#include "AuthService.h"

#include <QByteArray>
#include <QString>

namespace market::server {

class Database;

/// GET /sync/pull: one page of the shop's change feed after a cursor (sync/PROTOCOL.md "Pull").
class FeedService {
public:
    explicit FeedService(Database& db)
        : m_db(db) {}
    /// Returns the JSON body. Throws ApiError 400 invalid_cursor / 409 stale_cursor.
    QByteArray pull(const QString& shopId, const QString& cursor, int limit);

private:
    Database& m_db;
};

} // namespace market::server
