#include "MasterData.h"

#include <QJsonDocument>
#include <domain/Documents.h>
#include <domain/PriceDocument.h>

namespace market::server {

namespace op = core::op;

namespace {
// Master data (*.upsert) is one row per document id: a write replaces the row and bumps
// server_version, so the last write in server order wins. Parameters: $1 id, $2 shop_id, then one
// per column in order; `value` is the SQL of that parameter, its "$" standing for the number.
struct MasterColumn {
    const char* name;
    const char* value = "$";
};
std::string masterUpsertSql(const std::string& table, std::initializer_list<MasterColumn> columns) {
    std::string names = "id, shop_id", values = "$1, $2", updates;
    int number = 2;
    for (const MasterColumn& c : columns) {
        std::string value = c.value;
        value.replace(value.find('$'), 1, "$" + std::to_string(++number));
        names += std::string(", ") + c.name;
        values += ", " + value;
        updates += std::string(c.name) + " = excluded." + c.name + ", ";
    }
    return "INSERT INTO " + table + " (" + names + ") VALUES (" + values +
           ") ON CONFLICT (id) DO UPDATE SET " + updates + "server_version = " + table +
           ".server_version + 1, updated_at = now() RETURNING server_version";
}
constexpr MasterColumn kNullableUuid(const char* name) {
    return {name, "nullif($, '')::uuid"};
}

std::string s(const QString& v) {
    return v.toStdString();
}
std::string b(bool v) {
    return v ? "true" : "false";
}
std::string n(qint64 v) {
    return std::to_string(v);
}
std::string j(const QJsonObject& v) {
    return QJsonDocument(v).toJson(QJsonDocument::Compact).toStdString();
}
std::string optionalId(const std::optional<core::Uuid>& id) {
    return id ? s(id->toString()) : std::string();
}
} // namespace

const char* masterTable(const QString& type) {
    if (type == op::kPartyUpsert)
        return "parties";
    if (type == op::kProductUpsert)
        return "products";
    if (type == op::kCommissionRuleUpsert)
        return "commission_rules";
    if (type == op::kChargeUpsert)
        return "charges";
    if (type == op::kUserUpsert)
        return "users";
    if (type == op::kPriceUpsert)
        return "prices";
    return nullptr;
}

core::Result<MasterWrite> decodeMaster(const QString& type, const QJsonObject& payload, const QString& shop) {
    if (type == op::kPartyUpsert) {
        auto d = core::PartyDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql = masterUpsertSql(
            "parties",
            {{"kind"}, {"code"}, {"name"}, {"phone"}, {"credit_limit"}, {"active"}, {"version"}, {"doc"}});
        return MasterWrite{d->id.toString(),
                           d->shopId,
                           &sql,
                           {s(d->id.toString()), s(shop), s(core::partyKindName(d->kind)), s(d->code),
                            s(d->name), s(d->phone), n(d->creditLimit.minor()), b(d->active), n(d->version),
                            j(payload)}};
    }
    if (type == op::kProductUpsert) {
        auto d = core::ProductDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql = masterUpsertSql(
            "products", {{"code"}, {"name"}, {"category"}, {"unit"}, {"active"}, {"version"}, {"doc"}});
        return MasterWrite{d->id.toString(),
                           d->shopId,
                           &sql,
                           {s(d->id.toString()), s(shop), s(d->code), s(d->name),
                            s(core::categoryName(d->category)), s(core::unitName(d->unit)), b(d->active),
                            n(d->version), j(payload)}};
    }
    if (type == op::kCommissionRuleUpsert) {
        auto d = core::CommissionRuleDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql = masterUpsertSql(
            "commission_rules", {kNullableUuid("product_id"), {"kind"}, {"active"}, {"version"}, {"doc"}});
        return MasterWrite{d->id.toString(),
                           d->shopId,
                           &sql,
                           {s(d->id.toString()), s(shop), optionalId(d->productId),
                            s(core::commissionKindName(d->rule.kind)), b(d->active), n(d->version),
                            j(payload)}};
    }
    if (type == op::kChargeUpsert) {
        // A new version of a code comes as the retired old row (active = false) and a new id.
        auto d = core::ChargeDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql = masterUpsertSql("charges", {{"code"},
                                                                   {"name"},
                                                                   {"basis"},
                                                                   {"rate"},
                                                                   {"payer"},
                                                                   kNullableUuid("product_id"),
                                                                   {"active"},
                                                                   {"version"},
                                                                   {"doc"}});
        const core::ChargeRule& c = d->rule;
        return MasterWrite{c.id.toString(),
                           d->shopId,
                           &sql,
                           {s(c.id.toString()), s(shop), s(c.code), s(c.name),
                            s(core::chargeBasisName(c.basis)), n(c.rate), s(core::chargePayerName(c.payer)),
                            optionalId(c.productId), b(d->active), n(d->version), j(payload)}};
    }
    if (type == op::kUserUpsert) {
        auto d = core::UserDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql =
            masterUpsertSql("users", {{"username"}, {"role"}, {"active"}, {"version"}, {"doc"}});
        return MasterWrite{d->id.toString(),
                           d->shopId,
                           &sql,
                           {s(d->id.toString()), s(shop), s(d->username), s(core::roleName(d->role)),
                            b(d->active), n(d->version), j(payload)}};
    }
    if (type == op::kPriceUpsert) {
        // The id is the name-based UUID of (shop, product): fromJson refuses any other, so a
        // document can never overwrite another product's (or another shop's) rate. null clears it.
        auto d = core::PriceDoc::fromJson(payload);
        if (!d)
            return d.error();
        static const std::string sql = masterUpsertSql(
            "prices", {{"product_id"}, {"price", "nullif($, '')::bigint"}, {"version"}, {"doc"}});
        return MasterWrite{d->id.toString(),
                           d->shopId,
                           &sql,
                           {s(d->id.toString()), s(shop), s(d->productId.toString()),
                            d->price ? n(d->price->minor()) : std::string(), n(d->version), j(payload)}};
    }
    return core::Error{core::ErrorCode::InvalidInput,
                       QStringLiteral("%1 is not a master-data operation").arg(type)};
}

} // namespace market::server
