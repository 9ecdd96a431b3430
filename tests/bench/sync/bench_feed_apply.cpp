// Benchmark: applying pages of another counter's sales with core::FeedApplier (decode, arithmetic
// re-check, "already here?" lookup, one transaction per page with the cursor, the farmers' sold
// totals summed per page: schema v10) against a bare SQLite program writing the same rows (sale,
// lines, payments, and per page one farmer_balance / farmer_bucket upsert per farmer and bucket)
// in one transaction per page with the same pragmas, in the same run. Both write into copies of
// the same store made by the product (Store::open: the counter's schema). Also printed: the CPU
// time of the writing thread per sale for both (steadier than rates while other work shares the
// machine) and decoding alone (SaleDoc::fromJson, best of 5), the part of applying that needs no
// database. Two more applier series: sales decoded ahead on another thread while the previous
// page is written (as the sync engine's pull does), and a bulk load (decoded ahead, the report
// indexes set aside and built at the end, inside the timing: a new counter's first pull), compared
// with the raw program loading the same way (report indexes dropped first, built at the end, one
// transaction each as the product builds them, inside the timing).
// MARKET_BENCH_KEEP=1 keeps the stores (the folder is printed).
//
// Usage: bench_feed_apply [sales = 2000] [page = 500] [runs = 3] [directory = system temp]
// Counter X makes the sales through SaleService (2 lines, cash); counter Y of the same shop (a
// template with X's master data and lots already applied) receives them.
#include "../core/BenchUtil.h"
#include "BareSqlite.h"
#include "SyncBench.h"
#include "domain/Clock.h"
#include "services/ArrivalService.h"
#include "services/CashSessionService.h"
#include "services/CatalogService.h"
#include "services/FeedApplier.h"
#include "services/PartyService.h"
#include "services/SaleService.h"
#include "services/SetupService.h"
#include "store/Outbox.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <future>
#include <map>
#include <sqlite3.h>
#include <tuple>

using namespace market::core;
using namespace market::bench;

namespace {

/// An enrolled store of shop `shopId` as terminal `number`, set up with its own owner.
std::unique_ptr<Store> counter(const QString& path, const Clock& clock, const Uuid& shopId, int number,
                               Session& owner) {
    auto store = need(Store::open(path, clock), "opening a counter");
    need(Outbox::setEnrolment(*store,
                              Enrolment{QStringLiteral("http://127.0.0.1:1"), shopId, QStringLiteral("BEN01"),
                                        Uuid::createV7(clock.nowMs()), number, clock.nowMs()}),
         "enrolling");
    StandaloneShopRequest shop;
    shop.shopCode = QStringLiteral("BEN01");
    shop.shopName = QStringLiteral("Bench Mandi");
    shop.ownerUsername = QStringLiteral("owner-%1").arg(number);
    shop.ownerPassword = QStringLiteral("owner-pass-1");
    owner = need(SetupService(*store).createStandaloneShop(shop), "creating the shop");
    return store;
}

std::vector<FeedChange> feedOf(Store& store) {
    std::vector<FeedChange> out;
    for (const auto& e : need(Outbox::pending(store, 1'000'000), "reading the outbox")) {
        const QJsonObject doc = QJsonDocument::fromJson(e.payload.toUtf8()).object();
        out.push_back(FeedChange{e.seq, e.type, doc.value(QStringLiteral("id")).toString(),
                                 store.identity()->terminalId.toString(), doc});
    }
    return out;
}

// ---- the bare SQLite program -----------------------------------------------------------------

void bindText(sqlite3_stmt* st, int i, const QString& v) {
    const QByteArray u = v.toUtf8();
    sqlite3_bind_text(st, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
}

void bindId(sqlite3_stmt* st, int i, const std::optional<Uuid>& v) {
    if (v)
        bindText(st, i, v->toString());
    else
        sqlite3_bind_null(st, i);
}

/// The same rows as ForeignDocumentWriter::sale for cash sales, with decoding done beforehand.
class RawWriter {
public:
    /// `bulk`: the report indexes dropped now and built by buildReportIndexes().
    RawWriter(const QString& path, bool bulk) {
        const QByteArray p = path.toUtf8();
        check(m_db,
              sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr),
              "open");
        check(m_db,
              sqlite3_exec(m_db,
                           "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                           "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-20000; PRAGMA wal_autocheckpoint=0;",
                           nullptr, nullptr, nullptr),
              "pragmas");
        prepare(m_sale,
                "INSERT INTO sale (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, walkin_name, "
                "walkin_phone, cashier_id, created_at_ms, total, tendered, change_given, paid, credit, "
                "override_by, override_reason, commission_by_buyer) VALUES "
                "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)");
        prepare(m_line,
                "INSERT INTO sale_line (id, sale_id, line_no, lot_id, product_id, farmer_id, qty, price, "
                "amount, commission_bp, commission, farmer_net, packages, buyer_charges, farmer_charges, "
                "commission_by_buyer) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)");
        prepare(m_pay,
                "INSERT INTO sale_payment (id, sale_id, method, amount, reference) VALUES (?1,?2,?3,?4,?5)");
        prepare(m_cursor,
                "INSERT INTO meta (key, value) VALUES ('sync.pull_cursor', ?1) ON CONFLICT (key) DO "
                "UPDATE SET value = excluded.value");
        prepare(m_balance, "INSERT INTO farmer_balance (farmer_id, sold_amount, sold_commission, sold_net) "
                           "VALUES (?1,?2,?3,?4) ON CONFLICT (farmer_id) DO UPDATE SET sold_amount = "
                           "sold_amount + excluded.sold_amount, sold_commission = sold_commission + "
                           "excluded.sold_commission, sold_net = sold_net + excluded.sold_net");
        prepare(m_bucket, "INSERT INTO farmer_bucket (farmer_id, grain, bucket, net) VALUES (?1,?2,?3,?4) ON "
                          "CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net");
        if (bulk)
            dropReportIndexes(m_db);
    }

    void buildReportIndexes() { market::bench::buildReportIndexes(m_db); }
    ~RawWriter() {
        for (sqlite3_stmt* st : {m_sale, m_line, m_pay, m_cursor, m_balance, m_bucket})
            sqlite3_finalize(st);
        sqlite3_close(m_db);
    }

    void page(const std::vector<SaleDoc>& sales, size_t from, size_t to, qint64 cursor) {
        check(m_db, sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
        for (size_t i = from; i < to; ++i)
            write(sales[i]);
        flushTotals();
        bindText(m_cursor, 1, QStringLiteral("e:%1").arg(cursor));
        step(m_cursor, "cursor");
        check(m_db, sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr), "commit");
    }

private:
    void prepare(sqlite3_stmt*& st, const char* sql) {
        check(m_db, sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr), sql);
    }
    void step(sqlite3_stmt* st, const char* what) {
        check(m_db, sqlite3_step(st), what);
        sqlite3_reset(st);
    }
    void write(const SaleDoc& s) {
        bindText(m_sale, 1, s.id.toString());
        bindText(m_sale, 2, s.shopId.toString());
        bindText(m_sale, 3, s.terminalId.toString());
        sqlite3_bind_int64(m_sale, 4, s.receiptSeq);
        bindText(m_sale, 5, s.receiptNo);
        bindId(m_sale, 6, s.buyerId);
        bindText(m_sale, 7, s.walkinName);
        bindText(m_sale, 8, s.walkinPhone);
        bindText(m_sale, 9, s.cashierId.toString());
        sqlite3_bind_int64(m_sale, 10, s.createdAtMs);
        sqlite3_bind_int64(m_sale, 11, s.total.minor());
        sqlite3_bind_int64(m_sale, 12, s.tendered.minor());
        sqlite3_bind_int64(m_sale, 13, s.change.minor());
        sqlite3_bind_int64(m_sale, 14, s.paid.minor());
        sqlite3_bind_int64(m_sale, 15, s.credit.minor());
        bindId(m_sale, 16, s.overrideBy);
        bindText(m_sale, 17, s.overrideReason);
        sqlite3_bind_int64(m_sale, 18, s.commissionByBuyer ? 1 : 0);
        step(m_sale, "sale");
        for (const auto& l : s.lines) {
            bindText(m_line, 1, l.id.toString());
            bindText(m_line, 2, s.id.toString());
            sqlite3_bind_int64(m_line, 3, l.lineNo);
            bindText(m_line, 4, l.lotId.toString());
            bindText(m_line, 5, l.productId.toString());
            bindText(m_line, 6, l.farmerId.toString());
            sqlite3_bind_int64(m_line, 7, l.qty.thousandths());
            sqlite3_bind_int64(m_line, 8, l.price.minor());
            sqlite3_bind_int64(m_line, 9, l.amount.minor());
            sqlite3_bind_int64(m_line, 10, l.commissionBp);
            sqlite3_bind_int64(m_line, 11, l.commission.minor());
            sqlite3_bind_int64(m_line, 12, l.farmerNet.minor());
            sqlite3_bind_int64(m_line, 13, l.packages);
            sqlite3_bind_int64(m_line, 14, l.buyerCharges.minor());
            sqlite3_bind_int64(m_line, 15, l.farmerCharges.minor());
            sqlite3_bind_int64(m_line, 16, s.commissionByBuyer ? 1 : 0);
            step(m_line, "line");
            // The page's totals, as the triggers would have added them (UTC month and day).
            const QString farmer = l.farmerId.toString();
            const QDate day = QDateTime::fromMSecsSinceEpoch(s.createdAtMs, QTimeZone::utc()).date();
            Sold& b = m_balances[farmer];
            b.amount += l.amount.minor();
            b.commission += l.commission.minor();
            b.net += l.farmerNet.minor();
            m_nets[{farmer, 0, day.year() * 100 + day.month()}] += l.farmerNet.minor();
            m_nets[{farmer, 1, s.createdAtMs / 86'400'000}] += l.farmerNet.minor();
        }
        for (const auto& p : s.payments) {
            bindText(m_pay, 1, p.id.toString());
            bindText(m_pay, 2, s.id.toString());
            bindText(m_pay, 3, paymentMethodName(p.method));
            sqlite3_bind_int64(m_pay, 4, p.amount.minor());
            bindText(m_pay, 5, p.reference);
            step(m_pay, "payment");
        }
    }

    void flushTotals() {
        for (const auto& [farmer, b] : m_balances) {
            bindText(m_balance, 1, farmer);
            sqlite3_bind_int64(m_balance, 2, b.amount);
            sqlite3_bind_int64(m_balance, 3, b.commission);
            sqlite3_bind_int64(m_balance, 4, b.net);
            step(m_balance, "farmer balance");
        }
        for (const auto& [key, net] : m_nets) {
            bindText(m_bucket, 1, std::get<0>(key));
            sqlite3_bind_int64(m_bucket, 2, std::get<1>(key));
            sqlite3_bind_int64(m_bucket, 3, std::get<2>(key));
            sqlite3_bind_int64(m_bucket, 4, net);
            step(m_bucket, "farmer bucket");
        }
        m_balances.clear();
        m_nets.clear();
    }

    struct Sold {
        qint64 amount = 0;
        qint64 commission = 0;
        qint64 net = 0;
    };
    std::map<QString, Sold> m_balances;
    std::map<std::tuple<QString, int, qint64>, qint64> m_nets;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_sale = nullptr;
    sqlite3_stmt* m_line = nullptr;
    sqlite3_stmt* m_pay = nullptr;
    sqlite3_stmt* m_cursor = nullptr;
    sqlite3_stmt* m_balance = nullptr;
    sqlite3_stmt* m_bucket = nullptr;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int salesCount = int(argOr(args, 1, 2000));
    const size_t pageSize = size_t(argOr(args, 2, 500));
    const int runs = int(argOr(args, 3, 3));
    QTemporaryDir tmp(args.size() > 4 ? QDir(args.at(4)).filePath(QStringLiteral("bench-XXXXXX"))
                                      : QString());
    if (!tmp.isValid())
        die(QStringLiteral("temporary folder"), tmp.errorString());
    if (qEnvironmentVariableIsSet("MARKET_BENCH_KEEP")) { // keep the stores to look at afterwards
        tmp.setAutoRemove(false);
        std::fprintf(stderr, "keeping %s\n", qUtf8Printable(tmp.path()));
    }
    SystemClock clock;

    // Counter X: the master data, 20 lots, and the sales, through the services.
    Session xOwner;
    const Uuid shopId = Uuid::createV7(clock.nowMs());
    auto x = counter(tmp.filePath(QStringLiteral("x.db")), clock, shopId, 1, xOwner);
    CatalogService catalog(*x);
    need(catalog.setCommissionRule(xOwner, std::nullopt, CommissionRule{CommissionKind::Flat, 500, {}}),
         "rule");
    const Uuid product =
        need(catalog.createProduct(xOwner, NewProductRequest{QString(), QStringLiteral("Tomato"),
                                                             Category::Vegetable, Unit::Kg}),
             "product")
            .id;
    const Uuid farmer =
        need(PartyService(*x).create(xOwner, NewPartyRequest{PartyKind::Farmer, QString(),
                                                             QStringLiteral("Ramesh"), QString(), Money()}),
             "farmer")
            .id;
    std::vector<Uuid> lots;
    for (int i = 0; i < 20; ++i) {
        ArrivalRequest a;
        a.farmerId = farmer;
        a.productId = product;
        a.netQty = Quantity::fromUnits(100'000);
        lots.push_back(need(ArrivalService(*x).recordArrival(xOwner, a), "arrival").id);
    }
    need(CashSessionService(*x).open(xOwner, Money()), "drawer");
    const std::vector<FeedChange> masterFeed = feedOf(*x);
    const qint64 firstSalePosition = masterFeed.back().position + 1;
    std::fprintf(stderr, "making %d sales on counter X...\n", salesCount);
    for (int i = 0; i < salesCount; ++i) {
        SaleRequest r;
        for (size_t l = 0; l < 2; ++l)
            r.lines.push_back(
                SaleLineRequest{lots[(size_t(i) * 2 + l) % lots.size()],
                                Quantity::fromThousandths(1'000 + (i * 37 + int(l) * 101) % 2'000),
                                Money::fromMinor(2'000 + (i * 13 % 5'000))});
        r.payments.push_back(PaymentRequest{PaymentMethod::Cash, Money::fromMinor(10'000'000), QString()});
        need(SaleService(*x).sell(xOwner, r), "sale");
    }
    std::vector<FeedChange> sales;
    for (auto& c : feedOf(*x))
        if (c.position >= firstSalePosition && c.type == op::kSaleRecorded)
            sales.push_back(std::move(c));
    std::vector<SaleDoc> decoded;
    for (const auto& c : sales)
        decoded.push_back(need(SaleDoc::fromJson(c.doc), "decoding a sale"));
    // Decoding alone (SaleDoc::fromJson, the part of applying that needs no database): best of 5.
    double decodeMicros = 1e18;
    for (int round = 0; round < 5; ++round) {
        const auto t = BenchClock::now();
        for (const auto& c : sales)
            if (!SaleDoc::fromJson(c.doc).ok())
                die(QStringLiteral("decoding a sale"), c.id);
        decodeMicros = std::min(decodeMicros, microsSince(t));
    }

    // Counter Y's template: X's master data, lots and drawer applied.
    Session yOwner;
    const QString templatePath = tmp.filePath(QStringLiteral("y-template.db"));
    {
        auto y = counter(templatePath, clock, shopId, 2, yOwner);
        need(FeedApplier(*y).applyPage(masterFeed, QStringLiteral("e:%1").arg(firstSalePosition - 1)),
             "applying X's master data");
        need(y->db().checkpoint(), "checkpoint");
    }

    std::printf(
        "%d sales of 2 lines in pages of %zu, %d run(s); one page = one transaction (synchronous=NORMAL:\n"
        "a page a power cut undoes is pulled again);\n"
        "the table's ops/s column counts pages\n",
        salesCount, pageSize, runs);
    printSeriesHeader();
    std::vector<double> appliedRates, rawRates, appliedCpu, rawCpu, bulkRates, bulkCpu, aheadRates, aheadCpu,
        rawBulkRates, rawBulkCpu;
    for (int run = 0; run < runs; ++run) {
        // Y applying the pages: as they come (decoding each on the writing thread); with each
        // page's sales decoded on another thread while the previous page is written (the sync
        // engine's pull); and as a new counter's first pull loads them: decoded ahead, report
        // indexes set aside and built once at the end (timed with the last page).
        enum class Mode { Inline, Ahead, Bulk };
        const auto applyAll = [&](const QString& name, const char* file, Mode mode) {
            Series series(name);
            auto y = need(Store::open(copyStore(templatePath, tmp.path(), QLatin1String(file)), clock),
                          "opening Y");
            FeedApplier applier(*y);
            const auto pageAt = [&](size_t from) {
                return std::vector<FeedChange>(sales.begin() + qsizetype(from),
                                               sales.begin() +
                                                   qsizetype(std::min(sales.size(), from + pageSize)));
            };
            const auto decodeAhead = [&](size_t from) {
                return std::async(std::launch::async, [page = pageAt(from)] {
                    return std::make_pair(page, FeedApplier::decodeSales(page));
                });
            };
            const double cpu = threadCpuMicros();
            const auto start = BenchClock::now();
            if (mode == Mode::Bulk)
                need(applier.beginBulkLoad(), "setting the report indexes aside");
            auto next = decodeAhead(0);
            for (size_t from = 0; from < sales.size(); from += pageSize) {
                std::vector<FeedChange> page;
                FeedApplier::DecodedSales decodedSales;
                if (mode == Mode::Inline) {
                    page = pageAt(from);
                } else {
                    std::tie(page, decodedSales) = next.get();
                    if (from + pageSize < sales.size())
                        next = decodeAhead(from + pageSize);
                }
                const auto t = BenchClock::now();
                const auto stats =
                    need(applier.applyPage(page, QStringLiteral("e:%1").arg(page.back().position),
                                           mode == Mode::Inline ? nullptr : &decodedSales),
                         "applying a page");
                if (stats.applied != int(page.size()))
                    die(QStringLiteral("applying a page"), QStringLiteral("not every sale applied"));
                if (mode == Mode::Bulk && from + pageSize >= sales.size())
                    need(applier.endBulkLoad(), "building the report indexes");
                series.micros.push_back(microsSince(t));
            }
            series.wallSeconds = microsSince(start) / 1e6;
            series.cpuMicros = threadCpuMicros() - cpu;
            return series;
        };
        Series applied = applyAll(QStringLiteral("FeedApplier, per page"), "y-run.db", Mode::Inline);
        Series ahead = applyAll(QStringLiteral("FeedApplier, decoded ahead"), "y-ahead.db", Mode::Ahead);
        Series bulk = applyAll(QStringLiteral("FeedApplier, bulk load"), "y-bulk.db", Mode::Bulk);
        const auto rawAll = [&](const QString& name, const char* file, bool bulkLoad) {
            Series series(name);
            RawWriter writer(copyStore(templatePath, tmp.path(), QLatin1String(file)), bulkLoad);
            const double cpu = threadCpuMicros();
            const auto start = BenchClock::now();
            for (size_t from = 0; from < decoded.size(); from += pageSize) {
                const size_t to = std::min(decoded.size(), from + pageSize);
                const auto t = BenchClock::now();
                writer.page(decoded, from, to, sales[to - 1].position);
                if (bulkLoad && to == decoded.size())
                    writer.buildReportIndexes();
                series.micros.push_back(microsSince(t));
            }
            series.wallSeconds = microsSince(start) / 1e6;
            series.cpuMicros = threadCpuMicros() - cpu;
            return series;
        };
        Series raw = rawAll(QStringLiteral("raw SQLite, per page"), "raw-run.db", false);
        Series rawBulk = rawAll(QStringLiteral("raw SQLite, bulk load"), "raw-bulk.db", true);
        // Rates in documents per second (the series hold one sample per page).
        const double appliedRate = double(sales.size()) / applied.wallSeconds;
        const double rawRate = double(sales.size()) / raw.wallSeconds;
        const double aheadRate = double(sales.size()) / ahead.wallSeconds;
        aheadRates.push_back(aheadRate);
        aheadCpu.push_back(ahead.cpuMicros / double(sales.size()));
        const double bulkRate = double(sales.size()) / bulk.wallSeconds;
        rawBulkRates.push_back(double(sales.size()) / rawBulk.wallSeconds);
        rawBulkCpu.push_back(rawBulk.cpuMicros / double(sales.size()));
        bulkRates.push_back(bulkRate);
        bulkCpu.push_back(bulk.cpuMicros / double(sales.size()));
        appliedRates.push_back(appliedRate);
        rawRates.push_back(rawRate);
        // CPU of this thread per sale: steadier than the rates on a loaded machine.
        appliedCpu.push_back(applied.cpuMicros / double(sales.size()));
        rawCpu.push_back(raw.cpuMicros / double(sales.size()));
        printSeries(applied);
        printSeries(ahead);
        printSeries(bulk);
        printSeries(raw);
        printSeries(rawBulk);
        std::printf("run %d: FeedApplier %.0f docs/s, decoded ahead %.0f, bulk load %.0f, raw %.0f docs/s, "
                    "raw/applier %.2f\n",
                    run + 1, appliedRate, aheadRate, bulkRate, rawRate, rawRate / appliedRate);
    }
    std::printf("decoding alone: %.2f us per sale (%.0f sales/s)\n", decodeMicros / double(sales.size()),
                double(sales.size()) / decodeMicros * 1e6);
    std::printf(
        "median CPU of the writing thread: FeedApplier %.1f us per sale, raw SQLite %.1f us per sale, "
        "applier/raw %.2f\n",
        median(appliedCpu), median(rawCpu), median(appliedCpu) / median(rawCpu));
    std::printf("median: FeedApplier %.0f sales/s, raw SQLite %.0f sales/s, raw/applier %.2f\n",
                median(appliedRates), median(rawRates), median(rawRates) / median(appliedRates));
    std::printf(
        "median: decoded ahead %.0f sales/s (%.1f us CPU per sale on the writing thread), ahead/raw %.2f\n",
        median(aheadRates), median(aheadCpu), median(aheadRates) / median(rawRates));
    std::printf("median: bulk load %.0f sales/s (%.1f us CPU per sale, report indexes built in the time); "
                "raw SQLite's bulk load %.0f sales/s (%.1f us); bulk/raw bulk %.2f\n",
                median(bulkRates), median(bulkCpu), median(rawBulkRates), median(rawBulkCpu),
                median(bulkRates) / median(rawBulkRates));
    return 0;
}
