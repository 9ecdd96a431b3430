// The counter's sync engine, pull side, end to end: a real market-server (embedded PostgreSQL) on
// 127.0.0.1, two counters of one shop (two SQLite files made through the services) and the real
// OS keychain. Both counters sell offline from the same lot to the same buyer; after they sync
// they agree with each other and with the server, and both list the server's oversold anomaly.
#include "CounterFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <engine/SyncEngine.h>
#include <services/ArrivalService.h>
#include <services/CatalogService.h>
#include <services/FarmerPaymentService.h>
#include <services/FeedApplier.h>
#include <services/PartyService.h>
#include <services/PriceService.h>
#include <services/SaleService.h>
#include <services/SetupService.h>
#include <store/Outbox.h>
#include <store/ReportIndexes.h>
#include <store/Store.h>

#ifndef MARKETCTL_BINARY
#error "MARKETCTL_BINARY must point at marketctl"
#endif

using namespace market;
using namespace market::core;
using market::server::test::ServerProcess;
using market::sync::DeviceKeychain;
using market::sync::PullOutcome;
using market::sync::PushOutcome;
using market::sync::SyncEngine;
using market::sync::SyncOptions;
using market::sync::test::serverUrl;

namespace {
const QString kShop = QStringLiteral("PULL1");
using market::sync::test::Counter;
using market::sync::test::countersFigures;
using market::sync::test::Figures;
using market::sync::test::serversFigures;
using market::sync::test::text;
} // namespace

class SyncPullTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
    const DeviceKeychain m_keychain{sync::test::keychainService()};
    Counter m_a;
    Counter m_b;
    Uuid m_farmer, m_product, m_buyer, m_lot; ///< made by the first test on A

    /// Enrols `c` in the shop with a fresh one-time code and sets it up with its own owner.
    bool join(Counter& c, const QString& enrolCode, const QString& ownerName, int number) {
        return sync::test::joinShop(c, *m_server, m_keychain, kShop, enrolCode, ownerName,
                                    QStringLiteral("Counter %1").arg(number));
    }

    /// Push then pull, as one engine cycle does; fails the test on anything but success.
    PullOutcome sync(Counter& c) {
        SyncEngine engine(*c.store, m_keychain, SyncOptions{});
        const PushOutcome pushed = engine.pushAll();
        if (pushed.kind != PushOutcome::Kind::Done) {
            PullOutcome failed;
            failed.kind = pushed.kind;
            failed.message = QStringLiteral("push: ") + pushed.message;
            return failed;
        }
        return engine.pullAll();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_serverDir.isValid());
        REQUIRE_OK(m_keychain.probe());
        m_server = std::make_unique<ServerProcess>(m_serverDir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        const QString codeA = sync::test::newShopWithEnrolCode(*m_server, kShop);
        QVERIFY(!codeA.isEmpty());
        const auto codeB = m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), kShop});
        QVERIFY(codeB);
        // Each counter has its own owner login: a username is one person across the shop.
        QVERIFY(join(m_a, codeA, QStringLiteral("owner-a"), 1));
        QVERIFY(join(m_b, codeB->value(QStringLiteral("code")).toString(), QStringLiteral("owner-b"), 2));
    }

    void cleanupTestCase() { m_server.reset(); }

    void twoCountersSellingOfflineFromOneLotAgreeWithTheServer() {
        // A: the catalogue, a buyer with credit, a farmer, and an arrival of 10 kg.
        auto farmer =
            PartyService(*m_a.store)
                .create(m_a.owner, NewPartyRequest{PartyKind::Farmer, {}, QStringLiteral("Ramesh"), {}, {}});
        auto buyer = PartyService(*m_a.store)
                         .create(m_a.owner, NewPartyRequest{PartyKind::Buyer,
                                                            {},
                                                            QStringLiteral("Suresh Traders"),
                                                            {},
                                                            Money::fromMinor(10'000'000)});
        auto product =
            CatalogService(*m_a.store)
                .createProduct(m_a.owner, NewProductRequest{
                                              {}, QStringLiteral("Tomato"), Category::Vegetable, Unit::Kg});
        REQUIRE_OK(farmer);
        REQUIRE_OK(buyer);
        REQUIRE_OK(product);
        CommissionRule rule;
        rule.kind = CommissionKind::Flat;
        rule.flatRateBp = 800;
        REQUIRE_OK(CatalogService(*m_a.store).setCommissionRule(m_a.owner, std::nullopt, rule));
        ArrivalRequest arrival;
        arrival.farmerId = farmer->id;
        arrival.productId = product->id;
        arrival.netQty = Quantity::fromThousandths(10'000);
        auto lot = ArrivalService(*m_a.store).recordArrival(m_a.owner, arrival);
        REQUIRE_OK(lot);
        m_farmer = farmer->id;
        m_product = product->id;
        m_buyer = buyer->id;
        m_lot = lot->id;

        // After a sync, B sees the lot and sells from it.
        PullOutcome a1 = sync(m_a);
        QVERIFY2(a1.kind == PullOutcome::Kind::Done, qPrintable(a1.message));
        PullOutcome b1 = sync(m_b);
        QVERIFY2(b1.kind == PullOutcome::Kind::Done, qPrintable(b1.message));
        QVERIFY(b1.applied >= 6); // shop, terminal, user, parties, product, rule, lot
        QCOMPARE(b1.parked, qint64(0));
        auto seen = ArrivalService(*m_b.store).lot(lot->id);
        REQUIRE_OK(seen);
        QCOMPARE(seen->left.thousandths(), qint64(10'000));
        REQUIRE_OK(sync::test::sellCredit(m_b, lot->id, buyer->id, 2'000));
        PullOutcome b2 = sync(m_b);
        QVERIFY2(b2.kind == PullOutcome::Kind::Done, qPrintable(b2.message));
        PullOutcome a2 = sync(m_a);
        QVERIFY2(a2.kind == PullOutcome::Kind::Done, qPrintable(a2.message));
        QCOMPARE(ArrivalService(*m_a.store).lot(lot->id)->left.thousandths(), qint64(8'000));

        // Offline, both sell from what each believes is left (8 kg): 6 kg + 5 kg > 8 kg.
        REQUIRE_OK(sync::test::sellCredit(m_a, lot->id, buyer->id, 6'000));
        REQUIRE_OK(sync::test::sellCredit(m_b, lot->id, buyer->id, 5'000));
        REQUIRE_OK(FarmerPaymentService(*m_b.store)
                       .pay(m_b.owner, farmer->id, FarmerPaymentKind::Advance, Money::fromMinor(5'000),
                            PaymentMethod::Upi));

        // Both sync, twice (each sees the other's second round).
        for (int round = 0; round < 2; ++round)
            for (Counter* c : {&m_a, &m_b}) {
                const PullOutcome o = sync(*c);
                QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
                QCOMPARE(o.parked, qint64(0));
            }

        const Figures a = countersFigures(*m_a.store, lot->id, buyer->id, farmer->id);
        const Figures b = countersFigures(*m_b.store, lot->id, buyer->id, farmer->id);
        const Figures server = serversFigures(*m_server, lot->id, buyer->id, farmer->id);
        QVERIFY2(a == b, (text(a) + " vs " + text(b)).constData());
        QVERIFY2(a == server, (text(a) + " vs server " + text(server)).constData());
        QCOMPARE(a.stock, qint64(10'000 - 2'000 - 6'000 - 5'000));
        QCOMPARE(a.outstanding, qint64(2 * 2500 + 6 * 2500 + 5 * 2500)); // credit sales at 25.00/kg
        QVERIFY(a.payable > 0);

        // The server raised an oversold anomaly for the lot, and both counters list it.
        QCOMPARE(market::server::test::countRows(
                     *m_server, "SELECT count(*) FROM anomalies WHERE kind = 'oversold' AND entity_id = '" +
                                    lot->id.toString().toStdString() + "'"),
                 qint64(1));
        for (Counter* c : {&m_a, &m_b}) {
            auto anomalies = FeedApplier(*c->store).anomalies();
            REQUIRE_OK(anomalies);
            QCOMPARE(anomalies->size(), size_t(1));
            QCOMPARE(anomalies->front().kind, QStringLiteral("oversold"));
            QCOMPARE(anomalies->front().entityId, lot->id.toString());
            SyncEngine engine(*c->store, m_keychain, SyncOptions{});
            REQUIRE_OK(engine.refreshStatus());
            QCOMPARE(engine.status().anomalyCount(), qint64(1));
            QVERIFY(engine.status().lastSuccessMs() > 0);
        }

        // Nothing left to exchange: another cycle applies nothing and changes nothing.
        const PullOutcome again = sync(m_a);
        QVERIFY2(again.kind == PullOutcome::Kind::Done, qPrintable(again.message));
        QCOMPARE(again.applied, qint64(0));
        QCOMPARE(countersFigures(*m_a.store, lot->id, buyer->id, farmer->id), a);
    }

    /// The background engine (on a worker thread with its own connection, as market-pos runs it)
    /// pulls in its cycle: a sale made on A shows up on B's selling connection, and B's sale made
    /// meanwhile goes out.
    void theBackgroundCyclePullsOnAWorkerThread() {
        QVERIFY(!m_farmer.isNull());
        ArrivalRequest arrival;
        arrival.farmerId = m_farmer;
        arrival.productId = m_product;
        arrival.netQty = Quantity::fromThousandths(4'000);
        auto lot = ArrivalService(*m_a.store).recordArrival(m_a.owner, arrival);
        REQUIRE_OK(lot);
        const PullOutcome a = sync(m_a);
        QVERIFY2(a.kind == PullOutcome::Kind::Done, qPrintable(a.message));

        QThread worker;
        worker.start();
        QObject inWorker;
        inWorker.moveToThread(&worker);
        std::unique_ptr<SyncEngine> engine;
        QString openError;
        QMetaObject::invokeMethod(
            &inWorker,
            [&] {
                auto e = SyncEngine::open(m_b.path(), m_keychain, SyncOptions{});
                if (e.ok())
                    engine = std::move(e).value();
                else
                    openError = e.error().message;
            },
            Qt::BlockingQueuedConnection);
        auto stopWorker = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                &inWorker, [&] { engine.reset(); }, Qt::BlockingQueuedConnection);
            worker.quit();
            worker.wait();
        });
        QVERIFY2(engine, qPrintable(openError));
        QMetaObject::invokeMethod(engine.get(), &SyncEngine::start, Qt::QueuedConnection);
        // B's selling connection sees A's lot once the engine's cycle has pulled it.
        QTRY_VERIFY_WITH_TIMEOUT(ArrivalService(*m_b.store).lot(lot->id).ok(), 30000);
        REQUIRE_OK(sync::test::sellCredit(m_b, lot->id, m_buyer, 1'000));
        QMetaObject::invokeMethod(engine.get(), &SyncEngine::pushSoon, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(*Outbox::pendingCount(*m_b.store), qint64(0), 30000);
        const PullOutcome again = sync(m_a);
        QVERIFY2(again.kind == PullOutcome::Kind::Done, qPrintable(again.message));
        QCOMPARE(ArrivalService(*m_a.store).lot(lot->id)->left.thousandths(), qint64(3'000));
    }

    /// A third counter joins through marketctl: `sync --once` pushes then pulls the whole shop,
    /// and `sync status --json` shows the pull cursor and the server's anomaly.
    void marketctlSyncOncePullsAndStatusShowsAnomalies() {
        const auto code = m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), kShop});
        QVERIFY(code);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        auto run = [&](const QStringList& args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MARKET_PASSWORD"), QStringLiteral("owner-secret-1"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MARKETCTL_BINARY), QStringList{QStringLiteral("--db"), db} + args);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        auto [rc1, out1, err1] =
            run({QStringLiteral("enrol"), QStringLiteral("--server"), serverUrl(*m_server),
                 QStringLiteral("--shop"), kShop, QStringLiteral("--code"),
                 code->value(QStringLiteral("code")).toString()});
        QVERIFY2(rc1 == 0, qPrintable(err1));
        auto [rc2, out2, err2] =
            run({QStringLiteral("init"), QStringLiteral("--shop-code"), kShop, QStringLiteral("--shop-name"),
                 QStringLiteral("Pull test market"), QStringLiteral("--owner"), QStringLiteral("owner-c")});
        QVERIFY2(rc2 == 0, qPrintable(err2));
        auto [rc3, out3, err3] =
            run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--json")});
        QVERIFY2(rc3 == 0, qPrintable(err3 + out3));
        const QJsonObject once = QJsonDocument::fromJson(out3.toUtf8()).object();
        QCOMPARE(once.value(QStringLiteral("pending")).toInteger(), 0);
        const QJsonObject pull = once.value(QStringLiteral("pull")).toObject();
        QCOMPARE(pull.value(QStringLiteral("result")).toString(), QStringLiteral("done"));
        QVERIFY2(pull.value(QStringLiteral("applied")).toInteger() >= 10, qPrintable(out3));
        QCOMPARE(pull.value(QStringLiteral("parked")).toInteger(), 0);
        QCOMPARE(pull.value(QStringLiteral("anomalies")).toInteger(), 1);
        QCOMPARE(pull.value(QStringLiteral("bulkLoad")), QJsonValue(false)); // one page: no bulk load

        auto [rc4, out4, err4] =
            run({QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(rc4 == 0, qPrintable(err4));
        const QJsonObject st = QJsonDocument::fromJson(out4.toUtf8()).object();
        QVERIFY2(st.value(QStringLiteral("pullCursor")).toString().contains(QLatin1Char(':')),
                 qPrintable(out4));
        QCOMPARE(st.value(QStringLiteral("anomalyCount")).toInteger(), 1);
        QCOMPARE(
            st.value(QStringLiteral("anomalies")).toArray().first().toObject().value(QStringLiteral("kind")),
            QJsonValue(QStringLiteral("oversold")));
        QCOMPARE(st.value(QStringLiteral("parkedCount")).toInteger(), 0);
    }

    /// The owner resolves the oversold anomaly through the owner API; the next sync of each counter
    /// marks it resolved there with the note, and it no longer counts as open.
    void anOwnersResolutionReachesEveryCounter() {
        const QString token = market::server::test::login(*m_server, QStringLiteral("sync-owner"),
                                                          QStringLiteral("owner-pass-1"));
        QVERIFY(!token.isEmpty());
        const QString shopId =
            market::server::test::queryText(*m_server, "SELECT id::text FROM shops WHERE code = 'PULL1'");
        const QString bearer = QStringLiteral("Bearer ") + token;
        const auto listed = m_server->get(QStringLiteral("/api/v1/shops/%1/anomalies").arg(shopId), bearer);
        QCOMPARE(listed.status, 200);
        QString anomalyId;
        for (const auto& v : listed.json.value(QStringLiteral("anomalies")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("oversold"))
                anomalyId = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!anomalyId.isEmpty());
        const QString note = QStringLiteral("Recounted the crates: 2 kg more had come in");
        const auto resolved =
            m_server->post(QStringLiteral("/api/v1/shops/%1/anomalies/%2/resolve").arg(shopId, anomalyId),
                           QJsonDocument(QJsonObject{{QStringLiteral("note"), note}}).toJson(), bearer);
        QCOMPARE(resolved.status, 200);

        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
            QCOMPARE(o.parked, qint64(0));
            auto anomalies = FeedApplier(*c->store).anomalies();
            REQUIRE_OK(anomalies);
            QCOMPARE(anomalies->size(), size_t(1));
            QCOMPARE(anomalies->front().id, anomalyId);
            QCOMPARE(anomalies->front().resolution, note);
            QCOMPARE(anomalies->front().resolvedAtMs,
                     resolved.json.value(QStringLiteral("resolvedAtMs")).toInteger());
            SyncEngine engine(*c->store, m_keychain, SyncOptions{});
            REQUIRE_OK(engine.refreshStatus());
            QCOMPARE(engine.status().anomalyCount(), qint64(0));
        }
    }

    /// Today's rate set on A reaches B through the server, and the owner's rate from the back
    /// office reaches both; neither counter lists its own price.upsert as a sync problem.
    void aRateFromACounterOrTheBackOfficeReachesEveryCounter() {
        QVERIFY(!m_product.isNull());
        const auto localProblems = [](Counter& c) {
            Statement& s = c.store->db().prepare("SELECT count(*) FROM sync_quarantine");
            const qint64 n = s.next() ? s.int64(0) : -1;
            s.reset();
            return n;
        };
        const auto rateOn = [&](Counter& c) {
            auto r = PriceService(*c.store).rateOf(m_product);
            return r.ok() && r->has_value() ? (*r)->minor() : qint64(-1);
        };
        const qint64 problemsA = localProblems(m_a);
        REQUIRE_OK(PriceService(*m_a.store).set(m_a.owner, m_product, Money::fromMinor(4'250)));
        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
            QCOMPARE(o.parked, qint64(0));
        }
        QCOMPARE(rateOn(m_b), qint64(4'250));
        QCOMPARE(localProblems(m_a), problemsA);

        const QString token = market::server::test::login(*m_server, QStringLiteral("sync-owner"),
                                                          QStringLiteral("owner-pass-1"));
        QVERIFY(!token.isEmpty());
        const QString shopId =
            market::server::test::queryText(*m_server, "SELECT id::text FROM shops WHERE code = 'PULL1'");
        const auto set =
            m_server->post(QStringLiteral("/api/v1/shops/%1/prices").arg(shopId),
                           QJsonDocument(QJsonObject{{QStringLiteral("productId"), m_product.toString()},
                                                     {QStringLiteral("price"), 4'000},
                                                     {QStringLiteral("version"), 1}})
                               .toJson(),
                           QStringLiteral("Bearer ") + token);
        QVERIFY2(set.status == 200, set.body.constData());
        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
            QCOMPARE(rateOn(*c), qint64(4'000));
        }
    }

    /// A counter joining a shop with a history loads it page after page with the report indexes
    /// set aside (store/ReportIndexes.h): afterwards they are all back and its books equal the
    /// others' and the server's.
    void aNewCounterLoadsTheShopsHistoryInBulk() {
        QVERIFY(!m_lot.isNull());
        const auto code = m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), kShop});
        QVERIFY(code);
        Counter c;
        QVERIFY(join(c, code->value(QStringLiteral("code")).toString(), QStringLiteral("owner-d"), 4));
        SyncOptions options;
        options.pullPageSize = 4; // several pages: the bulk load starts after the first
        SyncEngine engine(*c.store, m_keychain, options);
        QVERIFY(*FeedApplier(*c.store).hasNoHistory());
        const PullOutcome o = engine.pullAll();
        QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
        QVERIFY2(o.pages > 3, qPrintable(QString::number(o.pages)));
        QCOMPARE(o.parked, qint64(0));
        QVERIFY(o.bulkLoad);
        QCOMPARE(*FeedApplier(*c.store).bulkLoadPending(), false);
        for (const auto& index : report_indexes::all()) {
            Statement& s = c.store->db().prepare("SELECT sql FROM sqlite_master WHERE name = ?1");
            s.bind(1, QString::fromLatin1(index.name));
            QVERIFY2(s.next(), index.name);
            QCOMPARE(s.text(0), QString::fromLatin1(index.sql));
            s.reset();
        }
        const Figures onC = countersFigures(*c.store, m_lot, m_buyer, m_farmer);
        QVERIFY2(onC == countersFigures(*m_a.store, m_lot, m_buyer, m_farmer), text(onC).constData());
        QVERIFY2(onC == serversFigures(*m_server, m_lot, m_buyer, m_farmer), text(onC).constData());
    }
};

QTEST_GUILESS_MAIN(SyncPullTest)
#include "tst_sync_pull.moc"
