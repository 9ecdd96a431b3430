#include "domain/Commission.h"

#include <QStringList>
#include <QTest>

using namespace market::core;

namespace {
// "0-100:300,100-500:500,500-:700" → slabs in whole units (open "to" after the last '-').
CommissionRule slabRule(const QString& spec) {
    CommissionRule rule;
    rule.kind = CommissionKind::Slab;
    if (spec.isEmpty())
        return rule;
    for (const QString& part : spec.split(QLatin1Char(','))) {
        const QStringList rangeRate = part.split(QLatin1Char(':'));
        const QString range = rangeRate.at(0);
        const qsizetype dash = range.indexOf(QLatin1Char('-'), 1); // skip a leading minus sign
        CommissionSlab slab;
        slab.from = Quantity::fromUnits(range.left(dash).toLongLong());
        const QString to = range.mid(dash + 1);
        if (!to.isEmpty())
            slab.to = Quantity::fromUnits(to.toLongLong());
        slab.rateBp = rangeRate.at(1).toLongLong();
        rule.slabs.push_back(slab);
    }
    return rule;
}

const QString kMarketSlabs = QStringLiteral("0-100:300,100-500:500,500-:700");
} // namespace

class TestCommission : public QObject {
    Q_OBJECT

private slots:
    void slabRate_data();
    void slabRate();
    void closedLastSlabContinues();
    void flatRate();
    void validateSlabs_data();
    void validateSlabs();
    void validateFlat_data();
    void validateFlat();
    void parsePercent_data();
    void parsePercent();
    void formatPercent_data();
    void formatPercent();
    void percentRoundTrip();
    void kindNames();
};

void TestCommission::slabRate_data() {
    QTest::addColumn<qlonglong>("thousandths");
    QTest::addColumn<qlonglong>("rateBp");

    QTest::newRow("0") << 0LL << 300LL;
    QTest::newRow("1 g") << 1LL << 300LL;
    QTest::newRow("99.999 kg") << 99'999LL << 300LL;
    QTest::newRow("100 kg: from is inclusive") << 100'000LL << 500LL;
    QTest::newRow("100.001 kg") << 100'001LL << 500LL;
    QTest::newRow("499.999 kg: to is exclusive") << 499'999LL << 500LL;
    QTest::newRow("500 kg") << 500'000LL << 700LL;
    QTest::newRow("max") << Quantity::kMaxInput << 700LL;
}

void TestCommission::slabRate() {
    QFETCH(qlonglong, thousandths);
    QFETCH(qlonglong, rateBp);
    const CommissionRule rule = slabRule(kMarketSlabs);
    QVERIFY(rule.validate().ok());
    QCOMPARE(rule.rateFor(Quantity::fromThousandths(thousandths)), rateBp);
}

void TestCommission::closedLastSlabContinues() {
    const CommissionRule rule = slabRule(QStringLiteral("0-100:300,100-200:400"));
    QVERIFY(rule.validate().ok());
    QCOMPARE(rule.rateFor(Quantity::fromUnits(199)), 400);
    QCOMPARE(rule.rateFor(Quantity::fromUnits(200)), 400);
    QCOMPARE(rule.rateFor(Quantity::fromUnits(5000)), 400);
}

void TestCommission::flatRate() {
    CommissionRule rule;
    rule.kind = CommissionKind::Flat;
    rule.flatRateBp = 525;
    rule.slabs = slabRule(kMarketSlabs).slabs; // ignored by a flat rule
    QVERIFY(rule.validate().ok());
    for (const qint64 t : {0LL, 1LL, 100'000LL, 500'000LL, Quantity::kMaxInput})
        QCOMPARE(rule.rateFor(Quantity::fromThousandths(t)), 525);
}

void TestCommission::validateSlabs_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");

    QTest::newRow("market slabs") << kMarketSlabs << true;
    QTest::newRow("one open slab") << QStringLiteral("0-:500") << true;
    QTest::newRow("closed last slab") << QStringLiteral("0-100:300") << true;
    QTest::newRow("0 % and 100 %") << QStringLiteral("0-100:0,100-:10000") << true;

    QTest::newRow("no slabs") << QString() << false;
    QTest::newRow("gap") << QStringLiteral("0-100:300,150-:500") << false;
    QTest::newRow("overlap") << QStringLiteral("0-100:300,90-:500") << false;
    QTest::newRow("not starting at 0") << QStringLiteral("10-100:300,100-:500") << false;
    QTest::newRow("starting below 0") << QStringLiteral("-10-100:300,100-:500") << false;
    QTest::newRow("open slab not last") << QStringLiteral("0-:300,100-:500") << false;
    QTest::newRow("empty slab") << QStringLiteral("0-0:300,0-:500") << false;
    QTest::newRow("backwards slab") << QStringLiteral("0-100:300,100-50:400,50-:500") << false;
    QTest::newRow("rate above 100 %") << QStringLiteral("0-100:300,100-:10001") << false;
    QTest::newRow("negative rate") << QStringLiteral("0-:-1") << false;
}

void TestCommission::validateSlabs() {
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    const Status s = slabRule(spec).validate();
    QCOMPARE(s.ok(), ok);
    if (!ok) {
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestCommission::validateFlat_data() {
    QTest::addColumn<qlonglong>("rateBp");
    QTest::addColumn<bool>("ok");

    QTest::newRow("0 %") << 0LL << true;
    QTest::newRow("5 %") << 500LL << true;
    QTest::newRow("100 %") << 10000LL << true;
    QTest::newRow("100.01 %") << 10001LL << false;
    QTest::newRow("negative") << -1LL << false;
}

void TestCommission::validateFlat() {
    QFETCH(qlonglong, rateBp);
    QFETCH(bool, ok);
    CommissionRule rule;
    rule.flatRateBp = rateBp;
    QCOMPARE(rule.validate().ok(), ok);
}

void TestCommission::parsePercent_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("bp");

    QTest::newRow("whole") << QStringLiteral("5") << true << 500LL;
    QTest::newRow("two decimals") << QStringLiteral("5.25") << true << 525LL;
    QTest::newRow("one decimal") << QStringLiteral("5.5") << true << 550LL;
    QTest::newRow("percent sign") << QStringLiteral("5%") << true << 500LL;
    QTest::newRow("spaced percent sign") << QStringLiteral(" 5.5 % ") << true << 550LL;
    QTest::newRow("zero") << QStringLiteral("0") << true << 0LL;
    QTest::newRow("basis point") << QStringLiteral("0.01") << true << 1LL;
    QTest::newRow("hundred") << QStringLiteral("100") << true << 10000LL;
    QTest::newRow("hundred.00") << QStringLiteral("100.00") << true << 10000LL;

    QTest::newRow("above hundred") << QStringLiteral("100.01") << false << 0LL;
    QTest::newRow("negative") << QStringLiteral("-1") << false << 0LL;
    QTest::newRow("three decimals") << QStringLiteral("5.255") << false << 0LL;
    QTest::newRow("letters") << QStringLiteral("abc") << false << 0LL;
    QTest::newRow("empty") << QString() << false << 0LL;
    QTest::newRow("percent only") << QStringLiteral("%") << false << 0LL;
    QTest::newRow("double percent") << QStringLiteral("5%%") << false << 0LL;
    // A percentage is not money: currency prefixes that Money::parse accepts must not pass.
    QTest::newRow("rupee prefix") << QStringLiteral("₹5") << false << 0LL;
    QTest::newRow("dollar prefix") << QStringLiteral("$5") << false << 0LL;
}

void TestCommission::parsePercent() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qlonglong, bp);
    const auto r = parsePercentToBp(text);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(*r, bp);
}

void TestCommission::formatPercent_data() {
    QTest::addColumn<qlonglong>("bp");
    QTest::addColumn<QString>("text");

    QTest::newRow("5.25") << 525LL << QStringLiteral("5.25");
    QTest::newRow("5") << 500LL << QStringLiteral("5");
    QTest::newRow("0") << 0LL << QStringLiteral("0");
    QTest::newRow("0.05") << 5LL << QStringLiteral("0.05");
    QTest::newRow("2.50") << 250LL << QStringLiteral("2.50");
    QTest::newRow("100") << 10000LL << QStringLiteral("100");
}

void TestCommission::formatPercent() {
    QFETCH(qlonglong, bp);
    QFETCH(QString, text);
    QCOMPARE(formatBpAsPercent(bp), text);
}

void TestCommission::percentRoundTrip() {
    for (qint64 bp = 0; bp <= kMaxRateBp; ++bp) {
        const auto back = parsePercentToBp(formatBpAsPercent(bp));
        if (!back || *back != bp)
            QFAIL(qPrintable(QStringLiteral("%1 bp → \"%2\"").arg(bp).arg(formatBpAsPercent(bp))));
    }
}

void TestCommission::kindNames() {
    for (const CommissionKind k : {CommissionKind::Flat, CommissionKind::Slab}) {
        const auto back = commissionKindFromName(commissionKindName(k));
        QVERIFY(back.has_value());
        QCOMPARE(*back, k);
    }
    QCOMPARE(commissionKindName(CommissionKind::Flat), QStringLiteral("flat"));
    QCOMPARE(commissionKindName(CommissionKind::Slab), QStringLiteral("slab"));
    QVERIFY(!commissionKindFromName(u"Flat").has_value());
    QVERIFY(!commissionKindFromName(u"").has_value());
}

QTEST_GUILESS_MAIN(TestCommission)
#include "tst_commission.moc"
