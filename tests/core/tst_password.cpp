#include "domain/PasswordHasher.h"

#include <QStringList>
#include <QTest>

using namespace market::core;

namespace {
// Cheap parameters for everything that does not need the production cost: ~1 ms per hash.
const ScryptParams kCheap{10, 8, 1};
} // namespace

class TestPassword : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void productionHash();
    void productionVerify();
    void saltMakesHashesDiffer();
    void cheapRoundTrip();
    void tamperedHashFails();
    void unsupportedParamsRefused_data();
    void unsupportedParamsRefused();
    void malformed_data();
    void malformed();

private:
    // The only production-cost hashes (4 scrypt runs in all, ~0.4 s each).
    const QString m_secret = QStringLiteral("kisan-मंडी-2024");
    QString m_hash;
    QString m_cheap;
};

void TestPassword::initTestCase() {
    const auto h = PasswordHasher::hash(m_secret); // scrypt run 1
    QVERIFY(h.has_value());
    m_hash = *h;
    const auto c = PasswordHasher::hash(m_secret, kCheap);
    QVERIFY(c.has_value());
    m_cheap = *c;
}

void TestPassword::productionHash() {
    QVERIFY2(m_hash.startsWith(QStringLiteral("$scrypt$ln=17,r=8,p=1$")), qPrintable(m_hash));
    const QStringList parts = m_hash.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 5);
    QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), 16); // salt
    QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), 32); // key
    QVERIFY(!m_hash.contains(m_secret));

    const auto params = PasswordHasher::paramsOf(m_hash);
    QVERIFY(params.has_value());
    QCOMPARE(params->log2N, 17);
    QCOMPARE(params->r, 8);
    QCOMPARE(params->p, 1);
}

void TestPassword::productionVerify() {
    QVERIFY(PasswordHasher::verify(m_secret, m_hash));                          // scrypt run 2
    QVERIFY(!PasswordHasher::verify(QStringLiteral("kisan-मंडी-2025"), m_hash)); // scrypt run 3
}

void TestPassword::saltMakesHashesDiffer() {
    const auto again = PasswordHasher::hash(m_secret); // scrypt run 4
    QVERIFY(again.has_value());
    QVERIFY(*again != m_hash);
    QVERIFY(m_hash.section(QLatin1Char('$'), 3, 3) != again->section(QLatin1Char('$'), 3, 3));
}

void TestPassword::cheapRoundTrip() {
    QVERIFY(m_cheap.startsWith(QStringLiteral("$scrypt$ln=10,r=8,p=1$")));
    const auto params = PasswordHasher::paramsOf(m_cheap);
    QVERIFY(params.has_value());
    QCOMPARE(params->log2N, 10);
    QVERIFY(PasswordHasher::verify(m_secret, m_cheap));
    QVERIFY(!PasswordHasher::verify(QString(), m_cheap));
    QVERIFY(!PasswordHasher::verify(m_secret + QLatin1Char(' '), m_cheap));
    QVERIFY(!PasswordHasher::verify(m_secret.toUpper(), m_cheap));

    // An empty secret and a PIN are hashed like any other.
    const auto empty = PasswordHasher::hash(QString(), kCheap);
    QVERIFY(empty.has_value());
    QVERIFY(PasswordHasher::verify(QString(), *empty));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("0"), *empty));
    const auto pin = PasswordHasher::hash(QStringLiteral("4821"), kCheap);
    QVERIFY(pin.has_value());
    QVERIFY(PasswordHasher::verify(QStringLiteral("4821"), *pin));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("4812"), *pin));
}

void TestPassword::tamperedHashFails() {
    QStringList parts = m_cheap.split(QLatin1Char('$'));
    QByteArray key = QByteArray::fromBase64(parts[4].toLatin1());
    key[0] = static_cast<char>(key[0] ^ 0x01);
    parts[4] = QString::fromLatin1(key.toBase64());
    QVERIFY(!PasswordHasher::verify(m_secret, parts.join(QLatin1Char('$'))));

    parts = m_cheap.split(QLatin1Char('$'));
    QByteArray salt = QByteArray::fromBase64(parts[3].toLatin1());
    salt[15] = static_cast<char>(salt[15] ^ 0x80);
    parts[3] = QString::fromLatin1(salt.toBase64());
    QVERIFY(!PasswordHasher::verify(m_secret, parts.join(QLatin1Char('$'))));

    // Same salt and key, different cost: must not verify.
    parts = m_cheap.split(QLatin1Char('$'));
    parts[2] = QStringLiteral("ln=11,r=8,p=1");
    QVERIFY(!PasswordHasher::verify(m_secret, parts.join(QLatin1Char('$'))));
}

void TestPassword::unsupportedParamsRefused_data() {
    QTest::addColumn<int>("log2N");
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("p");

    QTest::newRow("ln 9") << 9 << 8 << 1;
    QTest::newRow("ln 23") << 23 << 8 << 1;
    QTest::newRow("ln 64") << 64 << 8 << 1;
    QTest::newRow("ln -1") << -1 << 8 << 1;
    QTest::newRow("r 0") << 10 << 0 << 1;
    QTest::newRow("r 33") << 10 << 33 << 1;
    QTest::newRow("p 0") << 10 << 8 << 0;
    QTest::newRow("p 17") << 10 << 8 << 17;
    QTest::newRow("beyond the memory limit") << 22 << 8 << 1; // 4 GiB > 256 MiB
}

void TestPassword::unsupportedParamsRefused() {
    QFETCH(int, log2N);
    QFETCH(int, r);
    QFETCH(int, p);
    QVERIFY(!PasswordHasher::hash(m_secret, ScryptParams{log2N, r, p}).has_value());

    // A stored hash claiming those parameters is refused, not run.
    QStringList parts = m_cheap.split(QLatin1Char('$'));
    parts[2] = QStringLiteral("ln=%1,r=%2,p=%3").arg(log2N).arg(r).arg(p);
    QVERIFY(!PasswordHasher::verify(m_secret, parts.join(QLatin1Char('$'))));
}

void TestPassword::malformed_data() {
    QTest::addColumn<QString>("encoded");

    const QStringList parts = QStringLiteral("$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$"
                                             "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")
                                  .split(QLatin1Char('$'));
    auto with = [&](int index, const QString& value) {
        QStringList p = parts;
        p[index] = value;
        return p.join(QLatin1Char('$'));
    };
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("hunter2");
    QTest::newRow("dollars only") << QStringLiteral("$$$$");
    QTest::newRow("prefix only") << QStringLiteral("$scrypt$");
    QTest::newRow("other scheme") << with(1, QStringLiteral("bcrypt"));
    QTest::newRow("upper-case scheme") << with(1, QStringLiteral("SCRYPT"));
    QTest::newRow("no leading dollar") << parts.mid(1).join(QLatin1Char('$'));
    QTest::newRow("extra part") << parts.join(QLatin1Char('$')) + QStringLiteral("$x");
    QTest::newRow("missing key") << parts.mid(0, 4).join(QLatin1Char('$'));
    QTest::newRow("two params") << with(2, QStringLiteral("ln=10,r=8"));
    QTest::newRow("four params") << with(2, QStringLiteral("ln=10,r=8,p=1,x=2"));
    QTest::newRow("params reordered") << with(2, QStringLiteral("r=8,ln=10,p=1"));
    QTest::newRow("param not a number") << with(2, QStringLiteral("ln=x,r=8,p=1"));
    QTest::newRow("param too big for int") << with(2, QStringLiteral("ln=99999999999,r=8,p=1"));
    QTest::newRow("param empty") << with(2, QStringLiteral("ln=,r=8,p=1"));
    QTest::newRow("salt not base64") << with(3, QStringLiteral("!!!!not*base64!!!!"));
    QTest::newRow("key not base64") << with(4, QStringLiteral("a2V5a2V5!!!"));
    QTest::newRow("salt too short") << with(3, QStringLiteral("c2FsdA=="));
    QTest::newRow("key too short") << with(4, QStringLiteral("a2V5a2V5a2V5"));
    QTest::newRow("salt empty") << with(3, QString());
    QTest::newRow("key empty") << with(4, QString());
    QTest::newRow("binary garbage") << QString::fromLatin1("\x01\x02$scrypt\xff$ln=10");
}

void TestPassword::malformed() {
    QFETCH(QString, encoded);
    QVERIFY(!PasswordHasher::verify(m_secret, encoded));
    QVERIFY(!PasswordHasher::paramsOf(encoded).has_value());
}

QTEST_GUILESS_MAIN(TestPassword)
#include "tst_password.moc"
