#pragma once

// A shop for the GUI tests: a real SQLite store in a temporary folder with an owner, a cashier
// (PIN 1111), a manager (PIN 2222), two buyers, a farmer, two products, a 5 % commission rule
// and two lots. Password hashing is slow by design: five hashes, made once per test program.

#include "AppContext.h"
#include "controllers/SessionController.h"
#include "controllers/SyncStatusSource.h"
#include "store/Outbox.h"
#include "widgets/MainWindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace market::ui::test {

struct UiFixture {
    QTemporaryDir dir;
    core::ManualClock clock{1'764'000'000'000}; // 24 Nov 2025, fixed: ages and dates repeat
    std::unique_ptr<core::Store> store;
    std::unique_ptr<AppContext> ctx;
    core::Session owner;
    core::PartyDoc trader;     ///< B: credit limit ₹50,000
    core::PartyDoc smallBuyer; ///< credit limit ₹1,000
    core::PartyDoc farmer;
    core::ProductDoc tomato;
    core::ProductDoc banana;
    core::LotDoc tomatoLot; ///< 500 kg
    core::LotDoc bananaLot; ///< 40 dozen
    QString receiptFile;

    /// With `enrolment`, the store is a counter enrolled with a server before its shop is made (as
    /// `marketctl enrol` then the setup wizard leave it): the shop takes the enrolled ids.
    bool setUp(const std::optional<core::Enrolment>& enrolment = std::nullopt) {
        if (!dir.isValid())
            return false;
        auto opened = core::Store::open(dir.filePath(QStringLiteral("test.sqlite")), clock);
        if (!opened.ok())
            return fail(opened.error());
        store = std::move(opened).value();
        if (enrolment)
            if (auto enrolled = core::Outbox::setEnrolment(*store, *enrolment); !enrolled.ok())
                return fail(enrolled.error());
        Preferences prefs;
        receiptFile = dir.filePath(QStringLiteral("receipts.bin"));
        prefs.receiptTarget = QStringLiteral("file:") + receiptFile;
        prefs.idleLockMinutes = 0;
        ctx = std::make_unique<AppContext>(*store, prefs);

        core::StandaloneShopRequest shop;
        shop.shopCode = QStringLiteral("HYD01");
        shop.shopName = QStringLiteral("Test Mandi");
        shop.ownerUsername = QStringLiteral("owner");
        shop.ownerDisplayName = QStringLiteral("Owner");
        shop.ownerPassword = QStringLiteral("owner-pass-1");
        auto o = ctx->setup.createStandaloneShop(shop);
        if (!o.ok())
            return fail(o.error());
        owner = *o;
        using core::Role;
        if (auto u =
                ctx->auth.createUser(owner, {QStringLiteral("cashier"), QStringLiteral("Ravi"), Role::Cashier,
                                             QStringLiteral("cashier-pass-1"), QStringLiteral("1111")});
            !u.ok())
            return fail(u.error());
        if (auto u = ctx->auth.createUser(owner, {QStringLiteral("manager"), QStringLiteral("Lakshmi"),
                                                  Role::Manager, QStringLiteral("manager-pass-1"),
                                                  QStringLiteral("2222")});
            !u.ok())
            return fail(u.error());
        core::CommissionRule rule;
        rule.flatRateBp = 500;
        if (auto r = ctx->catalog.setCommissionRule(owner, std::nullopt, rule); !r.ok())
            return fail(r.error());
        auto p1 = ctx->catalog.createProduct(
            owner, {{}, QStringLiteral("Tomato"), core::Category::Vegetable, core::Unit::Kg});
        auto p2 = ctx->catalog.createProduct(
            owner, {{}, QStringLiteral("Banana"), core::Category::Fruit, core::Unit::Dozen});
        if (!p1.ok() || !p2.ok())
            return fail(p1.ok() ? p2.error() : p1.error());
        tomato = *p1;
        banana = *p2;
        auto f = ctx->parties.create(
            owner,
            {core::PartyKind::Farmer, {}, QStringLiteral("रमेश यादव"), QStringLiteral("9848012345"), {}});
        auto b1 = ctx->parties.create(owner, {core::PartyKind::Buyer,
                                              {},
                                              QStringLiteral("Lakshmi Traders"),
                                              QStringLiteral("9000011111"),
                                              core::Money::fromMinor(5'000'000)});
        auto b2 = ctx->parties.create(owner, {core::PartyKind::Buyer,
                                              {},
                                              QStringLiteral("Small Shop"),
                                              QStringLiteral("9000022222"),
                                              core::Money::fromMinor(100'000)});
        if (!f.ok() || !b1.ok() || !b2.ok())
            return fail(!f.ok() ? f.error() : !b1.ok() ? b1.error() : b2.error());
        farmer = *f;
        trader = *b1;
        smallBuyer = *b2;
        core::ArrivalRequest a;
        a.farmerId = farmer.id;
        a.productId = tomato.id;
        a.grossQty = core::Quantity::fromUnits(520);
        a.tareQty = core::Quantity::fromUnits(20);
        a.packages = 20;
        a.grade = QStringLiteral("A");
        auto l1 = ctx->arrivals.recordArrival(owner, a);
        core::ArrivalRequest b;
        b.farmerId = farmer.id;
        b.productId = banana.id;
        b.netQty = core::Quantity::fromUnits(40);
        auto l2 = ctx->arrivals.recordArrival(owner, b);
        if (!l1.ok() || !l2.ok())
            return fail(l1.ok() ? l2.error() : l1.error());
        tomatoLot = *l1;
        bananaLot = *l2;
        // The shop requires an open drawer for cash: the counter opens its day with ₹1,000.
        if (auto drawer = ctx->cash.open(owner, core::Money::fromMinor(100'000)); !drawer.ok())
            return fail(drawer.error());
        return true;
    }

    bool fail(const core::Error& e) {
        qWarning("fixture: %s", qPrintable(e.message));
        return false;
    }

    QByteArray receiptBytes() const {
        QFile f(receiptFile);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

/// Logs in through the login screen's widgets with key events.
inline bool loginWithKeys(MainWindow& window, const QString& username, const QString& pin) {
    auto* user = window.findChild<QComboBox*>(QStringLiteral("loginUser"));
    auto* secret = window.findChild<QLineEdit*>(QStringLiteral("loginSecret"));
    if (!user || !secret)
        return false;
    const int index = user->findData(username);
    if (index < 0)
        return false;
    user->setCurrentIndex(index);
    secret->setFocus();
    QTest::keyClicks(secret, pin);
    QTest::keyClick(secret, Qt::Key_Return);
    return window.sessionController().isLoggedIn();
}

} // namespace market::ui::test
