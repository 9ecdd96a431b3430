#include "Output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace market::cli {

namespace {
void write(FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// Display width: combining marks (Devanagari/Telugu vowel signs, viramas) take no column.
qsizetype displayWidth(const QString& text) {
    qsizetype width = 0;
    for (const QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Other_Format || c.isLowSurrogate())
            continue;
        ++width;
    }
    return width;
}
} // namespace

void printLine(const QString& text) {
    write(stdout, text + QLatin1Char('\n'));
}

void printJson(const QJsonValue& value) {
    QJsonDocument doc;
    if (value.isArray())
        doc = QJsonDocument(value.toArray());
    else
        doc = QJsonDocument(value.toObject());
    write(stdout, QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

void printError(const QString& message) {
    QString line = message.simplified(); // one line, always
    write(stderr, QStringLiteral("marketctl: ") + line + QLatin1Char('\n'));
}

void printTable(const QStringList& headers, const QList<QStringList>& rows, const QList<int>& rightAligned) {
    QList<qsizetype> widths;
    for (const auto& h : headers)
        widths.append(displayWidth(h));
    for (const auto& row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));

    const auto format = [&](const QStringList& cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i) {
            const QString pad(widths[i] - displayWidth(cells[i]), QLatin1Char(' '));
            const bool last = i + 1 == cells.size();
            if (rightAligned.contains(static_cast<int>(i)))
                line += pad + cells[i];
            else
                line += cells[i] + (last ? QString() : pad);
            if (!last)
                line += QStringLiteral("  ");
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line;
    };
    if (std::any_of(headers.begin(), headers.end(), [](const QString& h) { return !h.isEmpty(); }))
        printLine(format(headers));
    for (const auto& row : rows)
        printLine(format(row));
}

} // namespace market::cli
