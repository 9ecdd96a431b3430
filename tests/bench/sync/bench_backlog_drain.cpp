// Benchmark: a counter that sold offline drains its backlog to a real market-server on loopback
// (embedded PostgreSQL), end to end through the sync engine: outbox read, envelopes, HTTP, the
// server's push transaction, the acknowledgement written back. Beside it, in the same run, raw
// libpqxx inserts the same sales (sales, sale_lines, sale_payments, with fresh ids) into the same
// database in transactions of the engine's batch size: the bare-engine rate.
//
// Usage (unprivileged user, under a D-Bus session with an unlocked keyring, like tests/sync):
//   bench_backlog_drain [sales = 10000] [runs = 3] [batch = 200]
// Each run is a new counter of the shop with its own lots; its N sales (2 lines, cash) are made
// through SaleService first (not timed), then `SyncEngine::pushAll()` is timed until the outbox is
// empty.
#include "../core/BenchUtil.h"
#include "ServerHarness.h"
#include "SyncBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <domain/Clock.h>
#include <engine/SyncEngine.h>
#include <pqxx/pqxx>
#include <services/ArrivalService.h>
#include <services/CashSessionService.h>
#include <services/CatalogService.h>
#include <services/PartyService.h>
#include <services/SaleService.h>
#include <services/SetupService.h>
#include <store/Outbox.h>
#include <store/Store.h>

using namespace market;
using namespace market::core;
using namespace market::bench;
using market::server::test::ServerProcess;

namespace {

/// Time market-server spent in push handlers so far, from its request log (`route=… ms=…`).
double serverPushSeconds(ServerProcess& server) {
    double ms = 0;
    for (const QByteArray& line : server.serverStderr().split('\n'))
        if (line.contains("route=/api/v1/sync/push ")) {
            const qsizetype at = line.indexOf(" ms=");
            if (at >= 0)
                ms += line.mid(at + 4).split(' ').first().toDouble();
        }
    return ms / 1000.0;
}

std::string q(const QString& s) {
    return "'" + s.toStdString() + "'";
}

std::string fresh() {
    return q(Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString());
}

/// The sales of one batch as three multi-row INSERTs, every id new (the server holds the originals).
std::vector<std::string> rawBatch(const std::vector<SaleDoc>& sales, size_t from, size_t to) {
    std::string s =
        "INSERT INTO sales (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, walkin_name, "
        "walkin_phone, cashier_id, created_at, total, tendered, change, paid, credit, credit_id, "
        "override_by, "
        "override_reason, op_id) VALUES ";
    std::string l = "INSERT INTO sale_lines (id, shop_id, sale_id, created_at, line_no, lot_id, product_id, "
                    "farmer_id, qty, price, amount, commission_bp, commission, farmer_net) VALUES ";
    std::string p =
        "INSERT INTO sale_payments (id, shop_id, sale_id, created_at, method, amount, reference) VALUES ";
    bool firstLine = true;
    bool firstPay = true;
    for (size_t i = from; i < to; ++i) {
        const SaleDoc& d = sales[i];
        const std::string id = fresh();
        const std::string shop = q(d.shopId.toString());
        const std::string at = "to_timestamp(" + std::to_string(d.createdAtMs) + " / 1000.0)";
        s += (i > from ? "," : "") + std::string("(") + id + "," + shop + "," + q(d.terminalId.toString()) +
             "," + std::to_string(d.receiptSeq) + "," + q(d.receiptNo) + ",NULL,'',''," +
             q(d.cashierId.toString()) + "," + at + "," + std::to_string(d.total.minor()) + "," +
             std::to_string(d.tendered.minor()) + "," + std::to_string(d.change.minor()) + "," +
             std::to_string(d.paid.minor()) + "," + std::to_string(d.credit.minor()) + ",NULL,NULL,''," +
             fresh() + ")";
        for (const auto& x : d.lines) {
            l += (firstLine ? "" : ",") + std::string("(") + fresh() + "," + shop + "," + id + "," + at +
                 "," + std::to_string(x.lineNo) + "," + q(x.lotId.toString()) + "," +
                 q(x.productId.toString()) + "," + q(x.farmerId.toString()) + "," +
                 std::to_string(x.qty.thousandths()) + "," + std::to_string(x.price.minor()) + "," +
                 std::to_string(x.amount.minor()) + "," + std::to_string(x.commissionBp) + "," +
                 std::to_string(x.commission.minor()) + "," + std::to_string(x.farmerNet.minor()) + ")";
            firstLine = false;
        }
        for (const auto& x : d.payments) {
            p += (firstPay ? "" : ",") + std::string("(") + fresh() + "," + shop + "," + id + "," + at +
                 ",'cash'," + std::to_string(x.amount.minor()) + ",'')";
            firstPay = false;
        }
    }
    return {s, l, p};
}

struct Counter {
    std::unique_ptr<Store> store;
    Session owner;
    std::vector<Uuid> lots;
};

/// A new counter of `shopCode`, enrolled with a fresh code, its own farmer, product and lots, synced.
Counter newCounter(ServerProcess& server, const QString& shopCode, const QString& path, const Clock& clock,
                   const sync::DeviceKeychain& keychain, int number) {
    Counter c;
    c.store = need(Store::open(path, clock), "opening the counter");
    const auto code = server.admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shopCode});
    if (!code)
        die(QStringLiteral("enrol-code"), server.lastError());
    need(sync::SyncEngine::enrol(*c.store, keychain, QStringLiteral("http://127.0.0.1:%1").arg(server.port()),
                                 shopCode, code->value(QStringLiteral("code")).toString(),
                                 QStringLiteral("Bench %1").arg(number), sync::SyncOptions{}),
         "enrolling");
    StandaloneShopRequest shop;
    shop.shopCode = shopCode;
    shop.shopName = QStringLiteral("Bench Mandi");
    shop.ownerUsername = QStringLiteral("owner-%1").arg(number);
    shop.ownerPassword = QStringLiteral("owner-pass-1");
    c.owner = need(SetupService(*c.store).createStandaloneShop(shop), "creating the shop");
    CatalogService catalog(*c.store);
    need(catalog.setCommissionRule(c.owner, std::nullopt, CommissionRule{CommissionKind::Flat, 500, {}}),
         "rule");
    const Uuid product =
        need(catalog.createProduct(c.owner,
                                   NewProductRequest{QString(), QStringLiteral("Tomato %1").arg(number),
                                                     Category::Vegetable, Unit::Kg}),
             "product")
            .id;
    const Uuid farmer =
        need(PartyService(*c.store).create(c.owner, NewPartyRequest{PartyKind::Farmer, QString(),
                                                                    QStringLiteral("Ramesh %1").arg(number),
                                                                    QString(), Money()}),
             "farmer")
            .id;
    need(CashSessionService(*c.store).open(c.owner, Money()), "opening the drawer"); // cash sales need it
    for (int i = 0; i < 20; ++i) {
        ArrivalRequest a;
        a.farmerId = farmer;
        a.productId = product;
        a.netQty = Quantity::fromUnits(1'000'000);
        c.lots.push_back(need(ArrivalService(*c.store).recordArrival(c.owner, a), "arrival").id);
    }
    return c;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int salesCount = int(argOr(args, 1, 10'000));
    const int runs = int(argOr(args, 2, 3));
    const int batch = int(argOr(args, 3, 200));
    QTemporaryDir dir(QStringLiteral("/tmp/mbench-drain-XXXXXX"));
    const sync::DeviceKeychain keychain(QStringLiteral("market-pos-bench"));
    need(keychain.probe(), "keychain");
    QDir().mkpath(dir.filePath(QStringLiteral("server")));
    ServerProcess server(dir.filePath(QStringLiteral("server")));
    beforeDying() = [&server] { server.stop(); };
    if (!server.start())
        die(QStringLiteral("starting market-server"), server.lastError());
    const QString shopCode = QStringLiteral("DRN01");
    market::server::test::createShop(server, shopCode, QStringLiteral("bench-owner"));
    SystemClock clock;
    sync::SyncOptions options;
    options.batchSize = batch;

    std::printf("backlog drain: %d sales of 2 lines (cash) from one counter to market-server on 127.0.0.1, "
                "batches of %d, %d run(s); load average before: %s\n",
                salesCount, batch, runs, qPrintable(loadAverage()));
    std::printf("%4s %10s %10s %10s %10s %10s %10s %10s %7s\n", "run", "queue s", "sales/s", "drain s",
                "sales/s", "server s", "raw s", "sales/s", "ratio");
    std::vector<double> drains, raws, fills, servers;
    for (int run = 0; run < runs; ++run) {
        Counter c = newCounter(server, shopCode, dir.filePath(QStringLiteral("counter-%1.db").arg(run)),
                               clock, keychain, run + 1);
        sync::SyncEngine engine(*c.store, keychain, options);
        const auto setup = engine.pushAll();
        if (setup.kind != sync::PushOutcome::Kind::Done)
            die(QStringLiteral("pushing the setup"), setup.message);

        // The backlog: sales made while the server was out of reach.
        const auto fillStart = BenchClock::now();
        for (int i = 0; i < salesCount; ++i) {
            SaleRequest r;
            for (size_t l = 0; l < 2; ++l)
                r.lines.push_back(
                    SaleLineRequest{c.lots[(size_t(i) * 2 + l) % c.lots.size()],
                                    Quantity::fromThousandths(1'000 + (i * 37 + int(l) * 101) % 2'000),
                                    Money::fromMinor(2'000 + (i * 13 % 5'000))});
            r.payments.push_back(
                PaymentRequest{PaymentMethod::Cash, Money::fromMinor(10'000'000), QString()});
            need(SaleService(*c.store).sell(c.owner, r), "sale");
        }
        const double fillSeconds = microsSince(fillStart) / 1e6;
        std::vector<SaleDoc> sales;
        for (const auto& e : need(Outbox::pending(*c.store, salesCount + 10), "reading the outbox"))
            if (e.type == op::kSaleRecorded)
                sales.push_back(
                    need(SaleDoc::fromJson(QJsonDocument::fromJson(e.payload.toUtf8()).object()), "sale"));
        if (int(sales.size()) != salesCount)
            die(QStringLiteral("the backlog"), QStringLiteral("%1 sales queued").arg(sales.size()));

        const double serverBefore = serverPushSeconds(server);
        const auto drainStart = BenchClock::now();
        const auto drained = engine.pushAll();
        const double drainSeconds = microsSince(drainStart) / 1e6;
        const double serverSeconds = serverPushSeconds(server) - serverBefore;
        if (drained.kind != sync::PushOutcome::Kind::Done || drained.acknowledged != salesCount ||
            drained.applied != salesCount)
            die(QStringLiteral("draining"), QStringLiteral("%1 (acknowledged %2, applied %3)")
                                                .arg(drained.message)
                                                .arg(drained.acknowledged)
                                                .arg(drained.applied));

        // Bare engine: the same rows, as many transactions as the engine sent batches.
        std::vector<std::vector<std::string>> statements;
        for (size_t from = 0; from < sales.size(); from += size_t(batch))
            statements.push_back(rawBatch(sales, from, std::min(sales.size(), from + size_t(batch))));
        const auto rawStart = BenchClock::now();
        try {
            pqxx::connection conn(server.dbUrl());
            for (const auto& stmts : statements) {
                pqxx::work tx(conn);
                for (const auto& sql : stmts)
                    tx.exec(sql);
                tx.commit();
            }
        } catch (const std::exception& e) {
            die(QStringLiteral("raw inserts"), QString::fromUtf8(e.what()));
        }
        const double rawSeconds = microsSince(rawStart) / 1e6;
        fills.push_back(fillSeconds);
        drains.push_back(drainSeconds);
        raws.push_back(rawSeconds);
        servers.push_back(serverSeconds);
        std::printf("%4d %10.2f %10.0f %10.2f %10.0f %10.2f %10.2f %10.0f %7.2f\n", run + 1, fillSeconds,
                    salesCount / fillSeconds, drainSeconds, salesCount / drainSeconds, serverSeconds,
                    rawSeconds, salesCount / rawSeconds, drainSeconds / rawSeconds);
        std::fflush(stdout);
    }
    const double d = median(drains);
    const double r = median(raws);
    std::printf(
        "median: drain %.2f s (%.0f sales/s, target < 5 s), of it in market-server's push handler %.2f s; "
        "raw libpqxx %.2f s (%.0f sales/s), drain/raw %.2f; queueing at the counter %.2f s; load average "
        "after: %s\n",
        d, salesCount / d, median(servers), r, salesCount / r, d / r, median(fills),
        qPrintable(loadAverage()));
    return server.stop() == 0 ? 0 : 1;
}
