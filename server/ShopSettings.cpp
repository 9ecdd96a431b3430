#include "ShopSettings.h"

#include "ApiAudit.h"
#include "ApiError.h"
#include "Database.h"
#include "FeedWriter.h"

#include <QJsonDocument>
#include <QUuid>
#include <domain/Money.h>
#include <domain/Quantity.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
// Same keys, defaults and ranges as the counter's SettingsService::kKnown.
constexpr KnownSetting kKnownSettings[] = {
    {"adjustment_approval_qty", 50'000, 0, core::Quantity::kMaxInput},
    {"adjustment_approval_value", 500'000, 0, core::Money::kMaxInput},
    {"cash_session_required", 1, 0, 1},
    {"commission_paid_by_buyer", 0, 0, 1},
};
const QString kSettingUpsert = QStringLiteral("setting.upsert");

QJsonValue int64OrNull(const pqxx::field& f) {
    return f.is_null() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.as<qint64>());
}

qint64 integerField(const QJsonObject& body, const QString& key, qint64 min, qint64 max,
                    const QString& what) {
    const QJsonValue v = body.value(key);
    if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("%1: %2").arg(key, what));
    return v.toInteger();
}

// `stored`: the setting's row (kSelect), empty while the shop runs on the default.
QJsonObject entry(const KnownSetting& k, const pqxx::result& stored) {
    const bool isDefault = stored.empty();
    return {
        {QStringLiteral("key"), QLatin1String(k.key)},
        {QStringLiteral("value"),
         isDefault ? k.defaultValue : QString::fromStdString(stored[0][0].as<std::string>()).toLongLong()},
        {QStringLiteral("isDefault"), isDefault},
        {QStringLiteral("min"), k.min},
        {QStringLiteral("max"), k.max},
        {QStringLiteral("version"), isDefault ? 0 : stored[0][1].as<qint64>()},
        {QStringLiteral("serverVersion"),
         isDefault ? QJsonValue(QJsonValue::Null) : int64OrNull(stored[0][2])},
        {QStringLiteral("updatedAtMs"),
         isDefault ? QJsonValue(QJsonValue::Null) : int64OrNull(stored[0][3])}};
}

const char* const kSelect =
    "SELECT value, version, server_version, (extract(epoch FROM updated_at) * 1000)::bigint, "
    "doc::text FROM settings WHERE key = $1";
} // namespace

std::span<const KnownSetting> knownSettings() {
    return kKnownSettings;
}

const KnownSetting* findSetting(const QString& key) {
    for (const auto& k : kKnownSettings)
        if (key == QLatin1String(k.key))
            return &k;
    return nullptr;
}

QString settingId(const QString& shopId, const QString& key) {
    return QUuid::createUuidV5(QUuid::fromString(shopId), key).toString(QUuid::WithoutBraces);
}

const std::string& settingUpsertSql() {
    static const std::string sql =
        "INSERT INTO settings (shop_id, key, id, value, version, doc) VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (shop_id, key) DO UPDATE SET value = excluded.value, version = excluded.version, "
        "doc = excluded.doc, server_version = settings.server_version + 1, updated_at = now() "
        "RETURNING server_version";
    return sql;
}

QJsonArray ShopSettingsService::list(const QString& shopId) {
    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    QJsonArray out;
    for (const KnownSetting& k : kKnownSettings) {
        const auto r = tx.exec_params(kSelect, k.key);
        out.append(entry(k, r));
    }
    tx.commit();
    return out;
}

QJsonObject ShopSettingsService::set(const QString& shopId, const QJsonObject& body) {
    const QJsonValue keyValue = body.value(QStringLiteral("key"));
    const KnownSetting* known = keyValue.isString() ? findSetting(keyValue.toString()) : nullptr;
    if (!known) {
        QStringList keys;
        for (const auto& k : kKnownSettings)
            keys << QLatin1String(k.key);
        throw ApiError(400, err::kInvalidInput,
                       QStringLiteral("key: one of %1").arg(keys.join(QStringLiteral(", "))));
    }
    const QString key = keyValue.toString();
    const qint64 value = integerField(
        body, QStringLiteral("value"), known->min, known->max,
        QStringLiteral("an integer from %1 to %2 for %3").arg(known->min).arg(known->max).arg(key));
    const bool versionGiven = body.contains(QStringLiteral("version"));
    const qint64 expected =
        versionGiven ? integerField(body, QStringLiteral("version"), 0, (qint64(1) << 53) - 1,
                                    QStringLiteral("the integer version that was read (or left out)"))
                     : 0;

    pqxx::work tx(m_conn);
    enterShop(tx, shopId);
    // Two back-office writers of one setting: the second waits and then sees the first's version.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", s(shopId) + ":settings:" + s(key));
    const auto before = tx.exec_params(kSelect, s(key));
    const qint64 stored = before.empty() ? 0 : before[0][1].as<qint64>();
    if (versionGiven && expected != stored)
        throw ApiError(409, QStringLiteral("version_conflict"),
                       QStringLiteral("version: %1 is at version %2 (changed meanwhile); reload it")
                           .arg(key)
                           .arg(stored),
                       {{QStringLiteral("version"), stored}});
    // The document a counter's SettingsService pushes, so counters apply it the same way.
    const QJsonObject doc{{QStringLiteral("key"), key},
                          {QStringLiteral("value"), QString::number(value)},
                          {QStringLiteral("shopId"), shopId},
                          {QStringLiteral("version"), stored + 1}};
    const QString id = settingId(shopId, key);
    const auto r =
        tx.exec_params(settingUpsertSql(), s(shopId), s(key), s(id), s(QString::number(value)), stored + 1,
                       QJsonDocument(doc).toJson(QJsonDocument::Compact).toStdString());
    QJsonObject fed = doc;
    fed.insert(QStringLiteral("serverVersion"), r[0][0].as<qint64>());
    recordApiAudit(
        tx, shopId, m_who,
        {QStringLiteral("setting.update"),
         QStringLiteral("setting"),
         key,
         before.empty()
             ? QJsonValue(QJsonObject{{QStringLiteral("value"), QString::number(known->defaultValue)},
                                      {QStringLiteral("isDefault"), true}})
             : QJsonValue(QJsonDocument::fromJson(QByteArray::fromStdString(before[0][4].as<std::string>()))
                              .object()),
         doc,
         {}});
    const auto after = tx.exec_params(kSelect, s(key));
    const QJsonObject out = entry(*known, after);
    appendFeedRows(tx, shopId, {FeedRow{kSettingUpsert, id, fed, {}}});
    tx.commit();
    return out;
}

} // namespace market::server
