#include "domain/Quantity.h"

#include <QTest>
#include <limits>

using namespace market::core;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
} // namespace

class TestQuantity : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void toString_data();
    void toString();
    void roundTrip();
    void checkedArithmetic_data();
    void checkedArithmetic();
    void units();
};

void TestQuantity::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("thousandths");

    QTest::newRow("zero") << QStringLiteral("0") << true << 0LL;
    QTest::newRow("whole") << QStringLiteral("12") << true << 12000LL;
    QTest::newRow("one decimal") << QStringLiteral("12.5") << true << 12500LL;
    QTest::newRow("two decimals") << QStringLiteral("12.25") << true << 12250LL;
    QTest::newRow("three decimals") << QStringLiteral("0.125") << true << 125LL;
    QTest::newRow("one gram") << QStringLiteral("0.001") << true << 1LL;
    QTest::newRow("trailing zero") << QStringLiteral("1.0") << true << 1000LL;
    QTest::newRow("grouped") << QStringLiteral("1,250.000") << true << 1250000LL;
    QTest::newRow("indian grouped") << QStringLiteral("1,23,456.5") << true << 123456500LL;
    QTest::newRow("negative") << QStringLiteral("-3.5") << true << -3500LL;
    QTest::newRow("plus") << QStringLiteral("+2") << true << 2000LL;
    QTest::newRow("padded") << QStringLiteral("  7 ") << true << 7000LL;
    QTest::newRow("max") << QStringLiteral("1000000000") << true << Quantity::kMaxInput;
    QTest::newRow("max grouped") << QStringLiteral("1,000,000,000.000") << true << Quantity::kMaxInput;
    QTest::newRow("min") << QStringLiteral("-1000000000") << true << -Quantity::kMaxInput;

    QTest::newRow("empty") << QString() << false << 0LL;
    QTest::newRow("blank") << QStringLiteral("  ") << false << 0LL;
    QTest::newRow("sign only") << QStringLiteral("-") << false << 0LL;
    QTest::newRow("four decimals") << QStringLiteral("1.2345") << false << 0LL;
    QTest::newRow("below a gram") << QStringLiteral("0.0001") << false << 0LL;
    QTest::newRow("max + 1 g") << QStringLiteral("1000000000.001") << false << 0LL;
    QTest::newRow("max + 1") << QStringLiteral("1000000001") << false << 0LL;
    QTest::newRow("min - 1 g") << QStringLiteral("-1000000000.001") << false << 0LL;
    QTest::newRow("huge") << QStringLiteral("99999999999999999999999999999999999999999") << false << 0LL;
    QTest::newRow("letters") << QStringLiteral("abc") << false << 0LL;
    QTest::newRow("unit suffix") << QStringLiteral("12 kg") << false << 0LL;
    QTest::newRow("trailing comma") << QStringLiteral("1,") << false << 0LL;
    QTest::newRow("leading comma") << QStringLiteral(",1") << false << 0LL;
    QTest::newRow("double minus") << QStringLiteral("--1") << false << 0LL;
    QTest::newRow("two points") << QStringLiteral("1..2") << false << 0LL;
    QTest::newRow("three parts") << QStringLiteral("1.2.3") << false << 0LL;
    QTest::newRow("comma in fraction") << QStringLiteral("1.2,3") << false << 0LL;
    QTest::newRow("exponent") << QStringLiteral("1e3") << false << 0LL;
    QTest::newRow("vulgar fraction") << QStringLiteral("½") << false << 0LL;
    QTest::newRow("currency") << QStringLiteral("₹12") << false << 0LL;
    // As for money: "1,5" typed with a decimal comma must not weigh 15 kg.
    QTest::newRow("comma before point") << QStringLiteral("1,.5") << false << 0LL;
    QTest::newRow("decimal comma") << QStringLiteral("1,5") << false << 0LL;
}

void TestQuantity::parse() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qlonglong, thousandths);

    const auto q = Quantity::parse(text);
    QCOMPARE(q.has_value(), ok);
    if (ok)
        QCOMPARE(q->thousandths(), thousandths);
}

void TestQuantity::toString_data() {
    QTest::addColumn<qlonglong>("thousandths");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << 0LL << QStringLiteral("0");
    QTest::newRow("whole") << 12000LL << QStringLiteral("12");
    QTest::newRow("half") << 12500LL << QStringLiteral("12.5");
    QTest::newRow("quarter") << 12250LL << QStringLiteral("12.25");
    QTest::newRow("eighth") << 125LL << QStringLiteral("0.125");
    QTest::newRow("gram") << 1LL << QStringLiteral("0.001");
    QTest::newRow("ten grams") << 10LL << QStringLiteral("0.01");
    QTest::newRow("hundred grams") << 100LL << QStringLiteral("0.1");
    QTest::newRow("no grouping") << 1250000LL << QStringLiteral("1250");
    QTest::newRow("negative") << -3500LL << QStringLiteral("-3.5");
    QTest::newRow("negative gram") << -1LL << QStringLiteral("-0.001");
    QTest::newRow("int64 max") << kMax << QStringLiteral("9223372036854775.807");
    QTest::newRow("int64 min") << kMin << QStringLiteral("-9223372036854775.808");
}

void TestQuantity::toString() {
    QFETCH(qlonglong, thousandths);
    QFETCH(QString, text);
    QCOMPARE(Quantity::fromThousandths(thousandths).toString(), text);
}

void TestQuantity::roundTrip() {
    for (const qint64 t : {0LL, 1LL, -1LL, 10LL, 999LL, 1000LL, 1001LL, 123456789LL, Quantity::kMaxInput,
                           -Quantity::kMaxInput}) {
        const QString s = Quantity::fromThousandths(t).toString();
        const auto back = Quantity::parse(s);
        QVERIFY2(back.has_value(), qPrintable(s));
        QCOMPARE(back->thousandths(), t);
    }
}

void TestQuantity::checkedArithmetic_data() {
    QTest::addColumn<bool>("add");
    QTest::addColumn<qlonglong>("a");
    QTest::addColumn<qlonglong>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("result");

    QTest::newRow("add") << true << 1500LL << 2500LL << true << 4000LL;
    QTest::newRow("add max+0") << true << kMax << 0LL << true << kMax;
    QTest::newRow("add max+1") << true << kMax << 1LL << false << 0LL;
    QTest::newRow("add min+-1") << true << kMin << -1LL << false << 0LL;
    QTest::newRow("sub") << false << 1500LL << 2500LL << true << -1000LL;
    QTest::newRow("sub min-1") << false << kMin << 1LL << false << 0LL;
    QTest::newRow("sub 0-min") << false << 0LL << kMin << false << 0LL;
    QTest::newRow("sub -1-max") << false << -1LL << kMax << true << kMin;
}

void TestQuantity::checkedArithmetic() {
    QFETCH(bool, add);
    QFETCH(qlonglong, a);
    QFETCH(qlonglong, b);
    QFETCH(bool, ok);
    QFETCH(qlonglong, result);

    const Quantity qa = Quantity::fromThousandths(a);
    const Quantity qb = Quantity::fromThousandths(b);
    const auto r = add ? qa.checkedAdd(qb) : qa.checkedSub(qb);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->thousandths(), result);
}

void TestQuantity::units() {
    QCOMPARE(Quantity::fromUnits(12).thousandths(), 12000);
    QCOMPARE(Quantity::fromUnits(-2).thousandths(), -2000);
    Quantity q = Quantity::fromUnits(1);
    q += Quantity::fromThousandths(250);
    QCOMPARE(q.thousandths(), 1250);
    q -= Quantity::fromUnits(2);
    QCOMPARE(q.thousandths(), -750);
    QVERIFY(q.isNegative());
    QVERIFY(Quantity().isZero());
    QVERIFY(Quantity::fromThousandths(1).isPositive());
    QVERIFY(Quantity::fromThousandths(1) < Quantity::fromUnits(1));
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
