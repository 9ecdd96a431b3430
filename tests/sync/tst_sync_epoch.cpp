// A restored server (new data epoch) end to end: a real market-server with its embedded
// PostgreSQL on 127.0.0.1, two counters of one shop (SQLite files made through the services) and
// the real OS keychain. The counters sell and sync, the server's database is dumped (pg_dump),
// they sell and sync more, the older dump is restored and `market-server new-epoch` run. After
// they sync again, the server and both counters agree on stock, the buyer's outstanding and the
// farmer's payable, and every sale is on the server exactly once. The protocol's own cases
// (stale_epoch, a re-upload's gap and repeats) are checked against the server directly.
#include "CounterFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <engine/SyncEngine.h>
#include <services/ArrivalService.h>
#include <services/CatalogService.h>
#include <services/FarmerPaymentService.h>
#include <services/PartyService.h>
#include <services/SaleService.h>
#include <services/SetupService.h>
#include <store/Outbox.h>
#include <store/Store.h>

using namespace market;
using namespace market::core;
using market::server::test::countRows;
using market::server::test::queryText;
using market::server::test::ServerProcess;
using market::sync::DeviceKeychain;
using market::sync::PullOutcome;
using market::sync::PushOutcome;
using market::sync::SyncEngine;
using market::sync::SyncOptions;
using market::sync::test::serverUrl;

namespace {
const QString kShop = QStringLiteral("EPOCH1");
const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

using market::sync::test::Counter;

/// What the counters and the server must agree on.
struct Figures {
    qint64 stock1 = 0, stock2 = 0; ///< of the two lots: received − sold
    qint64 outstanding = 0;        ///< the buyer's open credit
    qint64 payable = 0;            ///< to the farmer: net of sold lines − paid
    qint64 sales = 0;              ///< sales recorded
    bool operator==(const Figures&) const = default;
};

QByteArray text(const Figures& f) {
    return QStringLiteral("stock %1/%2 outstanding %3 payable %4 sales %5")
        .arg(f.stock1)
        .arg(f.stock2)
        .arg(f.outstanding)
        .arg(f.payable)
        .arg(f.sales)
        .toUtf8();
}

qint64 scalar(Store& store, const char* sql, const Uuid& id) {
    Statement& s = store.db().prepare(sql);
    s.bind(1, id);
    const qint64 v = s.next() ? s.int64(0) : -1;
    s.reset();
    return v;
}

qint64 count(Store& store, const char* sql) {
    Statement& s = store.db().prepare(sql);
    const qint64 v = s.next() ? s.int64(0) : -1;
    s.reset();
    return v;
}

const char* const kCounterStock =
    "SELECT received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_line WHERE lot_id = "
    "?1) FROM lot WHERE id = ?1";

Figures countersFigures(Store& store, const Uuid& lot1, const Uuid& lot2, const Uuid& buyer,
                        const Uuid& farmer) {
    return Figures{
        scalar(store, kCounterStock, lot1), scalar(store, kCounterStock, lot2),
        scalar(store,
               "SELECT (SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1) - (SELECT "
               "coalesce(sum(a.amount), 0) FROM collection_allocation a JOIN credit c ON c.id = a.credit_id "
               "WHERE c.buyer_id = ?1)",
               buyer),
        scalar(store, "SELECT sold_net - returned_net - paid FROM farmer_balance WHERE farmer_id = ?1",
               farmer),
        count(store, "SELECT count(*) FROM sale")};
}

std::string quoted(const Uuid& id) {
    return "'" + id.toString().toStdString() + "'";
}

Figures serversFigures(const ServerProcess& server, const Uuid& lot1, const Uuid& lot2, const Uuid& buyer,
                       const Uuid& farmer) {
    const auto stock = [&](const Uuid& lot) {
        return countRows(server, "SELECT (received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_lines WHERE "
                                 "lot_id = " +
                                     quoted(lot) + "))::bigint FROM lots WHERE id = " + quoted(lot));
    };
    return Figures{
        stock(lot1), stock(lot2),
        countRows(server,
                  "SELECT ((SELECT coalesce(sum(amount), 0) FROM credits WHERE buyer_id = " + quoted(buyer) +
                      ") - (SELECT coalesce(sum(a.amount), 0) FROM collection_allocations a JOIN credits c "
                      "ON c.id = a.credit_id WHERE c.buyer_id = " +
                      quoted(buyer) + "))::bigint"),
        countRows(server, "SELECT ((SELECT coalesce(sum(farmer_net), 0) FROM sale_lines WHERE farmer_id = " +
                              quoted(farmer) +
                              ") - (SELECT coalesce(sum(amount), 0) FROM farmer_payments WHERE "
                              "farmer_id = " +
                              quoted(farmer) + "))::bigint"),
        countRows(server, "SELECT count(*) FROM sales")};
}

/// Runs a PostgreSQL client program against the server's embedded cluster; "" or its error.
QString pg(const ServerProcess& server, const QString& program, const QStringList& args) {
    QProcess p;
    p.start(kPgBin + program,
            QStringList{QStringLiteral("-h"), server.dataDir() + QStringLiteral("/run"), QStringLiteral("-p"),
                        QStringLiteral("5432"), QStringLiteral("-U"), QStringLiteral("market_owner")} +
                args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program + QStringLiteral(": ") + QString::fromUtf8(p.readAllStandardError()) + p.errorString();
    return {};
}
} // namespace

class SyncEpochTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_serverDir;
    QTemporaryDir m_backupDir;
    std::unique_ptr<ServerProcess> m_server;
    const DeviceKeychain m_keychain{sync::test::keychainService()};
    Counter m_a;
    Counter m_b;

    /// Enrols `c` in the shop with a fresh one-time code and sets it up with its own owner.
    bool join(Counter& c, const QString& enrolCode, const QString& ownerName, int number) {
        return sync::test::joinShop(c, *m_server, m_keychain, kShop, enrolCode, ownerName,
                                    QStringLiteral("Counter %1").arg(number));
    }

    SyncOptions options() const {
        SyncOptions o;
        o.serverUrl = serverUrl(*m_server); // the restarted server listens on another port
        return o;
    }

    /// Push then pull, as one engine cycle does; a failure is returned as the pull's.
    PullOutcome sync(Counter& c, PushOutcome* pushedOut = nullptr, QString* notice = nullptr) {
        SyncEngine engine(*c.store, m_keychain, options());
        const PushOutcome pushed = engine.pushAll();
        if (pushedOut)
            *pushedOut = pushed;
        if (pushed.kind != PushOutcome::Kind::Done) {
            PullOutcome failed;
            failed.kind = pushed.kind;
            failed.message = QStringLiteral("push: ") + pushed.message;
            return failed;
        }
        PullOutcome pulled = engine.pullAll();
        if (notice)
            *notice = engine.status().notice();
        return pulled;
    }

    static qint64 outboxHighest(Store& store) {
        Statement& s = store.db().prepare("SELECT max(m) FROM (SELECT max(seq) AS m FROM outbox UNION ALL "
                                          "SELECT max(seq) FROM outbox_sent)");
        const qint64 v = s.next() ? s.int64(0) : -1;
        s.reset();
        return v;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_serverDir.isValid());
        QVERIFY(m_backupDir.isValid());
        REQUIRE_OK(m_keychain.probe());
        m_server = std::make_unique<ServerProcess>(m_serverDir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        const QString codeA = sync::test::newShopWithEnrolCode(*m_server, kShop);
        QVERIFY(!codeA.isEmpty());
        const auto codeB = m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), kShop});
        QVERIFY(codeB);
        QVERIFY(join(m_a, codeA, QStringLiteral("owner-a"), 1));
        QVERIFY(join(m_b, codeB->value(QStringLiteral("code")).toString(), QStringLiteral("owner-b"), 2));
    }

    void cleanupTestCase() { m_server.reset(); }

    void restoredServerAndCountersConverge() {
        auto farmer =
            PartyService(*m_a.store)
                .create(m_a.owner, NewPartyRequest{PartyKind::Farmer, {}, QStringLiteral("Ramesh"), {}, {}});
        auto buyer = PartyService(*m_a.store)
                         .create(m_a.owner, NewPartyRequest{PartyKind::Buyer,
                                                            {},
                                                            QStringLiteral("Suresh Traders"),
                                                            {},
                                                            Money::fromMinor(100'000'000)});
        auto product =
            CatalogService(*m_a.store)
                .createProduct(m_a.owner,
                               NewProductRequest{{}, QStringLiteral("Onion"), Category::Vegetable, Unit::Kg});
        REQUIRE_OK(farmer);
        REQUIRE_OK(buyer);
        REQUIRE_OK(product);
        ArrivalRequest arrival;
        arrival.farmerId = farmer->id;
        arrival.productId = product->id;
        arrival.netQty = Quantity::fromThousandths(100'000);
        auto lot1 = ArrivalService(*m_a.store).recordArrival(m_a.owner, arrival);
        REQUIRE_OK(lot1);
        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
        }

        // Before the backup: both sell, B pays the farmer an advance, all synced.
        REQUIRE_OK(sync::test::sellCredit(m_a, lot1->id, buyer->id, 5'000));
        REQUIRE_OK(sync::test::sellCredit(m_b, lot1->id, buyer->id, 3'000));
        REQUIRE_OK(FarmerPaymentService(*m_b.store)
                       .pay(m_b.owner, farmer->id, FarmerPaymentKind::Advance, Money::fromMinor(4'000),
                            PaymentMethod::Upi));
        for (Counter* c : {&m_a, &m_b, &m_a}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
        }

        // The backup: a consistent dump of the running server's database.
        const QString dump = m_backupDir.filePath(QStringLiteral("market.dump"));
        const QString dumped =
            pg(*m_server, QStringLiteral("pg_dump"),
               {QStringLiteral("-Fc"), QStringLiteral("-f"), dump, QStringLiteral("market")});
        QVERIFY2(dumped.isEmpty(), qPrintable(dumped));
        const qint64 salesInBackup = countRows(*m_server, "SELECT count(*) FROM sales");
        QCOMPARE(salesInBackup, qint64(2));

        // After it: a second lot on A, sales of both lots on both counters, a second payment;
        // all synced, so the counters forget these operations as acknowledged.
        arrival.netQty = Quantity::fromThousandths(50'000);
        auto lot2 = ArrivalService(*m_a.store).recordArrival(m_a.owner, arrival);
        REQUIRE_OK(lot2);
        REQUIRE_OK(sync::test::sellCredit(m_a, lot1->id, buyer->id, 7'000));
        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
        }
        REQUIRE_OK(sync::test::sellCredit(m_b, lot2->id, buyer->id, 4'000));
        REQUIRE_OK(sync::test::sellCredit(m_b, lot1->id, buyer->id, 2'000));
        REQUIRE_OK(FarmerPaymentService(*m_b.store)
                       .pay(m_b.owner, farmer->id, FarmerPaymentKind::Advance, Money::fromMinor(6'000),
                            PaymentMethod::Upi));
        for (Counter* c : {&m_b, &m_a}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
        }
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sales"), qint64(5));
        QCOMPARE(*Outbox::pendingCount(*m_a.store), qint64(0));
        // B sells once more and does not sync before the restore: unsent work on top.
        REQUIRE_OK(sync::test::sellCredit(m_b, lot2->id, buyer->id, 1'000));
        const QString epochBefore = *Outbox::knownEpoch(*m_a.store);
        QVERIFY(!epochBefore.isEmpty());

        // The restore: stop the server, put the older dump back, mark the new epoch, start again.
        m_server->stop();
        QProcess pgctl;
        pgctl.start(kPgBin + QStringLiteral("pg_ctl"),
                    {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"),
                     m_server->dataDir() + QStringLiteral("/pg"), QStringLiteral("-l"),
                     m_server->dataDir() + QStringLiteral("/restore.log")});
        QVERIFY(pgctl.waitForFinished(90000));
        QCOMPARE(pgctl.exitCode(), 0);
        for (const auto& [program, args] :
             {std::pair{QStringLiteral("dropdb"), QStringList{QStringLiteral("market")}},
              std::pair{QStringLiteral("createdb"), QStringList{QStringLiteral("market")}},
              std::pair{QStringLiteral("pg_restore"),
                        QStringList{QStringLiteral("-d"), QStringLiteral("market"), dump}}}) {
            const QString failed = pg(*m_server, program, args);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sales"), salesInBackup);
        const auto epoch = m_server->admin({QStringLiteral("new-epoch")});
        QVERIFY2(epoch, qPrintable(m_server->lastError()));
        QCOMPARE(epoch->value(QStringLiteral("previousEpoch")).toString(), epochBefore);
        const QString newEpoch = epoch->value(QStringLiteral("epoch")).toString();
        QVERIFY(newEpoch != epochBefore);
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));

        // A has nothing unsent: its pull finds the cursor stale; it puts back what it had sent
        // after what the restored server holds, re-uploads it, then reads the shop afresh.
        const PullOutcome a1 = sync(m_a);
        QVERIFY2(a1.kind == PullOutcome::Kind::Done, qPrintable(a1.message));
        QVERIFY(a1.epochChanged);
        QCOMPARE(a1.reenqueued, qint64(2)); // lot 2 and the 7 kg sale
        QCOMPARE(a1.reuploaded, qint64(2));
        QCOMPARE(*Outbox::knownEpoch(*m_a.store), newEpoch);
        QCOMPARE(*Outbox::pendingCount(*m_a.store), qint64(0));
        // Selling goes on, before and after.
        REQUIRE_OK(sync::test::sellCredit(m_a, lot1->id, buyer->id, 1'500));

        // B has an unsent sale: its push names the old epoch and is refused as stale, naming what
        // the server holds; B puts back what it sent after that, pushes it all, then reads afresh.
        PushOutcome pushedB;
        QString noticeB;
        const PullOutcome b1 = sync(m_b, &pushedB, &noticeB);
        QVERIFY2(b1.kind == PullOutcome::Kind::Done, qPrintable(b1.message));
        QCOMPARE(pushedB.reenqueued, qint64(3));   // two sales and a payment after the backup
        QCOMPARE(pushedB.acknowledged, qint64(4)); // and the unsent sale
        QVERIFY(!noticeB.isEmpty());
        QCOMPARE(*Outbox::knownEpoch(*m_b.store), newEpoch);
        // A second time A and B, so each has the other's.
        for (Counter* c : {&m_a, &m_b}) {
            const PullOutcome o = sync(*c);
            QVERIFY2(o.kind == PullOutcome::Kind::Done, qPrintable(o.message));
            QCOMPARE(o.parked, qint64(0));
        }

        const Figures a = countersFigures(*m_a.store, lot1->id, lot2->id, buyer->id, farmer->id);
        const Figures b = countersFigures(*m_b.store, lot1->id, lot2->id, buyer->id, farmer->id);
        const Figures server = serversFigures(*m_server, lot1->id, lot2->id, buyer->id, farmer->id);
        QVERIFY2(a == b, (text(a) + " vs " + text(b)).constData());
        QVERIFY2(a == server, (text(a) + " vs server " + text(server)).constData());
        QCOMPARE(a.sales, qint64(7)); // every sale once, on the server and on both counters
        QCOMPARE(a.stock1, qint64(100'000 - 5'000 - 3'000 - 7'000 - 2'000 - 1'500));
        QCOMPARE(a.stock2, qint64(50'000 - 4'000 - 1'000));
        QCOMPARE(a.outstanding, qint64((5 + 3 + 7 + 4 + 2 + 1) * 2500 + 3750)); // all on credit at 25.00/kg
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM farmer_payments"), qint64(2));
        QCOMPARE(countRows(*m_server, "SELECT count(DISTINCT id) FROM sales"), qint64(7));

        // Nothing quarantined, no audit chain broken, no sequence lost; the server holds each
        // terminal's operations up to the last one the counter made.
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM quarantine"), qint64(0));
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM anomalies WHERE kind IN ('audit_chain_break', "
                                      "'reupload_gap')"),
                 qint64(0));
        for (Counter* c : {&m_a, &m_b})
            QCOMPARE(countRows(*m_server, "SELECT last_seq FROM terminals WHERE id = " +
                                              quoted(c->store->identity()->terminalId)),
                     outboxHighest(*c->store));
    }

    /// The push side of the protocol against the server alone: a stale epoch is refused with what
    /// the server holds; after a restore a re-upload may start past a gap (raising reupload_gap)
    /// and takes a document the server already holds as a repeat; a plain push still refuses a
    /// gap, and so does a re-upload with no restore or after the terminal's first plain push.
    void pushInANewEpochAndReuploadRules() {
        using market::server::test::TerminalClient;
        auto t = market::server::test::enrol(*m_server, kShop);
        QVERIFY(t);
        const auto farmer = market::server::test::party(t->shopId, PartyKind::Farmer);
        const auto product = market::server::test::product(t->shopId);
        const auto lot = market::server::test::lot(*t, farmer.id, product.id, 10'000);
        std::vector<protocol::OutboxOp> ops{t->op(op::kPartyUpsert, farmer.toJson()),
                                            t->op(op::kProductUpsert, product.toJson()),
                                            t->op(op::kLotReceived, lot.toJson())};
        const auto sold = market::server::test::sale(*t, {{lot, 1'000}}, 2'000);
        ops.push_back(t->op(op::kSaleRecorded, sold.toJson()));
        const auto first = t->push(*m_server, ops);
        QCOMPARE(first.status, 200);
        const QString epoch = queryText(*m_server, "SELECT epoch::text FROM server_meta");

        const auto body = [](const std::vector<protocol::OutboxOp>& batch, const QString& e, bool reupload) {
            protocol::PushRequest r;
            r.ops = batch;
            r.epoch = e;
            r.reupload = reupload;
            return protocol::encodePushRequest(r);
        };
        const auto post = [&](const QByteArray& b) {
            return m_server->post(QStringLiteral("/api/v1/sync/push"), b, t->authorization());
        };
        // Another epoch: refused before anything is written, naming the epoch and what is held.
        const QString otherEpoch = market::server::test::newId();
        const auto stale = post(body({}, otherEpoch, false));
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.errorCode(), QStringLiteral("stale_epoch"));
        const QJsonObject e = stale.json.value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("epoch")).toString(), epoch);
        QCOMPARE(e.value(QStringLiteral("highestSeq")).toInteger(), qint64(4));
        // The right epoch: accepted (an empty batch names what is held).
        const auto same = post(body({}, epoch, false));
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json.value(QStringLiteral("highestSeq")).toInteger(), qint64(4));

        // Seq 5, 6 lost for good; 7 re-sends the sale already held (as a counter that renumbered
        // would), 8 a new sale. A plain push is refused at the gap; a re-upload goes through.
        t->op(op::kExpenseRecorded, {}); // 5
        t->op(op::kExpenseRecorded, {}); // 6
        std::vector<protocol::OutboxOp> rest{
            t->op(op::kSaleRecorded, sold.toJson()),
            t->op(op::kSaleRecorded, market::server::test::sale(*t, {{lot, 500}}, 2'000).toJson())};
        const auto gap = post(body(rest, epoch, false));
        QCOMPARE(gap.status, 409);
        QCOMPARE(gap.errorCode(), QStringLiteral("sequence_gap"));
        // No restore since this terminal's last plain push: `reupload` is ignored, the gap refused.
        const auto early = post(body(rest, epoch, true));
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), QStringLiteral("sequence_gap"));

        // After a restore (`new-epoch`) the re-upload is honoured.
        const auto switched = m_server->admin({QStringLiteral("new-epoch")});
        QVERIFY2(switched, qPrintable(m_server->lastError()));
        const QString restoredEpoch = switched->value(QStringLiteral("epoch")).toString();
        QCOMPARE(post(body(rest, epoch, true)).errorCode(), QStringLiteral("stale_epoch"));
        const auto reupload = post(body(rest, restoredEpoch, true));
        QVERIFY2(reupload.status == 200, reupload.body.constData());
        QCOMPARE(reupload.json.value(QStringLiteral("highestSeq")).toInteger(), qint64(8));
        QCOMPARE(reupload.json.value(QStringLiteral("applied")).toInteger(), qint64(1));
        QCOMPARE(reupload.json.value(QStringLiteral("skipped")).toInteger(), qint64(1)); // the held sale
        QCOMPARE(reupload.json.value(QStringLiteral("quarantined")).toInteger(), qint64(0));
        QCOMPARE(countRows(*m_server,
                           "SELECT count(*) FROM sales WHERE terminal_id = '" + t->id.toStdString() + "'"),
                 qint64(2));
        const std::string gapOf =
            " FROM anomalies WHERE kind = 'reupload_gap' AND entity_id = '" + t->id.toStdString() + "'";
        QCOMPARE(countRows(*m_server, "SELECT (details->>'fromSeq')::bigint" + gapOf), qint64(5));
        QCOMPARE(countRows(*m_server, "SELECT (details->>'toSeq')::bigint" + gapOf), qint64(6));

        // The terminal's first plain push in the new epoch closes its re-upload: a later gap is
        // refused even with `reupload`.
        QCOMPARE(post(body({}, restoredEpoch, false)).status, 200);
        t->op(op::kExpenseRecorded, {}); // 9, lost
        const std::vector<protocol::OutboxOp> late{
            t->op(op::kSaleRecorded, market::server::test::sale(*t, {{lot, 250}}, 2'000).toJson())};
        const auto closed = post(body(late, restoredEpoch, true));
        QCOMPARE(closed.status, 409);
        QCOMPARE(closed.errorCode(), QStringLiteral("sequence_gap"));
        QCOMPARE(countRows(*m_server, "SELECT count(*)" + gapOf), qint64(1));
    }
};

QTEST_GUILESS_MAIN(SyncEpochTest)
#include "tst_sync_epoch.moc"
