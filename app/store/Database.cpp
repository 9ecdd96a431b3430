#include "Database.h"

#include <chrono>
#include <cstring>
#include <sqlite3.h>

namespace market::core {

namespace {
Error storageError(const char* what, sqlite3* db) {
    return Error{ErrorCode::Storage, QStringLiteral("%1: %2").arg(QString::fromUtf8(what),
                                                                  QString::fromUtf8(sqlite3_errmsg(db)))};
}
} // namespace

// ---- Statement --------------------------------------------------------------------------------

Statement& Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    // Short ASCII text (codes, names, methods: most of what is bound) goes through a buffer on
    // the stack; SQLite copies it either way (SQLITE_TRANSIENT), so a QByteArray was one more
    // allocation per value.
    constexpr qsizetype kShort = 128;
    if (value.size() <= kShort) {
        char ascii[kShort];
        const QChar* utf16 = value.constData();
        qsizetype i = 0;
        for (; i < value.size() && utf16[i].unicode() < 0x80; ++i)
            ascii[i] = char(utf16[i].unicode());
        if (i == value.size()) {
            sqlite3_bind_text(m_stmt, index, ascii, static_cast<int>(i), SQLITE_TRANSIENT);
            return *this;
        }
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const Uuid& value) {
    char ascii[36]; // the text form, without a QString and its UTF-8 copy
    value.writeAscii(ascii);
    sqlite3_bind_text(m_stmt, index, ascii, 36, SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<Uuid>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next() {
    m_lastRc = sqlite3_step(m_stmt);
    return m_lastRc == SQLITE_ROW;
}

Status Statement::exec(const char* what) {
    while (next()) {
    }
    Status s = status(what);
    reset();
    return s;
}

Status Statement::status(const char* what) const {
    if (m_lastRc == SQLITE_DONE || m_lastRc == SQLITE_ROW || m_lastRc == SQLITE_OK)
        return okStatus();
    if ((m_lastRc & 0xFF) == SQLITE_CONSTRAINT)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("%1: %2").arg(QString::fromUtf8(what), m_db->lastErrorMessage())};
    return storageError(what, m_db->handle());
}

qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? QString::fromUtf8(p, n) : QString();
}

Uuid Statement::uuid(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return Uuid::parseAscii(p, sqlite3_column_bytes(m_stmt, column)).value_or(Uuid{});
}

std::optional<Uuid> Statement::optionalUuid(int column) const {
    if (isNull(column))
        return std::nullopt;
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return Uuid::parseAscii(p, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_lastRc = 0;
}

// ---- Database ---------------------------------------------------------------------------------

Database::~Database() {
    stopCheckpointer();
    m_byAddress.clear();
    m_cache.clear();
    if (m_db) {
        sqlite3_stmt* s = nullptr;
        while ((s = sqlite3_next_stmt(m_db, nullptr)) != nullptr)
            sqlite3_finalize(s);
        sqlite3_close(m_db);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Options options) {
    // Before SQLite's first use in this process: no global memory statistics (nothing here reads
    // them), so an allocation does not take a process-wide mutex. Too late (SQLite already in
    // use) is harmless: the setting is refused and the statistics stay on.
    static const int memoryStatisticsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memoryStatisticsOff;
    auto db = std::make_unique<Database>();
    db->m_path = path;
    const QByteArray p = path.toUtf8();
    const int rc = sqlite3_open_v2(p.constData(), &db->m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        QString msg =
            db->m_db ? QString::fromUtf8(sqlite3_errmsg(db->m_db)) : QStringLiteral("out of memory");
        return Error{ErrorCode::Storage, QStringLiteral("opening %1: %2").arg(path, msg)};
    }
    sqlite3_busy_timeout(db->m_db, options.busyTimeoutMs);
    sqlite3_extended_result_codes(db->m_db, 1);
    // synchronous=FULL: a commit the cashier saw survives a power cut.
    const char* pragmas = "PRAGMA journal_mode=WAL;"
                          "PRAGMA synchronous=FULL;"
                          "PRAGMA foreign_keys=ON;"
                          "PRAGMA temp_store=MEMORY;"
                          "PRAGMA cache_size=-20000;"
                          "PRAGMA case_sensitive_like=ON;";
    MARKET_TRY(db->execScript(pragmas, "setting up the database connection"));
    if (options.backgroundCheckpoints) {
        MARKET_TRY(db->execScript("PRAGMA wal_autocheckpoint=0;", "turning off inline checkpoints"));
        db->startCheckpointer(options.walRewindBytes);
    }
    return db;
}

Statement& Database::prepare(const char* sql) {
    // Most SQL is a literal, asked for again at the same address: found by the address and
    // confirmed by the text, without copying and hashing the text (a few hundred bytes) each time.
    if (auto at = m_byAddress.find(sql); at != m_byAddress.end() && std::strcmp(at->second.sql, sql) == 0) {
        at->second.statement->reset();
        return *at->second.statement;
    }
    Statement& s = prepareByText(sql);
    if (m_byAddress.size() > 4 * m_cache.size() + 64) // texts built at ever new addresses: start over
        m_byAddress.clear();
    m_byAddress[sql] = Known{sqlite3_sql(s.handle()), &s};
    return s;
}

Statement& Database::prepareByText(const char* sql) {
    std::string key(sql);
    auto it = m_cache.find(key);
    if (it != m_cache.end()) {
        it->second->reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        qFatal("SQL does not prepare (a programming error): %s\n%s", sqlite3_errmsg(m_db), sql);
    auto [pos, inserted] = m_cache.emplace(std::move(key), std::make_unique<Statement>(stmt, this));
    return *pos->second;
}

Status Database::execScript(const char* sql, const char* what) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        Error e{ErrorCode::Storage,
                QStringLiteral("%1: %2").arg(QString::fromUtf8(what), QString::fromUtf8(err))};
        sqlite3_free(err);
        return e;
    }
    return okStatus();
}

QString Database::lastErrorMessage() const {
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

qint64 Database::changes() const {
    return sqlite3_changes64(m_db);
}

Status Database::checkpoint() {
    std::lock_guard background(m_checkpointing); // wait for the checkpointer's pass to end
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) != SQLITE_OK)
        return storageError("checkpointing the write-ahead log", m_db);
    return okStatus();
}

void Database::startCheckpointer(qint64 walRewindBytes) {
    const QByteArray path = m_path.toUtf8();
    m_checkpointer = std::thread([this, path, walRewindBytes] {
        sqlite3* conn = nullptr;
        if (sqlite3_open_v2(path.constData(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(conn);
            return;
        }
        sqlite3_busy_timeout(conn, 50);
        // One read first: a connection that never read the file does not know it is in WAL mode,
        // and sqlite3_wal_checkpoint_v2 on it is a silent no-op (log = -1) — the WAL then grew
        // without bound while the store was open (2.6 GB during a new counter's first pull).
        sqlite3_exec(conn, "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
        qint64 pageSize = 4096;
        sqlite3_stmt* pragma = nullptr;
        if (sqlite3_prepare_v2(conn, "PRAGMA page_size", -1, &pragma, nullptr) == SQLITE_OK &&
            sqlite3_step(pragma) == SQLITE_ROW)
            pageSize = sqlite3_column_int64(pragma, 0);
        sqlite3_finalize(pragma);
        std::unique_lock lock(m_mutex);
        // Every 0.5 s; every 0.1 s while bulk writing fills the WAL, so it is copied in small steps.
        std::chrono::milliseconds interval{500};
        while (!m_stop) {
            m_wake.wait_for(lock, interval);
            if (m_stop)
                break;
            lock.unlock();
            // PASSIVE never waits for writers or readers: it copies what it can and leaves.
            int logFrames = 0;
            int copied = 0;
            std::unique_lock pass(m_checkpointing);
            sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
            // Copying never shrinks the WAL: only a writer that finds every frame copied and no
            // reader in it starts it over, and a writer that commits page after page (a new
            // counter's first pull) never does — the WAL grew to 2.6 GB. Past the limit, rewind
            // and truncate it: that holds the write lock for what the passive pass left (a few ms)
            // and waits at most 200 ms for readers, else it is tried again next time.
            if (qint64(logFrames) * pageSize > walRewindBytes) {
                sqlite3_busy_timeout(conn, 200);
                sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
                sqlite3_busy_timeout(conn, 50);
            }
            pass.unlock();
            interval =
                std::chrono::milliseconds(qint64(logFrames) * pageSize > walRewindBytes / 4 ? 100 : 500);
            lock.lock();
        }
        sqlite3_close(conn);
    });
}

void Database::stopCheckpointer() {
    if (!m_checkpointer.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_checkpointer.join();
}

// ---- StoreTransaction -------------------------------------------------------------------------

namespace {
Status beginWith(Database& db, Durability durability) {
    if (durability == Durability::Refetchable)
        MARKET_TRY(db.execScript("PRAGMA synchronous=NORMAL", "relaxing a transaction's durability"));
    return db.execScript("BEGIN IMMEDIATE", "starting a transaction");
}
} // namespace

StoreTransaction::StoreTransaction(Database& db, Durability durability)
    : m_db(db)
    , m_durability(durability)
    , m_begin(beginWith(db, durability)) {
    m_open = m_begin.ok();
    if (!m_open)
        restoreDurability();
}

StoreTransaction::~StoreTransaction() {
    if (m_open)
        (void)m_db.execScript("ROLLBACK", "rolling back");
    restoreDurability();
}

void StoreTransaction::restoreDurability() {
    // Back to the connection's default for whatever commits next (a sale at the counter).
    if (m_durability == Durability::Refetchable) {
        (void)m_db.execScript("PRAGMA synchronous=FULL", "restoring the connection's durability");
        m_durability = Durability::Full;
    }
}

Status StoreTransaction::commit() {
    if (!m_open)
        return Error{ErrorCode::Internal, QStringLiteral("commit without an open transaction")};
    m_open = false;
    if (auto s = m_db.execScript("COMMIT", "committing"); !s.ok()) {
        (void)m_db.execScript("ROLLBACK", "rolling back after a failed commit");
        restoreDurability();
        return s;
    }
    restoreDurability();
    return okStatus();
}

} // namespace market::core
