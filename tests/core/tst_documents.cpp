#include "domain/Documents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTest>

using namespace market::core;

namespace {
qint64 g_ms = 1'800'000'000'000;

Uuid newId() {
    return Uuid::createV7(++g_ms);
}

const qint64 kAt = 1'717'000'000'000; // 2024-05-29

ShopDoc sampleShop() {
    ShopDoc d;
    d.id = newId();
    d.code = QStringLiteral("HYD01");
    d.name = QStringLiteral("Sri Lakshmi Flowers, Gudimalkapur");
    d.currency = Currency::INR;
    d.timeZone = QStringLiteral("Asia/Kolkata");
    d.version = 3;
    return d;
}

TerminalDoc sampleTerminal() {
    TerminalDoc d;
    d.id = newId();
    d.shopId = newId();
    d.number = 2;
    d.name = QStringLiteral("Counter 2");
    return d;
}

UserDoc sampleUser() {
    UserDoc d;
    d.id = newId();
    d.shopId = newId();
    d.username = QStringLiteral("ravi");
    d.displayName = QStringLiteral("रवि कुमार");
    d.role = Role::Manager;
    d.passwordHash = QStringLiteral(
        "$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=");
    d.pinHash = QString();
    d.active = false;
    d.version = 7;
    return d;
}

PartyDoc sampleParty() {
    PartyDoc d;
    d.id = newId();
    d.shopId = newId();
    d.kind = PartyKind::Buyer;
    d.code = QStringLiteral("B-0042");
    d.name = QStringLiteral("Hotel Paradise");
    d.phone = QStringLiteral("+91 98480 22338");
    d.creditLimit = Money::fromMinor(5'000'000);
    return d;
}

ProductDoc sampleProduct() {
    ProductDoc d;
    d.id = newId();
    d.shopId = newId();
    d.code = QStringLiteral("MARI");
    d.name = QStringLiteral("Marigold");
    d.category = Category::Flower;
    d.unit = Unit::Kg;
    return d;
}

CommissionRuleDoc sampleRule() {
    CommissionRuleDoc d;
    d.id = newId();
    d.shopId = newId();
    d.productId = newId();
    d.rule.kind = CommissionKind::Slab;
    d.rule.slabs = {{Quantity(), Quantity::fromUnits(100), 300},
                    {Quantity::fromUnits(100), Quantity::fromUnits(500), 500},
                    {Quantity::fromUnits(500), std::nullopt, 700}};
    return d;
}

LotDoc sampleLot() {
    LotDoc d;
    d.id = newId();
    d.shopId = newId();
    d.terminalId = newId();
    d.code = QStringLiteral("L-240529-007");
    d.farmerId = newId();
    d.productId = newId();
    d.grossQty = Quantity::fromThousandths(152'500);
    d.tareQty = Quantity::fromThousandths(2'500);
    d.receivedQty = Quantity::fromUnits(150);
    d.packages = 6;
    d.grade = QStringLiteral("A");
    d.vehicle = QStringLiteral("TS 09 UA 1234");
    d.notes = QStringLiteral("two bags wet");
    d.receivedAtMs = kAt;
    d.createdBy = newId();
    return d;
}

LotStatusDoc sampleLotStatus() {
    LotStatusDoc d;
    d.id = newId();
    d.lotId = newId();
    d.from = LotStatus::Active;
    d.to = LotStatus::Discarded;
    d.reason = QStringLiteral("rotten");
    d.atMs = kAt;
    d.by = newId();
    return d;
}

// A credit sale that adds up: two lines, cash + UPI, the rest on credit in two farmer details.
SaleDoc sampleSale() {
    SaleDoc d;
    d.id = newId();
    d.shopId = newId();
    d.terminalId = newId();
    d.receiptSeq = 123;
    d.receiptNo = QStringLiteral("HYD01-2-000123");
    d.buyerId = newId();
    d.cashierId = newId();
    d.createdAtMs = kAt;

    SaleLineDoc a;
    a.id = newId();
    a.lineNo = 1;
    a.lotId = newId();
    a.productId = newId();
    a.farmerId = newId();
    a.qty = Quantity::fromThousandths(12'345); // 12.345 kg
    a.price = Money::fromMinor(6'789);         // ₹67.89 / kg → 838.10205 → ₹838.10
    a.amount = Money::fromMinor(83'810);
    a.commissionBp = 500; // 4190.5 → 4191
    a.commission = Money::fromMinor(4'191);
    a.farmerNet = Money::fromMinor(79'619);

    SaleLineDoc b;
    b.id = newId();
    b.lineNo = 2;
    b.lotId = newId();
    b.productId = newId();
    b.farmerId = newId();
    b.qty = Quantity::fromUnits(2);
    b.price = Money::fromMinor(45'000);
    b.amount = Money::fromMinor(90'000);
    b.commissionBp = 300;
    b.commission = Money::fromMinor(2'700);
    b.farmerNet = Money::fromMinor(87'300);
    d.lines = {a, b};

    d.payments = {{newId(), PaymentMethod::Cash, Money::fromMinor(100'000), QString()},
                  {newId(), PaymentMethod::Upi, Money::fromMinor(50'000), QStringLiteral("UPI-4471")}};
    d.total = Money::fromMinor(173'810);
    d.paid = Money::fromMinor(150'000);
    d.tendered = Money::fromMinor(150'190);
    d.change = Money::fromMinor(190);
    d.credit = Money::fromMinor(23'810);
    d.creditId = newId();
    d.creditDetails = {{newId(), a.farmerId, Money::fromMinor(11'481)},
                       {newId(), b.farmerId, Money::fromMinor(12'329)}};
    d.overrideBy = newId();
    d.overrideReason = QStringLiteral("regular buyer, pays Fridays");
    return d;
}

// A walk-in cash sale, no credit.
SaleDoc sampleCashSale() {
    SaleDoc d = sampleSale();
    d.buyerId.reset();
    d.walkinName = QStringLiteral("Anita");
    d.walkinPhone = QStringLiteral("9000000001");
    d.payments = {{newId(), PaymentMethod::Cash, Money::fromMinor(173'810), QString()}};
    d.paid = d.total;
    d.tendered = Money::fromMinor(180'000);
    d.change = Money::fromMinor(6'190);
    d.credit = Money();
    d.creditId.reset();
    d.creditDetails.clear();
    d.overrideBy.reset();
    d.overrideReason.clear();
    return d;
}

CollectionDoc sampleCollection() {
    CollectionDoc d;
    d.id = newId();
    d.shopId = newId();
    d.terminalId = newId();
    d.buyerId = newId();
    d.amount = Money::fromMinor(1'000);
    d.method = PaymentMethod::BankTransfer;
    d.reference = QStringLiteral("NEFT 88812");
    d.cashierId = newId();
    d.atMs = kAt;
    d.allocations = {{newId(), newId(), newId(), newId(), Money::fromMinor(600)},
                     {newId(), newId(), newId(), std::nullopt, Money::fromMinor(400)}};
    return d;
}

CommissionConfirmationDoc sampleConfirmation() {
    CommissionConfirmationDoc d;
    d.id = newId();
    d.saleId = newId();
    d.confirmedBy = newId();
    d.atMs = kAt;
    return d;
}

QJsonObject sampleJson(const QString& doc) {
    if (doc == u"shop")
        return sampleShop().toJson();
    if (doc == u"terminal")
        return sampleTerminal().toJson();
    if (doc == u"user")
        return sampleUser().toJson();
    if (doc == u"party")
        return sampleParty().toJson();
    if (doc == u"product")
        return sampleProduct().toJson();
    if (doc == u"rule")
        return sampleRule().toJson();
    if (doc == u"lot")
        return sampleLot().toJson();
    if (doc == u"lotStatus")
        return sampleLotStatus().toJson();
    if (doc == u"sale")
        return sampleSale().toJson();
    if (doc == u"collection")
        return sampleCollection().toJson();
    if (doc == u"confirmation")
        return sampleConfirmation().toJson();
    qFatal("unknown sample document");
}

template <typename D> std::pair<bool, QString> outcome(const Result<D>& r) {
    if (r.ok())
        return {true, QString()};
    return {false, errorCodeName(r.error().code) + QLatin1Char(' ') + r.error().message};
}

// Decodes and re-encodes: {ok, error} and the re-encoded JSON when ok.
std::pair<std::pair<bool, QString>, QJsonObject> decode(const QString& doc, const QJsonObject& o) {
#define MARKET_DECODE(name, Type)                                                                            \
    if (doc == u"" name) {                                                                                   \
        const auto r = Type::fromJson(o);                                                                    \
        return {outcome(r), r.ok() ? r->toJson() : QJsonObject()};                                           \
    }
    MARKET_DECODE("shop", ShopDoc)
    MARKET_DECODE("terminal", TerminalDoc)
    MARKET_DECODE("user", UserDoc)
    MARKET_DECODE("party", PartyDoc)
    MARKET_DECODE("product", ProductDoc)
    MARKET_DECODE("rule", CommissionRuleDoc)
    MARKET_DECODE("lot", LotDoc)
    MARKET_DECODE("lotStatus", LotStatusDoc)
    MARKET_DECODE("sale", SaleDoc)
    MARKET_DECODE("collection", CollectionDoc)
    MARKET_DECODE("confirmation", CommissionConfirmationDoc)
#undef MARKET_DECODE
    qFatal("unknown document");
}

const QStringList kAllDocs = {
    QStringLiteral("shop"),       QStringLiteral("terminal"),    QStringLiteral("user"),
    QStringLiteral("party"),      QStringLiteral("product"),     QStringLiteral("rule"),
    QStringLiteral("lot"),        QStringLiteral("lotStatus"),   QStringLiteral("sale"),
    QStringLiteral("collection"), QStringLiteral("confirmation")};

// Sets or removes (undefined value) the member at a path like "lines.0.price".
QJsonValue edited(const QJsonValue& at, QStringList path, const QJsonValue& value) {
    const QString key = path.takeFirst();
    if (at.isArray()) {
        QJsonArray a = at.toArray();
        const int i = key.toInt();
        if (path.isEmpty())
            a[i] = value;
        else
            a[i] = edited(a.at(i), path, value);
        return a;
    }
    QJsonObject o = at.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            o.remove(key);
        else
            o[key] = value;
    } else {
        o[key] = edited(o.value(key), path, value);
    }
    return o;
}

QJsonArray repeated(const QJsonValue& item, int n) {
    QJsonArray a;
    for (int i = 0; i < n; ++i)
        a.append(item);
    return a;
}

QString text(qsizetype n) {
    return QString(n, QLatin1Char('x'));
}

enum class Break {
    LineAmountUp,
    LineAmountDown,
    CommissionUp,
    CommissionRoundedDown,
    CommissionRateChanged,
    FarmerNetOff,
    TotalOff,
    PaidPlusCreditOff,
    PaidNotSumOfPayments,
    ZeroPayment,
    CreditDetailOff,
    CreditDetailsMissing,
    WalkinCredit,
    ChangeOff,
    NegativeChange,
    CreditWithoutId,
    IdWithoutCredit,
    NoLines,
};
} // namespace

class TestDocuments : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void roundTripFields();
    void optionalFieldsAbsentOrNull();
    void largeIntegersSurviveText();
    void strictDecoding_data();
    void strictDecoding();
    void firstErrorWins();
    void saleArithmeticAccepts_data();
    void saleArithmeticAccepts();
    void saleArithmeticRejects_data();
    void saleArithmeticRejects();
    void collectionArithmetic_data();
    void collectionArithmetic();
};

void TestDocuments::roundTrip_data() {
    QTest::addColumn<QString>("doc");
    for (const QString& d : kAllDocs)
        QTest::newRow(qPrintable(d)) << d;
    QTest::newRow("cash sale") << QStringLiteral("cashSale");
}

void TestDocuments::roundTrip() {
    QFETCH(QString, doc);
    const bool cash = doc == u"cashSale";
    const QJsonObject original = cash ? sampleCashSale().toJson() : sampleJson(doc);
    const QString kind = cash ? QStringLiteral("sale") : doc;

    const auto [result, again] = decode(kind, original);
    QVERIFY2(result.first, qPrintable(result.second));
    QCOMPARE(again, original);

    // Through text as well, the way it travels.
    const QByteArray wire = QJsonDocument(original).toJson(QJsonDocument::Compact);
    const auto [result2, again2] = decode(kind, QJsonDocument::fromJson(wire).object());
    QVERIFY2(result2.first, qPrintable(result2.second));
    QCOMPARE(again2, original);
}

void TestDocuments::roundTripFields() {
    const SaleDoc s = sampleSale();
    const auto r = SaleDoc::fromJson(s.toJson());
    QVERIFY(r.ok());
    QCOMPARE(r->id, s.id);
    QCOMPARE(r->buyerId, s.buyerId);
    QCOMPARE(r->lines.size(), size_t{2});
    QCOMPARE(r->lines[0].qty, s.lines[0].qty);
    QCOMPARE(r->lines[0].price, s.lines[0].price);
    QCOMPARE(r->lines[1].farmerNet, s.lines[1].farmerNet);
    QCOMPARE(r->payments[1].method, PaymentMethod::Upi);
    QCOMPARE(r->payments[1].reference, QStringLiteral("UPI-4471"));
    QCOMPARE(r->creditDetails[1].farmerId, s.creditDetails[1].farmerId);
    QCOMPARE(r->overrideReason, s.overrideReason);
    QVERIFY(r->verifyArithmetic().ok());

    const CommissionRuleDoc rule = sampleRule();
    const auto rr = CommissionRuleDoc::fromJson(rule.toJson());
    QVERIFY(rr.ok());
    QCOMPARE(rr->rule.kind, CommissionKind::Slab);
    QCOMPARE(rr->rule.slabs.size(), size_t{3});
    QCOMPARE(rr->rule.slabs[1].from, Quantity::fromUnits(100));
    QCOMPARE(rr->rule.slabs[1].to, std::optional(Quantity::fromUnits(500)));
    QVERIFY(!rr->rule.slabs[2].to.has_value());
    QCOMPARE(rr->rule.rateFor(Quantity::fromUnits(100)), 500);

    const UserDoc u = sampleUser();
    const auto ru = UserDoc::fromJson(u.toJson());
    QVERIFY(ru.ok());
    QCOMPARE(ru->displayName, u.displayName);
    QCOMPARE(ru->role, Role::Manager);
    QCOMPARE(ru->active, false);
    QCOMPARE(ru->version, 7);

    const LotDoc l = sampleLot();
    const auto rl = LotDoc::fromJson(l.toJson());
    QVERIFY(rl.ok());
    QCOMPARE(rl->receivedQty, Quantity::fromUnits(150));
    QCOMPARE(rl->grossQty, l.grossQty);
    QCOMPARE(rl->receivedAtMs, kAt);
}

void TestDocuments::optionalFieldsAbsentOrNull() {
    // Optional members may be missing or null; both decode as "not set".
    QJsonObject sale = sampleCashSale().toJson();
    for (const char* key :
         {"buyerId", "walkinName", "walkinPhone", "creditId", "overrideBy", "overrideReason"})
        sale.remove(QLatin1String(key));
    auto r = SaleDoc::fromJson(sale);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QVERIFY(!r->buyerId.has_value());
    QVERIFY(r->verifyArithmetic().ok());

    QJsonObject rule = sampleRule().toJson();
    rule[QStringLiteral("productId")] = QJsonValue(QJsonValue::Null);
    auto rr = CommissionRuleDoc::fromJson(rule);
    QVERIFY(rr.ok());
    QVERIFY(!rr->productId.has_value());

    QJsonObject lot = sampleLot().toJson();
    lot.remove(QStringLiteral("grade"));
    lot[QStringLiteral("notes")] = QJsonValue(QJsonValue::Null);
    QVERIFY(LotDoc::fromJson(lot).ok());
}

void TestDocuments::largeIntegersSurviveText() {
    // Money up to kMaxInput and versions far beyond 2^53 must stay exact through JSON text.
    PartyDoc p = sampleParty();
    p.creditLimit = Money::fromMinor(Money::kMaxInput);
    p.version = (qint64{1} << 60) + 1;
    const QByteArray wire = QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
    const auto r = PartyDoc::fromJson(QJsonDocument::fromJson(wire).object());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->creditLimit.minor(), Money::kMaxInput);
    QCOMPARE(r->version, (qint64{1} << 60) + 1);
}

void TestDocuments::strictDecoding_data() {
    QTest::addColumn<QString>("doc");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the member
    QTest::addColumn<QString>("error");

    const QJsonValue removed(QJsonValue::Undefined);
    auto row = [](const char* name, const char* doc, const char* path, const QJsonValue& v,
                  const char* error) {
        QTest::newRow(name) << QString::fromUtf8(doc) << QString::fromUtf8(path) << v
                            << QString::fromUtf8(error);
    };
    const QString upper = QStringLiteral("018F3C2A-1B2C-7D3E-8F40-123456789ABC");

    row("id not a UUID", "shop", "id", QStringLiteral("not-a-uuid"), "id: not a UUID");
    row("id upper case", "shop", "id", upper, "id: not a UUID");
    row("id nil", "shop", "id", QStringLiteral("00000000-0000-0000-0000-000000000000"), "id: not a UUID");
    row("id a number", "shop", "id", 42, "id: not a string");
    row("id missing", "shop", "id", removed, "id: missing");
    row("id null", "shop", "id", QJsonValue(QJsonValue::Null), "id: not a string");
    row("code missing", "shop", "code", removed, "code: missing");
    row("code too long", "shop", "code", text(41), "code: longer than 40 characters");
    row("name too long", "shop", "name", text(201), "name: longer than 200 characters");
    row("unknown currency", "shop", "currency", QStringLiteral("XYZ"), "currency: unknown value \"XYZ\"");
    row("lower-case currency", "shop", "currency", QStringLiteral("inr"), "currency: unknown value");
    row("version 0", "shop", "version", 0, "version: out of range");
    row("version 1.5", "shop", "version", 1.5, "version: not an integer in range");
    row("version as string", "shop", "version", QStringLiteral("1"), "version: not a number");
    row("version true", "shop", "version", true, "version: not a number");

    row("terminal number 0", "terminal", "number", 0, "number: out of range");
    row("terminal shopId garbage", "terminal", "shopId", QStringLiteral("zz"), "shopId: not a UUID");

    row("unknown role", "user", "role", QStringLiteral("admin"), "role: unknown value \"admin\"");
    row("role wrong case", "user", "role", QStringLiteral("Owner"), "role: unknown value");
    row("active as string", "user", "active", QStringLiteral("yes"), "active: not a boolean");
    row("active as 1", "user", "active", 1, "active: not a boolean");
    row("password hash too long", "user", "passwordHash", text(257), "passwordHash: longer than 256");

    row("money 1.5", "party", "creditLimit", 1.5, "creditLimit: not an integer in range");
    row("money as string", "party", "creditLimit", QStringLiteral("100"), "creditLimit: not a number");
    row("money negative", "party", "creditLimit", -1, "creditLimit: out of range");
    row("money above max", "party", "creditLimit", Money::kMaxInput + 1, "creditLimit: out of range");
    row("money 1e20", "party", "creditLimit", 1e20, "creditLimit: not an integer in range");
    row("money missing", "party", "creditLimit", removed, "creditLimit: missing");
    row("unknown party kind", "party", "kind", QStringLiteral("supplier"), "kind: unknown value");
    row("phone too long", "party", "phone", text(41), "phone: longer than 40");
    row("phone a number", "party", "phone", 9848022338LL, "phone: not a string");

    row("unknown unit", "product", "unit", QStringLiteral("ton"), "unit: unknown value \"ton\"");
    row("category missing", "product", "category", removed, "category: missing");

    row("rule rate above 100 %", "rule", "rateBp", 10001, "rateBp: out of range");
    row("rule kind unknown", "rule", "kind", QStringLiteral("tiered"), "kind: unknown value");
    row("slab rate 1.5", "rule", "slabs.0.rateBp", 1.5, "slabs[0].rateBp: not an integer in range");
    row("slab not an object", "rule", "slabs.1", 5, "slabs[1]: not an object");
    row("slabs with a gap", "rule", "slabs.1.fromQty", 150'000, "Commission slabs must start at 0");
    row("too many slabs", "rule", "slabs",
        repeated(QJsonObject{{QStringLiteral("fromQty"), 0}, {QStringLiteral("rateBp"), 0}}, 51),
        "slabs: more than 50 items");
    row("productId garbage", "rule", "productId", QStringLiteral("product-1"), "productId: not a UUID");

    row("lot qty zero", "lot", "receivedQty", 0, "receivedQty: out of range");
    row("lot qty 1.5", "lot", "receivedQty", 1.5, "receivedQty: not an integer in range");
    row("lot net != gross - tare", "lot", "receivedQty", 150'001, "receivedQty: is not grossQty - tareQty");
    row("lot tare above gross", "lot", "tareQty", 200'000, "receivedQty: is not grossQty - tareQty");
    row("lot notes too long", "lot", "notes", text(2001), "notes: longer than 2000 characters");
    row("lot time negative", "lot", "receivedAtMs", -1, "receivedAtMs: out of range");
    row("lot packages negative", "lot", "packages", -1, "packages: out of range");
    row("lot createdBy missing", "lot", "createdBy", removed, "createdBy: missing");

    row("unknown lot status", "lotStatus", "to", QStringLiteral("lost"), "to: unknown value \"lost\"");

    row("line price 1.5", "sale", "lines.0.price", 1.5, "lines[0].price: not an integer in range");
    row("line price as string", "sale", "lines.0.price", QStringLiteral("2550"),
        "lines[0].price: not a number");
    row("line lotId garbage", "sale", "lines.1.lotId", QStringLiteral("x"), "lines[1].lotId: not a UUID");
    row("line qty zero", "sale", "lines.0.qty", 0, "lines[0].qty: out of range");
    row("line rate above 100 %", "sale", "lines.0.commissionBp", 10001,
        "lines[0].commissionBp: out of range");
    row("line not an object", "sale", "lines.1", 5, "lines[1]: not an object");
    row("lines empty", "sale", "lines", QJsonArray(), "lines: empty");
    row("lines not an array", "sale", "lines", QStringLiteral("abc"), "lines: not an array");
    row("lines missing", "sale", "lines", removed, "lines: missing");
    row("too many lines", "sale", "lines",
        repeated(sampleSale().toJson().value(QStringLiteral("lines")).toArray().at(0), 501),
        "lines: more than 500 items");
    row("too many payments", "sale", "payments",
        repeated(sampleSale().toJson().value(QStringLiteral("payments")).toArray().at(0), 21),
        "payments: more than 20 items");
    row("unknown payment method", "sale", "payments.0.method", QStringLiteral("bitcoin"),
        "payments[0].method: unknown value \"bitcoin\"");
    row("total missing", "sale", "total", removed, "total: missing");
    row("total negative", "sale", "total", -1, "total: out of range");
    row("buyerId empty string", "sale", "buyerId", QString(), "buyerId: not a UUID");
    row("receiptNo too long", "sale", "receiptNo", text(81), "receiptNo: longer than 80 characters");
    row("receiptSeq 0", "sale", "receiptSeq", 0, "receiptSeq: out of range");
    row("credit detail 1.5", "sale", "creditDetails.1.amount", 1.5,
        "creditDetails[1].amount: not an integer in range");
    row("credit detail farmer garbage", "sale", "creditDetails.0.farmerId", QStringLiteral("f"),
        "creditDetails[0].farmerId: not a UUID");

    row("allocation amount 1.5", "collection", "allocations.0.amount", 1.5,
        "allocations[0].amount: not an integer in range");
    row("too many allocations", "collection", "allocations",
        repeated(sampleCollection().toJson().value(QStringLiteral("allocations")).toArray().at(0), 5001),
        "allocations: more than 5000 items");
    row("collection method missing", "collection", "method", removed, "method: missing");

    row("confirmation after year 3000", "confirmation", "atMs", 32'503'680'000'001LL, "atMs: out of range");
}

void TestDocuments::strictDecoding() {
    QFETCH(QString, doc);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);

    const QJsonObject broken = edited(sampleJson(doc), path.split(QLatin1Char('.')), value).toObject();
    const auto [result, json] = decode(doc, broken);
    QVERIFY2(!result.first, "decoded although broken");
    QVERIFY2(result.second.startsWith(QStringLiteral("invalid_input ")), qPrintable(result.second));
    QVERIFY2(result.second.contains(error), qPrintable(result.second));
}

void TestDocuments::firstErrorWins() {
    QJsonObject o = sampleParty().toJson();
    o[QStringLiteral("code")] = 5;
    o[QStringLiteral("creditLimit")] = 1.5;
    const auto r = PartyDoc::fromJson(o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("code: not a string"));
}

void TestDocuments::saleArithmeticAccepts_data() {
    QTest::addColumn<int>("variant");
    QTest::newRow("credit sale") << 0;
    QTest::newRow("walk-in cash sale") << 1;
    QTest::newRow("half paisa rounds up, zero commission") << 2;
    QTest::newRow("fully on credit") << 3;
}

void TestDocuments::saleArithmeticAccepts() {
    QFETCH(int, variant);
    SaleDoc s = variant == 1 ? sampleCashSale() : sampleSale();
    if (variant == 2) {
        s = sampleCashSale();
        SaleLineDoc& l = s.lines[0];
        l.qty = Quantity::fromThousandths(1); // 1 g at ₹5/kg = half a paisa → 1 paisa
        l.price = Money::fromMinor(500);
        l.amount = Money::fromMinor(1);
        l.commissionBp = 0;
        l.commission = Money();
        l.farmerNet = Money::fromMinor(1);
        s.lines.resize(1);
        s.total = s.paid = Money::fromMinor(1);
        s.payments[0].amount = Money::fromMinor(1);
        s.tendered = Money::fromMinor(100);
        s.change = Money::fromMinor(99);
    } else if (variant == 3) {
        s.payments.clear();
        s.paid = s.tendered = s.change = Money();
        s.credit = s.total;
        s.creditDetails = {{newId(), s.lines[0].farmerId, s.lines[0].amount},
                           {newId(), s.lines[1].farmerId, s.lines[1].amount}};
    }
    const Status st = s.verifyArithmetic();
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
}

void TestDocuments::saleArithmeticRejects_data() {
    QTest::addColumn<Break>("how");
    QTest::addColumn<QString>("error");

    QTest::newRow("line amount +1 paisa") << Break::LineAmountUp << QStringLiteral("line 1: amount");
    QTest::newRow("line amount -1 paisa") << Break::LineAmountDown << QStringLiteral("line 1: amount");
    QTest::newRow("commission +1") << Break::CommissionUp << QStringLiteral("line 1: commission");
    QTest::newRow("commission rounded down")
        << Break::CommissionRoundedDown << QStringLiteral("line 1: commission");
    QTest::newRow("commission rate changed")
        << Break::CommissionRateChanged << QStringLiteral("line 2: commission");
    QTest::newRow("farmer net off") << Break::FarmerNetOff << QStringLiteral("line 2: farmer net");
    QTest::newRow("total off") << Break::TotalOff << QStringLiteral("total is not the sum");
    QTest::newRow("paid + credit != total")
        << Break::PaidPlusCreditOff << QStringLiteral("paid + credit != total");
    QTest::newRow("paid != sum of payments")
        << Break::PaidNotSumOfPayments << QStringLiteral("paid is not the sum of payments");
    QTest::newRow("zero payment") << Break::ZeroPayment << QStringLiteral("positive");
    QTest::newRow("credit detail off")
        << Break::CreditDetailOff << QStringLiteral("credit details do not add up");
    QTest::newRow("credit details missing")
        << Break::CreditDetailsMissing << QStringLiteral("credit details do not add up");
    QTest::newRow("walk-in on credit") << Break::WalkinCredit << QStringLiteral("walk-in");
    QTest::newRow("change mismatch") << Break::ChangeOff << QStringLiteral("tendered - change != paid");
    QTest::newRow("negative change") << Break::NegativeChange << QStringLiteral("tendered - change != paid");
    QTest::newRow("credit without creditId") << Break::CreditWithoutId << QStringLiteral("creditId");
    QTest::newRow("creditId without credit") << Break::IdWithoutCredit << QStringLiteral("creditId");
    QTest::newRow("no lines") << Break::NoLines << QStringLiteral("at least one line");
}

void TestDocuments::saleArithmeticRejects() {
    QFETCH(Break, how);
    QFETCH(QString, error);

    SaleDoc s = sampleSale();
    QVERIFY(s.verifyArithmetic().ok());
    const Money one = Money::fromMinor(1);
    switch (how) {
    case Break::LineAmountUp: // everything downstream kept consistent with the wrong amount
        s.lines[0].amount += one;
        s.lines[0].farmerNet += one;
        s.total += one;
        s.credit += one;
        s.creditDetails[0].amount += one;
        break;
    case Break::LineAmountDown:
        s.lines[0].amount -= one;
        s.lines[0].farmerNet -= one;
        s.total -= one;
        s.credit -= one;
        s.creditDetails[0].amount -= one;
        break;
    case Break::CommissionUp:
        s.lines[0].commission += one;
        s.lines[0].farmerNet -= one;
        break;
    case Break::CommissionRoundedDown: // 4190.5 must round to 4191, not 4190
        s.lines[0].commission = Money::fromMinor(4'190);
        s.lines[0].farmerNet = Money::fromMinor(79'620);
        break;
    case Break::CommissionRateChanged:
        s.lines[1].commissionBp = 400;
        break;
    case Break::FarmerNetOff:
        s.lines[1].farmerNet += one;
        break;
    case Break::TotalOff:
        s.total += one;
        s.credit += one;
        s.creditDetails[0].amount += one;
        break;
    case Break::PaidPlusCreditOff:
        s.credit -= one;
        s.creditDetails[0].amount -= one;
        break;
    case Break::PaidNotSumOfPayments:
        s.paid += one;
        s.tendered += one;
        s.credit -= one;
        s.creditDetails[0].amount -= one;
        break;
    case Break::ZeroPayment:
        s.payments.push_back({newId(), PaymentMethod::Card, Money(), QString()});
        break;
    case Break::CreditDetailOff:
        s.creditDetails[0].amount -= one;
        break;
    case Break::CreditDetailsMissing:
        s.creditDetails.clear();
        break;
    case Break::WalkinCredit:
        s.buyerId.reset();
        break;
    case Break::ChangeOff:
        s.change += one;
        break;
    case Break::NegativeChange:
        s.change = Money::fromMinor(-10);
        s.tendered = s.paid - Money::fromMinor(10);
        break;
    case Break::CreditWithoutId:
        s.creditId.reset();
        break;
    case Break::IdWithoutCredit:
        s = sampleCashSale();
        s.creditId = newId();
        break;
    case Break::NoLines:
        s.lines.clear();
        break;
    }
    const Status st = s.verifyArithmetic();
    QVERIFY2(!st.ok(), "accepted a broken sale");
    QCOMPARE(st.error().code, ErrorCode::InvalidInput);
    QVERIFY2(st.error().message.contains(error), qPrintable(st.error().message));
}

void TestDocuments::collectionArithmetic_data() {
    QTest::addColumn<qlonglong>("amount");
    QTest::addColumn<QList<qlonglong>>("allocations");
    QTest::addColumn<bool>("ok");

    QTest::newRow("adds up") << 1000LL << QList<qlonglong>{600, 400} << true;
    QTest::newRow("single") << 1LL << QList<qlonglong>{1} << true;
    QTest::newRow("short by a paisa") << 1000LL << QList<qlonglong>{600, 399} << false;
    QTest::newRow("over by a paisa") << 1000LL << QList<qlonglong>{601, 400} << false;
    QTest::newRow("zero allocation") << 1000LL << QList<qlonglong>{1000, 0} << false;
    QTest::newRow("negative allocation") << 1000LL << QList<qlonglong>{1100, -100} << false;
    QTest::newRow("no allocations") << 1000LL << QList<qlonglong>{} << false;
    QTest::newRow("zero amount") << 0LL << QList<qlonglong>{} << false;
    QTest::newRow("negative amount") << -5LL << QList<qlonglong>{-5} << false;
}

void TestDocuments::collectionArithmetic() {
    QFETCH(qlonglong, amount);
    QFETCH(QList<qlonglong>, allocations);
    QFETCH(bool, ok);

    CollectionDoc c = sampleCollection();
    QVERIFY(c.verifyArithmetic().ok());
    c.amount = Money::fromMinor(amount);
    c.allocations.clear();
    for (const qlonglong a : allocations)
        c.allocations.push_back({newId(), newId(), newId(), newId(), Money::fromMinor(a)});
    const Status st = c.verifyArithmetic();
    QCOMPARE(st.ok(), ok);
    if (!ok)
        QCOMPARE(st.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestDocuments)
#include "tst_documents.moc"
