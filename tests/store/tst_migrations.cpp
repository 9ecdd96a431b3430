#include "StoreFixture.h"
#include "store/Schema.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

using namespace market::test;

namespace {
// The schema as SQLite records it: every table, index and trigger with its SQL.
QStringList schemaOf(Database& db) {
    QStringList out;
    Statement& s = db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
                              "ORDER BY type, name");
    while (s.next())
        out << s.text(0);
    s.reset();
    return out;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp()); }

    void freshFileMigratesToLatest();
    void fromEveryEarlierVersion_data();
    void fromEveryEarlierVersion();
    void newerFileRefusedAndUnchanged();
    void reopeningKeepsDataAndSequences();
    void backgroundCheckpointsCopyTheWal();
    void aLongRunOfCommitsKeepsTheWalBounded();
    void anAskedForCheckpointWaitsForTheBackgroundOne();

private:
    StoreFixture m_fx;
    QTemporaryDir m_dir;
};

void TestMigrations::freshFileMigratesToLatest() {
    auto db = Database::open(m_dir.filePath(QStringLiteral("fresh.db")));
    MARKET_REQUIRE_OK(db);
    auto v = schemaVersion(**db);
    MARKET_REQUIRE_OK(v);
    QCOMPARE(*v, 0);
    MARKET_REQUIRE_OK(migrate(**db));
    v = schemaVersion(**db);
    MARKET_REQUIRE_OK(v);
    QCOMPARE(*v, latestSchemaVersion());
    const QStringList schema = schemaOf(**db);
    for (const char* table : {"shop", "terminal", "app_user", "party", "product", "commission_rule", "lot",
                              "sale", "sale_line", "sale_payment", "credit", "credit_detail", "collection",
                              "collection_allocation", "audit_log", "outbox", "counter", "meta"})
        QVERIFY2(schema.filter(QStringLiteral("table %1: ").arg(QLatin1String(table))).size() == 1, table);
    // Migrating again is a no-op.
    MARKET_REQUIRE_OK(migrate(**db));
    QCOMPARE(schemaOf(**db), schema);
    // The connection runs as the store needs it.
    Statement& mode = (*db)->prepare("PRAGMA journal_mode");
    QVERIFY(mode.next());
    QCOMPARE(mode.text(0), QStringLiteral("wal"));
    mode.reset();
    Statement& fk = (*db)->prepare("PRAGMA foreign_keys");
    QVERIFY(fk.next());
    QCOMPARE(fk.int64(0), qint64(1));
    fk.reset();
    Statement& sync = (*db)->prepare("PRAGMA synchronous");
    QVERIFY(sync.next());
    QCOMPARE(sync.int64(0), qint64(2)); // FULL
    sync.reset();
}

void TestMigrations::fromEveryEarlierVersion_data() {
    // Generated, so every future migration is covered without touching this test.
    QTest::addColumn<int>("from");
    for (int v = 0; v < latestSchemaVersion(); ++v)
        QTest::addRow("from v%d", v) << v;
}

void TestMigrations::fromEveryEarlierVersion() {
    QFETCH(int, from);
    auto reference = Database::open(m_dir.filePath(QStringLiteral("reference-%1.db").arg(from)));
    MARKET_REQUIRE_OK(reference);
    MARKET_REQUIRE_OK(migrate(**reference));

    const QString path = m_dir.filePath(QStringLiteral("upgrade-%1.db").arg(from));
    {
        auto db = Database::open(path);
        MARKET_REQUIRE_OK(db);
        MARKET_REQUIRE_OK(migrateTo(**db, from));
        auto v = schemaVersion(**db);
        MARKET_REQUIRE_OK(v);
        QCOMPARE(*v, from);
    }
    // The program starting on an old file upgrades it to the same schema as a fresh one.
    ManualClock clock(StoreFixture::kStartMs);
    auto store = Store::open(path, clock);
    MARKET_REQUIRE_OK(store);
    auto v = schemaVersion((*store)->db());
    MARKET_REQUIRE_OK(v);
    QCOMPARE(*v, latestSchemaVersion());
    QCOMPARE(schemaOf((*store)->db()), schemaOf(**reference));
}

void TestMigrations::newerFileRefusedAndUnchanged() {
    const QString path = m_dir.filePath(QStringLiteral("newer.db"));
    {
        auto db = Database::open(path, Database::Options{false, 5000});
        MARKET_REQUIRE_OK(db);
        MARKET_REQUIRE_OK(migrate(**db));
        const QByteArray bump = "PRAGMA user_version=" + QByteArray::number(latestSchemaVersion() + 1);
        MARKET_REQUIRE_OK((*db)->execScript(bump, "bumping the version"));
        MARKET_REQUIRE_OK((*db)->execScript(
            "INSERT INTO meta (key, value) VALUES ('written-by', 'the future')", "writing a marker"));
        MARKET_REQUIRE_OK((*db)->checkpoint());
    }
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());

    ManualClock clock(StoreFixture::kStartMs);
    auto store = Store::open(path, clock);
    MARKET_REQUIRE_ERROR(store, ErrorCode::InvalidState);
    QVERIFY2(store.error().message.contains(QString::number(latestSchemaVersion() + 1)),
             qPrintable(store.error().message));
    {
        auto db = Database::open(path, Database::Options{false, 5000});
        MARKET_REQUIRE_OK(db);
        MARKET_REQUIRE_ERROR(migrate(**db), ErrorCode::InvalidState);
        MARKET_REQUIRE_ERROR(migrateTo(**db, latestSchemaVersion()), ErrorCode::InvalidState);
        auto v = schemaVersion(**db);
        MARKET_REQUIRE_OK(v);
        QCOMPARE(*v, latestSchemaVersion() + 1);
    }
    QCOMPARE(fileBytes(path), before);
}

void TestMigrations::reopeningKeepsDataAndSequences() {
    MARKET_REQUIRE_OK(m_fx.reset());
    auto farmer = m_fx.farmer(QStringLiteral("Narsimha"));
    auto product = m_fx.product(QStringLiteral("Crossandra"));
    auto buyer = m_fx.buyer(QStringLiteral("Temple Stall"), money(u"100000"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(buyer);
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"1000"));
    MARKET_REQUIRE_OK(lot);
    const QString lotId = lot->id.toString();

    std::vector<QString> receipts;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 3; ++i) {
            m_fx.clock.advanceMs(5000);
            SaleRequest r;
            r.buyerId = buyer->id;
            r.lines = {StoreFixture::line(lot->id, u"2.5", u"41.00")};
            r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"50")};
            auto sale = m_fx.sales().sell(m_fx.cashier, r);
            MARKET_REQUIRE_OK(sale);
            receipts.push_back(sale->receiptNo);
        }
        MARKET_REQUIRE_OK(
            m_fx.collections().collect(m_fx.cashier, buyer->id, money(u"1"), PaymentMethod::Cash));
        const QString lastHash =
            m_fx.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).toString();
        MARKET_REQUIRE_OK(m_fx.reopen());
        // Same identity, same data after the restart.
        QVERIFY(m_fx.store().identity().has_value());
        QCOMPARE(m_fx.store().identity()->shopCode, QStringLiteral("HYD01"));
        QCOMPARE(m_fx.store().identity()->terminalNumber, qint64(1));
        QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM sale")), qint64(receipts.size()));
        auto summary = m_fx.arrivals().lot(lot->id);
        MARKET_REQUIRE_OK(summary);
        QCOMPARE(summary->sold, Quantity::fromThousandths(2500 * qint64(receipts.size())));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'audit_last_hash'")).toString(),
            lastHash);
    }
    for (size_t i = 0; i < receipts.size(); ++i)
        QCOMPARE(receipts[i], QStringLiteral("HYD01-1-%1").arg(i + 1, 6, 10, QLatin1Char('0')));
    const auto seqs = m_fx.rows(QStringLiteral("SELECT seq FROM outbox ORDER BY seq"));
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs[i][0].toLongLong(), qint64(i + 1));
    const auto audit = m_fx.rows(QStringLiteral("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq"));
    for (int i = 0; i < audit.size(); ++i) {
        QCOMPARE(audit[i][0].toLongLong(), qint64(i + 1));
        if (i > 0)
            QCOMPARE(audit[i][1].toString(), audit[i - 1][2].toString());
    }
    auto due = m_fx.collections().outstanding(buyer->id);
    MARKET_REQUIRE_OK(due);
    QCOMPARE(*due, Money::fromMinor((10250 - 5000) * 12 - 100 * 4));
}

// While a store is open its WAL is copied into the file by the background checkpointer (commits
// never checkpoint): without that the WAL grows all day at a busy counter.
void TestMigrations::backgroundCheckpointsCopyTheWal() {
    const QString path = m_dir.filePath(QStringLiteral("checkpointed.db"));
    auto db = Database::open(path);
    MARKET_REQUIRE_OK(db);
    MARKET_REQUIRE_OK(
        (*db)->execScript("CREATE TABLE t (x BLOB); INSERT INTO t VALUES (randomblob(500000))", "writing"));
    QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(path).size() > 400'000, "the WAL was not checkpointed", 15000);
}

// A writer that commits transaction after transaction, like a new counter's first pull: copying
// alone never lets the WAL start over, so past its limit the checkpointer rewinds and truncates it.
void TestMigrations::aLongRunOfCommitsKeepsTheWalBounded() {
    const QString path = m_dir.filePath(QStringLiteral("long-pull.db"));
    Database::Options options;
    options.walRewindBytes = 1024 * 1024;
    auto db = Database::open(path, options);
    MARKET_REQUIRE_OK(db);
    MARKET_REQUIRE_OK((*db)->execScript("CREATE TABLE t (x BLOB)", "creating"));
    const QString wal = path + QStringLiteral("-wal");
    qint64 largest = 0;
    constexpr int kCommits = 160; // 160 × 128 KiB = 20 MiB through the WAL
    for (int i = 0; i < kCommits; ++i) {
        MARKET_REQUIRE_OK((*db)->execScript(
            "BEGIN IMMEDIATE; INSERT INTO t VALUES (randomblob(131072)); COMMIT", "writing a page"));
        largest = std::max(largest, QFileInfo(wal).size());
        QThread::msleep(10); // the gap of a pull fetching its next page
    }
    Statement& rows = (*db)->prepare("SELECT count(*), sum(length(x)) FROM t");
    QVERIFY(rows.next());
    QCOMPARE(rows.int64(0), qint64(kCommits));
    QCOMPARE(rows.int64(1), qint64(kCommits) * 131072);
    rows.reset();
    // Without the rewind the WAL holds all 20 MiB; with it, the limit plus what 500 ms of
    // commits add before the checkpointer wakes.
    QVERIFY2(largest < 8 * 1024 * 1024, qPrintable(QStringLiteral("the WAL reached %1 bytes").arg(largest)));
}

// A checkpoint asked for (tests and benchmarks do, before copying a store) while the background
// checkpointer is in the middle of its own pass waits for that pass: SQLite alone refuses it at
// once ("database is locked"), without asking the busy handler. Each round leaves a large WAL,
// then asks for a checkpoint a little later than the round before, sweeping across the
// checkpointer's 0.5 s interval, so some of the requests land while its pass is copying.
void TestMigrations::anAskedForCheckpointWaitsForTheBackgroundOne() {
    const QString path = m_dir.filePath(QStringLiteral("two-checkpointers.db"));
    auto db = Database::open(path);
    MARKET_REQUIRE_OK(db);
    MARKET_REQUIRE_OK((*db)->execScript("CREATE TABLE t (x BLOB)", "creating"));
    for (int round = 0; round < 10; ++round) {
        MARKET_REQUIRE_OK((*db)->execScript(
            "DELETE FROM t; INSERT INTO t VALUES (randomblob(32 * 1024 * 1024))", "writing"));
        QThread::msleep(unsigned(round) * 50);
        MARKET_REQUIRE_OK((*db)->checkpoint());
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
