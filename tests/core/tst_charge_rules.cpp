// The charge stack as pure rules: every basis, rounding, the per-bill split, product filters,
// the check that re-derives recorded charges, and the sale document's arithmetic with charges.
#include "domain/Charges.h"
#include "domain/Documents.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace market::core;

namespace {
Uuid newId() {
    static qint64 ms = 1'717'214'400'000;
    return Uuid::createV7(++ms);
}
QString problem(const Status& s) {
    return s.ok() ? QString() : s.error().message;
}
Money rupees(qint64 paise) {
    return Money::fromMinor(paise);
}
Quantity thousandths(qint64 t) {
    return Quantity::fromThousandths(t);
}
ChargeRule rule(const char* code, ChargeBasis basis, qint64 rate, ChargePayer payer,
                std::optional<Uuid> product = std::nullopt) {
    return ChargeRule{newId(), QString::fromLatin1(code), QString::fromLatin1(code), basis, rate, payer,
                      product};
}

const Uuid kTomato = newId();
const Uuid kOnion = newId();
} // namespace

class TestChargeRules : public QObject {
    Q_OBJECT
private slots:
    void eachBasis_data() {
        QTest::addColumn<int>("basis");
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<qint64>("qty");      // thousandths
        QTest::addColumn<qint64>("packages"); //
        QTest::addColumn<qint64>("amount");   // paise
        QTest::addColumn<qint64>("expected"); // paise
        const int pct = static_cast<int>(ChargeBasis::Percent);
        const int unit = static_cast<int>(ChargeBasis::PerUnit);
        const int pkg = static_cast<int>(ChargeBasis::PerPackage);
        const int line = static_cast<int>(ChargeBasis::PerLine);
        QTest::newRow("1 % of 1234.56") << pct << 100LL << 1000LL << 0LL << 123456LL << 1235LL;
        QTest::newRow("0.5 % rounds half up") << pct << 50LL << 1000LL << 0LL << 100LL << 1LL;
        QTest::newRow("0.25 % of 1.99 rounds down") << pct << 25LL << 1000LL << 0LL << 199LL << 0LL;
        QTest::newRow("100 %") << pct << 10000LL << 1000LL << 0LL << 5000LL << 5000LL;
        QTest::newRow("0.20 per kg x 12.345 kg") << unit << 20LL << 12345LL << 0LL << 99999LL << 247LL;
        QTest::newRow("1.00 per crate x 3") << unit << 100LL << 3000LL << 0LL << 9000LL << 300LL;
        QTest::newRow("5.00 per bag x 7 bags") << pkg << 500LL << 350000LL << 7LL << 1LL << 3500LL;
        QTest::newRow("per package, no packages") << pkg << 500LL << 1000LL << 0LL << 1LL << 0LL;
        QTest::newRow("2.00 per line") << line << 200LL << 1LL << 0LL << 1LL << 200LL;
    }
    void eachBasis() {
        QFETCH(int, basis);
        QFETCH(qint64, rate);
        QFETCH(qint64, qty);
        QFETCH(qint64, packages);
        QFETCH(qint64, amount);
        QFETCH(qint64, expected);
        const std::vector<ChargeableLine> lines{{kTomato, thousandths(qty), packages, rupees(amount)}};
        const auto applied =
            applyCharges(lines, {rule("X", static_cast<ChargeBasis>(basis), rate, ChargePayer::Buyer)});
        QVERIFY(applied.ok());
        QCOMPARE(applied->at(0).size(), size_t(1));
        QCOMPARE(applied->at(0).at(0).amount.minor(), expected);
        QVERIFY(verifyAppliedCharges(lines, *applied).ok());
    }

    void perBillSplitsExactly() {
        // ₹10.00 over three lines of 1 : 1 : 1 → 3.34, 3.33, 3.33 (largest remainder, earlier first).
        const std::vector<ChargeableLine> lines{{kTomato, thousandths(1000), 0, rupees(5000)},
                                                {kTomato, thousandths(1000), 0, rupees(5000)},
                                                {kOnion, thousandths(1000), 0, rupees(5000)}};
        const auto applied =
            applyCharges(lines, {rule("BILL", ChargeBasis::PerBill, 1000, ChargePayer::Buyer)});
        QVERIFY(applied.ok());
        QCOMPARE(applied->at(0).at(0).amount.minor(), 334);
        QCOMPARE(applied->at(1).at(0).amount.minor(), 333);
        QCOMPARE(applied->at(2).at(0).amount.minor(), 333);
        QVERIFY(verifyAppliedCharges(lines, *applied).ok());
        // Moving a paisa between the shares keeps the sum but breaks the proportion: caught.
        auto tampered = *applied;
        tampered[0][0].amount = rupees(333);
        tampered[1][0].amount = rupees(334);
        QVERIFY(!verifyAppliedCharges(lines, tampered).ok());
    }

    void productFilter() {
        const std::vector<ChargeableLine> lines{{kTomato, thousandths(2000), 2, rupees(1000)},
                                                {kOnion, thousandths(2000), 2, rupees(3000)}};
        const auto applied =
            applyCharges(lines, {rule("ONI", ChargeBasis::PerBill, 100, ChargePayer::Farmer, kOnion),
                                 rule("CESS", ChargeBasis::Percent, 100, ChargePayer::Buyer)});
        QVERIFY(applied.ok());
        QCOMPARE(applied->at(0).size(), size_t(1)); // CESS only
        QCOMPARE(applied->at(0).at(0).code, QStringLiteral("CESS"));
        QCOMPARE(applied->at(1).size(), size_t(2));
        QCOMPARE(applied->at(1).at(0).amount.minor(), 100); // the whole bill charge on the only onion line
        QCOMPARE(chargesPaidBy(applied->at(1), ChargePayer::Farmer).minor(), 100);
        QCOMPARE(chargesPaidBy(applied->at(1), ChargePayer::Buyer).minor(), 30);
        QVERIFY(verifyAppliedCharges(lines, *applied).ok());
    }

    void tamperedAmountIsCaught() {
        const std::vector<ChargeableLine> lines{{kTomato, thousandths(10000), 4, rupees(20000)}};
        auto result = applyCharges(lines, {rule("HAM", ChargeBasis::PerPackage, 250, ChargePayer::Farmer)});
        QVERIFY(result.ok());
        auto applied = std::make_unique<std::vector<std::vector<AppliedCharge>>>(*result);
        (*applied)[0][0].amount = rupees(1001);
        QVERIFY(!verifyAppliedCharges(lines, *applied).ok());
        (*applied)[0][0].amount = rupees(1000);
        QVERIFY(verifyAppliedCharges(lines, *applied).ok());
        (*applied)[0][0].rate = -1;
        QVERIFY(!verifyAppliedCharges(lines, *applied).ok());
    }

    void validation_data() {
        QTest::addColumn<int>("basis");
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<bool>("valid");
        QTest::newRow("negative") << static_cast<int>(ChargeBasis::PerLine) << -1LL << false;
        QTest::newRow("101 %") << static_cast<int>(ChargeBasis::Percent) << 10100LL << false;
        QTest::newRow("100 %") << static_cast<int>(ChargeBasis::Percent) << 10000LL << true;
        QTest::newRow("zero") << static_cast<int>(ChargeBasis::PerBill) << 0LL << true;
        QTest::newRow("huge") << static_cast<int>(ChargeBasis::PerUnit) << Money::kMaxInput + 1 << false;
        QTest::newRow("max") << static_cast<int>(ChargeBasis::PerUnit) << Money::kMaxInput << true;
    }
    void validation() {
        QFETCH(int, basis);
        QFETCH(qint64, rate);
        QFETCH(bool, valid);
        QCOMPARE(rule("X", static_cast<ChargeBasis>(basis), rate, ChargePayer::Buyer).validate().ok(), valid);
    }

    void overflowIsAnError() {
        const std::vector<ChargeableLine> lines{
            {kTomato, Quantity::fromThousandths(Quantity::kMaxInput), 0, rupees(1)}};
        const auto applied =
            applyCharges(lines, {rule("BIG", ChargeBasis::PerUnit, Money::kMaxInput, ChargePayer::Buyer)});
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().code, ErrorCode::InvalidInput);
    }

    void packagesInProportion_data() {
        QTest::addColumn<qint64>("lotPackages");
        QTest::addColumn<qint64>("lotQty");
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("no packages") << 0LL << 100000LL << 5000LL << 0LL;
        QTest::newRow("half of 10 bags") << 10LL << 500000LL << 250000LL << 5LL;
        QTest::newRow("a sliver still takes one") << 10LL << 500000LL << 1LL << 1LL;
        QTest::newRow("2.5 rounds up") << 5LL << 100000LL << 50000LL << 3LL;
        QTest::newRow("whole lot") << 7LL << 350000LL << 350000LL << 7LL;
    }
    void packagesInProportion() {
        QFETCH(qint64, lotPackages);
        QFETCH(qint64, lotQty);
        QFETCH(qint64, qty);
        QFETCH(qint64, expected);
        QCOMPARE(packagesForShare(lotPackages, thousandths(lotQty), thousandths(qty)), expected);
    }

    void saleArithmeticIncludesCharges() {
        SaleDoc s;
        s.id = newId();
        s.shopId = newId();
        s.terminalId = newId();
        s.receiptSeq = 1;
        s.receiptNo = QStringLiteral("HYD01-1-000001");
        s.cashierId = newId();
        SaleLineDoc l;
        l.id = newId();
        l.lineNo = 1;
        l.lotId = newId();
        l.productId = kTomato;
        l.farmerId = newId();
        l.qty = thousandths(10000);
        l.price = rupees(2500); // ₹25/kg × 10 kg = ₹250.00
        l.amount = rupees(25000);
        l.commissionBp = 500;
        l.commission = rupees(1250);
        l.packages = 2;
        l.charges = *applyCharges({{kTomato, l.qty, 2, l.amount}},
                                  {rule("CESS", ChargeBasis::Percent, 100, ChargePayer::Buyer),
                                   rule("HAM", ChargeBasis::PerPackage, 500, ChargePayer::Farmer)})
                         ->begin();
        l.buyerCharges = rupees(250);
        l.farmerCharges = rupees(1000);
        l.farmerNet = rupees(25000 - 1250 - 1000);
        s.lines = {l};
        s.total = rupees(25250);
        s.paid = s.total;
        s.tendered = s.total;
        s.payments = {PaymentDoc{newId(), PaymentMethod::Cash, s.total, {}}};
        QVERIFY2(s.verifyArithmetic().ok(), qPrintable(problem(s.verifyArithmetic())));

        // The wire form carries every field and reads back to the same arithmetic.
        const auto back = SaleDoc::fromJson(s.toJson());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->lines.at(0).charges.size(), size_t(2));
        QCOMPARE(back->lines.at(0).packages, 2);
        QVERIFY(back->verifyArithmetic().ok());

        // Commission paid by the buyer: on the bill, not deducted from the farmer.
        SaleDoc byBuyer = s;
        byBuyer.commissionByBuyer = true;
        QVERIFY(!byBuyer.verifyArithmetic().ok());
        byBuyer.lines[0].farmerNet = rupees(25000 - 1000);
        byBuyer.total = rupees(25000 + 250 + 1250);
        byBuyer.paid = byBuyer.tendered = byBuyer.total;
        byBuyer.payments[0].amount = byBuyer.total;
        QVERIFY2(byBuyer.verifyArithmetic().ok(), qPrintable(problem(byBuyer.verifyArithmetic())));
        QCOMPARE(SaleDoc::fromJson(byBuyer.toJson())->commissionByBuyer, true);

        // Each kind of tampering is refused, never fixed.
        SaleDoc bad = s;
        bad.lines[0].charges[0].amount = rupees(251);
        QVERIFY(!bad.verifyArithmetic().ok());
        bad = s;
        bad.lines[0].buyerCharges = rupees(0);
        QVERIFY(!bad.verifyArithmetic().ok());
        bad = s;
        bad.lines[0].packages = 3; // the per-package charge no longer matches
        QVERIFY(!bad.verifyArithmetic().ok());
        bad = s;
        bad.total = rupees(25000);
        QVERIFY(!bad.verifyArithmetic().ok());

        // A sale from a counter that predates charges (no new fields) still reads and checks.
        QJsonObject old = s.toJson();
        QJsonArray lines = old.value(QStringLiteral("lines")).toArray();
        QJsonObject line = lines.at(0).toObject();
        for (const char* key : {"packages", "charges", "buyerCharges", "farmerCharges"})
            line.remove(QLatin1String(key));
        line.insert(QStringLiteral("farmerNet"), 25000 - 1250);
        lines[0] = line;
        old.insert(QStringLiteral("lines"), lines);
        old.remove(QStringLiteral("commissionPayer"));
        old.insert(QStringLiteral("total"), 25000);
        old.insert(QStringLiteral("paid"), 25000);
        old.insert(QStringLiteral("tendered"), 25000);
        QJsonArray pays = old.value(QStringLiteral("payments")).toArray();
        QJsonObject pay = pays.at(0).toObject();
        pay.insert(QStringLiteral("amount"), 25000);
        pays[0] = pay;
        old.insert(QStringLiteral("payments"), pays);
        const auto legacy = SaleDoc::fromJson(old);
        QVERIFY2(legacy.ok(), qPrintable(legacy.ok() ? QString() : legacy.error().message));
        QVERIFY(legacy->verifyArithmetic().ok());
        QCOMPARE(legacy->commissionByBuyer, false);

        // Unknown names are refused with the field named.
        QJsonObject wrong = s.toJson();
        wrong.insert(QStringLiteral("commissionPayer"), QStringLiteral("both"));
        const auto refused = SaleDoc::fromJson(wrong);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("commissionPayer")));
    }
};

QTEST_GUILESS_MAIN(TestChargeRules)
#include "tst_charge_rules.moc"
