// Crash safety: a child process (crash_seller) sells in a loop and is killed with SIGKILL at a
// random moment, many times. After every kill the store must be intact and hold every sale the
// child reported, whole, and no partial sale; receipt numbers, outbox sequence and the audit
// hash chain must have no gap.
#include "domain/Clock.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/CashSessionService.h"
#include "services/CatalogService.h"
#include "services/PartyService.h"
#include "services/SaleService.h"
#include "services/SetupService.h"
#include "store/Journal.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <map>

using namespace market::core;

namespace {

constexpr int kDefaultIterations = 50;
const QString kShopCode = QStringLiteral("HYD01");
constexpr qint64 kTerminalNumber = 2;

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        const auto& check_result_ = (expr);                                                                  \
        /* QVERIFY2 evaluates its message even on success */                                                 \
        QVERIFY2(check_result_.ok(),                                                                         \
                 qPrintable(check_result_.ok() ? QString() : check_result_.error().message));                \
    } while (false)

/// One integer from a query with no parameters (a count, a max).
qint64 scalar(Database& db, const char* sql) {
    Statement& s = db.prepare(sql);
    const qint64 v = s.next() ? s.int64(0) : -1;
    s.reset();
    return v;
}

qint64 counterValue(Database& db, const QString& name) {
    Statement& s = db.prepare("SELECT value FROM counter WHERE name = ?1");
    s.bind(1, name);
    const qint64 v = s.next() ? s.int64(0) : 0;
    s.reset();
    return v;
}

QJsonValue jsonOrNull(const QString& text) {
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedSellerLeavesOnlyWholeSales();

private:
    void createShop();
    /// Runs one child until it is killed; appends what it reported.
    void runAndKill(int iteration, int delayMs, std::map<QString, QString>& done, int& reportedNow);
    /// Everything that must hold after a kill. `done`: saleId → receiptNo reported by children.
    void verifyStore(const std::map<QString, QString>& done, int iteration);

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_checkedSeq = 0;    ///< sales up to this receipt seq were deep-checked already
    qint64 m_checkedOutbox = 0; ///< outbox entries up to this seq were read already
    std::map<QString, QJsonObject> m_salePayloads;
};

void TestCrashSafety::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("crash.db"));
    QVERIFY2(QFileInfo::exists(QStringLiteral(CRASH_SELLER_PATH)), CRASH_SELLER_PATH);
    createShop();
}

void TestCrashSafety::createShop() {
    SystemClock clock;
    auto opened = Store::open(m_path, clock);
    CHECK_OK(opened);
    Store& store = **opened;

    StandaloneShopRequest shop;
    shop.shopCode = kShopCode;
    shop.shopName = QStringLiteral("Crash Test Mandi");
    shop.terminalNumber = kTerminalNumber;
    shop.terminalName = QStringLiteral("Counter 2");
    shop.ownerUsername = QStringLiteral("owner");
    shop.ownerDisplayName = QStringLiteral("Owner");
    shop.ownerPassword = QStringLiteral("owner-pass-1");
    auto owner = SetupService(store).createStandaloneShop(shop);
    CHECK_OK(owner);
    // Two slow hashes in all: the owner above and the cashier the child logs in as.
    CHECK_OK(AuthService(store).createUser(
        *owner, NewUserRequest{QStringLiteral("cashier"), QStringLiteral("Ravi"), Role::Cashier,
                               QStringLiteral("cashier-pass-1"), QString()}));

    // The drawer stays open across kills, as at a real counter (cash sales need an open session).
    CHECK_OK(CashSessionService(store).open(*owner, Money::fromMinor(500'000)));

    CatalogService catalog(store);
    CHECK_OK(catalog.setCommissionRule(*owner, std::nullopt, CommissionRule{CommissionKind::Flat, 500, {}}));
    const QStringList productNames{QStringLiteral("Tomato"), QStringLiteral("भिंडी"), QStringLiteral("ఉల్లిపాయ")};
    std::vector<Uuid> products;
    for (const auto& name : productNames) {
        auto p =
            catalog.createProduct(*owner, NewProductRequest{QString(), name, Category::Vegetable, Unit::Kg});
        CHECK_OK(p);
        products.push_back(p->id);
    }
    // A slab override on one product, so lines carry different rates.
    CommissionRule slab{CommissionKind::Slab,
                        0,
                        {CommissionSlab{Quantity::fromUnits(0), Quantity::fromUnits(10), 300},
                         CommissionSlab{Quantity::fromUnits(10), std::nullopt, 600}}};
    CHECK_OK(catalog.setCommissionRule(*owner, products.front(), slab));

    PartyService parties(store);
    const QStringList farmerNames{QStringLiteral("Ramesh Kumar"), QStringLiteral("सुरेश यादव"),
                                  QStringLiteral("వెంకట రెడ్డి"), QStringLiteral("Lakshmi Devi")};
    std::vector<Uuid> farmers;
    for (const auto& name : farmerNames) {
        auto f =
            parties.create(*owner, NewPartyRequest{PartyKind::Farmer, QString(), name, QString(), Money()});
        CHECK_OK(f);
        farmers.push_back(f->id);
    }
    const QStringList buyerNames{QStringLiteral("Hotel Annapurna"), QStringLiteral("गुप्ता ट्रेडर्स"),
                                 QStringLiteral("శ్రీ సాయి స్టోర్స్"), QStringLiteral("Fresh Mart")};
    for (const auto& name : buyerNames)
        CHECK_OK(parties.create(*owner, NewPartyRequest{PartyKind::Buyer, QString(), name, QString(),
                                                        Money::fromMinor(5'000'000)})); // ₹50,000

    // Many large lots that never run out, and a few small ones that close on the way.
    ArrivalService arrivals(store);
    for (int i = 0; i < 30; ++i) {
        ArrivalRequest a;
        a.farmerId = farmers[static_cast<size_t>(i) % farmers.size()];
        a.productId = products[static_cast<size_t>(i) % products.size()];
        a.netQty = Quantity::fromUnits(i < 24 ? 100'000 : 40);
        a.packages = 10;
        CHECK_OK(arrivals.recordArrival(*owner, a));
    }
}

void TestCrashSafety::runAndKill(int iteration, int delayMs, std::map<QString, QString>& done,
                                 int& reportedNow) {
    QProcess child;
    child.start(QStringLiteral(CRASH_SELLER_PATH), {m_path, QString::number(iteration + 1)});
    QVERIFY2(child.waitForStarted(30'000), qPrintable(child.errorString()));

    QByteArray out;
    // The kill is timed from READY (after the slow login), so it lands while sales are written.
    while (!out.contains("READY\n")) {
        if (!child.waitForReadyRead(60'000)) {
            child.kill();
            child.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("the seller never got ready: %1")
                                 .arg(QString::fromUtf8(child.readAllStandardError()))));
        }
        out += child.readAllStandardOutput();
    }
    QThread::msleep(static_cast<unsigned long>(delayMs));
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished(30'000));
    out += child.readAllStandardOutput();
    QVERIFY2(child.exitStatus() == QProcess::CrashExit,
             qPrintable(QStringLiteral("the seller stopped by itself (exit %1): %2")
                            .arg(child.exitCode())
                            .arg(QString::fromUtf8(child.readAllStandardError()))));

    reportedNow = 0;
    // Only whole lines count: a line the kill cut short was never reported.
    const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
    for (const QByteArray& line : lines) {
        if (!line.startsWith("DONE "))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        QCOMPARE(parts.size(), 3);
        const QString id = QString::fromLatin1(parts[2]);
        QVERIFY2(done.find(id) == done.end(), "a sale was reported twice");
        done.emplace(id, QString::fromLatin1(parts[1]));
        ++reportedNow;
    }
}

void TestCrashSafety::verifyStore(const std::map<QString, QString>& done, int iteration) {
    const QString when = QStringLiteral("after kill %1: ").arg(iteration + 1);
    SystemClock clock;
    auto opened = Store::open(m_path, clock); // recovers the WAL the child left behind
    CHECK_OK(opened);
    Store& store = **opened;
    Database& db = store.db();
    QVERIFY(store.identity().has_value());
    const QString terminalId = store.identity()->terminalId.toString();

    {
        Statement& s = db.prepare("PRAGMA integrity_check");
        QVERIFY(s.next());
        QCOMPARE(s.text(0), QStringLiteral("ok"));
        s.reset();
        QCOMPARE(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }

    // No partial sale: each query counts the sales that break one rule.
    struct Rule {
        const char* what;
        const char* sql;
    };
    static const Rule rules[] = {
        {"sale without lines",
         "SELECT count(*) FROM sale s WHERE NOT EXISTS (SELECT 1 FROM sale_line l WHERE "
         "l.sale_id = s.id)"},
        {"Σ lines ≠ total",
         "SELECT count(*) FROM sale s WHERE s.total <> (SELECT coalesce(sum(amount), 0) FROM "
         "sale_line l WHERE l.sale_id = s.id)"},
        {"paid + credit ≠ total", "SELECT count(*) FROM sale WHERE paid + credit <> total"},
        {"Σ payments ≠ paid",
         "SELECT count(*) FROM sale s WHERE s.paid <> (SELECT coalesce(sum(amount), 0) FROM "
         "sale_payment p WHERE p.sale_id = s.id)"},
        {"credit row ≠ credit",
         "SELECT count(*) FROM sale s WHERE s.credit <> (SELECT coalesce(sum(amount), 0) "
         "FROM credit c WHERE c.sale_id = s.id)"},
        {"Σ credit details ≠ credit",
         "SELECT count(*) FROM credit c WHERE c.amount <> (SELECT coalesce(sum(amount), "
         "0) FROM credit_detail d WHERE d.credit_id = c.id)"},
        {"line: farmer net + commission ≠ amount",
         "SELECT count(*) FROM sale_line WHERE farmer_net + commission <> amount"},
        {"sale without outbox entry",
         "SELECT count(*) FROM sale WHERE id NOT IN (SELECT json_extract(payload, "
         "'$.id') FROM outbox WHERE type = 'sale.recorded')"},
        {"outbox entry without sale", "SELECT count(*) FROM outbox WHERE type = 'sale.recorded' AND "
                                      "json_extract(payload, '$.id') NOT IN (SELECT id FROM sale)"},
        {"sale without audit entry",
         "SELECT count(*) FROM sale WHERE id NOT IN (SELECT entity_id FROM audit_log "
         "WHERE action = 'sale.create')"},
        {"lot sold beyond what it received", "SELECT count(*) FROM lot l WHERE received_qty < (SELECT "
                                             "coalesce(sum(qty), 0) FROM sale_line s WHERE "
                                             "s.lot_id = l.id)"},
        {"closed lot not sold out / without event",
         "SELECT count(*) FROM lot l WHERE status = 'closed' AND (received_qty <> (SELECT coalesce(sum(qty), "
         "0) "
         "FROM sale_line s WHERE s.lot_id = l.id) OR NOT EXISTS (SELECT 1 FROM lot_status_event e WHERE "
         "e.lot_id = l.id AND e.to_status = 'closed'))"},
        {"sold-out lot still active", "SELECT count(*) FROM lot l WHERE status = 'active' AND received_qty = "
                                      "(SELECT coalesce(sum(qty), 0) "
                                      "FROM sale_line s WHERE s.lot_id = l.id)"},
    };
    for (const Rule& r : rules)
        QVERIFY2(scalar(db, r.sql) == 0, qPrintable(when + QString::fromUtf8(r.what)));

    // Receipt numbers of this terminal: exactly 1..N, and the counter agrees.
    const qint64 sales = scalar(db, "SELECT count(*) FROM sale");
    const qint64 maxReceipt = scalar(db, "SELECT coalesce(max(receipt_seq), 0) FROM sale");
    QCOMPARE(scalar(db, "SELECT count(DISTINCT terminal_id) FROM sale"), sales > 0 ? 1 : 0);
    QCOMPARE(maxReceipt, sales);
    if (sales > 0)
        QCOMPARE(scalar(db, "SELECT min(receipt_seq) FROM sale"), 1);
    QCOMPARE(counterValue(db, QStringLiteral("receipt")), maxReceipt);

    // Outbox: contiguous from 1 (nothing is acknowledged in this test), counter agrees.
    const qint64 outboxCount = scalar(db, "SELECT count(*) FROM outbox");
    QCOMPARE(scalar(db, "SELECT coalesce(max(seq), 0) FROM outbox"), outboxCount);
    QCOMPARE(scalar(db, "SELECT coalesce(min(seq), 1) FROM outbox"), 1);
    QCOMPARE(counterValue(db, QStringLiteral("outbox")), outboxCount);

    // The audit hash chain verifies from the genesis to the last recorded hash.
    {
        Statement& a =
            db.prepare("SELECT seq, terminal_id, user_id, at_ms, action, entity, entity_id, before_json, "
                       "after_json, prev_hash, hash FROM audit_log ORDER BY seq");
        QString prev = Journal::genesisHash();
        qint64 expectedSeq = 1;
        bool chainOk = true;
        QString broken;
        while (a.next()) {
            const QJsonObject fields{
                {QStringLiteral("action"), a.text(4)}, {QStringLiteral("after"), jsonOrNull(a.text(8))},
                {QStringLiteral("atMs"), a.int64(3)},  {QStringLiteral("before"), jsonOrNull(a.text(7))},
                {QStringLiteral("entity"), a.text(5)}, {QStringLiteral("entityId"), a.text(6)},
                {QStringLiteral("seq"), a.int64(0)},   {QStringLiteral("terminalId"), a.text(1)},
                {QStringLiteral("userId"), a.text(2)}};
            if (a.int64(0) != expectedSeq || a.text(1) != terminalId || a.text(9) != prev ||
                a.text(10) != Journal::chainHash(prev, fields)) {
                chainOk = false;
                broken = QStringLiteral("audit entry %1").arg(a.int64(0));
                break;
            }
            prev = a.text(10);
            ++expectedSeq;
        }
        a.reset();
        QVERIFY2(chainOk, qPrintable(when + QStringLiteral("the audit chain breaks at ") + broken));
        QCOMPARE(counterValue(db, QStringLiteral("audit")), expectedSeq - 1);
        auto last = store.meta(QStringLiteral("audit_last_hash"));
        CHECK_OK(last);
        QCOMPARE(*last, prev);
    }

    // Every sale a child reported is here under its receipt number.
    {
        Statement& s = db.prepare("SELECT receipt_no FROM sale WHERE id = ?1");
        for (const auto& [id, receipt] : done) {
            s.bind(1, id);
            const bool found = s.next();
            const QString stored = found ? s.text(0) : QString();
            s.reset();
            QVERIFY2(found,
                     qPrintable(when + QStringLiteral("reported sale %1 (%2) is missing").arg(receipt, id)));
            QCOMPARE(stored, receipt);
        }
    }

    // New sales in depth: the stored rows read back as the document the outbox carries, with
    // consistent arithmetic, the expected receipt number and the audit entry's figures.
    {
        Statement& o =
            db.prepare("SELECT seq, payload FROM outbox WHERE seq > ?1 AND type = 'sale.recorded'");
        o.bind(1, m_checkedOutbox);
        while (o.next()) {
            const QJsonObject payload = QJsonDocument::fromJson(o.text(1).toUtf8()).object();
            m_salePayloads[payload.value(QStringLiteral("id")).toString()] = payload;
        }
        o.reset();
        m_checkedOutbox = outboxCount;

        SaleService saleService(store);
        Statement& s =
            db.prepare("SELECT s.id, a.after_json FROM sale s JOIN audit_log a ON a.entity_id = s.id AND "
                       "a.action = 'sale.create' WHERE s.receipt_seq > ?1 ORDER BY s.receipt_seq");
        s.bind(1, m_checkedSeq);
        std::vector<std::pair<Uuid, QString>> fresh;
        while (s.next())
            fresh.emplace_back(s.uuid(0), s.text(1));
        s.reset();
        for (const auto& [id, afterJson] : fresh) {
            auto sale = saleService.sale(id);
            CHECK_OK(sale);
            CHECK_OK(sale->verifyArithmetic());
            QCOMPARE(sale->receiptNo, QStringLiteral("%1-%2-%3")
                                          .arg(kShopCode)
                                          .arg(kTerminalNumber)
                                          .arg(sale->receiptSeq, 6, 10, QLatin1Char('0')));
            const auto payload = m_salePayloads.find(id.toString());
            QVERIFY(payload != m_salePayloads.end());
            QCOMPARE(payload->second, sale->toJson());
            const QJsonObject after = QJsonDocument::fromJson(afterJson.toUtf8()).object();
            QCOMPARE(after.value(QStringLiteral("receiptNo")).toString(), sale->receiptNo);
            QCOMPARE(after.value(QStringLiteral("total")).toInteger(), sale->total.minor());
            QCOMPARE(after.value(QStringLiteral("credit")).toInteger(), sale->credit.minor());
            m_checkedSeq = sale->receiptSeq;
        }
    }
}

void TestCrashSafety::killedSellerLeavesOnlyWholeSales() {
    const int iterations = std::max(kDefaultIterations, qEnvironmentVariableIntValue("CRASH_ITERATIONS"));
    QRandomGenerator delays(20'240'611); // fixed seed: the same kill moments on every run
    std::map<QString, QString> done;
    qint64 unreportedTotal = 0;
    qint64 previousSales = 0;
    for (int i = 0; i < iterations; ++i) {
        const int delayMs = static_cast<int>(delays.bounded(20, 401));
        int reportedNow = 0;
        runAndKill(i, delayMs, done, reportedNow);
        if (QTest::currentTestFailed())
            return;
        verifyStore(done, i);
        if (QTest::currentTestFailed()) {
            qWarning("failed after kill %d (delay %d ms); store kept at %s", i + 1, delayMs,
                     qPrintable(m_path));
            m_dir.setAutoRemove(false);
            return;
        }
        // A sale is committed before it is reported: at most the one in flight is unreported.
        SystemClock clock;
        auto store = Store::open(m_path, clock);
        CHECK_OK(store);
        Statement& count = (*store)->db().prepare("SELECT count(*) FROM sale");
        QVERIFY(count.next());
        const qint64 sales = count.int64(0);
        count.reset();
        const qint64 unreported = sales - previousSales - reportedNow;
        QVERIFY2(unreported == 0 || unreported == 1,
                 qPrintable(QStringLiteral("kill %1: %2 sales committed, %3 reported")
                                .arg(i + 1)
                                .arg(sales - previousSales)
                                .arg(reportedNow)));
        unreportedTotal += unreported;
        previousSales = sales;
    }
    QVERIFY2(!done.empty(), "the seller never completed a sale: the test proved nothing");
    qInfo("%d kills, %zu sales reported, %lld committed but cut before their report", iterations, done.size(),
          static_cast<long long>(unreportedTotal));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
