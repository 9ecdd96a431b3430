// Reports on a big store: generates (once) a shop with 1,000,000 sales (~3,000,000 lines, 5,000
// buyers, 2,000 farmers, two years) with raw SQL in the real schema, then times each report for
// one day, one party and a month of the whole shop (p50/p99), and the opening of the store.
#include "domain/Clock.h"
#include "services/FarmerSoldTotals.h"
#include "services/SetupService.h"
#include "services/reports/CreditReports.h"
#include "services/reports/ExpenseReports.h"
#include "services/reports/SalesReports.h"
#include "services/reports/StockReports.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>
#include <random>
#include <sqlite3.h>

using namespace market::core;

namespace {
constexpr qint64 kDay = 86'400'000;
constexpr int kBuyers = 5000;
constexpr int kFarmers = 2000;
constexpr int kProducts = 200;
constexpr int kCashiers = 10;
constexpr int kDays = 730;

[[noreturn]] void die(const char* what, sqlite3* db) {
    std::fprintf(stderr, "bench_reports: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    std::exit(1);
}

struct Stmt {
    sqlite3* db;
    sqlite3_stmt* st = nullptr;
    Stmt(sqlite3* d, const char* sql)
        : db(d) {
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            die(sql, db);
    }
    ~Stmt() { sqlite3_finalize(st); }
    Stmt& t(int i, const QByteArray& v) {
        sqlite3_bind_text(st, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& n(int i, qint64 v) {
        sqlite3_bind_int64(st, i, v);
        return *this;
    }
    Stmt& null(int i) {
        sqlite3_bind_null(st, i);
        return *this;
    }
    void run() {
        if (sqlite3_step(st) != SQLITE_DONE)
            die(sqlite3_sql(st), db);
        sqlite3_reset(st);
    }
};

void exec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        die(sql, db);
}

QByteArray id(qint64 ms) {
    return Uuid::createV7(ms).toString().toUtf8();
}

struct Lot {
    QByteArray id;
    int farmer;
    int product;
    qint64 at;
    qint64 sold = 0;
    bool active = false;
};

struct OpenCredit {
    QByteArray creditId;
    QByteArray detailId;
    QByteArray farmerId;
    qint64 open;
};

struct Ids {
    QByteArray shop, terminal;
    std::vector<QByteArray> buyers, farmers, products, cashiers;
};

Ids generate(const QString& path, qint64 sales, qint64 endMs) {
    {
        SystemClock clock;
        auto store = Store::open(path, clock);
        if (!store.ok())
            die(qPrintable(store.error().message), nullptr);
        StandaloneShopRequest r;
        r.shopCode = QStringLiteral("HYD01");
        r.shopName = QStringLiteral("Bench Shop");
        r.ownerUsername = QStringLiteral("owner");
        r.ownerDisplayName = QStringLiteral("Owner");
        r.ownerPassword = QStringLiteral("owner-secret-1");
        auto s = SetupService(**store).createStandaloneShop(r);
        if (!s.ok())
            die(qPrintable(s.error().message), nullptr);
        (void)(*store)->db().checkpoint();
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        die("open", db);
    exec(db, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
             "PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF");
    Ids ids;
    {
        Stmt q(db, "SELECT id FROM shop");
        sqlite3_step(q.st);
        ids.shop = reinterpret_cast<const char*>(sqlite3_column_text(q.st, 0));
        Stmt t(db, "SELECT id FROM terminal");
        sqlite3_step(t.st);
        ids.terminal = reinterpret_cast<const char*>(sqlite3_column_text(t.st, 0));
    }
    std::mt19937_64 rng(42);
    const auto rnd = [&rng](qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng);
    };
    const qint64 startMs = endMs - kDays * kDay;

    exec(db, "BEGIN");
    {
        Stmt party(db, "INSERT INTO party (id, shop_id, kind, code, name, name_fold, credit_limit, version) "
                       "VALUES (?1,?2,?3,?4,?5,?6,?7,1)");
        for (int i = 0; i < kBuyers; ++i) {
            ids.buyers.push_back(id(startMs - kDay));
            const QByteArray name = "Buyer " + QByteArray::number(i);
            party.t(1, ids.buyers.back())
                .t(2, ids.shop)
                .t(3, "buyer")
                .t(4, "B" + QByteArray::number(i))
                .t(5, name)
                .t(6, name.toLower())
                .n(7, rnd(0, 4) * 5'000'000)
                .run();
        }
        for (int i = 0; i < kFarmers; ++i) {
            ids.farmers.push_back(id(startMs - kDay));
            const QByteArray name = "Farmer " + QByteArray::number(i);
            party.t(1, ids.farmers.back())
                .t(2, ids.shop)
                .t(3, "farmer")
                .t(4, "F" + QByteArray::number(i))
                .t(5, name)
                .t(6, name.toLower())
                .n(7, 0)
                .run();
        }
        Stmt product(db, "INSERT INTO product (id, shop_id, code, name, name_fold, category, unit, version) "
                         "VALUES (?1,?2,?3,?4,?5,'flower','kg',1)");
        for (int i = 0; i < kProducts; ++i) {
            ids.products.push_back(id(startMs - kDay));
            const QByteArray name = "Product " + QByteArray::number(i);
            product.t(1, ids.products.back())
                .t(2, ids.shop)
                .t(3, "P" + QByteArray::number(i))
                .t(4, name)
                .t(5, name.toLower())
                .run();
        }
        Stmt user(db,
                  "INSERT INTO app_user (id, shop_id, username, display_name, role, password_hash, version) "
                  "VALUES (?1,?2,?3,?4,'cashier','x',1)");
        for (int i = 0; i < kCashiers; ++i) {
            ids.cashiers.push_back(id(startMs - kDay));
            user.t(1, ids.cashiers.back())
                .t(2, ids.shop)
                .t(3, "cashier" + QByteArray::number(i))
                .t(4, "Cashier " + QByteArray::number(i))
                .run();
        }
    }
    Stmt sale(db,
              "INSERT INTO sale (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, cashier_id, "
              "created_at_ms, total, tendered, change_given, paid, credit) VALUES "
              "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,0,?11,?12)");
    Stmt line(
        db, "INSERT INTO sale_line (id, sale_id, line_no, lot_id, product_id, farmer_id, qty, price, amount, "
            "commission_bp, commission, farmer_net) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,500,?10,?11)");
    Stmt pay(db, "INSERT INTO sale_payment (id, sale_id, method, amount) VALUES (?1,?2,?3,?4)");
    Stmt credit(db,
                "INSERT INTO credit (id, sale_id, buyer_id, amount, created_at_ms) VALUES (?1,?2,?3,?4,?5)");
    Stmt detail(db, "INSERT INTO credit_detail (id, credit_id, farmer_id, amount) VALUES (?1,?2,?3,?4)");
    Stmt coll(
        db, "INSERT INTO collection (id, shop_id, terminal_id, buyer_id, amount, method, cashier_id, at_ms) "
            "VALUES (?1,?2,?3,?4,?5,'cash',?6,?7)");
    Stmt alloc(
        db, "INSERT INTO collection_allocation (id, collection_id, credit_id, credit_detail_id, farmer_id, "
            "amount) VALUES (?1,?2,?3,?4,?5,?6)");
    Stmt fpay(
        db, "INSERT INTO farmer_payment (id, shop_id, terminal_id, farmer_id, kind, amount, method, paid_by, "
            "at_ms) VALUES (?1,?2,?3,?4,'settlement',?5,'cash',?6,?7)");
    Stmt expense(
        db, "INSERT INTO expense (id, shop_id, terminal_id, category, amount, method, recorded_by, at_ms) "
            "VALUES (?1,?2,?3,?4,?5,'cash',?6,?7)");
    Stmt lotIns(db, "INSERT INTO lot (id, shop_id, terminal_id, code, farmer_id, product_id, received_qty, "
                    "received_at_ms, created_by, status) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");

    std::vector<Lot> lots;
    std::vector<size_t> active; // lots selling today
    std::vector<std::deque<OpenCredit>> open(kBuyers);
    std::vector<qint64> farmerNetMonth(kFarmers, 0);
    const qint64 perDay = sales / kDays;
    qint64 seq = 0;
    const char* categories[] = {"wage", "rent", "utility", "transport", "supplies", "other"};
    const char* methods[] = {"cash", "upi", "card"};
    for (int day = 0; day < kDays; ++day) {
        const qint64 dayStart = startMs + day * kDay;
        // Morning arrivals: ~40 lots a day; yesterday's lots close tonight (their stock sold or not).
        for (size_t i : active)
            lots[i].active = false;
        active.clear();
        for (int k = 0; k < 40; ++k) {
            lots.push_back(Lot{id(dayStart + k), static_cast<int>(rnd(0, kFarmers - 1)),
                               static_cast<int>(rnd(0, kProducts - 1)), dayStart + k, 0, true});
            active.push_back(lots.size() - 1);
        }
        const qint64 step = (kDay / 2) / perDay; // selling over 12 hours
        for (qint64 k = 0; k < perDay; ++k) {
            const qint64 at = dayStart + 3'600'000 + k * step;
            const QByteArray saleId = id(at);
            ++seq;
            const bool walkin = rnd(0, 9) < 3;
            const int buyer = static_cast<int>(rnd(0, kBuyers - 1));
            const int nlines = static_cast<int>(rnd(1, 5));
            qint64 total = 0;
            QByteArray firstFarmer;
            for (int l = 0; l < nlines; ++l) {
                Lot& lot = lots[active[static_cast<size_t>(rnd(0, static_cast<qint64>(active.size()) - 1))]];
                const qint64 kg = rnd(1, 50);
                const qint64 price = rnd(10, 200) * 100;
                const qint64 amount = kg * price;
                const qint64 commission = (amount * 500 + 5000) / 10000;
                lot.sold += kg * 1000;
                total += amount;
                farmerNetMonth[static_cast<size_t>(lot.farmer)] += amount - commission;
                if (firstFarmer.isEmpty())
                    firstFarmer = ids.farmers[static_cast<size_t>(lot.farmer)];
                line.t(1, id(at))
                    .t(2, saleId)
                    .n(3, l + 1)
                    .t(4, lot.id)
                    .t(5, ids.products[static_cast<size_t>(lot.product)])
                    .t(6, ids.farmers[static_cast<size_t>(lot.farmer)])
                    .n(7, kg * 1000)
                    .n(8, price)
                    .n(9, amount)
                    .n(10, commission)
                    .n(11, amount - commission)
                    .run();
            }
            const qint64 creditAmount = (!walkin && rnd(0, 1) == 1) ? total - (total / 100) * rnd(0, 50) : 0;
            const qint64 paid = total - creditAmount;
            const QByteArray& cashier = ids.cashiers[static_cast<size_t>(rnd(0, kCashiers - 1))];
            sale.t(1, saleId)
                .t(2, ids.shop)
                .t(3, ids.terminal)
                .n(4, seq)
                .t(5, "HYD01-1-" + QByteArray::number(seq).rightJustified(7, '0'));
            if (walkin)
                sale.null(6);
            else
                sale.t(6, ids.buyers[static_cast<size_t>(buyer)]);
            sale.t(7, cashier).n(8, at).n(9, total).n(10, paid).n(11, paid).n(12, creditAmount).run();
            if (paid > 0)
                pay.t(1, id(at)).t(2, saleId).t(3, methods[rnd(0, 2)]).n(4, paid).run();
            if (creditAmount > 0) {
                auto& q = open[static_cast<size_t>(buyer)];
                const QByteArray creditId = id(at), detailId = id(at);
                credit.t(1, creditId)
                    .t(2, saleId)
                    .t(3, ids.buyers[static_cast<size_t>(buyer)])
                    .n(4, creditAmount)
                    .n(5, at)
                    .run();
                detail.t(1, detailId).t(2, creditId).t(3, firstFarmer).n(4, creditAmount).run();
                q.push_back(OpenCredit{creditId, detailId, firstFarmer, creditAmount});
                // The buyer settles all but the two newest credits, oldest first (FIFO).
                if (q.size() > 3) {
                    const QByteArray collId = id(at + 1);
                    qint64 sum = 0;
                    std::vector<OpenCredit> cleared;
                    while (q.size() > 2) {
                        sum += q.front().open;
                        cleared.push_back(q.front());
                        q.pop_front();
                    }
                    coll.t(1, collId)
                        .t(2, ids.shop)
                        .t(3, ids.terminal)
                        .t(4, ids.buyers[static_cast<size_t>(buyer)])
                        .n(5, sum)
                        .t(6, cashier)
                        .n(7, at + 1)
                        .run();
                    for (const auto& c : cleared)
                        alloc.t(1, id(at + 1))
                            .t(2, collId)
                            .t(3, c.creditId)
                            .t(4, c.detailId)
                            .t(5, c.farmerId)
                            .n(6, c.open)
                            .run();
                }
            }
        }
        for (int k = 0; k < 5; ++k)
            expense.t(1, id(dayStart + 1000 + k))
                .t(2, ids.shop)
                .t(3, ids.terminal)
                .t(4, categories[rnd(0, 5)])
                .n(5, rnd(100, 5000) * 100)
                .t(6, ids.cashiers[0])
                .n(7, dayStart + 1000 + k)
                .run();
        if (day % 30 == 29) { // monthly settlements: 90 % of the month's farmer net
            for (int fm = 0; fm < kFarmers; ++fm) {
                const qint64 amount = farmerNetMonth[static_cast<size_t>(fm)] * 9 / 10;
                if (amount > 0)
                    fpay.t(1, id(dayStart + kDay - 1000))
                        .t(2, ids.shop)
                        .t(3, ids.terminal)
                        .t(4, ids.farmers[static_cast<size_t>(fm)])
                        .n(5, amount)
                        .t(6, ids.cashiers[0])
                        .n(7, dayStart + kDay - 1000)
                        .run();
                farmerNetMonth[static_cast<size_t>(fm)] = 0;
            }
        }
        if (day % 30 == 29) {
            exec(db, "COMMIT");
            exec(db, "BEGIN");
            std::fprintf(stderr, "\rgenerating: day %d/%d", day + 1, kDays);
        }
    }
    // Lots last: their received quantity is what was sold plus what is left (only today's are active).
    qint64 code = 0;
    for (const auto& lot : lots) {
        const qint64 left = lot.active ? 100'000 : 0;
        lotIns.t(1, lot.id)
            .t(2, ids.shop)
            .t(3, ids.terminal)
            .t(4, "L" + QByteArray::number(++code))
            .t(5, ids.farmers[static_cast<size_t>(lot.farmer)])
            .t(6, ids.products[static_cast<size_t>(lot.product)])
            .n(7, std::max<qint64>(lot.sold + left, 1000))
            .n(8, lot.at)
            .t(9, ids.cashiers[0])
            .t(10, lot.active ? "active" : "closed")
            .run();
    }
    exec(db, "COMMIT");
    exec(db, "PRAGMA journal_mode=WAL");
    sqlite3_close(db);
    {
        // Raw inserts skip what insertSaleRows adds to the farmers' totals (schema v10): recompute.
        SystemClock clock;
        auto store = Store::open(path, clock);
        if (!store.ok())
            die(qPrintable(store.error().message), nullptr);
        const Status rebuilt = rebuildFarmerTotals((*store)->db());
        if (!rebuilt.ok())
            die(qPrintable(rebuilt.error().message), nullptr);
    }
    std::fprintf(stderr, "\n");
    return ids;
}

Ids readIds(Store& store) {
    Ids ids;
    const auto list = [&store](const char* sql) {
        std::vector<QByteArray> out;
        Statement& s = store.db().prepare(sql);
        while (s.next())
            out.push_back(s.text(0).toUtf8());
        s.reset();
        return out;
    };
    ids.buyers = list("SELECT id FROM party WHERE kind = 'buyer' ORDER BY code");
    ids.farmers = list("SELECT id FROM party WHERE kind = 'farmer' ORDER BY code");
    ids.cashiers = list("SELECT id FROM app_user WHERE role = 'cashier'");
    return ids;
}

struct Row {
    QString name;
    QString scope;
    double p50, p99;
    double target;
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString path =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/market-bench-1m.db");
    const qint64 sales = argc > 2 ? QByteArray(argv[2]).toLongLong() : 1'000'000;
    const qint64 endMs = 1'780'000'000'000; // fixed "now" (2026-05-28) so reruns see the same data
    QElapsedTimer timer;
    if (!QFileInfo::exists(path)) {
        timer.start();
        generate(path, sales, endMs);
        std::printf("generated %lld sales in %.1f s\n", static_cast<long long>(sales),
                    timer.elapsed() / 1000.0);
    } else {
        std::printf("reusing %s\n", qPrintable(path));
    }
    std::printf("file size: %.1f MiB\n", QFileInfo(path).size() / 1048576.0);

    ManualClock clock(endMs);
    std::vector<double> opens;
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        auto s = Store::open(path, clock);
        opens.push_back(timer.nsecsElapsed() / 1e6);
        if (!s.ok())
            die(qPrintable(s.error().message), nullptr);
    }
    auto opened = Store::open(path, clock);
    Store& store = **opened;
    const Ids ids = readIds(store);
    const qint64 startMs = endMs - kDays * kDay;
    std::mt19937_64 rng(7);
    const auto pick = [&rng](qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng);
    };
    const auto randomDay = [&] { return startMs + pick(0, kDays - 1) * kDay; };
    const auto buyer = [&] {
        return Uuid::parse(QString::fromUtf8(ids.buyers[size_t(pick(0, kBuyers - 1))])).value();
    };
    const auto farmer = [&] {
        return Uuid::parse(QString::fromUtf8(ids.farmers[size_t(pick(0, kFarmers - 1))])).value();
    };
    const QTimeZone zone(QByteArrayLiteral("Asia/Kolkata"));

    std::vector<Row> table;
    table.push_back(Row{QStringLiteral("Store::open"), QStringLiteral("existing file"),
                        percentile(opens, 0.5), percentile(opens, 0.99), 200});
    const auto time = [&](const QString& name, const QString& scope, int runs, double target,
                          const std::function<bool(int)>& run) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            if (!run(i)) {
                std::printf("%s failed\n", qPrintable(name));
                return;
            }
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        table.push_back(Row{name, scope, percentile(ms, 0.5), percentile(ms, 0.99), target});
    };
    const int dayRuns = 50, monthRuns = 10;
    const auto dayFilter = [&] {
        const qint64 d = randomDay();
        return ReportFilter{d, d + kDay, {}, {}, {}, {}, {}};
    };
    const auto monthFilter = [&] {
        const qint64 d = startMs + pick(0, kDays - 31) * kDay;
        return ReportFilter{d, d + 30 * kDay, {}, {}, {}, {}, {}};
    };
    const auto allTime = [&] { return ReportFilter{startMs - kDay, endMs + kDay, {}, {}, {}, {}, {}}; };
    SalesReports salesR(store);
    StockReports stockR(store);
    CreditReports creditR(store);
    ExpenseReports expenseR(store);
    ReportService base(store);
    struct Scope {
        const char* name;
        int runs;
        double target;
        std::function<ReportFilter()> filter;
    };
    const Scope scopes[] = {{"one day", dayRuns, 50, dayFilter},
                            {"month (30 days)", monthRuns, 500, monthFilter}};
    for (const auto& sc : scopes) {
        const QString scope = QString::fromLatin1(sc.name);
        time(QStringLiteral("day summary"), scope, sc.runs, sc.target,
             [&](int) { return salesR.daily(sc.filter()).ok(); });
        for (auto g :
             {SalesGrouping::Product, SalesGrouping::Farmer, SalesGrouping::Buyer, SalesGrouping::Cashier})
            time(QStringLiteral("sales by ") + salesGroupingName(g), scope, sc.runs, sc.target,
                 [&](int) { return salesR.salesBy(g, sc.filter()).ok(); });
        time(QStringLiteral("commission by day"), scope, sc.runs, sc.target,
             [&](int) { return salesR.commissionByDay(sc.filter(), zone).ok(); });
        time(QStringLiteral("expenses"), scope, sc.runs, sc.target,
             [&](int) { return expenseR.byCategoryAndMethod(sc.filter()).ok(); });
        time(QStringLiteral("stock turnover"), scope, sc.runs, sc.target,
             [&](int) { return stockR.turnover(sc.filter()).ok(); });
        time(QStringLiteral("completion"), scope, sc.runs, sc.target, [&](int) {
            const auto f = sc.filter();
            return base.completion(f.fromMs, f.toMs).ok();
        });
    }
    const QString party = QStringLiteral("one party");
    time(QStringLiteral("sales by product of a buyer"), party, dayRuns, 50, [&](int) {
        auto f = allTime();
        f.buyerId = buyer();
        return salesR.salesBy(SalesGrouping::Product, f).ok();
    });
    time(QStringLiteral("sales by product of a farmer"), party, dayRuns, 50, [&](int) {
        auto f = allTime();
        f.farmerId = farmer();
        return salesR.salesBy(SalesGrouping::Product, f).ok();
    });
    time(QStringLiteral("ageing of a buyer"), party, dayRuns, 50, [&](int) {
        ReportFilter f;
        f.buyerId = buyer();
        return creditR.ageing(endMs, f).ok();
    });
    time(QStringLiteral("utilisation of a buyer"), party, dayRuns, 50, [&](int) {
        ReportFilter f;
        f.buyerId = buyer();
        return creditR.utilisation(f).ok();
    });
    time(QStringLiteral("payable of a farmer"), party, dayRuns, 50, [&](int) {
        ReportFilter f;
        f.farmerId = farmer();
        return creditR.farmerPayables(f).ok();
    });
    time(QStringLiteral("lots on hand of a farmer"), party, dayRuns, 50, [&](int) {
        ReportFilter f;
        f.farmerId = farmer();
        return stockR.lotsOnHand(endMs, f).ok();
    });
    const QString shop = QStringLiteral("whole shop, now");
    time(QStringLiteral("lots on hand"), shop, monthRuns, 500,
         [&](int) { return stockR.lotsOnHand(endMs).ok(); });
    time(QStringLiteral("ageing"), shop, monthRuns, 500, [&](int) { return creditR.ageing(endMs).ok(); });
    time(QStringLiteral("utilisation"), shop, monthRuns, 500,
         [&](int) { return creditR.utilisation().ok(); });
    time(QStringLiteral("farmer payables"), shop, 3, 500, [&](int) { return creditR.farmerPayables().ok(); });

    std::printf("\n%-32s %-18s %10s %10s %8s  %s\n", "report", "scope", "p50 ms", "p99 ms", "target", "");
    for (const auto& r : table)
        std::printf("%-32s %-18s %10.2f %10.2f %8.0f  %s\n", qPrintable(r.name), qPrintable(r.scope), r.p50,
                    r.p99, r.target, r.p99 < r.target ? "ok" : "MISSED");
    return 0;
}
