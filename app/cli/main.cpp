#include "CommandLine.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MarketPos"));
    QCoreApplication::setApplicationName(QStringLiteral("marketctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MARKETCTL_VERSION));
    return market::cli::runCommandLine(QCoreApplication::arguments());
}
