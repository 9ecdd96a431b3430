#pragma once

#include <QJsonObject>
#include <QString>
#include <pqxx/transaction>
#include <vector>

namespace market::server {

/// One change for the shop's feed. terminalId empty: made on the server (the back-office API or
/// an anomaly), so every counter applies it, the one that would have made it included.
struct FeedRow {
    QString type;
    QString entityId;
    QJsonObject doc;
    QString terminalId;
};

/// Appends rows to the feed of the transaction's shop at the next positions. Call it as the last
/// statement before commit: the feed_counters row lock it takes orders this shop's writers, so
/// positions become visible in commit order; holding it shorter keeps concurrent pushes moving.
void appendFeedRows(pqxx::work& tx, const QString& shopId, const std::vector<FeedRow>& rows);

} // namespace market::server
