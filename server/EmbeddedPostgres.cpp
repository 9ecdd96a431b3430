#include "EmbeddedPostgres.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QVersionNumber>
#include <unistd.h>

namespace market::server {

EmbeddedPostgres::EmbeddedPostgres(QString dataDir, QString pgBinDir)
    : m_dataDir(QDir(dataDir).absolutePath())
    , m_binDir(pgBinDir.isEmpty() ? findBinDir() : std::move(pgBinDir)) {}

EmbeddedPostgres::~EmbeddedPostgres() {
    stop();
}

QString EmbeddedPostgres::findBinDir() {
    QDir base(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    for (const QString& name : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber v = QVersionNumber::fromString(name);
        if (QFileInfo::exists(base.filePath(name + QStringLiteral("/bin/initdb"))) && v > best) {
            best = v;
            bestDir = base.filePath(name + QStringLiteral("/bin"));
        }
    }
    return bestDir;
}

QString EmbeddedPostgres::clusterDir() const {
    return m_dataDir + QStringLiteral("/pg");
}

QString EmbeddedPostgres::socketDir() const {
    return m_dataDir + QStringLiteral("/run");
}

QString EmbeddedPostgres::connectionUrl() const {
    // libpq keyword form: a host starting with '/' is a unix-socket directory.
    return QStringLiteral("host=%1 port=5432 dbname=market user=market_owner").arg(socketDir());
}

std::optional<QString> EmbeddedPostgres::run(const QString& program, const QStringList& args, int timeoutMs,
                                             QString* output) const {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_binDir + QLatin1Char('/') + program, args);
    if (!p.waitForStarted(10000))
        return QStringLiteral("cannot run %1/%2: %3").arg(m_binDir, program, p.errorString());
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return QStringLiteral("%1 did not finish within %2 s").arg(program).arg(timeoutMs / 1000);
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed (exit %2): %3").arg(program).arg(p.exitCode()).arg(out.trimmed());
    return std::nullopt;
}

std::optional<QString> EmbeddedPostgres::start() {
    if (::geteuid() == 0)
        return QStringLiteral(
            "the embedded PostgreSQL cannot run as root (initdb and postgres refuse it). Run market-server "
            "as an "
            "unprivileged user, e.g. `runuser -u marketci -- market-server …`, or give --database-url for an "
            "existing PostgreSQL.");
    if (m_binDir.isEmpty() || !QFileInfo::exists(m_binDir + QStringLiteral("/initdb")))
        return QStringLiteral(
            "no PostgreSQL found (looked for /usr/lib/postgresql/*/bin/initdb); set pg_bin_dir");
    if (m_dataDir.size() > 80)
        return QStringLiteral("data folder path too long for a unix socket (max 80 characters): %1")
            .arg(m_dataDir);
    QDir().mkpath(m_dataDir);
    QDir().mkpath(socketDir());
    QFile::setPermissions(socketDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const bool fresh = !QFileInfo::exists(clusterDir() + QStringLiteral("/PG_VERSION"));
    if (fresh) {
        log::info(QStringLiteral("creating embedded PostgreSQL cluster"), {{"dir", clusterDir()}});
        if (auto e = run(QStringLiteral("initdb"),
                         {QStringLiteral("-D"), clusterDir(), QStringLiteral("-U"),
                          QStringLiteral("market_owner"), QStringLiteral("-A"), QStringLiteral("peer"),
                          QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                          QStringLiteral("--no-instructions")},
                         120000))
            return e;
        // Socket only, private folder; the auth map lets this OS user log in as market_owner.
        QFile conf(clusterDir() + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append | QIODevice::Text))
            return QStringLiteral("cannot write %1").arg(conf.fileName());
        conf.write(
            QStringLiteral("\n# market-server embedded settings\nlisten_addresses = ''\n"
                           "unix_socket_directories = '%1'\nunix_socket_permissions = 0700\nport = 5432\n"
                           "max_connections = 200\nshared_buffers = 128MB\n")
                .arg(socketDir())
                .toUtf8());
        conf.close();
        QFile hba(clusterDir() + QStringLiteral("/pg_hba.conf"));
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return QStringLiteral("cannot write %1").arg(hba.fileName());
        hba.write("# market-server embedded: unix socket only, the cluster's OS user\n"
                  "local all all peer map=market\n");
        hba.close();
        QFile ident(clusterDir() + QStringLiteral("/pg_ident.conf"));
        if (!ident.open(QIODevice::Append | QIODevice::Text))
            return QStringLiteral("cannot write %1").arg(ident.fileName());
        // Only the folder's owner can reach the 0700 socket, so any peer name maps to market_owner.
        ident.write("market /^(.*)$ market_owner\n");
        ident.close();
    }

    QString status;
    if (!run(QStringLiteral("pg_ctl"), {QStringLiteral("status"), QStringLiteral("-D"), clusterDir()}, 10000,
             &status)) {
        log::info(QStringLiteral("embedded PostgreSQL already running; adopting it"),
                  {{"dir", clusterDir()}});
    } else {
        if (auto e = run(QStringLiteral("pg_ctl"),
                         {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                          QStringLiteral("60"), QStringLiteral("-D"), clusterDir(), QStringLiteral("-l"),
                          m_dataDir + QStringLiteral("/postgresql.log")},
                         90000))
            return e;
        m_startedHere = true;
        log::info(QStringLiteral("embedded PostgreSQL started"), {{"socket", socketDir()}});
    }
    if (fresh) {
        if (auto e = run(QStringLiteral("createdb"),
                         {QStringLiteral("-h"), socketDir(), QStringLiteral("-p"), QStringLiteral("5432"),
                          QStringLiteral("-U"), QStringLiteral("market_owner"), QStringLiteral("market")},
                         60000))
            return e;
    }
    return std::nullopt;
}

void EmbeddedPostgres::stop() {
    if (!m_startedHere)
        return;
    m_startedHere = false;
    if (auto e = run(QStringLiteral("pg_ctl"),
                     {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"),
                      QStringLiteral("fast"), QStringLiteral("-D"), clusterDir()},
                     60000))
        log::error(QStringLiteral("stopping embedded PostgreSQL failed"), {{"error", *e}});
    else
        log::info(QStringLiteral("embedded PostgreSQL stopped"));
}

} // namespace market::server
