#pragma once

// A counter for the sync tests, made the way a real one is: a SQLite store enrolled with the
// (running) test server, set up through SetupService and stocked through the services. Also what
// the tests compare after a sync: the server's feed of a terminal's sales, and the balances a
// counter derives (lot stock, buyer outstanding, farmer payable) against PostgreSQL's.

#include "SyncFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <engine/SyncEngine.h>
#include <memory>
#include <services/ArrivalService.h>
#include <services/CashSessionService.h>
#include <services/CatalogService.h>
#include <services/PartyService.h>
#include <services/SaleService.h>
#include <services/SetupService.h>
#include <store/Outbox.h>
#include <store/Store.h>

namespace market::sync::test {

/// The system clock moved by a fixed offset: a counter whose clock is wrong (0: a correct one).
class OffsetClock final : public core::Clock {
public:
    explicit OffsetClock(qint64 offsetMs = 0)
        : m_offsetMs(offsetMs) {}
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_offsetMs; }
    void setOffsetMs(qint64 offsetMs) { m_offsetMs = offsetMs; }

private:
    qint64 m_offsetMs;
};

/// One counter: its own SQLite file, its clock, the owner's session and what it sells from.
struct Counter {
    QTemporaryDir dir;
    OffsetClock clock;
    std::unique_ptr<core::Store> store;
    core::Session owner;
    core::Enrolment enrolment;
    core::Uuid lotId, farmerId, buyerId; ///< set by stockCounter()

    QString path() const { return dir.filePath(QStringLiteral("counter.db")); }
    qint64 outboxCount() { return *core::Outbox::pendingCount(*store); }
};

inline const QString& ownerPassword() {
    static const QString p = QStringLiteral("owner-secret-1");
    return p;
}

/// Opens `c`'s store, enrols it in `shopCode` with a one-time code and sets it up with its own
/// owner login (a username is one person across the shop). False (with a warning) on failure.
inline bool joinShop(Counter& c, server::test::ServerProcess& server, const DeviceKeychain& keychain,
                     const QString& shopCode, const QString& enrolCode, const QString& ownerName,
                     const QString& terminalName) {
    auto store = core::Store::open(c.path(), c.clock);
    if (!store.ok())
        return false;
    c.store = std::move(store).value();
    auto enrolled = SyncEngine::enrol(*c.store, keychain, serverUrl(server), shopCode, enrolCode,
                                      terminalName, SyncOptions{});
    if (!enrolled.ok()) {
        qWarning() << enrolled.error().message;
        return false;
    }
    c.enrolment = enrolled->enrolment;
    core::StandaloneShopRequest shop;
    shop.shopCode = shopCode;
    shop.shopName = QStringLiteral("Sync test market");
    shop.ownerUsername = ownerName;
    shop.ownerPassword = ownerPassword();
    auto owner = core::SetupService(*c.store).createStandaloneShop(shop);
    if (!owner.ok()) {
        qWarning() << owner.error().message;
        return false;
    }
    c.owner = *owner;
    return true;
}

/// A farmer, a buyer with credit, a product, a flat 8 % commission, an open drawer (cash sales
/// need one) and a lot of 100,000 kg to sell from.
inline bool stockCounter(Counter& c) {
    using namespace core;
    auto farmer = PartyService(*c.store).create(
        c.owner, NewPartyRequest{PartyKind::Farmer, {}, QStringLiteral("Ramesh"), {}, {}});
    auto buyer = PartyService(*c.store).create(
        c.owner,
        NewPartyRequest{
            PartyKind::Buyer, {}, QStringLiteral("Suresh Traders"), {}, Money::fromMinor(50'000'000)});
    auto product = CatalogService(*c.store).createProduct(
        c.owner, NewProductRequest{{}, QStringLiteral("Tomato"), Category::Vegetable, Unit::Kg});
    if (!farmer.ok() || !buyer.ok() || !product.ok())
        return false;
    CommissionRule rule;
    rule.kind = CommissionKind::Flat;
    rule.flatRateBp = 800;
    if (!CatalogService(*c.store).setCommissionRule(c.owner, std::nullopt, rule).ok())
        return false;
    if (!CashSessionService(*c.store).open(c.owner, Money{}).ok())
        return false;
    ArrivalRequest arrival;
    arrival.farmerId = farmer->id;
    arrival.productId = product->id;
    arrival.netQty = Quantity::fromThousandths(100'000'000);
    auto lot = ArrivalService(*c.store).recordArrival(c.owner, arrival);
    if (!lot.ok())
        return false;
    c.lotId = lot->id;
    c.farmerId = farmer->id;
    c.buyerId = buyer->id;
    return true;
}

/// A new shop `shopCode` on the server and a stocked counter enrolled in it; null on failure.
inline std::unique_ptr<Counter> newStockedCounter(server::test::ServerProcess& server,
                                                  const DeviceKeychain& keychain, const QString& shopCode) {
    const QString enrolCode = newShopWithEnrolCode(server, shopCode);
    if (enrolCode.isEmpty())
        return nullptr;
    auto c = std::make_unique<Counter>();
    if (!joinShop(*c, server, keychain, shopCode, enrolCode, QStringLiteral("owner"),
                  QStringLiteral("Counter 1")) ||
        !stockCounter(*c))
        return nullptr;
    return c;
}

/// A cash sale of 1.5 kg at 40.00 from the counter's lot through the real SaleService.
inline core::Result<core::SaleDoc> sellCash(Counter& c) {
    core::SaleRequest r;
    r.lines.push_back(
        core::SaleLineRequest{c.lotId, core::Quantity::fromThousandths(1500), core::Money::fromMinor(4000)});
    r.payments.push_back(core::PaymentRequest{core::PaymentMethod::Cash, core::Money::fromMinor(6000), {}});
    return core::SaleService(*c.store).sell(c.owner, r);
}

/// A credit sale of `qtyThousandths` (1 kg by default) at 25.00 to the counter's buyer from `lot`
/// (the counter's own by default).
inline core::Result<core::SaleDoc> sellCredit(Counter& c, std::optional<core::Uuid> lot = std::nullopt,
                                              std::optional<core::Uuid> buyer = std::nullopt,
                                              qint64 qtyThousandths = 1000) {
    core::SaleRequest r;
    r.buyerId = buyer.value_or(c.buyerId);
    r.lines.push_back(core::SaleLineRequest{lot.value_or(c.lotId),
                                            core::Quantity::fromThousandths(qtyThousandths),
                                            core::Money::fromMinor(2500)});
    return core::SaleService(*c.store).sell(c.owner, r);
}

/// sale.recorded ids of `terminalId` in the server's feed, in feed order, as counters pull it.
inline QStringList fedSales(const server::test::ServerProcess& server, const QString& authorization,
                            const QString& terminalId) {
    QStringList ids;
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        const auto r =
            server.get(QStringLiteral("/api/v1/sync/pull?limit=1000&cursor=") + cursor, authorization);
        if (r.status != 200)
            return {QStringLiteral("pull failed: %1").arg(QString::fromUtf8(r.body))};
        for (const auto& v : r.json.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject ch = v.toObject();
            if (ch.value(QStringLiteral("type")).toString() == core::op::kSaleRecorded &&
                ch.value(QStringLiteral("terminalId")).toString() == terminalId)
                ids << ch.value(QStringLiteral("id")).toString();
        }
        cursor = r.json.value(QStringLiteral("cursor")).toString();
        if (!r.json.value(QStringLiteral("hasMore")).toBool())
            break;
    }
    return ids;
}

/// The same for a counter, with its credential from `keychain`.
inline QStringList fedSales(const server::test::ServerProcess& server, const DeviceKeychain& keychain,
                            const core::Enrolment& enrolment) {
    const QString terminal = enrolment.terminalId.toString();
    const auto secret = keychain.read(terminal);
    if (!secret.ok())
        return {QStringLiteral("no secret: %1").arg(secret.error().message)};
    return fedSales(server, QStringLiteral("Device %1.%2").arg(terminal, *secret), terminal);
}

/// What counters and the server must agree on after a sync.
struct Figures {
    qint64 stock = 0;       ///< of the lot: received − sold + returned − adjusted
    qint64 outstanding = 0; ///< the buyer's open credit
    qint64 payable = 0;     ///< to the farmer: net of sold lines − net of returned lines − paid
    bool operator==(const Figures&) const = default;
};

inline QByteArray text(const Figures& f) {
    return QByteArray("stock ") + QByteArray::number(f.stock) + " outstanding " +
           QByteArray::number(f.outstanding) + " payable " + QByteArray::number(f.payable);
}

inline qint64 scalar(core::Store& store, const char* sql, const core::Uuid& id) {
    core::Statement& s = store.db().prepare(sql);
    s.bind(1, id);
    const qint64 v = s.next() ? s.int64(0) : -1;
    s.reset();
    return v;
}

/// The balances as the counter derives them from its SQLite store.
inline Figures countersFigures(core::Store& store, const core::Uuid& lot, const core::Uuid& buyer,
                               const core::Uuid& farmer) {
    return Figures{
        scalar(
            store,
            "SELECT received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_line WHERE lot_id = ?1) + (SELECT "
            "coalesce(sum(qty), 0) FROM return_line WHERE lot_id = ?1) - (SELECT coalesce(sum(qty), 0) FROM "
            "stock_adjustment WHERE lot_id = ?1) FROM lot WHERE id = ?1",
            lot),
        scalar(
            store,
            "SELECT (SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1) - (SELECT "
            "coalesce(sum(a.amount), 0) FROM collection_allocation a JOIN credit c ON c.id = a.credit_id "
            "WHERE "
            "c.buyer_id = ?1) - (SELECT coalesce(sum(a.amount), 0) FROM return_allocation a JOIN credit c ON "
            "c.id = a.credit_id WHERE c.buyer_id = ?1)",
            buyer),
        scalar(store, "SELECT sold_net - returned_net - paid FROM farmer_balance WHERE farmer_id = ?1",
               farmer)};
}

inline Figures countersFigures(Counter& c) {
    return countersFigures(*c.store, c.lotId, c.buyerId, c.farmerId);
}

/// The same balances from the server's PostgreSQL rows.
inline Figures serversFigures(const server::test::ServerProcess& server, const core::Uuid& lot,
                              const core::Uuid& buyer, const core::Uuid& farmer) {
    using market::server::test::countRows;
    const std::string l = "'" + lot.toString().toStdString() + "'";
    const std::string b = "'" + buyer.toString().toStdString() + "'";
    const std::string f = "'" + farmer.toString().toStdString() + "'";
    return Figures{
        countRows(server,
                  "SELECT (received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_lines WHERE lot_id = " + l +
                      ") + (SELECT coalesce(sum(qty), 0) FROM return_lines WHERE lot_id = " + l +
                      ") - (SELECT coalesce(sum(qty), 0) FROM stock_adjustments WHERE lot_id = " + l +
                      "))::bigint FROM lots WHERE id = " + l),
        countRows(
            server,
            "SELECT ((SELECT coalesce(sum(amount), 0) FROM credits WHERE buyer_id = " + b +
                ") - (SELECT coalesce(sum(a.amount), 0) FROM collection_allocations a JOIN credits c ON "
                "c.id = a.credit_id WHERE c.buyer_id = " +
                b +
                ") - (SELECT coalesce(sum(a.amount), 0) FROM return_allocations a JOIN credits c ON c.id "
                "= a.credit_id WHERE c.buyer_id = " +
                b + "))::bigint"),
        countRows(server,
                  "SELECT ((SELECT coalesce(sum(farmer_net), 0) FROM sale_lines WHERE farmer_id = " + f +
                      ") - (SELECT coalesce(sum(farmer_net), 0) FROM return_lines WHERE farmer_id = " + f +
                      ") - (SELECT coalesce(sum(amount), 0) FROM farmer_payments WHERE farmer_id = " + f +
                      "))::bigint")};
}

inline Figures serversFigures(const server::test::ServerProcess& server, const Counter& c) {
    return serversFigures(server, c.lotId, c.buyerId, c.farmerId);
}

} // namespace market::sync::test
