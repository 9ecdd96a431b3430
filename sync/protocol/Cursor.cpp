#include "Cursor.h"

#include <domain/Uuid.h>

namespace market::protocol {

QString Cursor::toString() const {
    return epoch + QLatin1Char(':') + QString::number(position);
}

std::variant<Cursor, WireError> Cursor::parse(const QString& text) {
    if (text.isEmpty())
        return Cursor{};
    const auto bad = [] {
        return WireError{err::kInvalidCursor, QStringLiteral("cursor must be <epoch>:<position>")};
    };
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || text.size() > 80)
        return bad();
    Cursor c;
    c.epoch = text.left(colon);
    if (!core::Uuid::parse(c.epoch))
        return bad();
    bool ok = false;
    c.position = text.mid(colon + 1).toLongLong(&ok);
    if (!ok || c.position < 0)
        return bad();
    return c;
}

} // namespace market::protocol
