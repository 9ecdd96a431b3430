// arrival, lot list, lot status, lot adjust.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/CatalogService.h"
#include "services/PartyService.h"
#include "services/StockAdjustmentService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
QJsonObject lotJson(const LotSummary& s) {
    QJsonObject o = s.lot.toJson();
    o.insert(QStringLiteral("status"), lotStatusName(s.status));
    o.insert(QStringLiteral("farmerName"), s.farmerName);
    o.insert(QStringLiteral("productName"), s.productName);
    o.insert(QStringLiteral("unit"), unitName(s.unit));
    o.insert(QStringLiteral("soldQty"), s.sold.thousandths());
    o.insert(QStringLiteral("leftQty"), s.left.thousandths());
    o.insert(QStringLiteral("ageDays"), s.ageDays);
    return o;
}

int runArrival(Context& ctx) {
    MARKETCTL_ASSIGN(const QString farmerText, ctx.required(QStringLiteral("farmer")));
    MARKETCTL_ASSIGN(const QString farmerCode, args::code(QStringLiteral("farmer"), farmerText));
    MARKETCTL_ASSIGN(const QString productText, ctx.required(QStringLiteral("product")));
    MARKETCTL_ASSIGN(const QString productCode, args::code(QStringLiteral("product"), productText));

    ArrivalRequest request;
    const bool net = ctx.isSet(QStringLiteral("qty"));
    const bool weighed = ctx.isSet(QStringLiteral("gross")) || ctx.isSet(QStringLiteral("tare"));
    if (net == weighed)
        return ctx.fail(Context::usage(tr("give either --qty NET or --gross G --tare T")));
    if (net) {
        MARKETCTL_ASSIGN(request.netQty,
                         args::quantity(QStringLiteral("qty"), ctx.value(QStringLiteral("qty"))));
    } else {
        MARKETCTL_ASSIGN(const QString grossText, ctx.required(QStringLiteral("gross")));
        MARKETCTL_ASSIGN(request.grossQty, args::quantity(QStringLiteral("gross"), grossText));
        MARKETCTL_ASSIGN(const QString tareText, ctx.required(QStringLiteral("tare")));
        MARKETCTL_ASSIGN(request.tareQty, args::quantity(QStringLiteral("tare"), tareText));
    }
    if (ctx.isSet(QStringLiteral("packages"))) {
        MARKETCTL_ASSIGN(
            request.packages,
            args::integer(QStringLiteral("packages"), ctx.value(QStringLiteral("packages")), 0, 1'000'000));
    }
    request.grade = ctx.value(QStringLiteral("grade"));
    request.vehicle = ctx.value(QStringLiteral("vehicle"));
    request.notes = ctx.value(QStringLiteral("notes"));

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const PartyDoc farmer, PartyService(ctx.store()).byCode(farmerCode));
    MARKETCTL_ASSIGN(const ProductDoc product, CatalogService(ctx.store()).productByCode(productCode));
    request.farmerId = farmer.id;
    request.productId = product.id;
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const LotDoc lot, ArrivalService(ctx.store()).recordArrival(actor, request));
    if (ctx.json())
        printJson(lot.toJson());
    else
        printLine(lot.code); // just the code, for scripts: LOT=$(marketctl arrival ...)
    return kExitOk;
}

int runList(Context& ctx) {
    LotFilter filter;
    filter.activeOnly = !ctx.isSet(QStringLiteral("all"));
    filter.limit = 100000;
    std::optional<QString> farmerCode;
    std::optional<QString> productCode;
    if (ctx.isSet(QStringLiteral("farmer"))) {
        MARKETCTL_ASSIGN(farmerCode,
                         args::code(QStringLiteral("farmer"), ctx.value(QStringLiteral("farmer"))));
    }
    if (ctx.isSet(QStringLiteral("product"))) {
        MARKETCTL_ASSIGN(productCode,
                         args::code(QStringLiteral("product"), ctx.value(QStringLiteral("product"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    if (farmerCode) {
        MARKETCTL_ASSIGN(const PartyDoc farmer, PartyService(ctx.store()).byCode(*farmerCode));
        filter.farmerId = farmer.id;
    }
    if (productCode) {
        MARKETCTL_ASSIGN(const ProductDoc product, CatalogService(ctx.store()).productByCode(*productCode));
        filter.productId = product.id;
    }
    MARKETCTL_ASSIGN(const auto lots, ArrivalService(ctx.store()).lots(filter));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& s : lots)
            list.append(lotJson(s));
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& s : lots)
        rows.append({s.lot.code, s.productName, s.farmerName, s.lot.receivedQty.toString(), s.sold.toString(),
                     s.left.toString(), unitName(s.unit), lotStatusName(s.status),
                     QString::number(s.ageDays)});
    printTable({tr("LOT"), tr("PRODUCT"), tr("FARMER"), tr("RECEIVED"), tr("SOLD"), tr("LEFT"), tr("UNIT"),
                tr("STATUS"), tr("AGE (DAYS)")},
               rows, {3, 4, 5, 8});
    return kExitOk;
}

int runStatus(Context& ctx) {
    MARKETCTL_ASSIGN(const QString codeText, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(const QString code, args::code(QStringLiteral("code"), codeText));
    MARKETCTL_ASSIGN(const QString toText, ctx.required(QStringLiteral("to")));
    MARKETCTL_ASSIGN(const LotStatus to, args::lotStatus(toText));
    MARKETCTL_ASSIGN(const QString reason, ctx.required(QStringLiteral("reason")));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    ArrivalService arrivals(ctx.store());
    MARKETCTL_ASSIGN(const LotSummary before, arrivals.lotByCode(code));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_CHECK(arrivals.changeStatus(actor, before.lot.id, to, reason));
    MARKETCTL_ASSIGN(const LotSummary after, arrivals.lot(before.lot.id));
    if (ctx.json())
        printJson(lotJson(after));
    else
        printLine(tr("lot %1: %2 → %3").arg(code, lotStatusName(before.status), lotStatusName(after.status)));
    return kExitOk;
}

int runAdjust(Context& ctx) {
    MARKETCTL_ASSIGN(const QString codeText, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(const QString code, args::code(QStringLiteral("code"), codeText));
    MARKETCTL_ASSIGN(const QString qtyText, ctx.required(QStringLiteral("qty")));
    AdjustmentRequest request;
    MARKETCTL_ASSIGN(request.qty, args::signedQuantity(QStringLiteral("qty"), qtyText));
    MARKETCTL_ASSIGN(const QString reasonText, ctx.required(QStringLiteral("reason")));
    MARKETCTL_ASSIGN(request.reason, args::adjustmentReason(reasonText));
    request.note = ctx.value(QStringLiteral("note"));

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    ArrivalService arrivals(ctx.store());
    MARKETCTL_ASSIGN(const LotSummary before, arrivals.lotByCode(code));
    request.lotId = before.lot.id;
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    if (ctx.isSet(QStringLiteral("approver"))) {
        // The manager's secret (password or PIN): after the acting user's password on stdin.
        MARKETCTL_ASSIGN(const QString secret, ctx.secret(QStringLiteral("MARKET_APPROVER_SECRET"),
                                                          tr("the approving manager's password or PIN")));
        MARKETCTL_ASSIGN(request.approver, AuthService(ctx.store())
                                               .authorize(ctx.value(QStringLiteral("approver")), secret,
                                                          Permission::ApproveAdjustment));
    }
    MARKETCTL_ASSIGN(const StockAdjustmentDoc doc,
                     StockAdjustmentService(ctx.store()).adjust(actor, request));
    if (ctx.json()) {
        printJson(doc.toJson());
        return kExitOk;
    }
    const auto after = arrivals.lot(before.lot.id);
    printLine(tr("lot %1: %2 %3 %4 (%5); left %6 → %7")
                  .arg(code, doc.qty.isNegative() ? tr("put back") : tr("took out"),
                       (doc.qty.isNegative() ? Quantity{} - doc.qty : doc.qty).toString(),
                       unitName(before.unit), adjustmentReasonName(doc.reason), before.left.toString(),
                       after.ok() ? after->left.toString() : tr("?")));
    return kExitOk;
}
} // namespace

std::vector<Command> lotCommands() {
    return {
        {QStringLiteral("arrival"),
         tr("Record a farmer's consignment; prints the new lot code"),
         {makeOption("farmer", "The farmer's code.", "code"),
          makeOption("product", "The product's code.", "code"),
          makeOption("qty", "Net quantity received (in the product's unit).", "qty"),
          makeOption("gross", "Gross weight (with --tare; net = gross − tare).", "qty"),
          makeOption("tare", "Tare weight (bags, crates).", "qty"),
          makeOption("packages", "Number of bags, crates...", "n"),
          makeOption("grade", "Grade, e.g. A.", "grade"), makeOption("vehicle", "Vehicle number.", "text"),
          makeOption("notes", "Notes.", "text")},
         runArrival,
         tr("Prints only the lot code (or the lot with --json).")},
        {QStringLiteral("lot list"),
         tr("List lots with what is left of them"),
         {makeOption("all", "Include closed, discarded and returned lots."),
          makeOption("farmer", "Only this farmer's lots.", "code"),
          makeOption("product", "Only this product.", "code")},
         runList,
         tr("Quantities in JSON are integer thousandths of the unit (soldQty, leftQty, receivedQty).")},
        {QStringLiteral("lot status"),
         tr("Discard, return to the farmer or close a lot (managers)"),
         {makeOption("code", "The lot's code.", "code"),
          makeOption("to", "discarded, returned or closed.", "status"),
          makeOption("reason", "Why (recorded in the audit log).", "text")},
         runStatus,
         {}},
        {QStringLiteral("lot adjust"),
         tr("Adjust a lot's stock with a reason (spoilage, damage, counting error...)"),
         {makeOption("code", "The lot's code.", "code"),
          makeOption("qty", "Quantity taken out; negative (e.g. -2.5) puts stock back.", "qty"),
          makeOption("reason", "quality_issue, damage, theft, correction, expired or returned_to_farmer.",
                     "reason"),
          makeOption("note", "Details.", "text"),
          makeOption("approver", "A manager approving an adjustment above the shop's threshold.",
                     "username")},
         runAdjust,
         tr("A lot never goes below zero. Above the shop's thresholds (settings adjustment_approval_qty,\n"
            "adjustment_approval_value) a cashier needs --approver; the manager's secret comes from\n"
            "$MARKET_APPROVER_SECRET, else the next line of stdin (after the acting user's password when\n"
            "--password-stdin is given). JSON quantities are thousandths.")},
    };
}

} // namespace market::cli
