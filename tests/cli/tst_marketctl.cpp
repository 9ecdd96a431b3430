// marketctl end to end: a shop's day through the real binary, its --json reads, and bad input
// that must fail with one "marketctl: ..." line and leave the store exactly as it was.
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QString kOwnerPassword = QStringLiteral("owner-secret-1");
const QString kManagerPassword = QStringLiteral("manager-secret-1");
const QString kCashierPassword = QStringLiteral("cashier-secret-1");
const QString kManagerPin = QStringLiteral("4321");

} // namespace

class TestMarketctl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void help();
    void cashSaleNeedsAnOpenDrawer();
    void dayThroughTheCommandLine();
    void cashDrawer();
    void expenses();
    void farmerPayments();
    void lotAdjustment();
    void saleShowAndConfirm();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void saleReturn();
    void closeTheDrawer();
    void noDrawerChangesNothing_data();
    void noDrawerChangesNothing();
    void auditVerify();
    void namesInAnyScript_data();
    void namesInAnyScript();
    void overrideByManager();
    void passwordNeverFromArgv();
    void demo();
    void chargesOnABill();
    void productRates();

private:
    Run run(const QStringList& args, const QString& user = {}, const QString& password = {},
            const QByteArray& input = {}, const QString& db = {});
    QJsonDocument json(const QStringList& args, const QString& db = {});
    QByteArray snapshot(const QString& db = {});
    QString arrival(const QStringList& args);
    QJsonObject ok(const QStringList& args, const QString& user, const QString& password,
                   const QByteArray& input = {});
    /// A refused command: non-zero exit, one "marketctl:" line, nothing on stdout, reads unchanged.
    void refused(const QStringList& args, const QString& user, const QString& password, int expected,
                 const QByteArray& input = {});
    void badRow();
    qint64 farmerBalance(const QString& code, const QString& field);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_lotTomato;  // weighed, gross/tare
    QString m_lotJasmine; // small, for over-limit and over-stock cases
    QString m_lotDiscarded;
    QByteArray m_state; ///< snapshot() after the last bad-input row
    QString m_session;  ///< the cash session opened before the first sale
    QString m_receipt;  ///< the split-payment sale
};

Run TestMarketctl::run(const QStringList& args, const QString& user, const QString& password,
                       const QByteArray& input, const QString& db) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& name : {"MARKET_USER", "MARKET_PASSWORD", "MARKET_NEW_PASSWORD", "MARKET_NEW_PIN",
                             "MARKET_OVERRIDE_SECRET", "MARKET_APPROVER_SECRET"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("MARKET_DB"), db.isEmpty() ? m_db : db);
    env.insert(QStringLiteral("HOME"), m_dir.path()); // the default store path must never be touched
    if (!user.isEmpty())
        env.insert(QStringLiteral("MARKET_USER"), user);
    if (!password.isEmpty())
        env.insert(QStringLiteral("MARKET_PASSWORD"), password);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MARKETCTL_PATH), args);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonDocument TestMarketctl::json(const QStringList& args, const QString& db) {
    const Run r = run(args + QStringList{QStringLiteral("--json")}, {}, {}, {}, db);
    if (r.exitCode != 0)
        qWarning() << args << r.err;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << r.out;
    return doc;
}

QByteArray TestMarketctl::snapshot(const QString& db) {
    // What a bad command could have touched: parties, lots (with what is left), buyers' dues and
    // the day's figures.
    QByteArray all;
    for (const QStringList& args :
         {QStringList{QStringLiteral("party"), QStringLiteral("list")},
          QStringList{QStringLiteral("lot"), QStringLiteral("list"), QStringLiteral("--all")},
          QStringList{QStringLiteral("balance"), QStringLiteral("buyers")},
          QStringList{QStringLiteral("report"), QStringLiteral("day")}}) {
        const Run r = run(args + QStringList{QStringLiteral("--json")}, {}, {}, {}, db);
        all += r.out;
        all += QByteArray::number(r.exitCode);
    }
    if (!db.isEmpty())
        return all;
    // The books of the test shop: expenses, what farmers are owed and paid, the drawer.
    QList<QStringList> books{
        {QStringLiteral("expense"), QStringLiteral("list"), QStringLiteral("--from"),
         QStringLiteral("2020-01-01")},
        {QStringLiteral("farmer"), QStringLiteral("statement"), QStringLiteral("--farmer"),
         QStringLiteral("F1"), QStringLiteral("--from"), QStringLiteral("2020-01-01")},
        {QStringLiteral("farmer"), QStringLiteral("statement"), QStringLiteral("--farmer"),
         QStringLiteral("F2"), QStringLiteral("--from"), QStringLiteral("2020-01-01")},
        {QStringLiteral("setting"), QStringLiteral("get"), QStringLiteral("--key"),
         QStringLiteral("adjustment_approval_qty")},
        {QStringLiteral("price"), QStringLiteral("list")}};
    if (!m_session.isEmpty())
        books.append(
            {QStringLiteral("cash"), QStringLiteral("show"), QStringLiteral("--session"), m_session});
    for (const QStringList& args : books) {
        const Run r = run(args + QStringList{QStringLiteral("--json")});
        all += r.out;
        all += QByteArray::number(r.exitCode);
    }
    return all;
}

QString TestMarketctl::arrival(const QStringList& args) {
    const Run r =
        run(QStringList{QStringLiteral("arrival")} + args, QStringLiteral("cashier"), kCashierPassword);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QString::fromUtf8(r.out).trimmed();
}

QJsonObject TestMarketctl::ok(const QStringList& args, const QString& user, const QString& password,
                              const QByteArray& input) {
    const Run r = run(args + QStringList{QStringLiteral("--json")}, user, password, input);
    if (r.exitCode != 0)
        qWarning() << args << r.err;
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
}

void TestMarketctl::refused(const QStringList& args, const QString& user, const QString& password,
                            int expected, const QByteArray& input) {
    const QByteArray before = snapshot();
    const Run r = run(args, user, password, input);
    if (expected == -1)
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, r.err.constData());
    else
        QVERIFY2(r.exitCode == expected, r.err.constData());
    QVERIFY2(r.err.startsWith("marketctl: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QCOMPARE(snapshot(), before);
}

qint64 TestMarketctl::farmerBalance(const QString& code, const QString& field) {
    const QJsonArray farmers = json({QStringLiteral("balance"), QStringLiteral("farmers")}).array();
    for (const auto& f : farmers)
        if (f.toObject().value(QStringLiteral("code")).toString() == code)
            return f.toObject().value(field).toInteger();
    return -1;
}

void TestMarketctl::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("shop.db"));

    Run r = run({QStringLiteral("init"), QStringLiteral("--shop-code"), QStringLiteral("HYD01"),
                 QStringLiteral("--shop-name"), QStringLiteral("Sri Lakshmi Commission Agents"),
                 QStringLiteral("--currency"), QStringLiteral("INR"), QStringLiteral("--owner"),
                 QStringLiteral("owner"), QStringLiteral("--owner-name"), QStringLiteral("Srinivasa Rao"),
                 QStringLiteral("--password-stdin")},
                {}, {}, kOwnerPassword.toUtf8() + '\n');
    QCOMPARE(r.exitCode, 0);
    // A second init on the same store is refused.
    r = run({QStringLiteral("init"), QStringLiteral("--shop-code"), QStringLiteral("HYD02"),
             QStringLiteral("--shop-name"), QStringLiteral("Other"), QStringLiteral("--owner"),
             QStringLiteral("o2")},
            {}, kOwnerPassword);
    QCOMPARE(r.exitCode, 1);

    // Users: new password and PIN from stdin after the acting user's password.
    r = run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
             QStringLiteral("manager"), QStringLiteral("--name"), QStringLiteral("लक्ष्मी प्रसाद"),
             QStringLiteral("--role"), QStringLiteral("manager"), QStringLiteral("--password-stdin"),
             QStringLiteral("--pin-stdin")},
            QStringLiteral("owner"), {},
            (kOwnerPassword + u'\n' + kManagerPassword + u'\n' + kManagerPin + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
             QStringLiteral("cashier"), QStringLiteral("--name"), QStringLiteral("రవి తేజ"),
             QStringLiteral("--role"), QStringLiteral("cashier")},
            QStringLiteral("owner"), kOwnerPassword, (kCashierPassword + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());

    const auto ok = [this](const QStringList& args, const QString& user, const QString& password) {
        const Run result = run(args, user, password);
        if (result.exitCode != 0)
            qWarning() << args << result.err;
        return result.exitCode == 0;
    };
    const QString M = QStringLiteral("manager");
    QVERIFY(ok({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"),
                QStringLiteral("farmer"), QStringLiteral("--name"), QStringLiteral("Ramesh Kumar"),
                QStringLiteral("--code"), QStringLiteral("F1"), QStringLiteral("--phone"),
                QStringLiteral("+91 98480 21734")},
               QStringLiteral("cashier"), kCashierPassword));
    QVERIFY(ok({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"),
                QStringLiteral("farmer"), QStringLiteral("--name"), QStringLiteral("वेंकटेश्वर"),
                QStringLiteral("--code"), QStringLiteral("F2")},
               M, kManagerPassword));
    QVERIFY(
        ok({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("buyer"),
            QStringLiteral("--name"), QStringLiteral("Hotel Minerva"), QStringLiteral("--code"),
            QStringLiteral("B1"), QStringLiteral("--credit-limit"), QStringLiteral("5000.00")},
           M, kManagerPassword));
    QVERIFY(ok({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"),
                QStringLiteral("buyer"), QStringLiteral("--name"), QStringLiteral("Cash Only Traders"),
                QStringLiteral("--code"), QStringLiteral("B2")},
               M, kManagerPassword));
    QVERIFY(
        ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Tomato"), QStringLiteral("--category"), QStringLiteral("vegetable"),
            QStringLiteral("--unit"), QStringLiteral("kg"), QStringLiteral("--code"), QStringLiteral("TOM")},
           M, kManagerPassword));
    QVERIFY(
        ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Jasmine"), QStringLiteral("--category"), QStringLiteral("flower"),
            QStringLiteral("--unit"), QStringLiteral("kg"), QStringLiteral("--code"), QStringLiteral("JAS")},
           M, kManagerPassword));
    QVERIFY(ok(
        {QStringLiteral("commission"), QStringLiteral("set"), QStringLiteral("--flat"), QStringLiteral("5")},
        M, kManagerPassword));
    QVERIFY(ok({QStringLiteral("commission"), QStringLiteral("set"), QStringLiteral("--product"),
                QStringLiteral("TOM"), QStringLiteral("--slabs"), QStringLiteral("0-100:3,100-500:5,500-:7")},
               M, kManagerPassword));

    m_lotTomato = arrival({QStringLiteral("--farmer"), QStringLiteral("F1"), QStringLiteral("--product"),
                           QStringLiteral("TOM"), QStringLiteral("--gross"), QStringLiteral("130"),
                           QStringLiteral("--tare"), QStringLiteral("9.5"), QStringLiteral("--packages"),
                           QStringLiteral("10"), QStringLiteral("--grade"), QStringLiteral("A")});
    m_lotJasmine = arrival({QStringLiteral("--farmer"), QStringLiteral("F2"), QStringLiteral("--product"),
                            QStringLiteral("JAS"), QStringLiteral("--qty"), QStringLiteral("20")});
    m_lotDiscarded = arrival({QStringLiteral("--farmer"), QStringLiteral("F2"), QStringLiteral("--product"),
                              QStringLiteral("JAS"), QStringLiteral("--qty"), QStringLiteral("5")});
    QVERIFY(!m_lotTomato.isEmpty() && !m_lotJasmine.isEmpty() && !m_lotDiscarded.isEmpty());
    QVERIFY(ok({QStringLiteral("lot"), QStringLiteral("status"), QStringLiteral("--code"), m_lotDiscarded,
                QStringLiteral("--to"), QStringLiteral("discarded"), QStringLiteral("--reason"),
                QStringLiteral("wilted")},
               M, kManagerPassword));
}

void TestMarketctl::help() {
    Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("sell"));
    QVERIFY(r.out.contains("demo"));
    r = run({QStringLiteral("sell"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--line"));
    QVERIFY(r.out.contains("MARKET_OVERRIDE_SECRET"));
    for (const char* word : {"cash", "farmer", "expense", "setting", "audit", "sale"})
        QVERIFY2(r.exitCode == 0 && QString::fromUtf8(run({QStringLiteral("--help")}).out)
                                        .contains(QLatin1String(word) + QLatin1Char(' ')),
                 word);
    r = run({QStringLiteral("lot"), QStringLiteral("adjust"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("MARKET_APPROVER_SECRET"));
    r = run({QStringLiteral("party")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("marketctl: "));
}

void TestMarketctl::cashSaleNeedsAnOpenDrawer() {
    const QString cashier = QStringLiteral("cashier");
    refused({QStringLiteral("sell"), QStringLiteral("--buyer"), QStringLiteral("B1"),
             QStringLiteral("--line"), m_lotTomato + QStringLiteral(":1:30"), QStringLiteral("--pay"),
             QStringLiteral("cash:30")},
            cashier, kCashierPassword, 1);
    refused({QStringLiteral("cash"), QStringLiteral("x")}, {}, {}, 1);
    refused({QStringLiteral("cash"), QStringLiteral("open"), QStringLiteral("--float"), QStringLiteral("-1")},
            cashier, kCashierPassword, -1);

    const QJsonObject opened = ok(
        {QStringLiteral("cash"), QStringLiteral("open"), QStringLiteral("--float"), QStringLiteral("2000")},
        cashier, kCashierPassword);
    QCOMPARE(opened.value(QStringLiteral("openingFloat")).toInteger(), 200000);
    m_session = opened.value(QStringLiteral("id")).toString();
    QVERIFY(!m_session.isEmpty());
    // One drawer per counter.
    refused(
        {QStringLiteral("cash"), QStringLiteral("open"), QStringLiteral("--float"), QStringLiteral("100")},
        cashier, kCashierPassword, 1);
}

void TestMarketctl::dayThroughTheCommandLine() {
    // Split payment: 20 kg × ₹25.50 + 2 kg jasmine × ₹400 = ₹1,310.00, paid ₹510 cash + ₹800 UPI.
    Run r =
        run({QStringLiteral("sell"), QStringLiteral("--buyer"), QStringLiteral("B1"),
             QStringLiteral("--line"), m_lotTomato + QStringLiteral(":20:25.50"), QStringLiteral("--line"),
             m_lotJasmine + QStringLiteral(":2:400"), QStringLiteral("--pay"), QStringLiteral("cash:510"),
             QStringLiteral("--pay"), QStringLiteral("upi:800:UTR123"), QStringLiteral("--json")},
            QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject split = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(split.value(QStringLiteral("total")).toInteger(), 131000);
    QCOMPARE(split.value(QStringLiteral("credit")).toInteger(), 0);
    m_receipt = split.value(QStringLiteral("receiptNo")).toString();

    // Credit sale: 50 kg × ₹30 = ₹1,500, ₹500 paid, ₹1,000 on credit (limit ₹5,000).
    r = run({QStringLiteral("sell"), QStringLiteral("--buyer"), QStringLiteral("B1"),
             QStringLiteral("--line"), m_lotTomato + QStringLiteral(":50:30"), QStringLiteral("--pay"),
             QStringLiteral("cash:500")},
            QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("HYD01-"));
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("₹1,000.00")));

    // Walk-in with cash and change.
    r = run({QStringLiteral("sell"), QStringLiteral("--walkin-name"), QStringLiteral("सीमा"),
             QStringLiteral("--line"), m_lotTomato + QStringLiteral(":1.5:30"), QStringLiteral("--pay"),
             QStringLiteral("cash:100"), QStringLiteral("--json")},
            QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("change")).toInteger(), 5500);

    // Collection of ₹400 from the ₹1,000 owed.
    r = run({QStringLiteral("collect"), QStringLiteral("--buyer"), QStringLiteral("B1"),
             QStringLiteral("--amount"), QStringLiteral("400.00"), QStringLiteral("--method"),
             QStringLiteral("cash")},
            QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    const QJsonArray buyers = json({QStringLiteral("balance"), QStringLiteral("buyers")}).array();
    qint64 outstanding = -1;
    for (const auto& b : buyers)
        if (b.toObject().value(QStringLiteral("code")).toString() == QLatin1String("B1"))
            outstanding = b.toObject().value(QStringLiteral("outstanding")).toInteger();
    QCOMPARE(outstanding, 60000);

    const QJsonArray credits =
        json({QStringLiteral("credits"), QStringLiteral("--buyer"), QStringLiteral("B1")}).array();
    QCOMPARE(credits.size(), 1);
    QCOMPARE(credits.first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("partial"));

    // 130 − 9.5 = 120.5 kg received; 20 + 50 + 1.5 sold.
    const QJsonArray lots = json({QStringLiteral("lot"), QStringLiteral("list")}).array();
    QCOMPARE(lots.size(), 2); // the discarded lot is not active
    for (const auto& l : lots) {
        const QJsonObject lot = l.toObject();
        if (lot.value(QStringLiteral("code")).toString() == m_lotTomato) {
            QCOMPARE(lot.value(QStringLiteral("receivedQty")).toInteger(), 120500);
            QCOMPARE(lot.value(QStringLiteral("leftQty")).toInteger(), 49000);
        } else {
            QCOMPARE(lot.value(QStringLiteral("code")).toString(), m_lotJasmine);
            QCOMPARE(lot.value(QStringLiteral("leftQty")).toInteger(), 18000);
        }
    }

    const QJsonObject day = json({QStringLiteral("report"), QStringLiteral("day")}).object();
    QCOMPARE(day.value(QStringLiteral("salesCount")).toInteger(), 3);
    QCOMPARE(day.value(QStringLiteral("creditGiven")).toInteger(), 100000);
    QCOMPARE(day.value(QStringLiteral("collectionsValue")).toInteger(), 40000);
    QCOMPARE(day.value(QStringLiteral("arrivalsCount")).toInteger(), 3);
}

void TestMarketctl::cashDrawer() {
    const QString cashier = QStringLiteral("cashier");
    const QJsonObject in =
        ok({QStringLiteral("cash"), QStringLiteral("in"), QStringLiteral("--amount"), QStringLiteral("500"),
            QStringLiteral("--reason"), QStringLiteral("Change from the bank")},
           cashier, kCashierPassword);
    QCOMPARE(in.value(QStringLiteral("amount")).toInteger(), 50000);
    const QJsonObject out =
        ok({QStringLiteral("cash"), QStringLiteral("out"), QStringLiteral("--amount"), QStringLiteral("300"),
            QStringLiteral("--reason"), QStringLiteral("To the safe")},
           cashier, kCashierPassword);
    QCOMPARE(out.value(QStringLiteral("amount")).toInteger(), 30000);

    // Float 2,000 + cash on bills 510 + 500 + 45 (100 tendered, 55 change) + collection 400
    // + in 500 − out 300 = 3,655.
    const QJsonObject x = json({QStringLiteral("cash"), QStringLiteral("x")}).object();
    QCOMPARE(x.value(QStringLiteral("sessionId")).toString(), m_session);
    QCOMPARE(x.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QCOMPARE(x.value(QStringLiteral("openingFloat")).toInteger(), 200000);
    QCOMPARE(x.value(QStringLiteral("cashSales")).toInteger(), 105500);
    QCOMPARE(x.value(QStringLiteral("salesCount")).toInteger(), 3);
    QCOMPARE(x.value(QStringLiteral("cashCollections")).toInteger(), 40000);
    QCOMPARE(x.value(QStringLiteral("cashIn")).toInteger(), 50000);
    QCOMPARE(x.value(QStringLiteral("cashOut")).toInteger(), 30000);
    QCOMPARE(x.value(QStringLiteral("expected")).toInteger(), 365500);
    QVERIFY(x.value(QStringLiteral("counted")).isNull());
    const Run text = run({QStringLiteral("cash"), QStringLiteral("x")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("₹3,655.00")));
    QCOMPARE(json({QStringLiteral("cash"), QStringLiteral("show"), QStringLiteral("--session"), m_session})
                 .object(),
             x);
}

void TestMarketctl::expenses() {
    const QJsonObject wage =
        ok({QStringLiteral("expense"), QStringLiteral("add"), QStringLiteral("--category"),
            QStringLiteral("wage"), QStringLiteral("--amount"), QStringLiteral("250"),
            QStringLiteral("--method"), QStringLiteral("cash"), QStringLiteral("--note"),
            QStringLiteral("हमाली")},
           QStringLiteral("cashier"), kCashierPassword);
    QCOMPARE(wage.value(QStringLiteral("amount")).toInteger(), 25000);
    QCOMPARE(wage.value(QStringLiteral("category")).toString(), QStringLiteral("wage"));
    QVERIFY(!ok({QStringLiteral("expense"), QStringLiteral("add"), QStringLiteral("--category"),
                 QStringLiteral("rent"), QStringLiteral("--amount"), QStringLiteral("5000"),
                 QStringLiteral("--method"), QStringLiteral("bank")},
                QStringLiteral("manager"), kManagerPassword)
                 .isEmpty());
    const QJsonArray list = json({QStringLiteral("expense"), QStringLiteral("list")}).array();
    QCOMPARE(list.size(), 2);
    qint64 total = 0;
    for (const auto& e : list)
        total += e.toObject().value(QStringLiteral("amount")).toInteger();
    QCOMPARE(total, 525000);
    QCOMPARE(list.first().toObject().value(QStringLiteral("note")).toString(), QStringLiteral("हमाली"));
    // Only the cash one is in the drawer.
    QCOMPARE(json({QStringLiteral("cash"), QStringLiteral("x")})
                 .object()
                 .value(QStringLiteral("cashExpenses"))
                 .toInteger(),
             25000);
}

void TestMarketctl::farmerPayments() {
    const QString manager = QStringLiteral("manager");
    const qint64 due = farmerBalance(QStringLiteral("F1"), QStringLiteral("payable"));
    QVERIFY(due > 100000);
    QJsonObject payable = json({QStringLiteral("farmer"), QStringLiteral("payable"),
                                QStringLiteral("--farmer"), QStringLiteral("F1")})
                              .object();
    QCOMPARE(payable.value(QStringLiteral("payable")).toInteger(), due);

    const QJsonObject paid =
        ok({QStringLiteral("farmer"), QStringLiteral("pay"), QStringLiteral("--farmer"), QStringLiteral("F1"),
            QStringLiteral("--kind"), QStringLiteral("settlement"), QStringLiteral("--amount"),
            QStringLiteral("1000"), QStringLiteral("--method"), QStringLiteral("cash")},
           manager, kManagerPassword);
    QCOMPARE(paid.value(QStringLiteral("amount")).toInteger(), 100000);
    QCOMPARE(paid.value(QStringLiteral("kind")).toString(), QStringLiteral("settlement"));
    QVERIFY(!ok({QStringLiteral("farmer"), QStringLiteral("pay"), QStringLiteral("--farmer"),
                 QStringLiteral("F2"), QStringLiteral("--kind"), QStringLiteral("advance"),
                 QStringLiteral("--amount"), QStringLiteral("200"), QStringLiteral("--method"),
                 QStringLiteral("upi"), QStringLiteral("--reference"), QStringLiteral("UTR555")},
                manager, kManagerPassword)
                 .isEmpty());
    payable = json({QStringLiteral("farmer"), QStringLiteral("payable"), QStringLiteral("--farmer"),
                    QStringLiteral("F1")})
                  .object();
    QCOMPARE(payable.value(QStringLiteral("payable")).toInteger(), due - 100000);

    const QString since = QDate::currentDate().addDays(-1).toString(Qt::ISODate); // any time zone
    const QJsonObject st =
        json({QStringLiteral("farmer"), QStringLiteral("statement"), QStringLiteral("--farmer"),
              QStringLiteral("F1"), QStringLiteral("--from"), QStringLiteral("2020-01-01")})
            .object();
    QCOMPARE(st.value(QStringLiteral("openingBalance")).toInteger(), 0);
    QCOMPARE(st.value(QStringLiteral("lines")).toArray().size(), 3); // three tomato lines
    QCOMPARE(st.value(QStringLiteral("soldAmount")).toInteger(), 205500);
    QCOMPARE(st.value(QStringLiteral("farmerNet")).toInteger(), due);
    QCOMPARE(st.value(QStringLiteral("commission")).toInteger(), 205500 - due);
    QCOMPARE(st.value(QStringLiteral("settlements")).toInteger(), 100000);
    QCOMPARE(st.value(QStringLiteral("payments")).toArray().size(), 1);
    QCOMPARE(st.value(QStringLiteral("closingBalance")).toInteger(), due - 100000);
    // A period after the sales opens with what was owed at its start.
    const QJsonObject later =
        json({QStringLiteral("farmer"), QStringLiteral("statement"), QStringLiteral("--farmer"),
              QStringLiteral("F2"), QStringLiteral("--from"), QStringLiteral("2999-01-01"),
              QStringLiteral("--to"), QStringLiteral("2999-01-31")})
            .object();
    QCOMPARE(later.value(QStringLiteral("openingBalance")).toInteger(),
             farmerBalance(QStringLiteral("F2"), QStringLiteral("payable")));
    QCOMPARE(later.value(QStringLiteral("closingBalance")), later.value(QStringLiteral("openingBalance")));

    const Run text = run({QStringLiteral("farmer"), QStringLiteral("statement"), QStringLiteral("--farmer"),
                          QStringLiteral("F1"), QStringLiteral("--from"), since});
    QCOMPARE(text.exitCode, 0);
    const QString statement = QString::fromUtf8(text.out);
    QVERIFY(statement.contains(QStringLiteral("Ramesh Kumar")));
    QVERIFY(statement.contains(m_lotTomato));
    QVERIFY(statement.contains(QStringLiteral("Closing balance")));
    QVERIFY(statement.contains(QStringLiteral("₹1,000.00")));
    // Cash paid to farmers comes out of the drawer.
    QCOMPARE(json({QStringLiteral("cash"), QStringLiteral("x")})
                 .object()
                 .value(QStringLiteral("farmerPayouts"))
                 .toInteger(),
             100000);
}

void TestMarketctl::lotAdjustment() {
    const auto left = [this](const QString& code) {
        for (const auto& l : json({QStringLiteral("lot"), QStringLiteral("list")}).array())
            if (l.toObject().value(QStringLiteral("code")).toString() == code)
                return l.toObject().value(QStringLiteral("leftQty")).toInteger();
        return qint64(-1);
    };
    const qint64 before = left(m_lotTomato);
    QCOMPARE(before, 49000);

    // Approval above 1 kg from now on.
    const QJsonObject setting =
        ok({QStringLiteral("setting"), QStringLiteral("set"), QStringLiteral("--key"),
            QStringLiteral("adjustment_approval_qty"), QStringLiteral("--value"), QStringLiteral("1000")},
           QStringLiteral("manager"), kManagerPassword);
    QCOMPARE(setting.value(QStringLiteral("value")).toInteger(), 1000);
    QCOMPARE(json({QStringLiteral("setting"), QStringLiteral("get"), QStringLiteral("--key"),
                   QStringLiteral("adjustment_approval_qty")})
                 .object()
                 .value(QStringLiteral("value"))
                 .toInteger(),
             1000);
    QCOMPARE(json({QStringLiteral("setting"), QStringLiteral("get"), QStringLiteral("--key"),
                   QStringLiteral("cash_session_required")})
                 .object()
                 .value(QStringLiteral("value"))
                 .toInteger(),
             1);

    const QStringList damage{QStringLiteral("lot"),      QStringLiteral("adjust"),
                             QStringLiteral("--code"),   m_lotTomato,
                             QStringLiteral("--qty"),    QStringLiteral("2.5"),
                             QStringLiteral("--reason"), QStringLiteral("damage"),
                             QStringLiteral("--note"),   QStringLiteral("crate crushed")};
    refused(damage, QStringLiteral("cashier"), kCashierPassword, 1); // 2.5 kg > 1 kg: needs a manager
    const QJsonObject adjusted =
        ok(damage + QStringList{QStringLiteral("--approver"), QStringLiteral("manager"),
                                QStringLiteral("--password-stdin")},
           QStringLiteral("cashier"), {}, (kCashierPassword + u'\n' + kManagerPin + u'\n').toUtf8());
    QCOMPARE(adjusted.value(QStringLiteral("qty")).toInteger(), 2500);
    QCOMPARE(adjusted.value(QStringLiteral("reason")).toString(), QStringLiteral("damage"));
    QVERIFY(!adjusted.value(QStringLiteral("approvedBy")).toString().isEmpty());
    QCOMPARE(left(m_lotTomato), 46500);

    // A counting error the other way puts 0.5 kg back (small: no approval needed).
    const QJsonObject back = ok({QStringLiteral("lot"), QStringLiteral("adjust"), QStringLiteral("--code"),
                                 m_lotTomato, QStringLiteral("--qty"), QStringLiteral("-0.5"),
                                 QStringLiteral("--reason"), QStringLiteral("correction")},
                                QStringLiteral("cashier"), kCashierPassword);
    QCOMPARE(back.value(QStringLiteral("qty")).toInteger(), -500);
    QCOMPARE(left(m_lotTomato), 47000);
}

void TestMarketctl::saleShowAndConfirm() {
    QVERIFY(!m_receipt.isEmpty());
    const QJsonObject sale =
        json({QStringLiteral("sale"), QStringLiteral("show"), QStringLiteral("--receipt"), m_receipt})
            .object();
    QCOMPARE(sale.value(QStringLiteral("receiptNo")).toString(), m_receipt);
    QCOMPARE(sale.value(QStringLiteral("total")).toInteger(), 131000);
    QCOMPARE(sale.value(QStringLiteral("lines")).toArray().size(), 2);
    const Run text =
        run({QStringLiteral("sale"), QStringLiteral("show"), QStringLiteral("--receipt"), m_receipt});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(m_lotJasmine.toUtf8()));
    QVERIFY(text.out.contains("UTR123"));

    const QStringList confirm{QStringLiteral("sale"), QStringLiteral("confirm-commission"),
                              QStringLiteral("--receipt"), m_receipt};
    refused(confirm, QStringLiteral("cashier"), kCashierPassword, 1);
    const QJsonObject confirmed = ok(confirm, QStringLiteral("manager"), kManagerPassword);
    QCOMPARE(confirmed.value(QStringLiteral("commissionConfirmed")).toBool(), true);
    QCOMPARE(confirmed.value(QStringLiteral("receiptNo")).toString(), m_receipt);
    QVERIFY(confirmed.value(QStringLiteral("commission")).toInteger() > 0);
    refused(confirm, QStringLiteral("manager"), kManagerPassword, 1); // once per sale
}

void TestMarketctl::saleReturn() {
    // 2 kg of the 20 kg tomato line (₹25.50/kg) come back; the bill was paid in full, so all of
    // it is refunded (by UPI: the drawer's figures are checked later).
    const QString cashier = QStringLiteral("cashier");
    const QStringList base{QStringLiteral("sale"), QStringLiteral("return"), QStringLiteral("--receipt"),
                           m_receipt};
    const QJsonObject sale =
        json({QStringLiteral("sale"), QStringLiteral("show"), QStringLiteral("--receipt"), m_receipt})
            .object();
    const QJsonObject line1 = sale.value(QStringLiteral("lines")).toArray().at(0).toObject();
    QCOMPARE(line1.value(QStringLiteral("qty")).toInteger(), 20000);
    const QJsonObject done =
        ok(base + QStringList{QStringLiteral("--line"), QStringLiteral("1:2"), QStringLiteral("--refund"),
                              QStringLiteral("upi"), QStringLiteral("--reason"), QStringLiteral("bruised")},
           cashier, kCashierPassword);
    QCOMPARE(done.value(QStringLiteral("total")).toInteger(), 5100);
    QCOMPARE(done.value(QStringLiteral("refund")).toInteger(), 5100);
    QCOMPARE(done.value(QStringLiteral("creditReduction")).toInteger(), 0);
    const QJsonObject back = done.value(QStringLiteral("lines")).toArray().at(0).toObject();
    // Commission and farmer net reversed in proportion: 2/20 of the line's, adding up to the amount.
    QCOMPARE(back.value(QStringLiteral("commission")).toInteger() +
                 back.value(QStringLiteral("farmerNet")).toInteger(),
             5100);
    QCOMPARE(back.value(QStringLiteral("commission")).toInteger(),
             (line1.value(QStringLiteral("commission")).toInteger() * 2 + 10) / 20);

    // More than is left (18 kg), an unknown line, a malformed line, no reason: refused, nothing written.
    refused(base + QStringList{QStringLiteral("--line"), QStringLiteral("1:18.001"),
                               QStringLiteral("--refund"), QStringLiteral("upi"), QStringLiteral("--reason"),
                               QStringLiteral("x")},
            cashier, kCashierPassword, -1);
    refused(base + QStringList{QStringLiteral("--line"), QStringLiteral("9:1"), QStringLiteral("--reason"),
                               QStringLiteral("x")},
            cashier, kCashierPassword, -1);
    refused(base + QStringList{QStringLiteral("--line"), QStringLiteral("one:1"), QStringLiteral("--reason"),
                               QStringLiteral("x")},
            cashier, kCashierPassword, -1);
    refused(base + QStringList{QStringLiteral("--line"), QStringLiteral("1:1")}, cashier, kCashierPassword,
            -1);
    refused({QStringLiteral("sale"), QStringLiteral("return"), QStringLiteral("--receipt"),
             QStringLiteral("HYD01-9-999999"), QStringLiteral("--line"), QStringLiteral("1:1"),
             QStringLiteral("--reason"), QStringLiteral("x")},
            cashier, kCashierPassword, -1);
}

void TestMarketctl::badInputChangesNothing_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("expected"); // exact exit code, or -1 for "any failure"

    const QString cashier = QStringLiteral("cashier");
    const QString manager = QStringLiteral("manager");
    const QString tom = QStringLiteral("@TOM"); // replaced by the lot code in the test
    const QString jas = QStringLiteral("@JAS");
    const auto sell = [](const QString& buyer, const QString& line, const QStringList& pays = {}) {
        QStringList a{QStringLiteral("sell")};
        if (!buyer.isEmpty())
            a << QStringLiteral("--buyer") << buyer;
        a << QStringLiteral("--line") << line;
        for (const auto& p : pays)
            a << QStringLiteral("--pay") << p;
        return a;
    };

    QTest::newRow("negative quantity")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":-5:30"), {QStringLiteral("cash:1000")})
        << cashier << -1;
    QTest::newRow("zero quantity") << sell(QStringLiteral("B1"), tom + QStringLiteral(":0:30"),
                                           {QStringLiteral("cash:1000")})
                                   << cashier << -1;
    QTest::newRow("four decimals of quantity")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":1.0005:30")) << cashier << 2;
    QTest::newRow("three decimals of price")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30.125")) << cashier << 2;
    QTest::newRow("three decimals of payment")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30"), {QStringLiteral("cash:30.001")})
        << cashier << 2;
    QTest::newRow("letters for money")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:thirty")) << cashier << 2;
    QTest::newRow("unknown payment method")
        << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30"), {QStringLiteral("gold:30")}) << cashier
        << 2;
    QTest::newRow("unknown lot code")
        << sell(QStringLiteral("B1"), QStringLiteral("NOPE99:1:30")) << cashier << 1;
    QTest::newRow("malformed lot code")
        << sell(QStringLiteral("B1"), QStringLiteral("L1';DROP TABLE lots;--:1:30")) << cashier << 2;
    QTest::newRow("malformed line") << sell(QStringLiteral("B1"), QStringLiteral("just-text")) << cashier
                                    << 2;
    QTest::newRow("unknown buyer") << sell(QStringLiteral("B999"), tom + QStringLiteral(":1:30")) << cashier
                                   << 1;
    QTest::newRow("more than the lot holds")
        << sell(QStringLiteral("B1"), jas + QStringLiteral(":18.001:400"), {QStringLiteral("upi:7200.40")})
        << cashier << -1;
    QTest::newRow("discarded lot") << sell(QStringLiteral("B1"), QStringLiteral("@DIS:1:400"),
                                           {QStringLiteral("cash:400")})
                                   << cashier << -1;
    QTest::newRow("walk-in on credit")
        << sell(QString(), tom + QStringLiteral(":2:30"), {QStringLiteral("cash:10")}) << cashier << -1;
    QTest::newRow("cash-only buyer on credit")
        << sell(QStringLiteral("B2"), tom + QStringLiteral(":2:30")) << cashier << 1;
    QTest::newRow("over limit without override")
        << sell(QStringLiteral("B1"), jas + QStringLiteral(":15:400")) << cashier << 1;
    QTest::newRow("override reason without manager")
        << (sell(QStringLiteral("B1"), jas + QStringLiteral(":15:400"))
            << QStringLiteral("--override-reason") << QStringLiteral("x"))
        << cashier << 2;
    QTest::newRow("no lines") << QStringList{QStringLiteral("sell"), QStringLiteral("--buyer"),
                                             QStringLiteral("B1")}
                              << cashier << 2;
    QTest::newRow("wrong password") << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30"),
                                            {QStringLiteral("cash:30")})
                                    << QStringLiteral("cashier:wrong") << 1;
    QTest::newRow("unknown user") << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30"),
                                          {QStringLiteral("cash:30")})
                                  << QStringLiteral("nobody") << 1;
    QTest::newRow("no user") << sell(QStringLiteral("B1"), tom + QStringLiteral(":1:30"),
                                     {QStringLiteral("cash:30")})
                             << QString() << 2;

    QTest::newRow("cashier sets a credit limit")
        << QStringList{QStringLiteral("party"), QStringLiteral("set-limit"), QStringLiteral("--code"),
                       QStringLiteral("B1"),    QStringLiteral("--limit"),   QStringLiteral("99999")}
        << cashier << 1;
    QTest::newRow("cashier adds a product")
        << QStringList{QStringLiteral("product"), QStringLiteral("add"),        QStringLiteral("--name"),
                       QStringLiteral("Onion"),   QStringLiteral("--category"), QStringLiteral("vegetable"),
                       QStringLiteral("--unit"),  QStringLiteral("kg")}
        << cashier << 1;
    QTest::newRow("cashier discards a lot")
        << QStringList{QStringLiteral("lot"),      QStringLiteral("status"),
                       QStringLiteral("--code"),   tom,
                       QStringLiteral("--to"),     QStringLiteral("discarded"),
                       QStringLiteral("--reason"), QStringLiteral("x")}
        << cashier << 1;
    QTest::newRow("negative credit limit")
        << QStringList{QStringLiteral("party"), QStringLiteral("set-limit"), QStringLiteral("--code"),
                       QStringLiteral("B1"),    QStringLiteral("--limit"),   QStringLiteral("-5")}
        << manager << -1;
    QTest::newRow("commission over 100 %") << QStringList{QStringLiteral("commission"), QStringLiteral("set"),
                                                          QStringLiteral("--flat"), QStringLiteral("100.01")}
                                           << manager << 2;

    QTest::newRow("empty name") << QStringList{QStringLiteral("party"),  QStringLiteral("add"),
                                               QStringLiteral("--kind"), QStringLiteral("farmer"),
                                               QStringLiteral("--name"), QString()}
                                << cashier << -1;
    QTest::newRow("10 KB name") << QStringList{QStringLiteral("party"),  QStringLiteral("add"),
                                               QStringLiteral("--kind"), QStringLiteral("farmer"),
                                               QStringLiteral("--name"), QString(10240, QLatin1Char('x'))}
                                << cashier << -1;
    QTest::newRow("duplicate code") << QStringList{QStringLiteral("party"),  QStringLiteral("add"),
                                                   QStringLiteral("--kind"), QStringLiteral("farmer"),
                                                   QStringLiteral("--name"), QStringLiteral("Other"),
                                                   QStringLiteral("--code"), QStringLiteral("F1")}
                                    << cashier << 1;
    QTest::newRow("unknown party kind")
        << QStringList{QStringLiteral("party"),  QStringLiteral("add"),    QStringLiteral("--kind"),
                       QStringLiteral("trader"), QStringLiteral("--name"), QStringLiteral("X")}
        << cashier << 2;
    QTest::newRow("credit limit for a farmer")
        << QStringList{QStringLiteral("party"),          QStringLiteral("add"),    QStringLiteral("--kind"),
                       QStringLiteral("farmer"),         QStringLiteral("--name"), QStringLiteral("X"),
                       QStringLiteral("--credit-limit"), QStringLiteral("10")}
        << manager << 2;
    QTest::newRow("three decimals of credit limit")
        << QStringList{QStringLiteral("party"),          QStringLiteral("add"),    QStringLiteral("--kind"),
                       QStringLiteral("buyer"),          QStringLiteral("--name"), QStringLiteral("X"),
                       QStringLiteral("--credit-limit"), QStringLiteral("100.005")}
        << manager << 2;

    QTest::newRow("negative arrival")
        << QStringList{QStringLiteral("arrival"),   QStringLiteral("--farmer"), QStringLiteral("F1"),
                       QStringLiteral("--product"), QStringLiteral("TOM"),      QStringLiteral("--qty"),
                       QStringLiteral("-5")}
        << cashier << -1;
    QTest::newRow("arrival from a buyer")
        << QStringList{QStringLiteral("arrival"),   QStringLiteral("--farmer"), QStringLiteral("B1"),
                       QStringLiteral("--product"), QStringLiteral("TOM"),      QStringLiteral("--qty"),
                       QStringLiteral("5")}
        << cashier << -1;
    QTest::newRow("arrival of an unknown product")
        << QStringList{QStringLiteral("arrival"),   QStringLiteral("--farmer"), QStringLiteral("F1"),
                       QStringLiteral("--product"), QStringLiteral("XYZ"),      QStringLiteral("--qty"),
                       QStringLiteral("5")}
        << cashier << 1;

    QTest::newRow("overpayment of dues")
        << QStringList{QStringLiteral("collect"),  QStringLiteral("--buyer"), QStringLiteral("B1"),
                       QStringLiteral("--amount"), QStringLiteral("100000"),  QStringLiteral("--method"),
                       QStringLiteral("cash")}
        << cashier << 1;
    QTest::newRow("collection with three decimals")
        << QStringList{QStringLiteral("collect"),  QStringLiteral("--buyer"), QStringLiteral("B1"),
                       QStringLiteral("--amount"), QStringLiteral("1.001"),   QStringLiteral("--method"),
                       QStringLiteral("cash")}
        << cashier << 2;

    QTest::newRow("unknown option") << QStringList{QStringLiteral("party"), QStringLiteral("list"),
                                                   QStringLiteral("--colour")}
                                    << QString() << 2;
    QTest::newRow("unknown command") << QStringList{QStringLiteral("refund")} << QString() << 2;
    QTest::newRow("stray argument") << QStringList{QStringLiteral("party"), QStringLiteral("list"),
                                                   QStringLiteral("extra")}
                                    << QString() << 2;
    QTest::newRow("bad date") << QStringList{QStringLiteral("report"), QStringLiteral("day"),
                                             QStringLiteral("--date"), QStringLiteral("2026-13-40")}
                              << QString() << 2;

    // The books: expenses, farmer payments, adjustments, settings, the drawer.
    const auto words = [](const char* text) {
        return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("negative expense")
        << words("expense add --category wage --amount -5 --method cash") << cashier << -1;
    QTest::newRow("zero expense") << words("expense add --category wage --amount 0 --method cash") << cashier
                                  << -1;
    QTest::newRow("unknown expense category")
        << words("expense add --category bribe --amount 5 --method cash") << cashier << 2;
    QTest::newRow("expense without method")
        << words("expense add --category rent --amount 5") << cashier << 2;
    QTest::newRow("settlement beyond payable")
        << words("farmer pay --farmer F2 --kind settlement --amount 100000 --method upi") << manager << 1;
    QTest::newRow("cashier paying a farmer")
        << words("farmer pay --farmer F1 --kind advance --amount 100 --method upi") << cashier << 1;
    QTest::newRow("paying a buyer as a farmer")
        << words("farmer pay --farmer B1 --kind advance --amount 100 --method upi") << manager << 1;
    QTest::newRow("unknown payment kind")
        << words("farmer pay --farmer F1 --kind bonus --amount 100 --method upi") << manager << 2;
    QTest::newRow("adjustment below zero")
        << words("lot adjust --code @TOM --qty 47.001 --reason damage") << manager << 1;
    QTest::newRow("adjustment of nothing")
        << words("lot adjust --code @TOM --qty 0 --reason damage") << manager << -1;
    QTest::newRow("adjustment of an unknown lot code")
        << words("lot adjust --code NOPE99 --qty 1 --reason damage") << cashier << 1;
    QTest::newRow("adjustment of a discarded lot")
        << words("lot adjust --code @DIS --qty 1 --reason damage") << manager << 1;
    QTest::newRow("unknown adjustment reason")
        << words("lot adjust --code @TOM --qty 1 --reason mice") << cashier << 2;
    QTest::newRow("approver without a secret")
        << words("lot adjust --code @TOM --qty 5 --reason damage --approver manager") << cashier << 2;
    QTest::newRow("cash out beyond the drawer")
        << words("cash out --amount 100000 --reason bank") << cashier << -1;
    QTest::newRow("cash in without reason") << words("cash in --amount 10") << cashier << 2;
    QTest::newRow("close without a count") << words("cash close") << cashier << 2;
    QTest::newRow("count and notes disagree")
        << words("cash close --counted 10 --notes 500x1") << cashier << -1;
    QTest::newRow("malformed notes") << words("cash close --notes 500*3") << cashier << 2;
    QTest::newRow("malformed session id") << words("cash show --session 42") << QString() << 2;
    QTest::newRow("unknown setting") << words("setting set --key colour --value 1") << manager << 2;
    QTest::newRow("setting out of range")
        << words("setting set --key cash_session_required --value 2") << manager << -1;
    QTest::newRow("cashier changes a setting")
        << words("setting set --key cash_session_required --value 0") << cashier << 1;
    QTest::newRow("cashier sets a rate") << words("price set --product TOM --price 42.50") << cashier << 1;
    QTest::newRow("negative rate") << words("price set --product TOM --price -1") << manager << 2;
    QTest::newRow("zero rate") << words("price set --product TOM --price 0") << manager << 2;
    QTest::newRow("rate with three decimals")
        << words("price set --product TOM --price 1.234") << manager << 2;
    QTest::newRow("huge rate") << words("price set --product TOM --price 99999999999999999") << manager << 2;
    QTest::newRow("rate in words") << words("price set --product TOM --price forty") << manager << 2;
    QTest::newRow("rate without a price") << words("price set --product TOM") << manager << 2;
    QTest::newRow("rate of an unknown product")
        << words("price set --product NOPE --price 1") << manager << 1;
    QTest::newRow("clearing no rate") << words("price clear --product TOM") << manager << 1;
    QTest::newRow("unknown receipt") << words("sale show --receipt HYD01-1-999999") << QString() << 1;
    QTest::newRow("statement of a buyer")
        << words("farmer statement --farmer B1 --from 2020-01-01") << QString() << 1;
    QTest::newRow("statement ending before it starts")
        << words("farmer statement --farmer F1 --from 2026-02-01 --to 2026-01-01") << QString() << 2;
}

void TestMarketctl::badInputChangesNothing() {
    badRow();
}

void TestMarketctl::closeTheDrawer() {
    // Expected: 3,655 − 250 wages − 1,000 paid to F1 = 2,405; counted 2,400 in notes: ₹5 short.
    QCOMPARE(json({QStringLiteral("cash"), QStringLiteral("x")})
                 .object()
                 .value(QStringLiteral("expected"))
                 .toInteger(),
             240500);
    const QJsonObject z = ok({QStringLiteral("cash"), QStringLiteral("close"), QStringLiteral("--notes"),
                              QStringLiteral("500x4,200x2")},
                             QStringLiteral("cashier"), kCashierPassword);
    QCOMPARE(z.value(QStringLiteral("sessionId")).toString(), m_session);
    QCOMPARE(z.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
    QCOMPARE(z.value(QStringLiteral("expected")).toInteger(), 240500);
    QCOMPARE(z.value(QStringLiteral("counted")).toInteger(), 240000);
    QCOMPARE(z.value(QStringLiteral("variance")).toInteger(), -500);
    QCOMPARE(z.value(QStringLiteral("denominations")).toArray().size(), 2);
    QCOMPARE(json({QStringLiteral("cash"), QStringLiteral("show"), QStringLiteral("--session"), m_session})
                 .object(),
             z);
    const Run text =
        run({QStringLiteral("cash"), QStringLiteral("show"), QStringLiteral("--session"), m_session});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.startsWith("Z report"));
    QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("₹5.00")));
    m_state.clear(); // the next bad-input rows start from here
}

void TestMarketctl::noDrawerChangesNothing_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("expected");
    const auto words = [](const char* text) {
        return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    const QString cashier = QStringLiteral("cashier");
    QTest::newRow("closing a closed session") << words("cash close --counted 0") << cashier << 1;
    QTest::newRow("cash sale with no open session")
        << words("sell --buyer B1 --line @TOM:1:30 --pay cash:30") << cashier << 1;
    QTest::newRow("walk-in cash sale with no open session")
        << words("sell --line @TOM:1:30 --pay cash:50") << cashier << 1;
    QTest::newRow("cash collection with no open session")
        << words("collect --buyer B1 --amount 100 --method cash") << cashier << 1;
    QTest::newRow("cash expense with no open session")
        << words("expense add --category other --amount 20 --method cash") << cashier << 1;
    QTest::newRow("cash advance with no open session")
        << words("farmer pay --farmer F1 --kind advance --amount 100 --method cash")
        << QStringLiteral("manager") << 1;
    QTest::newRow("cash in with no open session") << words("cash in --amount 10 --reason x") << cashier << 1;
    QTest::newRow("X report with no open session") << words("cash x") << QString() << 1;
}

void TestMarketctl::noDrawerChangesNothing() {
    badRow();
}

void TestMarketctl::auditVerify() {
    Run r = run({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("audit chain intact: "));
    const QJsonObject result = json({QStringLiteral("audit"), QStringLiteral("verify")}).object();
    QCOMPARE(result.value(QStringLiteral("intact")).toBool(), true);
    QVERIFY(result.value(QStringLiteral("entriesChecked")).toInteger() > 20);
    QCOMPARE(r.out.trimmed(),
             QByteArray("audit chain intact: ") +
                 QByteArray::number(result.value(QStringLiteral("entriesChecked")).toInteger()) + " entries");
}

void TestMarketctl::badRow() {
    QFETCH(QStringList, args);
    QFETCH(QString, user);
    QFETCH(int, expected);
    for (auto& a : args) {
        a.replace(QStringLiteral("@TOM"), m_lotTomato);
        a.replace(QStringLiteral("@JAS"), m_lotJasmine);
        a.replace(QStringLiteral("@DIS"), m_lotDiscarded);
        a.replace(QStringLiteral("@RCPT"), m_receipt);
    }
    QString password;
    if (user == QLatin1String("cashier"))
        password = kCashierPassword;
    else if (user == QLatin1String("manager"))
        password = kManagerPassword;
    else if (user.contains(QLatin1Char(':')))
        std::tie(user, password) =
            std::pair{user.section(QLatin1Char(':'), 0, 0), user.section(QLatin1Char(':'), 1)};
    else if (!user.isEmpty())
        password = QStringLiteral("whatever-secret");

    // Rows run in order on one store: each compares with the state the previous row left.
    if (m_state.isEmpty())
        m_state = snapshot();
    const QByteArray before = m_state;
    const Run r = run(args, user, password);
    if (expected == -1)
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, r.err.constData());
    else
        QCOMPARE(r.exitCode, expected);
    QVERIFY2(r.err.startsWith("marketctl: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.endsWith('\n'));
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    m_state = snapshot();
    QCOMPARE(m_state, before);
}

void TestMarketctl::namesInAnyScript_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("quotes") << QStringLiteral("Abdul \"Bhai\" O'Reilly");
    QTest::newRow("semicolon and SQL") << QStringLiteral("Ravi'); DROP TABLE parties; --");
    QTest::newRow("double dash") << QStringLiteral("--");
    QTest::newRow("Devanagari") << QStringLiteral("गुप्ता सब्ज़ी भंडार");
    QTest::newRow("Telugu") << QStringLiteral("శ్రీ సాయి కూరగాయలు");
}

void TestMarketctl::namesInAnyScript() {
    QFETCH(QString, name);
    const Run r = run({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"),
                       QStringLiteral("buyer"), QStringLiteral("--name"), name, QStringLiteral("--json")},
                      QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject party = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(party.value(QStringLiteral("name")).toString(), name);
    const QString code = party.value(QStringLiteral("code")).toString();

    bool found = false;
    const QJsonArray list = json({QStringLiteral("party"), QStringLiteral("list"), QStringLiteral("--kind"),
                                  QStringLiteral("buyer")})
                                .array();
    for (const auto& p : list)
        found = found || (p.toObject().value(QStringLiteral("code")).toString() == code &&
                          p.toObject().value(QStringLiteral("name")).toString() == name);
    QVERIFY(found);
}

void TestMarketctl::overrideByManager() {
    // Over the limit: the manager's PIN through the environment, then through stdin.
    const QString line = m_lotJasmine + QStringLiteral(":12:400"); // ₹4,800 on top of ₹600 owed
    const Run r =
        run({QStringLiteral("sell"), QStringLiteral("--buyer"), QStringLiteral("B1"),
             QStringLiteral("--line"), line, QStringLiteral("--override-user"), QStringLiteral("manager"),
             QStringLiteral("--override-reason"), QStringLiteral("Pays every Monday"),
             QStringLiteral("--password-stdin"), QStringLiteral("--json")},
            QStringLiteral("cashier"), {}, (kCashierPassword + u'\n' + kManagerPin + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject sale = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(sale.value(QStringLiteral("credit")).toInteger(), 480000);
    QCOMPARE(sale.value(QStringLiteral("overrideReason")).toString(), QStringLiteral("Pays every Monday"));
}

void TestMarketctl::passwordNeverFromArgv() {
    const Run r = run({QStringLiteral("party"), QStringLiteral("add"), QStringLiteral("--kind"),
                       QStringLiteral("farmer"), QStringLiteral("--name"), QStringLiteral("X"),
                       QStringLiteral("--password"), kCashierPassword},
                      QStringLiteral("cashier"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.contains(kCashierPassword.toUtf8()));
}

void TestMarketctl::demo() {
    const QString db = m_dir.filePath(QStringLiteral("demo.db"));
    Run r = run({QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("3"),
                 QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json")},
                {}, {}, {}, db);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject demo = QJsonDocument::fromJson(r.out).object();
    QVERIFY(demo.value(QStringLiteral("sales")).toInteger() > 20);
    QVERIFY(demo.value(QStringLiteral("creditSales")).toInteger() > 0);
    QCOMPARE(demo.value(QStringLiteral("users")).toArray().size(), 3);

    const QJsonObject day = json({QStringLiteral("report"), QStringLiteral("day"), QStringLiteral("--date"),
                                  demo.value(QStringLiteral("lastDay")).toString()},
                                 db)
                                .object();
    QVERIFY(day.value(QStringLiteral("salesCount")).toInteger() > 0);
    QVERIFY(day.value(QStringLiteral("salesValue")).toInteger() > 0);
    QCOMPARE(day, demo.value(QStringLiteral("summary")).toObject());

    // Farmers and buyers in three scripts.
    const QString names =
        QString::fromUtf8(run({QStringLiteral("party"), QStringLiteral("list")}, {}, {}, {}, db).out);
    QVERIFY(names.contains(QStringLiteral("Ramesh Kumar")));
    QVERIFY(names.contains(QStringLiteral("रमेश यादव")));
    QVERIFY(names.contains(QStringLiteral("వెంకటేశ్వర రావు")));

    // A drawer each day, closed every evening: exact but for one day ₹50 short.
    const QJsonArray sessions = demo.value(QStringLiteral("cashSessions")).toArray();
    QCOMPARE(sessions.size(), 3);
    int shortDays = 0;
    for (const auto& s : sessions) {
        const QJsonObject session = s.toObject();
        QCOMPARE(session.value(QStringLiteral("openingFloat")).toInteger(), 200000);
        const qint64 variance = session.value(QStringLiteral("variance")).toInteger();
        QVERIFY(variance == 0 || variance == -5000);
        shortDays += variance == -5000 ? 1 : 0;
        const QJsonObject z =
            json({QStringLiteral("cash"), QStringLiteral("show"), QStringLiteral("--session"),
                  session.value(QStringLiteral("sessionId")).toString()},
                 db)
                .object();
        QCOMPARE(z.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        QCOMPARE(z.value(QStringLiteral("variance")).toInteger(), variance);
        QVERIFY(z.value(QStringLiteral("cashSales")).toInteger() > 0);
    }
    QCOMPARE(shortDays, 1);
    QVERIFY(demo.value(QStringLiteral("expenses")).toInteger() >= 3);

    // Its audit chain is intact...
    r = run({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, {}, db);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("audit chain intact: "));

    // A second demo on the same store is refused and changes nothing.
    const QByteArray before = snapshot(db);
    r = run({QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("1")}, {}, {}, {}, db);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith("marketctl: "));
    QCOMPARE(snapshot(db), before);

    // ...until someone edits an entry in the file behind the application's back.
    {
        auto file = market::core::Database::open(db);
        QVERIFY(file.ok());
        QVERIFY((*file)
                    ->execScript("DROP TRIGGER audit_log_no_update; "
                                 "UPDATE audit_log SET action = action || ' (edited)' WHERE seq = 7;",
                                 "tampering")
                    .ok());
    }
    r = run({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, {}, db);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("marketctl: audit chain broken at entry 7: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    r = run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}, {}, {}, {}, db);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject broken = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(broken.value(QStringLiteral("intact")).toBool(), false);
    QCOMPARE(broken.value(QStringLiteral("brokenAtSeq")).toInteger(), 7);
}

void TestMarketctl::chargesOnABill() {
    const QString manager = QStringLiteral("manager");
    const auto chargeSet = [](const char* code, const char* basis, const char* rate, const char* payer) {
        return QStringList{QStringLiteral("charge"),  QStringLiteral("set"),      QStringLiteral("--code"),
                           QString::fromLatin1(code), QStringLiteral("--name"),   QStringLiteral("मंडी शुल्क"),
                           QStringLiteral("--basis"), QString::fromLatin1(basis), QStringLiteral("--rate"),
                           QString::fromLatin1(rate), QStringLiteral("--payer"),  QString::fromLatin1(payer)};
    };
    // Refused before anything is written: a cashier, an unknown basis or payer, a bad rate.
    refused(chargeSet("CESS", "percent", "1", "buyer"), QStringLiteral("cashier"), kCashierPassword, 1);
    refused(chargeSet("CESS", "weekly", "1", "buyer"), manager, kManagerPassword, 2);
    refused(chargeSet("CESS", "percent", "1", "both"), manager, kManagerPassword, 2);
    refused(chargeSet("CESS", "percent", "100.01", "buyer"), manager, kManagerPassword, -1);
    refused(chargeSet("CESS", "per-line", "-1", "buyer"), manager, kManagerPassword, -1);
    refused(chargeSet("CESS", "per-line", "1e3", "buyer"), manager, kManagerPassword, -1);
    refused(chargeSet("a'b", "per-line", "1", "buyer"), manager, kManagerPassword, -1);

    const QJsonObject cess = ok(chargeSet("cess", "percent", "1", "buyer"), manager, kManagerPassword);
    QCOMPARE(cess.value(QStringLiteral("code")).toString(), QStringLiteral("CESS"));
    QCOMPARE(cess.value(QStringLiteral("rate")).toInteger(), 100);
    ok(chargeSet("HAMALI", "per-package", "2.50", "farmer"), manager, kManagerPassword);
    QCOMPARE(json({QStringLiteral("charge"), QStringLiteral("list")}).array().size(), 2);

    // 1 kg at ₹30 in 2 bags: ₹0.30 cess on the bill, ₹5.00 hamali from the farmer.
    const Run r = run({QStringLiteral("sell"), QStringLiteral("--buyer"), QStringLiteral("B1"),
                       QStringLiteral("--line"), m_lotTomato + QStringLiteral(":1:30:2"),
                       QStringLiteral("--pay"), QStringLiteral("upi:30.30:UTR9"), QStringLiteral("--json")},
                      QStringLiteral("cashier"), kCashierPassword);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject sale = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(sale.value(QStringLiteral("total")).toInteger(), 3030);
    QCOMPARE(sale.value(QStringLiteral("credit")).toInteger(), 0);
    const QJsonObject line = sale.value(QStringLiteral("lines")).toArray().at(0).toObject();
    QCOMPARE(line.value(QStringLiteral("packages")).toInteger(), 2);
    QCOMPARE(line.value(QStringLiteral("buyerCharges")).toInteger(), 30);
    QCOMPARE(line.value(QStringLiteral("farmerCharges")).toInteger(), 500);
    QCOMPARE(line.value(QStringLiteral("charges")).toArray().size(), 2);
    QCOMPARE(line.value(QStringLiteral("farmerNet")).toInteger() +
                 line.value(QStringLiteral("commission")).toInteger() +
                 line.value(QStringLiteral("farmerCharges")).toInteger(),
             line.value(QStringLiteral("amount")).toInteger());
    const Run shown = run({QStringLiteral("sale"), QStringLiteral("show"), QStringLiteral("--receipt"),
                           sale.value(QStringLiteral("receiptNo")).toString()});
    QVERIFY(shown.out.contains("HAMALI"));

    // Retired: the list shrinks, the past sale keeps its charges.
    ok({QStringLiteral("charge"), QStringLiteral("retire"), QStringLiteral("--code"), QStringLiteral("CESS")},
       manager, kManagerPassword);
    refused({QStringLiteral("charge"), QStringLiteral("retire"), QStringLiteral("--code"),
             QStringLiteral("CESS")},
            manager, kManagerPassword, 1);
    QCOMPARE(json({QStringLiteral("charge"), QStringLiteral("list")}).array().size(), 1);
    const QJsonObject again =
        json({QStringLiteral("sale"), QStringLiteral("show"), QStringLiteral("--receipt"),
              sale.value(QStringLiteral("receiptNo")).toString()})
            .object();
    QCOMPARE(again.value(QStringLiteral("total")).toInteger(), 3030);
}

void TestMarketctl::productRates() {
    const auto words = [](const char* text) {
        return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    const QString manager = QStringLiteral("manager");
    const QJsonObject set = ok(words("price set --product TOM --price 42.50"), manager, kManagerPassword);
    QCOMPARE(set.value(QStringLiteral("price")).toInteger(), 4250);
    QCOMPARE(set.value(QStringLiteral("version")).toInteger(), 1);
    QCOMPARE(set.value(QStringLiteral("productCode")).toString(), QStringLiteral("TOM"));
    const QJsonArray listed = json(words("price list")).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("price")).toInteger(), 4250);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("updatedBy")).toString(), manager);
    const Run text = run(words("price list"));
    QVERIFY2(text.out.contains("₹42.50"), text.out.constData());
    const QJsonObject cleared = ok(words("price clear --product TOM"), manager, kManagerPassword);
    QVERIFY(cleared.value(QStringLiteral("price")).isNull());
    QCOMPARE(cleared.value(QStringLiteral("version")).toInteger(), 2);
    QCOMPARE(json(words("price list")).array().size(), 0);
}

QTEST_GUILESS_MAIN(TestMarketctl)
#include "tst_marketctl.moc"
