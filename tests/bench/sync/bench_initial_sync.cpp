// Benchmark: the first sync of a NEW counter of an established shop. A real market-server on
// loopback (embedded PostgreSQL) holds a shop with M master rows (products, farmers, buyers) and S
// historical sales (2 lines, a fifth on credit) pushed by another terminal; a freshly enrolled
// counter runs `SyncEngine::pullAll()` until it holds the whole shop. Beside it, in the same run:
// the same pages fetched and decoded without applying (the server's and the wire's share).
//
// Usage (unprivileged user, under a D-Bus session with an unlocked keyring, like tests/sync):
//   bench_initial_sync [masters = 50000] [sales = 100000] [runs = 3] [page = engine default]
#include "../core/BenchUtil.h"
#include "ServerHarness.h"
#include "SyncBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <atomic>
#include <domain/Clock.h>
#include <engine/SyncEngine.h>
#include <services/SetupService.h>
#include <store/ReportIndexes.h>
#include <store/Store.h>
#include <thread>

using namespace market;
using namespace market::core;
using namespace market::bench;
using market::server::test::ServerProcess;
using market::server::test::TerminalClient;

namespace {

/// Pushes `ops` in batches of 200; dies on anything but a clean apply.
void pushAll(const ServerProcess& server, const TerminalClient& t, std::vector<protocol::OutboxOp>& ops) {
    for (size_t from = 0; from < ops.size(); from += 200) { // under the 1 MiB body limit
        const std::vector<protocol::OutboxOp> batch(
            ops.begin() + qsizetype(from), ops.begin() + qsizetype(std::min(ops.size(), from + 200)));
        const auto r = t.push(server, batch);
        if (r.status != 200 || r.json.value(QStringLiteral("quarantined")).toInteger() != 0)
            die(QStringLiteral("seeding"), QString::fromUtf8(r.body.left(400)));
    }
    ops.clear();
}

/// The shop's history, pushed by terminal `t`: products, farmers, buyers, lots, then sales.
void seed(const ServerProcess& server, TerminalClient& t, int masters, int sales) {
    std::vector<protocol::OutboxOp> ops;
    const int products = masters / 5;
    const int farmers = masters * 2 / 5;
    const int buyers = masters - products - farmers;
    std::vector<ProductDoc> productDocs;
    std::vector<PartyDoc> farmerDocs, buyerDocs;
    for (int i = 0; i < products; ++i) {
        ProductDoc p = market::server::test::product(t.shopId);
        p.code = QStringLiteral("P%1").arg(i, 6, 10, QLatin1Char('0')); // the helper's codes may collide
        p.name = QStringLiteral("Product %1").arg(i);
        productDocs.push_back(p);
        ops.push_back(t.op(op::kProductUpsert, p.toJson()));
    }
    for (int i = 0; i < farmers + buyers; ++i) {
        const bool farmer = i < farmers;
        PartyDoc p = market::server::test::party(t.shopId, farmer ? PartyKind::Farmer : PartyKind::Buyer,
                                                 farmer ? 0 : 1'000'000'000'000);
        p.code = QStringLiteral("%1%2")
                     .arg(farmer ? QStringLiteral("F") : QStringLiteral("B"))
                     .arg(i, 6, 10, QLatin1Char('0'));
        p.name =
            QStringLiteral("%1 %2").arg(farmer ? QStringLiteral("Farmer") : QStringLiteral("Buyer")).arg(i);
        (farmer ? farmerDocs : buyerDocs).push_back(p);
        ops.push_back(t.op(op::kPartyUpsert, p.toJson()));
        if (ops.size() >= 5000)
            pushAll(server, t, ops);
    }
    std::vector<LotDoc> lots;
    for (int i = 0; i < 1000; ++i) {
        LotDoc l = market::server::test::lot(t, farmerDocs[size_t(i) % farmerDocs.size()].id,
                                             productDocs[size_t(i) % productDocs.size()].id, 1'000'000'000);
        l.code = QStringLiteral("L%1").arg(i, 5, 10, QLatin1Char('0'));
        lots.push_back(l);
        ops.push_back(t.op(op::kLotReceived, l.toJson()));
    }
    pushAll(server, t, ops);
    for (int i = 0; i < sales; ++i) {
        const std::vector<std::pair<LotDoc, qint64>> lines{
            {lots[size_t(i * 2) % lots.size()], 1'000 + i % 2'000},
            {lots[size_t(i * 2 + 1) % lots.size()], 2'500}};
        const bool credit = i % 5 == 0;
        SaleDoc s = market::server::test::sale(
            t, lines, 2'000 + i % 3'000,
            credit ? std::optional<Uuid>(buyerDocs[size_t(i) % buyerDocs.size()].id) : std::nullopt, 0);
        if (credit) { // all on credit, split over the two lines' farmers as the counter does
            s.credit = s.total;
            s.paid = Money();
            s.tendered = Money();
            s.payments.clear();
            s.creditId = Uuid::createV7(QDateTime::currentMSecsSinceEpoch());
            s.creditDetails.clear();
            for (const auto& l : s.lines)
                s.creditDetails.push_back(
                    {Uuid::createV7(QDateTime::currentMSecsSinceEpoch()), l.farmerId, l.amount});
        }
        ops.push_back(t.op(op::kSaleRecorded, s.toJson()));
        if (ops.size() >= 5000)
            pushAll(server, t, ops);
    }
    pushAll(server, t, ops);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int masters = int(argOr(args, 1, 50'000));
    const int salesCount = int(argOr(args, 2, 100'000));
    const int runs = int(argOr(args, 3, 3));
    sync::SyncOptions options;
    options.pullPageSize = int(argOr(args, 4, options.pullPageSize));
    QTemporaryDir dir(QStringLiteral("/tmp/mbench-initial-XXXXXX"));
    QDir().mkpath(dir.filePath(QStringLiteral("server")));
    const sync::DeviceKeychain keychain(QStringLiteral("market-pos-bench"));
    if (auto s = keychain.probe(); !s.ok())
        die(QStringLiteral("keychain"), s.error().message);
    ServerProcess server(dir.filePath(QStringLiteral("server")));
    beforeDying() = [&server] { server.stop(); };
    if (!server.start())
        die(QStringLiteral("starting market-server"), server.lastError());
    const QString shopCode = QStringLiteral("INI01");
    market::server::test::createShop(server, shopCode, QStringLiteral("bench-owner"));
    auto seeder = market::server::test::enrol(server, shopCode);
    if (!seeder)
        die(QStringLiteral("enrolling the seeding terminal"), server.lastError());
    const auto seedStart = BenchClock::now();
    seed(server, *seeder, masters, salesCount);
    const qint64 feedRows = market::server::test::countRows(server, "SELECT count(*) FROM feed");
    std::printf(
        "initial sync of a new counter: %d master rows, %d sales (2 lines, 1 in 5 on credit), %lld feed "
        "changes, pages of %d, %d run(s); seeded in %.1f s; load average before: %s\n",
        masters, salesCount, static_cast<long long>(feedRows), options.pullPageSize, runs,
        microsSince(seedStart) / 1e6, qPrintable(loadAverage()));
    std::printf("%4s %10s %12s %12s %12s %12s %8s %10s %12s\n", "run", "sync s", "changes/s", "applied",
                "fetch s", "changes/s", "ratio", "file MB", "WAL peak MB");
    SystemClock clock;
    std::vector<double> syncs, fetches;
    for (int run = 0; run < runs; ++run) {
        const QString path = dir.filePath(QStringLiteral("new-%1.db").arg(run));
        auto store = need(Store::open(path, clock), "opening the counter");
        const auto code = server.admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shopCode});
        if (!code)
            die(QStringLiteral("enrol-code"), server.lastError());
        need(sync::SyncEngine::enrol(
                 *store, keychain, QStringLiteral("http://127.0.0.1:%1").arg(server.port()), shopCode,
                 code->value(QStringLiteral("code")).toString(), QStringLiteral("New %1").arg(run), options),
             "enrolling");
        StandaloneShopRequest shop;
        shop.shopCode = shopCode;
        shop.shopName = QStringLiteral("Bench Mandi");
        shop.ownerUsername = QStringLiteral("owner-new-%1").arg(run);
        shop.ownerPassword = QStringLiteral("owner-pass-1");
        need(SetupService(*store).createStandaloneShop(shop), "creating the shop");

        sync::SyncEngine engine(*store, keychain, options);
        // The WAL's largest size during the pull, sampled every 20 ms (the checkpointer must keep
        // it near its limit while page after page commits).
        std::atomic<bool> pulling{true};
        qint64 walPeak = 0;
        std::thread walWatch([&, wal = path + QStringLiteral("-wal")] {
            for (; pulling.load(); std::this_thread::sleep_for(std::chrono::milliseconds(20)))
                walPeak = std::max(walPeak, QFileInfo(wal).size());
        });
        const auto start = BenchClock::now();
        const auto pulled = engine.pullAll();
        const double seconds = microsSince(start) / 1e6;
        pulling = false;
        walWatch.join();
        if (pulled.kind != sync::PullOutcome::Kind::Done || pulled.parked != 0)
            die(QStringLiteral("pulling"),
                QStringLiteral("%1 (parked %2)").arg(pulled.message).arg(pulled.parked));
        // A bulk load's time includes building the report indexes: they must all be back.
        const auto& reportIndexes = report_indexes::all();
        size_t built = 0;
        for (const auto& index : reportIndexes) {
            Statement& present =
                store->db().prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1");
            present.bind(1, QString::fromUtf8(index.name));
            built += present.next() ? 1 : 0;
            present.reset();
        }
        if (built != reportIndexes.size())
            die(QStringLiteral("pulling"), QStringLiteral("%1 of %2 report indexes after the pull")
                                               .arg(built)
                                               .arg(reportIndexes.size()));
        if (run == 0)
            std::printf("loaded in bulk (report indexes built at the end, timed): %s\n",
                        pulled.bulkLoad ? "yes" : "no");

        // The same pages, fetched and decoded only.
        const auto fetchStart = BenchClock::now();
        QString cursor;
        qint64 fetched = 0;
        for (bool more = true; more;) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("cursor"), cursor);
            query.addQueryItem(QStringLiteral("limit"), QString::number(options.pullPageSize));
            const auto r =
                server.get(QStringLiteral("/api/v1/sync/pull?") + query.toString(QUrl::FullyEncoded),
                           seeder->authorization());
            if (r.status != 200)
                die(QStringLiteral("fetching"), QString::fromUtf8(r.body.left(300)));
            fetched += r.json.value(QStringLiteral("changes")).toArray().size();
            cursor = r.json.value(QStringLiteral("cursor")).toString();
            more = r.json.value(QStringLiteral("hasMore")).toBool();
        }
        const double fetchSeconds = microsSince(fetchStart) / 1e6;
        syncs.push_back(seconds);
        fetches.push_back(fetchSeconds);
        std::printf("%4d %10.2f %12.0f %12lld %12.2f %12.0f %8.2f %10.1f %12.1f\n", run + 1, seconds,
                    double(pulled.changes) / seconds, static_cast<long long>(pulled.applied), fetchSeconds,
                    double(fetched) / fetchSeconds, seconds / fetchSeconds,
                    double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6,
                    double(walPeak) / 1e6);
        std::fflush(stdout);
    }
    const double s = median(syncs);
    const double f = median(fetches);
    std::printf(
        "median: initial sync %.2f s (%.0f changes/s, target < 30 s), fetch only %.2f s, sync/fetch %.2f; "
        "load average after: %s\n",
        s, double(feedRows) / s, f, s / f, qPrintable(loadAverage()));
    return server.stop() == 0 ? 0 : 1;
}
