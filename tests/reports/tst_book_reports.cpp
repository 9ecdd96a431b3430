// Lots on hand, stock turnover, buyer ageing, credit utilisation, farmer payables, expenses and
// the completion list: hand-computed figures and a plain SQL query over the same file.
#include "ReportScenario.h"
#include "services/reports/CreditReports.h"
#include "services/reports/ExpenseReports.h"
#include "services/reports/StockReports.h"

using namespace market::test;

class TestBookReports : public QObject {
    Q_OBJECT
    StoreFixture f;
    ReportScenario sc;

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }
    void init() {
        MARKET_REQUIRE_OK(f.reset());
        MARKET_REQUIRE_OK(sc.build(f));
    }

    void lotsOnHand_data() {
        QTest::addColumn<int>("asOfDay");
        QTest::addColumn<QString>("narrow");
        QTest::addColumn<QStringList>("expected"); // lot|age|received|sold|adjusted|left, oldest first
        QTest::newRow("day 45") << 45 << QString()
                                << QStringList{QStringLiteral("L1|45|100|12|0|88"),
                                               QStringLiteral("L2|45|50|15|2|33"),
                                               QStringLiteral("L3|45|20|4|0|16")};
        QTest::newRow("day 0, farmer Ramu")
            << 0 << QStringLiteral("farmer:ramu")
            << QStringList{QStringLiteral("L1|0|100|12|0|88"), QStringLiteral("L3|0|20|4|0|16")};
        QTest::newRow("marigold") << 7 << QStringLiteral("product:marigold")
                                  << QStringList{QStringLiteral("L2|7|50|15|2|33"),
                                                 QStringLiteral("L3|7|20|4|0|16")};
    }

    void lotsOnHand() {
        QFETCH(int, asOfDay);
        QFETCH(QString, narrow);
        QFETCH(QStringList, expected);
        ReportFilter filter;
        if (narrow == u"farmer:ramu")
            filter.farmerId = sc.ramu.id;
        if (narrow == u"product:marigold")
            filter.productId = sc.marigold.id;
        auto rows = StockReports(f.store()).lotsOnHand(sc.day(asOfDay), filter);
        MARKET_REQUIRE_OK(rows);
        const QHash<QString, QString> names{{sc.l1.code, QStringLiteral("L1")},
                                            {sc.l2.code, QStringLiteral("L2")},
                                            {sc.l3.code, QStringLiteral("L3")}};
        QStringList got;
        for (const auto& r : *rows)
            got << QStringLiteral("%1|%2|%3|%4|%5|%6")
                       .arg(names.value(r.lotCode))
                       .arg(r.ageDays)
                       .arg(r.received.toString(), r.sold.toString(), r.adjusted.toString(),
                            r.left.toString());
        QCOMPARE(got, expected);
        // Cross-check every lot's left against received − Σ sold − Σ adjusted in plain SQL.
        for (const auto& r : *rows)
            QCOMPARE(
                r.left.thousandths(),
                f.integer(QStringLiteral("SELECT received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_line "
                                         "WHERE lot_id = ?1) - (SELECT coalesce(sum(qty), 0) FROM "
                                         "stock_adjustment WHERE lot_id = ?1) FROM lot WHERE id = ?1"),
                          {r.lotId.toString()}));
        if (narrow.isEmpty())
            QCOMPARE(qint64(rows->size()),
                     f.integer(QStringLiteral("SELECT count(*) FROM lot WHERE status = 'active'")));
    }

    void lotSoldOutIsNotOnHand() {
        auto sold = f.sales().sell(f.cashier, SaleRequest{std::nullopt,
                                                          {},
                                                          {},
                                                          {StoreFixture::line(sc.l3.id, u"16", u"10")},
                                                          {StoreFixture::pay(PaymentMethod::Cash, u"160")},
                                                          {}});
        MARKET_REQUIRE_OK(sold);
        auto rows = StockReports(f.store()).lotsOnHand(sc.day(45));
        MARKET_REQUIRE_OK(rows);
        QCOMPARE(rows->size(), size_t{2});
        for (const auto& r : *rows)
            QVERIFY(r.lotId != sc.l3.id);
    }

    void turnover_data() {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");
        QTest::addColumn<QStringList>("expected"); // name|received|sold|adjusted|bp
        QTest::newRow("all") << 0 << 50
                             << QStringList{QStringLiteral("Rose|100|12|0|1200"),
                                            QStringLiteral("బంతి పూలు, yellow|70|19|2|2714")};
        QTest::newRow("day 1 to 50: sold, nothing received")
            << 1 << 50
            << QStringList{QStringLiteral("Rose|0|2|0|"), QStringLiteral("బంతి పూలు, yellow|0|14|2|")};
        QTest::newRow("quiet days") << 11 << 39 << QStringList{};
    }

    void turnover() {
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        QFETCH(QStringList, expected);
        const ReportFilter filter{sc.day(fromDay), sc.day(toDay), {}, {}, {}, {}, {}};
        auto rows = StockReports(f.store()).turnover(filter);
        MARKET_REQUIRE_OK(rows);
        QStringList got;
        for (const auto& r : *rows) {
            got << QStringLiteral("%1|%2|%3|%4|%5")
                       .arg(r.name, r.received.toString(), r.sold.toString(), r.adjusted.toString(),
                            r.turnoverBp ? QString::number(*r.turnoverBp) : QString());
            const QStringList b{QString::number(filter.fromMs), QString::number(filter.toMs),
                                r.productId.toString()};
            QCOMPARE(r.sold.thousandths(),
                     f.integer(QStringLiteral(
                                   "SELECT coalesce(sum(qty), 0) FROM sale_line WHERE product_id = ?3 AND "
                                   "sale_id IN (SELECT id FROM sale WHERE created_at_ms >= ?1 AND "
                                   "created_at_ms < ?2)"),
                               b));
            QCOMPARE(r.received.thousandths(),
                     f.integer(QStringLiteral(
                                   "SELECT coalesce(sum(received_qty), 0) FROM lot WHERE product_id = ?3 "
                                   "AND received_at_ms >= ?1 AND received_at_ms < ?2"),
                               b));
            if (r.turnoverBp) // integer division in SQL is the same floor for positive numbers
                QCOMPARE(*r.turnoverBp, f.integer(QStringLiteral("SELECT ?1 * 10000 / ?2"),
                                                  {QString::number(r.sold.thousandths()),
                                                   QString::number(r.received.thousandths())}));
        }
        got.sort();
        QCOMPARE(got, expected);
    }

    void ageing_data() {
        QTest::addColumn<int>("asOfDay");
        QTest::addColumn<QStringList>("expected"); // name|outstanding|0-7|8-30|31-60|>60|oldest
        QTest::newRow("day 45")
            << 45
            << QStringList{QStringLiteral("Anand Traders|1000.00|300.00|0.00|700.00|0.00|45"),
                           QStringLiteral("Bala \"Grand\" Hotel|150.00|0.00|0.00|150.00|0.00|43")};
        QTest::newRow("day 48: the 8-day edge")
            << 48
            << QStringList{QStringLiteral("Anand Traders|1000.00|0.00|300.00|700.00|0.00|48"),
                           QStringLiteral("Bala \"Grand\" Hotel|150.00|0.00|0.00|150.00|0.00|46")};
        QTest::newRow("day 61: over 60")
            << 61
            << QStringList{QStringLiteral("Anand Traders|1000.00|0.00|300.00|0.00|700.00|61"),
                           QStringLiteral("Bala \"Grand\" Hotel|150.00|0.00|0.00|150.00|0.00|59")};
    }

    void ageing() {
        QFETCH(int, asOfDay);
        QFETCH(QStringList, expected);
        const qint64 asOf = sc.day(asOfDay) + 60'000; // a minute after the day's sales
        auto rows = CreditReports(f.store()).ageing(asOf);
        MARKET_REQUIRE_OK(rows);
        QStringList got;
        for (const auto& r : *rows)
            got << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                       .arg(r.name, r.outstanding.toPlainString(), r.buckets[Age0To7].toPlainString(),
                            r.buckets[Age8To30].toPlainString(), r.buckets[Age31To60].toPlainString(),
                            r.buckets[AgeOver60].toPlainString())
                       .arg(r.oldestOpenDays);
        QCOMPARE(got, expected);
        // Independent: each credit's open part is its amount less what collections allocated to it,
        // bucketed by its own age — no FIFO reasoning.
        const auto sql =
            f.rows(QStringLiteral(
                       "SELECT p.name, "
                       "  sum(CASE WHEN age <= 7 THEN open ELSE 0 END), sum(CASE WHEN age BETWEEN 8 AND 30 "
                       "THEN open ELSE 0 END), "
                       "  sum(CASE WHEN age BETWEEN 31 AND 60 THEN open ELSE 0 END), sum(CASE WHEN age > 60 "
                       "THEN open ELSE 0 END) "
                       "FROM (SELECT c.buyer_id, (?1 - c.created_at_ms) / 86400000 AS age, c.amount - "
                       "(SELECT coalesce(sum(a.amount), "
                       "0) FROM collection_allocation a WHERE a.credit_id = c.id) AS open FROM credit c) x "
                       "JOIN party p ON p.id = x.buyer_id WHERE open > 0 GROUP BY p.id ORDER BY p.name"),
                   {QString::number(asOf)});
        QCOMPARE(sql.size(), qsizetype(rows->size()));
        for (const auto& s : sql) {
            const auto it = std::find_if(rows->begin(), rows->end(),
                                         [&](const AgeingRow& r) { return r.name == s[0].toString(); });
            QVERIFY(it != rows->end());
            for (int b = 0; b < kAgeingBuckets; ++b)
                QCOMPARE(it->buckets[size_t(b)].minor(), s[b + 1].toLongLong());
        }
        // One buyer only.
        ReportFilter one;
        one.buyerId = sc.bala.id;
        auto bala = CreditReports(f.store()).ageing(asOf, one);
        MARKET_REQUIRE_OK(bala);
        QCOMPARE(bala->size(), size_t{1});
        QCOMPARE(bala->front().outstanding, money(u"150"));
    }

    void ageingBuckets_data() {
        QTest::addColumn<qint64>("days");
        QTest::addColumn<int>("bucket");
        QTest::newRow("0") << qint64(0) << int(Age0To7);
        QTest::newRow("7") << qint64(7) << int(Age0To7);
        QTest::newRow("8") << qint64(8) << int(Age8To30);
        QTest::newRow("30") << qint64(30) << int(Age8To30);
        QTest::newRow("31") << qint64(31) << int(Age31To60);
        QTest::newRow("60") << qint64(60) << int(Age31To60);
        QTest::newRow("61") << qint64(61) << int(AgeOver60);
    }

    void ageingBuckets() {
        QFETCH(qint64, days);
        QFETCH(int, bucket);
        QCOMPARE(ageingBucket(days), bucket);
    }

    void utilisation() {
        auto rows = CreditReports(f.store()).utilisation();
        MARKET_REQUIRE_OK(rows);
        QStringList got;
        for (const auto& r : *rows)
            got << QStringLiteral("%1|%2|%3|%4")
                       .arg(r.name, r.creditLimit.toPlainString(), r.outstanding.toPlainString(),
                            r.utilisationBp ? QString::number(*r.utilisationBp) : QString());
        QCOMPARE(got, (QStringList{QStringLiteral("Anand Traders|10000.00|1000.00|1000"),
                                   QStringLiteral("Bala \"Grand\" Hotel|5000.00|150.00|300")}));
        for (const auto& r : *rows)
            QCOMPARE(
                *r.utilisationBp,
                f.integer(QStringLiteral(
                              "SELECT ((SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1) "
                              "- (SELECT coalesce(sum(amount), 0) FROM collection WHERE buyer_id = ?1)) "
                              "* 10000 / credit_limit FROM party WHERE id = ?1"),
                          {r.buyerId.toString()}));
    }

    void payables() {
        CreditReports reports(f.store());
        auto all = reports.farmerPayables();
        MARKET_REQUIRE_OK(all);
        QStringList got;
        for (const auto& r : *all)
            got << QStringLiteral("%1|%2|%3|%4|%5")
                       .arg(r.name, r.soldValue.toPlainString(), r.commission.toPlainString(),
                            r.paid.toPlainString(), r.payable.toPlainString());
        got.sort();
        QCOMPARE(got, (QStringList{QStringLiteral("Ramu, \"Rose\" Reddy|1400.00|70.00|100.00|1230.00"),
                                   QStringLiteral("సీత|500.00|25.00|0.00|475.00")}));
        for (const auto& farmer : {sc.ramu.id, sc.sita.id}) {
            ReportFilter one;
            one.farmerId = farmer;
            auto r = reports.farmerPayables(one);
            MARKET_REQUIRE_OK(r);
            QCOMPARE(r->size(), size_t{1});
            QCOMPARE(
                r->front().payable.minor(),
                f.integer(QStringLiteral("SELECT (SELECT coalesce(sum(farmer_net), 0) FROM sale_line WHERE "
                                         "farmer_id = ?1) - (SELECT coalesce(sum(amount), 0) FROM "
                                         "farmer_payment WHERE farmer_id = ?1)"),
                          {farmer.toString()}));
            auto viaService = FarmerPaymentService(f.store()).payable(farmer);
            MARKET_REQUIRE_OK(viaService);
            QCOMPARE(r->front().payable, *viaService);
        }
    }

    void expenses_data() {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");
        QTest::addColumn<bool>("cashierOnly");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << 0 << 50 << false
                             << QStringList{QStringLiteral("rent|bank|1|12000.00"),
                                            QStringLiteral("wage|cash|1|450.00")};
        QTest::newRow("cashier") << 0 << 50 << true << QStringList{QStringLiteral("wage|cash|1|450.00")};
        QTest::newRow("day 40") << 40 << 41 << false << QStringList{QStringLiteral("rent|bank|1|12000.00")};
        QTest::newRow("none") << 3 << 40 << false << QStringList{};
    }

    void expenses() {
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        QFETCH(bool, cashierOnly);
        QFETCH(QStringList, expected);
        ReportFilter filter{sc.day(fromDay), sc.day(toDay), {}, {}, {}, {}, {}};
        if (cashierOnly)
            filter.cashierId = f.cashier.userId;
        auto rows = ExpenseReports(f.store()).byCategoryAndMethod(filter);
        MARKET_REQUIRE_OK(rows);
        QStringList got;
        for (const auto& r : *rows)
            got << QStringLiteral("%1|%2|%3|%4")
                       .arg(r.category, r.method)
                       .arg(r.count)
                       .arg(r.amount.toPlainString());
        QCOMPARE(got, expected);
        const auto sql =
            f.rows(QStringLiteral("SELECT category || '|' || method || '|' || count(*) || '|' || "
                                  "printf('%d.%02d', sum(amount) / 100, sum(amount) % 100) FROM expense "
                                  "WHERE at_ms >= ?1 AND at_ms < ?2 AND (?3 = '' OR recorded_by = ?3) "
                                  "GROUP BY category, method ORDER BY category, method"),
                   {QString::number(filter.fromMs), QString::number(filter.toMs),
                    cashierOnly ? f.cashier.userId.toString() : QString()});
        QStringList sqlText;
        for (const auto& r : sql)
            sqlText << r[0].toString();
        QCOMPARE(got, sqlText);
    }

    void completionAndConfirm() {
        // The list exists in ReportService; a manager's confirmation moves one leg.
        auto before = f.reports().completion(sc.day(0), sc.day(50));
        MARKET_REQUIRE_OK(before);
        QCOMPARE(qint64(before->size()), f.integer(QStringLiteral("SELECT count(*) FROM sale")));
        MARKET_REQUIRE_OK(f.sales().confirmCommission(f.manager, sc.s2.id));
        auto after = f.reports().completion(sc.day(0), sc.day(50));
        MARKET_REQUIRE_OK(after);
        for (const auto& r : *after) {
            QCOMPARE(
                r.commissionConfirmed,
                f.integer(QStringLiteral("SELECT count(*) FROM commission_confirmation WHERE sale_id = ?1"),
                          {r.saleId.toString()}) == 1);
            QCOMPARE(r.buyerPaid,
                     f.integer(QStringLiteral("SELECT s.credit <= (SELECT coalesce(sum(a.amount), 0) "
                                              "FROM credit c JOIN collection_allocation a ON a.credit_id "
                                              "= c.id WHERE c.sale_id = s.id) FROM sale s WHERE s.id = ?1"),
                               {r.saleId.toString()}) == 1);
        }
        QVERIFY(std::any_of(after->begin(), after->end(), [&](const CompletionRow& r) {
            return r.saleId == sc.s2.id && r.commissionConfirmed && r.buyerPaid;
        }));
    }

    void refusals() {
        const ReportFilter empty{sc.day(4), sc.day(4), {}, {}, {}, {}, {}};
        MARKET_REQUIRE_ERROR(StockReports(f.store()).turnover(empty), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(ExpenseReports(f.store()).byCategoryAndMethod(empty), ErrorCode::InvalidInput);
        ReportFilter party{sc.day(0), sc.day(4), {}, {}, sc.anand.id, {}, {}};
        MARKET_REQUIRE_ERROR(StockReports(f.store()).turnover(party), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(ExpenseReports(f.store()).byCategoryAndMethod(party), ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestBookReports)
#include "tst_book_reports.moc"
