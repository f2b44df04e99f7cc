#pragma once

#include <QDateTime>

namespace relais {

// Time seam: production uses SystemClock, tests drive a FakeClock (tests/support).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    // Monotonic milliseconds, for idle timers and throttling delays within one run.
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    static SystemClock *instance();
};

} // namespace relais
