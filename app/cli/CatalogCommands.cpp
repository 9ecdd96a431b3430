// product add, product list, commission set, commission list.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/CatalogService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
int runProductAdd(Context& ctx) {
    NewProductRequest request;
    MARKETCTL_ASSIGN(request.name, ctx.required(QStringLiteral("name")));
    MARKETCTL_ASSIGN(const QString categoryText, ctx.required(QStringLiteral("category")));
    MARKETCTL_ASSIGN(request.category, args::category(categoryText));
    MARKETCTL_ASSIGN(const QString unitText, ctx.required(QStringLiteral("unit")));
    MARKETCTL_ASSIGN(request.unit, args::unit(unitText));
    if (ctx.isSet(QStringLiteral("code"))) {
        MARKETCTL_ASSIGN(request.code, args::code(QStringLiteral("code"), ctx.value(QStringLiteral("code"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const ProductDoc product, CatalogService(ctx.store()).createProduct(actor, request));
    if (ctx.json())
        printJson(product.toJson());
    else
        printLine(
            tr("product %1 \"%2\" (%3, per %4)")
                .arg(product.code, product.name, categoryName(product.category), unitName(product.unit)));
    return kExitOk;
}

int runProductList(Context& ctx) {
    qint64 limit = 10000;
    if (ctx.isSet(QStringLiteral("limit"))) {
        MARKETCTL_ASSIGN(
            limit, args::integer(QStringLiteral("limit"), ctx.value(QStringLiteral("limit")), 1, 100000));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto products,
                     CatalogService(ctx.store())
                         .searchProducts(ctx.value(QStringLiteral("search")), static_cast<int>(limit)));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& p : products)
            list.append(p.toJson());
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& p : products)
        rows.append({p.code, p.name, categoryName(p.category), unitName(p.unit)});
    printTable({tr("CODE"), tr("NAME"), tr("CATEGORY"), tr("UNIT")}, rows);
    return kExitOk;
}

QString describeRule(const CommissionRule& rule) {
    if (rule.kind == CommissionKind::Flat)
        return tr("flat %1 %").arg(formatBpAsPercent(rule.flatRateBp));
    QStringList slabs;
    for (const auto& s : rule.slabs)
        slabs.append(
            QStringLiteral("%1-%2: %3 %")
                .arg(s.from.toString(), s.to ? s.to->toString() : QString(), formatBpAsPercent(s.rateBp)));
    return tr("slabs %1").arg(slabs.join(QStringLiteral(", ")));
}

int runCommissionSet(Context& ctx) {
    const bool flat = ctx.isSet(QStringLiteral("flat"));
    const bool slabs = ctx.isSet(QStringLiteral("slabs"));
    if (flat == slabs)
        return ctx.fail(Context::usage(tr("give either --flat PERCENT or --slabs FROM-TO:PERCENT,...")));
    CommissionRule rule;
    if (flat) {
        rule.kind = CommissionKind::Flat;
        MARKETCTL_ASSIGN(rule.flatRateBp,
                         args::percentBp(QStringLiteral("flat"), ctx.value(QStringLiteral("flat"))));
    } else {
        MARKETCTL_ASSIGN(rule, args::slabs(ctx.value(QStringLiteral("slabs"))));
    }
    std::optional<QString> productCode;
    if (ctx.isSet(QStringLiteral("product"))) {
        MARKETCTL_ASSIGN(productCode,
                         args::code(QStringLiteral("product"), ctx.value(QStringLiteral("product"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    CatalogService catalog(ctx.store());
    std::optional<Uuid> productId;
    QString target = tr("the shop's default");
    if (productCode) {
        MARKETCTL_ASSIGN(const ProductDoc product, catalog.productByCode(*productCode));
        productId = product.id;
        target = tr("%1 %2").arg(product.code, product.name);
    }
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const CommissionRuleDoc doc, catalog.setCommissionRule(actor, productId, rule));
    if (ctx.json())
        printJson(doc.toJson());
    else
        printLine(tr("commission for %1: %2").arg(target, describeRule(doc.rule)));
    return kExitOk;
}

int runCommissionList(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    CatalogService catalog(ctx.store());
    MARKETCTL_ASSIGN(const auto rules, catalog.commissionRules());
    QJsonArray list;
    QList<QStringList> rows;
    for (const auto& r : rules) {
        QString productCode;
        QString productName;
        if (r.productId) {
            MARKETCTL_ASSIGN(const ProductDoc product, catalog.product(*r.productId));
            productCode = product.code;
            productName = product.name;
        }
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("productCode"),
                 r.productId ? QJsonValue(productCode) : QJsonValue(QJsonValue::Null));
        list.append(o);
        rows.append({r.productId ? productCode : tr("(default)"), productName, describeRule(r.rule)});
    }
    if (ctx.json())
        printJson(list);
    else
        printTable({tr("PRODUCT"), tr("NAME"), tr("RULE")}, rows);
    return kExitOk;
}
} // namespace

std::vector<Command> catalogCommands() {
    return {
        {QStringLiteral("product add"),
         tr("Add a product (managers)"),
         {makeOption("name", "Name.", "name"),
          makeOption("category", "flower, vegetable, fruit, grain or other.", "category"),
          makeOption("unit", "kg, quintal, crate, bunch, dozen or piece.", "unit"),
          makeOption("code", "Code (default: the next P0001 style code).", "code")},
         runProductAdd,
         {}},
        {QStringLiteral("product list"),
         tr("List products"),
         {makeOption("search", "Prefix of name or code.", "text"),
          makeOption("limit", "At most this many (default 10000).", "n")},
         runProductList,
         {}},
        {QStringLiteral("commission set"),
         tr("Set the default commission or a product's own rule (managers)"),
         {makeOption("product", "The product's code (default: the shop's default rule).", "code"),
          makeOption("flat", "A flat percentage, e.g. 5 or 5.25.", "percent"),
          makeOption("slabs", "Quantity slabs, e.g. \"0-100:3,100-500:5,500-:7\" (units:percent).", "slabs")},
         runCommissionSet,
         tr("A slab applies to a line quantity q with FROM <= q < TO; the last slab may be open "
            "(\"500-:7\").\n"
            "New rules apply to future sales only.")},
        {QStringLiteral("commission list"), tr("List the commission rules"), {}, runCommissionList, {}},
    };
}

} // namespace market::cli
