#pragma once

#include "Account.h"
#include "common/Clock.h"

#include <QObject>
#include <QTimer>

namespace relais {

// The signed-in person and the idle lock (DESIGN §4): after `idleLockMs` without input the session
// locks; `warningMs` before that a visible, cancellable warning starts (RGAA: timing adjustable).
// The lock hides citizen data but keeps the store open so that sync goes on.
// Time comes from the Clock; tick() is driven by a 1 s timer, or by tests after moving a FakeClock.
class Session : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultIdleLockMs = 5 * 60 * 1000;
    static constexpr qint64 WarningMs = 30 * 1000;

    explicit Session(const Clock *clock, QObject *parent = nullptr);

    void start(const Account &account);
    void end();
    bool isActive() const { return m_active; }
    bool isLocked() const { return m_locked; }
    bool isWarning() const { return m_warning; }
    const Account &account() const { return m_account; }

    void setIdleLockMs(qint64 ms);
    qint64 idleLockMs() const { return m_idleLockMs; }
    void setTimerEnabled(bool enabled); // tests drive tick() themselves

    // Any keyboard or mouse input: restarts the idle delay and cancels a running warning.
    void noteActivity();
    void lock();
    void unlock();
    // Seconds left before the lock, while the warning shows.
    int secondsBeforeLock() const;

public Q_SLOTS:
    void tick();

Q_SIGNALS:
    void warningStarted(int secondsLeft);
    void warningTick(int secondsLeft);
    void warningCancelled();
    void locked();
    void unlocked();
    void ended();

private:
    const Clock *m_clock;
    QTimer m_timer;
    Account m_account;
    bool m_active = false;
    bool m_locked = false;
    bool m_warning = false;
    qint64 m_idleLockMs = DefaultIdleLockMs;
    qint64 m_lastActivity = 0;
};

} // namespace relais
