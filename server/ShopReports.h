#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>

namespace market::server {

/// The counter's reports (app/services/ReportService) computed on the central copy of one shop:
/// plain SQL over the shop's tables, inside a transaction in that shop, so row-level security is
/// in force. The caller has checked the token's access to the shop. Money in minor units.
class ShopReports {
public:
    explicit ShopReports(pqxx::connection& connection)
        : m_conn(connection) {}

    /// Day summary of `date` in the shop's time zone: sales count and value, payments by method,
    /// commission, buyer/farmer charges, farmer net, credit given, collections (by method), cash in,
    /// arrivals — the fields of core::DaySummary.
    QJsonObject daySummary(const QString& shopId, const QDate& date);
    /// Every buyer with credit limit and outstanding = credits − collections − return credit
    /// reductions (as ReportService::buyerBalances), plus the shop's total.
    QJsonObject buyerOutstanding(const QString& shopId);
    /// Every farmer's sold value, commission and farmer net (returns taken off), paid (advances and
    /// settlements) and payable = net − paid (as ReportService::farmerBalances), plus the total.
    QJsonObject farmerPayables(const QString& shopId);

    /// Sums the numeric fields of per-shop reports per currency (an owner's shops may differ).
    static QJsonObject totalsByCurrency(const QJsonArray& shopReports, const QStringList& fields);

private:
    pqxx::connection& m_conn;
};

} // namespace market::server
