// Back-office operations against a real market-server and PostgreSQL: farmer payments, expenses,
// stock adjustments, cash sessions (opened, movement, closed), sale returns and shop settings;
// the charge stack (charge.upsert) and sales / returns carrying charges and a buyer-paid commission.
// For each: accepted into its table and the feed another counter pulls, a retried push that does
// not double, and malformed / cross-shop documents quarantined with nothing written.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <domain/Allocation.h>
#include <domain/BooksDocuments.h>
#include <domain/PriceDocument.h>
#include <pqxx/pqxx>

using namespace market;
using namespace market::server::test;
using protocol::OutboxOp;

namespace {
const QString kUser = QStringLiteral("01900000-0000-7000-8000-000000000001");
const QString kSettingUpsert = QStringLiteral("setting.upsert");

core::Uuid uuid(const QString& s) {
    return *core::Uuid::parse(s);
}
qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
std::string sq(const QString& s) {
    return "'" + s.toStdString() + "'";
}

// Documents made the way the counter's services make them (FarmerPaymentService, ExpenseService, …).
core::FarmerPaymentDoc farmerPayment(const TerminalClient& t, const core::Uuid& farmer, qint64 amount,
                                     core::FarmerPaymentKind kind = core::FarmerPaymentKind::Advance) {
    return {uuid(newId()),
            uuid(t.shopId),
            uuid(t.id),
            farmer,
            kind,
            core::Money::fromMinor(amount),
            core::PaymentMethod::Cash,
            QStringLiteral("slip 12"),
            uuid(kUser),
            nowMs()};
}
core::ExpenseDoc expense(const TerminalClient& t, qint64 amount) {
    return {uuid(newId()),
            uuid(t.shopId),
            uuid(t.id),
            core::ExpenseCategory::Wage,
            core::Money::fromMinor(amount),
            core::PaymentMethod::Upi,
            QStringLiteral("hamali"),
            uuid(kUser),
            nowMs()};
}
core::StockAdjustmentDoc adjustment(const TerminalClient& t, const core::Uuid& lot, qint64 qty) {
    return {uuid(newId()),
            uuid(t.shopId),
            uuid(t.id),
            lot,
            core::Quantity::fromThousandths(qty),
            core::AdjustmentReason::Damage,
            QStringLiteral("crushed crates"),
            core::Money::fromMinor(std::abs(qty) * 4), // magnitude × last price
            uuid(kUser),
            uuid(kUser),
            nowMs()};
}
core::CashSessionOpenedDoc opened(const TerminalClient& t, qint64 openingFloat) {
    return {uuid(newId()), uuid(t.shopId), uuid(t.id), uuid(kUser), core::Money::fromMinor(openingFloat),
            nowMs()};
}
core::CashMovementDoc movement(const core::Uuid& session, bool cashIn, qint64 amount) {
    return {
        uuid(newId()), session, cashIn, core::Money::fromMinor(amount), QStringLiteral("change from bank"),
        uuid(kUser),   nowMs()};
}
core::CashSessionClosedDoc closed(const core::Uuid& session, qint64 expected,
                                  std::vector<core::Denomination> notes) {
    qint64 counted = 0;
    for (const auto& n : notes)
        counted += n.faceMinor * n.count;
    return {session,
            uuid(kUser),
            core::Money::fromMinor(expected),
            core::Money::fromMinor(counted),
            core::Money::fromMinor(counted - expected),
            std::move(notes),
            nowMs()};
}
/// Returns `qty` of the sale's first line (a quantity that divides the line exactly); the sale's
/// open credit absorbs up to `creditReduction`, the rest is refunded in cash.
core::SaleReturnDoc saleReturn(const TerminalClient& t, const core::SaleDoc& s, qint64 qty,
                               qint64 creditReduction = 0) {
    const auto& line = s.lines.front();
    core::SaleReturnDoc r;
    r.id = uuid(newId());
    r.shopId = uuid(t.shopId);
    r.terminalId = uuid(t.id);
    r.saleId = s.id;
    r.buyerId = s.buyerId;
    r.commissionByBuyer = s.commissionByBuyer;
    core::ReturnLineDoc l;
    l.id = uuid(newId());
    l.saleLineId = line.id;
    l.lotId = line.lotId;
    l.productId = line.productId;
    l.farmerId = line.farmerId;
    l.qty = core::Quantity::fromThousandths(qty);
    l.amount = core::Money::fromMinor(line.amount.minor() * qty / line.qty.thousandths());
    l.commission = core::Money::fromMinor(line.commission.minor() * qty / line.qty.thousandths());
    l.buyerCharges = core::Money::fromMinor(line.buyerCharges.minor() * qty / line.qty.thousandths());
    l.farmerCharges = core::Money::fromMinor(line.farmerCharges.minor() * qty / line.qty.thousandths());
    l.farmerNet = l.amount - l.farmerCharges - (r.commissionByBuyer ? core::Money{} : l.commission);
    r.lines.push_back(l);
    r.total = l.billed(r.commissionByBuyer);
    r.creditReduction = core::Money::fromMinor(creditReduction);
    if (creditReduction > 0)
        r.allocations.push_back({uuid(newId()), *s.creditId, s.creditDetails.front().id,
                                 s.creditDetails.front().farmerId, r.creditReduction});
    r.refund = r.total - r.creditReduction;
    r.refundMethod = core::PaymentMethod::Cash;
    r.reason = QStringLiteral("spoilt");
    r.by = uuid(kUser);
    r.atMs = nowMs();
    return r;
}
/// A charge of the shop's stack, as ChargeService::set writes it (every product).
core::ChargeDoc charge(const QString& shopId, const QString& code, core::ChargeBasis basis, qint64 rate,
                       core::ChargePayer payer, qint64 version = 1) {
    core::ChargeDoc d;
    d.shopId = uuid(shopId);
    d.rule = {uuid(newId()), code, code + QStringLiteral(" charge"), basis, rate, payer, std::nullopt};
    d.version = version;
    return d;
}
/// Re-derives a sale's line totals and bill from its lines' charges, and settles it the way
/// SaleService does: `credit` left unpaid, split over the farmers by their goods and the shop's own
/// part (buyer-side charges, a buyer-paid commission), the rest paid in cash.
void settle(core::SaleDoc& s, qint64 credit) {
    s.total = {};
    core::Money goods;
    std::vector<std::optional<core::Uuid>> owners;
    std::vector<core::Money> weights;
    for (auto& l : s.lines) {
        l.buyerCharges = core::chargesPaidBy(l.charges, core::ChargePayer::Buyer);
        l.farmerCharges = core::chargesPaidBy(l.charges, core::ChargePayer::Farmer);
        l.farmerNet = l.amount - l.farmerCharges - (s.commissionByBuyer ? core::Money{} : l.commission);
        s.total += l.billed(s.commissionByBuyer);
        goods += l.amount;
        owners.push_back(l.farmerId); // one line per farmer in these tests
        weights.push_back(l.amount);
    }
    owners.push_back(std::nullopt);
    weights.push_back(s.total - goods);
    s.credit = core::Money::fromMinor(credit);
    s.paid = s.total - s.credit;
    s.tendered = s.paid;
    s.payments.clear();
    if (s.paid.isPositive())
        s.payments.push_back({uuid(newId()), core::PaymentMethod::Cash, s.paid, {}});
    s.creditId.reset();
    s.creditDetails.clear();
    if (credit > 0) {
        s.creditId = uuid(newId());
        const auto shares = core::allocateProportionally(s.credit, weights);
        for (size_t i = 0; i < owners.size(); ++i)
            if (shares[i].isPositive())
                s.creditDetails.push_back({uuid(newId()), owners[i], shares[i]});
    }
}
/// Applies the shop's charge stack and commission payer to a sale made by sale(), as SaleService
/// does (`packages[i]` for line i), then settles it.
void applyStack(core::SaleDoc& s, const std::vector<core::ChargeRule>& stack, bool commissionByBuyer,
                const std::vector<qint64>& packages, qint64 credit = 0) {
    s.commissionByBuyer = commissionByBuyer;
    std::vector<core::ChargeableLine> chargeable;
    for (size_t i = 0; i < s.lines.size(); ++i) {
        s.lines[i].packages = packages.at(i);
        chargeable.push_back({s.lines[i].productId, s.lines[i].qty, packages[i], s.lines[i].amount});
    }
    const auto applied = core::applyCharges(chargeable, stack);
    QVERIFY(applied.ok());
    for (size_t i = 0; i < s.lines.size(); ++i)
        s.lines[i].charges = (*applied)[i];
    settle(s, credit);
}
/// A document as a counter from before the charge stack wrote it: none of the new fields.
QJsonObject withoutChargeFields(QJsonObject doc) {
    doc.remove(QStringLiteral("commissionPayer"));
    QJsonArray lines;
    for (const auto& v : doc.value(QStringLiteral("lines")).toArray()) {
        QJsonObject l = v.toObject();
        for (const char* key : {"packages", "charges", "buyerCharges", "farmerCharges"})
            l.remove(QLatin1String(key));
        lines.append(l);
    }
    doc.insert(QStringLiteral("lines"), lines);
    return doc;
}
/// What SettingsService::setInteger puts in the outbox.
QJsonObject setting(const QString& shopId, const QString& key, const QString& value, qint64 version) {
    return {{QStringLiteral("key"), key},
            {QStringLiteral("value"), value},
            {QStringLiteral("shopId"), shopId},
            {QStringLiteral("version"), version}};
}
QString settingId(const QString& shopId, const QString& key) {
    return QUuid::createUuidV5(QUuid::fromString(shopId), key).toString(QUuid::WithoutBraces);
}
} // namespace

class TestServerBooks : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mbooks-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;
    ShopFixture m_shop, m_other;
    TerminalClient m_t, m_peer, m_o; ///< two counters of HYD01, one of BLR01
    core::PartyDoc m_farmer, m_buyer, m_otherFarmer;
    core::ProductDoc m_product, m_otherProduct;
    core::LotDoc m_lot, m_otherLot;
    core::SaleDoc m_creditSale, m_otherSale;
    core::PartyDoc m_secondFarmer;
    core::LotDoc m_secondLot;
    std::vector<core::ChargeRule> m_stack;
    core::SaleDoc m_chargedSale; ///< two lines, buyer- and farmer-side charges, buyer-paid commission

    qint64 count(const std::string& sql) { return countRows(*m_server, sql); }
    qint64 rows(const char* table, const QString& idColumnValue, const char* column = "id") {
        return count(std::string("SELECT count(*) FROM ") + table + " WHERE " + column + " = " +
                     sq(idColumnValue));
    }
    qint64 feedRows(const QString& type, const QString& id) {
        return count("SELECT count(*) FROM feed WHERE type = " + sq(type) + " AND entity_id = " + sq(id));
    }
    /// The shop's feed as another counter of the shop pulls it: the change with this type and id.
    QJsonObject pulled(const QString& type, const QString& id) {
        QString cursor;
        for (int page = 0; page < 50; ++page) {
            const auto r = m_server->get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(cursor),
                                         m_peer.authorization());
            if (r.status != 200)
                return {};
            for (const auto& c : r.json.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject change = c.toObject();
                if (change.value(QStringLiteral("type")).toString() == type &&
                    change.value(QStringLiteral("id")).toString() == id)
                    return change;
            }
            if (!r.json.value(QStringLiteral("hasMore")).toBool())
                return {};
            cursor = r.json.value(QStringLiteral("cursor")).toString();
        }
        return {};
    }

    /// Pushes `ops`, expects all applied; then the same batch again (a lost reply), expects all
    /// skipped and no new row in `table` nor in the feed.
    void acceptedOnceOnly(TerminalClient& t, const std::vector<OutboxOp>& ops, const char* table,
                          const char* column, const QString& id, qint64 expectedRows = 1) {
        const auto r = t.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), int(ops.size()));
        QCOMPARE(r.json.value(QStringLiteral("quarantined")).toInt(), 0);
        QCOMPARE(rows(table, id, column), expectedRows);
        const qint64 feed = count("SELECT count(*) FROM feed");
        const auto again = t.push(*m_server, ops);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("applied")).toInt(), 0);
        QCOMPARE(again.json.value(QStringLiteral("skipped")).toInt(), int(ops.size()));
        QCOMPARE(again.json.value(QStringLiteral("highestSeq")).toInteger(), t.seq);
        QCOMPARE(rows(table, id, column), expectedRows);
        QCOMPARE(count("SELECT count(*) FROM feed"), feed);
    }

    /// Pushes one operation that must be quarantined (acknowledged) with `reasonPart` in its reason,
    /// leaving `table` and the feed as they were.
    void quarantined(TerminalClient& t, const QString& type, const QJsonObject& payload, const char* table,
                     const QString& reasonPart) {
        const qint64 before = count(std::string("SELECT count(*) FROM ") + table);
        const qint64 feed = count("SELECT count(*) FROM feed");
        const OutboxOp op = t.op(type, payload);
        const auto r = t.push(*m_server, {op});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 0);
        QCOMPARE(r.json.value(QStringLiteral("quarantined")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("highestSeq")).toInteger(), op.seq);
        QCOMPARE(count(std::string("SELECT count(*) FROM ") + table), before);
        QCOMPARE(count("SELECT count(*) FROM feed"), feed);
        const QString reason =
            queryText(*m_server, "SELECT reason FROM quarantine WHERE terminal_id = " + sq(t.id) +
                                     " AND seq = " + std::to_string(op.seq));
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        QVERIFY2(!reason.contains(QStringLiteral("unknown operation type")), qPrintable(reason));
    }

    static QJsonObject with(QJsonObject o, const QString& key, const QJsonValue& v) {
        o.insert(key, v);
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_shop = createShop(*m_server, QStringLiteral("HYD01"), QStringLiteral("owner1"));
        m_other = createShop(*m_server, QStringLiteral("BLR01"), QStringLiteral("owner1"));
        QVERIFY(!m_shop.id.isEmpty() && !m_other.id.isEmpty());
        auto t = enrol(*m_server, m_shop.code);
        auto peer = enrol(*m_server, m_shop.code);
        auto o = enrol(*m_server, m_other.code);
        QVERIFY(t && peer && o);
        m_t = *t;
        m_peer = *peer;
        m_o = *o;

        m_farmer = party(m_t.shopId, core::PartyKind::Farmer);
        m_buyer = party(m_t.shopId, core::PartyKind::Buyer, 10'000'000);
        m_product = product(m_t.shopId);
        m_lot = lot(m_t, m_farmer.id, m_product.id, 100'000); // 100 kg
        std::vector<OutboxOp> ops{m_t.op(core::op::kPartyUpsert, m_farmer.toJson()),
                                  m_t.op(core::op::kPartyUpsert, m_buyer.toJson()),
                                  m_t.op(core::op::kProductUpsert, m_product.toJson()),
                                  m_t.op(core::op::kLotReceived, m_lot.toJson())};
        // 10 kg at ₹40.00 = ₹400.00 on credit of ₹300.00.
        m_creditSale = sale(m_t, {{m_lot, 10'000}}, 4000, m_buyer.id, 30000);
        ops.push_back(m_t.op(core::op::kSaleRecorded, m_creditSale.toJson()));
        auto r = m_t.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 5);

        m_otherFarmer = party(m_o.shopId, core::PartyKind::Farmer);
        m_otherProduct = product(m_o.shopId);
        m_otherLot = lot(m_o, m_otherFarmer.id, m_otherProduct.id, 50'000);
        ops = {m_o.op(core::op::kPartyUpsert, m_otherFarmer.toJson()),
               m_o.op(core::op::kProductUpsert, m_otherProduct.toJson()),
               m_o.op(core::op::kLotReceived, m_otherLot.toJson())};
        m_otherSale = sale(m_o, {{m_otherLot, 5'000}}, 2000);
        ops.push_back(m_o.op(core::op::kSaleRecorded, m_otherSale.toJson()));
        r = m_o.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 4);
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void farmerPaymentRecorded() {
        const auto d = farmerPayment(m_t, m_farmer.id, 12'345);
        const QString id = d.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kFarmerPaymentRecorded, d.toJson())}, "farmer_payments", "id",
                         id);
        QCOMPARE(count("SELECT amount FROM farmer_payments WHERE id = " + sq(id)), qint64(12'345));
        QCOMPARE(queryText(*m_server, "SELECT kind || '/' || method || '/' || shop_id FROM farmer_payments "
                                      "WHERE id = " +
                                          sq(id)),
                 QStringLiteral("advance/cash/") + m_shop.id);
        const QJsonObject change = pulled(core::op::kFarmerPaymentRecorded, id);
        QCOMPARE(change.value(QStringLiteral("terminalId")).toString(), m_t.id);
        QCOMPARE(change.value(QStringLiteral("doc")).toObject(), d.toJson());
        const auto back = core::FarmerPaymentDoc::fromJson(change.value(QStringLiteral("doc")).toObject());
        QVERIFY(back.ok());

        // The same document again under a new sequence number.
        quarantined(m_t, core::op::kFarmerPaymentRecorded, d.toJson(), "farmer_payments",
                    QStringLiteral("is already recorded"));
        const auto fresh = farmerPayment(m_t, m_farmer.id, 500);
        quarantined(m_t, core::op::kFarmerPaymentRecorded,
                    with(fresh.toJson(), QStringLiteral("amount"), 12.5), "farmer_payments",
                    QStringLiteral("amount"));
        quarantined(m_t, core::op::kFarmerPaymentRecorded, with(fresh.toJson(), QStringLiteral("amount"), 0),
                    "farmer_payments", QStringLiteral("amount: must be positive"));
        quarantined(m_t, core::op::kFarmerPaymentRecorded,
                    with(fresh.toJson(), QStringLiteral("kind"), QStringLiteral("gift")), "farmer_payments",
                    QStringLiteral("kind"));
        // Tenancy: the credential's shop decides, not the document.
        quarantined(m_t, core::op::kFarmerPaymentRecorded,
                    with(fresh.toJson(), QStringLiteral("shopId"), m_other.id), "farmer_payments",
                    QStringLiteral("is not this terminal's shop"));
        quarantined(m_t, core::op::kFarmerPaymentRecorded, farmerPayment(m_t, m_otherFarmer.id, 500).toJson(),
                    "farmer_payments", QStringLiteral("does not exist in this shop"));
        quarantined(m_t, core::op::kFarmerPaymentRecorded, farmerPayment(m_t, m_buyer.id, 500).toJson(),
                    "farmer_payments", QStringLiteral("does not exist in this shop"));
        QCOMPARE(rows("farmer_payments", fresh.id.toString()), qint64(0));
    }

    void expenseRecorded() {
        const auto d = expense(m_t, 75'000);
        const QString id = d.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kExpenseRecorded, d.toJson())}, "expenses", "id", id);
        QCOMPARE(queryText(*m_server, "SELECT category || '/' || method || '/' || amount FROM expenses WHERE "
                                      "id = " +
                                          sq(id)),
                 QStringLiteral("wage/upi/75000"));
        QCOMPARE(pulled(core::op::kExpenseRecorded, id).value(QStringLiteral("doc")).toObject(), d.toJson());

        const auto fresh = expense(m_t, 100);
        quarantined(m_t, core::op::kExpenseRecorded, with(fresh.toJson(), QStringLiteral("amount"), -100),
                    "expenses", QStringLiteral("amount"));
        quarantined(m_t, core::op::kExpenseRecorded,
                    with(fresh.toJson(), QStringLiteral("category"), QStringLiteral("bribe")), "expenses",
                    QStringLiteral("category: unknown value \"bribe\""));
        QJsonObject missing = fresh.toJson();
        missing.remove(QStringLiteral("recordedBy"));
        quarantined(m_t, core::op::kExpenseRecorded, missing, "expenses", QStringLiteral("recordedBy"));
        quarantined(m_t, core::op::kExpenseRecorded,
                    with(fresh.toJson(), QStringLiteral("terminalId"), m_peer.id), "expenses",
                    QStringLiteral("is not the pushing terminal"));
        quarantined(m_t, core::op::kExpenseRecorded,
                    with(fresh.toJson(), QStringLiteral("shopId"), m_other.id), "expenses",
                    QStringLiteral("is not this terminal's shop"));
        // A counter of another shop cannot book into this one either.
        quarantined(m_o, core::op::kExpenseRecorded, expense(m_t, 100).toJson(), "expenses",
                    QStringLiteral("is not this terminal's shop"));
    }

    void stockAdjusted() {
        // A lot received and adjusted in the same batch: the adjustment finds the staged lot.
        const auto l = lot(m_t, m_farmer.id, m_product.id, 20'000);
        const auto d = adjustment(m_t, l.id, 2'500);
        const QString id = d.id.toString();
        acceptedOnceOnly(
            m_t, {m_t.op(core::op::kLotReceived, l.toJson()), m_t.op(core::op::kStockAdjusted, d.toJson())},
            "stock_adjustments", "id", id);
        QCOMPARE(count("SELECT qty FROM stock_adjustments WHERE id = " + sq(id)), qint64(2'500));
        QCOMPARE(queryText(*m_server,
                           "SELECT reason || '/' || approved_by FROM stock_adjustments WHERE id = " + sq(id)),
                 QStringLiteral("damage/") + kUser);
        QCOMPARE(pulled(core::op::kStockAdjusted, id).value(QStringLiteral("doc")).toObject(), d.toJson());
        // A correction upwards (negative) against an earlier lot.
        const auto up = adjustment(m_t, m_lot.id, -1'000);
        acceptedOnceOnly(m_t, {m_t.op(core::op::kStockAdjusted, up.toJson())}, "stock_adjustments", "id",
                         up.id.toString());

        // Taking out more than is left across counters is applied and raised as oversold.
        const auto tooMuch = adjustment(m_peer, l.id, 18'000); // 20 − 2.5 − 18 < 0
        const auto r = m_peer.push(*m_server, {m_peer.op(core::op::kStockAdjusted, tooMuch.toJson())});
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("anomalies")).toInt(), 1);
        QCOMPARE(count("SELECT count(*) FROM anomalies WHERE kind = 'oversold' AND resolved_at IS NULL AND "
                       "entity_id = " +
                       sq(l.id.toString())),
                 qint64(1));

        const auto fresh = adjustment(m_t, l.id, 100);
        quarantined(m_t, core::op::kStockAdjusted, with(fresh.toJson(), QStringLiteral("qty"), 0),
                    "stock_adjustments", QStringLiteral("qty: must not be zero"));
        quarantined(m_t, core::op::kStockAdjusted, with(fresh.toJson(), QStringLiteral("qty"), 0.5),
                    "stock_adjustments", QStringLiteral("qty"));
        quarantined(m_t, core::op::kStockAdjusted,
                    with(fresh.toJson(), QStringLiteral("lotId"), QStringLiteral("not-a-uuid")),
                    "stock_adjustments", QStringLiteral("lotId"));
        quarantined(m_t, core::op::kStockAdjusted, adjustment(m_t, m_otherLot.id, 100).toJson(),
                    "stock_adjustments",
                    QStringLiteral("lot %1 does not exist in this shop").arg(m_otherLot.id.toString()));
        quarantined(m_t, core::op::kStockAdjusted, adjustment(m_t, uuid(newId()), 100).toJson(),
                    "stock_adjustments", QStringLiteral("does not exist in this shop"));
        quarantined(m_o, core::op::kStockAdjusted, adjustment(m_o, m_lot.id, 100).toJson(),
                    "stock_adjustments", QStringLiteral("does not exist in this shop"));
    }

    void cashSession() {
        const auto open = opened(m_t, 200'000);
        const QString sid = open.id.toString();
        const auto in = movement(open.id, true, 50'000);
        const auto out = movement(open.id, false, 20'000);
        // Opened and one movement in one batch, the second movement in the next.
        acceptedOnceOnly(m_t,
                         {m_t.op(core::op::kCashSessionOpened, open.toJson()),
                          m_t.op(core::op::kCashMovement, in.toJson())},
                         "cash_sessions", "id", sid);
        acceptedOnceOnly(m_t, {m_t.op(core::op::kCashMovement, out.toJson())}, "cash_movements", "id",
                         out.id.toString());
        QCOMPARE(rows("cash_movements", sid, "session_id"), qint64(2));
        QCOMPARE(count("SELECT opening_float FROM cash_sessions WHERE id = " + sq(sid)), qint64(200'000));
        QCOMPARE(queryText(*m_server, "SELECT string_agg(direction || amount, ',' ORDER BY amount) FROM "
                                      "cash_movements WHERE session_id = " +
                                          sq(sid)),
                 QStringLiteral("out20000,in50000"));
        QCOMPARE(pulled(core::op::kCashSessionOpened, sid).value(QStringLiteral("doc")).toObject(),
                 open.toJson());
        QCOMPARE(pulled(core::op::kCashMovement, in.id.toString()).value(QStringLiteral("doc")).toObject(),
                 in.toJson());

        // Movement: malformed, unknown session, a session of another terminal or shop.
        const auto fresh = movement(open.id, true, 100);
        quarantined(m_t, core::op::kCashMovement,
                    with(fresh.toJson(), QStringLiteral("direction"), QStringLiteral("sideways")),
                    "cash_movements", QStringLiteral("direction"));
        quarantined(m_t, core::op::kCashMovement, movement(uuid(newId()), true, 100).toJson(),
                    "cash_movements", QStringLiteral("does not exist in this shop"));
        quarantined(m_peer, core::op::kCashMovement, movement(open.id, true, 100).toJson(), "cash_movements",
                    QStringLiteral("belongs to another terminal"));
        quarantined(m_o, core::op::kCashMovement, movement(open.id, true, 100).toJson(), "cash_movements",
                    QStringLiteral("does not exist in this shop"));
        quarantined(m_t, core::op::kCashSessionOpened,
                    with(opened(m_t, 100).toJson(), QStringLiteral("shopId"), m_other.id), "cash_sessions",
                    QStringLiteral("is not this terminal's shop"));
        quarantined(m_t, core::op::kCashSessionOpened,
                    with(opened(m_t, 100).toJson(), QStringLiteral("openingFloat"), -1), "cash_sessions",
                    QStringLiteral("openingFloat"));

        // Close: expected ₹2,300.00; counted 4 × ₹500 + 2 × ₹100 + ₹50 + 4 × ₹10: ₹10.00 short.
        const auto close = closed(open.id, 230'000, {{50'000, 4}, {10'000, 2}, {5'000, 1}, {1'000, 4}});
        QCOMPARE(close.variance.minor(), -1'000);
        // Malformed closes first: variance not counted − expected; notes that do not add up.
        quarantined(m_t, core::op::kCashSessionClosed, with(close.toJson(), QStringLiteral("variance"), 0),
                    "cash_session_closings", QStringLiteral("variance"));
        quarantined(
            m_t, core::op::kCashSessionClosed,
            with(with(close.toJson(), QStringLiteral("counted"), 229'500), QStringLiteral("variance"), -500),
            "cash_session_closings", QStringLiteral("denominations add up to 229000"));
        quarantined(m_o, core::op::kCashSessionClosed, close.toJson(), "cash_session_closings",
                    QStringLiteral("does not exist in this shop"));
        acceptedOnceOnly(m_t, {m_t.op(core::op::kCashSessionClosed, close.toJson())}, "cash_session_closings",
                         "session_id", sid);
        QCOMPARE(queryText(*m_server, "SELECT expected || '/' || counted || '/' || variance || '/' || "
                                      "jsonb_array_length(denominations) FROM cash_session_closings WHERE "
                                      "session_id = " +
                                          sq(sid)),
                 QStringLiteral("230000/229000/-1000/4"));
        QCOMPARE(pulled(core::op::kCashSessionClosed, sid).value(QStringLiteral("doc")).toObject(),
                 close.toJson());
        // A closed session is final: neither a second close nor a movement is taken.
        quarantined(m_t, core::op::kCashSessionClosed, closed(open.id, 0, {}).toJson(),
                    "cash_session_closings", QStringLiteral("is already closed"));
        quarantined(m_t, core::op::kCashMovement, movement(open.id, true, 100).toJson(), "cash_movements",
                    QStringLiteral("is already closed"));
    }

    void saleReturned() {
        // ₹100.00 of goods back (2.5 kg of 10 kg): credit was ₹300.00, so all of it reduces credit.
        const auto d = saleReturn(m_t, m_creditSale, 2'500, 10'000);
        const QString id = d.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kSaleReturned, d.toJson())}, "sale_returns", "id", id);
        QCOMPARE(rows("return_lines", id, "return_id"), qint64(1));
        QCOMPARE(rows("return_allocations", id, "return_id"), qint64(1));
        QCOMPARE(queryText(*m_server, "SELECT total || '/' || credit_reduction || '/' || refund FROM "
                                      "sale_returns WHERE id = " +
                                          sq(id)),
                 QStringLiteral("10000/10000/0"));
        QCOMPARE(
            queryText(*m_server, "SELECT qty || '/' || amount || '/' || commission || '/' || farmer_net FROM "
                                 "return_lines WHERE return_id = " +
                                     sq(id)),
            QStringLiteral("2500/10000/500/9500"));
        QCOMPARE(pulled(core::op::kSaleReturned, id).value(QStringLiteral("doc")).toObject(), d.toJson());

        // A sale and its return in one batch, refunded in cash.
        const auto s = sale(m_t, {{m_lot, 4'000}}, 4000);
        const auto cashBack = saleReturn(m_t, s, 1'000);
        acceptedOnceOnly(
            m_t,
            {m_t.op(core::op::kSaleRecorded, s.toJson()), m_t.op(core::op::kSaleReturned, cashBack.toJson())},
            "sale_returns", "id", cashBack.id.toString());
        QCOMPARE(count("SELECT refund FROM sale_returns WHERE id = " + sq(cashBack.id.toString())),
                 qint64(4'000));

        // Arithmetic and references.
        auto badTotal = saleReturn(m_t, m_creditSale, 1'000);
        badTotal.total = badTotal.total + core::Money::fromMinor(1);
        badTotal.refund = badTotal.refund + core::Money::fromMinor(1);
        quarantined(m_t, core::op::kSaleReturned, badTotal.toJson(), "sale_returns",
                    QStringLiteral("total is not the sum of the returned lines"));
        auto badSplit = saleReturn(m_t, m_creditSale, 1'000);
        badSplit.refund = badSplit.refund - core::Money::fromMinor(1);
        quarantined(m_t, core::op::kSaleReturned, badSplit.toJson(), "sale_returns",
                    QStringLiteral("credit reduction + refund != total"));
        auto badLine = saleReturn(m_t, m_creditSale, 1'000);
        badLine.lines[0].farmerNet = badLine.lines[0].farmerNet + core::Money::fromMinor(1);
        quarantined(m_t, core::op::kSaleReturned, badLine.toJson(), "sale_returns",
                    QStringLiteral("farmer net + commission + farmer charges != amount"));
        auto badAlloc = saleReturn(m_t, m_creditSale, 1'000, 4'000);
        badAlloc.allocations[0].amount = core::Money::fromMinor(3'000);
        quarantined(m_t, core::op::kSaleReturned, badAlloc.toJson(), "sale_returns",
                    QStringLiteral("allocations do not add up to the credit reduction"));
        auto foreignDetail = saleReturn(m_t, m_creditSale, 1'000, 4'000);
        foreignDetail.allocations[0].creditDetailId = uuid(newId());
        quarantined(m_t, core::op::kSaleReturned, foreignDetail.toJson(), "sale_returns",
                    QStringLiteral("allocations[0]: credit detail"));
        auto wrongLine = saleReturn(m_t, m_creditSale, 1'000);
        wrongLine.lines[0].saleLineId = s.lines[0].id; // a line of another sale
        quarantined(m_t, core::op::kSaleReturned, wrongLine.toJson(), "sale_returns",
                    QStringLiteral("lines[0]: %1 is not a line of sale").arg(s.lines[0].id.toString()));
        auto wrongLot = saleReturn(m_t, m_creditSale, 1'000);
        wrongLot.lines[0].lotId = m_otherLot.id;
        quarantined(m_t, core::op::kSaleReturned, wrongLot.toJson(), "sale_returns",
                    QStringLiteral("lot, product or farmer is not the sale line's"));
        auto wrongBuyer = saleReturn(m_t, m_creditSale, 1'000);
        wrongBuyer.buyerId = std::nullopt;
        quarantined(m_t, core::op::kSaleReturned, wrongBuyer.toJson(), "sale_returns",
                    QStringLiteral("buyerId is not the buyer of sale"));
        quarantined(
            m_t, core::op::kSaleReturned,
            with(saleReturn(m_t, m_creditSale, 1'000).toJson(), QStringLiteral("lines"), QJsonArray{}),
            "sale_returns", QStringLiteral("a return needs at least one line"));
        // Cross-shop: this shop's terminal naming another shop's sale, and the other way round.
        quarantined(m_t, core::op::kSaleReturned, saleReturn(m_t, m_otherSale, 1'000).toJson(),
                    "sale_returns",
                    QStringLiteral("sale %1 does not exist in this shop").arg(m_otherSale.id.toString()));
        quarantined(m_o, core::op::kSaleReturned, saleReturn(m_o, m_creditSale, 1'000).toJson(),
                    "sale_returns", QStringLiteral("does not exist in this shop"));
        QCOMPARE(count("SELECT count(*) FROM return_lines"), qint64(2));
        QCOMPARE(count("SELECT count(*) FROM return_allocations"), qint64(1));
    }

    void overReturnAcrossCountersIsAnAnomaly() {
        // Both counters return the last 9 kg of the same 10 kg line while offline.
        const auto s = sale(m_t, {{m_lot, 10'000}}, 1000);
        QCOMPARE(m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, s.toJson())}).status, 200);
        QCOMPARE(m_t.push(*m_server, {m_t.op(core::op::kSaleReturned, saleReturn(m_t, s, 9'000).toJson())})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        const auto r = m_peer.push(
            *m_server, {m_peer.op(core::op::kSaleReturned, saleReturn(m_peer, s, 9'000).toJson())});
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("anomalies")).toInt(), 1);
        QCOMPARE(count("SELECT count(*) FROM anomalies WHERE kind = 'over_returned' AND entity_id = " +
                       sq(s.lines[0].id.toString())),
                 qint64(1));
    }

    void settingUpsert() {
        const QString key = QStringLiteral("adjustment_approval_qty");
        const QString id = settingId(m_shop.id, key);
        const QJsonObject v1 = setting(m_shop.id, key, QStringLiteral("25000"), 1);
        acceptedOnceOnly(m_t, {m_t.op(kSettingUpsert, v1)}, "settings", "id", id);
        QCOMPARE(queryText(*m_server, "SELECT value || '/' || version || '/' || server_version FROM settings "
                                      "WHERE shop_id = " +
                                          sq(m_shop.id) + " AND key = " + sq(key)),
                 QStringLiteral("25000/1/1"));
        QJsonObject fed = pulled(kSettingUpsert, id).value(QStringLiteral("doc")).toObject();
        QCOMPARE(fed.value(QStringLiteral("serverVersion")).toInteger(), 1);
        fed.remove(QStringLiteral("serverVersion"));
        QCOMPARE(fed, v1);
        // Another counter changes it later: last write in server order wins, one row per key.
        const QJsonObject v2 = setting(m_shop.id, key, QStringLiteral("0"), 2);
        QCOMPARE(m_peer.push(*m_server, {m_peer.op(kSettingUpsert, v2)})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        QCOMPARE(
            queryText(*m_server, "SELECT value || '/' || server_version FROM settings WHERE id = " + sq(id)),
            QStringLiteral("0/2"));
        QCOMPARE(feedRows(kSettingUpsert, id), qint64(2));

        quarantined(m_t, kSettingUpsert,
                    setting(m_shop.id, QStringLiteral("discount_pct"), QStringLiteral("5"), 1), "settings",
                    QStringLiteral("key: unknown setting \"discount_pct\""));
        quarantined(m_t, kSettingUpsert,
                    setting(m_shop.id, QStringLiteral("cash_session_required"), QStringLiteral("2"), 1),
                    "settings", QStringLiteral("value: must be an integer from 0 to 1"));
        quarantined(m_t, kSettingUpsert, setting(m_shop.id, key, QStringLiteral("1.5"), 1), "settings",
                    QStringLiteral("value"));
        quarantined(m_t, kSettingUpsert, with(v1, QStringLiteral("version"), QStringLiteral("3")), "settings",
                    QStringLiteral("version"));
        quarantined(m_t, kSettingUpsert, setting(m_other.id, key, QStringLiteral("1"), 1), "settings",
                    QStringLiteral("is not this terminal's shop"));
        QCOMPARE(count("SELECT count(*) FROM settings WHERE shop_id = " + sq(m_other.id)), qint64(0));

        // Who pays commission (0: the farmer, 1: the buyer).
        const QString byBuyer = QStringLiteral("commission_paid_by_buyer");
        acceptedOnceOnly(m_t, {m_t.op(kSettingUpsert, setting(m_shop.id, byBuyer, QStringLiteral("1"), 1))},
                         "settings", "id", settingId(m_shop.id, byBuyer));
        quarantined(m_t, kSettingUpsert, setting(m_shop.id, byBuyer, QStringLiteral("2"), 2), "settings",
                    QStringLiteral("value: must be an integer from 0 to 1"));
    }

    /// Today's rate per product: keyed by the name-based id of (shop, product), last write in
    /// server order wins (a clear is a write with price null), fed with serverVersion; anything
    /// else than a rate of this shop is quarantined with the codec's reason.
    void priceUpsert() {
        core::PriceDoc rate;
        rate.shopId = uuid(m_shop.id);
        rate.productId = m_product.id;
        rate.id = core::PriceDoc::idFor(rate.shopId, m_product.id);
        rate.price = core::Money::fromMinor(4'250);
        const QJsonObject v1 = rate.toJson();
        const QString id = rate.id.toString();
        QCOMPARE(id, QUuid::createUuidV5(QUuid::fromString(m_shop.id), m_product.id.toString())
                         .toString(QUuid::WithoutBraces));
        acceptedOnceOnly(m_t, {m_t.op(core::op::kPriceUpsert, v1)}, "prices", "id", id);
        const std::string stored =
            "SELECT coalesce(price::text, '-') || '/' || version || '/' || server_version "
            "FROM prices WHERE id = " +
            sq(id);
        QCOMPARE(queryText(*m_server, stored), QStringLiteral("4250/1/1"));
        QJsonObject fed = pulled(core::op::kPriceUpsert, id).value(QStringLiteral("doc")).toObject();
        QCOMPARE(fed.value(QStringLiteral("serverVersion")).toInteger(), 1);
        fed.remove(QStringLiteral("serverVersion"));
        QCOMPARE(fed, v1);
        // Another counter clears it later: one row, the latest write, both in the feed.
        QJsonObject v2 = with(v1, QStringLiteral("price"), QJsonValue::Null);
        v2.insert(QStringLiteral("version"), 2);
        QCOMPARE(m_peer.push(*m_server, {m_peer.op(core::op::kPriceUpsert, v2)})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        QCOMPARE(queryText(*m_server, stored), QStringLiteral("-/2/2"));
        QCOMPARE(feedRows(core::op::kPriceUpsert, id), qint64(2));

        quarantined(m_t, core::op::kPriceUpsert, with(v1, QStringLiteral("price"), 0), "prices",
                    QStringLiteral("price.upsert payload: price: out of range"));
        quarantined(m_t, core::op::kPriceUpsert, with(v1, QStringLiteral("price"), QStringLiteral("4250")),
                    "prices", QStringLiteral("price: not a number"));
        quarantined(m_t, core::op::kPriceUpsert, with(v1, QStringLiteral("price"), 42.5), "prices",
                    QStringLiteral("price: not an integer"));
        quarantined(m_t, core::op::kPriceUpsert, with(v1, QStringLiteral("id"), newId()), "prices",
                    QStringLiteral("id: must be the name-based id of (shopId, productId)"));
        quarantined(m_t, core::op::kPriceUpsert, with(v1, QStringLiteral("version"), 0), "prices",
                    QStringLiteral("version"));
        QJsonObject noPrice = v1;
        noPrice.remove(QStringLiteral("price"));
        quarantined(m_t, core::op::kPriceUpsert, noPrice, "prices", QStringLiteral("price: missing"));
        core::PriceDoc elsewhere = rate;
        elsewhere.shopId = uuid(m_other.id);
        elsewhere.id = core::PriceDoc::idFor(elsewhere.shopId, m_product.id);
        quarantined(m_t, core::op::kPriceUpsert, elsewhere.toJson(), "prices",
                    QStringLiteral("is not this terminal's shop"));
        QCOMPARE(count("SELECT count(*) FROM prices WHERE shop_id = " + sq(m_other.id)), qint64(0));
        QCOMPARE(queryText(*m_server, stored), QStringLiteral("-/2/2"));
    }

    void chargeUpsert() {
        const auto fee = charge(m_shop.id, QStringLiteral("MFEE"), core::ChargeBasis::Percent, 100,
                                core::ChargePayer::Buyer);
        const QString id = fee.rule.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kChargeUpsert, fee.toJson())}, "charges", "id", id);
        QCOMPARE(queryText(*m_server, "SELECT code || '/' || basis || '/' || rate || '/' || payer || '/' || "
                                      "active || '/' || coalesce(product_id::text, '-') || '/' || "
                                      "server_version FROM charges WHERE id = " +
                                          sq(id)),
                 QStringLiteral("MFEE/percent/100/buyer/true/-/1"));
        QJsonObject fed = pulled(core::op::kChargeUpsert, id).value(QStringLiteral("doc")).toObject();
        QCOMPARE(fed.value(QStringLiteral("serverVersion")).toInteger(), 1);
        fed.remove(QStringLiteral("serverVersion"));
        QCOMPARE(fed, fee.toJson());

        // A new rate from another counter, as ChargeService::set sends it: the old version
        // retired, then the new one under a new id.
        auto retired = fee;
        retired.active = false;
        const auto raised = charge(m_shop.id, QStringLiteral("MFEE"), core::ChargeBasis::Percent, 150,
                                   core::ChargePayer::Buyer, 2);
        const auto r = m_peer.push(*m_server, {m_peer.op(core::op::kChargeUpsert, retired.toJson()),
                                               m_peer.op(core::op::kChargeUpsert, raised.toJson())});
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(
            queryText(*m_server, "SELECT string_agg(rate || '/' || active || '/' || version || '/' || "
                                 "server_version, ',' ORDER BY version) FROM charges WHERE code = 'MFEE' "
                                 "AND shop_id = " +
                                     sq(m_shop.id)),
            QStringLiteral("100/false/1/2,150/true/2/1"));

        const QJsonObject fresh = charge(m_shop.id, QStringLiteral("WEIGH"), core::ChargeBasis::PerBill, 1000,
                                         core::ChargePayer::Buyer)
                                      .toJson();
        quarantined(m_t, core::op::kChargeUpsert,
                    with(fresh, QStringLiteral("basis"), QStringLiteral("per_kg")), "charges",
                    QStringLiteral("basis"));
        quarantined(m_t, core::op::kChargeUpsert,
                    with(fresh, QStringLiteral("payer"), QStringLiteral("shop")), "charges",
                    QStringLiteral("payer"));
        quarantined(m_t, core::op::kChargeUpsert,
                    with(with(fresh, QStringLiteral("basis"), QStringLiteral("percent")),
                         QStringLiteral("rate"), 10'001),
                    "charges", QStringLiteral("between 0 % and 100 %"));
        quarantined(m_t, core::op::kChargeUpsert, with(fresh, QStringLiteral("rate"), -1), "charges",
                    QStringLiteral("rate"));
        quarantined(m_t, core::op::kChargeUpsert, with(fresh, QStringLiteral("shopId"), m_other.id),
                    "charges", QStringLiteral("is not this terminal's shop"));
        // An id of another shop's charge: RLS refuses the upsert, the batch goes on.
        const auto theirs = charge(m_other.id, QStringLiteral("CESS"), core::ChargeBasis::PerLine, 200,
                                   core::ChargePayer::Farmer);
        QCOMPARE(m_o.push(*m_server, {m_o.op(core::op::kChargeUpsert, theirs.toJson())})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        auto hijack = theirs;
        hijack.shopId = uuid(m_shop.id);
        quarantined(m_t, core::op::kChargeUpsert, hijack.toJson(), "charges",
                    QStringLiteral("belongs to another shop"));
        QCOMPARE(queryText(*m_server,
                           "SELECT shop_id::text FROM charges WHERE id = " + sq(theirs.rule.id.toString())),
                 m_other.id);
    }

    void saleWithCharges() {
        // The stack: 1 % market cess and a ₹10.00 weighing fee per bill on the buyer, ₹5.00 hamali
        // per package on the farmer; the buyer pays the 5 % commission too.
        const auto cess = charge(m_shop.id, QStringLiteral("CESS"), core::ChargeBasis::Percent, 100,
                                 core::ChargePayer::Buyer);
        const auto hamali = charge(m_shop.id, QStringLiteral("HAMALI"), core::ChargeBasis::PerPackage, 500,
                                   core::ChargePayer::Farmer);
        const auto weigh = charge(m_shop.id, QStringLiteral("WEIGH"), core::ChargeBasis::PerBill, 1000,
                                  core::ChargePayer::Buyer);
        m_stack = {cess.rule, hamali.rule, weigh.rule};
        m_secondFarmer = party(m_t.shopId, core::PartyKind::Farmer);
        m_secondLot = lot(m_t, m_secondFarmer.id, m_product.id, 50'000);
        // 10 kg (3 packages) and 5 kg (2 packages) at ₹40.00: ₹400.00 + ₹200.00 of goods, ₹300.00 on credit.
        m_chargedSale = sale(m_t, {{m_lot, 10'000}, {m_secondLot, 5'000}}, 4000, m_buyer.id);
        applyStack(m_chargedSale, m_stack, true, {3, 2}, 30'000);
        const auto checked = m_chargedSale.verifyArithmetic();
        QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().message));
        const QString id = m_chargedSale.id.toString();
        acceptedOnceOnly(m_t,
                         {m_t.op(core::op::kChargeUpsert, cess.toJson()),
                          m_t.op(core::op::kChargeUpsert, hamali.toJson()),
                          m_t.op(core::op::kChargeUpsert, weigh.toJson()),
                          m_t.op(core::op::kPartyUpsert, m_secondFarmer.toJson()),
                          m_t.op(core::op::kLotReceived, m_secondLot.toJson()),
                          m_t.op(core::op::kSaleRecorded, m_chargedSale.toJson())},
                         "sale_line_charges", "sale_id", id, 6);
        QCOMPARE(
            count("SELECT count(*) FROM charges WHERE active AND code IN ('CESS', 'HAMALI', 'WEIGH') AND "
                  "shop_id = " +
                  sq(m_shop.id)),
            qint64(3));
        // Line 1: 400 cess + 667 of the weighing fee (2:1 split of ₹10.00), 3 × 500 hamali; the
        // farmer's net is the goods less hamali only (the buyer pays the commission).
        // Bill: 40000 + 1067 + 2000 + 20000 + 533 + 1000 = 64600.
        QCOMPARE(
            queryText(*m_server, "SELECT total || '/' || paid || '/' || credit || '/' || commission_by_buyer "
                                 "FROM sales WHERE id = " +
                                     sq(id)),
            QStringLiteral("64600/34600/30000/true"));
        QCOMPARE(
            queryText(*m_server,
                      "SELECT string_agg(packages || '/' || commission || '/' || buyer_charges || '/' || "
                      "farmer_charges || '/' || farmer_net || '/' || commission_by_buyer, ',' ORDER BY "
                      "line_no) FROM sale_lines WHERE sale_id = " +
                          sq(id)),
            QStringLiteral("3/2000/1067/1500/38500/true,2/1000/533/1000/19000/true"));
        QCOMPARE(queryText(*m_server, "SELECT string_agg(c.code || ':' || c.basis || ':' || c.rate || ':' || "
                                      "c.payer || ':' || c.amount, ',' ORDER BY l.line_no, c.position) FROM "
                                      "sale_line_charges c JOIN sale_lines l ON l.id = c.sale_line_id WHERE "
                                      "c.sale_id = " +
                                          sq(id)),
                 QStringLiteral("CESS:percent:100:buyer:400,HAMALI:per_package:500:farmer:1500,"
                                "WEIGH:per_bill:1000:buyer:667,CESS:percent:100:buyer:200,"
                                "HAMALI:per_package:500:farmer:1000,WEIGH:per_bill:1000:buyer:333"));
        QCOMPARE(
            queryText(*m_server, "SELECT string_agg(DISTINCT charge_id::text, ',') FROM sale_line_charges "
                                 "WHERE code = 'HAMALI' AND sale_id = " +
                                     sq(id)),
            hamali.rule.id.toString());
        // The credit's shop part (buyer-side charges and commission: 4600 of 64600) has no farmer.
        QCOMPARE(count("SELECT amount FROM credit_details WHERE farmer_id IS NULL AND credit_id = " +
                       sq(m_chargedSale.creditId->toString())),
                 qint64(2136));
        QCOMPARE(count("SELECT sum(amount) FROM credit_details WHERE credit_id = " +
                       sq(m_chargedSale.creditId->toString())),
                 qint64(30'000));
        // Another counter gets the sale as pushed, charges included, and it checks out there too.
        const QJsonObject doc = pulled(core::op::kSaleRecorded, id).value(QStringLiteral("doc")).toObject();
        QCOMPARE(doc, m_chargedSale.toJson());
        const auto back = core::SaleDoc::fromJson(doc);
        QVERIFY(back.ok() && back->verifyArithmetic().ok());
        QCOMPARE(back->lines[0].charges.size(), size_t(3));
    }

    void tamperedChargesAreQuarantined() {
        // A 1 kg + 1 kg cash bill: the weighing fee splits 500 / 500.
        core::SaleDoc s = sale(m_t, {{m_lot, 1'000}, {m_secondLot, 1'000}}, 4000);
        applyStack(s, m_stack, true, {1, 1});
        const qint64 sales = count("SELECT count(*) FROM sales");
        const qint64 charged = count("SELECT count(*) FROM sale_line_charges");
        const qint64 lines = count("SELECT count(*) FROM sale_lines");

        // One paisa more of cess on line 1, the bill re-added so only the rate can tell.
        auto cess = s;
        cess.lines[0].charges[0].amount += core::Money::fromMinor(1);
        settle(cess, 0);
        quarantined(m_t, core::op::kSaleRecorded, cess.toJson(), "sales",
                    QStringLiteral("line 1: charge CESS does not match its rate"));
        // The weighing fee's shares moved from one line to the other (the bill still adds up).
        auto shares = s;
        shares.lines[0].charges[2].amount += core::Money::fromMinor(1);
        shares.lines[1].charges[2].amount -= core::Money::fromMinor(1);
        settle(shares, 0);
        quarantined(m_t, core::op::kSaleRecorded, shares.toJson(), "sales",
                    QStringLiteral("share of charge WEIGH is not its proportion of the bill"));
        auto lineTotal = s;
        lineTotal.lines[1].buyerCharges += core::Money::fromMinor(1);
        lineTotal.total += core::Money::fromMinor(1);
        quarantined(m_t, core::op::kSaleRecorded, lineTotal.toJson(), "sales",
                    QStringLiteral("line 2: charge totals are not the sum of its charges"));
        // Who paid commission changes the farmer's net: the flag alone flipped does not add up.
        quarantined(m_t, core::op::kSaleRecorded,
                    with(s.toJson(), QStringLiteral("commissionPayer"), QStringLiteral("farmer")), "sales",
                    QStringLiteral("farmer net + commission + farmer charges != amount"));
        quarantined(m_t, core::op::kSaleRecorded,
                    with(s.toJson(), QStringLiteral("commissionPayer"), QStringLiteral("shop")), "sales",
                    QStringLiteral("commissionPayer"));
        QCOMPARE(count("SELECT count(*) FROM sales"), sales);
        QCOMPARE(count("SELECT count(*) FROM sale_lines"), lines);
        QCOMPARE(count("SELECT count(*) FROM sale_line_charges"), charged);
        QCOMPARE(rows("sales", s.id.toString()), qint64(0));
        // The untouched bill is taken.
        acceptedOnceOnly(m_t, {m_t.op(core::op::kSaleRecorded, s.toJson())}, "sale_line_charges", "sale_id",
                         s.id.toString(), 6);
    }

    void returnWithCharges() {
        // All of line 1 back: goods, cess and weighing share and the commission go back to the
        // buyer; ₹100.00 of it off the credit, the rest refunded.
        const auto d = saleReturn(m_t, m_chargedSale, 10'000, 10'000);
        const QString id = d.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kSaleReturned, d.toJson())}, "sale_returns", "id", id);
        QCOMPARE(queryText(*m_server, "SELECT total || '/' || credit_reduction || '/' || refund || '/' || "
                                      "commission_by_buyer FROM sale_returns WHERE id = " +
                                          sq(id)),
                 QStringLiteral("43067/10000/33067/true"));
        QCOMPARE(
            queryText(*m_server, "SELECT amount || '/' || commission || '/' || buyer_charges || '/' || "
                                 "farmer_charges || '/' || farmer_net || '/' || commission_by_buyer FROM "
                                 "return_lines WHERE return_id = " +
                                     sq(id)),
            QStringLiteral("40000/2000/1067/1500/38500/true"));
        QCOMPARE(pulled(core::op::kSaleReturned, id).value(QStringLiteral("doc")).toObject(), d.toJson());

        // A return must settle commission the way its sale did.
        auto payer = saleReturn(m_t, m_chargedSale, 1'000);
        auto& line = payer.lines[0];
        payer.commissionByBuyer = false;
        line.farmerNet = line.amount - line.farmerCharges - line.commission;
        payer.total = line.billed(false);
        payer.refund = payer.total;
        quarantined(m_t, core::op::kSaleReturned, payer.toJson(), "sale_returns",
                    QStringLiteral("commissionPayer is not sale %1's").arg(m_chargedSale.id.toString()));
        auto net = saleReturn(m_t, m_chargedSale, 1'000);
        net.lines[0].farmerNet += net.lines[0].farmerCharges; // hamali not deducted
        quarantined(m_t, core::op::kSaleReturned, net.toJson(), "sale_returns",
                    QStringLiteral("farmer net + commission + farmer charges != amount"));
    }

    void oldStyleDocumentsStillIngest() {
        // A counter from before the charge stack: no commissionPayer, packages or charges.
        const auto s = sale(m_t, {{m_lot, 1'000}}, 4000);
        const QJsonObject doc = withoutChargeFields(s.toJson());
        QVERIFY(!doc.contains(QStringLiteral("commissionPayer")));
        const QString id = s.id.toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kSaleRecorded, doc)}, "sales", "id", id);
        QCOMPARE(
            queryText(*m_server, "SELECT s.total || '/' || s.commission_by_buyer || '/' || l.packages || "
                                 "'/' || l.buyer_charges || '/' || l.farmer_charges || '/' || l.farmer_net "
                                 "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.id = " +
                                     sq(id)),
            QStringLiteral("4000/false/0/0/0/3800"));
        QCOMPARE(rows("sale_line_charges", id, "sale_id"), qint64(0));
        QCOMPARE(pulled(core::op::kSaleRecorded, id).value(QStringLiteral("doc")).toObject(), doc);

        QJsonObject back = saleReturn(m_t, s, 1'000).toJson();
        back.remove(QStringLiteral("commissionPayer"));
        QJsonArray lines;
        for (const auto& v : back.value(QStringLiteral("lines")).toArray()) {
            QJsonObject l = v.toObject();
            l.remove(QStringLiteral("buyerCharges"));
            l.remove(QStringLiteral("farmerCharges"));
            lines.append(l);
        }
        back.insert(QStringLiteral("lines"), lines);
        const QString returnId = back.value(QStringLiteral("id")).toString();
        acceptedOnceOnly(m_t, {m_t.op(core::op::kSaleReturned, back)}, "sale_returns", "id", returnId);
        QCOMPARE(queryText(*m_server, "SELECT amount || '/' || commission || '/' || farmer_net || '/' || "
                                      "commission_by_buyer FROM return_lines WHERE return_id = " +
                                          sq(returnId)),
                 QStringLiteral("4000/200/3800/false"));
    }

    void reusedSaleIdIsQuarantined() {
        // A sale id already recorded (looked up in sale_ids), in a later push and twice in one push.
        const auto s = sale(m_t, {{m_lot, 1'000}}, 1000);
        QCOMPARE(m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, s.toJson())})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        quarantined(m_t, core::op::kSaleRecorded, s.toJson(), "sales", QStringLiteral("is already recorded"));
        const auto other = sale(m_t, {{m_lot, 1'000}}, 1000);
        const auto twice = m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, other.toJson()),
                                                m_t.op(core::op::kSaleRecorded, other.toJson())});
        QCOMPARE(twice.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(twice.json.value(QStringLiteral("quarantined")).toInt(), 1);
        QCOMPARE(count("SELECT count(*) FROM sales WHERE id IN (" + sq(s.id.toString()) + ", " +
                       sq(other.id.toString()) + ")"),
                 qint64(2));
        QCOMPARE(count("SELECT count(*) FROM sale_ids WHERE id IN (" + sq(s.id.toString()) + ", " +
                       sq(other.id.toString()) + ")"),
                 qint64(2));
    }

    void lotTotalsEqualTheLines() {
        // The running totals the oversold check reads (sold, returned, adjusted per lot), after
        // the sales, returns (one across counters) and adjustments above, in two shops.
        const auto [mismatches, rows] = lotTotalsMismatches(*m_server);
        QCOMPARE(mismatches, qint64(0));
        QVERIFY(rows >= 3);
        QVERIFY(count("SELECT count(*) FROM lot_totals WHERE returned_qty > 0") > 0);
        QVERIFY(count("SELECT count(*) FROM lot_totals WHERE adjusted_qty <> 0") > 0);
    }

    void tenantRoleSeesOnlyItsShop() {
        // The new tables carry the same policy as the old ones: as market_app in BLR01 nothing of
        // HYD01 is visible (each table holds HYD01 rows, as the owning role sees).
        const std::string notOther = " WHERE shop_id <> " + sq(m_other.id);
        const char* const tables[] = {"farmer_payments", "expenses",       "stock_adjustments",
                                      "cash_sessions",   "cash_movements", "cash_session_closings",
                                      "sale_returns",    "return_lines",   "return_allocations",
                                      "settings",        "charges",        "sale_line_charges",
                                      "lot_totals"};
        for (const char* table : tables)
            QVERIFY2(count(std::string("SELECT count(*) FROM ") + table + notOther) > 0, table);
        pqxx::connection c(m_server->dbUrl());
        pqxx::work tx(c);
        tx.exec("SET LOCAL ROLE market_app");
        tx.exec("SELECT set_config('market.shop_id', " + sq(m_other.id) + ", true)");
        for (const char* table : tables)
            QCOMPARE(tx.exec(std::string("SELECT count(*) FROM ") + table + notOther)[0][0].as<qint64>(),
                     qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestServerBooks)
#include "tst_server_books.moc"
