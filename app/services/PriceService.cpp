#include "PriceService.h"

#include "CatalogService.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
/// The stored row of a product's rate: nullopt when it was never set here.
struct StoredRate {
    std::optional<Money> price;
    qint64 version = 0;
};

QJsonObject rateJson(const std::optional<StoredRate>& r) {
    if (!r)
        return {};
    return {
        {QStringLiteral("price"), r->price ? QJsonValue(r->price->minor()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("version"), r->version}};
}
} // namespace

Result<PriceDoc> PriceService::set(const Session& actor, const Uuid& productId, Money price) {
    return write(actor, productId, price);
}

Result<PriceDoc> PriceService::clear(const Session& actor, const Uuid& productId) {
    return write(actor, productId, std::nullopt);
}

Result<PriceDoc> PriceService::write(const Session& actor, const Uuid& productId,
                                     std::optional<Money> price) {
    MARKET_TRY(require(actor, Permission::ManageCatalog));
    if (price && !price->isPositive())
        return Error{ErrorCode::InvalidInput, tr("The rate must be more than zero.")};
    if (price && price->minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The rate is too large.")};
    auto product = CatalogService(m_store).product(productId);
    if (!product.ok())
        return product.error();

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    std::optional<StoredRate> before;
    {
        Statement& s = m_store.db().prepare("SELECT price, version FROM product_price WHERE product_id = ?1");
        s.bind(1, productId);
        if (s.next())
            before = StoredRate{s.isNull(0) ? std::nullopt : std::optional<Money>(s.money(0)), s.int64(1)};
        Status st = s.status("reading a product's rate");
        s.reset();
        MARKET_TRY(st);
    }
    if (!price && (!before || !before->price))
        return Error{ErrorCode::NotFound, tr("%1 has no rate to clear.").arg(product->code)};

    PriceDoc doc;
    doc.shopId = product->shopId;
    doc.productId = productId;
    doc.id = PriceDoc::idFor(doc.shopId, productId);
    doc.price = price;
    doc.version = before ? before->version + 1 : 1;
    Statement& up = m_store.db().prepare(
        "INSERT INTO product_price (product_id, price, version, updated_at_ms, updated_by) VALUES "
        "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (product_id) DO UPDATE SET price = excluded.price, version = "
        "excluded.version, updated_at_ms = excluded.updated_at_ms, updated_by = excluded.updated_by");
    up.bind(1, productId);
    if (price)
        up.bind(2, *price);
    else
        up.bindNull(2);
    MARKET_TRY(up.bind(3, doc.version)
                   .bind(4, m_store.nowMs())
                   .bind(5, actor.userId.toString())
                   .exec("writing a product's rate"));
    MARKET_TRY(Journal::record(
        m_store,
        JournalEntry{actor.userId, price ? QStringLiteral("price.set") : QStringLiteral("price.clear"),
                     QStringLiteral("price"), doc.id, rateJson(before),
                     rateJson(StoredRate{price, doc.version}), op::kPriceUpsert, doc.toJson()}));
    MARKET_TRY(tx.commit());
    return doc;
}

Result<std::optional<Money>> PriceService::rateOf(const Uuid& productId) {
    Statement& s =
        m_store.db().prepare("SELECT price FROM product_price WHERE product_id = ?1 AND price IS NOT NULL");
    s.bind(1, productId);
    std::optional<Money> rate;
    if (s.next())
        rate = s.money(0);
    Status st = s.status("reading a product's rate");
    s.reset();
    if (!st.ok())
        return st.error();
    return rate;
}

Result<std::vector<ProductRate>> PriceService::list() {
    Statement& s = m_store.db().prepare(
        "SELECT p.id, p.shop_id, p.code, p.name, p.category, p.unit, p.active, p.version, r.price, "
        "r.version, "
        "r.updated_at_ms, coalesce(u.username, '') FROM product_price r JOIN product p ON p.id = "
        "r.product_id "
        "LEFT JOIN app_user u ON u.id = r.updated_by WHERE r.price IS NOT NULL ORDER BY p.code");
    std::vector<ProductRate> out;
    while (s.next()) {
        ProductRate r;
        r.product = readProduct(s);
        r.price = s.money(8);
        r.version = s.int64(9);
        r.updatedAtMs = s.int64(10);
        r.updatedBy = s.text(11);
        out.push_back(std::move(r));
    }
    Status st = s.status("listing the rates");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
