#pragma once

#include "Tokens.h"

#include <QJsonValue>
#include <QString>
#include <pqxx/transaction>

namespace market::server {

/// One line of the API audit (api_audit): who (account and role from the token), what, on which
/// entity, before and after. Written in the transaction of the change itself, so an edit and its
/// audit commit or roll back together. The transaction must already be in the shop (enterShop).
struct ApiAuditEntry {
    QString action; ///< e.g. product.create, user.deactivate, anomaly.resolve
    QString entity;
    QString entityId;
    QJsonValue before;
    QJsonValue after;
    QString note;
};
void recordApiAudit(pqxx::work& tx, const QString& shopId, const TokenClaims& who, const ApiAuditEntry& e);

} // namespace market::server
