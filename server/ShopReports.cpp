#include "ShopReports.h"

#include "ApiError.h"
#include "Database.h"

#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
// The shop's directory row (read before entering the tenant role, which cannot see `shops`).
QJsonObject shopHeader(pqxx::work& tx, const QString& shopId) {
    const auto r =
        tx.exec_params("SELECT code, name, currency, time_zone FROM shops WHERE id = $1", s(shopId));
    if (r.empty())
        throw ApiError(404, err::kNotFound, QStringLiteral("no such shop"));
    return {{QStringLiteral("shopId"), shopId},
            {QStringLiteral("code"), q(r[0][0].as<std::string>())},
            {QStringLiteral("name"), q(r[0][1].as<std::string>())},
            {QStringLiteral("currency"), q(r[0][2].as<std::string>())},
            {QStringLiteral("timeZone"), q(r[0][3].as<std::string>())}};
}

QJsonObject byMethod(const pqxx::result& r, int amountColumn) {
    QJsonObject out;
    for (const auto& row : r)
        out.insert(q(row[0].as<std::string>()), row[amountColumn].as<qint64>());
    return out;
}
} // namespace

QJsonObject ShopReports::daySummary(const QString& shopId, const QDate& date) {
    pqxx::work tx(m_conn);
    QJsonObject out = shopHeader(tx, shopId);
    enterShop(tx, shopId);
    // The day in the shop's time zone, as instants: every range below uses the (shop_id, time) indexes
    // and prunes the monthly partitions.
    const auto day =
        tx.exec_params("SELECT (($1::date)::timestamp AT TIME ZONE $2)::text, (($1::date + 1)::timestamp AT "
                       "TIME ZONE $2)::text, "
                       "(extract(epoch FROM ($1::date)::timestamp AT TIME ZONE $2) * 1000)::bigint, "
                       "(extract(epoch FROM ($1::date + 1)::timestamp AT TIME ZONE $2) * 1000)::bigint",
                       s(date.toString(Qt::ISODate)), s(out.value(QStringLiteral("timeZone")).toString()));
    const std::string from = day[0][0].as<std::string>(), to = day[0][1].as<std::string>();
    const auto sales = tx.exec_params(
        "SELECT count(*), coalesce(sum(total), 0)::bigint, coalesce(sum(credit), 0)::bigint FROM sales "
        "WHERE shop_id = market_current_shop() AND created_at >= $1::timestamptz AND created_at < "
        "$2::timestamptz",
        from, to);
    const auto lines = tx.exec_params(
        "SELECT coalesce(sum(commission), 0)::bigint, coalesce(sum(farmer_net), 0)::bigint, "
        "coalesce(sum(buyer_charges), 0)::bigint, coalesce(sum(farmer_charges), 0)::bigint FROM sale_lines "
        "WHERE shop_id = market_current_shop() AND created_at >= $1::timestamptz AND created_at < "
        "$2::timestamptz",
        from, to);
    const auto payments = tx.exec_params(
        "SELECT method, sum(amount)::bigint FROM sale_payments WHERE shop_id = market_current_shop() AND "
        "created_at >= $1::timestamptz AND created_at < $2::timestamptz GROUP BY method ORDER BY method",
        from, to);
    const auto collections = tx.exec_params(
        "SELECT method, count(*), sum(amount)::bigint FROM collections WHERE shop_id = market_current_shop() "
        "AND at >= $1::timestamptz AND at < $2::timestamptz GROUP BY method ORDER BY method",
        from, to);
    const auto arrivals =
        tx.exec_params("SELECT count(*) FROM lots WHERE shop_id = market_current_shop() AND "
                       "received_at >= $1::timestamptz AND received_at < $2::timestamptz",
                       from, to);
    tx.commit();

    qint64 collectionsCount = 0, collectionsValue = 0;
    for (const auto& row : collections) {
        collectionsCount += row[1].as<qint64>();
        collectionsValue += row[2].as<qint64>();
    }
    const QJsonObject paidByMethod = byMethod(payments, 1);
    const QJsonObject collectedByMethod = byMethod(collections, 2);
    const QString cash = QStringLiteral("cash");
    out.insert(QStringLiteral("date"), date.toString(Qt::ISODate));
    out.insert(QStringLiteral("fromMs"), day[0][2].as<qint64>());
    out.insert(QStringLiteral("toMs"), day[0][3].as<qint64>());
    out.insert(QStringLiteral("salesCount"), sales[0][0].as<qint64>());
    out.insert(QStringLiteral("salesValue"), sales[0][1].as<qint64>());
    out.insert(QStringLiteral("creditGiven"), sales[0][2].as<qint64>());
    out.insert(QStringLiteral("commission"), lines[0][0].as<qint64>());
    out.insert(QStringLiteral("farmerNet"), lines[0][1].as<qint64>());
    out.insert(QStringLiteral("buyerCharges"), lines[0][2].as<qint64>());
    out.insert(QStringLiteral("farmerCharges"), lines[0][3].as<qint64>());
    out.insert(QStringLiteral("salesPaidByMethod"), paidByMethod);
    out.insert(QStringLiteral("collectionsCount"), collectionsCount);
    out.insert(QStringLiteral("collectionsValue"), collectionsValue);
    out.insert(QStringLiteral("collectionsByMethod"), collectedByMethod);
    out.insert(QStringLiteral("cashIn"),
               paidByMethod.value(cash).toInteger() + collectedByMethod.value(cash).toInteger());
    out.insert(QStringLiteral("arrivalsCount"), arrivals[0][0].as<qint64>());
    return out;
}

QJsonObject ShopReports::buyerOutstanding(const QString& shopId) {
    pqxx::work tx(m_conn);
    QJsonObject out = shopHeader(tx, shopId);
    enterShop(tx, shopId);
    // One grouped pass per table rather than three sub-queries per buyer.
    const auto r = tx.exec(
        "WITH cr AS (SELECT buyer_id, sum(amount) AS a FROM credits GROUP BY buyer_id), "
        "co AS (SELECT buyer_id, sum(amount) AS a FROM collections GROUP BY buyer_id), "
        "re AS (SELECT buyer_id, sum(credit_reduction) AS a FROM sale_returns WHERE buyer_id IS NOT NULL "
        "GROUP BY buyer_id) "
        "SELECT p.id, p.code, p.name, p.credit_limit, p.active, "
        "(coalesce(cr.a, 0) - coalesce(co.a, 0) - coalesce(re.a, 0))::bigint FROM parties p "
        "LEFT JOIN cr ON cr.buyer_id = p.id LEFT JOIN co ON co.buyer_id = p.id LEFT JOIN re ON re.buyer_id = "
        "p.id "
        "WHERE p.kind = 'buyer' ORDER BY p.name, p.code");
    tx.commit();
    QJsonArray buyers;
    qint64 total = 0;
    for (const auto& row : r) {
        total += row[5].as<qint64>();
        buyers.append(QJsonObject{{QStringLiteral("buyerId"), q(row[0].as<std::string>())},
                                  {QStringLiteral("code"), q(row[1].as<std::string>())},
                                  {QStringLiteral("name"), q(row[2].as<std::string>())},
                                  {QStringLiteral("creditLimit"), row[3].as<qint64>()},
                                  {QStringLiteral("active"), row[4].as<bool>()},
                                  {QStringLiteral("outstanding"), row[5].as<qint64>()}});
    }
    out.insert(QStringLiteral("buyers"), buyers);
    out.insert(QStringLiteral("totalOutstanding"), total);
    return out;
}

QJsonObject ShopReports::farmerPayables(const QString& shopId) {
    pqxx::work tx(m_conn);
    QJsonObject out = shopHeader(tx, shopId);
    enterShop(tx, shopId);
    const auto r = tx.exec(
        "WITH sl AS (SELECT farmer_id, sum(amount) AS a, sum(commission) AS c, sum(farmer_net) AS n FROM "
        "sale_lines WHERE shop_id = market_current_shop() GROUP BY farmer_id), "
        "rl AS (SELECT farmer_id, sum(amount) AS a, sum(commission) AS c, sum(farmer_net) AS n FROM "
        "return_lines GROUP BY farmer_id), "
        "fp AS (SELECT farmer_id, sum(amount) AS a FROM farmer_payments GROUP BY farmer_id) "
        "SELECT p.id, p.code, p.name, (coalesce(sl.a, 0) - coalesce(rl.a, 0))::bigint, "
        "(coalesce(sl.c, 0) - coalesce(rl.c, 0))::bigint, (coalesce(sl.n, 0) - coalesce(rl.n, 0))::bigint, "
        "coalesce(fp.a, 0)::bigint FROM parties p LEFT JOIN sl ON sl.farmer_id = p.id "
        "LEFT JOIN rl ON rl.farmer_id = p.id LEFT JOIN fp ON fp.farmer_id = p.id "
        "WHERE p.kind = 'farmer' ORDER BY p.name, p.code");
    tx.commit();
    QJsonArray farmers;
    qint64 total = 0;
    for (const auto& row : r) {
        const qint64 payable = row[5].as<qint64>() - row[6].as<qint64>();
        total += payable;
        farmers.append(QJsonObject{{QStringLiteral("farmerId"), q(row[0].as<std::string>())},
                                   {QStringLiteral("code"), q(row[1].as<std::string>())},
                                   {QStringLiteral("name"), q(row[2].as<std::string>())},
                                   {QStringLiteral("soldValue"), row[3].as<qint64>()},
                                   {QStringLiteral("commission"), row[4].as<qint64>()},
                                   {QStringLiteral("farmerNet"), row[5].as<qint64>()},
                                   {QStringLiteral("paid"), row[6].as<qint64>()},
                                   {QStringLiteral("payable"), payable}});
    }
    out.insert(QStringLiteral("farmers"), farmers);
    out.insert(QStringLiteral("totalPayable"), total);
    return out;
}

QJsonObject ShopReports::totalsByCurrency(const QJsonArray& shopReports, const QStringList& fields) {
    QJsonObject out;
    for (const QJsonValue& v : shopReports) {
        const QJsonObject report = v.toObject();
        const QString currency = report.value(QStringLiteral("currency")).toString();
        QJsonObject sum = out.value(currency).toObject();
        for (const QString& f : fields) {
            const QJsonValue value = report.value(f);
            if (value.isObject()) { // by method: sum per key
                QJsonObject inner = sum.value(f).toObject();
                const QJsonObject add = value.toObject();
                for (auto it = add.begin(); it != add.end(); ++it)
                    inner.insert(it.key(), inner.value(it.key()).toInteger() + it.value().toInteger());
                sum.insert(f, inner);
            } else {
                sum.insert(f, sum.value(f).toInteger() + value.toInteger());
            }
        }
        out.insert(currency, sum);
    }
    return out;
}

} // namespace market::server
