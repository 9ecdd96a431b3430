#pragma once

#include "StoreFixture.h"
#include "services/ExpenseService.h"
#include "services/FarmerPaymentService.h"
#include "services/StockAdjustmentService.h"

namespace market::test {

/// A small known shop history for the report tests (5 % flat commission), times from kStartMs:
///   lots  L1 Ramu/Rose 100 kg, L2 Sita/Marigold 50 kg, L3 Ramu/Marigold 20 kg   (day 0)
///   day 0   s1 buyer Anand: L1 10 kg × 100 + L2 5 kg × 40 = 1200; cash 200, credit 1000
///   day 1   s2 walk-in:     L1 2 kg × 100 = 200 cash
///   day 1   s3 buyer Bala:  L3 4 kg × 50 = 200; upi 50, credit 150
///   day 2   L2 adjusted 2 kg (damage); expense wage 450 cash; advance to Ramu 100 cash
///   day 10  Anand pays 300 cash (FIFO: s1's credit)
///   day 40  s4 Anand:       L2 10 kg × 30 = 300 credit; expense rent 12000 bank
/// Names carry commas, quotes and Telugu (names refuse control characters; the
/// CSV test covers newlines on its own) so every CSV export meets them.
struct ReportScenario {
    static constexpr qint64 kDay = 86'400'000;
    PartyDoc ramu, sita, anand, bala;
    ProductDoc rose, marigold;
    LotDoc l1, l2, l3;
    SaleDoc s1, s2, s3, s4;

    qint64 day(int n) const { return StoreFixture::kStartMs + n * kDay; }

    template <typename R> static Status done(const R& r) {
        if (!r.ok())
            return r.error();
        return okStatus();
    }

    Status build(StoreFixture& f) {
        const auto take = [](auto r, auto& into) -> Status {
            if (!r.ok())
                return r.error();
            into = std::move(r).value();
            return okStatus();
        };
        f.clock.setMs(day(0)); // reset() keeps the clock where the last test left it
        MARKET_TRY(f.flatRule(std::nullopt, 500));
        MARKET_TRY(take(f.farmer(QStringLiteral("Ramu, \"Rose\" Reddy")), ramu));
        MARKET_TRY(take(f.farmer(QStringLiteral("సీత")), sita));
        MARKET_TRY(take(f.buyer(QStringLiteral("Anand Traders"), money(u"10000")), anand));
        MARKET_TRY(take(f.buyer(QStringLiteral("Bala \"Grand\" Hotel"), money(u"5000")), bala));
        MARKET_TRY(take(f.product(QStringLiteral("Rose")), rose));
        MARKET_TRY(take(f.product(QStringLiteral("బంతి పూలు, yellow")), marigold));
        MARKET_TRY(take(f.lot(ramu.id, rose.id, qty(u"100")), l1));
        MARKET_TRY(take(f.lot(sita.id, marigold.id, qty(u"50")), l2));
        MARKET_TRY(take(f.lot(ramu.id, marigold.id, qty(u"20")), l3));

        SaleService sales = f.sales();
        f.clock.setMs(day(0) + 60'000);
        MARKET_TRY(take(sales.sell(f.cashier, SaleRequest{anand.id,
                                                          {},
                                                          {},
                                                          {StoreFixture::line(l1.id, u"10", u"100"),
                                                           StoreFixture::line(l2.id, u"5", u"40")},
                                                          {StoreFixture::pay(PaymentMethod::Cash, u"200")},
                                                          {}}),
                        s1));
        f.clock.setMs(day(1) + 60'000);
        MARKET_TRY(take(sales.sell(f.cashier, SaleRequest{std::nullopt,
                                                          {},
                                                          {},
                                                          {StoreFixture::line(l1.id, u"2", u"100")},
                                                          {StoreFixture::pay(PaymentMethod::Cash, u"200")},
                                                          {}}),
                        s2));
        f.clock.setMs(day(1) + 120'000);
        MARKET_TRY(take(sales.sell(f.cashier, SaleRequest{bala.id,
                                                          {},
                                                          {},
                                                          {StoreFixture::line(l3.id, u"4", u"50")},
                                                          {StoreFixture::pay(PaymentMethod::Upi, u"50")},
                                                          {}}),
                        s3));
        f.clock.setMs(day(2) + 60'000);
        AdjustmentRequest adj;
        adj.lotId = l2.id;
        adj.qty = qty(u"2");
        adj.reason = AdjustmentReason::Damage;
        MARKET_TRY(done(StockAdjustmentService(f.store()).adjust(f.cashier, adj)));
        MARKET_TRY(done(ExpenseService(f.store()).record(f.cashier, ExpenseCategory::Wage, money(u"450"),
                                                         PaymentMethod::Cash)));
        MARKET_TRY(done(FarmerPaymentService(f.store()).pay(f.manager, ramu.id, FarmerPaymentKind::Advance,
                                                            money(u"100"), PaymentMethod::Cash)));
        f.clock.setMs(day(10) + 60'000);
        MARKET_TRY(done(f.collections().collect(f.cashier, anand.id, money(u"300"), PaymentMethod::Cash)));
        f.clock.setMs(day(40) + 60'000);
        MARKET_TRY(
            take(sales.sell(f.cashier,
                            SaleRequest{anand.id, {}, {}, {StoreFixture::line(l2.id, u"10", u"30")}, {}, {}}),
                 s4));
        MARKET_TRY(done(ExpenseService(f.store()).record(f.manager, ExpenseCategory::Rent, money(u"12000"),
                                                         PaymentMethod::BankTransfer)));
        f.clock.setMs(day(45));
        return okStatus();
    }
};

} // namespace market::test
