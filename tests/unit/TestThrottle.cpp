#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Throttle.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using relais::Throttle;
using namespace relais::test;

class TestThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void delaySchedule_data();
    void delaySchedule();
    void fiveFreeTriesThenDoubling();
    void successResets();
    void loginsAreIndependent();
    void clockSetBackwardsKeepsDelay();
    void persistsAcrossInstances();
    void damagedFileDoesNotCrash_data();
    void damagedFileDoesNotCrash();
    void unwritableFolderStillThrottlesInMemory();

private:
    QString path() const { return m_dir->file(QStringLiteral("throttle.json")); }
    std::unique_ptr<TempStoreDir> m_dir;
};

void TestThrottle::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    QVERIFY(m_dir->isValid());
}

void TestThrottle::delaySchedule_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delay");
    for (int i = 0; i < 5; ++i)
        QTest::addRow("%d failures", i) << i << qint64(0);
    QTest::newRow("5 failures") << 5 << qint64(30);
    QTest::newRow("6 failures") << 6 << qint64(60);
    QTest::newRow("7 failures") << 7 << qint64(120);
    QTest::newRow("8 failures") << 8 << qint64(240);
    QTest::newRow("11 failures") << 11 << qint64(1920);
    QTest::newRow("12 failures, capped") << 12 << qint64(3600);
    QTest::newRow("1000 failures, capped") << 1000 << qint64(3600);
    QTest::newRow("INT_MAX failures, capped") << std::numeric_limits<int>::max() << qint64(3600);
    QTest::newRow("negative") << -3 << qint64(0);
}

void TestThrottle::delaySchedule()
{
    QFETCH(int, failures);
    QFETCH(qint64, delay);
    QCOMPARE(Throttle::delayAfter(failures), delay);
}

void TestThrottle::fiveFreeTriesThenDoubling()
{
    FakeClock clock;
    Throttle throttle(path(), &clock);
    const QString key = QStringLiteral("camille");
    for (int i = 1; i <= 4; ++i) {
        throttle.recordFailure(key);
        QCOMPARE(throttle.secondsUntilAllowed(key), qint64(0));
    }
    throttle.recordFailure(key); // 5th failure: the next try waits
    QCOMPARE(throttle.failures(key), 5);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(30));
    clock.advanceSecs(29);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(1));
    clock.advanceSecs(1);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(0));

    throttle.recordFailure(key); // 6th
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(60));
    clock.advanceSecs(60);
    throttle.recordFailure(key); // 7th
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(120));
    clock.advanceSecs(119);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(1));
}

void TestThrottle::successResets()
{
    FakeClock clock;
    Throttle throttle(path(), &clock);
    const QString key = QStringLiteral("camille");
    for (int i = 0; i < 6; ++i)
        throttle.recordFailure(key);
    QVERIFY(throttle.secondsUntilAllowed(key) > 0);
    throttle.recordSuccess(key);
    QCOMPARE(throttle.failures(key), 0);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(0));
    // Counting starts again from zero, also for the next instance.
    QCOMPARE(Throttle(path(), &clock).failures(key), 0);
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure(key);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(0));
}

void TestThrottle::loginsAreIndependent()
{
    FakeClock clock;
    Throttle throttle(path(), &clock);
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(QStringLiteral("camille"));
    QCOMPARE(throttle.secondsUntilAllowed(QStringLiteral("camille")), qint64(30));
    QCOMPARE(throttle.secondsUntilAllowed(QStringLiteral("dominique")), qint64(0));
    QCOMPARE(throttle.failures(QStringLiteral("dominique")), 0);
}

void TestThrottle::clockSetBackwardsKeepsDelay()
{
    FakeClock clock;
    Throttle throttle(path(), &clock);
    const QString key = QStringLiteral("camille");
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(key);
    clock.advanceSecs(10);
    QCOMPARE(throttle.secondsUntilAllowed(key), qint64(20));
    // Someone sets the PC's clock back: the wait is neither lifted nor stretched beyond the delay.
    const auto sane = [](qint64 wait) {
        return wait >= 20 && wait <= 30;
    };
    clock.advanceSecs(-3600);
    QVERIFY2(sane(throttle.secondsUntilAllowed(key)), qPrintable(QString::number(throttle.secondsUntilAllowed(key))));
    clock.advanceSecs(-86400 * 365);
    QVERIFY(sane(throttle.secondsUntilAllowed(key)));
    QVERIFY(sane(Throttle(path(), &clock).secondsUntilAllowed(key))); // also after a restart
}

void TestThrottle::persistsAcrossInstances()
{
    FakeClock clock;
    const QString key = QStringLiteral("camille");
    {
        Throttle throttle(path(), &clock);
        for (int i = 0; i < 6; ++i)
            throttle.recordFailure(key);
    }
    QVERIFY(QFile::exists(path()));
    clock.advanceSecs(15);
    Throttle restarted(path(), &clock);
    QCOMPARE(restarted.failures(key), 6);
    QCOMPARE(restarted.secondsUntilAllowed(key), qint64(45));
    restarted.recordFailure(key);
    QCOMPARE(Throttle(path(), &clock).failures(key), 7);
    QCOMPARE(Throttle(path(), &clock).secondsUntilAllowed(key), qint64(120));
}

void TestThrottle::damagedFileDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArrayLiteral("{{{ not json");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01garbage\x00", 13);
    QTest::newRow("array") << QByteArrayLiteral("[1, 2, 3]");
    QTest::newRow("wrong types") << QByteArrayLiteral(R"({"camille": {"failures": "many", "last_failure": 7}})");
    QTest::newRow("entry not an object") << QByteArrayLiteral(R"({"camille": 12})");
    QTest::newRow("negative count") << QByteArrayLiteral(
        R"({"camille": {"failures": -4, "last_failure": "2026-01-05T09:00:00Z"}})");
    QTest::newRow("huge count") << QByteArrayLiteral(
        R"({"camille": {"failures": 1e300, "last_failure": "2026-01-05T09:00:00Z"}})");
    QTest::newRow("bad date") << QByteArrayLiteral(R"({"camille": {"failures": 9, "last_failure": "yesterday"}})");
}

void TestThrottle::damagedFileDoesNotCrash()
{
    QFETCH(QByteArray, contents);
    QVERIFY(writeBytes(path(), contents));
    FakeClock clock;
    Throttle throttle(path(), &clock);
    const QString key = QStringLiteral("camille");
    const qint64 wait = throttle.secondsUntilAllowed(key);
    QVERIFY(wait >= 0 && wait <= Throttle::MaxDelaySecs);
    // Counting works again and the file is rewritten in a readable form.
    const int before = throttle.failures(key);
    QVERIFY(before >= 0);
    throttle.recordFailure(key);
    QCOMPARE(throttle.failures(key), before + 1);
    QCOMPARE(Throttle(path(), &clock).failures(key), before + 1);
    QVERIFY(QJsonDocument::fromJson(fileBytes(path())).isObject());
}

void TestThrottle::unwritableFolderStillThrottlesInMemory()
{
    FakeClock clock;
    // A path below a regular file can never be created, even by root.
    QVERIFY(writeBytes(m_dir->file(QStringLiteral("plain-file")), QByteArrayLiteral("x")));
    Throttle throttle(m_dir->file(QStringLiteral("plain-file/throttle.json")), &clock);
    for (int i = 0; i < 5; ++i)
        QTest::ignoreMessage(QtWarningMsg, "throttle state not saved");
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(QStringLiteral("camille"));
    QCOMPARE(throttle.secondsUntilAllowed(QStringLiteral("camille")), qint64(30));
}

QTEST_GUILESS_MAIN(TestThrottle)
#include "TestThrottle.moc"
