#include "StoreFixture.h"
#include "services/CashSessionService.h"
#include "services/FarmerPaymentService.h"

using namespace market::test;

class TestFarmerPayment : public QObject {
    Q_OBJECT
    StoreFixture f;
    PartyDoc m_farmer;
    LotDoc m_lot;

    Result<SaleDoc> sell(QStringView quantity, QStringView price) {
        SaleRequest r;
        r.lines = {StoreFixture::line(m_lot.id, quantity, price)};
        const Money total = *Money::lineAmount(qty(quantity), money(price));
        r.payments = {PaymentRequest{PaymentMethod::Upi, total, {}}};
        return f.sales().sell(f.cashier, r);
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        auto farmer = f.farmer(QStringLiteral("వెంకటేశ్వర రావు"));
        MARKET_REQUIRE_OK(farmer);
        m_farmer = *farmer;
        auto product = f.product(QStringLiteral("Onion"));
        MARKET_REQUIRE_OK(product);
        MARKET_REQUIRE_OK(f.flatRule(std::nullopt, 500)); // 5 %
        auto lot = f.lot(farmer->id, product->id, qty(u"500"));
        MARKET_REQUIRE_OK(lot);
        m_lot = *lot;
    }

    void payableFollowsSalesAndPayments() {
        FarmerPaymentService pay(f.store());
        MARKET_REQUIRE_OK(sell(u"100", u"20"));      // 2000, commission 100, net 1900
        MARKET_REQUIRE_OK(sell(u"33.333", u"17.5")); // 583.33 (583.3275 → .33), commission 29.17, net 554.16
        auto payable = pay.payable(m_farmer.id);
        MARKET_REQUIRE_OK(payable);
        QCOMPARE(*payable, money(u"2454.16"));
        QCOMPARE(*payable,
                 Money::fromMinor(f.integer(QStringLiteral("SELECT sum(farmer_net) FROM sale_line"))));

        MARKET_REQUIRE_OK(
            pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Advance, money(u"500"), PaymentMethod::Cash));
        MARKET_REQUIRE_OK(pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"1000"),
                                  PaymentMethod::BankTransfer, QStringLiteral("NEFT 42")));
        QCOMPARE(*pay.payable(m_farmer.id), money(u"954.16"));

        // A settlement beyond what is payable is refused and writes nothing.
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"954.17"),
                                     PaymentMethod::Upi),
                             ErrorCode::Overpayment);
        QCOMPARE(f.dump(), before);
        MARKET_REQUIRE_OK(pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"954.16"),
                                  PaymentMethod::Upi));
        QCOMPARE(*pay.payable(m_farmer.id), Money{});

        // Farmer balances report agrees.
        auto balances = f.reports().farmerBalances();
        MARKET_REQUIRE_OK(balances);
        QCOMPARE(balances->size(), size_t{1});
        QCOMPARE(balances->front().payable, Money{});
        QCOMPARE(balances->front().paid, money(u"2454.16"));
    }

    void statementByPeriod() {
        FarmerPaymentService pay(f.store());
        const qint64 day = 86'400'000;
        MARKET_REQUIRE_OK(sell(u"10", u"10")); // day 0: 100, net 95
        MARKET_REQUIRE_OK(
            pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Advance, money(u"40"), PaymentMethod::Upi));
        f.clock.advanceMs(day);
        const qint64 periodStart = f.clock.nowMs();
        MARKET_REQUIRE_OK(sell(u"20", u"10")); // day 1: 200, net 190
        MARKET_REQUIRE_OK(pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"100"),
                                  PaymentMethod::Cash));
        f.clock.advanceMs(day);
        const qint64 periodEnd = f.clock.nowMs();
        MARKET_REQUIRE_OK(sell(u"5", u"10")); // day 2: outside the period

        auto st = pay.statement(m_farmer.id, periodStart, periodEnd);
        MARKET_REQUIRE_OK(st);
        QCOMPARE(st->openingBalance, money(u"55"));
        QCOMPARE(st->lines.size(), size_t{1});
        QCOMPARE(st->lines.front().qty, qty(u"20"));
        QCOMPARE(st->lines.front().lotCode, m_lot.code);
        QCOMPARE(st->soldAmount, money(u"200"));
        QCOMPARE(st->commission, money(u"10"));
        QCOMPARE(st->farmerNet, money(u"190"));
        QCOMPARE(st->settlements, money(u"100"));
        QCOMPARE(st->advances, Money{});
        QCOMPARE(st->closingBalance, money(u"145"));
        QCOMPARE(st->farmer.name, QStringLiteral("వెంకటేశ్వర రావు"));

        MARKET_REQUIRE_ERROR(pay.statement(m_farmer.id, periodEnd, periodStart), ErrorCode::InvalidInput);
    }

    void refusals() {
        FarmerPaymentService pay(f.store());
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(
            pay.pay(f.cashier, m_farmer.id, FarmerPaymentKind::Advance, money(u"1"), PaymentMethod::Upi),
            ErrorCode::Forbidden);
        MARKET_REQUIRE_ERROR(
            pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Advance, money(u"0"), PaymentMethod::Upi),
            ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(
            pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Advance, money(u"-5"), PaymentMethod::Upi),
            ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(pay.pay(f.manager, f.store().newId(), FarmerPaymentKind::Advance, money(u"5"),
                                     PaymentMethod::Upi),
                             ErrorCode::NotFound);
        auto buyer = f.buyer(QStringLiteral("Not a farmer"), Money{});
        MARKET_REQUIRE_OK(buyer);
        const QByteArray withBuyer = f.dump();
        MARKET_REQUIRE_ERROR(
            pay.pay(f.manager, buyer->id, FarmerPaymentKind::Advance, money(u"5"), PaymentMethod::Upi),
            ErrorCode::NotFound);
        MARKET_REQUIRE_ERROR(pay.pay(f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"0.01"),
                                     PaymentMethod::Upi),
                             ErrorCode::Overpayment); // nothing sold yet
        QCOMPARE(f.dump(), withBuyer);
        Q_UNUSED(before);
    }
};

QTEST_GUILESS_MAIN(TestFarmerPayment)
#include "tst_farmer_payment.moc"
