#include "SettingsService.h"

#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
struct Known {
    const char* key;
    qint64 defaultValue;
    qint64 min;
    qint64 max;
};
constexpr Known kKnown[] = {
    {"adjustment_approval_qty", 50'000, 0, Quantity::kMaxInput},
    {"adjustment_approval_value", 500'000, 0, Money::kMaxInput},
    {"cash_session_required", 1, 0, 1},
    {"commission_paid_by_buyer", 0, 0, 1},
};

const Known* find(const QString& key) {
    for (const auto& k : kKnown)
        if (key == QLatin1String(k.key))
            return &k;
    return nullptr;
}
} // namespace

bool SettingsService::isKnown(const QString& key) {
    return find(key) != nullptr;
}

qint64 SettingsService::defaultValue(const QString& key) {
    const Known* k = find(key);
    return k ? k->defaultValue : 0;
}

Result<qint64> SettingsService::integer(const QString& key) {
    const Known* k = find(key);
    if (!k)
        return Error{ErrorCode::InvalidInput, tr("Unknown setting %1.").arg(key)};
    Statement& s = m_store.db().prepare("SELECT value FROM setting WHERE key = ?1");
    s.bind(1, key);
    qint64 v = k->defaultValue;
    if (s.next())
        v = s.text(0).toLongLong();
    Status st = s.status("reading a setting");
    s.reset();
    if (!st.ok())
        return st.error();
    return v;
}

Status SettingsService::setInteger(const Session& actor, const QString& key, qint64 value) {
    MARKET_TRY(require(actor, Permission::ManageCatalog));
    const Known* k = find(key);
    if (!k)
        return Error{ErrorCode::InvalidInput, tr("Unknown setting %1.").arg(key)};
    if (value < k->min || value > k->max)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 must be between %2 and %3.").arg(key).arg(k->min).arg(k->max)};
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto before = integer(key);
    if (!before.ok())
        return before.error();
    Statement& s = m_store.db().prepare("INSERT INTO setting (key, value, version) VALUES (?1, ?2, 1) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                        "version = setting.version + 1 RETURNING version");
    s.bind(1, key).bind(2, QString::number(value));
    qint64 version = 1;
    if (s.next())
        version = s.int64(0);
    Status st = s.status("writing a setting");
    s.reset();
    MARKET_TRY(st);
    const QJsonObject doc{{QStringLiteral("key"), key},
                          {QStringLiteral("value"), QString::number(value)},
                          {QStringLiteral("shopId"), actor.shopId.toString()},
                          {QStringLiteral("version"), version}};
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId, QStringLiteral("setting.update"),
                                                     QStringLiteral("setting"), actor.shopId,
                                                     QJsonObject{{key, *before}}, QJsonObject{{key, value}},
                                                     QStringLiteral("setting.upsert"), doc}));
    return tx.commit();
}

} // namespace market::core
