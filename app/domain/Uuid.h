#pragma once

#include <QString>
#include <QStringView>
#include <array>
#include <compare>
#include <cstdint>
#include <optional>

namespace market::core {

class Clock;

/// A 128-bit id made where the record is created. New ids are UUIDv7 (time-ordered, RFC 9562):
/// they index well in SQLite and PostgreSQL B-trees and never need a central counter.
class Uuid {
public:
    Uuid() = default;
    static Uuid createV7(qint64 unixMillis);
    /// Canonical lowercase 8-4-4-4-12 form only; anything else is nullopt.
    static std::optional<Uuid> parse(QStringView text);
    /// The same from bytes (a database column), without making a QString first.
    static std::optional<Uuid> parseAscii(const char* data, qsizetype size);

    bool isNull() const;
    QString toString() const;
    /// The canonical form's 36 ASCII characters into `out` (no terminator), without a QString.
    void writeAscii(char (&out)[36]) const;
    int version() const { return m_bytes[6] >> 4; }
    /// The millisecond timestamp of a v7 id.
    qint64 v7Millis() const;

    auto operator<=>(const Uuid&) const = default;

private:
    std::array<std::uint8_t, 16> m_bytes{};
};

} // namespace market::core
