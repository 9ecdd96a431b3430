#include "Context.h"

#include "Args.h"
#include "Command.h"
#include "Output.h"
#include "services/AuthService.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <iostream>
#include <string>

namespace market::cli {

using namespace market::core;

QList<QCommandLineOption> globalOptions() {
    return {
        QCommandLineOption(opt::kDb,
                           QCoreApplication::translate("marketctl",
                                                       "The shop's store file (default: $MARKET_DB, "
                                                       "else %1).")
                               .arg(QDir::toNativeSeparators(
                                   QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                   QStringLiteral("/market.db"))),
                           QStringLiteral("file")),
        QCommandLineOption(
            opt::kUser, QCoreApplication::translate("marketctl", "The acting user (default: $MARKET_USER)."),
            QStringLiteral("name")),
        QCommandLineOption(opt::kPasswordStdin,
                           QCoreApplication::translate("marketctl",
                                                       "Read the acting user's password from the "
                                                       "first line of stdin (else $MARKET_PASSWORD).")),
        QCommandLineOption(opt::kJson,
                           QCoreApplication::translate("marketctl", "Print JSON instead of text.")),
        QCommandLineOption(QStringList{QStringLiteral("h"), opt::kHelp},
                           QCoreApplication::translate("marketctl", "Show help for this command.")),
    };
}

QString defaultStorePath() {
    const QString env = qEnvironmentVariable("MARKET_DB");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/market.db");
}

Context::Context(const QCommandLineParser& parser, const QCommandLineParser& global)
    : m_parser(parser)
    , m_global(global)
    , m_clock(std::make_unique<SystemClock>()) {
    m_path = isSet(opt::kDb) ? value(opt::kDb) : defaultStorePath();
}

Context::~Context() = default;

// Global options may come before the command (`marketctl --db x party list`) or after it.
bool Context::isSet(const QString& name) const {
    return m_parser.isSet(name) || (m_global.optionNames().contains(name) && m_global.isSet(name));
}

QString Context::value(const QString& name) const {
    if (m_parser.isSet(name))
        return m_parser.value(name);
    return m_global.optionNames().contains(name) ? m_global.value(name) : QString();
}

QStringList Context::values(const QString& name) const {
    return m_parser.values(name);
}

Result<QString> Context::required(const QString& name) const {
    if (!isSet(name))
        return usage(QCoreApplication::translate("marketctl", "missing --%1 (see --help)").arg(name));
    return value(name);
}

void Context::setClock(std::unique_ptr<Clock> clock) {
    m_clock = std::move(clock);
}

Status Context::openStore(StoreUse use) {
    if (m_path.isEmpty())
        return usage(QCoreApplication::translate("marketctl", "--db needs a file name"));
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile())
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate("marketctl", "%1 is not a file").arg(m_path)};
    if (!info.exists()) {
        if (use == StoreUse::ExistingShop)
            return Error{ErrorCode::NotFound,
                         QCoreApplication::translate("marketctl", "no store at %1: run "
                                                                  "\"marketctl init\" or "
                                                                  "\"marketctl demo\" first")
                             .arg(m_path)};
        if (!QDir().mkpath(info.absolutePath()))
            return Error{ErrorCode::Storage,
                         QCoreApplication::translate("marketctl", "cannot create the folder %1")
                             .arg(info.absolutePath())};
        m_createdFile = true;
    }
    auto opened = Store::open(m_path, *m_clock);
    if (!opened.ok())
        return opened.error();
    m_store = std::move(opened).value();
    const bool hasShop = m_store->identity().has_value();
    if (use == StoreUse::ExistingShop && !hasShop)
        return Error{ErrorCode::InvalidState,
                     QCoreApplication::translate("marketctl", "the store %1 has no shop yet: run \"marketctl "
                                                              "init\" first")
                         .arg(m_path)};
    if (use == StoreUse::NewShop && hasShop)
        return Error{ErrorCode::Conflict, QCoreApplication::translate(
                                              "marketctl", "the store %1 already holds shop %2; use another "
                                                           "--db file")
                                              .arg(m_path, m_store->identity()->shopCode)};
    return okStatus();
}

Currency Context::currency() const {
    return m_store && m_store->identity() ? m_store->identity()->currency : Currency::INR;
}

QString Context::money(Money amount) const {
    return formatMoney(amount, currency());
}

QTimeZone Context::timeZone() const {
    if (m_store && m_store->identity()) {
        const QTimeZone zone(m_store->identity()->timeZone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone(QByteArrayLiteral("Asia/Kolkata"));
}

std::pair<qint64, qint64> Context::dayBounds(QDate day) const {
    const QTimeZone zone = timeZone();
    return {QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch(),
            QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch()};
}

QDate Context::today() const {
    return QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toTimeZone(timeZone()).date();
}

QString Context::dateTime(qint64 ms) const {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toTimeZone(timeZone())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

Result<std::pair<QDate, QDate>> Context::dates(bool fromRequired) const {
    QDate from;
    QDate to;
    if (isSet(QStringLiteral("from"))) {
        auto d = args::date(QStringLiteral("from"), value(QStringLiteral("from")));
        if (!d.ok())
            return d.error();
        from = d.value();
    } else if (fromRequired) {
        return usage(QCoreApplication::translate("marketctl", "missing --from (see --help)"));
    }
    if (isSet(QStringLiteral("to"))) {
        auto d = args::date(QStringLiteral("to"), value(QStringLiteral("to")));
        if (!d.ok())
            return d.error();
        to = d.value();
    }
    if (from.isValid() && to.isValid() && to < from)
        return usage(QCoreApplication::translate("marketctl", "--to %1 is before --from %2")
                         .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    return std::pair{from, to};
}

Result<QString> Context::readStdinLine(const QString& what) {
    std::string line;
    if (!std::getline(std::cin, line))
        return usage(QCoreApplication::translate("marketctl", "expected %1 as a line on stdin").arg(what));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

Result<QString> Context::password(const QString& whose) {
    if (isSet(opt::kPasswordStdin))
        return readStdinLine(QCoreApplication::translate("marketctl", "the password of %1").arg(whose));
    const QString env = qEnvironmentVariable("MARKET_PASSWORD");
    if (env.isEmpty())
        return usage(QCoreApplication::translate("marketctl",
                                                 "no password for %1: set MARKET_PASSWORD or use "
                                                 "--password-stdin")
                         .arg(whose));
    return env;
}

Result<QString> Context::secret(const QString& envName, const QString& what) {
    const QString env = qEnvironmentVariable(envName.toUtf8().constData());
    if (!env.isEmpty())
        return env;
    return readStdinLine(QCoreApplication::translate("marketctl", "%1 (or set %2)").arg(what, envName));
}

Result<Session> Context::login() {
    QString user = value(opt::kUser);
    if (user.isEmpty())
        user = qEnvironmentVariable("MARKET_USER");
    if (user.isEmpty())
        return usage(QCoreApplication::translate("marketctl",
                                                 "this command needs the acting user: --user NAME "
                                                 "(password from MARKET_PASSWORD or "
                                                 "--password-stdin)"));
    auto secretText = password(user);
    if (!secretText.ok())
        return secretText.error();
    return AuthService(*m_store).login(user, secretText.value());
}

void Context::discardCreatedStore() {
    if (!m_createdFile)
        return;
    m_store.reset();
    for (const auto& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(m_path + suffix);
    m_createdFile = false;
}

int Context::fail(const Error& error) {
    printError(error.message);
    discardCreatedStore();
    return error.code == ErrorCode::InvalidInput ? kExitUsage : kExitRefused;
}

} // namespace market::cli
