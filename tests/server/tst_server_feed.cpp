// The change feed under concurrency: eight terminals push in parallel while a reader pulls in a
// loop; the reader must end up with every change exactly once, in position order, no gaps.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <atomic>
#include <thread>

using namespace market;
using namespace market::server::test;

class TestServerFeed : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mfeed-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;
    ShopFixture m_shop;
    QString m_lastPullError;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_shop = createShop(*m_server, QStringLiteral("FEED1"), QStringLiteral("owner-f"));
        QVERIFY(!m_shop.id.isEmpty());
    }

    void cleanupTestCase() {
        if (m_server)
            m_server->stop();
    }

    void parallelPushersAndPullingReaderSeeEverythingOnce() {
        constexpr int kTerminals = 8;
        constexpr int kBatches = 15;
        constexpr int kSalesPerBatch = 4;
        std::vector<TerminalClient> terminals;
        for (int i = 0; i < kTerminals; ++i) {
            auto t = enrol(*m_server, m_shop.code);
            QVERIFY(t);
            terminals.push_back(*t);
        }
        auto reader = enrol(*m_server, m_shop.code);
        QVERIFY(reader);

        std::atomic<int> failures{0};
        std::atomic<bool> done{false};
        std::vector<std::thread> pushers;
        for (auto& t : terminals)
            pushers.emplace_back([&, &t = t] {
                const auto farmer = party(t.shopId, core::PartyKind::Farmer);
                const auto prod = product(t.shopId);
                const auto l = lot(t, farmer.id, prod.id, 1'000'000);
                if (t.push(*m_server, {t.op(core::op::kPartyUpsert, farmer.toJson()),
                                       t.op(core::op::kProductUpsert, prod.toJson()),
                                       t.op(core::op::kLotReceived, l.toJson())})
                        .status != 200)
                    ++failures;
                for (int b = 0; b < kBatches; ++b) {
                    std::vector<protocol::OutboxOp> ops;
                    for (int i = 0; i < kSalesPerBatch; ++i)
                        ops.push_back(t.op(core::op::kSaleRecorded, sale(t, {{l, 1'000}}, 2000).toJson()));
                    if (t.push(*m_server, ops).status != 200)
                        ++failures;
                }
            });

        QList<qint64> positions;
        QList<QString> ids;
        QString cursor;
        const auto pullOnce = [&] {
            bool more = true;
            while (more) {
                const auto r = m_server->get(QStringLiteral("/api/v1/sync/pull?limit=7&cursor=") +
                                                 QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
                                             reader->authorization());
                if (r.status != 200) {
                    m_lastPullError = QString::number(r.status) + u' ' + QString::fromUtf8(r.body);
                    return false;
                }
                for (const auto& c : r.json.value(QStringLiteral("changes")).toArray()) {
                    positions << c.toObject().value(QStringLiteral("position")).toInteger();
                    ids << c.toObject().value(QStringLiteral("type")).toString() + u':' +
                               c.toObject().value(QStringLiteral("id")).toString();
                }
                cursor = r.json.value(QStringLiteral("cursor")).toString();
                more = r.json.value(QStringLiteral("hasMore")).toBool();
            }
            return true;
        };
        std::thread pusherJoin([&] {
            for (auto& p : pushers)
                p.join();
            done = true;
        });
        int loops = 0;
        bool pullsOk = true;
        while (!done && pullsOk) {
            pullsOk = pullOnce();
            ++loops;
        }
        pusherJoin.join(); // before any QVERIFY can return
        QVERIFY2(pullsOk, qPrintable(m_lastPullError));
        QVERIFY2(pullOnce(), qPrintable(m_lastPullError)); // the tail after the last commit
        QCOMPARE(failures.load(), 0);
        QVERIFY2(loops > 1, "the reader should have pulled while pushes were running");

        // Exactly once, in order, without gaps.
        for (int i = 0; i < positions.size(); ++i)
            QCOMPARE(positions[i], qint64(i + 1));
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // And equal to the tables' contents.
        const qint64 sales = countRows(*m_server, "SELECT count(*) FROM sales");
        QCOMPARE(sales, qint64(kTerminals * kBatches * kSalesPerBatch));
        QCOMPARE(qint64(ids.filter(QStringLiteral("sale.recorded:")).size()), sales);
        QCOMPARE(qint64(ids.size()), countRows(*m_server, "SELECT count(*) FROM feed"));
        QCOMPARE(countRows(*m_server,
                           "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM feed f WHERE "
                           "f.entity_id = s.id AND f.type = 'sale.recorded')"),
                 qint64(0));
    }

    void staleCursorRefused() {
        auto t = enrol(*m_server, m_shop.code);
        QVERIFY(t);
        const auto r =
            m_server->get(QStringLiteral("/api/v1/sync/pull?cursor=01900000-0000-7000-8000-000000000009:5"),
                          t->authorization());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("stale_cursor"));
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/sync/pull?cursor=garbage"), t->authorization()).status,
                 400);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/sync/pull?limit=0"), t->authorization()).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestServerFeed)
#include "tst_server_feed.moc"
