#pragma once

#include "Tokens.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <pqxx/connection>
#include <pqxx/transaction>
#include <span>
#include <string>

namespace market::server {

/// A shop setting the counters know (app/services/SettingsService.cpp, not linked by the server):
/// a key added there must be added in ShopSettings.cpp too, or its pushes are quarantined and the
/// API refuses it.
struct KnownSetting {
    const char* key;
    qint64 defaultValue; ///< what a counter uses until the setting is written
    qint64 min;
    qint64 max;
};
std::span<const KnownSetting> knownSettings();
const KnownSetting* findSetting(const QString& key);

/// The setting's document id: a name-based UUID v5 of (shop id, key), so every server and counter
/// derives the same one.
QString settingId(const QString& shopId, const QString& key);

/// Upsert of a setting row, last write in server order wins: $1 shop_id, $2 key, $3 id, $4 value
/// (decimal text), $5 version, $6 doc. RETURNING server_version.
const std::string& settingUpsertSql();

/// Shop settings from the back office (commission_paid_by_buyer, the adjustment approval
/// thresholds, cash_session_required): read with their defaults, written versioned, audited and
/// fed to the counters as `setting.upsert` exactly as a counter's own edit is.
class ShopSettingsService {
public:
    ShopSettingsService(pqxx::connection& connection, TokenClaims who)
        : m_conn(connection)
        , m_who(std::move(who)) {}

    /// Every known setting: {key, value, isDefault, min, max, version, serverVersion, updatedAtMs}
    /// (version 0 and the rest null while the shop still runs on the default).
    QJsonArray list(const QString& shopId);
    /// {key, value, version?}: `value` an integer in the key's range; `version`, if given, must be
    /// the stored one (0 for a setting never written) or 409 version_conflict. Returns the entry.
    QJsonObject set(const QString& shopId, const QJsonObject& body);

private:
    pqxx::connection& m_conn;
    TokenClaims m_who;
};

} // namespace market::server
