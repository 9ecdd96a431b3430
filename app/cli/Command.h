#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>
#include <vector>

namespace market::cli {

class Context;

/// User-visible text of the command line (one translation context).
inline QString tr(const char* text) {
    return QCoreApplication::translate("marketctl", text);
}

/// An option with a translated description; with a value name it takes a value.
inline QCommandLineOption makeOption(const char* name, const char* description,
                                     const char* valueName = nullptr) {
    return valueName ? QCommandLineOption(QString::fromLatin1(name), tr(description),
                                          QString::fromLatin1(valueName))
                     : QCommandLineOption(QString::fromLatin1(name), tr(description));
}

/// Exit codes: 0 done, 1 the core refused (not found, forbidden, over limit...), 2 bad usage or
/// malformed input (unknown option, three decimals of money, malformed code...).
constexpr int kExitOk = 0;
constexpr int kExitRefused = 1;
constexpr int kExitUsage = 2;

/// One sub-command: "init", "party add", "report day"...
struct Command {
    QString name;
    QString summary;
    QList<QCommandLineOption> options;
    std::function<int(Context&)> run;
    QString notes; ///< extra lines for --help (where secrets come from, output format)
};

std::vector<Command> setupCommands();
std::vector<Command> partyCommands();
std::vector<Command> catalogCommands();
std::vector<Command> chargeCommands();
std::vector<Command> priceCommands();
std::vector<Command> lotCommands();
std::vector<Command> saleCommands();
std::vector<Command> collectionCommands();
std::vector<Command> cashCommands();
std::vector<Command> farmerCommands();
std::vector<Command> expenseCommands();
std::vector<Command> settingCommands();
std::vector<Command> auditCommands();
std::vector<Command> reportCommands();
std::vector<Command> demoCommands();
#ifdef MARKET_HAVE_SYNC
std::vector<Command> syncCommands(); ///< SyncCommands.cpp, only when market_sync is built
#endif

} // namespace market::cli

#define MARKETCTL_CONCAT_(a, b) a##b
#define MARKETCTL_CONCAT(a, b) MARKETCTL_CONCAT_(a, b)
#define MARKETCTL_ASSIGN_IMPL_(tmp, lhs, expr)                                                               \
    auto tmp = (expr);                                                                                       \
    if (!tmp.ok())                                                                                           \
        return ctx.fail(tmp.error());                                                                        \
    lhs = std::move(tmp).value()

/// `MARKETCTL_ASSIGN(const Session actor, ctx.login());` — unwraps a Result or prints its error
/// and returns the exit code from the enclosing command (needs a `Context& ctx` in scope).
#define MARKETCTL_ASSIGN(lhs, expr)                                                                          \
    MARKETCTL_ASSIGN_IMPL_(MARKETCTL_CONCAT(marketctlResult_, __LINE__), lhs, expr)

/// Runs a Status expression; on error prints it and returns the exit code.
#define MARKETCTL_CHECK(expr)                                                                                \
    do {                                                                                                     \
        if (auto marketctl_status_ = (expr); !marketctl_status_.ok())                                        \
            return ctx.fail(marketctl_status_.error());                                                      \
    } while (false)
