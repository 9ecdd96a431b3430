#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace market::cli {

/// One line on stdout (UTF-8).
void printLine(const QString& text);
/// Indented JSON on stdout.
void printJson(const QJsonValue& value);
/// "marketctl: <message>" as a single line on stderr.
void printError(const QString& message);
/// A plain text table (no header line when all headers are empty); columns listed in rightAligned are
/// right-aligned (amounts).
void printTable(const QStringList& headers, const QList<QStringList>& rows,
                const QList<int>& rightAligned = {});

} // namespace market::cli
