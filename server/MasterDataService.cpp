#include "MasterDataService.h"

#include "ApiAudit.h"
#include "ApiError.h"
#include "Database.h"
#include "MasterData.h"

#include <QDateTime>
#include <QJsonDocument>
#include <domain/Documents.h>
#include <domain/Uuid.h>
#include <pqxx/prepared_statement>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;
namespace op = core::op;

namespace {
const QString kVersionConflict = QStringLiteral("version_conflict");
// The counter's ChargeService::kMaxActive (market_core is not linked here).
constexpr int kMaxActiveCharges = 20;

QString newId() {
    return core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
}

QString entityOf(const QString& type) {
    return type.section(QLatin1Char('.'), 0, 0);
}

QJsonObject parseObject(const pqxx::field& f) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>())).object();
}

// The server owns shopId: a body may repeat the path's shop, never name another.
void requireOwnShop(const QJsonObject& body, const QString& shopId) {
    if (body.contains(QStringLiteral("shopId")) && body.value(QStringLiteral("shopId")).toString() != shopId)
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("shopId: must be this shop's id (or left out)"));
}

void requireProduct(pqxx::work& tx, const QJsonObject& payload) {
    const QString product = payload.value(QStringLiteral("productId")).toString();
    if (!product.isEmpty() && tx.exec_params("SELECT 1 FROM products WHERE id = $1", s(product)).empty())
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("productId: no product %1 in this shop").arg(product));
}

// What the codec cannot see: references and codes that must be unique in the shop.
void checkInShop(pqxx::work& tx, const QString& type, const QJsonObject& payload) {
    const std::string id = s(payload.value(QStringLiteral("id")).toString());
    const std::string code = s(payload.value(QStringLiteral("code")).toString());
    if (type == op::kProductUpsert &&
        !tx.exec_params("SELECT 1 FROM products WHERE code = $1 AND id <> $2", code, id).empty())
        throw ApiError(409, err::kInvalidInput,
                       QStringLiteral("code: another product already has code %1").arg(q(code)));
    if (type == op::kPartyUpsert &&
        !tx.exec_params("SELECT 1 FROM parties WHERE kind = $1 AND code = $2 AND id <> $3",
                        s(payload.value(QStringLiteral("kind")).toString()), code, id)
             .empty())
        throw ApiError(409, err::kInvalidInput,
                       QStringLiteral("code: another %1 already has code %2")
                           .arg(payload.value(QStringLiteral("kind")).toString(), q(code)));
    if (type == op::kCommissionRuleUpsert || type == op::kChargeUpsert)
        requireProduct(tx, payload);
}

// Serialises the back-office writers of one table in one shop until commit, so two requests cannot
// both pass the "code is free" check (counters' pushes are not held up: they do not take it).
void lockTable(pqxx::work& tx, const QString& shopId, const std::string& table) {
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", s(shopId) + ":" + table);
}

FeedRow upsert(pqxx::work& tx, const QString& type, const QJsonObject& payload, const MasterWrite& w) {
    const auto r = tx.exec_params(*w.sql, pqxx::prepare::make_dynamic_params(w.params));
    QJsonObject doc = payload;
    doc.insert(QStringLiteral("serverVersion"), r[0][0].as<qint64>());
    return FeedRow{type, w.entityId, doc, {}};
}

MasterWrite decodeOrThrow(const QString& type, const QJsonObject& payload, const QString& shopId) {
    auto d = decodeMaster(type, payload, shopId);
    if (!d)
        throw ApiError(400, err::kInvalidInput, d.error().message);
    if (d->docShopId.toString() != shopId)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("shopId: must be this shop's id"));
    return *d;
}
} // namespace

FeedRow writeMasterDocument(pqxx::work& tx, const QString& shopId, const QString& type,
                            const QJsonObject& payload) {
    return upsert(tx, type, payload, decodeOrThrow(type, payload, shopId));
}

QJsonArray MasterDataService::list(const QString& shopId, const QString& type, const QString& partyKind,
                                   int limit, int offset) {
    if (limit < 1 || limit > 5000)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("limit: an integer in 1..5000"));
    if (offset < 0)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("offset: an integer ≥ 0"));
    const std::string table = masterTable(type);
    std::string sql = "SELECT doc::text, server_version FROM " + table;
    if (type == op::kPartyUpsert) {
        if (!partyKind.isEmpty() && !core::partyKindFromName(partyKind))
            throw ApiError(400, err::kInvalidInput, QStringLiteral("kind: farmer or buyer"));
        sql += " WHERE ($1 = '' OR kind = $1)";
    } else {
        sql += " WHERE $1 = $1";
    }
    sql += type == op::kCommissionRuleUpsert ? " ORDER BY updated_at, id" : " ORDER BY code, id";
    sql += " LIMIT $2 OFFSET $3";
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const auto& row : tx.exec_params(sql, s(partyKind), limit, offset)) {
        QJsonObject doc = parseObject(row[0]);
        doc.insert(QStringLiteral("serverVersion"), row[1].as<qint64>());
        out.append(doc);
    }
    tx.commit();
    return out;
}

QJsonObject MasterDataService::save(const QString& shopId, const QString& type, const QJsonObject& body) {
    const QString entity = entityOf(type);
    const std::string table = masterTable(type);
    QJsonObject payload = body;
    payload.remove(QStringLiteral("serverVersion")); // what a GET returned may be posted back
    requireOwnShop(payload, shopId);

    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    lockTable(tx, shopId, table);
    QJsonValue before;
    qint64 version = 1;
    if (payload.contains(QStringLiteral("id"))) {
        const QJsonValue idValue = payload.value(QStringLiteral("id"));
        if (!idValue.isString() || !core::Uuid::parse(idValue.toString()))
            throw ApiError(
                400, err::kInvalidInput,
                QStringLiteral("id: the UUID of an existing %1 (leave it out to create one)").arg(entity));
        const auto r = tx.exec_params("SELECT version, doc::text FROM " + table + " WHERE id = $1 FOR UPDATE",
                                      s(idValue.toString()));
        if (r.empty())
            throw ApiError(404, err::kNotFound,
                           QStringLiteral("no %1 %2 in this shop").arg(entity, idValue.toString()));
        const qint64 stored = r[0][0].as<qint64>();
        const QJsonValue given = payload.value(QStringLiteral("version"));
        if (!given.isUndefined() && (!given.isDouble() || given.toDouble() != double(given.toInteger())))
            throw ApiError(400, err::kInvalidInput,
                           QStringLiteral("version: the integer version that was read (or left out)"));
        if (payload.contains(QStringLiteral("version")) &&
            payload.value(QStringLiteral("version")).toInteger(-1) != stored)
            throw ApiError(409, kVersionConflict,
                           QStringLiteral("version: the %1 is at version %2 (changed meanwhile); reload it")
                               .arg(entity)
                               .arg(stored),
                           {{QStringLiteral("version"), stored}});
        before = parseObject(r[0][1]);
        version = stored + 1;
    } else {
        payload.insert(QStringLiteral("id"), newId());
    }
    payload.insert(QStringLiteral("shopId"), shopId);
    payload.insert(QStringLiteral("version"), version);
    const MasterWrite w = decodeOrThrow(type, payload, shopId);
    checkInShop(tx, type, payload);
    const FeedRow row = upsert(tx, type, payload, w);
    recordApiAudit(tx, shopId, m_who,
                   {entity + (before.isNull() ? QStringLiteral(".create") : QStringLiteral(".update")),
                    entity,
                    w.entityId,
                    before,
                    payload,
                    {}});
    appendFeedRows(tx, shopId, {row});
    tx.commit();
    return row.doc;
}

QJsonObject MasterDataService::setCharge(const QString& shopId, const QJsonObject& body) {
    QJsonObject payload = body;
    payload.remove(QStringLiteral("serverVersion"));
    requireOwnShop(payload, shopId);
    if (payload.contains(QStringLiteral("id")))
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("id: a charge is never edited in place; post its code again to replace "
                                      "the active one"));
    if (payload.value(QStringLiteral("code")).isString()) // the counter's ChargeService does the same
        payload.insert(QStringLiteral("code"),
                       payload.value(QStringLiteral("code")).toString().trimmed().toUpper());
    const QString code = payload.value(QStringLiteral("code")).toString();
    const QJsonValue activeValue = payload.value(QStringLiteral("active"));
    const bool retireOnly = activeValue.isBool() && !activeValue.toBool();
    if (retireOnly && code.isEmpty())
        throw ApiError(400, err::kInvalidInput, QStringLiteral("code: required, the charge to retire"));

    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    lockTable(tx, shopId, "charges");
    const auto current = tx.exec_params(
        "SELECT doc::text, version FROM charges WHERE code = $1 AND active ORDER BY updated_at DESC LIMIT 1 "
        "FOR UPDATE",
        s(code));
    std::vector<FeedRow> rows;
    QJsonObject out;
    if (!current.empty()) {
        // The retired row keeps its version, as the counter's ChargeService::writeRetired sends it.
        QJsonObject retired = parseObject(current[0][0]);
        retired.insert(QStringLiteral("active"), false);
        rows.push_back(writeMasterDocument(tx, shopId, op::kChargeUpsert, retired));
        recordApiAudit(tx, shopId, m_who,
                       {QStringLiteral("charge.retire"),
                        QStringLiteral("charge"),
                        rows.back().entityId,
                        parseObject(current[0][0]),
                        retired,
                        {}});
        out.insert(QStringLiteral("retired"), rows.back().doc);
    } else if (retireOnly) {
        throw ApiError(404, err::kNotFound, QStringLiteral("no active charge %1 in this shop").arg(code));
    }
    if (!retireOnly) {
        payload.insert(QStringLiteral("id"), newId());
        payload.insert(QStringLiteral("shopId"), shopId);
        payload.insert(QStringLiteral("active"), true);
        payload.insert(QStringLiteral("version"), current.empty() ? 1 : current[0][1].as<qint64>() + 1);
        const MasterWrite w = decodeOrThrow(op::kChargeUpsert, payload, shopId);
        checkInShop(tx, op::kChargeUpsert, payload);
        if (current.empty() &&
            tx.exec("SELECT count(*) FROM charges WHERE active")[0][0].as<int>() >= kMaxActiveCharges)
            throw ApiError(409, err::kInvalidInput,
                           QStringLiteral("a shop can have at most %1 charges; retire one first")
                               .arg(kMaxActiveCharges));
        rows.push_back(upsert(tx, op::kChargeUpsert, payload, w));
        recordApiAudit(tx, shopId, m_who,
                       {QStringLiteral("charge.set"),
                        QStringLiteral("charge"),
                        w.entityId,
                        current.empty() ? QJsonValue() : QJsonValue(parseObject(current[0][0])),
                        payload,
                        {}});
        out.insert(QStringLiteral("charge"), rows.back().doc);
    }
    appendFeedRows(tx, shopId, rows);
    tx.commit();
    return out;
}

} // namespace market::server
