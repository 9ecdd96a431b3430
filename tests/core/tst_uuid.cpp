#include "domain/Uuid.h"

#include <QSet>
#include <QTest>
#include <vector>

using namespace market::core;

namespace {
// createV7 keeps process-wide state (the last millisecond used), so every test takes a fresh
// millisecond range above all earlier ones.
qint64 g_nextMs = 1'900'000'000'000; // 2030

qint64 freshMs() {
    g_nextMs += 1'000'000;
    return g_nextMs;
}
} // namespace

class TestUuid : public QObject {
    Q_OBJECT

private slots:
    void v7Layout();
    void knownText();
    void roundTrip();
    void rejects_data();
    void rejects();
    void nullId();
    void monotonicSameMillisecond();
    void monotonicAcrossMilliseconds();
    void monotonicWhenClockGoesBack();
    void randomPartDiffers();
};

void TestUuid::v7Layout() {
    const qint64 ms = freshMs();
    const Uuid id = Uuid::createV7(ms);
    QCOMPARE(id.version(), 7);
    QCOMPARE(id.v7Millis(), ms);
    QVERIFY(!id.isNull());

    const QString s = id.toString();
    QCOMPARE(s.size(), 36);
    QCOMPARE(s.at(14), QLatin1Char('7')); // version nibble
    // RFC 9562 variant: the two top bits of byte 8 are 10, so the hex digit is 8, 9, a or b.
    QVERIFY2(QStringLiteral("89ab").contains(s.at(19)), qPrintable(s));
    // The first 48 bits are the millisecond timestamp, big-endian.
    QCOMPARE(s.left(8) + s.mid(9, 4), QStringLiteral("%1").arg(ms, 12, 16, QLatin1Char('0')));
}

void TestUuid::knownText() {
    const auto id = Uuid::parse(u"018f3c2a-1b2c-7d3e-8f40-123456789abc");
    QVERIFY(id.has_value());
    QCOMPARE(id->version(), 7);
    QCOMPARE(id->v7Millis(), 1714701343532LL);
    QCOMPARE(id->toString(), QStringLiteral("018f3c2a-1b2c-7d3e-8f40-123456789abc"));
}

void TestUuid::roundTrip() {
    const qint64 ms = freshMs();
    for (int i = 0; i < 100; ++i) {
        const Uuid id = Uuid::createV7(ms + i);
        const QString s = id.toString();
        QCOMPARE(s, s.toLower());
        const auto back = Uuid::parse(s);
        QVERIFY(back.has_value());
        QCOMPARE(*back, id);
        QCOMPARE(back->toString(), s);
    }
}

void TestUuid::rejects_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << QStringLiteral("018F3C2A-1B2C-7D3E-8F40-123456789ABC");
    QTest::newRow("one upper-case digit") << QStringLiteral("018f3c2a-1b2c-7d3e-8f40-123456789abC");
    QTest::newRow("short") << QStringLiteral("018f3c2a-1b2c-7d3e-8f40-123456789ab");
    QTest::newRow("long") << QStringLiteral("018f3c2a-1b2c-7d3e-8f40-123456789abcd");
    QTest::newRow("no hyphens") << QStringLiteral("018f3c2a1b2c7d3e8f40123456789abc");
    QTest::newRow("hyphen moved") << QStringLiteral("018f3c2a1-b2c-7d3e-8f40-123456789abc");
    QTest::newRow("hyphen replaced") << QStringLiteral("018f3c2a_1b2c-7d3e-8f40-123456789abc");
    QTest::newRow("non-hex letter") << QStringLiteral("018f3c2a-1b2c-7d3e-8f40-123456789abg");
    QTest::newRow("garbage") << QStringLiteral("this is not a uuid, it is garbage!!");
    QTest::newRow("braces") << QStringLiteral("{018f3c2a-1b2c-7d3e-8f40-123456789abc}");
    QTest::newRow("padded") << QStringLiteral(" 018f3c2a-1b2c-7d3e-8f40-123456789abc");
    QTest::newRow("urn") << QStringLiteral("urn:uuid:018f3c2a-1b2c-7d3e-8f40-123456789abc");
    QTest::newRow("fullwidth digit") << QStringLiteral("０18f3c2a-1b2c-7d3e-8f40-123456789abc");
}

void TestUuid::rejects() {
    QFETCH(QString, text);
    QVERIFY(!Uuid::parse(text).has_value());
}

void TestUuid::nullId() {
    QVERIFY(Uuid().isNull());
    QCOMPARE(Uuid().toString(), QStringLiteral("00000000-0000-0000-0000-000000000000"));
    const auto nil = Uuid::parse(u"00000000-0000-0000-0000-000000000000");
    QVERIFY(nil.has_value());
    QVERIFY(nil->isNull());
}

void TestUuid::monotonicSameMillisecond() {
    // More ids in one millisecond than the 12-bit counter holds: the generator must borrow
    // the following milliseconds rather than wrap.
    const qint64 ms = freshMs();
    std::vector<Uuid> ids;
    ids.reserve(10'000);
    for (int i = 0; i < 10'000; ++i)
        ids.push_back(Uuid::createV7(ms));
    QCOMPARE(ids.front().v7Millis(), ms);
    for (size_t i = 1; i < ids.size(); ++i) {
        QVERIFY2(ids[i - 1] < ids[i], qPrintable(QString::number(i)));
        // Text order equals byte order: databases compare the canonical strings.
        QVERIFY(ids[i - 1].toString() < ids[i].toString());
        QCOMPARE(ids[i].version(), 7);
    }
    QVERIFY(ids.back().v7Millis() >= ms);
    QVERIFY2(ids.back().v7Millis() - ms < 10, "borrowed far too many milliseconds");
}

void TestUuid::monotonicAcrossMilliseconds() {
    const qint64 ms = freshMs();
    Uuid previous = Uuid::createV7(ms - 1);
    for (int i = 0; i < 10'000; ++i) {
        const qint64 now = ms + i / 7; // seven ids per millisecond
        const Uuid id = Uuid::createV7(now);
        QVERIFY2(previous < id, qPrintable(QString::number(i)));
        QCOMPARE(id.v7Millis(), now);
        previous = id;
    }
}

void TestUuid::monotonicWhenClockGoesBack() {
    const qint64 ms = freshMs();
    const Uuid first = Uuid::createV7(ms);
    const Uuid earlier = Uuid::createV7(ms - 60'000); // the wall clock was set back a minute
    QVERIFY(first < earlier);
    QVERIFY(earlier.v7Millis() >= ms);
}

void TestUuid::randomPartDiffers() {
    const qint64 ms = freshMs();
    QSet<QString> tails;
    for (int i = 0; i < 1000; ++i)
        tails.insert(Uuid::createV7(ms + i).toString().mid(19));
    QCOMPARE(tails.size(), 1000);
}

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
