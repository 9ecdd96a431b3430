#include "Documents.h"

#include "JsonReader.h"

#include <QJsonArray>

namespace market::core {

namespace {
constexpr qsizetype kNameMax = 200;
constexpr qsizetype kCodeMax = 40;
constexpr qsizetype kTextMax = 2000;
constexpr qint64 kMaxMs = 32'503'680'000'000; // year 3000
constexpr qint64 kMaxVersion = std::numeric_limits<qint64>::max() / 2;
constexpr qint64 kMaxPackages = 1'000'000'000;

QJsonValue idOrNull(const std::optional<Uuid>& id) {
    return id ? QJsonValue(id->toString()) : QJsonValue(QJsonValue::Null);
}

template <typename T> Result<T> finish(const JsonReader& r, T doc) {
    if (!r.ok())
        return Error{ErrorCode::InvalidInput, r.error()};
    return doc;
}

template <typename E> E enumField(JsonReader& r, const QString& key, std::optional<E> (*parse)(QStringView)) {
    const QString s = r.string(key, 40);
    if (!r.ok())
        return E{};
    const auto v = parse(s);
    if (!v) {
        r.fail(key, QStringLiteral("unknown value \"%1\"").arg(s));
        return E{};
    }
    return *v;
}
} // namespace

// ---- shop, terminal, user ---------------------------------------------------------------------

QJsonObject ShopDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},  {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},         {QStringLiteral("currency"), currencyCode(currency)},
            {QStringLiteral("timeZone"), timeZone}, {QStringLiteral("version"), version}};
}

Result<ShopDoc> ShopDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    ShopDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.code = r.string(QStringLiteral("code"), kCodeMax);
    d.name = r.string(QStringLiteral("name"), kNameMax);
    d.currency = enumField<Currency>(r, QStringLiteral("currency"), &currencyFromCode);
    d.timeZone = r.string(QStringLiteral("timeZone"), 64);
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    return finish(r, d);
}

QJsonObject TerminalDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("number"), number},
            {QStringLiteral("name"), name},
            {QStringLiteral("version"), version}};
}

Result<TerminalDoc> TerminalDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    TerminalDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.number = r.integer(QStringLiteral("number"), 1, 9999);
    d.name = r.string(QStringLiteral("name"), kNameMax);
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    return finish(r, d);
}

QJsonObject UserDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},    {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("username"), username},   {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), roleName(role)}, {QStringLiteral("passwordHash"), passwordHash},
            {QStringLiteral("pinHash"), pinHash},     {QStringLiteral("active"), active},
            {QStringLiteral("version"), version}};
}

Result<UserDoc> UserDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    UserDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.username = r.string(QStringLiteral("username"), 64);
    d.displayName = r.string(QStringLiteral("displayName"), kNameMax);
    d.role = enumField<Role>(r, QStringLiteral("role"), &roleFromName);
    d.passwordHash = r.string(QStringLiteral("passwordHash"), 256);
    d.pinHash = r.optionalString(QStringLiteral("pinHash"), 256);
    d.active = r.boolean(QStringLiteral("active"));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    return finish(r, d);
}

// ---- master data ------------------------------------------------------------------------------

QJsonObject PartyDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("kind"), partyKindName(kind)},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("creditLimit"), creditLimit.minor()},
            {QStringLiteral("active"), active},
            {QStringLiteral("version"), version}};
}

Result<PartyDoc> PartyDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    PartyDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.kind = enumField<PartyKind>(r, QStringLiteral("kind"), &partyKindFromName);
    d.code = r.string(QStringLiteral("code"), kCodeMax);
    d.name = r.string(QStringLiteral("name"), kNameMax);
    d.phone = r.optionalString(QStringLiteral("phone"), 40);
    d.creditLimit = r.money(QStringLiteral("creditLimit"));
    d.active = r.boolean(QStringLiteral("active"));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    return finish(r, d);
}

QJsonObject ProductDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("category"), categoryName(category)},
            {QStringLiteral("unit"), unitName(unit)},
            {QStringLiteral("active"), active},
            {QStringLiteral("version"), version}};
}

Result<ProductDoc> ProductDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    ProductDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.code = r.string(QStringLiteral("code"), kCodeMax);
    d.name = r.string(QStringLiteral("name"), kNameMax);
    d.category = enumField<Category>(r, QStringLiteral("category"), &categoryFromName);
    d.unit = enumField<Unit>(r, QStringLiteral("unit"), &unitFromName);
    d.active = r.boolean(QStringLiteral("active"));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    return finish(r, d);
}

QJsonObject CommissionRuleDoc::toJson() const {
    QJsonArray slabs;
    for (const auto& s : rule.slabs)
        slabs.append(QJsonObject{
            {QStringLiteral("fromQty"), s.from.thousandths()},
            {QStringLiteral("toQty"), s.to ? QJsonValue(s.to->thousandths()) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("rateBp"), s.rateBp}});
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("productId"), idOrNull(productId)},
            {QStringLiteral("kind"), commissionKindName(rule.kind)},
            {QStringLiteral("rateBp"), rule.flatRateBp},
            {QStringLiteral("slabs"), slabs},
            {QStringLiteral("active"), active},
            {QStringLiteral("version"), version}};
}

Result<CommissionRuleDoc> CommissionRuleDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CommissionRuleDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.productId = r.optionalUuid(QStringLiteral("productId"));
    d.rule.kind = enumField<CommissionKind>(r, QStringLiteral("kind"), &commissionKindFromName);
    d.rule.flatRateBp = r.integer(QStringLiteral("rateBp"), 0, kMaxRateBp);
    const QJsonArray slabs = r.array(QStringLiteral("slabs"), 50);
    for (qsizetype i = 0; i < slabs.size() && r.ok(); ++i) {
        JsonReader s = r.item(slabs, i, QStringLiteral("slabs"));
        CommissionSlab slab;
        slab.from = s.quantity(QStringLiteral("fromQty"), true);
        if (s.has(QStringLiteral("toQty")))
            slab.to = s.quantity(QStringLiteral("toQty"));
        slab.rateBp = s.integer(QStringLiteral("rateBp"), 0, kMaxRateBp);
        d.rule.slabs.push_back(slab);
    }
    d.active = r.boolean(QStringLiteral("active"));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    if (r.ok()) {
        if (auto v = d.rule.validate(); !v.ok())
            return v.error();
    }
    return finish(r, d);
}

// ---- charges ----------------------------------------------------------------------------------

namespace {
QJsonObject chargeTermsJson(const Uuid& id, const QString& code, const QString& name, ChargeBasis basis,
                            qint64 rate, ChargePayer payer) {
    return {{QStringLiteral("id"), id.toString()}, {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},        {QStringLiteral("basis"), chargeBasisName(basis)},
            {QStringLiteral("rate"), rate},        {QStringLiteral("payer"), chargePayerName(payer)}};
}

void readChargeTerms(JsonReader& r, Uuid& id, QString& code, QString& name, ChargeBasis& basis, qint64& rate,
                     ChargePayer& payer) {
    id = r.uuid(QStringLiteral("id"));
    code = r.string(QStringLiteral("code"), kCodeMax);
    name = r.string(QStringLiteral("name"), kNameMax);
    basis = enumField<ChargeBasis>(r, QStringLiteral("basis"), &chargeBasisFromName);
    rate = r.integer(QStringLiteral("rate"), 0, Money::kMaxInput);
    payer = enumField<ChargePayer>(r, QStringLiteral("payer"), &chargePayerFromName);
}
} // namespace

QJsonObject ChargeDoc::toJson() const {
    QJsonObject o = chargeTermsJson(rule.id, rule.code, rule.name, rule.basis, rule.rate, rule.payer);
    o.insert(QStringLiteral("shopId"), shopId.toString());
    o.insert(QStringLiteral("productId"), idOrNull(rule.productId));
    o.insert(QStringLiteral("active"), active);
    o.insert(QStringLiteral("version"), version);
    return o;
}

Result<ChargeDoc> ChargeDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    ChargeDoc d;
    readChargeTerms(r, d.rule.id, d.rule.code, d.rule.name, d.rule.basis, d.rule.rate, d.rule.payer);
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.rule.productId = r.optionalUuid(QStringLiteral("productId"));
    d.active = r.boolean(QStringLiteral("active"));
    d.version = r.integer(QStringLiteral("version"), 1, kMaxVersion);
    if (r.ok()) {
        if (auto v = d.rule.validate(); !v.ok())
            return v.error();
    }
    return finish(r, d);
}

// ---- lots -------------------------------------------------------------------------------------

QJsonObject LotDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("code"), code},
            {QStringLiteral("farmerId"), farmerId.toString()},
            {QStringLiteral("productId"), productId.toString()},
            {QStringLiteral("receivedQty"), receivedQty.thousandths()},
            {QStringLiteral("packages"), packages},
            {QStringLiteral("grossQty"), grossQty.thousandths()},
            {QStringLiteral("tareQty"), tareQty.thousandths()},
            {QStringLiteral("grade"), grade},
            {QStringLiteral("vehicle"), vehicle},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("receivedAtMs"), receivedAtMs},
            {QStringLiteral("createdBy"), createdBy.toString()}};
}

Result<LotDoc> LotDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    LotDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.code = r.string(QStringLiteral("code"), kCodeMax);
    d.farmerId = r.uuid(QStringLiteral("farmerId"));
    d.productId = r.uuid(QStringLiteral("productId"));
    d.receivedQty = r.quantity(QStringLiteral("receivedQty"));
    d.packages = r.integer(QStringLiteral("packages"), 0, 1'000'000);
    d.grossQty = r.quantity(QStringLiteral("grossQty"), true);
    d.tareQty = r.quantity(QStringLiteral("tareQty"), true);
    d.grade = r.optionalString(QStringLiteral("grade"), 40);
    d.vehicle = r.optionalString(QStringLiteral("vehicle"), 40);
    d.notes = r.optionalString(QStringLiteral("notes"), kTextMax);
    d.receivedAtMs = r.integer(QStringLiteral("receivedAtMs"), 0, kMaxMs);
    d.createdBy = r.uuid(QStringLiteral("createdBy"));
    if (r.ok() && !d.grossQty.isZero() && d.grossQty - d.tareQty != d.receivedQty)
        r.fail(QStringLiteral("receivedQty"), QStringLiteral("is not grossQty - tareQty"));
    return finish(r, d);
}

QJsonObject LotStatusDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("lotId"), lotId.toString()},
            {QStringLiteral("from"), lotStatusName(from)},
            {QStringLiteral("to"), lotStatusName(to)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("atMs"), atMs},
            {QStringLiteral("by"), by.toString()}};
}

Result<LotStatusDoc> LotStatusDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    LotStatusDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.lotId = r.uuid(QStringLiteral("lotId"));
    d.from = enumField<LotStatus>(r, QStringLiteral("from"), &lotStatusFromName);
    d.to = enumField<LotStatus>(r, QStringLiteral("to"), &lotStatusFromName);
    d.reason = r.optionalString(QStringLiteral("reason"), kTextMax);
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    d.by = r.uuid(QStringLiteral("by"));
    return finish(r, d);
}

// ---- sales ------------------------------------------------------------------------------------

QJsonObject SaleDoc::toJson() const {
    QJsonArray jl;
    for (const auto& l : lines) {
        QJsonArray jc;
        for (const auto& c : l.charges) {
            QJsonObject cj = chargeTermsJson(c.chargeId, c.code, c.name, c.basis, c.rate, c.payer);
            cj.insert(QStringLiteral("amount"), c.amount.minor());
            jc.append(cj);
        }
        jl.append(QJsonObject{{QStringLiteral("id"), l.id.toString()},
                              {QStringLiteral("lineNo"), l.lineNo},
                              {QStringLiteral("lotId"), l.lotId.toString()},
                              {QStringLiteral("productId"), l.productId.toString()},
                              {QStringLiteral("farmerId"), l.farmerId.toString()},
                              {QStringLiteral("qty"), l.qty.thousandths()},
                              {QStringLiteral("price"), l.price.minor()},
                              {QStringLiteral("amount"), l.amount.minor()},
                              {QStringLiteral("commissionBp"), l.commissionBp},
                              {QStringLiteral("commission"), l.commission.minor()},
                              {QStringLiteral("farmerNet"), l.farmerNet.minor()},
                              {QStringLiteral("packages"), l.packages},
                              {QStringLiteral("charges"), jc},
                              {QStringLiteral("buyerCharges"), l.buyerCharges.minor()},
                              {QStringLiteral("farmerCharges"), l.farmerCharges.minor()}});
    }
    QJsonArray jp;
    for (const auto& p : payments)
        jp.append(QJsonObject{{QStringLiteral("id"), p.id.toString()},
                              {QStringLiteral("method"), paymentMethodName(p.method)},
                              {QStringLiteral("amount"), p.amount.minor()},
                              {QStringLiteral("reference"), p.reference}});
    QJsonArray jd;
    for (const auto& c : creditDetails)
        jd.append(QJsonObject{{QStringLiteral("id"), c.id.toString()},
                              {QStringLiteral("farmerId"), idOrNull(c.farmerId)},
                              {QStringLiteral("amount"), c.amount.minor()}});
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("receiptSeq"), receiptSeq},
            {QStringLiteral("receiptNo"), receiptNo},
            {QStringLiteral("buyerId"), idOrNull(buyerId)},
            {QStringLiteral("walkinName"), walkinName},
            {QStringLiteral("walkinPhone"), walkinPhone},
            {QStringLiteral("cashierId"), cashierId.toString()},
            {QStringLiteral("createdAtMs"), createdAtMs},
            {QStringLiteral("commissionPayer"),
             commissionByBuyer ? QStringLiteral("buyer") : QStringLiteral("farmer")},
            {QStringLiteral("lines"), jl},
            {QStringLiteral("payments"), jp},
            {QStringLiteral("total"), total.minor()},
            {QStringLiteral("tendered"), tendered.minor()},
            {QStringLiteral("change"), change.minor()},
            {QStringLiteral("paid"), paid.minor()},
            {QStringLiteral("credit"), credit.minor()},
            {QStringLiteral("creditId"), idOrNull(creditId)},
            {QStringLiteral("creditDetails"), jd},
            {QStringLiteral("overrideBy"), idOrNull(overrideBy)},
            {QStringLiteral("overrideReason"), overrideReason}};
}

Result<SaleDoc> SaleDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    SaleDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.receiptSeq = r.integer(QStringLiteral("receiptSeq"), 1, 999'999'999);
    d.receiptNo = r.string(QStringLiteral("receiptNo"), kCodeMax * 2);
    d.buyerId = r.optionalUuid(QStringLiteral("buyerId"));
    d.walkinName = r.optionalString(QStringLiteral("walkinName"), kNameMax);
    d.walkinPhone = r.optionalString(QStringLiteral("walkinPhone"), 40);
    d.cashierId = r.uuid(QStringLiteral("cashierId"));
    d.createdAtMs = r.integer(QStringLiteral("createdAtMs"), 0, kMaxMs);
    if (r.has(QStringLiteral("commissionPayer")))
        d.commissionByBuyer = enumField<ChargePayer>(r, QStringLiteral("commissionPayer"),
                                                     &chargePayerFromName) == ChargePayer::Buyer;
    const QJsonArray lines = r.array(QStringLiteral("lines"), 500);
    if (r.ok() && lines.isEmpty())
        r.fail(QStringLiteral("lines"), QStringLiteral("empty"));
    for (qsizetype i = 0; i < lines.size() && r.ok(); ++i) {
        JsonReader l = r.item(lines, i, QStringLiteral("lines"));
        SaleLineDoc line;
        line.id = l.uuid(QStringLiteral("id"));
        line.lineNo = l.integer(QStringLiteral("lineNo"), 1, 500);
        line.lotId = l.uuid(QStringLiteral("lotId"));
        line.productId = l.uuid(QStringLiteral("productId"));
        line.farmerId = l.uuid(QStringLiteral("farmerId"));
        line.qty = l.quantity(QStringLiteral("qty"));
        line.price = l.money(QStringLiteral("price"));
        line.amount = l.money(QStringLiteral("amount"));
        line.commissionBp = l.integer(QStringLiteral("commissionBp"), 0, kMaxRateBp);
        line.commission = l.money(QStringLiteral("commission"));
        line.farmerNet = l.money(QStringLiteral("farmerNet"), true);
        // A sale from a counter that predates charges has none of these fields.
        if (l.has(QStringLiteral("packages")))
            line.packages = l.integer(QStringLiteral("packages"), 0, kMaxPackages);
        const QJsonArray charges =
            l.has(QStringLiteral("charges")) ? l.array(QStringLiteral("charges"), 50) : QJsonArray{};
        for (qsizetype k = 0; k < charges.size() && l.ok(); ++k) {
            JsonReader c = l.item(charges, k, QStringLiteral("charges"));
            AppliedCharge applied;
            readChargeTerms(c, applied.chargeId, applied.code, applied.name, applied.basis, applied.rate,
                            applied.payer);
            applied.amount = c.money(QStringLiteral("amount"));
            line.charges.push_back(applied);
        }
        if (l.has(QStringLiteral("buyerCharges")))
            line.buyerCharges = l.money(QStringLiteral("buyerCharges"));
        if (l.has(QStringLiteral("farmerCharges")))
            line.farmerCharges = l.money(QStringLiteral("farmerCharges"));
        d.lines.push_back(line);
    }
    const QJsonArray payments = r.array(QStringLiteral("payments"), 20);
    for (qsizetype i = 0; i < payments.size() && r.ok(); ++i) {
        JsonReader p = r.item(payments, i, QStringLiteral("payments"));
        PaymentDoc pay;
        pay.id = p.uuid(QStringLiteral("id"));
        pay.method = enumField<PaymentMethod>(p, QStringLiteral("method"), &paymentMethodFromName);
        pay.amount = p.money(QStringLiteral("amount"));
        pay.reference = p.optionalString(QStringLiteral("reference"), kNameMax);
        d.payments.push_back(pay);
    }
    d.total = r.money(QStringLiteral("total"));
    d.tendered = r.money(QStringLiteral("tendered"));
    d.change = r.money(QStringLiteral("change"));
    d.paid = r.money(QStringLiteral("paid"));
    d.credit = r.money(QStringLiteral("credit"));
    d.creditId = r.optionalUuid(QStringLiteral("creditId"));
    const QJsonArray details = r.array(QStringLiteral("creditDetails"), 500);
    for (qsizetype i = 0; i < details.size() && r.ok(); ++i) {
        JsonReader c = r.item(details, i, QStringLiteral("creditDetails"));
        CreditDetailDoc detail;
        detail.id = c.uuid(QStringLiteral("id"));
        detail.farmerId = c.optionalUuid(QStringLiteral("farmerId"));
        detail.amount = c.money(QStringLiteral("amount"));
        d.creditDetails.push_back(detail);
    }
    d.overrideBy = r.optionalUuid(QStringLiteral("overrideBy"));
    d.overrideReason = r.optionalString(QStringLiteral("overrideReason"), kTextMax);
    return finish(r, d);
}

Status SaleDoc::verifyArithmetic() const {
    auto bad = [](const QString& what) { return Error{ErrorCode::InvalidInput, what}; };
    if (lines.empty())
        return bad(QStringLiteral("a sale needs at least one line"));
    Money sum;
    std::vector<ChargeableLine> chargeable;
    std::vector<std::vector<AppliedCharge>> applied;
    for (const auto& l : lines) {
        const auto amount = Money::lineAmount(l.qty, l.price);
        if (!amount || *amount != l.amount)
            return bad(QStringLiteral("line %1: amount is not qty x price rounded half-up").arg(l.lineNo));
        const auto commission = l.amount.percentBp(l.commissionBp);
        if (!commission || *commission != l.commission)
            return bad(QStringLiteral("line %1: commission does not match its rate").arg(l.lineNo));
        if (l.packages < 0)
            return bad(QStringLiteral("line %1: packages cannot be negative").arg(l.lineNo));
        if (chargesPaidBy(l.charges, ChargePayer::Buyer) != l.buyerCharges ||
            chargesPaidBy(l.charges, ChargePayer::Farmer) != l.farmerCharges)
            return bad(QStringLiteral("line %1: charge totals are not the sum of its charges").arg(l.lineNo));
        const Money deductions = l.farmerCharges + (commissionByBuyer ? Money{} : l.commission);
        if (l.amount - deductions != l.farmerNet)
            return bad(
                QStringLiteral("line %1: farmer net + commission + farmer charges != amount").arg(l.lineNo));
        chargeable.push_back(ChargeableLine{l.productId, l.qty, l.packages, l.amount});
        applied.push_back(l.charges);
        sum += l.billed(commissionByBuyer);
    }
    MARKET_TRY(verifyAppliedCharges(chargeable, applied));
    if (sum != total)
        return bad(QStringLiteral("total is not the sum of the lines and their buyer-side charges"));
    Money paidSum;
    for (const auto& p : payments) {
        if (!p.amount.isPositive())
            return bad(QStringLiteral("a payment amount must be positive"));
        paidSum += p.amount;
    }
    if (paidSum != paid)
        return bad(QStringLiteral("paid is not the sum of payments"));
    if (paid + credit != total)
        return bad(QStringLiteral("paid + credit != total"));
    if (tendered - change != paid || change.isNegative())
        return bad(QStringLiteral("tendered - change != paid"));
    if (credit.isPositive() != creditId.has_value())
        return bad(QStringLiteral("creditId must be present exactly when credit > 0"));
    if (credit.isPositive() && !buyerId)
        return bad(QStringLiteral("a walk-in sale cannot be on credit"));
    Money detailSum;
    for (const auto& c : creditDetails)
        detailSum += c.amount;
    if (detailSum != credit)
        return bad(QStringLiteral("credit details do not add up to the credit"));
    return okStatus();
}

std::vector<ChargeTotal> chargeTotals(const std::vector<SaleLineDoc>& lines) {
    std::vector<ChargeTotal> out;
    for (const auto& l : lines)
        for (const auto& c : l.charges) {
            auto it = std::find_if(out.begin(), out.end(), [&](const ChargeTotal& t) {
                return t.code == c.code && t.payer == c.payer;
            });
            if (it == out.end())
                out.push_back(ChargeTotal{c.code, c.name, c.payer, c.amount});
            else
                it->amount += c.amount;
        }
    return out;
}

// ---- collections ------------------------------------------------------------------------------

QJsonObject CollectionDoc::toJson() const {
    QJsonArray ja;
    for (const auto& a : allocations)
        ja.append(QJsonObject{{QStringLiteral("id"), a.id.toString()},
                              {QStringLiteral("creditId"), a.creditId.toString()},
                              {QStringLiteral("creditDetailId"), a.creditDetailId.toString()},
                              {QStringLiteral("farmerId"), idOrNull(a.farmerId)},
                              {QStringLiteral("amount"), a.amount.minor()}});
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("buyerId"), buyerId.toString()},
            {QStringLiteral("amount"), amount.minor()},
            {QStringLiteral("method"), paymentMethodName(method)},
            {QStringLiteral("reference"), reference},
            {QStringLiteral("cashierId"), cashierId.toString()},
            {QStringLiteral("atMs"), atMs},
            {QStringLiteral("allocations"), ja}};
}

Result<CollectionDoc> CollectionDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CollectionDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.buyerId = r.uuid(QStringLiteral("buyerId"));
    d.amount = r.money(QStringLiteral("amount"));
    d.method = enumField<PaymentMethod>(r, QStringLiteral("method"), &paymentMethodFromName);
    d.reference = r.optionalString(QStringLiteral("reference"), kNameMax);
    d.cashierId = r.uuid(QStringLiteral("cashierId"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    const QJsonArray allocations = r.array(QStringLiteral("allocations"), 5000);
    for (qsizetype i = 0; i < allocations.size() && r.ok(); ++i) {
        JsonReader a = r.item(allocations, i, QStringLiteral("allocations"));
        AllocationDoc alloc;
        alloc.id = a.uuid(QStringLiteral("id"));
        alloc.creditId = a.uuid(QStringLiteral("creditId"));
        alloc.creditDetailId = a.uuid(QStringLiteral("creditDetailId"));
        alloc.farmerId = a.optionalUuid(QStringLiteral("farmerId"));
        alloc.amount = a.money(QStringLiteral("amount"));
        d.allocations.push_back(alloc);
    }
    return finish(r, d);
}

Status CollectionDoc::verifyArithmetic() const {
    if (!amount.isPositive())
        return Error{ErrorCode::InvalidInput, QStringLiteral("a collection must be positive")};
    Money sum;
    for (const auto& a : allocations) {
        if (!a.amount.isPositive())
            return Error{ErrorCode::InvalidInput, QStringLiteral("an allocation must be positive")};
        sum += a.amount;
    }
    if (sum != amount)
        return Error{ErrorCode::InvalidInput, QStringLiteral("allocations do not add up to the amount")};
    return okStatus();
}

QJsonObject CommissionConfirmationDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("saleId"), saleId.toString()},
            {QStringLiteral("confirmedBy"), confirmedBy.toString()},
            {QStringLiteral("atMs"), atMs}};
}

Result<CommissionConfirmationDoc> CommissionConfirmationDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CommissionConfirmationDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.saleId = r.uuid(QStringLiteral("saleId"));
    d.confirmedBy = r.uuid(QStringLiteral("confirmedBy"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    return finish(r, d);
}

} // namespace market::core
