#include "AuditSearch.h"

#include "ApiError.h"
#include "Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
QJsonValue jsonOrNull(const pqxx::field& f) {
    if (f.is_null())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>()));
    return d.isObject() ? QJsonValue(d.object()) : d.isArray() ? QJsonValue(d.array()) : QJsonValue();
}

void check(bool ok, const QString& message) {
    if (!ok)
        throw ApiError(400, err::kInvalidInput, message);
}
} // namespace

QJsonArray searchAudit(pqxx::connection& connection, const QString& shopId, const AuditQuery& a) {
    check(a.entity.size() <= 64, QStringLiteral("entity: at most 64 characters"));
    check(a.entityId.size() <= 64, QStringLiteral("entityId: at most 64 characters"));
    check(a.userId.size() <= 64, QStringLiteral("userId: at most 64 characters"));
    check(a.source.isEmpty() || a.source == QLatin1String("counter") || a.source == QLatin1String("api"),
          QStringLiteral("source: counter or api"));
    check(a.fromMs >= 0 && a.fromMs < a.toMs, QStringLiteral("fromMs, toMs: milliseconds, fromMs < toMs"));
    check(a.limit >= 1 && a.limit <= 1000, QStringLiteral("limit: an integer in 1..1000"));
    // Both branches filter by shop and time first, so they use the (shop_id, at) indexes (and the
    // audit partitions are pruned by month).
    static const std::string filters =
        " WHERE shop_id = market_current_shop() AND ($1 = '' OR entity = $1) "
        "AND ($2 = '' OR entity_id = $2) AND at >= to_timestamp($4 / 1000.0) AND "
        "at < to_timestamp(least($5, 253402300799000) / 1000.0)";
    static const std::string sql =
        "SELECT * FROM ((SELECT 'counter' AS source, at, (extract(epoch FROM at) * 1000)::bigint AS at_ms, "
        "terminal_id::text, seq, user_id, action, entity, entity_id, before::text, after::text, chain_ok, '' "
        "AS "
        "note FROM audit_entries" +
        filters +
        " AND ($3 = '' OR user_id = $3) AND $6 <> 'api' ORDER BY at DESC LIMIT $7) UNION ALL (SELECT 'api', "
        "at, "
        "(extract(epoch FROM at) * 1000)::bigint, NULL, NULL, account_id::text, action, entity, entity_id, "
        "before::text, after::text, NULL, note FROM api_audit" +
        filters +
        " AND ($3 = '' OR account_id::text = $3) AND $6 <> 'counter' ORDER BY at DESC LIMIT $7)) x "
        "ORDER BY at DESC, source LIMIT $7";
    pqxx::work tx(connection);
    enterShop(tx, shopId);
    const auto r =
        tx.exec_params(sql, s(a.entity), s(a.entityId), s(a.userId), a.fromMs, a.toMs, s(a.source), a.limit);
    tx.commit();
    QJsonArray out;
    for (const auto& row : r) {
        QJsonObject e{{QStringLiteral("source"), QString::fromStdString(row[0].as<std::string>())},
                      {QStringLiteral("atMs"), row[2].as<qint64>()},
                      {QStringLiteral("userId"), q(row[5].as<std::string>())},
                      {QStringLiteral("action"), q(row[6].as<std::string>())},
                      {QStringLiteral("entity"), q(row[7].as<std::string>())},
                      {QStringLiteral("entityId"), q(row[8].as<std::string>())},
                      {QStringLiteral("before"), jsonOrNull(row[9])},
                      {QStringLiteral("after"), jsonOrNull(row[10])}};
        if (!row[3].is_null()) {
            e.insert(QStringLiteral("terminalId"), q(row[3].as<std::string>()));
            e.insert(QStringLiteral("seq"), row[4].as<qint64>());
            e.insert(QStringLiteral("chainOk"), row[11].as<bool>());
        } else {
            e.insert(QStringLiteral("note"), q(row[12].as<std::string>()));
        }
        out.append(e);
    }
    return out;
}

} // namespace market::server
