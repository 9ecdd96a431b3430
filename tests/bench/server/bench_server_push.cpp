// N terminals push batches of realistic sales to a real market-server on loopback; in the same
// run, raw libpqxx inserts the same rows with multi-row INSERTs (the bare-engine rate).
//
// Closed loop (always): each terminal pushes its next batch as soon as the previous one is answered,
// so batch latency is mostly the queue of N terminals ahead of it: p99 ≈ N × batch service time.
// Open loop (--offered-rate R, sales/s over all terminals): afterwards, each terminal pushes further
// batches on a fixed schedule (one every N × batch size / R seconds, terminals evenly staggered),
// as counters do that push what they sell; a batch's latency counts from its scheduled time, so a
// server that falls behind is charged for the wait (no coordinated omission).
#include "ServerHarness.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <unistd.h>

using namespace market;
using namespace market::server::test;

namespace {

struct Options {
    QList<int> terminals{1, 10, 50};
    int batches = 10;   ///< per terminal
    int batchSize = 50; ///< sales per batch
    int linesPerSale = 3;
    int serverThreads = 16; ///< market-server --threads (HTTP workers, each with at most one connection)
    double offeredRate = 0; ///< open loop: sales/s offered over all terminals; 0: closed loop only
};

qint64 rssKb(qint64 pid, const char* field) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

// CPU seconds (user + system) of a process from /proc/<pid>/stat; with `children`, also those of
// its reaped children. 0 if it is gone.
double cpuSeconds(qint64 pid, bool children = false) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command (which may hold spaces) in parentheses: state is field 3.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return 0;
    double ticks = fields[11].toDouble() + fields[12].toDouble(); // utime, stime (fields 14, 15)
    if (children)
        ticks += fields[13].toDouble() + fields[14].toDouble(); // cutime, cstime
    return ticks / double(sysconf(_SC_CLK_TCK));
}

qint64 parentPid(const QString& pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

/// CPU time used by the server and by its embedded PostgreSQL (postmaster and every backend), so
/// the benchmark reports CPU per sale: unlike the rates, hardly moved by what else the shared
/// machine runs.
struct CpuUse {
    double server = 0;
    double postgres = 0;
};

CpuUse cpuUse(const ServerProcess& server) {
    CpuUse use;
    use.server = cpuSeconds(server.pid());
    QFile pidFile(server.dataDir() + QStringLiteral("/pg/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return use;
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    use.postgres = cpuSeconds(postmaster, true); // with the backends that have exited
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs))
        if (pid.front().isDigit() && parentPid(pid) == postmaster)
            use.postgres += cpuSeconds(pid.toLongLong());
    return use;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

std::string q(const QString& s) {
    return "'" + s.toStdString() + "'";
}

// One batch of sales as multi-row INSERT statements for sales, lines and payments.
std::vector<std::string> rawBatch(const std::vector<core::SaleDoc>& sales) {
    std::string s =
        "INSERT INTO sales (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, walkin_name, "
        "walkin_phone, cashier_id, created_at, total, tendered, change, paid, credit, credit_id, "
        "override_by, "
        "override_reason, op_id) VALUES ";
    std::string l = "INSERT INTO sale_lines (id, shop_id, sale_id, created_at, line_no, lot_id, product_id, "
                    "farmer_id, qty, "
                    "price, amount, commission_bp, commission, farmer_net) VALUES ";
    std::string p =
        "INSERT INTO sale_payments (id, shop_id, sale_id, created_at, method, amount, reference) VALUES ";
    bool firstLine = true;
    bool firstPay = true;
    for (size_t i = 0; i < sales.size(); ++i) {
        const auto& d = sales[i];
        const std::string at = "to_timestamp(" + std::to_string(d.createdAtMs) + " / 1000.0)";
        s += (i ? "," : "") + std::string("(") + q(d.id.toString()) + "," + q(d.shopId.toString()) + "," +
             q(d.terminalId.toString()) + "," + std::to_string(d.receiptSeq) + "," + q(d.receiptNo) +
             ",NULL,'',''," + q(d.cashierId.toString()) + "," + at + "," + std::to_string(d.total.minor()) +
             "," + std::to_string(d.tendered.minor()) + "," + std::to_string(d.change.minor()) + "," +
             std::to_string(d.paid.minor()) + "," + std::to_string(d.credit.minor()) + ",NULL,NULL,''," +
             q(d.id.toString()) + ")";
        for (const auto& x : d.lines) {
            l += (firstLine ? "" : ",") + std::string("(") + q(x.id.toString()) + "," +
                 q(d.shopId.toString()) + "," + q(d.id.toString()) + "," + at + "," +
                 std::to_string(x.lineNo) + "," + q(x.lotId.toString()) + "," + q(x.productId.toString()) +
                 "," + q(x.farmerId.toString()) + "," + std::to_string(x.qty.thousandths()) + "," +
                 std::to_string(x.price.minor()) + "," + std::to_string(x.amount.minor()) + "," +
                 std::to_string(x.commissionBp) + "," + std::to_string(x.commission.minor()) + "," +
                 std::to_string(x.farmerNet.minor()) + ")";
            firstLine = false;
        }
        for (const auto& x : d.payments) {
            p += (firstPay ? "" : ",") + std::string("(") + q(x.id.toString()) + "," +
                 q(d.shopId.toString()) + "," + q(d.id.toString()) + "," + at + ",'cash'," +
                 std::to_string(x.amount.minor()) + ",'')";
            firstPay = false;
        }
    }
    return {s, l, p};
}

/// The server's peak resident size while it runs a load, sampled every 50 ms on its own thread.
class RssSampler {
public:
    explicit RssSampler(qint64 pid)
        : m_thread([this, pid] {
            while (m_running) {
                m_peakKb = std::max<qint64>(m_peakKb, rssKb(pid, "VmRSS:"));
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }) {}
    ~RssSampler() { stop(); }
    RssSampler(const RssSampler&) = delete;
    RssSampler& operator=(const RssSampler&) = delete;

    /// Stops sampling; the peak in MiB.
    double stop() {
        m_running = false;
        if (m_thread.joinable())
            m_thread.join();
        return double(m_peakKb.load()) / 1024.0;
    }

private:
    std::atomic<qint64> m_peakKb{0};
    std::atomic<bool> m_running{true};
    std::thread m_thread;
};

struct Load {
    std::vector<TerminalClient> terminals;
    std::vector<std::vector<QByteArray>> bodies;            ///< per terminal, per batch
    std::vector<std::vector<std::vector<std::string>>> raw; ///< same shape, for the bare engine
};

// Open loop: terminal i pushes batch b at start + (b + i / n) × interval, interval = n × batch
// size / offered rate; latency from the scheduled time to the answer.
void openLoop(const ServerProcess& server, const Load& load, const Options& opt, int n) {
    using Clock = std::chrono::steady_clock;
    const double interval = double(n) * opt.batchSize / opt.offeredRate; // seconds, per terminal
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<int> errors{0};
    RssSampler rss(server.pid());
    const Clock::time_point start = Clock::now() + std::chrono::milliseconds(100);
    std::vector<std::thread> workers;
    for (int i = 0; i < n; ++i)
        workers.emplace_back([&, i] {
            for (int b = 0; b < opt.batches; ++b) {
                const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>((b + double(i) / n) * interval));
                std::this_thread::sleep_until(due);
                const auto r = server.post(QStringLiteral("/api/v1/sync/push"),
                                           load.bodies[size_t(i)][size_t(opt.batches + b)],
                                           load.terminals[size_t(i)].authorization());
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - due).count();
                if (r.status != 200 && errors++ == 0)
                    std::fprintf(stderr, "push failed: status %d: %s\n", r.status,
                                 r.body.left(300).constData());
                std::lock_guard lock(mutex);
                latencies.push_back(ms);
            }
        });
    for (auto& w : workers)
        w.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double peakRssMb = rss.stop();
    std::printf("%10s open loop, %d terminals, offered %.0f sales/s (a batch of %d every %.0f ms per "
                "terminal): achieved %.0f sales/s, p50 %.1f ms, p99 %.1f ms, RSS %.1f MB%s\n",
                "", n, opt.offeredRate, opt.batchSize, interval * 1000,
                double(n) * opt.batches * opt.batchSize / seconds, percentile(latencies, 0.5),
                percentile(latencies, 0.99), peakRssMb, errors ? "  (errors!)" : "");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options opt;
    const QStringList args = app.arguments();
    const auto usage = [] {
        std::fprintf(stderr, "usage: bench_server_push [--terminals 1,10,50] [--batches N] [--batch-size N] "
                             "[--server-threads N] [--offered-rate sales/s]\n");
        return 2;
    };
    for (qsizetype i = 1; i < args.size(); i += 2) {
        if (i + 1 == args.size()) {
            return usage(); // --help, or a flag without its value
        } else if (args[i] == QLatin1String("--terminals")) {
            opt.terminals.clear();
            for (const QString& n : args[i + 1].split(QLatin1Char(',')))
                opt.terminals << n.toInt();
        } else if (args[i] == QLatin1String("--batches")) {
            opt.batches = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--batch-size")) {
            opt.batchSize = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--server-threads")) {
            opt.serverThreads = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--offered-rate")) {
            opt.offeredRate = args[i + 1].toDouble();
        } else {
            return usage();
        }
    }
    QTemporaryDir dir(QStringLiteral("/tmp/mbench-XXXXXX"));
    ServerProcess server(dir.path());
    if (!server.start({QStringLiteral("--threads"), QString::number(opt.serverThreads)})) {
        std::fprintf(stderr, "cannot start market-server: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    std::printf("market-server push benchmark: %d sales/batch, %d lines/sale, %d batches/terminal\n",
                opt.batchSize, opt.linesPerSale, opt.batches);
    std::printf("%10s %12s %10s %10s %10s %14s %8s\n", "terminals", "sales/s", "p50 ms", "p99 ms", "RSS MB",
                "raw sales/s", "ratio");
    int shopNo = 0;
    for (const int n : opt.terminals) {
        // Ten terminals per shop, as in a market with several counters per shop.
        Load load;
        std::vector<QString> shops;
        for (int i = 0; i < n; ++i) {
            if (i % 10 == 0) {
                const auto shop =
                    createShop(server, QStringLiteral("B%1").arg(++shopNo), QStringLiteral("bench-owner"));
                shops.push_back(shop.code);
            }
            auto t = enrol(server, shops.back());
            if (!t) {
                std::fprintf(stderr, "enrolment failed: %s\n", qPrintable(server.lastError()));
                return 1;
            }
            const auto farmer = party(t->shopId, core::PartyKind::Farmer);
            const auto prod = product(t->shopId);
            std::vector<core::LotDoc> lots;
            std::vector<protocol::OutboxOp> setup{t->op(core::op::kPartyUpsert, farmer.toJson()),
                                                  t->op(core::op::kProductUpsert, prod.toJson())};
            for (int k = 0; k < opt.linesPerSale; ++k) {
                lots.push_back(lot(*t, farmer.id, prod.id, 1'000'000'000));
                setup.push_back(t->op(core::op::kLotReceived, lots.back().toJson()));
            }
            if (t->push(server, setup).status != 200)
                return 1;
            // Pre-encode every batch so the timed part measures the server, not the generator.
            std::vector<QByteArray> bodies;
            std::vector<std::vector<std::string>> raw;
            // The open loop's batches follow the closed loop's in the terminal's sequence.
            const int batches = opt.offeredRate > 0 ? 2 * opt.batches : opt.batches;
            for (int b = 0; b < batches; ++b) {
                std::vector<protocol::OutboxOp> ops;
                std::vector<core::SaleDoc> rawSales;
                for (int s = 0; s < opt.batchSize; ++s) {
                    std::vector<std::pair<core::LotDoc, qint64>> lines;
                    for (const auto& l : lots)
                        lines.push_back({l, 12'500});
                    ops.push_back(t->op(core::op::kSaleRecorded, sale(*t, lines, 4000).toJson()));
                    rawSales.push_back(sale(*t, lines, 4000));
                }
                bodies.push_back(TerminalClient::batch(ops));
                if (b < opt.batches)
                    raw.push_back(rawBatch(rawSales));
            }
            load.terminals.push_back(*t);
            load.bodies.push_back(std::move(bodies));
            load.raw.push_back(std::move(raw));
        }

        // Server run.
        const CpuUse cpuBefore = cpuUse(server);
        std::mutex mutex;
        std::vector<double> latencies;
        std::atomic<int> errors{0};
        RssSampler rss(server.pid());
        QElapsedTimer wall;
        wall.start();
        std::vector<std::thread> workers;
        for (int i = 0; i < n; ++i)
            workers.emplace_back([&, i] {
                for (int b = 0; b < opt.batches; ++b) {
                    const QByteArray& body = load.bodies[size_t(i)][size_t(b)];
                    QElapsedTimer t;
                    t.start();
                    const auto r = server.post(QStringLiteral("/api/v1/sync/push"), body,
                                               load.terminals[size_t(i)].authorization());
                    const double ms = double(t.nsecsElapsed()) / 1e6;
                    if (r.status != 200 && errors++ == 0)
                        std::fprintf(stderr, "push failed: status %d: %s\n", r.status,
                                     r.body.left(300).constData());
                    std::lock_guard lock(mutex);
                    latencies.push_back(ms);
                }
            });
        for (auto& w : workers)
            w.join();
        const double serverSeconds = double(wall.nsecsElapsed()) / 1e9;
        const double peakRssMb = rss.stop();
        const double sales = double(n) * opt.batches * opt.batchSize;
        const CpuUse cpuAfter = cpuUse(server);

        // Bare engine: the same rows, one transaction per batch, at the same concurrency up to 64
        // connections (200 would pass the cluster's max_connections beside market-server's pool;
        // more than 64 only queue on 2 cores). Each connection plays every k-th terminal.
        const CpuUse rawCpuBefore = cpuUse(server);
        wall.restart();
        std::vector<std::thread> rawWorkers;
        std::atomic<int> rawErrors{0};
        const int rawConnections = std::min(n, 64);
        for (int i = 0; i < rawConnections; ++i)
            rawWorkers.emplace_back([&, i] {
                try {
                    pqxx::connection c(server.dbUrl());
                    for (int t = i; t < n; t += rawConnections)
                        for (const auto& stmts : load.raw[size_t(t)]) {
                            pqxx::work tx(c);
                            for (const auto& sql : stmts)
                                tx.exec(sql);
                            tx.commit();
                        }
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "raw: %s\n", e.what());
                    ++rawErrors;
                }
            });
        for (auto& w : rawWorkers)
            w.join();
        const double rawSeconds = double(wall.nsecsElapsed()) / 1e9;
        const CpuUse rawCpuAfter = cpuUse(server);
        const double serverRate = sales / serverSeconds;
        const double rawRate = sales / rawSeconds;
        std::printf("%10d %12.0f %10.1f %10.1f %10.1f %14.0f %8.2f%s\n", n, serverRate,
                    percentile(latencies, 0.5), percentile(latencies, 0.99), peakRssMb, rawRate,
                    serverRate / rawRate, errors || rawErrors ? "  (errors!)" : "");
        std::printf(
            "%10s CPU ms per 1,000 sales: server %.0f + PostgreSQL %.0f; bare engine: PostgreSQL %.0f\n", "",
            1e6 * (cpuAfter.server - cpuBefore.server) / sales,
            1e6 * (cpuAfter.postgres - cpuBefore.postgres) / sales,
            1e6 * (rawCpuAfter.postgres - rawCpuBefore.postgres) / sales);
        std::fflush(stdout);
        if (opt.offeredRate > 0)
            openLoop(server, load, opt, n);
    }
    return server.stop() == 0 ? 0 : 1;
}
