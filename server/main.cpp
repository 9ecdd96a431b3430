#include "Commands.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>
#include <exception>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // QProcess (embedded PostgreSQL) wants an application object
    // libpq waits for an unreachable database host as long as TCP does (minutes), holding a worker
    // or a shutdown; 10 s unless the URL or the environment says otherwise.
    setenv("PGCONNECT_TIMEOUT", "10", 0);
    try {
        return market::server::runCommandLine(QCoreApplication::arguments());
    } catch (const std::exception& e) { // last resort: a clear message, never a silent abort
        std::fprintf(stderr, "market-server: fatal: %s\n", e.what());
        return 1;
    }
}
