// The farmers' running totals (farmer_balance, farmer_bucket) against their definition. Since
// schema v10 no trigger adds sold lines to them: insertSaleRows does, per sale on the counter that
// sells, and once per farmer and bucket for a whole page of the shop's feed (FeedApplier with
// FarmerSoldTotals). Here counter X sells a month of sales for a few farmers through its services
// (with returns and farmer payments, which keep their triggers) and counter Y applies X's feed in
// pages, one lot arriving late so that its sales are parked half-written and applied pages later.
// On both, the stored totals must equal a recomputation from the lines.
#include "FeedFixture.h"
#include "services/FarmerPaymentService.h"
#include "services/FarmerSoldTotals.h"
#include "services/FeedApplier.h"
#include "services/ForeignDocumentWriter.h"
#include "services/ReturnService.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace market::core;
using market::test::feedOf;
using market::test::StoreFixture;

namespace {
// Stored and recomputed, each as one comparable text.
const QString kStoredBalances = QStringLiteral(
    "SELECT group_concat(farmer_id || ':' || sold_amount || ':' || sold_commission || ':' || sold_net || ':' "
    "|| returned_amount || ':' || returned_commission || ':' || returned_net || ':' || paid, ',') FROM "
    "(SELECT * FROM farmer_balance ORDER BY farmer_id)");
const QString kRecomputedBalances = QStringLiteral(
    "SELECT group_concat(id || ':' || coalesce(sa, 0) || ':' || coalesce(sc, 0) || ':' || coalesce(sn, 0) || "
    "':' || coalesce(ra, 0) || ':' || coalesce(rc, 0) || ':' || coalesce(rn, 0) || ':' || coalesce(p, 0), "
    "',') FROM (SELECT f.id, s.sa, s.sc, s.sn, r.ra, r.rc, r.rn, p.p FROM "
    "(SELECT farmer_id AS id FROM sale_line UNION SELECT farmer_id FROM return_line UNION SELECT farmer_id "
    "FROM farmer_payment) f "
    "LEFT JOIN (SELECT farmer_id, sum(amount) sa, sum(commission) sc, sum(farmer_net) sn FROM sale_line "
    "GROUP BY farmer_id) s ON s.farmer_id = f.id "
    "LEFT JOIN (SELECT farmer_id, sum(amount) ra, sum(commission) rc, sum(farmer_net) rn FROM return_line "
    "GROUP BY farmer_id) r ON r.farmer_id = f.id "
    "LEFT JOIN (SELECT farmer_id, sum(amount) p FROM farmer_payment GROUP BY farmer_id) p ON p.farmer_id = "
    "f.id ORDER BY f.id)");
const QString kStoredBuckets = QStringLiteral(
    "SELECT group_concat(farmer_id || ':' || grain || ':' || bucket || ':' || net, ',') FROM (SELECT * FROM "
    "farmer_bucket ORDER BY farmer_id, grain, bucket)");
const QString kRecomputedBuckets = QStringLiteral(
    "SELECT group_concat(farmer_id || ':' || grain || ':' || bucket || ':' || net, ',') FROM (SELECT "
    "farmer_id, grain, bucket, sum(net) AS net FROM ("
    "SELECT l.farmer_id, 0 AS grain, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS INTEGER) "
    "AS bucket, l.farmer_net AS net FROM sale_line l JOIN sale s ON s.id = l.sale_id "
    "UNION ALL SELECT l.farmer_id, 1, s.created_at_ms / 86400000, l.farmer_net FROM sale_line l JOIN sale s "
    "ON s.id = l.sale_id "
    "UNION ALL SELECT r.farmer_id, 0, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS "
    "INTEGER), -r.farmer_net FROM return_line r JOIN sale_line l ON l.id = r.sale_line_id JOIN sale s ON "
    "s.id = l.sale_id "
    "UNION ALL SELECT r.farmer_id, 1, s.created_at_ms / 86400000, -r.farmer_net FROM return_line r JOIN "
    "sale_line l ON l.id = r.sale_line_id JOIN sale s ON s.id = l.sale_id"
    ") GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)");
} // namespace

class FeedTotalsTest : public QObject {
    Q_OBJECT

    StoreFixture m_x; ///< the counter that sells (terminal 1)
    StoreFixture m_y; ///< the counter that receives X's feed (terminal 2) of the same shop

    void compareWithDefinition(StoreFixture& f, const char* who) {
        const QString balances = f.scalar(kStoredBalances).toString();
        const QString buckets = f.scalar(kStoredBuckets).toString();
        QVERIFY2(!balances.isEmpty() && !buckets.isEmpty(), who);
        QVERIFY2(balances == f.scalar(kRecomputedBalances).toString(), who);
        QVERIFY2(buckets == f.scalar(kRecomputedBuckets).toString(), who);
    }

private slots:
    void initTestCase() {
        MARKET_REQUIRE_OK(m_x.setUp());
        const auto& shop = *m_x.store().identity();
        const Enrolment second{QStringLiteral("http://127.0.0.1:1"),   shop.shopId, shop.shopCode,
                               Uuid::createV7(StoreFixture::kStartMs), 2,           StoreFixture::kStartMs};
        MARKET_REQUIRE_OK(m_y.setUp(StoreFixture::Options{}, second));
    }

    /// The buckets computed in C++ are SQLite's, month ends and instants before 1970 included.
    void bucketsAreSqlitesBuckets() {
        for (const qint64 ms : {qint64(0), qint64(-1), qint64(-1'500), qint64(-86'400'001),
                                qint64(86'399'999), qint64(1'719'791'999'999), qint64(1'719'792'000'000),
                                qint64(1'709'251'199'000), StoreFixture::kStartMs}) {
            const QStringList at{QString::number(ms)};
            QCOMPARE(FarmerSoldTotals::monthBucket(ms),
                     m_y.integer(QStringLiteral("SELECT CAST(strftime('%Y%m', CAST(?1 AS INTEGER) / 1000, "
                                                "'unixepoch') AS INTEGER)"),
                                 at));
            QCOMPARE(FarmerSoldTotals::dayBucket(ms),
                     m_y.integer(QStringLiteral("SELECT CAST(?1 AS INTEGER) / 86400000"), at));
        }
    }

    /// No trigger fires on an inserted sold line any more (what makes a page of sales cheap).
    void soldLinesHaveNoInsertTrigger() {
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                                            "tbl_name = 'sale_line' AND sql LIKE '%INSERT ON%'")),
                 qint64(0));
    }

    /// A month of X's sales for three farmers (two lines each, often the same farmer twice in one
    /// bill), returns and farmer payments: X's totals (written per sale) and Y's (per page of the
    /// feed, a late lot's sales parked half-written and applied later) equal the recomputation and
    /// each other.
    void pagesOfManySalesForFewFarmersKeepExactTotals() {
        QRandomGenerator rng(20240628);
        auto product = m_x.product(QStringLiteral("Tomato"));
        MARKET_REQUIRE_OK(product);
        MARKET_REQUIRE_OK(m_x.flatRule(std::nullopt, 800));
        std::vector<Uuid> farmers;
        std::vector<Uuid> lots;
        for (int f = 0; f < 3; ++f) {
            auto farmer = m_x.farmer(QStringLiteral("Farmer %1").arg(f));
            MARKET_REQUIRE_OK(farmer);
            farmers.push_back(farmer->id);
            for (int l = 0; l < 2; ++l) {
                auto lot = m_x.lot(farmer->id, product->id, market::test::qty(u"100000.000"));
                MARKET_REQUIRE_OK(lot);
                lots.push_back(lot->id);
            }
        }
        // From 20 June to the middle of July: two month buckets and about 25 day buckets.
        m_x.clock.advanceMs(19LL * 24 * 3600 * 1000);
        std::vector<SaleDoc> sold;
        for (int i = 0; i < 240; ++i) {
            m_x.clock.advanceMs(qint64(rng.bounded(1, 4 * 3600)) * 1000);
            SaleRequest r;
            for (int l = 0; l < 2; ++l)
                r.lines.push_back(SaleLineRequest{lots[rng.bounded(int(lots.size()))],
                                                  Quantity::fromThousandths(rng.bounded(500, 20'000)),
                                                  Money::fromMinor(rng.bounded(500, 9'000))});
            r.payments.push_back(StoreFixture::pay(PaymentMethod::Cash, u"100000.00"));
            auto sale = m_x.sales().sell(m_x.cashier, r);
            MARKET_REQUIRE_OK(sale);
            sold.push_back(*sale);
            if (i % 40 == 39) {
                ReturnRequest back;
                back.saleId = sold[size_t(i - 7)].id;
                back.lines.push_back(
                    ReturnLineRequest{sold[size_t(i - 7)].lines.back().id, Quantity::fromThousandths(300)});
                back.reason = QStringLiteral("wilted");
                MARKET_REQUIRE_OK(ReturnService(m_x.store()).returnGoods(m_x.cashier, back));
                MARKET_REQUIRE_OK(FarmerPaymentService(m_x.store())
                                      .pay(m_x.manager, farmers[size_t(i / 40) % farmers.size()],
                                           FarmerPaymentKind::Advance, market::test::money(u"50.00"),
                                           PaymentMethod::Cash));
            }
        }
        compareWithDefinition(m_x, "X, the counter that sold");
        QVERIFY(m_x.integer(
                    QStringLiteral("SELECT count(DISTINCT bucket) FROM farmer_bucket WHERE grain = 0")) >= 2);
        QVERIFY(m_x.integer(QStringLiteral(
                    "SELECT count(DISTINCT bucket) FROM farmer_bucket WHERE grain = 1")) >= 20);

        // The last lot's arrival comes with the last page: its sales before that are parked.
        auto feed = feedOf(m_x);
        const QString lateLot = lots.back().toString();
        const auto late = std::find_if(feed.begin(), feed.end(), [&](const FeedChange& c) {
            return c.type == op::kLotReceived && c.id == lateLot;
        });
        QVERIFY(late != feed.end());
        const FeedChange arrival = *late;
        feed.erase(late);
        feed.push_back(arrival);
        FeedApplier applier(m_y.store());
        int parked = 0;
        int unparked = 0;
        QString cursor;
        for (size_t from = 0; from < feed.size(); from += 100) {
            const std::vector<FeedChange> page(feed.begin() + qsizetype(from),
                                               feed.begin() + qsizetype(std::min(feed.size(), from + 100)));
            cursor = QStringLiteral("e:%1").arg(from);
            auto stats = applier.applyPage(page, cursor);
            MARKET_REQUIRE_OK(stats);
            parked += stats->parked;
            unparked += stats->unparked;
        }
        QVERIFY2(parked > 10, "the late lot's sales waited");
        QVERIFY(unparked >= parked - 3); // Y's own users of the same names stay parked
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM sync_parked WHERE type <> ?1"),
                             {op::kUserUpsert}),
                 qint64(0));
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM sale")),
                 m_x.integer(QStringLiteral("SELECT count(*) FROM sale")));
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM sale_line")),
                 m_x.integer(QStringLiteral("SELECT count(*) FROM sale_line")));
        compareWithDefinition(m_y, "Y, the counter that applied the feed");
        QCOMPARE(m_y.scalar(kStoredBalances).toString(), m_x.scalar(kStoredBalances).toString());
        QCOMPARE(m_y.scalar(kStoredBuckets).toString(), m_x.scalar(kStoredBuckets).toString());

        // The feed once more in one page (a lost reply): nothing but the cursor moves.
        const QByteArray before = m_y.dump();
        auto again = applier.applyPage(feed, QStringLiteral("e:again"));
        MARKET_REQUIRE_OK(again);
        // Every document recorded once is a repeat (master data is applied again, unchanged).
        const auto once = std::count_if(feed.begin(), feed.end(), [](const FeedChange& c) {
            return !ForeignDocumentWriter::isReplaceable(c.type);
        });
        QCOMPARE(again->present, int(once));
        QByteArray after = m_y.dump();
        QCOMPARE(after.replace(QByteArray("e:again").toHex(), cursor.toUtf8().toHex()), before);
    }
};

QTEST_GUILESS_MAIN(FeedTotalsTest)
#include "tst_feed_totals.moc"
