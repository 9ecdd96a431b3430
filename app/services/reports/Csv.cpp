#include "Csv.h"

#include <QDateTime>

namespace market::core::csv {

namespace {
QString m(Money v) {
    return v.toPlainString();
}
QString q(Quantity v) {
    return v.toString();
}
QString n(qint64 v) {
    return QString::number(v);
}
QString t(qint64 ms, const QTimeZone& zone) {
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
QString yes(bool b) {
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}
QString bp(const std::optional<qint64>& v) {
    return v ? n(*v) : QString();
}
} // namespace

QString field(const QString& value) {
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    QString out = value;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QByteArray document(const QStringList& header, const QList<QStringList>& rows) {
    QString out;
    const auto line = [&out](const QStringList& cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            out += field(cells[i]);
        }
        out += QStringLiteral("\r\n");
    };
    line(header);
    for (const auto& r : rows)
        line(r);
    return out.toUtf8();
}

QByteArray sales(SalesGrouping grouping, const std::vector<SalesRow>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.id ? r.id->toString() : QString(), r.code, r.name, n(r.salesCount), q(r.qty),
                    m(r.amount), m(r.commission)});
    const QString g = salesGroupingName(grouping);
    return document({g + QStringLiteral("_id"), QStringLiteral("code"), QStringLiteral("name"),
                     QStringLiteral("sales"), QStringLiteral("qty"), QStringLiteral("amount"),
                     QStringLiteral("commission")},
                    out);
}

QByteArray commissionByDay(const std::vector<CommissionDay>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.day.toString(Qt::ISODate), n(r.salesCount), m(r.amount), m(r.commission)});
    return document({QStringLiteral("day"), QStringLiteral("sales"), QStringLiteral("amount"),
                     QStringLiteral("commission")},
                    out);
}

QByteArray daily(const DailyReport& r, const QTimeZone& zone) {
    const DaySummary& d = r.totals;
    QList<QStringList> out{
        {QStringLiteral("from"), t(d.fromMs, zone)},
        {QStringLiteral("to"), t(d.toMs, zone)},
        {QStringLiteral("sales_count"), n(d.salesCount)},
        {QStringLiteral("sales_value"), m(d.salesValue)},
        {QStringLiteral("commission"), m(d.commission)},
        {QStringLiteral("charges"), m(d.buyerCharges)},
        {QStringLiteral("farmer_charges"), m(d.farmerCharges)},
        {QStringLiteral("farmer_net"), m(d.farmerNet)},
        {QStringLiteral("credit_given"), m(d.creditGiven)},
    };
    for (const auto& [method, amount] : d.salesPaidByMethod)
        out.append({QStringLiteral("paid_at_sale_") + method, m(amount)});
    out.append({QStringLiteral("collections_count"), n(d.collectionsCount)});
    out.append({QStringLiteral("collections_value"), m(d.collectionsValue)});
    for (const auto& [method, amount] : d.collectionsByMethod)
        out.append({QStringLiteral("collections_") + method, m(amount)});
    out.append({QStringLiteral("cash_in"), m(d.cashIn)});
    out.append({QStringLiteral("arrivals_count"), n(d.arrivalsCount)});
    if (r.cashPosition)
        out.append({QStringLiteral("drawer_expected_cash"), m(r.cashPosition->expected)});
    return document({QStringLiteral("figure"), QStringLiteral("value")}, out);
}

QByteArray lotsOnHand(const std::vector<LotOnHandRow>& rows, const QTimeZone& zone) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.lotCode, r.farmerName, r.productName, unitName(r.unit), t(r.receivedAtMs, zone),
                    n(r.ageDays), q(r.received), q(r.sold), q(r.adjusted), q(r.left)});
    return document({QStringLiteral("lot"), QStringLiteral("farmer"), QStringLiteral("product"),
                     QStringLiteral("unit"), QStringLiteral("received_at"), QStringLiteral("age_days"),
                     QStringLiteral("received"), QStringLiteral("sold"), QStringLiteral("adjusted"),
                     QStringLiteral("left")},
                    out);
}

QByteArray turnover(const std::vector<TurnoverRow>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append(
            {r.code, r.name, unitName(r.unit), q(r.received), q(r.sold), q(r.adjusted), bp(r.turnoverBp)});
    return document({QStringLiteral("code"), QStringLiteral("product"), QStringLiteral("unit"),
                     QStringLiteral("received"), QStringLiteral("sold"), QStringLiteral("adjusted"),
                     QStringLiteral("turnover_bp")},
                    out);
}

QByteArray ageing(const std::vector<AgeingRow>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.code, r.name, m(r.creditLimit), m(r.outstanding), m(r.buckets[Age0To7]),
                    m(r.buckets[Age8To30]), m(r.buckets[Age31To60]), m(r.buckets[AgeOver60]),
                    n(r.oldestOpenDays)});
    return document({QStringLiteral("code"), QStringLiteral("buyer"), QStringLiteral("credit_limit"),
                     QStringLiteral("outstanding"), QStringLiteral("days_0_7"), QStringLiteral("days_8_30"),
                     QStringLiteral("days_31_60"), QStringLiteral("days_over_60"),
                     QStringLiteral("oldest_open_days")},
                    out);
}

QByteArray utilisation(const std::vector<UtilisationRow>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.code, r.name, m(r.creditLimit), m(r.outstanding), bp(r.utilisationBp)});
    return document({QStringLiteral("code"), QStringLiteral("buyer"), QStringLiteral("credit_limit"),
                     QStringLiteral("outstanding"), QStringLiteral("utilisation_bp")},
                    out);
}

QByteArray payables(const std::vector<FarmerBalance>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append(
            {r.code, r.name, m(r.soldValue), m(r.commission), m(r.farmerNet), m(r.paid), m(r.payable)});
    return document({QStringLiteral("code"), QStringLiteral("farmer"), QStringLiteral("sold"),
                     QStringLiteral("commission"), QStringLiteral("farmer_net"), QStringLiteral("paid"),
                     QStringLiteral("payable")},
                    out);
}

QByteArray expenses(const std::vector<ExpenseRow>& rows) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.category, r.method, n(r.count), m(r.amount)});
    return document({QStringLiteral("category"), QStringLiteral("method"), QStringLiteral("count"),
                     QStringLiteral("amount")},
                    out);
}

QByteArray completion(const std::vector<CompletionRow>& rows, const QTimeZone& zone) {
    QList<QStringList> out;
    for (const auto& r : rows)
        out.append({r.receiptNo, t(r.createdAtMs, zone), yes(r.buyerPaid), yes(r.farmerPaid),
                    yes(r.commissionConfirmed), completionStatusName(r.status)});
    return document({QStringLiteral("receipt"), QStringLiteral("at"), QStringLiteral("buyer_paid"),
                     QStringLiteral("farmer_paid"), QStringLiteral("commission_confirmed"),
                     QStringLiteral("status")},
                    out);
}

QByteArray cashSession(const CashSessionReport& r, const QTimeZone& zone) {
    QList<QStringList> out{
        {QStringLiteral("session"), r.sessionId.toString()},
        {QStringLiteral("opened_at"), t(r.openedAtMs, zone)},
        {QStringLiteral("closed_at"), r.closedAtMs ? t(*r.closedAtMs, zone) : QString()},
        {QStringLiteral("opening_float"), m(r.openingFloat)},
        {QStringLiteral("sales_count"), n(r.salesCount)},
        {QStringLiteral("cash_sales"), m(r.cashSales)},
        {QStringLiteral("cash_collections"), m(r.cashCollections)},
        {QStringLiteral("cash_in"), m(r.cashIn)},
        {QStringLiteral("cash_out"), m(r.cashOut)},
        {QStringLiteral("farmer_payouts"), m(r.farmerPayouts)},
        {QStringLiteral("cash_expenses"), m(r.cashExpenses)},
        {QStringLiteral("expected"), m(r.expected)},
        {QStringLiteral("counted"), r.counted ? m(*r.counted) : QString()},
        {QStringLiteral("variance"), r.variance ? m(*r.variance) : QString()},
    };
    return document({QStringLiteral("figure"), QStringLiteral("value")}, out);
}

} // namespace market::core::csv
