// marketctl end to end: a shop's day through the real binary, its --json reads, and bad input
// that must fail with one "marketctl: ..." line and leave the store exactly as it was.
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
    void dayThroughTheCommandLine();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void namesInAnyScript_data();
    void namesInAnyScript();
    void overrideByManager();
    void passwordNeverFromArgv();
    void demo();

private:
    Run run(const QStringList& args, const QString& user = {}, const QString& password = {},
            const QByteArray& input = {}, const QString& db = {});
    QJsonDocument json(const QStringList& args, const QString& db = {});
    QByteArray snapshot(const QString& db = {});
    QString arrival(const QStringList& args);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_lotTomato;  // weighed, gross/tare
    QString m_lotJasmine; // small, for over-limit and over-stock cases
    QString m_lotDiscarded;
    QByteArray m_state; ///< snapshot() after the last bad-input row
};

Run TestMarketctl::run(const QStringList& args, const QString& user, const QString& password,
                       const QByteArray& input, const QString& db) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& name : {"MARKET_USER", "MARKET_PASSWORD", "MARKET_NEW_PASSWORD", "MARKET_NEW_PIN",
                             "MARKET_OVERRIDE_SECRET"})
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
    return all;
}

QString TestMarketctl::arrival(const QStringList& args) {
    const Run r =
        run(QStringList{QStringLiteral("arrival")} + args, QStringLiteral("cashier"), kCashierPassword);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QString::fromUtf8(r.out).trimmed();
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
    r = run({QStringLiteral("party")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("marketctl: "));
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
}

void TestMarketctl::badInputChangesNothing() {
    QFETCH(QStringList, args);
    QFETCH(QString, user);
    QFETCH(int, expected);
    for (auto& a : args) {
        a.replace(QStringLiteral("@TOM"), m_lotTomato);
        a.replace(QStringLiteral("@JAS"), m_lotJasmine);
        a.replace(QStringLiteral("@DIS"), m_lotDiscarded);
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

    // A second demo on the same store is refused and changes nothing.
    const QByteArray before = snapshot(db);
    r = run({QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("1")}, {}, {}, {}, db);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith("marketctl: "));
    QCOMPARE(snapshot(db), before);
}

QTEST_GUILESS_MAIN(TestMarketctl)
#include "tst_marketctl.moc"
