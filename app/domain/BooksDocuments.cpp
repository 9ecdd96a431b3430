#include "BooksDocuments.h"

#include "JsonReader.h"

#include <QJsonArray>
#include <array>
#include <utility>

namespace market::core {

namespace {
constexpr qint64 kMaxMs = 32'503'680'000'000; // year 3000

template <typename E, size_t N> using NameTable = std::array<std::pair<E, const char16_t*>, N>;

constexpr NameTable<FarmerPaymentKind, 2> kPaymentKinds{
    {{FarmerPaymentKind::Advance, u"advance"}, {FarmerPaymentKind::Settlement, u"settlement"}}};
constexpr NameTable<ExpenseCategory, 6> kExpenseCategories{{{ExpenseCategory::Wage, u"wage"},
                                                            {ExpenseCategory::Rent, u"rent"},
                                                            {ExpenseCategory::Utility, u"utility"},
                                                            {ExpenseCategory::Transport, u"transport"},
                                                            {ExpenseCategory::Supplies, u"supplies"},
                                                            {ExpenseCategory::Other, u"other"}}};
constexpr NameTable<AdjustmentReason, 6> kReasons{
    {{AdjustmentReason::QualityIssue, u"quality_issue"},
     {AdjustmentReason::Damage, u"damage"},
     {AdjustmentReason::Theft, u"theft"},
     {AdjustmentReason::Correction, u"correction"},
     {AdjustmentReason::Expired, u"expired"},
     {AdjustmentReason::ReturnedToFarmer, u"returned_to_farmer"}}};

template <typename E, size_t N> QString nameOf(const NameTable<E, N>& t, E v) {
    for (const auto& [value, text] : t)
        if (value == v)
            return QString::fromUtf16(text);
    return {};
}

template <typename E, size_t N> std::optional<E> valueOf(const NameTable<E, N>& t, QStringView name) {
    for (const auto& [value, text] : t)
        if (name == QStringView(text))
            return value;
    return std::nullopt;
}

template <typename E>
[[maybe_unused]] E enumField(JsonReader& r, const QString& key, std::optional<E> (*parse)(QStringView)) {
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

template <typename T> Result<T> finish(const JsonReader& r, T doc) {
    if (!r.ok())
        return Error{ErrorCode::InvalidInput, r.error()};
    return doc;
}

QJsonValue idOrNull(const std::optional<Uuid>& id) {
    return id ? QJsonValue(id->toString()) : QJsonValue(QJsonValue::Null);
}
} // namespace

QString farmerPaymentKindName(FarmerPaymentKind k) {
    return nameOf(kPaymentKinds, k);
}
std::optional<FarmerPaymentKind> farmerPaymentKindFromName(QStringView n) {
    return valueOf(kPaymentKinds, n);
}
QString expenseCategoryName(ExpenseCategory c) {
    return nameOf(kExpenseCategories, c);
}
std::optional<ExpenseCategory> expenseCategoryFromName(QStringView n) {
    return valueOf(kExpenseCategories, n);
}
QString adjustmentReasonName(AdjustmentReason r) {
    return nameOf(kReasons, r);
}
std::optional<AdjustmentReason> adjustmentReasonFromName(QStringView n) {
    return valueOf(kReasons, n);
}

QJsonObject FarmerPaymentDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("farmerId"), farmerId.toString()},
            {QStringLiteral("kind"), farmerPaymentKindName(kind)},
            {QStringLiteral("amount"), amount.minor()},
            {QStringLiteral("method"), paymentMethodName(method)},
            {QStringLiteral("reference"), reference},
            {QStringLiteral("paidBy"), paidBy.toString()},
            {QStringLiteral("atMs"), atMs}};
}

Result<FarmerPaymentDoc> FarmerPaymentDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    FarmerPaymentDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.farmerId = r.uuid(QStringLiteral("farmerId"));
    d.kind = enumField<FarmerPaymentKind>(r, QStringLiteral("kind"), &farmerPaymentKindFromName);
    d.amount = r.money(QStringLiteral("amount"));
    d.method = enumField<PaymentMethod>(r, QStringLiteral("method"), &paymentMethodFromName);
    d.reference = r.optionalString(QStringLiteral("reference"), 200);
    d.paidBy = r.uuid(QStringLiteral("paidBy"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    if (r.ok() && !d.amount.isPositive())
        r.fail(QStringLiteral("amount"), QStringLiteral("must be positive"));
    return finish(r, d);
}

QJsonObject ExpenseDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("category"), expenseCategoryName(category)},
            {QStringLiteral("amount"), amount.minor()},
            {QStringLiteral("method"), paymentMethodName(method)},
            {QStringLiteral("note"), note},
            {QStringLiteral("recordedBy"), recordedBy.toString()},
            {QStringLiteral("atMs"), atMs}};
}

Result<ExpenseDoc> ExpenseDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    ExpenseDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.category = enumField<ExpenseCategory>(r, QStringLiteral("category"), &expenseCategoryFromName);
    d.amount = r.money(QStringLiteral("amount"));
    d.method = enumField<PaymentMethod>(r, QStringLiteral("method"), &paymentMethodFromName);
    d.note = r.optionalString(QStringLiteral("note"), 2000);
    d.recordedBy = r.uuid(QStringLiteral("recordedBy"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    if (r.ok() && !d.amount.isPositive())
        r.fail(QStringLiteral("amount"), QStringLiteral("must be positive"));
    return finish(r, d);
}

QJsonObject StockAdjustmentDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("lotId"), lotId.toString()},
            {QStringLiteral("qty"), qty.thousandths()},
            {QStringLiteral("reason"), adjustmentReasonName(reason)},
            {QStringLiteral("note"), note},
            {QStringLiteral("estimatedValue"), estimatedValue.minor()},
            {QStringLiteral("recordedBy"), recordedBy.toString()},
            {QStringLiteral("approvedBy"), idOrNull(approvedBy)},
            {QStringLiteral("atMs"), atMs}};
}

Result<StockAdjustmentDoc> StockAdjustmentDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    StockAdjustmentDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.lotId = r.uuid(QStringLiteral("lotId"));
    d.qty = Quantity::fromThousandths(
        r.integer(QStringLiteral("qty"), -Quantity::kMaxInput, Quantity::kMaxInput));
    d.reason = enumField<AdjustmentReason>(r, QStringLiteral("reason"), &adjustmentReasonFromName);
    d.note = r.optionalString(QStringLiteral("note"), 2000);
    d.estimatedValue = r.money(QStringLiteral("estimatedValue"));
    d.recordedBy = r.uuid(QStringLiteral("recordedBy"));
    d.approvedBy = r.optionalUuid(QStringLiteral("approvedBy"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    if (r.ok() && d.qty.isZero())
        r.fail(QStringLiteral("qty"), QStringLiteral("must not be zero"));
    return finish(r, d);
}

QJsonObject CashSessionOpenedDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("shopId"), shopId.toString()},
            {QStringLiteral("terminalId"), terminalId.toString()},
            {QStringLiteral("openedBy"), openedBy.toString()},
            {QStringLiteral("openingFloat"), openingFloat.minor()},
            {QStringLiteral("atMs"), atMs}};
}

Result<CashSessionOpenedDoc> CashSessionOpenedDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CashSessionOpenedDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.openedBy = r.uuid(QStringLiteral("openedBy"));
    d.openingFloat = r.money(QStringLiteral("openingFloat"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    return finish(r, d);
}

QJsonObject CashMovementDoc::toJson() const {
    return {{QStringLiteral("id"), id.toString()},
            {QStringLiteral("sessionId"), sessionId.toString()},
            {QStringLiteral("direction"), cashIn ? QStringLiteral("in") : QStringLiteral("out")},
            {QStringLiteral("amount"), amount.minor()},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("by"), by.toString()},
            {QStringLiteral("atMs"), atMs}};
}

Result<CashMovementDoc> CashMovementDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CashMovementDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.sessionId = r.uuid(QStringLiteral("sessionId"));
    const QString direction = r.string(QStringLiteral("direction"), 3);
    if (r.ok() && direction != QLatin1String("in") && direction != QLatin1String("out"))
        r.fail(QStringLiteral("direction"), QStringLiteral("must be \"in\" or \"out\""));
    d.cashIn = direction == QLatin1String("in");
    d.amount = r.money(QStringLiteral("amount"));
    d.reason = r.string(QStringLiteral("reason"), 2000);
    d.by = r.uuid(QStringLiteral("by"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    if (r.ok() && !d.amount.isPositive())
        r.fail(QStringLiteral("amount"), QStringLiteral("must be positive"));
    return finish(r, d);
}

QJsonObject CashSessionClosedDoc::toJson() const {
    QJsonArray notes;
    for (const auto& d : denominations)
        notes.append(
            QJsonObject{{QStringLiteral("faceMinor"), d.faceMinor}, {QStringLiteral("count"), d.count}});
    return {{QStringLiteral("sessionId"), sessionId.toString()},
            {QStringLiteral("closedBy"), closedBy.toString()},
            {QStringLiteral("expected"), expected.minor()},
            {QStringLiteral("counted"), counted.minor()},
            {QStringLiteral("variance"), variance.minor()},
            {QStringLiteral("denominations"), notes},
            {QStringLiteral("atMs"), atMs}};
}

Result<CashSessionClosedDoc> CashSessionClosedDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    CashSessionClosedDoc d;
    d.sessionId = r.uuid(QStringLiteral("sessionId"));
    d.closedBy = r.uuid(QStringLiteral("closedBy"));
    d.expected = r.money(QStringLiteral("expected"), true);
    d.counted = r.money(QStringLiteral("counted"));
    d.variance = r.money(QStringLiteral("variance"), true);
    const QJsonArray notes = r.array(QStringLiteral("denominations"), 30);
    for (qsizetype i = 0; i < notes.size() && r.ok(); ++i) {
        JsonReader n = r.item(notes, i, QStringLiteral("denominations"));
        Denomination den;
        den.faceMinor = n.integer(QStringLiteral("faceMinor"), 1, 100'000'000);
        den.count = n.integer(QStringLiteral("count"), 0, 10'000'000);
        d.denominations.push_back(den);
    }
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    if (r.ok() && d.counted - d.expected != d.variance)
        r.fail(QStringLiteral("variance"), QStringLiteral("is not counted - expected"));
    return finish(r, d);
}

} // namespace market::core

namespace market::core {

QJsonObject SaleReturnDoc::toJson() const {
    QJsonArray jl;
    for (const auto& l : lines)
        jl.append(QJsonObject{{QStringLiteral("id"), l.id.toString()},
                              {QStringLiteral("saleLineId"), l.saleLineId.toString()},
                              {QStringLiteral("lotId"), l.lotId.toString()},
                              {QStringLiteral("productId"), l.productId.toString()},
                              {QStringLiteral("farmerId"), l.farmerId.toString()},
                              {QStringLiteral("qty"), l.qty.thousandths()},
                              {QStringLiteral("amount"), l.amount.minor()},
                              {QStringLiteral("commission"), l.commission.minor()},
                              {QStringLiteral("buyerCharges"), l.buyerCharges.minor()},
                              {QStringLiteral("farmerCharges"), l.farmerCharges.minor()},
                              {QStringLiteral("farmerNet"), l.farmerNet.minor()}});
    QJsonArray ja;
    for (const auto& a : allocations)
        ja.append(QJsonObject{{QStringLiteral("id"), a.id.toString()},
                              {QStringLiteral("creditId"), a.creditId.toString()},
                              {QStringLiteral("creditDetailId"), a.creditDetailId.toString()},
                              {QStringLiteral("farmerId"), a.farmerId ? QJsonValue(a.farmerId->toString())
                                                                      : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("amount"), a.amount.minor()}});
    return {
        {QStringLiteral("id"), id.toString()},
        {QStringLiteral("shopId"), shopId.toString()},
        {QStringLiteral("terminalId"), terminalId.toString()},
        {QStringLiteral("saleId"), saleId.toString()},
        {QStringLiteral("buyerId"), buyerId ? QJsonValue(buyerId->toString()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("commissionPayer"),
         commissionByBuyer ? QStringLiteral("buyer") : QStringLiteral("farmer")},
        {QStringLiteral("lines"), jl},
        {QStringLiteral("total"), total.minor()},
        {QStringLiteral("creditReduction"), creditReduction.minor()},
        {QStringLiteral("allocations"), ja},
        {QStringLiteral("refund"), refund.minor()},
        {QStringLiteral("refundMethod"), paymentMethodName(refundMethod)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("by"), by.toString()},
        {QStringLiteral("atMs"), atMs}};
}

Result<SaleReturnDoc> SaleReturnDoc::fromJson(const QJsonObject& o) {
    JsonReader r(o);
    SaleReturnDoc d;
    d.id = r.uuid(QStringLiteral("id"));
    d.shopId = r.uuid(QStringLiteral("shopId"));
    d.terminalId = r.uuid(QStringLiteral("terminalId"));
    d.saleId = r.uuid(QStringLiteral("saleId"));
    d.buyerId = r.optionalUuid(QStringLiteral("buyerId"));
    if (r.has(QStringLiteral("commissionPayer"))) {
        const QString payer = r.string(QStringLiteral("commissionPayer"), 10);
        if (payer != QLatin1String("buyer") && payer != QLatin1String("farmer"))
            r.fail(QStringLiteral("commissionPayer"), QStringLiteral("unknown value \"%1\"").arg(payer));
        d.commissionByBuyer = payer == QLatin1String("buyer");
    }
    const QJsonArray lines = r.array(QStringLiteral("lines"), 500);
    for (qsizetype i = 0; i < lines.size() && r.ok(); ++i) {
        JsonReader l = r.item(lines, i, QStringLiteral("lines"));
        ReturnLineDoc line;
        line.id = l.uuid(QStringLiteral("id"));
        line.saleLineId = l.uuid(QStringLiteral("saleLineId"));
        line.lotId = l.uuid(QStringLiteral("lotId"));
        line.productId = l.uuid(QStringLiteral("productId"));
        line.farmerId = l.uuid(QStringLiteral("farmerId"));
        line.qty = l.quantity(QStringLiteral("qty"));
        line.amount = l.money(QStringLiteral("amount"));
        line.commission = l.money(QStringLiteral("commission"));
        if (l.has(QStringLiteral("buyerCharges")))
            line.buyerCharges = l.money(QStringLiteral("buyerCharges"));
        if (l.has(QStringLiteral("farmerCharges")))
            line.farmerCharges = l.money(QStringLiteral("farmerCharges"));
        line.farmerNet = l.money(QStringLiteral("farmerNet"), true);
        d.lines.push_back(line);
    }
    d.total = r.money(QStringLiteral("total"));
    d.creditReduction = r.money(QStringLiteral("creditReduction"));
    const QJsonArray allocations = r.array(QStringLiteral("allocations"), 500);
    for (qsizetype i = 0; i < allocations.size() && r.ok(); ++i) {
        JsonReader a = r.item(allocations, i, QStringLiteral("allocations"));
        ReturnAllocationDoc alloc;
        alloc.id = a.uuid(QStringLiteral("id"));
        alloc.creditId = a.uuid(QStringLiteral("creditId"));
        alloc.creditDetailId = a.uuid(QStringLiteral("creditDetailId"));
        alloc.farmerId = a.optionalUuid(QStringLiteral("farmerId"));
        alloc.amount = a.money(QStringLiteral("amount"));
        d.allocations.push_back(alloc);
    }
    d.refund = r.money(QStringLiteral("refund"));
    d.refundMethod = enumField<PaymentMethod>(r, QStringLiteral("refundMethod"), &paymentMethodFromName);
    d.reason = r.string(QStringLiteral("reason"), 2000);
    d.by = r.uuid(QStringLiteral("by"));
    d.atMs = r.integer(QStringLiteral("atMs"), 0, kMaxMs);
    return finish(r, d);
}

Status SaleReturnDoc::verifyArithmetic() const {
    auto bad = [](const QString& what) { return Error{ErrorCode::InvalidInput, what}; };
    if (lines.empty())
        return bad(QStringLiteral("a return needs at least one line"));
    Money sum;
    for (const auto& l : lines) {
        const Money deductions = l.farmerCharges + (commissionByBuyer ? Money{} : l.commission);
        if (l.farmerNet + deductions != l.amount)
            return bad(QStringLiteral("return line: farmer net + commission + farmer charges != amount"));
        if (l.buyerCharges.isNegative() || l.farmerCharges.isNegative())
            return bad(QStringLiteral("return line: charges cannot be negative"));
        sum += l.billed(commissionByBuyer);
    }
    if (sum != total)
        return bad(QStringLiteral("total is not the sum of the returned lines and their buyer-side charges"));
    Money allocated;
    for (const auto& a : allocations) {
        if (!a.amount.isPositive())
            return bad(QStringLiteral("an allocation must be positive"));
        allocated += a.amount;
    }
    if (allocated != creditReduction)
        return bad(QStringLiteral("allocations do not add up to the credit reduction"));
    if (creditReduction + refund != total || refund.isNegative())
        return bad(QStringLiteral("credit reduction + refund != total"));
    return okStatus();
}

} // namespace market::core
