#include "Commands.h"

#include "AdminService.h"
#include "ApiError.h"
#include "AuthService.h"
#include "Config.h"
#include "Database.h"
#include "EmbeddedPostgres.h"
#include "FeedService.h"
#include "HttpServer.h"
#include "IngestService.h"
#include "Log.h"
#include "Metrics.h"
#include "Migrations.h"
#include "PartitionKeeper.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

namespace market::server {

namespace {

const char* const kUsage = R"(usage: market-server <command> [options]

commands:
  init                         create the data folder (embedded PostgreSQL) and apply migrations
  migrate                      apply pending schema migrations
  create-owner --username U (--password P | --password-stdin)
  create-shop --code C --name N --owner U [--currency INR] [--tz Asia/Kolkata]
  add-user --shop CODE --username U (--password P | --password-stdin)    (a shop manager)
  enrol-code --shop CODE [--ttl SECONDS]     one-time terminal enrolment code (max 600 s)
  revoke-terminal --terminal ID
  new-epoch                    after restoring a backup: a fresh data epoch, so every counter
                               re-uploads what the restored data lacks and re-reads the feed
  serve [--migrate]            run the HTTP server

common options (also MARKET_SERVER_<NAME> variables and `name = value` lines in --config FILE):
  --config FILE  --database-url URL  --data-dir DIR  --listen ADDR  --port N (0: any free port)
  --tls-cert FILE --tls-key FILE  --body-limit BYTES  --threads N  --max-batch-ops N  --token-ttl S
  --read-timeout S  --write-timeout S  --keep-alive S  --pg-bin-dir DIR
  --partition-check S   how often serve makes the monthly partitions 16 months ahead (21600)
)";

const QStringList kCommandFlags{
    QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("code"), QStringLiteral("name"),
    QStringLiteral("owner"),    QStringLiteral("currency"), QStringLiteral("tz"),   QStringLiteral("shop"),
    QStringLiteral("ttl"),      QStringLiteral("terminal")};

struct Invocation {
    QString command;
    QHash<QString, QString> flags;
    bool passwordStdin = false;
};

void printJson(const QJsonObject& o) {
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString& message, int code = 1) {
    const QByteArray m = (QStringLiteral("market-server: ") + message + QLatin1Char('\n')).toUtf8();
    std::fwrite(m.constData(), 1, size_t(m.size()), stderr);
    return code;
}

QString need(const Invocation& inv, const char* flag) {
    const QString v = inv.flags.value(QString::fromLatin1(flag));
    if (v.isEmpty())
        throw ApiError(2, QStringLiteral("usage"),
                       QStringLiteral("%1 needs --%2").arg(inv.command, QLatin1String(flag)));
    return v;
}

QString password(const Invocation& inv) {
    if (inv.passwordStdin) {
        QTextStream in(stdin);
        return in.readLine();
    }
    return need(inv, "password");
}

int serve(Config& config, const QString& url) {
    Database db(url);
    AdminService admin(db.connection());
    Metrics metrics;
    AuthService auth(db, TokenSigner(admin.tokenKey()), config.tokenTtlSec);
    IngestService ingest(db, config.maxBatchOps);
    FeedService feed(db);
    HttpServer http(Services{config, db, auth, ingest, feed, metrics});
    if (auto e = http.bind())
        return fail(*e);
    db.dropConnection(); // the main thread's connection is not needed while serving
    PartitionKeeper partitions(url.toStdString(), std::chrono::seconds(config.partitionCheckSec));

    // SIGINT/SIGTERM are blocked in every thread (see runCommandLine) and taken here: stop()
    // closes the listener and lets workers finish in-flight requests before run() returns.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    std::thread waiter([&http, set] {
        int sig = 0;
        sigwait(&set, &sig);
        log::info(QStringLiteral("shutting down"), {{"signal", QString::number(sig)}});
        http.stop();
    });
    printJson({{QStringLiteral("listening"), config.listen}, {QStringLiteral("port"), http.port()}});
    log::info(QStringLiteral("serving"),
              {{"listen", config.listen},
               {"port", QString::number(http.port())},
               {"tls", config.tls() ? QStringLiteral("on") : QStringLiteral("off")},
               {"threads", QString::number(config.threads)}});
    http.run();
    if (waiter.joinable())
        waiter.detach(); // run() only returns after a signal, or on a listener failure
    return 0;
}

} // namespace

int runCommandLine(const QStringList& args) {
    Config config;
    Invocation inv;
    QString configFile;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        if (!a.startsWith(QLatin1String("--"))) {
            if (!inv.command.isEmpty())
                return fail(QStringLiteral("unexpected argument %1\n%2").arg(a, QString::fromUtf8(kUsage)),
                            2);
            inv.command = a;
            continue;
        }
        const QString key = a.mid(2);
        if (key == QLatin1String("help"))
            return std::fputs(kUsage, stdout), 0;
        if (key == QLatin1String("password-stdin")) {
            inv.passwordStdin = true;
            continue;
        }
        if (key == QLatin1String("migrate")) {
            config.migrateOnStart = true;
            continue;
        }
        if (i + 1 >= args.size())
            return fail(QStringLiteral("--%1 needs a value").arg(key), 2);
        const QString value = args[++i];
        if (key == QLatin1String("config"))
            configFile = value;
        else if (kCommandFlags.contains(key))
            inv.flags.insert(key, value);
        else
            inv.flags.insert(QStringLiteral("cfg:") + key, value);
    }
    if (inv.command.isEmpty())
        return fail(QString::fromUtf8(kUsage), 2);
    // Precedence: file < environment < flags.
    if (!configFile.isEmpty())
        if (auto e = config.loadFile(configFile))
            return fail(*e, 2);
    if (auto e = config.loadEnvironment())
        return fail(*e, 2);
    for (auto it = inv.flags.cbegin(); it != inv.flags.cend(); ++it)
        if (it.key().startsWith(QLatin1String("cfg:")))
            if (auto e = config.set(it.key().mid(4), it.value()))
                return fail(*e, 2);

    static const QStringList known{QStringLiteral("init"),
                                   QStringLiteral("migrate"),
                                   QStringLiteral("create-owner"),
                                   QStringLiteral("create-shop"),
                                   QStringLiteral("add-user"),
                                   QStringLiteral("enrol-code"),
                                   QStringLiteral("revoke-terminal"),
                                   QStringLiteral("new-epoch"),
                                   QStringLiteral("serve")};
    if (!known.contains(inv.command))
        return fail(QStringLiteral("unknown command %1\n%2").arg(inv.command, QString::fromUtf8(kUsage)), 2);

    if (inv.command == QLatin1String("serve")) {
        // Block before any thread exists so every thread inherits the mask and only sigwait sees them.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
    }

    std::unique_ptr<EmbeddedPostgres> embedded;
    QString url = config.databaseUrl;
    if (config.embedded()) {
        embedded = std::make_unique<EmbeddedPostgres>(config.dataDir, config.pgBinDir);
        if (auto e = embedded->start())
            return fail(*e, 2);
        url = embedded->connectionUrl();
    }

    try {
        pqxx::connection conn(url.toStdString());
        const int latest = migrations().back().version;
        const bool migrateNow = inv.command == QLatin1String("init") ||
                                inv.command == QLatin1String("migrate") || config.migrateOnStart ||
                                (config.embedded() && inv.command == QLatin1String("serve"));
        if (migrateNow) {
            const int applied = migrate(conn);
            AdminService(conn).ensureServerMeta();
            if (inv.command != QLatin1String("serve"))
                printJson({{QStringLiteral("schemaVersion"), latest}, {QStringLiteral("applied"), applied}});
        } else if (schemaVersion(conn) != latest) {
            return fail(
                QStringLiteral(
                    "database schema is at version %1, this server needs %2: run `market-server migrate`")
                    .arg(schemaVersion(conn))
                    .arg(latest),
                2);
        }
        AdminService admin(conn);
        if (inv.command == QLatin1String("create-owner")) {
            const QString user = need(inv, "username");
            printJson({{QStringLiteral("accountId"), admin.createOwner(user, password(inv))}});
        } else if (inv.command == QLatin1String("create-shop")) {
            printJson(
                {{QStringLiteral("shopId"),
                  admin.createShop(need(inv, "code"), need(inv, "name"), need(inv, "owner"),
                                   inv.flags.value(QStringLiteral("currency"), QStringLiteral("INR")),
                                   inv.flags.value(QStringLiteral("tz"), QStringLiteral("Asia/Kolkata")))}});
        } else if (inv.command == QLatin1String("add-user")) {
            const QString shop = need(inv, "shop");
            const QString user = need(inv, "username");
            printJson({{QStringLiteral("accountId"), admin.addManager(shop, user, password(inv))}});
        } else if (inv.command == QLatin1String("enrol-code")) {
            const QString shopId = admin.shopIdForCode(need(inv, "shop"));
            printJson(admin.createEnrolCode(
                shopId, inv.flags.value(QStringLiteral("ttl"), QStringLiteral("600")).toInt()));
        } else if (inv.command == QLatin1String("revoke-terminal")) {
            admin.revokeTerminal(need(inv, "terminal"));
            printJson({{QStringLiteral("revoked"), true}});
        } else if (inv.command == QLatin1String("new-epoch")) {
            const QJsonObject e = admin.newEpoch();
            log::info(QStringLiteral("new data epoch"),
                      {{"previous", e.value(QStringLiteral("previousEpoch")).toString()},
                       {"epoch", e.value(QStringLiteral("epoch")).toString()}});
            printJson(e);
        } else if (inv.command == QLatin1String("serve")) {
            const int rc = serve(config, url);
            return rc;
        }
    } catch (const ApiError& e) {
        return fail(e.message(), e.status() == 2 ? 2 : 1);
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
    return 0;
}

} // namespace market::server
