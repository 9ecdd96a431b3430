#pragma once

#include "Database.h"
#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QJsonObject>
#include <memory>
#include <optional>

namespace market::core {

/// Who this store belongs to: set once when the shop is created here or the terminal enrolled.
struct TerminalIdentity {
    Uuid shopId;
    QString shopCode;
    QString shopName;
    Currency currency = Currency::INR;
    QString timeZone;
    Uuid terminalId;
    qint64 terminalNumber = 0;
};

/// The counter's store: one SQLite file, its schema, this terminal's identity and the clock.
/// Services share one Store; it is not thread-safe (one thread owns it, like the GUI thread).
class Store {
public:
    struct Options {
        Database::Options database;
    };

    /// Opens (creating if needed) and migrates. Fails cleanly on a file from a newer program.
    static Result<std::unique_ptr<Store>> open(const QString& path, const Clock& clock, Options options);
    static Result<std::unique_ptr<Store>> open(const QString& path, const Clock& clock) {
        return open(path, clock, Options{});
    }

    Database& db() { return *m_db; }
    const Clock& clock() const { return m_clock; }
    qint64 nowMs() const { return m_clock.nowMs(); }
    Uuid newId() const { return Uuid::createV7(m_clock.nowMs()); }

    const std::optional<TerminalIdentity>& identity() const { return m_identity; }
    /// Within a transaction: records the identity (only once).
    Status setIdentity(const TerminalIdentity& identity);
    /// Re-reads the identity from the file (after a rolled-back setup).
    Status reloadIdentity() {
        m_identity.reset();
        return loadIdentity();
    }

    /// Within a transaction: the next value of a gapless counter ("outbox", "audit", "receipt",
    /// "lot", "party.farmer", ...). Rolled back with the transaction, so no gaps ever appear.
    Result<qint64> nextCounter(const QString& name);

    Result<QString> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

private:
    Store(std::unique_ptr<Database> db, const Clock& clock)
        : m_db(std::move(db))
        , m_clock(clock) {}
    Status loadIdentity();

    std::unique_ptr<Database> m_db;
    const Clock& m_clock;
    std::optional<TerminalIdentity> m_identity;
};

} // namespace market::core
