#include "domain/Allocation.h"

#include <QRandomGenerator>
#include <QTest>
#include <limits>

using namespace market::core;

using Amounts = QList<qlonglong>;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

std::vector<Money> toMoney(const Amounts& v) {
    std::vector<Money> out;
    for (const qlonglong x : v)
        out.push_back(Money::fromMinor(x));
    return out;
}

Amounts toList(const std::vector<Money>& v) {
    Amounts out;
    for (const Money m : v)
        out.append(m.minor());
    return out;
}

qint64 sum(const std::vector<Money>& v) {
    qint64 s = 0;
    for (const Money m : v)
        s += m.minor();
    return s;
}

// Shares of a largest-remainder split: Σ = total, each within one unit of its exact share
// (|share·Σw − total·w| < Σw), zero weight gets zero, a larger weight never gets less.
QString checkProportional(qint64 total, const std::vector<Money>& weights, const std::vector<Money>& shares) {
    if (shares.size() != weights.size())
        return QStringLiteral("size %1 != %2").arg(shares.size()).arg(weights.size());
    if (sum(shares) != total)
        return QStringLiteral("sum %1 != total %2").arg(sum(shares)).arg(total);
    Int128 weightSum = 0;
    for (const Money w : weights)
        weightSum += w.minor();
    for (size_t i = 0; i < shares.size(); ++i) {
        const Int128 diff = static_cast<Int128>(shares[i].minor()) * weightSum -
                            static_cast<Int128>(total) * weights[i].minor();
        if (diff >= weightSum || -diff >= weightSum)
            return QStringLiteral("share %1 is not within one unit of its exact share").arg(i);
        if (weights[i].isZero() && !shares[i].isZero())
            return QStringLiteral("zero weight %1 got a share").arg(i);
        for (size_t j = 0; j < shares.size(); ++j)
            if (weights[i] > weights[j] && shares[i] < shares[j])
                return QStringLiteral("larger weight %1 got less than %2").arg(i).arg(j);
    }
    return {};
}
} // namespace

class TestAllocation : public QObject {
    Q_OBJECT

private slots:
    void proportional_data();
    void proportional();
    void proportionalRejects_data();
    void proportionalRejects();
    void proportionalRandom();
    void capped_data();
    void capped();
    void cappedRejects_data();
    void cappedRejects();
    void cappedRandom();
    // Last: until fixed in app/domain, this one aborts the process (see its comment).
    void cappedHugeCaps();
};

void TestAllocation::proportional_data() {
    QTest::addColumn<qlonglong>("total");
    QTest::addColumn<Amounts>("weights");
    QTest::addColumn<Amounts>("expected");

    QTest::newRow("thirds: tie to the first") << 100LL << Amounts{1, 1, 1} << Amounts{34, 33, 33};
    QTest::newRow("halves") << 100LL << Amounts{1, 1} << Amounts{50, 50};
    QTest::newRow("one unit, three ties") << 1LL << Amounts{1, 1, 1} << Amounts{1, 0, 0};
    QTest::newRow("two units, three ties") << 2LL << Amounts{1, 1, 1} << Amounts{1, 1, 0};
    QTest::newRow("three units, four ties") << 3LL << Amounts{1, 1, 1, 1} << Amounts{1, 1, 1, 0};
    QTest::newRow("exact") << 10LL << Amounts{3, 3, 4} << Amounts{3, 3, 4};
    QTest::newRow("largest remainder wins") << 10LL << Amounts{1, 2} << Amounts{3, 7};
    QTest::newRow("0.4 vs 0.6") << 1LL << Amounts{2, 3} << Amounts{0, 1};
    QTest::newRow("tie after a smaller remainder") << 1LL << Amounts{1, 2, 2} << Amounts{0, 1, 0};
    QTest::newRow("two ties after a smaller remainder") << 2LL << Amounts{1, 2, 2} << Amounts{0, 1, 1};
    QTest::newRow("zero total") << 0LL << Amounts{5, 5} << Amounts{0, 0};
    QTest::newRow("zero weights skipped") << 7LL << Amounts{0, 5, 0} << Amounts{0, 7, 0};
    QTest::newRow("zero weight never rounded up") << 5LL << Amounts{0, 1, 1} << Amounts{0, 3, 2};
    QTest::newRow("single") << 1000LL << Amounts{1} << Amounts{1000};
    QTest::newRow("total above weights") << 1000LL << Amounts{1, 3} << Amounts{250, 750};
    QTest::newRow("credit details") << 23810LL << Amounts{83810, 90000} << Amounts{11481, 12329};
    QTest::newRow("int64 weights") << 10LL << Amounts{kMax, kMax} << Amounts{5, 5};
    QTest::newRow("int64 weights, one unit") << 1LL << Amounts{kMax, kMax, kMax} << Amounts{1, 0, 0};
    QTest::newRow("max input") << Money::kMaxInput << Amounts{1, 1, 1}
                               << Amounts{333'333'333'333'334LL, 333'333'333'333'333LL,
                                          333'333'333'333'333LL};
}

void TestAllocation::proportional() {
    QFETCH(qlonglong, total);
    QFETCH(Amounts, weights);
    QFETCH(Amounts, expected);

    const auto shares = allocateProportionally(Money::fromMinor(total), toMoney(weights));
    QCOMPARE(toList(shares), expected);
    const QString problem = checkProportional(total, toMoney(weights), shares);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAllocation::proportionalRejects_data() {
    QTest::addColumn<qlonglong>("total");
    QTest::addColumn<Amounts>("weights");

    QTest::newRow("negative total") << -1LL << Amounts{1, 1};
    QTest::newRow("no weights") << 10LL << Amounts{};
    QTest::newRow("negative weight") << 10LL << Amounts{5, -1};
    QTest::newRow("all-zero weights") << 10LL << Amounts{0, 0, 0};
    QTest::newRow("all-zero weights, zero total") << 0LL << Amounts{0, 0};
}

void TestAllocation::proportionalRejects() {
    QFETCH(qlonglong, total);
    QFETCH(Amounts, weights);
    QVERIFY(allocateProportionally(Money::fromMinor(total), toMoney(weights)).empty());
}

void TestAllocation::proportionalRandom() {
    QRandomGenerator rng(20240601);
    for (int round = 0; round < 10'000; ++round) {
        const int n = rng.bounded(1, 9);
        // Mostly small weights (many ties and zeros), sometimes amounts of real size.
        const qint64 weightCap = round % 3 == 0 ? 5 : 10'000'000;
        std::vector<Money> weights;
        for (int i = 0; i < n; ++i)
            weights.push_back(Money::fromMinor(rng.bounded(weightCap + 1)));
        if (sum(weights) == 0)
            weights[0] = Money::fromMinor(1);
        const qint64 total =
            round % 5 == 0 ? rng.bounded(Money::kMaxInput + 1) : rng.bounded(1'000'000'000LL);
        const auto shares = allocateProportionally(Money::fromMinor(total), weights);
        const QString problem = checkProportional(total, weights, shares);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problem)));
    }
}

void TestAllocation::capped_data() {
    QTest::addColumn<qlonglong>("total");
    QTest::addColumn<Amounts>("caps");
    QTest::addColumn<Amounts>("expected");

    QTest::newRow("half of each") << 50LL << Amounts{50, 50} << Amounts{25, 25};
    QTest::newRow("everything") << 200LL << Amounts{100, 100} << Amounts{100, 100};
    QTest::newRow("zero") << 0LL << Amounts{10, 20} << Amounts{0, 0};
    QTest::newRow("one unit to the large cap") << 1LL << Amounts{1, 1000} << Amounts{0, 1};
    QTest::newRow("small cap gets its unit") << 1000LL << Amounts{1, 1000} << Amounts{1, 999};
    QTest::newRow("exactly all") << 1001LL << Amounts{1, 1000} << Amounts{1, 1000};
    QTest::newRow("thirds") << 100LL << Amounts{100, 100, 100} << Amounts{34, 33, 33};
    QTest::newRow("zero cap") << 5LL << Amounts{0, 10} << Amounts{0, 5};
    QTest::newRow("all ones") << 2LL << Amounts{1, 1, 1} << Amounts{1, 1, 0};
}

void TestAllocation::capped() {
    QFETCH(qlonglong, total);
    QFETCH(Amounts, caps);
    QFETCH(Amounts, expected);

    const auto shares = allocateCapped(Money::fromMinor(total), toMoney(caps));
    QCOMPARE(toList(shares), expected);
}

void TestAllocation::cappedRejects_data() {
    QTest::addColumn<qlonglong>("total");
    QTest::addColumn<Amounts>("caps");

    QTest::newRow("total above caps") << 201LL << Amounts{100, 100};
    QTest::newRow("zero caps") << 1LL << Amounts{0, 0};
    QTest::newRow("no caps") << 1LL << Amounts{};
    QTest::newRow("negative total") << -1LL << Amounts{10, 10};
    QTest::newRow("negative cap") << 5LL << Amounts{-5, 20};
    // The zero total shortcut must not skip the input checks.
    QTest::newRow("negative cap, zero total") << 0LL << Amounts{-5, 5};
}

void TestAllocation::cappedRejects() {
    QFETCH(qlonglong, total);
    QFETCH(Amounts, caps);
    QCOMPARE(toList(allocateCapped(Money::fromMinor(total), toMoney(caps))), Amounts{});
}

void TestAllocation::cappedRandom() {
    QRandomGenerator rng(7);
    for (int round = 0; round < 10'000; ++round) {
        const int n = rng.bounded(1, 9);
        std::vector<Money> caps;
        qint64 capSum = 0;
        for (int i = 0; i < n; ++i) {
            const qint64 c = round % 2 == 0 ? rng.bounded(4) : rng.bounded(5'000'000LL);
            caps.push_back(Money::fromMinor(c));
            capSum += c;
        }
        if (capSum == 0) {
            caps[0] = Money::fromMinor(1);
            capSum = 1;
        }
        const qint64 total = rng.bounded(capSum + 1);
        const auto shares = allocateCapped(Money::fromMinor(total), caps);
        const QString where = QStringLiteral("round %1").arg(round);
        QVERIFY2(shares.size() == caps.size(), qPrintable(where));
        QVERIFY2(sum(shares) == total, qPrintable(where));
        for (size_t i = 0; i < caps.size(); ++i)
            QVERIFY2(!shares[i].isNegative() && shares[i] <= caps[i], qPrintable(where));
    }
}

void TestAllocation::cappedHugeCaps() {
    // Σcaps beyond int64 is bad input to refuse, not a reason to abort: allocateCapped sums the
    // caps with Money::operator+, which qFatal()s on overflow. allocateProportionally already
    // sums in Int128 and copes with these weights.
    QVERIFY(allocateCapped(Money::fromMinor(kMax), toMoney({kMax, kMax})).size() == 2);
    QVERIFY(allocateCapped(Money::fromMinor(10), toMoney({kMax, 1})).size() == 2);
}

QTEST_GUILESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
