#include "SyncFixture.h"

#include "client/SyncScheduler.h"

using namespace relais;
using namespace relais::test;
using relais::sync::SyncScheduler;

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundsComeByThemselvesAndHonourBackoff();
    void stoppedSchedulerStartsNothing();
};

void TestSyncScheduler::roundsComeByThemselvesAndHonourBackoff()
{
    FakePlatform p;
    QVERIFY(p.listen());
    Kiosk k;
    QVERIFY(k.open());
    QVERIFY(k.enrol(p.url(), p.token, p.key.publicKey));
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().startsWith("/v1/submissions/"))
            return p.problem(503, QStringLiteral("maintenance"), QStringLiteral("Maintenance."));
        return std::nullopt;
    };
    auto engine = k.engine();
    QSignalSpy finished(engine.get(), &SyncEngine::finished);
    SyncScheduler scheduler(engine.get());
    scheduler.setInterval(150);
    scheduler.startTimers();
    // A first round at once, then more on the timer.
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 5000);
    scheduler.stopTimers();
    QTest::qWait(50);
    // Automatic rounds respect the backoff: the failing démarche was tried once, not at every tick.
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 1);
    QCOMPARE(k.item(id).attempts, 1);
    QVERIFY(p.count("GET", QStringLiteral("/v1/health")) >= 3);
}

void TestSyncScheduler::stoppedSchedulerStartsNothing()
{
    FakePlatform p;
    QVERIFY(p.listen());
    Kiosk k;
    QVERIFY(k.open());
    QVERIFY(k.enrol(p.url(), p.token, p.key.publicKey));
    auto engine = k.engine();
    SyncScheduler scheduler(engine.get());
    scheduler.setInterval(100);
    scheduler.startTimers();
    scheduler.stopTimers();
    QTest::qWait(400);
    QCOMPARE(p.server.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "TestSyncScheduler.moc"
