#include "domain/Money.h"
#include "domain/Quantity.h"

#include <QTest>
#include <limits>

using namespace market::core;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// Decimal text → __int128, so the table can hold numerators beyond int64.
Int128 int128(const QByteArray& text) {
    const bool negative = text.startsWith('-');
    Int128 v = 0;
    for (qsizetype i = negative ? 1 : 0; i < text.size(); ++i)
        v = v * 10 + (text.at(i) - '0');
    return negative ? -v : v;
}
} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void plainString_data();
    void plainString();
    void plainStringRoundTrip();
    void formatMoney_data();
    void formatMoney();
    void formatParsesBack();
    void grouping_data();
    void grouping();
    void currencies();
    void checkedArithmetic_data();
    void checkedArithmetic();
    void operators();
    void divideRoundHalfUp_data();
    void divideRoundHalfUp();
    void lineAmount_data();
    void lineAmount();
    void percentBp_data();
    void percentBp();
};

void TestMoney::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("minor");

    QTest::newRow("zero") << QStringLiteral("0") << true << 0LL;
    QTest::newRow("whole") << QStringLiteral("1234") << true << 123400LL;
    QTest::newRow("one decimal") << QStringLiteral("1,234.5") << true << 123450LL;
    QTest::newRow("negative") << QStringLiteral("-12.05") << true << -1205LL;
    QTest::newRow("plus sign") << QStringLiteral("+7") << true << 700LL;
    QTest::newRow("paise") << QStringLiteral("0.05") << true << 5LL;
    QTest::newRow("padded") << QStringLiteral("  42.00  ") << true << 4200LL;
    QTest::newRow("indian grouping") << QStringLiteral("1,23,456.50") << true << 12345650LL;
    QTest::newRow("thousands grouping") << QStringLiteral("1,234,567.89") << true << 123456789LL;
    QTest::newRow("rupee symbol spaced") << QStringLiteral("₹ 12") << true << 1200LL;
    QTest::newRow("rupee symbol grouped") << QStringLiteral("₹ 1,23,456.50") << true << 12345650LL;
    QTest::newRow("rupee symbol tight") << QStringLiteral("₹12") << true << 1200LL;
    QTest::newRow("Rs.") << QStringLiteral("Rs. 5") << true << 500LL;
    QTest::newRow("Rs") << QStringLiteral("Rs 5") << true << 500LL;
    QTest::newRow("INR") << QStringLiteral("INR 5.5") << true << 550LL;
    QTest::newRow("dollar") << QStringLiteral("$3.10") << true << 310LL;
    QTest::newRow("euro") << QStringLiteral("€0.99") << true << 99LL;
    QTest::newRow("pound") << QStringLiteral("£1") << true << 100LL;
    QTest::newRow("max input") << QStringLiteral("10000000000000.00") << true << Money::kMaxInput;
    QTest::newRow("max input grouped") << QStringLiteral("1,00,00,00,00,00,000") << true << Money::kMaxInput;
    QTest::newRow("min input") << QStringLiteral("-10000000000000") << true << -Money::kMaxInput;

    QTest::newRow("empty") << QString() << false << 0LL;
    QTest::newRow("blank") << QStringLiteral("   ") << false << 0LL;
    QTest::newRow("letters") << QStringLiteral("abc") << false << 0LL;
    QTest::newRow("trailing letter") << QStringLiteral("12a") << false << 0LL;
    QTest::newRow("leading letter") << QStringLiteral("a12") << false << 0LL;
    QTest::newRow("three decimals") << QStringLiteral("1.234") << false << 0LL;
    QTest::newRow("three decimals grouped") << QStringLiteral("1,23,456.505") << false << 0LL;
    QTest::newRow("double minus") << QStringLiteral("--1") << false << 0LL;
    QTest::newRow("plus minus") << QStringLiteral("+-1") << false << 0LL;
    QTest::newRow("sign only") << QStringLiteral("-") << false << 0LL;
    QTest::newRow("trailing comma") << QStringLiteral("1,") << false << 0LL;
    QTest::newRow("leading comma") << QStringLiteral(",1") << false << 0LL;
    QTest::newRow("double comma") << QStringLiteral("1,,234") << false << 0LL;
    QTest::newRow("comma after point") << QStringLiteral("1.2,3") << false << 0LL;
    QTest::newRow("two points") << QStringLiteral("1..5") << false << 0LL;
    QTest::newRow("three parts") << QStringLiteral("1.2.3") << false << 0LL;
    QTest::newRow("inner space") << QStringLiteral("1 234") << false << 0LL;
    QTest::newRow("exponent") << QStringLiteral("1e3") << false << 0LL;
    QTest::newRow("hex") << QStringLiteral("0x10") << false << 0LL;
    QTest::newRow("trailing minus") << QStringLiteral("12-") << false << 0LL;
    QTest::newRow("symbol only") << QStringLiteral("₹") << false << 0LL;
    QTest::newRow("symbol at end") << QStringLiteral("12₹") << false << 0LL;
    QTest::newRow("two symbols") << QStringLiteral("₹₹12") << false << 0LL;
    QTest::newRow("devanagari digits") << QStringLiteral("१२") << false << 0LL;
    QTest::newRow("above max by a paisa") << QStringLiteral("10000000000000.01") << false << 0LL;
    QTest::newRow("below min by a paisa") << QStringLiteral("-10000000000000.01") << false << 0LL;
    QTest::newRow("beyond int64") << QStringLiteral("92233720368547758.08") << false << 0LL;
    QTest::newRow("beyond int128") << QStringLiteral("999999999999999999999999999999999999999999999") << false
                                   << 0LL;
    // A grouping comma must be followed by a digit and delimit a whole group of 2 or 3 digits:
    // "1,50" typed with a decimal comma must not become 150.00 (a hundredfold error).
    QTest::newRow("comma before point") << QStringLiteral("1,.5") << false << 0LL;
    QTest::newRow("decimal comma") << QStringLiteral("1,50") << false << 0LL;
    QTest::newRow("one-digit group") << QStringLiteral("12,3") << false << 0LL;
}

void TestMoney::parse() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qlonglong, minor);

    const auto m = Money::parse(text);
    QCOMPARE(m.has_value(), ok);
    if (ok)
        QCOMPARE(m->minor(), minor);
}

void TestMoney::plainString_data() {
    QTest::addColumn<qlonglong>("minor");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << 0LL << QStringLiteral("0.00");
    QTest::newRow("paisa") << 5LL << QStringLiteral("0.05");
    QTest::newRow("minus paisa") << -5LL << QStringLiteral("-0.05");
    QTest::newRow("ten paise") << 10LL << QStringLiteral("0.10");
    QTest::newRow("whole") << 100LL << QStringLiteral("1.00");
    QTest::newRow("plain") << 123450LL << QStringLiteral("1234.50");
    QTest::newRow("negative") << -123450LL << QStringLiteral("-1234.50");
    QTest::newRow("int64 max") << kMax << QStringLiteral("92233720368547758.07");
    QTest::newRow("int64 min") << kMin << QStringLiteral("-92233720368547758.08");
}

void TestMoney::plainString() {
    QFETCH(qlonglong, minor);
    QFETCH(QString, text);
    QCOMPARE(Money::fromMinor(minor).toPlainString(), text);
}

void TestMoney::plainStringRoundTrip() {
    for (const qint64 v :
         {0LL, 1LL, -1LL, 99LL, 100LL, -101LL, 123456789LL, Money::kMaxInput, -Money::kMaxInput}) {
        const auto back = Money::parse(Money::fromMinor(v).toPlainString());
        QVERIFY2(back.has_value(), qPrintable(Money::fromMinor(v).toPlainString()));
        QCOMPARE(back->minor(), v);
    }
}

void TestMoney::formatMoney_data() {
    QTest::addColumn<qlonglong>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    const QString inr = QStringLiteral("INR");
    QTest::newRow("inr zero") << 0LL << inr << QStringLiteral("₹0.00");
    QTest::newRow("inr paise") << 5LL << inr << QStringLiteral("₹0.05");
    QTest::newRow("inr hundreds") << 99999LL << inr << QStringLiteral("₹999.99");
    QTest::newRow("inr thousand") << 100000LL << inr << QStringLiteral("₹1,000.00");
    QTest::newRow("inr ten thousand") << 1234500LL << inr << QStringLiteral("₹12,345.00");
    QTest::newRow("inr lakh") << 12345650LL << inr << QStringLiteral("₹1,23,456.50");
    QTest::newRow("inr one lakh") << 10000000LL << inr << QStringLiteral("₹1,00,000.00");
    QTest::newRow("inr crore") << 1234567800LL << inr << QStringLiteral("₹1,23,45,678.00");
    QTest::newRow("inr negative") << -12345650LL << inr << QStringLiteral("-₹1,23,456.50");
    QTest::newRow("inr negative paise") << -5LL << inr << QStringLiteral("-₹0.05");
    QTest::newRow("inr int64 max") << kMax << inr << QStringLiteral("₹92,23,37,20,36,85,47,758.07");
    QTest::newRow("inr int64 min") << kMin << inr << QStringLiteral("-₹92,23,37,20,36,85,47,758.08");

    QTest::newRow("usd small") << 100LL << QStringLiteral("USD") << QStringLiteral("$1.00");
    QTest::newRow("usd grouped") << 12345650LL << QStringLiteral("USD") << QStringLiteral("$123,456.50");
    QTest::newRow("usd million") << 123456789LL << QStringLiteral("USD") << QStringLiteral("$1,234,567.89");
    QTest::newRow("usd negative") << -100000LL << QStringLiteral("USD") << QStringLiteral("-$1,000.00");
    QTest::newRow("usd int64 max") << kMax << QStringLiteral("USD")
                                   << QStringLiteral("$92,233,720,368,547,758.07");
    QTest::newRow("eur") << 123456LL << QStringLiteral("EUR") << QStringLiteral("€1,234.56");
    QTest::newRow("eur cents") << 7LL << QStringLiteral("EUR") << QStringLiteral("€0.07");
    QTest::newRow("gbp") << 99999999LL << QStringLiteral("GBP") << QStringLiteral("£999,999.99");
    QTest::newRow("gbp million") << 100000000LL << QStringLiteral("GBP") << QStringLiteral("£1,000,000.00");
}

void TestMoney::formatMoney() {
    QFETCH(qlonglong, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    const auto c = currencyFromCode(currency);
    QVERIFY(c.has_value());
    QCOMPARE(market::core::formatMoney(Money::fromMinor(minor), *c), text);
}

void TestMoney::formatParsesBack() {
    // What the counter shows, a cashier may paste back: non-negative amounts in every currency.
    for (const Currency c : {Currency::INR, Currency::USD, Currency::EUR, Currency::GBP}) {
        for (const qint64 v : {0LL, 5LL, 100000LL, 12345650LL, 1234567800LL, Money::kMaxInput}) {
            const QString shown = market::core::formatMoney(Money::fromMinor(v), c);
            const auto back = Money::parse(shown);
            QVERIFY2(back.has_value(), qPrintable(shown));
            QCOMPARE(back->minor(), v);
        }
    }
}

void TestMoney::grouping_data() {
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("indian");
    QTest::addColumn<QString>("thousands");

    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("1") << QStringLiteral("1") << QStringLiteral("1") << QStringLiteral("1");
    QTest::newRow("3") << QStringLiteral("123") << QStringLiteral("123") << QStringLiteral("123");
    QTest::newRow("4") << QStringLiteral("1234") << QStringLiteral("1,234") << QStringLiteral("1,234");
    QTest::newRow("5") << QStringLiteral("12345") << QStringLiteral("12,345") << QStringLiteral("12,345");
    QTest::newRow("6") << QStringLiteral("123456") << QStringLiteral("1,23,456") << QStringLiteral("123,456");
    QTest::newRow("7") << QStringLiteral("1234567") << QStringLiteral("12,34,567")
                       << QStringLiteral("1,234,567");
    QTest::newRow("8") << QStringLiteral("12345678") << QStringLiteral("1,23,45,678")
                       << QStringLiteral("12,345,678");
}

void TestMoney::grouping() {
    QFETCH(QString, digits);
    QFETCH(QString, indian);
    QFETCH(QString, thousands);
    QCOMPARE(groupIndian(digits), indian);
    QCOMPARE(groupThousands(digits), thousands);
}

void TestMoney::currencies() {
    for (const Currency c : {Currency::INR, Currency::USD, Currency::EUR, Currency::GBP}) {
        const auto back = currencyFromCode(currencyCode(c));
        QVERIFY(back.has_value());
        QCOMPARE(*back, c);
        QVERIFY(!currencySymbol(c).isEmpty());
    }
    QCOMPARE(currencySymbol(Currency::INR), QStringLiteral("₹"));
    QVERIFY(!currencyFromCode(u"inr").has_value());
    QVERIFY(!currencyFromCode(u"JPY").has_value());
    QVERIFY(!currencyFromCode(u"").has_value());
}

void TestMoney::checkedArithmetic_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<qlonglong>("a");
    QTest::addColumn<qlonglong>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("result");

    const QString add = QStringLiteral("add");
    const QString sub = QStringLiteral("sub");
    const QString mul = QStringLiteral("mul");
    QTest::newRow("add small") << add << 150LL << -200LL << true << -50LL;
    QTest::newRow("add max+0") << add << kMax << 0LL << true << kMax;
    QTest::newRow("add max+1") << add << kMax << 1LL << false << 0LL;
    QTest::newRow("add min+-1") << add << kMin << -1LL << false << 0LL;
    QTest::newRow("add min+max") << add << kMin << kMax << true << -1LL;
    QTest::newRow("add max+max") << add << kMax << kMax << false << 0LL;
    QTest::newRow("sub small") << sub << 150LL << 200LL << true << -50LL;
    QTest::newRow("sub min-1") << sub << kMin << 1LL << false << 0LL;
    QTest::newRow("sub max--1") << sub << kMax << -1LL << false << 0LL;
    QTest::newRow("sub 0-min") << sub << 0LL << kMin << false << 0LL;
    QTest::newRow("sub -1-max") << sub << -1LL << kMax << true << kMin;
    QTest::newRow("sub 0-max") << sub << 0LL << kMax << true << -kMax;
    QTest::newRow("mul small") << mul << -25LL << 4LL << true << -100LL;
    QTest::newRow("mul max*1") << mul << kMax << 1LL << true << kMax;
    QTest::newRow("mul max*-1") << mul << kMax << -1LL << true << -kMax;
    QTest::newRow("mul max*2") << mul << kMax << 2LL << false << 0LL;
    QTest::newRow("mul min*1") << mul << kMin << 1LL << true << kMin;
    QTest::newRow("mul min*-1") << mul << kMin << -1LL << false << 0LL;
    QTest::newRow("mul half*2") << mul << kMin / 2 << 2LL << true << kMin;
    QTest::newRow("mul 0*min") << mul << 0LL << kMin << true << 0LL;
    QTest::newRow("mul sqrt below") << mul << 3037000499LL << 3037000499LL << true << 9223372030926249001LL;
    QTest::newRow("mul sqrt above") << mul << 3037000500LL << 3037000500LL << false << 0LL;
}

void TestMoney::checkedArithmetic() {
    QFETCH(QString, op);
    QFETCH(qlonglong, a);
    QFETCH(qlonglong, b);
    QFETCH(bool, ok);
    QFETCH(qlonglong, result);

    const Money m = Money::fromMinor(a);
    std::optional<Money> r;
    if (op == QLatin1String("add"))
        r = m.checkedAdd(Money::fromMinor(b));
    else if (op == QLatin1String("sub"))
        r = m.checkedSub(Money::fromMinor(b));
    else
        r = m.checkedMul(b);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), result);
}

void TestMoney::operators() {
    Money m = Money::fromMinor(100);
    m += Money::fromMinor(50);
    QCOMPARE(m.minor(), 150);
    m -= Money::fromMinor(200);
    QCOMPARE(m.minor(), -50);
    QVERIFY(m.isNegative());
    QCOMPARE((-m).minor(), 50);
    QCOMPARE((-Money::fromMinor(kMax)).minor(), -kMax);
    QVERIFY(Money::fromMinor(1) > Money::fromMinor(0));
    QVERIFY(Money::fromMinor(-1) < Money());
    QVERIFY(Money().isZero());
    QVERIFY(Money::fromMinor(1).isPositive());
}

void TestMoney::divideRoundHalfUp_data() {
    QTest::addColumn<QByteArray>("num");
    QTest::addColumn<qlonglong>("den");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("result");

    auto row = [](const char* name, const char* num, qint64 den, bool ok, qint64 result) {
        QTest::newRow(name) << QByteArray(num) << den << ok << result;
    };
    // Exact halves go away from zero, just below a half goes towards zero, symmetrically.
    row("0.5 up", "5", 10, true, 1);
    row("0.4 down", "4", 10, true, 0);
    row("0.6 up", "6", 10, true, 1);
    row("1.5 up", "15", 10, true, 2);
    row("2.5 up (not banker's)", "25", 10, true, 3);
    row("-0.5", "-5", 10, true, -1);
    row("-0.4", "-4", 10, true, 0);
    row("-1.5", "-15", 10, true, -2);
    row("-2.5", "-25", 10, true, -3);
    row("0.4999 down", "4999", 10000, true, 0);
    row("0.5000 up", "5000", 10000, true, 1);
    row("1.4999 down", "14999", 10000, true, 1);
    row("-0.4999", "-4999", 10000, true, 0);
    row("-0.5000", "-5000", 10000, true, -1);
    row("even den 1/2", "1", 2, true, 1);
    row("even den 3/2", "3", 2, true, 2);
    row("even den -1/2", "-1", 2, true, -1);
    row("even den -3/2", "-3", 2, true, -2);
    row("odd den 1/3", "1", 3, true, 0);
    row("odd den 2/3", "2", 3, true, 1);
    row("odd den 4/3", "4", 3, true, 1);
    row("odd den 5/3", "5", 3, true, 2);
    row("odd den -1/3", "-1", 3, true, 0);
    row("odd den -2/3", "-2", 3, true, -1);
    row("odd den 3/7", "3", 7, true, 0);
    row("odd den 4/7", "4", 7, true, 1);
    row("odd den -4/7", "-4", 7, true, -1);
    row("grams 499/1000", "499", 1000, true, 0);
    row("grams 500/1000", "500", 1000, true, 1);
    row("grams -500/1000", "-500", 1000, true, -1);
    row("grams 1500/1000", "1500", 1000, true, 2);
    row("den 1", "7", 1, true, 7);
    row("den 1 negative", "-7", 1, true, -7);
    row("zero", "0", 5, true, 0);
    row("int64 max", "9223372036854775807", 1, true, kMax);
    row("int64 min", "-9223372036854775808", 1, true, kMin);
    row("int64 max / 2", "9223372036854775807", 2, true, 4611686018427387904LL);
    row("int64 min / 2", "-9223372036854775808", 2, true, -4611686018427387904LL);
    // Beyond int64, directly or because rounding carries over the limit.
    row("max + 1", "9223372036854775808", 1, false, 0);
    row("min - 1", "-9223372036854775809", 1, false, 0);
    row("(2max)/2", "18446744073709551614", 2, true, kMax);
    row("(2max+1)/2 rounds over", "18446744073709551615", 2, false, 0);
    row("(2min+1)/2 rounds to min", "-18446744073709551615", 2, true, kMin);
    row("(2min-1)/2 rounds under", "-18446744073709551617", 2, false, 0);
    row("huge product", "85070591730234615847396907784232501249", 1000, false, 0);
    row("den 0", "5", 0, false, 0);
    row("den negative", "5", -1, false, 0);
}

void TestMoney::divideRoundHalfUp() {
    QFETCH(QByteArray, num);
    QFETCH(qlonglong, den);
    QFETCH(bool, ok);
    QFETCH(qlonglong, result);

    const auto r = market::core::divideRoundHalfUp(int128(num), den);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(*r, result);
}

void TestMoney::lineAmount_data() {
    QTest::addColumn<qlonglong>("thousandths");
    QTest::addColumn<qlonglong>("price");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("amount");

    QTest::newRow("1 kg") << 1000LL << 2550LL << true << 2550LL;
    QTest::newRow("1.5 kg") << 1500LL << 2550LL << true << 3825LL;
    QTest::newRow("1 g at 5/kg: half paisa up") << 1LL << 500LL << true << 1LL;
    QTest::newRow("1 g at 4.99/kg: down") << 1LL << 499LL << true << 0LL;
    QTest::newRow("1 g at 15/kg") << 1LL << 1500LL << true << 2LL;
    QTest::newRow("333 g at 1/kg") << 333LL << 100LL << true << 33LL;
    QTest::newRow("12.345 kg at 67.89") << 12345LL << 6789LL << true << 83810LL;
    QTest::newRow("2.5 g of a paisa") << 2500LL << 1LL << true << 3LL;
    QTest::newRow("zero qty") << 0LL << 2550LL << true << 0LL;
    QTest::newRow("zero price") << 1500LL << 0LL << true << 0LL;
    QTest::newRow("return") << -1500LL << 2550LL << true << -3825LL;
    QTest::newRow("return half paisa") << -1LL << 500LL << true << -1LL;
    QTest::newRow("max qty, modest price")
        << Quantity::kMaxInput << 9'000'000LL << true << 9'000'000'000'000'000LL;
    QTest::newRow("max qty x max price") << Quantity::kMaxInput << Money::kMaxInput << false << 0LL;
    QTest::newRow("int64 x int64") << kMax << kMax << false << 0LL;
}

void TestMoney::lineAmount() {
    QFETCH(qlonglong, thousandths);
    QFETCH(qlonglong, price);
    QFETCH(bool, ok);
    QFETCH(qlonglong, amount);

    const auto r = Money::lineAmount(Quantity::fromThousandths(thousandths), Money::fromMinor(price));
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), amount);
}

void TestMoney::percentBp_data() {
    QTest::addColumn<qlonglong>("minor");
    QTest::addColumn<qlonglong>("bp");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("result");

    QTest::newRow("5% of 100") << 10000LL << 500LL << true << 500LL;
    QTest::newRow("617.25 down") << 12345LL << 500LL << true << 617LL;
    QTest::newRow("617.5 up") << 12350LL << 500LL << true << 618LL;
    QTest::newRow("-617.5") << -12350LL << 500LL << true << -618LL;
    QTest::newRow("0.5 up") << 10LL << 500LL << true << 1LL;
    QTest::newRow("0.45 down") << 9LL << 500LL << true << 0LL;
    QTest::newRow("half of a paisa") << 1LL << 5000LL << true << 1LL;
    QTest::newRow("minus half of a paisa") << -1LL << 5000LL << true << -1LL;
    QTest::newRow("0 bp") << 12345LL << 0LL << true << 0LL;
    QTest::newRow("100%") << 12345LL << 10000LL << true << 12345LL;
    QTest::newRow("5.25%") << 100000LL << 525LL << true << 5250LL;
    QTest::newRow("max 100%") << kMax << 10000LL << true << kMax;
    QTest::newRow("min 100%") << kMin << 10000LL << true << kMin;
    QTest::newRow("max 100.01%") << kMax << 10001LL << false << 0LL;
}

void TestMoney::percentBp() {
    QFETCH(qlonglong, minor);
    QFETCH(qlonglong, bp);
    QFETCH(bool, ok);
    QFETCH(qlonglong, result);

    const auto r = Money::fromMinor(minor).percentBp(bp);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), result);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
