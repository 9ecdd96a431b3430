// Master data of the shop's feed: last write in the server's order wins, unless this counter
// edited the entity and the server has not acknowledged that edit yet (ForeignDocumentWriter.h).
#include "ForeignDocumentWriter.h"
#include "Validation.h"
#include "domain/Documents.h"
#include "domain/PriceDocument.h"
#include "store/Store.h"

#include <QCoreApplication>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ForeignDocumentWriter)
};
} // namespace

Result<bool> ForeignDocumentWriter::takeScope(const char* othersSql, const char* retireSql,
                                              const QString& scope, const QString& id, const QString& type) {
    Statement& s = m_store.db().prepare(othersSql);
    s.bind(1, scope).bind(2, id);
    QStringList others;
    while (s.next())
        others << s.text(0);
    Status st = s.status("reading the active rows of a scope");
    s.reset();
    MARKET_TRY(st);
    for (const auto& other : others)
        if (m_localEdits.contains(type + QLatin1Char('/') + other))
            return false;
    for (const auto& other : others)
        MARKET_TRY(m_store.db().prepare(retireSql).bind(1, other).exec("retiring a superseded row"));
    return true;
}

Result<ForeignWrite> ForeignDocumentWriter::shop(const QJsonObject& o) {
    auto d = ShopDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->id.toString()));
    if (editedHere(op::kShopUpsert, o))
        return ForeignWrite::LocalOnTop;
    MARKET_TRY(m_store.db()
                   .prepare("INSERT INTO shop (id, code, name, currency, time_zone, version) VALUES "
                            "(?1,?2,?3,?4,?5,?6) ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = "
                            "excluded.name, currency = excluded.currency, time_zone = excluded.time_zone, "
                            "version = excluded.version")
                   .bind(1, d->id)
                   .bind(2, d->code)
                   .bind(3, d->name)
                   .bind(4, currencyCode(d->currency))
                   .bind(5, d->timeZone)
                   .bind(6, d->version)
                   .exec("writing a synced shop"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::terminal(const QJsonObject& o) {
    auto d = TerminalDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kTerminalUpsert, o))
        return ForeignWrite::LocalOnTop;
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO terminal (id, shop_id, number, name, version) VALUES (?1,?2,?3,?4,?5) "
                     "ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, "
                     "version = excluded.version")
            .bind(1, d->id)
            .bind(2, d->shopId)
            .bind(3, d->number)
            .bind(4, d->name)
            .bind(5, d->version)
            .exec("writing a synced terminal"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::user(const QJsonObject& o) {
    auto d = UserDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kUserUpsert, o))
        return ForeignWrite::LocalOnTop;
    // Failed attempts and lock-outs are this counter's own, never synced: kept as they are.
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO app_user (id, shop_id, username, display_name, role, password_hash, "
                     "pin_hash, active, version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT (id) DO "
                     "UPDATE SET username = excluded.username, display_name = excluded.display_name, "
                     "role = excluded.role, password_hash = excluded.password_hash, pin_hash = "
                     "excluded.pin_hash, active = excluded.active, version = excluded.version")
            .bind(1, d->id)
            .bind(2, d->shopId)
            .bind(3, d->username)
            .bind(4, d->displayName)
            .bind(5, roleName(d->role))
            .bind(6, d->passwordHash)
            .bind(7, d->pinHash)
            .bind(8, d->active)
            .bind(9, d->version)
            .exec("writing a synced user"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::party(const QJsonObject& o) {
    auto d = PartyDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kPartyUpsert, o))
        return ForeignWrite::LocalOnTop;
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO party (id, shop_id, kind, code, name, name_fold, phone, credit_limit, "
                     "active, version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT (id) DO UPDATE "
                     "SET kind = excluded.kind, code = excluded.code, name = excluded.name, name_fold = "
                     "excluded.name_fold, phone = excluded.phone, credit_limit = excluded.credit_limit, "
                     "active = excluded.active, version = excluded.version")
            .bind(1, d->id)
            .bind(2, d->shopId)
            .bind(3, partyKindName(d->kind))
            .bind(4, d->code)
            .bind(5, d->name)
            .bind(6, Validation::fold(d->name))
            .bind(7, d->phone)
            .bind(8, d->creditLimit)
            .bind(9, d->active)
            .bind(10, d->version)
            .exec("writing a synced party"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::product(const QJsonObject& o) {
    auto d = ProductDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kProductUpsert, o))
        return ForeignWrite::LocalOnTop;
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO product (id, shop_id, code, name, name_fold, category, unit, active, "
                     "version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT (id) DO UPDATE SET code = "
                     "excluded.code, name = excluded.name, name_fold = excluded.name_fold, category = "
                     "excluded.category, unit = excluded.unit, active = excluded.active, version = "
                     "excluded.version")
            .bind(1, d->id)
            .bind(2, d->shopId)
            .bind(3, d->code)
            .bind(4, d->name)
            .bind(5, Validation::fold(d->name))
            .bind(6, categoryName(d->category))
            .bind(7, unitName(d->unit))
            .bind(8, d->active)
            .bind(9, d->version)
            .exec("writing a synced product"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::commissionRule(const QJsonObject& o) {
    auto d = CommissionRuleDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kCommissionRuleUpsert, o))
        return ForeignWrite::LocalOnTop;
    bool active = d->active;
    if (active) {
        auto free = takeScope(
            "SELECT id FROM commission_rule WHERE active = 1 AND coalesce(product_id, '') = ?1 "
            "AND id <> ?2",
            "UPDATE commission_rule SET active = 0 WHERE id = ?1",
            d->productId ? d->productId->toString() : QString(), d->id.toString(), op::kCommissionRuleUpsert);
        if (!free.ok())
            return free.error();
        active = *free;
    }
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO commission_rule (id, shop_id, product_id, kind, rate_bp, slabs, active, "
                     "version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT (id) DO UPDATE SET product_id = "
                     "excluded.product_id, kind = excluded.kind, rate_bp = excluded.rate_bp, slabs = "
                     "excluded.slabs, active = excluded.active, version = excluded.version")
            .bind(1, d->id)
            .bind(2, d->shopId)
            .bind(3, d->productId)
            .bind(4, commissionKindName(d->rule.kind))
            .bind(5, d->rule.flatRateBp)
            .bind(6, compactJson(d->toJson().value(QStringLiteral("slabs"))))
            .bind(7, active)
            .bind(8, d->version)
            .exec("writing a synced commission rule"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::charge(const QJsonObject& o) {
    auto d = ChargeDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kChargeUpsert, o))
        return ForeignWrite::LocalOnTop;
    bool active = d->active;
    if (active) {
        auto free = takeScope("SELECT id FROM charge WHERE active = 1 AND code = ?1 AND id <> ?2",
                              "UPDATE charge SET active = 0 WHERE id = ?1", d->rule.code,
                              d->rule.id.toString(), op::kChargeUpsert);
        if (!free.ok())
            return free.error();
        active = *free;
    }
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO charge (id, shop_id, code, name, basis, rate, payer, product_id, active, "
                     "version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT (id) DO UPDATE SET code = "
                     "excluded.code, name = excluded.name, basis = excluded.basis, rate = excluded.rate, "
                     "payer = excluded.payer, product_id = excluded.product_id, active = excluded.active, "
                     "version = excluded.version")
            .bind(1, d->rule.id)
            .bind(2, d->shopId)
            .bind(3, d->rule.code)
            .bind(4, d->rule.name)
            .bind(5, chargeBasisName(d->rule.basis))
            .bind(6, d->rule.rate)
            .bind(7, chargePayerName(d->rule.payer))
            .bind(8, d->rule.productId)
            .bind(9, active)
            .bind(10, d->version)
            .exec("writing a synced charge"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::setting(const QJsonObject& o) {
    // {key, value, shopId, version}: the shape SettingsService::setInteger pushes.
    const QString key = o.value(QStringLiteral("key")).toString();
    const QJsonValue value = o.value(QStringLiteral("value"));
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (key.isEmpty() || !value.isString() || !version.isDouble() || version.toInteger() < 1)
        return Error{ErrorCode::InvalidInput, Tr::tr("setting.upsert: key, value or version missing")};
    MARKET_TRY(checkShop(o.value(QStringLiteral("shopId")).toString()));
    if (editedHere(kSettingType, o))
        return ForeignWrite::LocalOnTop;
    MARKET_TRY(
        m_store.db()
            .prepare("INSERT INTO setting (key, value, version) VALUES (?1,?2,?3) ON CONFLICT (key) DO "
                     "UPDATE SET value = excluded.value, version = excluded.version")
            .bind(1, key)
            .bind(2, value.toString())
            .bind(3, version.toInteger())
            .exec("writing a synced setting"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::price(const QJsonObject& o) {
    auto d = PriceDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    if (editedHere(op::kPriceUpsert, o))
        return ForeignWrite::LocalOnTop;
    auto known = exists("SELECT 1 FROM product WHERE id = ?1", d->productId.toString());
    if (!known.ok())
        return known.error();
    if (!*known) // the feed brings a product before its rate; parked until it is here
        return Error{ErrorCode::Conflict,
                     Tr::tr("product %1 is not on this counter yet").arg(d->productId.toString())};
    // updated_by stays empty: the document does not say who set the rate (another counter's user
    // or the back office), and this counter's users are not the only ones.
    Statement& s = m_store.db().prepare(
        "INSERT INTO product_price (product_id, price, version, updated_at_ms, updated_by) VALUES "
        "(?1, ?2, ?3, ?4, '') ON CONFLICT (product_id) DO UPDATE SET price = excluded.price, version = "
        "excluded.version, updated_at_ms = excluded.updated_at_ms, updated_by = excluded.updated_by");
    s.bind(1, d->productId);
    if (d->price)
        s.bind(2, *d->price);
    else
        s.bindNull(2);
    MARKET_TRY(s.bind(3, d->version).bind(4, m_store.nowMs()).exec("writing a synced rate"));
    return ForeignWrite::Applied;
}

} // namespace market::core
