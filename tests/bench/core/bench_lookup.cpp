// Benchmark: search as you type over a large catalogue and party list.
//
// Usage: bench_lookup [products = 100000] [parties = 50000] [prefixes = 2000] [runs = 3] [directory]
// Loads the rows with raw SQL in one transaction (same schema as the store), then types prefixes of
// 1–4 characters of real names (Latin, Devanagari and Telugu mixed; some codes and phone numbers)
// through CatalogService::searchProducts and PartyService::search (limit 20), beside a bare SQLite
// connection running the same SQL. Prints p50/p99 per query and the ratios.
#include "BenchUtil.h"
#include "domain/Clock.h"
#include "services/CatalogService.h"
#include "services/PartyService.h"
#include "services/SetupService.h"
#include "services/Validation.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <map>
#include <sqlite3.h>

using namespace market::core;
using namespace market::bench;

namespace {

[[noreturn]] void die(const QString& what, const QString& why) {
    std::fprintf(stderr, "bench_lookup: %s: %s\n", qUtf8Printable(what), qUtf8Printable(why));
    std::exit(1);
}

void need(const Status& s, const char* what) {
    if (!s.ok())
        die(QString::fromUtf8(what), s.error().message);
}

QStringList words(const char16_t* const* list, size_t n) {
    QStringList out;
    for (size_t i = 0; i < n; ++i)
        out << QString::fromUtf16(list[i]);
    return out;
}

// Produce and people names as a counter in Hyderabad or Pune sees them, in three scripts.
const char16_t* const kProductsLatin[] = {
    u"Tomato",       u"Potato",       u"Onion",      u"Brinjal",      u"Okra",     u"Cabbage",
    u"Cauliflower",  u"Carrot",       u"Beans",      u"Green Chilli", u"Garlic",   u"Ginger",
    u"Mango",        u"Banana",       u"Guava",      u"Papaya",       u"Marigold", u"Rose",
    u"Jasmine",      u"Rice",         u"Wheat",      u"Coriander",    u"Spinach",  u"Drumstick",
    u"Bottle Gourd", u"Bitter Gourd", u"Pomegranate"};
const char16_t* const kProductsHindi[] = {u"टमाटर",  u"आलू",    u"प्याज़",     u"बैंगन",  u"भिंडी", u"पत्तागोभी",
                                          u"फूलगोभी", u"गाजर",  u"हरी मिर्च", u"लहसुन", u"अदरक", u"आम",
                                          u"केला",    u"अमरूद",  u"गेंदा",      u"गुलाब", u"चमेली", u"चावल",
                                          u"गेहूं",     u"धनिया", u"पालक",     u"लौकी", u"करेला", u"अनार"};
const char16_t* const kProductsTelugu[] = {u"టమాటా",   u"బంగాళదుంప",  u"ఉల్లిపాయ",  u"వంకాయ",  u"బెండకాయ", u"క్యాబేజీ",
                                           u"క్యారెట్",  u"పచ్చి మిరపకాయ", u"వెల్లుల్లి", u"అల్లం",  u"మామిడి",   u"అరటి",
                                           u"జామ",    u"బంతి",       u"గులాబీ",   u"మల్లె",   u"బియ్యం",  u"కొత్తిమీర",
                                           u"పాలకూర", u"మునగకాయ",    u"సొరకాయ",   u"కాకరకాయ", u"దానిమ్మ"};
const char16_t* const kVarietiesLatin[] = {u"Hybrid", u"Desi",  u"Local", u"Organic", u"Premium",
                                           u"Red",    u"Green", u"Small", u"Large",   u"Export"};
const char16_t* const kVarietiesHindi[] = {u"देसी", u"हाइब्रिड", u"लाल", u"हरा", u"बड़ा", u"छोटा", u"जैविक"};
const char16_t* const kVarietiesTelugu[] = {u"నాటు", u"హైబ్రిడ్", u"ఎరుపు", u"పచ్చ", u"పెద్ద", u"చిన్న", u"సేంద్రియ"};
const char16_t* const kFirstLatin[] = {u"Ramesh",   u"Suresh",  u"Venkat",   u"Lakshmi", u"Anil",  u"Sunita",
                                       u"Mahesh",   u"Krishna", u"Srinivas", u"Priya",   u"Ravi",  u"Gopal",
                                       u"Narayana", u"Padma",   u"Kavita",   u"Rajesh",  u"Manoj", u"Deepak",
                                       u"Anjali",   u"Sita",    u"Hotel",    u"Sri",     u"New",   u"Balaji"};
const char16_t* const kLastLatin[] = {u"Kumar", u"Reddy", u"Rao",     u"Sharma", u"Yadav",
                                      u"Patel", u"Naidu", u"Gupta",   u"Singh",  u"Devi",
                                      u"Verma", u"Goud",  u"Traders", u"Stores"};
const char16_t* const kFirstHindi[] = {u"रमेश",   u"सुरेश", u"महेश",   u"लक्ष्मी", u"अनिल", u"सुनीता", u"कृष्ण",
                                       u"प्रिया", u"रवि", u"गोपाल", u"राजेश",  u"मनोज", u"दीपक",  u"अंजलि"};
const char16_t* const kLastHindi[] = {u"कुमार", u"शर्मा", u"यादव", u"पटेल",  u"गुप्ता",
                                      u"सिंह",  u"देवी",  u"वर्मा", u"ट्रेडर्स"};
const char16_t* const kFirstTelugu[] = {u"రమేష్",   u"సురేష్", u"వెంకట్", u"లక్ష్మి", u"అనిల్",  u"కృష్ణ",
                                        u"శ్రీనివాస్", u"ప్రియ",  u"రవి",   u"గోపాల్",  u"నారాయణ", u"పద్మ"};
const char16_t* const kLastTelugu[] = {u"రెడ్డి", u"రావు", u"నాయుడు", u"గౌడ్", u"కుమార్", u"దేవి", u"స్టోర్స్"};

#define WORDS(list) words(list, std::size(list))

struct Vocabulary {
    QList<QStringList> products{WORDS(kProductsLatin), WORDS(kProductsHindi), WORDS(kProductsTelugu)};
    QList<QStringList> varieties{WORDS(kVarietiesLatin), WORDS(kVarietiesHindi), WORDS(kVarietiesTelugu)};
    QList<QStringList> first{WORDS(kFirstLatin), WORDS(kFirstHindi), WORDS(kFirstTelugu)};
    QList<QStringList> last{WORDS(kLastLatin), WORDS(kLastHindi), WORDS(kLastTelugu)};
};

QString pick(const QStringList& list, QRandomGenerator& rng) {
    return list.at(static_cast<qsizetype>(rng.bounded(static_cast<quint32>(list.size()))));
}

/// Creates the store with a shop, then bulk-loads products and parties in one transaction.
QString makeStore(const QString& dir, int products, int parties, const Vocabulary& v) {
    const QString path = QDir(dir).filePath(QStringLiteral("lookup.db"));
    SystemClock clock;
    auto opened = Store::open(path, clock);
    if (!opened.ok())
        die(QStringLiteral("creating the store"), opened.error().message);
    Store& store = **opened;
    StandaloneShopRequest shop;
    shop.shopCode = QStringLiteral("BEN01");
    shop.shopName = QStringLiteral("Bench Mandi");
    shop.terminalName = QStringLiteral("Counter 1");
    shop.ownerUsername = QStringLiteral("owner");
    shop.ownerDisplayName = QStringLiteral("Owner");
    shop.ownerPassword = QStringLiteral("owner-pass-1");
    auto owner = SetupService(store).createStandaloneShop(shop);
    if (!owner.ok())
        die(QStringLiteral("creating the shop"), owner.error().message);
    const Uuid shopId = store.identity()->shopId;

    QRandomGenerator rng(42);
    const auto start = BenchClock::now();
    Database& db = store.db();
    StoreTransaction tx(db);
    need(tx.begun(), "begin");
    static const char* const categories[] = {"flower", "vegetable", "fruit", "grain", "other"};
    for (int i = 0; i < products; ++i) {
        const int script = i % 3;
        const QString name = pick(v.products[script], rng) + QLatin1Char(' ') +
                             pick(v.varieties[script], rng) + QLatin1Char(' ') +
                             QString::number(rng.bounded(1000));
        need(
            db.prepare(
                  "INSERT INTO product (id, shop_id, code, name, name_fold, category, unit, active, version) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'kg', ?7, 1)")
                .bind(1, store.newId())
                .bind(2, shopId)
                .bind(3, QStringLiteral("P%1").arg(i + 1, 6, 10, QLatin1Char('0')))
                .bind(4, name)
                .bind(5, Validation::fold(name))
                .bind(6, QString::fromLatin1(categories[i % 5]))
                .bind(7, i % 50 != 0) // 2 % inactive
                .exec("loading products"),
            "products");
    }
    for (int i = 0; i < parties; ++i) {
        const int script = i % 3;
        const bool farmer = i % 2 == 0;
        const QString name = pick(v.first[script], rng) + QLatin1Char(' ') + pick(v.last[script], rng);
        need(
            db.prepare(
                  "INSERT INTO party (id, shop_id, kind, code, name, name_fold, phone, credit_limit, active, "
                  "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 1)")
                .bind(1, store.newId())
                .bind(2, shopId)
                .bind(3, farmer ? QStringLiteral("farmer") : QStringLiteral("buyer"))
                .bind(
                    4,
                    QStringLiteral("%1%2").arg(farmer ? u'F' : u'B').arg(i / 2 + 1, 5, 10, QLatin1Char('0')))
                .bind(5, name)
                .bind(6, Validation::fold(name))
                .bind(7, QStringLiteral("9%1").arg(rng.bounded(1'000'000'000u), 9, 10, QLatin1Char('0')))
                .bind(8, farmer ? qint64(0) : qint64(rng.bounded(100)) * 100'000)
                .exec("loading parties"),
            "parties");
    }
    need(tx.commit(), "commit");
    std::printf("loaded %d products and %d parties in %.1f s\n", products, parties, microsSince(start) / 1e6);
    need(db.checkpoint(), "checkpoint");
    return path;
}

/// One keystroke: the text typed so far, and which party list is searched.
struct Query {
    QString text;
    PartyKind kind = PartyKind::Buyer;
};

/// Typing sequences: 1, 2, 3, 4 characters of a real name (or a code, or a phone number).
std::vector<Query> makeQueries(int count, const Vocabulary& v) {
    QRandomGenerator rng(7);
    std::vector<Query> out;
    while (static_cast<int>(out.size()) < count) {
        const int script = static_cast<int>(rng.bounded(3));
        const quint32 kind = rng.bounded(10);
        QString word;
        if (kind == 0)
            word = QStringLiteral("P0%1").arg(rng.bounded(10)); // a product code
        else if (kind == 1)
            word = QStringLiteral("98%1").arg(rng.bounded(100)); // a phone number
        else if (kind < 6)
            word = pick(v.products[script], rng);
        else
            word = pick(v.first[script], rng);
        if (kind >= 2 && rng.bounded(2) == 0)
            word = word.toLower();
        const PartyKind partyKind = rng.bounded(2) == 0 ? PartyKind::Buyer : PartyKind::Farmer;
        for (qsizetype n = 1; n <= 4 && n <= word.size(); ++n)
            out.push_back(Query{word.left(n), partyKind});
    }
    out.resize(static_cast<size_t>(count));
    return out;
}

// The first version of the services' SQL (one query, OR of three indexes), kept to show what
// the per-index UNION gained.
constexpr const char* kProductSqlSingle =
    "SELECT id, shop_id, code, name, category, unit, active, version FROM product "
    "WHERE active = 1 AND (name_fold LIKE ?1 ESCAPE '\\' OR code LIKE ?2 ESCAPE '\\') "
    "ORDER BY name_fold LIMIT ?3";
constexpr const char* kPartySqlSingle =
    "SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version FROM party "
    "WHERE kind = ?1 AND active = 1 AND (name_fold LIKE ?2 ESCAPE '\\' OR code LIKE ?3 ESCAPE '\\' "
    "OR (?4 <> '' AND phone LIKE ?4 ESCAPE '\\')) ORDER BY name_fold LIMIT ?5";

// The services' SQL, run on a bare connection with the same bindings: each branch walks its own
// index in order and stops at the limit, so no prefix makes SQLite collect and sort thousands of
// rows. ?6 = whether the text may be a phone number; "+kind" keeps SQLite on the phone index.
constexpr const char* kProductSql =
    "SELECT id, shop_id, code, name, category, unit, active, version FROM ("
    "SELECT * FROM (SELECT id, shop_id, code, name, category, unit, active, version, name_fold FROM product "
    "WHERE name_fold LIKE ?1 ESCAPE '\\' AND active = 1 ORDER BY name_fold LIMIT ?3) "
    "UNION SELECT * FROM (SELECT id, shop_id, code, name, category, unit, active, version, name_fold FROM "
    "product "
    "WHERE code LIKE ?2 ESCAPE '\\' AND active = 1 ORDER BY code LIMIT ?3)) "
    "ORDER BY name_fold LIMIT ?3";
constexpr const char* kPartySql =
    "SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version FROM ("
    "SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, name_fold "
    "FROM party "
    "WHERE kind = ?1 AND name_fold LIKE ?2 ESCAPE '\\' AND active = 1 ORDER BY name_fold LIMIT ?5) "
    "UNION SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, "
    "name_fold "
    "FROM party WHERE kind = ?1 AND code LIKE ?3 ESCAPE '\\' AND active = 1 ORDER BY kind, code LIMIT ?5) "
    "UNION SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, "
    "name_fold "
    "FROM party WHERE ?6 AND phone LIKE ?4 ESCAPE '\\' AND +kind = ?1 AND active = 1 ORDER BY phone LIMIT "
    "?5)) "
    "ORDER BY name_fold LIMIT ?5";

QByteArray likePrefix(const QString& s) {
    QString p = s;
    p.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return (p + QLatin1Char('%')).toUtf8();
}

class RawSearch {
public:
    RawSearch(const QString& path, bool unionSql)
        : m_union(unionSql) {
        const QByteArray p = path.toUtf8();
        sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        sqlite3_exec(m_db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                     "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-20000; PRAGMA case_sensitive_like=ON;",
                     nullptr, nullptr, nullptr);
        sqlite3_prepare_v3(m_db, unionSql ? kProductSql : kProductSqlSingle, -1, SQLITE_PREPARE_PERSISTENT,
                           &m_product, nullptr);
        sqlite3_prepare_v3(m_db, unionSql ? kPartySql : kPartySqlSingle, -1, SQLITE_PREPARE_PERSISTENT,
                           &m_party, nullptr);
        if (!m_product || !m_party)
            die(QStringLiteral("preparing the raw queries"), QString::fromUtf8(sqlite3_errmsg(m_db)));
    }
    ~RawSearch() {
        sqlite3_finalize(m_product);
        sqlite3_finalize(m_party);
        sqlite3_close(m_db);
    }
    RawSearch(const RawSearch&) = delete;
    RawSearch& operator=(const RawSearch&) = delete;

    int products(const QString& text, int limit) {
        bindText(m_product, 1, likePrefix(Validation::fold(text)));
        bindText(m_product, 2, likePrefix(text.trimmed().toUpper()));
        sqlite3_bind_int(m_product, 3, limit);
        return drain(m_product, 8);
    }
    int parties(PartyKind kind, const QString& text, int limit) {
        bindText(m_party, 1, kind == PartyKind::Buyer ? QByteArray("buyer") : QByteArray("farmer"));
        bindText(m_party, 2, likePrefix(Validation::fold(text)));
        if (m_union) {
            bindText(m_party, 3, likePrefix(text.trimmed().toUpper()));
            bindText(m_party, 4, likePrefix(text.trimmed()));
            const QString t = text.trimmed();
            sqlite3_bind_int(m_party, 6, !t.isEmpty() && (t.front().isDigit() || t.front() == u'+') ? 1 : 0);
        } else {
            bindText(m_party, 3, likePrefix(text.trimmed().toUpper()));
            bindText(m_party, 4, text.trimmed().isEmpty() ? QByteArray("") : likePrefix(text.trimmed()));
        }
        sqlite3_bind_int(m_party, 5, limit);
        return drain(m_party, 9);
    }
    sqlite3* handle() const { return m_db; }

private:
    static void bindText(sqlite3_stmt* s, int i, const QByteArray& v) {
        sqlite3_bind_text(s, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    /// Steps through every row and touches every column, as a caller reading results would.
    static int drain(sqlite3_stmt* s, int columns) {
        int rows = 0;
        size_t bytes = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < columns; ++c)
                bytes += static_cast<size_t>(sqlite3_column_bytes(s, c));
        }
        sqlite3_reset(s);
        return bytes > 0 ? rows : 0;
    }
    bool m_union = false;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_product = nullptr;
    sqlite3_stmt* m_party = nullptr;
};

void explain(sqlite3* db, const char* label, const char* sql) {
    const QByteArray q = QByteArray("EXPLAIN QUERY PLAN ") + sql;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, q.constData(), -1, &s, nullptr);
    // Bound like a real keystroke, since the LIKE optimisation depends on the pattern.
    const int params = sqlite3_bind_parameter_count(s);
    for (int i = 1; i <= params; ++i)
        sqlite3_bind_text(s, i, "to%", -1, SQLITE_STATIC);
    std::printf("plan of %s:\n", label);
    while (sqlite3_step(s) == SQLITE_ROW)
        std::printf("  %s\n", reinterpret_cast<const char*>(sqlite3_column_text(s, 3)));
    sqlite3_finalize(s);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows even when redirected to a file
    const QStringList args = app.arguments();
    const int products = static_cast<int>(argOr(args, 1, 100'000));
    const int parties = static_cast<int>(argOr(args, 2, 50'000));
    const int count = static_cast<int>(argOr(args, 3, 2'000));
    const int runs = static_cast<int>(argOr(args, 4, 3));
    QTemporaryDir dir(args.size() > 5 ? QDir(args.at(5)).filePath(QStringLiteral("bench-XXXXXX"))
                                      : QDir::tempPath() + QStringLiteral("/bench-XXXXXX"));
    if (!dir.isValid())
        die(QStringLiteral("making a working directory"), dir.errorString());
    std::printf("bench_lookup: %d products, %d parties, %d keystrokes per series, %d runs, SQLite %s\n",
                products, parties, count, runs, sqlite3_libversion());

    const Vocabulary vocabulary;
    const QString path = makeStore(dir.path(), products, parties, vocabulary);
    const std::vector<Query> queries = makeQueries(count, vocabulary);

    SystemClock clock;
    auto opened = Store::open(path, clock);
    if (!opened.ok())
        die(QStringLiteral("opening the store"), opened.error().message);
    Store& store = **opened;
    CatalogService catalog(store);
    PartyService partyService(store);
    RawSearch raw(path, true);
    RawSearch single(path, false);
    explain(raw.handle(), "product search", kProductSql);
    explain(raw.handle(), "party search", kPartySql);
    explain(raw.handle(), "single-query product search (before)", kProductSqlSingle);
    explain(raw.handle(), "single-query party search (before)", kPartySqlSingle);
    std::printf("\n");

    const QStringList names{
        QStringLiteral("ours: searchProducts"),          QStringLiteral("raw: product SQL"),
        QStringLiteral("ours: PartyService::search"),    QStringLiteral("raw: party SQL"),
        QStringLiteral("raw: single-query product SQL"), QStringLiteral("raw: single-query party SQL")};
    std::map<QString, std::vector<Series>> all;
    std::map<qsizetype, std::vector<double>> oursByLength; // p99 per prefix length, all runs
    qint64 rowsSeen = 0;
    for (int run = 1; run <= runs; ++run) {
        std::printf("run %d\n", run);
        printSeriesHeader();
        std::vector<Series> results;
        for (const auto& n : names)
            results.push_back(Series(n));
        for (const auto& q : queries) {
            // Interleaved per keystroke, so the machine's noise hits every series alike.
            double cpu = threadCpuMicros();
            auto t = BenchClock::now();
            auto found = catalog.searchProducts(q.text, 20);
            results[0].micros.push_back(microsSince(t));
            results[0].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[0].cpuMicros += results[0].cpuSamples.back();
            if (!found.ok())
                die(QStringLiteral("searching products"), found.error().message);
            rowsSeen += static_cast<qint64>(found->size());
            oursByLength[q.text.size()].push_back(results[0].micros.back());

            cpu = threadCpuMicros();
            t = BenchClock::now();
            rowsSeen += raw.products(q.text, 20);
            results[1].micros.push_back(microsSince(t));
            results[1].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[1].cpuMicros += results[1].cpuSamples.back();

            cpu = threadCpuMicros();
            t = BenchClock::now();
            auto people = partyService.search(q.kind, q.text, 20);
            results[2].micros.push_back(microsSince(t));
            results[2].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[2].cpuMicros += results[2].cpuSamples.back();
            if (!people.ok())
                die(QStringLiteral("searching parties"), people.error().message);
            rowsSeen += static_cast<qint64>(people->size());

            cpu = threadCpuMicros();
            t = BenchClock::now();
            rowsSeen += raw.parties(q.kind, q.text, 20);
            results[3].micros.push_back(microsSince(t));
            results[3].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[3].cpuMicros += results[3].cpuSamples.back();

            cpu = threadCpuMicros();
            t = BenchClock::now();
            rowsSeen += single.products(q.text, 20);
            results[4].micros.push_back(microsSince(t));
            results[4].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[4].cpuMicros += results[4].cpuSamples.back();

            cpu = threadCpuMicros();
            t = BenchClock::now();
            rowsSeen += single.parties(q.kind, q.text, 20);
            results[5].micros.push_back(microsSince(t));
            results[5].cpuSamples.push_back(threadCpuMicros() - cpu);
            results[5].cpuMicros += results[5].cpuSamples.back();
        }
        for (auto& r : results) {
            double sum = 0;
            for (double m : r.micros)
                sum += m;
            r.wallSeconds = sum / 1e6;
            printSeries(r);
            all[r.name].push_back(std::move(r));
        }
        std::printf("\n");
    }

    auto med = [&all](const QString& name, double (Series::*figure)() const) {
        std::vector<double> v;
        for (const auto& s : all[name])
            v.push_back((s.*figure)());
        return median(v);
    };
    auto cpuP99 = [&all](const QString& name) {
        std::vector<double> v;
        for (const auto& s : all[name])
            v.push_back(percentile(s.cpuSamples, 99));
        return median(v);
    };
    std::printf("median of %d runs (rows returned in all: %lld)\n%-34s %10s %9s %9s %11s\n", runs,
                static_cast<long long>(rowsSeen), "series", "queries/s", "p50 ms", "p99 ms", "cpu p99 ms");
    for (const auto& n : names)
        std::printf("%-34s %10.0f %9.3f %9.3f %11.3f\n", qUtf8Printable(n), med(n, &Series::rate),
                    med(n, &Series::p50) / 1000.0, med(n, &Series::p99) / 1000.0, cpuP99(n) / 1000.0);
    std::printf("\nsearchProducts by prefix length (all runs):\n");
    for (const auto& [len, micros] : oursByLength)
        std::printf("  %lld chars: n %zu  p50 %.3f ms  p99 %.3f ms\n", static_cast<long long>(len),
                    micros.size(), percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0);
    std::printf(
        "single-query/union SQL (raw)  products: p99 %.3f -> %.3f ms   parties: p99 %.3f -> %.3f ms\n",
        med(names[4], &Series::p99) / 1000.0, med(names[1], &Series::p99) / 1000.0,
        med(names[5], &Series::p99) / 1000.0, med(names[3], &Series::p99) / 1000.0);
    std::printf("\nratios ours/raw  products: p50 %.2f p99 %.2f   parties: p50 %.2f p99 %.2f\n",
                med(names[0], &Series::p50) / med(names[1], &Series::p50),
                med(names[0], &Series::p99) / med(names[1], &Series::p99),
                med(names[2], &Series::p50) / med(names[3], &Series::p50),
                med(names[2], &Series::p99) / med(names[3], &Series::p99));
    const double worst = std::max(med(names[0], &Series::p99), med(names[2], &Series::p99));
    std::printf("lookup p99 %.3f ms: %s\n", worst / 1000.0, worst < 2'000 ? "meets < 2 ms" : "MISSES < 2 ms");
    return 0;
}
