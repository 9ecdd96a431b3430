// price set, price clear, price list: the shop's current rate per product ("today's rate").
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/CatalogService.h"
#include "services/PriceService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
Result<ProductDoc> productOption(Context& ctx) {
    auto text = ctx.required(QStringLiteral("product"));
    if (!text.ok())
        return text.error();
    auto code = args::code(QStringLiteral("product"), *text);
    if (!code.ok())
        return code.error();
    if (auto st = ctx.openStore(Context::StoreUse::ExistingShop); !st.ok())
        return st.error();
    return CatalogService(ctx.store()).productByCode(*code);
}

void printRate(Context& ctx, const ProductDoc& product, const PriceDoc& doc) {
    if (ctx.json()) {
        QJsonObject o = doc.toJson();
        o.insert(QStringLiteral("productCode"), product.code);
        printJson(o);
    } else if (doc.price) {
        printLine(tr("%1 \"%2\": %3 per %4 (version %5)")
                      .arg(product.code, product.name, ctx.money(*doc.price), unitName(product.unit))
                      .arg(doc.version));
    } else {
        printLine(tr("%1 \"%2\": no rate (version %3)").arg(product.code, product.name).arg(doc.version));
    }
}

int runPriceSet(Context& ctx) {
    MARKETCTL_ASSIGN(const QString priceText, ctx.required(QStringLiteral("price")));
    MARKETCTL_ASSIGN(const Money price, args::money(QStringLiteral("price"), priceText));
    if (!price.isPositive())
        return ctx.fail(Context::usage(tr("--price must be more than zero")));
    MARKETCTL_ASSIGN(const ProductDoc product, productOption(ctx));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const PriceDoc doc, PriceService(ctx.store()).set(actor, product.id, price));
    printRate(ctx, product, doc);
    return kExitOk;
}

int runPriceClear(Context& ctx) {
    MARKETCTL_ASSIGN(const ProductDoc product, productOption(ctx));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const PriceDoc doc, PriceService(ctx.store()).clear(actor, product.id));
    printRate(ctx, product, doc);
    return kExitOk;
}

int runPriceList(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto rates, PriceService(ctx.store()).list());
    QJsonArray list;
    QList<QStringList> rows;
    for (const auto& r : rates) {
        list.append(QJsonObject{{QStringLiteral("productId"), r.product.id.toString()},
                                {QStringLiteral("productCode"), r.product.code},
                                {QStringLiteral("productName"), r.product.name},
                                {QStringLiteral("unit"), unitName(r.product.unit)},
                                {QStringLiteral("price"), r.price.minor()},
                                {QStringLiteral("version"), r.version},
                                {QStringLiteral("updatedAtMs"), r.updatedAtMs},
                                {QStringLiteral("updatedBy"), r.updatedBy}});
        rows.append(
            {r.product.code, r.product.name, ctx.money(r.price), unitName(r.product.unit),
             QDateTime::fromMSecsSinceEpoch(r.updatedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             r.updatedBy.isEmpty() ? tr("(synced)") : r.updatedBy});
    }
    if (ctx.json())
        printJson(list);
    else
        printTable({tr("CODE"), tr("PRODUCT"), tr("RATE"), tr("PER"), tr("SET AT"), tr("BY")}, rows);
    return kExitOk;
}
} // namespace

std::vector<Command> priceCommands() {
    return {
        {QStringLiteral("price set"),
         tr("Set a product's current rate (managers)"),
         {makeOption("product", "The product's code.", "code"),
          makeOption("price", "Per unit of the product, e.g. 42.50.", "amount")},
         runPriceSet,
         tr("The rate fills in the price of a sale line at the counters; the price of each sale is still "
            "agreed at the counter. Synced to the other counters and the server.")},
        {QStringLiteral("price clear"),
         tr("Clear a product's rate (managers)"),
         {makeOption("product", "The product's code.", "code")},
         runPriceClear,
         {}},
        {QStringLiteral("price list"), tr("List the products' current rates"), {}, runPriceList, {}},
    };
}

} // namespace market::cli
