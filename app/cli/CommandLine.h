#pragma once

#include <QStringList>

namespace market::cli {

/// Parses `marketctl [global options] <command> [sub-command] [options]`, runs the command and
/// returns the process exit code.
int runCommandLine(const QStringList& arguments);

} // namespace market::cli
