#include "Uuid.h"

#include <QMutex>
#include <openssl/rand.h>

namespace market::core {

namespace {
// Within one millisecond, later ids must still sort later: keep the last timestamp and a
// 12-bit counter in rand_a (RFC 9562 "method 1"), seeded randomly each new millisecond.
QMutex g_mutex;
qint64 g_lastMillis = -1;
std::uint16_t g_counter = 0;

int hexValue(char16_t u) {
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

/// The canonical form, read through `at(i)` (a QChar or a byte): one parser for both sources.
template <typename At>
std::optional<Uuid> parseCanonical(qsizetype size, At at, std::array<std::uint8_t, 16>& out) {
    if (size != 36)
        return std::nullopt;
    size_t byte = 0;
    for (qsizetype i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (at(i) != u'-')
                return std::nullopt;
            ++i;
            continue;
        }
        const int hi = hexValue(at(i));
        const int lo = hexValue(at(i + 1));
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out[byte++] = static_cast<std::uint8_t>((hi << 4) | lo);
        i += 2;
    }
    return Uuid{};
}
} // namespace

Uuid Uuid::createV7(qint64 unixMillis) {
    Uuid id;
    std::array<std::uint8_t, 10> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        qFatal("OpenSSL RAND_bytes failed: no secure randomness for ids");

    qint64 millis = unixMillis;
    std::uint16_t counter = 0;
    {
        QMutexLocker lock(&g_mutex);
        if (millis <= g_lastMillis) {
            millis = g_lastMillis;
            if (++g_counter > 0x0FFF) { // counter exhausted: borrow the next millisecond
                ++millis;
                g_counter = random[0] & 0x03;
            }
        } else {
            g_counter = static_cast<std::uint16_t>(((random[0] << 8) | random[1]) & 0x01FF);
        }
        g_lastMillis = millis;
        counter = g_counter;
    }
    const auto ms = static_cast<std::uint64_t>(millis);
    for (int i = 0; i < 6; ++i)
        id.m_bytes[static_cast<size_t>(i)] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
    id.m_bytes[6] = static_cast<std::uint8_t>(0x70 | ((counter >> 8) & 0x0F));
    id.m_bytes[7] = static_cast<std::uint8_t>(counter & 0xFF);
    id.m_bytes[8] = static_cast<std::uint8_t>(0x80 | (random[2] & 0x3F));
    for (size_t i = 9; i < 16; ++i)
        id.m_bytes[i] = random[i - 6];
    return id;
}

std::optional<Uuid> Uuid::parse(QStringView text) {
    Uuid id;
    if (!parseCanonical(
            text.size(), [&](qsizetype i) { return text[i].unicode(); }, id.m_bytes))
        return std::nullopt;
    return id;
}

std::optional<Uuid> Uuid::parseAscii(const char* data, qsizetype size) {
    Uuid id;
    if (!data ||
        !parseCanonical(
            size, [&](qsizetype i) { return char16_t(static_cast<unsigned char>(data[i])); }, id.m_bytes))
        return std::nullopt;
    return id;
}

bool Uuid::isNull() const {
    for (auto b : m_bytes)
        if (b != 0)
            return false;
    return true;
}

void Uuid::writeAscii(char (&out)[36]) const {
    static constexpr char kHex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = kHex[m_bytes[i] >> 4];
        out[o++] = kHex[m_bytes[i] & 0x0F];
    }
}

QString Uuid::toString() const {
    char out[36];
    writeAscii(out);
    return QString::fromLatin1(out, 36);
}

qint64 Uuid::v7Millis() const {
    std::uint64_t ms = 0;
    for (size_t i = 0; i < 6; ++i)
        ms = (ms << 8) | m_bytes[i];
    return static_cast<qint64>(ms);
}

} // namespace market::core
