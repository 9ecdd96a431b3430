// CSV exports: RFC 4180 quoting, UTF-8, plain decimals; round-tripped through a small parser.
#include "ReportScenario.h"
#include "services/reports/Csv.h"

using namespace market::test;

namespace {
// A strict RFC 4180 reader, written independently of the writer: records end in CRLF; a quoted
// field may hold commas, CR, LF and doubled quotes. Fails the parse on anything malformed.
std::optional<QList<QStringList>> parseCsv(const QByteArray& bytes) {
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::nullopt; // not valid UTF-8
    QList<QStringList> records;
    QStringList record;
    QString fieldText;
    qsizetype i = 0;
    bool quoted = false, afterQuote = false;
    while (i < text.size()) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    fieldText += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                afterQuote = true;
            } else {
                fieldText += c;
            }
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!fieldText.isEmpty() || afterQuote)
                return std::nullopt; // a quote inside an unquoted field
            quoted = true;
        } else if (c == u',') {
            record << fieldText;
            fieldText.clear();
            afterQuote = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text[i + 1] != u'\n')
                return std::nullopt;
            record << fieldText;
            records << record;
            record.clear();
            fieldText.clear();
            afterQuote = false;
            ++i;
        } else if (c == u'\n') {
            return std::nullopt; // bare LF outside quotes
        } else {
            if (afterQuote)
                return std::nullopt;
            fieldText += c;
        }
        ++i;
    }
    if (quoted || !record.isEmpty() || !fieldText.isEmpty())
        return std::nullopt; // unterminated
    return records;
}
} // namespace

class TestReportCsv : public QObject {
    Q_OBJECT
    StoreFixture f;
    ReportScenario sc;

private slots:
    void initTestCase() {
        MARKET_REQUIRE_OK(f.setUp());
        MARKET_REQUIRE_OK(sc.build(f));
    }

    void field_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain") << QStringLiteral("Rose") << QStringLiteral("Rose");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("telugu") << QStringLiteral("సీత") << QStringLiteral("సీత");
        QTest::newRow("spaces kept") << QStringLiteral(" x ") << QStringLiteral(" x ");
        QTest::newRow("money") << QStringLiteral("1234.50") << QStringLiteral("1234.50");
    }

    void field() {
        QFETCH(QString, value);
        QFETCH(QString, encoded);
        QCOMPARE(csv::field(value), encoded);
    }

    void roundTripTrickyNames() {
        const QStringList tricky{QStringLiteral("Ramu, \"Rose\" Reddy"),
                                 QStringLiteral("Bala\nHotel"),
                                 QStringLiteral("బంతి పూలు, yellow"),
                                 QStringLiteral("\"\""),
                                 QStringLiteral("line1\r\nline2"),
                                 QStringLiteral(","),
                                 QString()};
        QList<QStringList> rows;
        for (const auto& t : tricky)
            rows.append({t, QStringLiteral("1234.50"), QStringLiteral("12.5")});
        const QByteArray bytes =
            csv::document({QStringLiteral("name"), QStringLiteral("amount"), QStringLiteral("qty")}, rows);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // no BOM
        QVERIFY(bytes.endsWith("\r\n"));
        const auto parsed = parseCsv(bytes);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->size(), rows.size() + 1);
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(parsed->at(i + 1), rows[i]);
    }

    void salesReportRoundTrip() {
        const ReportFilter all{sc.day(0), sc.day(50), {}, {}, {}, {}, {}};
        for (const auto g :
             {SalesGrouping::Product, SalesGrouping::Farmer, SalesGrouping::Buyer, SalesGrouping::Cashier}) {
            auto rows = SalesReports(f.store()).salesBy(g, all);
            MARKET_REQUIRE_OK(rows);
            const auto parsed = parseCsv(csv::sales(g, *rows));
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->size(), qsizetype(rows->size()) + 1);
            QCOMPARE(parsed->front(),
                     (QStringList{salesGroupingName(g) + QStringLiteral("_id"), QStringLiteral("code"),
                                  QStringLiteral("name"), QStringLiteral("sales"), QStringLiteral("qty"),
                                  QStringLiteral("amount"), QStringLiteral("commission")}));
            for (size_t i = 0; i < rows->size(); ++i) {
                const QStringList& r = parsed->at(qsizetype(i) + 1);
                QCOMPARE(r[2], (*rows)[i].name);
                QCOMPARE(Money::parse(r[5]), std::optional<Money>((*rows)[i].amount));
                QCOMPARE(Quantity::parse(r[4]), std::optional<Quantity>((*rows)[i].qty));
            }
        }
        auto byFarmer = SalesReports(f.store()).salesBy(SalesGrouping::Farmer, all);
        MARKET_REQUIRE_OK(byFarmer);
        const QByteArray bytes = csv::sales(SalesGrouping::Farmer, *byFarmer);
        QVERIFY(bytes.contains("\"Ramu, \"\"Rose\"\" Reddy\",3,16,1400.00,70.00\r\n"));
        QVERIFY(bytes.contains(QStringLiteral(",సీత,2,15,500.00,25.00\r\n").toUtf8()));
    }

    void everyExportParses() {
        const QTimeZone zone(QByteArrayLiteral("Asia/Kolkata"));
        const ReportFilter all{sc.day(0), sc.day(50), {}, {}, {}, {}, {}};
        std::vector<std::pair<const char*, QByteArray>> docs;
        auto daily = SalesReports(f.store()).daily(all);
        MARKET_REQUIRE_OK(daily);
        docs.emplace_back("daily", csv::daily(*daily, zone));
        auto days = SalesReports(f.store()).commissionByDay(all, zone);
        MARKET_REQUIRE_OK(days);
        docs.emplace_back("commission", csv::commissionByDay(*days));
        auto lots = StockReports(f.store()).lotsOnHand(sc.day(45));
        MARKET_REQUIRE_OK(lots);
        docs.emplace_back("lots", csv::lotsOnHand(*lots, zone));
        auto turnover = StockReports(f.store()).turnover(all);
        MARKET_REQUIRE_OK(turnover);
        docs.emplace_back("turnover", csv::turnover(*turnover));
        auto ageing = CreditReports(f.store()).ageing(sc.day(45));
        MARKET_REQUIRE_OK(ageing);
        docs.emplace_back("ageing", csv::ageing(*ageing));
        auto util = CreditReports(f.store()).utilisation();
        MARKET_REQUIRE_OK(util);
        docs.emplace_back("utilisation", csv::utilisation(*util));
        auto payables = CreditReports(f.store()).farmerPayables();
        MARKET_REQUIRE_OK(payables);
        docs.emplace_back("payables", csv::payables(*payables));
        auto expenses = ExpenseReports(f.store()).byCategoryAndMethod(all);
        MARKET_REQUIRE_OK(expenses);
        docs.emplace_back("expenses", csv::expenses(*expenses));
        auto completion = f.reports().completion(all.fromMs, all.toMs);
        MARKET_REQUIRE_OK(completion);
        docs.emplace_back("completion", csv::completion(*completion, zone));
        auto session = CashSessionService(f.store()).openSession();
        MARKET_REQUIRE_OK(session);
        QVERIFY(session->has_value());
        auto x = CashSessionService(f.store()).report(**session);
        MARKET_REQUIRE_OK(x);
        docs.emplace_back("cash session", csv::cashSession(*x, zone));
        for (const auto& [name, bytes] : docs) {
            const auto parsed = parseCsv(bytes);
            QVERIFY2(parsed.has_value(), name);
            QVERIFY2(parsed->size() >= 2, name);
            for (const auto& r : *parsed)
                QVERIFY2(r.size() == parsed->front().size(), name); // rectangular
        }
        // Spot values: quotes in a name are doubled inside a quoted field.
        QVERIFY(csv::ageing(*ageing).contains(
            "\"Bala \"\"Grand\"\" Hotel\",5000.00,150.00,0.00,0.00,150.00,0.00,"));
        QVERIFY(csv::lotsOnHand(*lots, zone).contains("2024-06-01 09:30:00,45,100,12,0,88\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestReportCsv)
#include "tst_report_csv.moc"
