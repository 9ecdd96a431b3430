#include "DemoShop.h"

#include "AppContext.h"
#include "services/ChargeService.h"
#include "services/PriceService.h"

namespace market::ui {

core::Status DemoShop::createIfEmpty(AppContext& ctx) {
    using namespace core;
    if (ctx.store.identity())
        return okStatus();
    StandaloneShopRequest shop;
    shop.shopCode = QStringLiteral("HYD01");
    shop.shopName = QStringLiteral("Sri Venkateswara Commission Agents");
    shop.terminalNumber = 1;
    shop.terminalName = QStringLiteral("Counter 1");
    shop.ownerUsername = QStringLiteral("owner");
    shop.ownerDisplayName = QStringLiteral("Owner");
    shop.ownerPassword = QStringLiteral("owner-pass-1");
    auto owner = ctx.setup.createStandaloneShop(shop);
    if (!owner.ok())
        return owner.error();
    const Session& o = *owner;

    auto user = [&](const QString& name, const QString& display, Role role, const QString& password,
                    const QString& pin) -> Status {
        auto u = ctx.auth.createUser(o, NewUserRequest{name, display, role, password, pin});
        return u.ok() ? okStatus() : Status(u.error());
    };
    MARKET_TRY(user(QStringLiteral("manager"), QStringLiteral("Manager Lakshmi"), Role::Manager,
                    QStringLiteral("manager-pass-1"), QStringLiteral("2222")));
    MARKET_TRY(user(QStringLiteral("cashier"), QStringLiteral("Cashier Ravi"), Role::Cashier,
                    QStringLiteral("cashier-pass-1"), QStringLiteral("1111")));

    CommissionRule rule;
    rule.kind = CommissionKind::Flat;
    rule.flatRateBp = 500;
    if (auto r = ctx.catalog.setCommissionRule(o, std::nullopt, rule); !r.ok())
        return r.error();
    // The usual mandi charges: a market fee on the bill, hamali per bag from the farmer.
    ChargeService charges(ctx.store);
    if (auto r = charges.set(o, ChargeRule{{},
                                           QStringLiteral("CESS"),
                                           QStringLiteral("Market fee"),
                                           ChargeBasis::Percent,
                                           100,
                                           ChargePayer::Buyer,
                                           {}});
        !r.ok())
        return r.error();
    if (auto r = charges.set(o, ChargeRule{{},
                                           QStringLiteral("HAMALI"),
                                           QStringLiteral("Hamali"),
                                           ChargeBasis::PerPackage,
                                           200,
                                           ChargePayer::Farmer,
                                           {}});
        !r.ok())
        return r.error();

    struct P {
        const char* name;
        Category category;
        Unit unit;
        qint64 ratePaise; ///< today's rate per unit, pre-filled on the sale line
    };
    const P products[] = {{"Tomato", Category::Vegetable, Unit::Kg, 2400},
                          {"Onion", Category::Vegetable, Unit::Kg, 3200},
                          {"Marigold", Category::Flower, Unit::Kg, 6000},
                          {"Banana", Category::Fruit, Unit::Dozen, 4500},
                          {"Rose", Category::Flower, Unit::Bunch, 3000}};
    PriceService prices(ctx.store);
    std::vector<ProductDoc> made;
    for (const auto& p : products) {
        auto doc = ctx.catalog.createProduct(
            o, NewProductRequest{{}, QString::fromUtf8(p.name), p.category, p.unit});
        if (!doc.ok())
            return doc.error();
        if (auto rate = prices.set(o, doc->id, Money::fromMinor(p.ratePaise)); !rate.ok())
            return rate.error();
        made.push_back(*doc);
    }

    const char* farmers[][2] = {{"Ramesh Yadav", "9848012345"},
                                {"रमेश यादव", "9848022222"},
                                {"రాము నాయుడు", "9848033333"},
                                {"Suresh Reddy", ""}};
    std::vector<PartyDoc> farmerDocs;
    for (const auto& f : farmers) {
        auto doc = ctx.parties.create(
            o, NewPartyRequest{
                   PartyKind::Farmer, {}, QString::fromUtf8(f[0]), QString::fromUtf8(f[1]), Money{}});
        if (!doc.ok())
            return doc.error();
        farmerDocs.push_back(*doc);
    }
    struct B {
        const char* name;
        const char* phone;
        qint64 limitRupees;
    };
    const B buyers[] = {{"Sri Lakshmi Traders", "9000011111", 50000},
                        {"Hotel Annapurna", "9000022222", 20000},
                        {"गुप्ता सब्ज़ी भंडार", "9000033333", 10000},
                        {"Cash Only Stores", "", 0}};
    std::vector<PartyDoc> buyerDocs;
    for (const auto& b : buyers) {
        auto doc = ctx.parties.create(o, NewPartyRequest{PartyKind::Buyer,
                                                         {},
                                                         QString::fromUtf8(b.name),
                                                         QString::fromUtf8(b.phone),
                                                         Money::fromMinor(b.limitRupees * 100)});
        if (!doc.ok())
            return doc.error();
        buyerDocs.push_back(*doc);
    }

    struct L {
        int farmer;
        int product;
        qint64 grossKg;
        qint64 tareKg;
        qint64 packages;
        const char* grade;
    };
    const L lots[] = {{0, 0, 520, 20, 20, "A"}, {1, 0, 310, 10, 12, "B"}, {2, 1, 1050, 50, 20, "A"},
                      {3, 2, 205, 5, 10, "A"},  {1, 3, 40, 0, 0, ""},     {2, 4, 60, 0, 0, ""}};
    std::vector<LotDoc> lotDocs;
    for (const auto& l : lots) {
        ArrivalRequest r;
        r.farmerId = farmerDocs[static_cast<size_t>(l.farmer)].id;
        r.productId = made[static_cast<size_t>(l.product)].id;
        if (l.tareKg > 0) {
            r.grossQty = Quantity::fromUnits(l.grossKg);
            r.tareQty = Quantity::fromUnits(l.tareKg);
        } else {
            r.netQty = Quantity::fromUnits(l.grossKg);
        }
        r.packages = l.packages;
        r.grade = QString::fromUtf8(l.grade);
        auto lot = ctx.arrivals.recordArrival(o, r);
        if (!lot.ok())
            return lot.error();
        lotDocs.push_back(*lot);
    }
    // The day starts with ₹2,000 in the drawer, so cash sales work at once.
    if (auto drawer = ctx.cash.open(o, Money::fromMinor(200'000)); !drawer.ok())
        return drawer.error();
    // The morning's first bills: a trader on part credit, a walk-in paying cash.
    SaleRequest credit;
    credit.buyerId = buyerDocs[0].id;
    credit.lines = {{lotDocs[0].id, Quantity::fromUnits(25), Money::fromMinor(4'000)},
                    {lotDocs[2].id, Quantity::fromUnits(10), Money::fromMinor(3'000)}};
    credit.payments = {{PaymentMethod::Upi, Money::fromMinor(50'000), QStringLiteral("UTR20251124")}};
    if (auto sale = ctx.sales.sell(o, credit); !sale.ok())
        return sale.error();
    SaleRequest walkin;
    walkin.walkinName = QStringLiteral("Walk-in");
    walkin.lines = {{lotDocs[1].id, Quantity::fromUnits(5), Money::fromMinor(4'200)}};
    // ₹210.00 of onions and ₹2.10 market fee: a ₹500 note, change given.
    walkin.payments = {{PaymentMethod::Cash, Money::fromMinor(50'000), {}}};
    if (auto sale = ctx.sales.sell(o, walkin); !sale.ok())
        return sale.error();
    return okStatus();
}

} // namespace market::ui
