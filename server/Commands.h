#pragma once

#include <QStringList>

namespace market::server {

/// Entry point behind main(): parses `market-server <command> [--flag value]…` and runs it.
/// Returns the process exit code (0 ok, 1 failure, 2 usage or environment error).
int runCommandLine(const QStringList& args);

} // namespace market::server
