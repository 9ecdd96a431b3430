#pragma once

#include "CreditReports.h"
#include "ExpenseReports.h"
#include "SalesReports.h"
#include "StockReports.h"
#include "services/CashSessionService.h"
#include "services/ReportService.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QTimeZone>

/// CSV exports of the reports: RFC 4180 (CRLF line ends, a field with a comma, quote, CR or LF is
/// quoted and its quotes doubled), UTF-8 without a byte-order mark, a header row first. Money is
/// a plain decimal in major units ("1234.50", "-3.00"), quantities as "12.5", times as local
/// "yyyy-MM-dd HH:mm:ss" in the zone given, basis points as integers. Names are never translated
/// or grouped, so a spreadsheet reads them as numbers.
namespace market::core::csv {

QString field(const QString& value);
QByteArray document(const QStringList& header, const QList<QStringList>& rows);

QByteArray sales(SalesGrouping grouping, const std::vector<SalesRow>& rows);
QByteArray commissionByDay(const std::vector<CommissionDay>& rows);
QByteArray daily(const DailyReport& report, const QTimeZone& zone);
QByteArray lotsOnHand(const std::vector<LotOnHandRow>& rows, const QTimeZone& zone);
QByteArray turnover(const std::vector<TurnoverRow>& rows);
QByteArray ageing(const std::vector<AgeingRow>& rows);
QByteArray utilisation(const std::vector<UtilisationRow>& rows);
QByteArray payables(const std::vector<FarmerBalance>& rows);
QByteArray expenses(const std::vector<ExpenseRow>& rows);
QByteArray completion(const std::vector<CompletionRow>& rows, const QTimeZone& zone);
QByteArray cashSession(const CashSessionReport& report, const QTimeZone& zone);

} // namespace market::core::csv
