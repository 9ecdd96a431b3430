#include "Store.h"

#include "Schema.h"

namespace market::core {

Result<std::unique_ptr<Store>> Store::open(const QString& path, const Clock& clock, Options options) {
    auto db = Database::open(path, options.database);
    if (!db.ok())
        return db.error();
    MARKET_TRY(migrate(**db));
    std::unique_ptr<Store> store(new Store(std::move(db).value(), clock));
    MARKET_TRY(store->loadIdentity());
    return store;
}

Result<QString> Store::meta(const QString& key) {
    Statement& s = m_db->prepare("SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    if (s.next()) {
        QString v = s.text(0);
        s.reset();
        return v;
    }
    MARKET_TRY(s.status("reading settings"));
    return QString();
}

Status Store::setMeta(const QString& key, const QString& value) {
    return m_db
        ->prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .exec("writing settings");
}

Status Store::loadIdentity() {
    Statement& s =
        m_db->prepare("SELECT s.id, s.code, s.name, s.currency, s.time_zone, t.id, t.number "
                      "FROM meta m JOIN terminal t ON t.id = m.value JOIN shop s ON s.id = t.shop_id "
                      "WHERE m.key = 'terminal_id'");
    if (s.next()) {
        TerminalIdentity id;
        id.shopId = s.uuid(0);
        id.shopCode = s.text(1);
        id.shopName = s.text(2);
        id.currency = currencyFromCode(s.text(3)).value_or(Currency::INR);
        id.timeZone = s.text(4);
        id.terminalId = s.uuid(5);
        id.terminalNumber = s.int64(6);
        m_identity = id;
    }
    Status st = s.status("reading this terminal's identity");
    s.reset();
    return st;
}

Status Store::setIdentity(const TerminalIdentity& identity) {
    if (m_identity)
        return Error{ErrorCode::InvalidState, QStringLiteral("this store already belongs to a terminal")};
    MARKET_TRY(setMeta(QStringLiteral("terminal_id"), identity.terminalId.toString()));
    m_identity = identity;
    return okStatus();
}

Result<qint64> Store::nextCounter(const QString& name) {
    Statement& s = m_db->prepare("INSERT INTO counter (name, value) VALUES (?1, 1) "
                                 "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
    s.bind(1, name);
    if (!s.next()) {
        Status st = s.status("advancing a counter");
        s.reset();
        return st.ok() ? Error{ErrorCode::Internal, QStringLiteral("counter returned no row")} : st.error();
    }
    const qint64 v = s.int64(0);
    s.reset();
    return v;
}

} // namespace market::core
