// Sales by product / farmer / buyer / cashier, commission by day and the daily summary, each
// checked against hand-computed figures and against a plain SQL query over the same file.
#include "ReportScenario.h"
#include "services/reports/SalesReports.h"

using namespace market::test;

namespace {
// "name|sales|qty|amount|commission", sorted: the comparable form of a sales report.
QStringList rowsText(const std::vector<SalesRow>& rows) {
    QStringList out;
    for (const auto& r : rows)
        out << QStringLiteral("%1|%2|%3|%4|%5")
                   .arg(r.name)
                   .arg(r.salesCount)
                   .arg(r.qty.toString(), r.amount.toPlainString(), r.commission.toPlainString());
    out.sort();
    return out;
}
} // namespace

class TestSalesReports : public QObject {
    Q_OBJECT
    StoreFixture f;
    ReportScenario sc;

    ReportFilter filterFor(int fromDay, int toDay, const QString& narrow) {
        ReportFilter filter{sc.day(fromDay), sc.day(toDay), {}, {}, {}, {}, {}};
        if (narrow == u"buyer:anand")
            filter.buyerId = sc.anand.id;
        else if (narrow == u"farmer:ramu")
            filter.farmerId = sc.ramu.id;
        else if (narrow == u"product:marigold")
            filter.productId = sc.marigold.id;
        else if (narrow == u"cashier")
            filter.cashierId = f.cashier.userId;
        else if (narrow == u"manager")
            filter.cashierId = f.manager.userId;
        else if (narrow == u"terminal")
            filter.terminalId = f.store().identity()->terminalId;
        return filter;
    }

    // The same report written as the plainest SQL: every line of every sale in the range.
    QStringList sqlRows(SalesGrouping g, const ReportFilter& filter) {
        QString key, name;
        switch (g) {
        case SalesGrouping::Product:
            key = QStringLiteral("l.product_id");
            name = QStringLiteral("(SELECT name FROM product WHERE id = l.product_id)");
            break;
        case SalesGrouping::Farmer:
            key = QStringLiteral("l.farmer_id");
            name = QStringLiteral("(SELECT name FROM party WHERE id = l.farmer_id)");
            break;
        case SalesGrouping::Buyer:
            key = QStringLiteral("s.buyer_id");
            name = QStringLiteral("coalesce((SELECT name FROM party WHERE id = s.buyer_id), 'Walk-in')");
            break;
        case SalesGrouping::Cashier:
            key = QStringLiteral("s.cashier_id");
            name = QStringLiteral("(SELECT display_name FROM app_user WHERE id = s.cashier_id)");
            break;
        }
        const auto opt = [](const std::optional<Uuid>& id) { return id ? id->toString() : QString(); };
        const auto rows = f.rows(
            QStringLiteral(
                "SELECT %1, count(DISTINCT s.id), sum(l.qty), sum(l.amount), sum(l.commission) "
                "FROM sale_line l, sale s WHERE s.id = l.sale_id "
                "AND s.created_at_ms >= CAST(?1 AS INTEGER) AND s.created_at_ms < CAST(?2 AS INTEGER) "
                "AND (?3 = '' OR s.buyer_id = ?3) AND (?4 = '' OR l.farmer_id = ?4) "
                "AND (?5 = '' OR l.product_id = ?5) AND (?6 = '' OR s.cashier_id = ?6) "
                "AND (?7 = '' OR s.terminal_id = ?7) GROUP BY %2")
                .arg(name, key),
            {QString::number(filter.fromMs), QString::number(filter.toMs), opt(filter.buyerId),
             opt(filter.farmerId), opt(filter.productId), opt(filter.cashierId), opt(filter.terminalId)});
        QStringList out;
        for (const auto& r : rows)
            out << QStringLiteral("%1|%2|%3|%4|%5")
                       .arg(r[0].toString())
                       .arg(r[1].toLongLong())
                       .arg(Quantity::fromThousandths(r[2].toLongLong()).toString(),
                            Money::fromMinor(r[3].toLongLong()).toPlainString(),
                            Money::fromMinor(r[4].toLongLong()).toPlainString());
        out.sort();
        return out;
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }
    void init() {
        MARKET_REQUIRE_OK(f.reset());
        MARKET_REQUIRE_OK(sc.build(f));
    }

    void salesBy_data() {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");
        QTest::addColumn<QString>("narrow");
        QTest::addColumn<QStringList>("expected");
        const int product = int(SalesGrouping::Product), farmer = int(SalesGrouping::Farmer),
                  buyer = int(SalesGrouping::Buyer), cashier = int(SalesGrouping::Cashier);
        const QString rose = QStringLiteral("Rose"), mari = QStringLiteral("బంతి పూలు, yellow");
        const QString ramu = QStringLiteral("Ramu, \"Rose\" Reddy"), sita = QStringLiteral("సీత");
        const auto row = [](const QString& n, const char* rest) {
            return n + QLatin1Char('|') + QLatin1String(rest);
        };
        QTest::newRow("product, all")
            << product << 0 << 50 << QString()
            << QStringList{row(rose, "2|12|1200.00|60.00"), row(mari, "3|19|700.00|35.00")};
        QTest::newRow("product, day 0")
            << product << 0 << 1 << QString()
            << QStringList{row(rose, "1|10|1000.00|50.00"), row(mari, "1|5|200.00|10.00")};
        QTest::newRow("product, days 2-39 empty") << product << 2 << 40 << QString() << QStringList{};
        QTest::newRow("product, buyer Anand")
            << product << 0 << 50 << QStringLiteral("buyer:anand")
            << QStringList{row(rose, "1|10|1000.00|50.00"), row(mari, "2|15|500.00|25.00")};
        QTest::newRow("product, farmer Ramu")
            << product << 0 << 50 << QStringLiteral("farmer:ramu")
            << QStringList{row(rose, "2|12|1200.00|60.00"), row(mari, "1|4|200.00|10.00")};
        QTest::newRow("farmer, all") << farmer << 0 << 50 << QString()
                                     << QStringList{row(ramu, "3|16|1400.00|70.00"),
                                                    row(sita, "2|15|500.00|25.00")};
        QTest::newRow("farmer, marigold")
            << farmer << 0 << 50 << QStringLiteral("product:marigold")
            << QStringList{row(ramu, "1|4|200.00|10.00"), row(sita, "2|15|500.00|25.00")};
        QTest::newRow("buyer, all") << buyer << 0 << 50 << QString()
                                    << QStringList{
                                           row(QStringLiteral("Anand Traders"), "2|25|1500.00|75.00"),
                                           row(QStringLiteral("Bala \"Grand\" Hotel"), "1|4|200.00|10.00"),
                                           row(QStringLiteral("Walk-in"), "1|2|200.00|10.00")};
        QTest::newRow("buyer, day 1")
            << buyer << 1 << 2 << QString()
            << QStringList{row(QStringLiteral("Bala \"Grand\" Hotel"), "1|4|200.00|10.00"),
                           row(QStringLiteral("Walk-in"), "1|2|200.00|10.00")};
        QTest::newRow("cashier, all")
            << cashier << 0 << 50 << QString()
            << QStringList{row(QStringLiteral("Cashier Kiran"), "4|31|1900.00|95.00")};
        QTest::newRow("cashier, this terminal")
            << cashier << 0 << 50 << QStringLiteral("terminal")
            << QStringList{row(QStringLiteral("Cashier Kiran"), "4|31|1900.00|95.00")};
        QTest::newRow("cashier, the manager sold nothing")
            << cashier << 0 << 50 << QStringLiteral("manager") << QStringList{};
    }

    void salesBy() {
        QFETCH(int, grouping);
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        QFETCH(QString, narrow);
        QFETCH(QStringList, expected);
        const ReportFilter filter = filterFor(fromDay, toDay, narrow);
        auto rows = SalesReports(f.store()).salesBy(SalesGrouping(grouping), filter);
        MARKET_REQUIRE_OK(rows);
        QStringList want = expected;
        want.sort();
        QCOMPARE(rowsText(*rows), want);
        QCOMPARE(rowsText(*rows), sqlRows(SalesGrouping(grouping), filter));
        // Largest amount first.
        for (size_t i = 1; i < rows->size(); ++i)
            QVERIFY((*rows)[i - 1].amount >= (*rows)[i].amount);
    }

    void commissionByDay() {
        const QTimeZone zone(QByteArrayLiteral("Asia/Kolkata"));
        // kStartMs is 09:30 IST: the first local day is cut at the range start.
        ReportFilter filter{sc.day(0), sc.day(3), {}, {}, {}, {}, {}};
        auto days = SalesReports(f.store()).commissionByDay(filter, zone);
        MARKET_REQUIRE_OK(days);
        QStringList got;
        for (const auto& d : *days)
            got << d.day.toString(Qt::ISODate) +
                       QStringLiteral("|%1|%2|%3")
                           .arg(d.salesCount)
                           .arg(d.amount.toPlainString(), d.commission.toPlainString());
        const QStringList expected{
            QStringLiteral("2024-06-01|1|1200.00|60.00"), QStringLiteral("2024-06-02|2|400.00|20.00"),
            QStringLiteral("2024-06-03|0|0.00|0.00"), QStringLiteral("2024-06-04|0|0.00|0.00")};
        QCOMPARE(got, expected);
        // Cross-check: local day of each sale through SQLite's own clock arithmetic (IST = +05:30).
        const auto sql = f.rows(
            QStringLiteral(
                "SELECT date((s.created_at_ms / 1000) + 19800, 'unixepoch'), sum(l.commission) FROM sale s "
                "JOIN sale_line l ON l.sale_id = s.id WHERE s.created_at_ms >= ?1 AND s.created_at_ms < ?2 "
                "GROUP BY 1 ORDER BY 1"),
            {QString::number(filter.fromMs), QString::number(filter.toMs)});
        Money total;
        for (const auto& d : *days)
            total += d.commission;
        Money sqlTotal;
        for (const auto& r : sql) {
            sqlTotal += Money::fromMinor(r[1].toLongLong());
            const auto it = std::find_if(days->begin(), days->end(), [&](const CommissionDay& d) {
                return d.day.toString(Qt::ISODate) == r[0].toString();
            });
            QVERIFY(it != days->end());
            QCOMPARE(it->commission.minor(), r[1].toLongLong());
        }
        QCOMPARE(total, sqlTotal);
        // Every day's bounds tile the range exactly.
        QCOMPARE(days->front().fromMs, filter.fromMs);
        QCOMPARE(days->back().toMs, filter.toMs);
        for (size_t i = 1; i < days->size(); ++i)
            QCOMPARE((*days)[i].fromMs, (*days)[i - 1].toMs);
    }

    void daily_data() {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");
        QTest::addColumn<QString>("narrow");
        QTest::addColumn<QString>(
            "expected"); // count|value|commission|credit|cash|upi|collections|cashIn|arrivals
        QTest::newRow("day 0") << 0 << 1 << QString()
                               << QStringLiteral("1|1200.00|60.00|1000.00|200.00|0.00|0.00|200.00|3");
        QTest::newRow("day 1") << 1 << 2 << QString()
                               << QStringLiteral("2|400.00|20.00|150.00|200.00|50.00|0.00|200.00|0");
        QTest::newRow("day 10") << 10 << 11 << QString()
                                << QStringLiteral("0|0.00|0.00|0.00|0.00|0.00|300.00|300.00|0");
        QTest::newRow("all, cashier")
            << 0 << 50 << QStringLiteral("cashier")
            << QStringLiteral("4|1900.00|95.00|1450.00|400.00|50.00|300.00|700.00|3");
        QTest::newRow("all, manager") << 0 << 50 << QStringLiteral("manager")
                                      << QStringLiteral("0|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0");
        QTest::newRow("all, terminal")
            << 0 << 50 << QStringLiteral("terminal")
            << QStringLiteral("4|1900.00|95.00|1450.00|400.00|50.00|300.00|700.00|3");
    }

    void daily() {
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        QFETCH(QString, narrow);
        QFETCH(QString, expected);
        const ReportFilter filter = filterFor(fromDay, toDay, narrow);
        auto r = SalesReports(f.store()).daily(filter);
        MARKET_REQUIRE_OK(r);
        const DaySummary& d = r->totals;
        const auto by = [](const std::map<QString, Money>& m, const char* k) {
            const auto it = m.find(QLatin1String(k));
            return it == m.end() ? Money{} : it->second;
        };
        const QString got =
            QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                .arg(d.salesCount)
                .arg(d.salesValue.toPlainString(), d.commission.toPlainString(),
                     d.creditGiven.toPlainString(), by(d.salesPaidByMethod, "cash").toPlainString(),
                     by(d.salesPaidByMethod, "upi").toPlainString(), d.collectionsValue.toPlainString(),
                     d.cashIn.toPlainString())
                .arg(d.arrivalsCount);
        QCOMPARE(got, expected);
        QCOMPARE(r->totals.buyerCharges, Money{});
        // The fixture's drawer is open at this terminal.
        QVERIFY(r->cashPosition.has_value());
        // Cross-check against plain SQL over the same file.
        const QStringList b{QString::number(filter.fromMs), QString::number(filter.toMs),
                            filter.cashierId ? filter.cashierId->toString() : QString()};
        QCOMPARE(
            d.salesValue.minor(),
            f.integer(QStringLiteral("SELECT coalesce(sum(total), 0) FROM sale WHERE created_at_ms >= ?1 "
                                     "AND created_at_ms < ?2 AND (?3 = '' OR cashier_id = ?3)"),
                      b));
        QCOMPARE(
            d.commission.minor(),
            f.integer(QStringLiteral("SELECT coalesce(sum(commission), 0) FROM sale_line WHERE sale_id IN "
                                     "(SELECT id FROM sale WHERE created_at_ms >= ?1 AND created_at_ms < ?2 "
                                     "AND (?3 = '' OR cashier_id = ?3))"),
                      b));
        QCOMPARE(
            d.collectionsValue.minor(),
            f.integer(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM collection WHERE at_ms >= ?1 AND "
                                     "at_ms < ?2 AND (?3 = '' OR cashier_id = ?3)"),
                      b));
        QCOMPARE(d.salesCount,
                 f.integer(QStringLiteral("SELECT count(*) FROM sale WHERE created_at_ms >= ?1 AND "
                                          "created_at_ms < ?2 AND (?3 = '' OR cashier_id = ?3)"),
                           b));
    }

    void cashPositionAfterClose() {
        MARKET_REQUIRE_OK(CashSessionService(f.store()).close(f.cashier, money(u"0")));
        auto r = SalesReports(f.store()).daily(filterFor(0, 50, QString()));
        MARKET_REQUIRE_OK(r);
        QVERIFY(!r->cashPosition.has_value());
    }

    void refusals_data() {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");
        QTest::newRow("empty") << 3 << 3;
        QTest::newRow("reversed") << 5 << 1;
    }

    void refusals() {
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        SalesReports reports(f.store());
        const ReportFilter filter{sc.day(fromDay), sc.day(toDay), {}, {}, {}, {}, {}};
        MARKET_REQUIRE_ERROR(reports.salesBy(SalesGrouping::Product, filter), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(reports.daily(filter), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(reports.commissionByDay(filter, QTimeZone::utc()), ErrorCode::InvalidInput);
        ReportFilter party{sc.day(0), sc.day(1), {}, {}, sc.anand.id, {}, {}};
        MARKET_REQUIRE_ERROR(reports.daily(party), ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSalesReports)
#include "tst_sales_reports.moc"
