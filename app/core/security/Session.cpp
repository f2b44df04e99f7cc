#include "Session.h"

namespace relais {

Session::Session(const Clock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &Session::tick);
}

void Session::start(const Account &account)
{
    m_account = account;
    m_active = true;
    m_locked = false;
    m_warning = false;
    m_lastActivity = m_clock->monotonicMs();
    if (m_timer.interval() > 0)
        m_timer.start();
}

void Session::end()
{
    const bool wasActive = m_active;
    m_active = false;
    m_locked = false;
    m_warning = false;
    m_account = Account();
    m_timer.stop();
    if (wasActive)
        Q_EMIT ended();
}

void Session::setIdleLockMs(qint64 ms)
{
    m_idleLockMs = qMax<qint64>(ms, WarningMs + 1000);
}

void Session::setTimerEnabled(bool enabled)
{
    if (enabled) {
        m_timer.setInterval(1000);
        if (m_active)
            m_timer.start();
    } else {
        m_timer.stop();
        m_timer.setInterval(0);
    }
}

void Session::noteActivity()
{
    if (!m_active || m_locked)
        return;
    m_lastActivity = m_clock->monotonicMs();
    if (m_warning) {
        m_warning = false;
        Q_EMIT warningCancelled();
    }
}

int Session::secondsBeforeLock() const
{
    const qint64 left = m_idleLockMs - (m_clock->monotonicMs() - m_lastActivity);
    return static_cast<int>(qMax<qint64>(0, (left + 999) / 1000));
}

void Session::tick()
{
    if (!m_active || m_locked)
        return;
    const qint64 idle = m_clock->monotonicMs() - m_lastActivity;
    if (idle >= m_idleLockMs) {
        lock();
        return;
    }
    if (idle >= m_idleLockMs - WarningMs) {
        if (!m_warning) {
            m_warning = true;
            Q_EMIT warningStarted(secondsBeforeLock());
        } else {
            Q_EMIT warningTick(secondsBeforeLock());
        }
    }
}

void Session::lock()
{
    if (!m_active || m_locked)
        return;
    m_locked = true;
    m_warning = false;
    Q_EMIT locked();
}

void Session::unlock()
{
    if (!m_active || !m_locked)
        return;
    m_locked = false;
    m_lastActivity = m_clock->monotonicMs();
    Q_EMIT unlocked();
}

} // namespace relais
