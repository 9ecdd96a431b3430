// Benchmark: what SQLite alone needs to write a pulled sale's rows, and what each part of the
// counter's schema and settings costs. No product code runs in the timing: a bare program writes
// the rows FeedApplier writes for a cash sale (the sale, two lines, the payment; the cursor once
// per page) into copies of a store the product made (Store::open, the counter's schema, 20 lots
// of 5 farmers), one transaction per page, with ids made beforehand. The variants, each a step
// further from the product:
//   as is, FULL        the schema with synchronous=FULL (every commit waits for the disk)
//   as is              synchronous=NORMAL, as the applier commits a feed page
//   no report indexes  the eight report indexes dropped (a bulk load, before they are rebuilt)
//   no foreign keys    foreign_keys=OFF too
//   binary ids         the sale's, lines' and payment's ids, and the shop, terminal and cashier
//                      bound as 16-byte blobs instead of 36-character text (foreign keys off:
//                      the lots' ids stay text)
//   without rowid      back to "no report indexes", with sale, sale_line and sale_payment rebuilt
//                      as WITHOUT ROWID tables clustered on their text id (one b-tree per table
//                      instead of the table and its primary-key index)
// The variants run in turn within each round, so a busy machine slows them alike; printed are
// medians of the rounds (rate, and CPU of the thread per sale).
//
// Usage: bench_sale_rows [sales = 20000] [page = 1000] [rounds = 5] [directory = system temp]
#include "../core/BenchUtil.h"
#include "BareSqlite.h"
#include "SyncBench.h"
#include "domain/Clock.h"
#include "services/ArrivalService.h"
#include "services/CatalogService.h"
#include "services/PartyService.h"
#include "services/SetupService.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <array>
#include <map>
#include <sqlite3.h>
#include <string>

using namespace market::core;
using namespace market::bench;

namespace {

struct Variant {
    const char* name;
    bool full = false;         ///< synchronous=FULL instead of NORMAL
    bool reportIndexes = true; ///< keep the eight report indexes
    bool foreignKeys = true;   ///< foreign_keys=ON
    bool binaryIds = false;    ///< the sale's own ids as 16-byte blobs
    bool withoutRowid = false; ///< sale, sale_line, sale_payment clustered on their id
};

/// An id as the store keeps it (text) and as 16 bytes.
struct Id {
    std::string text;
    std::array<char, 16> bytes{};
};

Id makeId(const Uuid& u) {
    Id id;
    id.text = u.toString().toStdString();
    const QByteArray raw = QByteArray::fromHex(QByteArray::fromStdString(id.text).replace('-', ""));
    std::copy(raw.begin(), raw.begin() + 16, id.bytes.begin());
    return id;
}

struct SaleIds {
    Id sale, line1, line2, payment;
};

struct Parents {
    Id shop, terminal, cashier;
    struct Lot {
        std::string id, product, farmer;
    };
    std::vector<Lot> lots;
};

class BareWriter {
public:
    BareWriter(const QString& path, const Variant& v)
        : m_binary(v.binaryIds) {
        check(m_db,
              sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                              nullptr),
              "open");
        std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-20000; "
                              "PRAGMA wal_autocheckpoint=0;";
        pragmas += v.full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        pragmas += v.foreignKeys ? "PRAGMA foreign_keys=ON;" : "PRAGMA foreign_keys=OFF;";
        check(m_db, sqlite3_exec(m_db, pragmas.c_str(), nullptr, nullptr, nullptr), "pragmas");
        if (!v.reportIndexes)
            dropReportIndexes(m_db);
        if (v.withoutRowid)
            for (const char* table : {"sale", "sale_line", "sale_payment"})
                clusterOnId(table);
        prepare(m_sale,
                "INSERT INTO sale (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, "
                "walkin_name, walkin_phone, cashier_id, created_at_ms, total, tendered, change_given, "
                "paid, credit, override_by, override_reason, commission_by_buyer) VALUES "
                "(?1,?2,?3,?4,?5,NULL,'','',?6,?7,?8,?8,0,?8,0,NULL,'',0)");
        prepare(m_line, "INSERT INTO sale_line (id, sale_id, line_no, lot_id, product_id, farmer_id, qty, "
                        "price, amount, commission_bp, commission, farmer_net, packages, buyer_charges, "
                        "farmer_charges, commission_by_buyer) VALUES (?1,?2,?3,?4,?5,?6,1000,?7,?7,500,?8,?9,"
                        "0,0,0,0)");
        prepare(
            m_payment,
            "INSERT INTO sale_payment (id, sale_id, method, amount, reference) VALUES (?1,?2,'cash',?3,'')");
        prepare(m_cursor, "INSERT INTO meta (key, value) VALUES ('sync.pull_cursor', ?1) ON CONFLICT (key) "
                          "DO UPDATE SET value = excluded.value");
    }
    ~BareWriter() {
        for (sqlite3_stmt* st : {m_sale, m_line, m_payment, m_cursor})
            sqlite3_finalize(st);
        sqlite3_close(m_db);
    }

    void page(const Parents& parents, const std::vector<SaleIds>& ids, size_t from, size_t to,
              qint64 startMs) {
        check(m_db, sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
        for (size_t i = from; i < to; ++i) {
            const qint64 first = 1'000 + qint64(i % 2'000), second = 2'000 + qint64(i % 1'500);
            bindId(m_sale, 1, ids[i].sale);
            bindId(m_sale, 2, parents.shop);
            bindId(m_sale, 3, parents.terminal);
            sqlite3_bind_int64(m_sale, 4, qint64(i) + 1);
            const std::string receipt = "T2-" + std::to_string(i + 1);
            sqlite3_bind_text(m_sale, 5, receipt.data(), int(receipt.size()), SQLITE_TRANSIENT);
            bindId(m_sale, 6, parents.cashier);
            sqlite3_bind_int64(m_sale, 7, startMs + qint64(i));
            sqlite3_bind_int64(m_sale, 8, first + second);
            step(m_sale, "sale");
            for (int n = 1; n <= 2; ++n) {
                const auto& lot = parents.lots[(i * 2 + size_t(n)) % parents.lots.size()];
                const qint64 amount = n == 1 ? first : second;
                bindId(m_line, 1, n == 1 ? ids[i].line1 : ids[i].line2);
                bindId(m_line, 2, ids[i].sale);
                sqlite3_bind_int64(m_line, 3, n);
                bindText(m_line, 4, lot.id);
                bindText(m_line, 5, lot.product);
                bindText(m_line, 6, lot.farmer);
                sqlite3_bind_int64(m_line, 7, amount);
                sqlite3_bind_int64(m_line, 8, amount / 20);
                sqlite3_bind_int64(m_line, 9, amount - amount / 20);
                step(m_line, "sale line");
            }
            bindId(m_payment, 1, ids[i].payment);
            bindId(m_payment, 2, ids[i].sale);
            sqlite3_bind_int64(m_payment, 3, first + second);
            step(m_payment, "payment");
        }
        const std::string cursor = "e:" + std::to_string(to);
        bindText(m_cursor, 1, cursor);
        step(m_cursor, "cursor");
        check(m_db, sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr), "commit");
    }

private:
    /// Rebuilds `table` as a WITHOUT ROWID table (SQLite's steps for changing a table's shape:
    /// make the new one, copy, drop the old, rename the new; its own indexes made again).
    void clusterOnId(const std::string& table) {
        std::string create;
        std::vector<std::string> indexes;
        sqlite3_stmt* st = nullptr;
        prepare(st, "SELECT type, sql FROM sqlite_schema WHERE tbl_name = ?1 AND sql IS NOT NULL");
        sqlite3_bind_text(st, 1, table.data(), int(table.size()), SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            const std::string sql = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
            (type == "table" ? create : indexes.emplace_back()) = sql;
        }
        sqlite3_finalize(st);
        const std::string head = "CREATE TABLE " + table + " (";
        if (create.rfind(head, 0) != 0)
            die(QStringLiteral("clustering a table"), QString::fromStdString(create));
        std::string script = "PRAGMA foreign_keys=OFF; PRAGMA legacy_alter_table=ON; BEGIN; CREATE TABLE " +
                             table + "_clustered (" + create.substr(head.size()) +
                             " WITHOUT ROWID; INSERT INTO " + table + "_clustered SELECT * FROM " + table +
                             "; DROP TABLE " + table + "; ALTER TABLE " + table + "_clustered RENAME TO " +
                             table + ";";
        for (const auto& index : indexes)
            script += index + ";";
        script += "COMMIT; PRAGMA legacy_alter_table=OFF; PRAGMA foreign_keys=ON;";
        check(m_db, sqlite3_exec(m_db, script.c_str(), nullptr, nullptr, nullptr), "clustering a table");
    }
    void prepare(sqlite3_stmt*& st, const char* sql) {
        check(m_db, sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr), sql);
    }
    void step(sqlite3_stmt* st, const char* what) {
        check(m_db, sqlite3_step(st), what);
        sqlite3_reset(st);
    }
    static void bindText(sqlite3_stmt* st, int i, const std::string& v) {
        sqlite3_bind_text(st, i, v.data(), int(v.size()), SQLITE_STATIC);
    }
    void bindId(sqlite3_stmt* st, int i, const Id& id) const {
        if (m_binary)
            sqlite3_bind_blob(st, i, id.bytes.data(), 16, SQLITE_STATIC);
        else
            bindText(st, i, id.text);
    }

    bool m_binary;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_sale = nullptr;
    sqlite3_stmt* m_line = nullptr;
    sqlite3_stmt* m_payment = nullptr;
    sqlite3_stmt* m_cursor = nullptr;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const size_t salesCount = size_t(argOr(args, 1, 20'000));
    const size_t pageSize = size_t(argOr(args, 2, 1'000));
    const int rounds = int(argOr(args, 3, 5));
    QTemporaryDir tmp(args.size() > 4 ? QDir(args.at(4)).filePath(QStringLiteral("bench-XXXXXX"))
                                      : QString());
    if (!tmp.isValid())
        die(QStringLiteral("temporary folder"), tmp.errorString());
    SystemClock clock;

    // The template, made by the product: the shop, 5 farmers, a product, 20 lots.
    const QString templatePath = tmp.filePath(QStringLiteral("template.db"));
    Parents parents;
    {
        auto store = need(Store::open(templatePath, clock), "opening the template");
        StandaloneShopRequest shop;
        shop.shopCode = QStringLiteral("BEN01");
        shop.shopName = QStringLiteral("Bench Mandi");
        shop.ownerUsername = QStringLiteral("owner");
        shop.ownerPassword = QStringLiteral("owner-pass-1");
        const Session owner = need(SetupService(*store).createStandaloneShop(shop), "creating the shop");
        const Uuid product = need(CatalogService(*store).createProduct(
                                      owner, NewProductRequest{QString(), QStringLiteral("Tomato"),
                                                               Category::Vegetable, Unit::Kg}),
                                  "product")
                                 .id;
        std::vector<Uuid> farmers;
        for (int f = 0; f < 5; ++f)
            farmers.push_back(
                need(PartyService(*store).create(owner, NewPartyRequest{PartyKind::Farmer, QString(),
                                                                        QStringLiteral("Farmer %1").arg(f),
                                                                        QString(), Money()}),
                     "farmer")
                    .id);
        for (int l = 0; l < 20; ++l) {
            ArrivalRequest a;
            a.farmerId = farmers[size_t(l) % farmers.size()];
            a.productId = product;
            a.netQty = Quantity::fromUnits(100'000);
            const Uuid lot = need(ArrivalService(*store).recordArrival(owner, a), "arrival").id;
            parents.lots.push_back({lot.toString().toStdString(), product.toString().toStdString(),
                                    a.farmerId.toString().toStdString()});
        }
        parents.shop = makeId(store->identity()->shopId);
        parents.terminal = makeId(Uuid::createV7(clock.nowMs()));
        parents.cashier = makeId(owner.userId);
        need(store->db().checkpoint(), "checkpoint");
    }
    // Every id beforehand, time-ordered like the feed's UUID v7.
    std::vector<SaleIds> ids(salesCount);
    for (auto& s : ids)
        s = SaleIds{makeId(Uuid::createV7(clock.nowMs())), makeId(Uuid::createV7(clock.nowMs())),
                    makeId(Uuid::createV7(clock.nowMs())), makeId(Uuid::createV7(clock.nowMs()))};

    const std::vector<Variant> variants{
        {"as is, FULL", true, true, true, false},         {"as is (NORMAL)", false, true, true, false},
        {"no report indexes", false, false, true, false}, {"no foreign keys", false, false, false, false},
        {"binary ids", false, false, false, true},        {"without rowid", false, false, true, false, true},
    };
    std::printf("%zu cash sales of 2 lines in pages of %zu, %d rounds; load average before: %s\n", salesCount,
                pageSize, rounds, qUtf8Printable(loadAverage()));
    std::map<size_t, std::vector<double>> rates, cpu;
    for (int round = 0; round < rounds; ++round)
        for (size_t v = 0; v < variants.size(); ++v) {
            BareWriter writer(copyStore(templatePath, tmp.path(), QStringLiteral("run.db")), variants[v]);
            const double cpuStart = threadCpuMicros();
            const auto start = BenchClock::now();
            for (size_t from = 0; from < salesCount; from += pageSize)
                writer.page(parents, ids, from, std::min(salesCount, from + pageSize), clock.nowMs());
            const double seconds = microsSince(start) / 1e6;
            rates[v].push_back(double(salesCount) / seconds);
            cpu[v].push_back((threadCpuMicros() - cpuStart) / double(salesCount));
        }
    std::printf("%-20s %12s %16s %10s\n", "variant", "sales/s", "CPU us per sale", "vs as is");
    for (size_t v = 0; v < variants.size(); ++v)
        std::printf("%-20s %12.0f %16.1f %10.2f\n", variants[v].name, median(rates[v]), median(cpu[v]),
                    median(rates[v]) / median(rates[1]));
    std::printf("load average after: %s\n", qUtf8Printable(loadAverage()));
    return 0;
}
