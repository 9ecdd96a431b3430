#pragma once

#include <QString>
#include <optional>

namespace market::server {

/// A private PostgreSQL cluster under `<dataDir>/pg`, reachable only through a unix socket in
/// `<dataDir>/run` (mode 0700, listen_addresses empty: no TCP at all). Created with initdb on
/// first use, started with pg_ctl, stopped by stop() or the destructor if this object started it.
/// A cluster already running (another market-server command on the same folder) is adopted and
/// left running.
class EmbeddedPostgres {
public:
    EmbeddedPostgres(QString dataDir, QString pgBinDir);
    ~EmbeddedPostgres();
    EmbeddedPostgres(const EmbeddedPostgres&) = delete;
    EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;

    /// initdb (if needed) and start. Returns an error message for people on failure; refuses to
    /// run as root because initdb and postgres do.
    std::optional<QString> start();
    void stop();
    /// libpq connection string for the cluster's `market` database.
    QString connectionUrl() const;
    QString clusterDir() const;
    QString socketDir() const;
    QString binDir() const { return m_binDir; }

    /// The newest /usr/lib/postgresql/<n>/bin, or empty if none exists.
    static QString findBinDir();

private:
    std::optional<QString> run(const QString& program, const QStringList& args, int timeoutMs,
                               QString* output = nullptr) const;

    QString m_dataDir;
    QString m_binDir;
    bool m_startedHere = false;
};

} // namespace market::server
