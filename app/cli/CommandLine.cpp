#include "CommandLine.h"

#include "Command.h"
#include "Context.h"
#include "Output.h"

#include <QCoreApplication>

namespace market::cli {

namespace {
std::vector<Command> allCommands() {
    std::vector<Command> all;
    for (auto group : {&setupCommands, &partyCommands, &catalogCommands, &chargeCommands, &priceCommands,
                       &lotCommands, &saleCommands, &collectionCommands, &cashCommands, &farmerCommands,
                       &expenseCommands, &reportCommands, &settingCommands, &auditCommands, &demoCommands}) {
        auto commands = group();
        std::move(commands.begin(), commands.end(), std::back_inserter(all));
    }
#ifdef MARKET_HAVE_SYNC
    auto sync = syncCommands();
    std::move(sync.begin(), sync.end(), std::back_inserter(all));
#endif
    return all;
}

QString mainHelp(const std::vector<Command>& commands) {
    QString text = tr("Usage: marketctl [--db FILE] [--user NAME] <command> [options]\n\n"
                      "The command line of the market point-of-sale: a commission shop's day on one SQLite "
                      "file.\n\nCommands:\n");
    qsizetype width = 0;
    for (const auto& c : commands)
        width = std::max(width, c.name.size());
    for (const auto& c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(width), c.summary);
    text += tr("\nOptions every command takes:\n"
               "  --db FILE          the store (default: $MARKET_DB, else %1)\n"
               "  --user NAME        the acting user for changes (default: $MARKET_USER)\n"
               "  --password-stdin   read that user's password from stdin (else $MARKET_PASSWORD)\n"
               "  --json             print JSON (every read and most changes)\n"
               "  -h, --help         help; \"marketctl <command> --help\" for a command\n"
               "\nPasswords and PINs are never taken from the command line.\n"
               "Reads need no login; every change is made as --user and checked against its role.\n"
               "Exit codes: 0 done, 1 refused (not found, not allowed, over limit...), 2 bad usage or "
               "malformed input.\n")
                .arg(defaultStorePath());
    return text;
}

QString groupHelp(const QString& group, const std::vector<Command>& commands) {
    QString text = tr("Usage: marketctl %1 <sub-command> [options]\n\nSub-commands:\n").arg(group);
    for (const auto& c : commands)
        if (c.name.startsWith(group + QLatin1Char(' ')))
            text +=
                QStringLiteral("  %1  %2\n").arg(c.name.mid(group.size() + 1).leftJustified(12), c.summary);
    return text + tr("\nRun \"marketctl %1 <sub-command> --help\" for its options.\n").arg(group);
}

QString commandHelp(const Command& command, const QCommandLineParser& parser) {
    // helpText() starts with "Usage: <argv[0]> [options]"; name the command instead.
    QString text = parser.helpText();
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    text = tr("Usage: marketctl %1 [options]\n").arg(command.name) + text.mid(firstLineEnd);
    if (!command.notes.isEmpty())
        text += QLatin1Char('\n') + command.notes + QLatin1Char('\n');
    return text;
}

bool isGroup(const QString& word, const std::vector<Command>& commands) {
    return std::any_of(commands.begin(), commands.end(),
                       [&](const Command& c) { return c.name.startsWith(word + QLatin1Char(' ')); });
}

int usageError(const QString& message) {
    printError(message);
    return kExitUsage;
}
} // namespace

int runCommandLine(const QStringList& arguments) {
    const std::vector<Command> commands = allCommands();

    // First pass: global options, then the command words; everything after the first word is
    // left for the command's own parser.
    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    global.addOptions(globalOptions());
    const QCommandLineOption versionOption(QStringLiteral("version"), tr("Show the version."));
    global.addOption(versionOption);
    if (!global.parse(arguments))
        return usageError(global.errorText());
    const QStringList words = global.positionalArguments();
    if (words.isEmpty()) {
        if (global.isSet(opt::kHelp)) {
            printLine(mainHelp(commands).trimmed());
            return kExitOk;
        }
        if (global.isSet(versionOption)) {
            printLine(QStringLiteral("marketctl ") + QCoreApplication::applicationVersion());
            return kExitOk;
        }
        return usageError(tr("no command given; see \"marketctl --help\""));
    }

    const Command* command = nullptr;
    qsizetype used = 0;
    for (const auto& c : commands) {
        if (words.size() >= 2 && c.name == words[0] + QLatin1Char(' ') + words[1]) {
            command = &c;
            used = 2;
            break;
        }
        if (c.name == words[0]) {
            command = &c;
            used = 1;
        }
    }
    if (!command) {
        if (words[0] == QLatin1String("help")) {
            printLine(mainHelp(commands).trimmed());
            return kExitOk;
        }
        if (isGroup(words[0], commands)) {
            const QStringList rest = words.mid(1);
            if (global.isSet(opt::kHelp) || rest.contains(QStringLiteral("--help")) ||
                rest.contains(QStringLiteral("-h")) || rest.isEmpty()) {
                if (rest.isEmpty() && !global.isSet(opt::kHelp))
                    return usageError(
                        tr("\"%1\" needs a sub-command; see \"marketctl %1 --help\"").arg(words[0]));
                printLine(groupHelp(words[0], commands).trimmed());
                return kExitOk;
            }
            return usageError(
                tr("unknown sub-command \"%1 %2\"; see \"marketctl %1 --help\"").arg(words[0], rest[0]));
        }
        return usageError(tr("unknown command \"%1\"; see \"marketctl --help\"").arg(words[0]));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addOptions(command->options);
    parser.addOptions(globalOptions());
    if (!parser.parse(QStringList{QStringLiteral("marketctl")} + words.mid(used)))
        return usageError(QStringLiteral("%1: %2").arg(command->name, parser.errorText()));
    if (parser.isSet(opt::kHelp) || global.isSet(opt::kHelp)) {
        printLine(commandHelp(*command, parser).trimmed());
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("%1: unexpected argument \"%2\" (values with spaces need quotes)")
                              .arg(command->name, parser.positionalArguments().constFirst()));

    Context context(parser, global);
    return command->run(context);
}

} // namespace market::cli
