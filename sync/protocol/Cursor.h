#pragma once

#include "Protocol.h"

#include <QString>
#include <variant>

namespace market::protocol {

/// A pull cursor: the server's data epoch and the last feed position the client holds.
/// Text form "<epoch>:<position>"; the empty string means "from the beginning".
/// A cursor from another epoch (the server was restored) must not be trusted: the server
/// answers stale_cursor and the counter re-uploads and takes a fresh snapshot.
struct Cursor {
    QString epoch; ///< empty for the initial cursor
    qint64 position = 0;

    QString toString() const;
    static std::variant<Cursor, WireError> parse(const QString& text);
};

} // namespace market::protocol
