#include "Commands.h"

#include <QCoreApplication>
#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // QProcess (embedded PostgreSQL) wants an application object
    try {
        return market::server::runCommandLine(QCoreApplication::arguments());
    } catch (const std::exception& e) { // last resort: a clear message, never a silent abort
        std::fprintf(stderr, "market-server: fatal: %s\n", e.what());
        return 1;
    }
}
