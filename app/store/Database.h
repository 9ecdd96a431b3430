#pragma once

#include "domain/Money.h"
#include "domain/Quantity.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace market::core {

class Database;

/// A prepared statement from the connection's cache. Bind with 1-based indexes; step();
/// read columns with 0-based indexes. Reset automatically when fetched again from the cache.
class Statement {
public:
    Statement(sqlite3_stmt* stmt, Database* db)
        : m_stmt(stmt)
        , m_db(db) {}

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<qint64>(value ? 1 : 0)); }
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const Uuid& value);
    Statement& bind(int index, const std::optional<Uuid>& value);
    Statement& bind(int index, Money value) { return bind(index, value.minor()); }
    Statement& bind(int index, Quantity value) { return bind(index, value.thousandths()); }
    Statement& bindNull(int index);

    /// true: a row is ready; false: done. Errors are kept and returned by status().
    bool next();
    /// Runs to completion (for INSERT/UPDATE); returns the error, if any, with `what`.
    Status exec(const char* what);
    /// The error of the last step, labelled with `what`.
    Status status(const char* what) const;

    qint64 int64(int column) const;
    QString text(int column) const;
    Uuid uuid(int column) const;
    std::optional<Uuid> optionalUuid(int column) const;
    Money money(int column) const { return Money::fromMinor(int64(column)); }
    Quantity quantity(int column) const { return Quantity::fromThousandths(int64(column)); }
    bool isNull(int column) const;

    void reset();
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt;
    Database* m_db;
    int m_lastRc = 0;
};

/// One SQLite connection of the counter's store: WAL, synchronous=FULL, foreign keys, busy
/// timeout. Automatic checkpoints are off on this connection; a background thread with its own
/// connection checkpoints, so a commit never pays for a checkpoint.
class Database {
public:
    struct Options {
        bool backgroundCheckpoints = true;
        int busyTimeoutMs = 5000;
        /// Past this size the background checkpointer also rewinds the WAL and truncates it (see
        /// startCheckpointer). Copying alone never shrinks it while a writer keeps writing.
        qint64 walRewindBytes = 64 * 1024 * 1024;
    };

    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<std::unique_ptr<Database>> open(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, Options{}); }

    /// A cached prepared statement for this SQL text (prepared once per connection).
    Statement& prepare(const char* sql);
    /// Runs one or more statements without results (schema, pragmas).
    Status execScript(const char* sql, const char* what);
    Status execScript(const QByteArray& sql, const char* what) { return execScript(sql.constData(), what); }

    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    QString lastErrorMessage() const;
    qint64 changes() const;

    /// Forces a checkpoint now (TRUNCATE: folds the WAL back into the file).
    Status checkpoint();

private:
    void startCheckpointer(qint64 walRewindBytes);
    void stopCheckpointer();

    sqlite3* m_db = nullptr;
    QString m_path;
    Statement& prepareByText(const char* sql);

    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache; ///< keyed by SQL text
    struct Known {
        const char* sql; ///< the statement's own copy of its text (sqlite3_sql)
        Statement* statement;
    };
    std::unordered_map<const char*, Known> m_byAddress; ///< the texts asked for, by their address
    std::thread m_checkpointer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    /// Held while either connection checkpoints: SQLite refuses a second checkpoint at once
    /// ("database is locked") without waiting for the first.
    std::mutex m_checkpointing;
    bool m_stop = false;
};

/// How hard a commit waits for the disk.
enum class Durability {
    /// synchronous=FULL: the WAL is on the disk before COMMIT returns. Everything a user did.
    Full,
    /// synchronous=NORMAL for this transaction only: still atomic and never corrupt, but a power
    /// cut may undo it. Only for work that is done again by itself when it is missing: a page of
    /// the shop's feed (its cursor is in the same transaction, so the page is simply pulled
    /// again) or a report index built from rows already there. The next Full commit puts it on
    /// the disk with its own, and recovery keeps a prefix of the commits, so nothing a user did
    /// can survive while something before it is lost.
    Refetchable,
};

/// Unit of work: BEGIN IMMEDIATE on construction (takes the write lock up front, so a use case
/// never fails half-way on a lock upgrade); rolls back in the destructor unless committed.
class StoreTransaction {
public:
    explicit StoreTransaction(Database& db, Durability durability = Durability::Full);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction&) = delete;
    StoreTransaction& operator=(const StoreTransaction&) = delete;

    /// The result of BEGIN; check before doing any work.
    const Status& begun() const { return m_begin; }
    Status commit();

private:
    void restoreDurability();

    Database& m_db;
    Durability m_durability;
    Status m_begin;
    bool m_open = false;
};

} // namespace market::core
