#pragma once

#include "common/Clock.h"

namespace relais::test {

// A clock that only moves when the test says so.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(const QDateTime &start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC)) : m_now(start) {}
    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonic; }
    void advanceMs(qint64 ms)
    {
        m_now = m_now.addMSecs(ms);
        m_monotonic += ms;
    }
    void advanceSecs(qint64 s) { advanceMs(s * 1000); }

private:
    QDateTime m_now;
    qint64 m_monotonic = 1000000;
};

} // namespace relais::test
