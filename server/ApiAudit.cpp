#include "ApiAudit.h"

#include "Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <domain/Uuid.h>

namespace market::server {

namespace {
// Empty for null: bound through nullif($n, '')::jsonb (libpqxx 6.4 has no optional parameters).
std::string jsonOrEmpty(const QJsonValue& v) {
    if (v.isNull() || v.isUndefined())
        return {};
    const QJsonDocument d = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return d.toJson(QJsonDocument::Compact).toStdString();
}
} // namespace

void recordApiAudit(pqxx::work& tx, const QString& shopId, const TokenClaims& who, const ApiAuditEntry& e) {
    tx.exec_params(
        "INSERT INTO api_audit (id, shop_id, account_id, role, action, entity, entity_id, before, "
        "after, note) VALUES ($1, $2, $3, $4, $5, $6, $7, nullif($8, '')::jsonb, nullif($9, '')::jsonb, $10)",
        s(core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString()), s(shopId), s(who.accountId),
        s(who.role), s(e.action), s(e.entity), s(e.entityId), jsonOrEmpty(e.before), jsonOrEmpty(e.after),
        s(e.note));
}

} // namespace market::server
