#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace market::core {

/// Where the core reads the time. Tests inject a controllable clock.
class Clock {
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/// A clock that stands still until told to move: for tests and for generating demo history.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs)
        : m_ms(startMs) {}
    qint64 nowMs() const override { return m_ms; }
    void setMs(qint64 ms) { m_ms = ms; }
    void advanceMs(qint64 delta) { m_ms += delta; }

private:
    qint64 m_ms;
};

} // namespace market::core
