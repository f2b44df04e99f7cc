#include "FakeClock.h"
#include "security/Session.h"

#include <QSignalSpy>
#include <QTest>

using relais::Account;
using relais::Role;
using relais::Session;
using relais::test::FakeClock;

namespace {

Account synthetic()
{
    Account a;
    a.id = 7;
    a.login = QStringLiteral("mediatrice.test");
    a.displayName = QStringLiteral("Médiatrice Test");
    a.role = Role::Mediator;
    return a;
}

constexpr qint64 Delay = Session::DefaultIdleLockMs;
constexpr qint64 Warn = Session::WarningMs;

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsActiveWithDefaultDelay();
    void noWarningBeforeIdleMinus30s();
    void warningStartsAt30sBeforeLock();
    void activityCancelsWarningAndRestartsDelay();
    void locksAtTheDelay();
    void activityWhileLockedDoesNotUnlock();
    void unlockRestartsDelay();
    void setIdleLockMs();
    void setIdleLockMsHasAFloor();
    void endEmitsEndedAndClearsAccount();
    void nothingHappensWhenNotStarted();
    void timerDrivesTheLock();

private:
    // Moves the clock and lets the session look at it, as its 1 s timer would.
    void advance(qint64 ms)
    {
        m_clock->advanceMs(ms);
        m_session->tick();
    }

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QSignalSpy> m_started, m_ticks, m_cancelled, m_locked, m_unlocked, m_ended;
};

void TestSession::init()
{
    m_clock = std::make_unique<FakeClock>();
    m_session = std::make_unique<Session>(m_clock.get());
    m_session->setTimerEnabled(false);
    m_started = std::make_unique<QSignalSpy>(m_session.get(), &Session::warningStarted);
    m_ticks = std::make_unique<QSignalSpy>(m_session.get(), &Session::warningTick);
    m_cancelled = std::make_unique<QSignalSpy>(m_session.get(), &Session::warningCancelled);
    m_locked = std::make_unique<QSignalSpy>(m_session.get(), &Session::locked);
    m_unlocked = std::make_unique<QSignalSpy>(m_session.get(), &Session::unlocked);
    m_ended = std::make_unique<QSignalSpy>(m_session.get(), &Session::ended);
    m_session->start(synthetic());
}

void TestSession::cleanup()
{
    m_started.reset();
    m_ticks.reset();
    m_cancelled.reset();
    m_locked.reset();
    m_unlocked.reset();
    m_ended.reset();
    m_session.reset();
    m_clock.reset();
}

void TestSession::startsActiveWithDefaultDelay()
{
    QVERIFY(m_session->isActive());
    QVERIFY(!m_session->isLocked());
    QCOMPARE(m_session->account().login, QStringLiteral("mediatrice.test"));
    QCOMPARE(m_session->idleLockMs(), qint64(5 * 60 * 1000));
    QCOMPARE(m_session->secondsBeforeLock(), 300);
}

void TestSession::noWarningBeforeIdleMinus30s()
{
    for (qint64 t = 0; t < Delay - Warn - 1000; t += 1000)
        advance(1000);
    advance(999); // 269.999 s idle
    QCOMPARE(m_started->count(), 0);
    QVERIFY(!m_session->isWarning());
    QVERIFY(!m_session->isLocked());
}

void TestSession::warningStartsAt30sBeforeLock()
{
    advance(Delay - Warn - 1);
    QCOMPARE(m_started->count(), 0);
    advance(1);
    QCOMPARE(m_started->count(), 1);
    QCOMPARE(m_started->first().at(0).toInt(), 30);
    QVERIFY(m_session->isWarning());
    QCOMPARE(m_session->secondsBeforeLock(), 30);
    advance(1000);
    QCOMPARE(m_started->count(), 1); // started once, then counts down
    QCOMPARE(m_ticks->count(), 1);
    QCOMPARE(m_ticks->last().at(0).toInt(), 29);
    QVERIFY(!m_session->isLocked());
}

void TestSession::activityCancelsWarningAndRestartsDelay()
{
    advance(Delay - Warn + 5000);
    QVERIFY(m_session->isWarning());
    m_session->noteActivity();
    QCOMPARE(m_cancelled->count(), 1);
    QVERIFY(!m_session->isWarning());
    QCOMPARE(m_session->secondsBeforeLock(), 300);
    // The full delay starts again from the activity.
    advance(Delay - Warn - 1);
    QCOMPARE(m_started->count(), 1);
    QVERIFY(!m_session->isLocked());
    advance(1);
    QCOMPARE(m_started->count(), 2);
    advance(Warn - 1);
    QVERIFY(!m_session->isLocked());
    advance(1);
    QVERIFY(m_session->isLocked());
    // Activity outside a warning cancels nothing.
    QCOMPARE(m_cancelled->count(), 1);
}

void TestSession::locksAtTheDelay()
{
    advance(Delay - 1);
    QCOMPARE(m_locked->count(), 0);
    advance(1);
    QCOMPARE(m_locked->count(), 1);
    QVERIFY(m_session->isLocked());
    QVERIFY(!m_session->isWarning());
    QVERIFY(m_session->isActive()); // locked, not signed out
    QCOMPARE(m_session->account().login, QStringLiteral("mediatrice.test"));
    advance(60 * 1000);
    QCOMPARE(m_locked->count(), 1);
}

void TestSession::activityWhileLockedDoesNotUnlock()
{
    advance(Delay);
    QVERIFY(m_session->isLocked());
    m_session->noteActivity();
    advance(1000);
    QVERIFY(m_session->isLocked());
    QCOMPARE(m_unlocked->count(), 0);
}

void TestSession::unlockRestartsDelay()
{
    advance(Delay + 120 * 1000); // locked two minutes ago
    QVERIFY(m_session->isLocked());
    m_session->unlock();
    QCOMPARE(m_unlocked->count(), 1);
    QVERIFY(!m_session->isLocked());
    m_session->tick();
    QVERIFY(!m_session->isLocked()); // not relocked at once by the old idle time
    advance(Delay - Warn - 1);
    QCOMPARE(m_started->count(), 0);
    advance(1);
    QCOMPARE(m_started->count(), 1);
    advance(Warn);
    QVERIFY(m_session->isLocked());
    QCOMPARE(m_locked->count(), 2);
}

void TestSession::setIdleLockMs()
{
    m_session->setIdleLockMs(60 * 1000);
    QCOMPARE(m_session->idleLockMs(), qint64(60 * 1000));
    advance(29 * 1000);
    QCOMPARE(m_started->count(), 0);
    advance(1000);
    QCOMPARE(m_started->count(), 1);
    QCOMPARE(m_started->first().at(0).toInt(), 30);
    advance(29 * 1000);
    QVERIFY(!m_session->isLocked());
    advance(1000);
    QVERIFY(m_session->isLocked());

    m_session->unlock();
    m_session->setIdleLockMs(20 * 60 * 1000);
    advance(10 * 60 * 1000);
    QVERIFY(!m_session->isLocked());
    QCOMPARE(m_started->count(), 1);
}

void TestSession::setIdleLockMsHasAFloor()
{
    // The 30 s warning must stay possible: a shorter delay is raised, never zero.
    m_session->setIdleLockMs(0);
    QVERIFY(m_session->idleLockMs() > Warn);
    m_session->setIdleLockMs(-5);
    QVERIFY(m_session->idleLockMs() > Warn);
    advance(1);
    QVERIFY(!m_session->isLocked());
    QCOMPARE(m_started->count(), 0);
}

void TestSession::endEmitsEndedAndClearsAccount()
{
    advance(Delay - Warn);
    QVERIFY(m_session->isWarning());
    m_session->end();
    QCOMPARE(m_ended->count(), 1);
    QVERIFY(!m_session->isActive());
    QVERIFY(!m_session->isWarning());
    QVERIFY(m_session->account().login.isEmpty());
    QVERIFY(m_session->account().displayName.isEmpty());
    QCOMPARE(m_session->account().id, qint64(0));
    advance(Delay * 2);
    QCOMPARE(m_locked->count(), 0); // nothing left to lock
    m_session->end();
    QCOMPARE(m_ended->count(), 1); // ending twice says it once
}

void TestSession::nothingHappensWhenNotStarted()
{
    Session idle(m_clock.get());
    idle.setTimerEnabled(false);
    QSignalSpy locked(&idle, &Session::locked);
    QSignalSpy started(&idle, &Session::warningStarted);
    m_clock->advanceMs(Delay * 3);
    idle.tick();
    idle.noteActivity();
    idle.lock();
    QCOMPARE(locked.count(), 0);
    QCOMPARE(started.count(), 0);
    QVERIFY(!idle.isLocked());
}

void TestSession::timerDrivesTheLock()
{
    m_session->end();
    m_session->setTimerEnabled(true);
    m_session->start(synthetic());
    m_clock->advanceMs(Delay); // the real 1 s timer must notice without the test calling tick()
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isLocked(), 3000);
    QCOMPARE(m_locked->count(), 1);
}

QTEST_GUILESS_MAIN(TestSession)
#include "TestSession.moc"
