#include "FeedWriter.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <stdexcept>

namespace market::server {

void appendFeedRows(pqxx::work& tx, const QString& shopId, const std::vector<FeedRow>& rows) {
    const qint64 count = qint64(rows.size());
    if (count == 0)
        return;
    QJsonArray out;
    qint64 offset = 0;
    for (const FeedRow& f : rows)
        out.append(QJsonObject{
            {QStringLiteral("shop_id"), shopId},
            {QStringLiteral("offset"), ++offset},
            {QStringLiteral("type"), f.type},
            {QStringLiteral("entity_id"), f.entityId},
            {QStringLiteral("terminal_id"), f.terminalId.isEmpty() ? QJsonValue() : QJsonValue(f.terminalId)},
            {QStringLiteral("doc"), f.doc}});
    // Counter and rows in one statement, as the push writes them: the counter row lock is held for
    // as short a time as possible.
    const auto r = tx.exec_params(
        "WITH c AS (UPDATE feed_counters SET last_position = last_position + $2 WHERE shop_id = $1 "
        "RETURNING last_position), i AS (INSERT INTO feed (shop_id, position, type, entity_id, terminal_id, "
        "doc) SELECT r.shop_id, c.last_position - $2 + r.\"offset\", r.type, r.entity_id, r.terminal_id, "
        "r.doc "
        "FROM c, jsonb_to_recordset($3::jsonb) AS r(shop_id uuid, \"offset\" bigint, type text, entity_id "
        "uuid, terminal_id uuid, doc jsonb) RETURNING 1) SELECT count(*) FROM i",
        s(shopId), count, QJsonDocument(out).toJson(QJsonDocument::Compact).toStdString());
    if (r.at(0)[0].as<qint64>() != count)
        throw std::runtime_error("feed: the shop has no feed counter");
}

} // namespace market::server
