#include "Log.h"

#include <QDateTime>
#include <cstdio>

namespace market::server::log {

namespace {
QString quoted(const QString& v) {
    if (!v.isEmpty() && !v.contains(QLatin1Char(' ')) && !v.contains(QLatin1Char('"')) &&
        !v.contains(QLatin1Char('=')))
        return v;
    QString s = v;
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + s + QLatin1Char('"');
}
} // namespace

void write(const char* level, const QString& message, std::initializer_list<Field> fields) {
    QString line = QStringLiteral("ts=%1 level=%2 msg=%3")
                       .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                            QString::fromLatin1(level), quoted(message));
    for (const auto& [k, v] : fields)
        line += QLatin1Char(' ') + QString::fromLatin1(k) + QLatin1Char('=') + quoted(v);
    line += QLatin1Char('\n');
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace market::server::log
