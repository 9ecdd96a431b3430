#pragma once

#include "services/Session.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QTimeZone>
#include <memory>

namespace market::cli {

using core::Error;
using core::ErrorCode;
using core::Result;
using core::Status;

/// Names of the options every command accepts.
namespace opt {
inline const QString kDb = QStringLiteral("db");
inline const QString kUser = QStringLiteral("user");
inline const QString kPasswordStdin = QStringLiteral("password-stdin");
inline const QString kJson = QStringLiteral("json");
inline const QString kHelp = QStringLiteral("help");
} // namespace opt

QList<QCommandLineOption> globalOptions();
/// --db, else $MARKET_DB, else <AppDataLocation>/market.db.
QString defaultStorePath();

/// What one run of a command works with: its parsed options, the store, the acting user and
/// the secrets read from the environment or stdin (never from argv).
class Context {
public:
    enum class StoreUse {
        ExistingShop, ///< the file must exist and hold a shop
        NewShop,      ///< the file may be new; it must not hold a shop yet
    };

    Context(const QCommandLineParser& parser, const QCommandLineParser& global);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    bool isSet(const QString& name) const;
    QString value(const QString& name) const;
    QStringList values(const QString& name) const;
    bool json() const { return isSet(opt::kJson); }
    /// The option's value, or an InvalidInput error naming the missing option.
    Result<QString> required(const QString& name) const;
    /// A usage error ("--flat and --slabs cannot be used together").
    static Error usage(const QString& message) { return Error{ErrorCode::InvalidInput, message}; }

    /// Replaces the system clock (the demo writes history); call before openStore.
    void setClock(std::unique_ptr<core::Clock> clock);
    Status openStore(StoreUse use);
    core::Store& store() { return *m_store; }
    QString storePath() const { return m_path; }
    const core::TerminalIdentity& shop() const { return *m_store->identity(); }
    core::Currency currency() const;
    QString money(core::Money amount) const;
    QTimeZone timeZone() const;
    /// Start and end (exclusive) of a local day in the shop's time zone, in epoch ms.
    std::pair<qint64, qint64> dayBounds(QDate day) const;
    QDate today() const;
    /// "2026-11-25 06:05" in the shop's time zone.
    QString dateTime(qint64 ms) const;
    /// The --from and --to days (YYYY-MM-DD, both included); an unset one is an invalid QDate.
    /// Parse before openStore; turn into times with dayBounds() after (the shop's time zone).
    Result<std::pair<QDate, QDate>> dates(bool fromRequired) const;

    /// Logs in the acting user (--user or $MARKET_USER; password from --password-stdin or
    /// $MARKET_PASSWORD). One slow hash check.
    Result<core::Session> login();
    /// A secret from an environment variable, else the next line of stdin. Read in the order the
    /// command's help lists them.
    Result<QString> secret(const QString& envName, const QString& what);
    /// The password from --password-stdin or $MARKET_PASSWORD (init, login).
    Result<QString> password(const QString& whose);

    /// Prints "marketctl: message" on stderr and returns the exit code for this error
    /// (2 for malformed input, 1 for anything the core refused). If this run created the store
    /// file, it is removed, so a failed init or demo leaves nothing behind.
    int fail(const Error& error);

private:
    Result<QString> readStdinLine(const QString& what);
    void discardCreatedStore();

    const QCommandLineParser& m_parser;
    const QCommandLineParser& m_global;
    QString m_path;
    bool m_createdFile = false;
    std::unique_ptr<core::Clock> m_clock;
    std::unique_ptr<core::Store> m_store;
};

} // namespace market::cli
