// One kiosk per data folder (issue 18): a second `relais` on the same folder says why and quits without opening it,
// the first one goes on, relais-admin still reads the store meanwhile, and a kiosk that crashed leaves no lock.
#include "AdminRun.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "security/Vault.h"
#include "store/ProcessLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestKioskInstanceLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondKioskOnTheSameFolderIsRefused();

private:
    void startKiosk(QProcess &kiosk, const QString &dataDir);
    // True once some kiosk holds the folder's lock (it has got past its start-up check).
    bool heldByAKiosk(const QString &dataDir, int timeoutMs);

    QTemporaryDir m_home; // the kiosks' own settings, not the person running the tests'
};

void TestKioskInstanceLock::startKiosk(QProcess &kiosk, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the password slot only
    kiosk.setProcessEnvironment(env);
    kiosk.start(QStringLiteral(RELAIS_KIOSK_PATH),
                {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(kiosk.waitForStarted(5000));
}

bool TestKioskInstanceLock::heldByAKiosk(const QString &dataDir, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            ProcessLock probe(QDir(dataDir).filePath(QStringLiteral("kiosk.lock")));
            return probe.tryLock() == ProcessLock::Outcome::Busy;
        },
        timeoutMs);
}

void TestKioskInstanceLock::secondKioskOnTheSameFolderIsRefused()
{
    TempStoreDir dir;
    {
        Vault vault(dir.path(), SystemClock::instance());
        QVERIFY(vault.initialize(QStringLiteral("MFS Test"), aliceLogin(), QStringLiteral("Alice"),
                                 secret(alicePassword()), false, KdfParams::interactive()));
    }
    QProcess first;
    startKiosk(first, dir.path());
    QVERIFY(heldByAKiosk(dir.path(), 30000));

    // The second one says why in the mediator's words, and quits with its own code, without opening anything.
    QProcess second;
    startKiosk(second, dir.path());
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 3);
    const QString said = QString::fromLocal8Bit(second.readAllStandardError());
    const QString expected = QCoreApplication::translate(
        "relais::Kiosk", "Relais is already open on this computer with the same data folder. Use the window that "
                         "is already open: this one will close.");
    QVERIFY2(said.contains(QStringLiteral("relais: ") + expected), qPrintable(said));

    // The first one is untouched, and relais-admin still reads the store beside it.
    QVERIFY(!first.waitForFinished(1000));
    QCOMPARE(first.state(), QProcess::Running);
    const Run listed = runAdmin({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"),
                                 dir.path(), QStringLiteral("--as"), aliceLogin(), QStringLiteral("--password-stdin")},
                                QString::fromLatin1(alicePassword()) + QLatin1Char('\n'));
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    QVERIFY(listed.out.contains(aliceLogin()));
    const Run verified = runAdmin({QStringLiteral("verify-journal"), QStringLiteral("--data-dir"), dir.path(),
                                   QStringLiteral("--as"), aliceLogin(), QStringLiteral("--password-stdin")},
                                  QString::fromLatin1(alicePassword()) + QLatin1Char('\n'));
    QVERIFY2(verified.code == 0, qPrintable(verified.err));

    // A kiosk that crashes (SIGKILL: no chance to tidy up) leaves no lock: the next one opens.
    first.kill();
    QVERIFY(first.waitForFinished(5000));
    QProcess third;
    startKiosk(third, dir.path());
    QVERIFY(heldByAKiosk(dir.path(), 30000));
    QVERIFY2(!third.waitForFinished(2000), third.readAllStandardError().constData());
    QCOMPARE(third.state(), QProcess::Running);
    third.kill();
    QVERIFY(third.waitForFinished(5000));

    // Another data folder is another store: two kiosks side by side are fine there.
    TempStoreDir elsewhere;
    QProcess one;
    QProcess other;
    startKiosk(one, dir.path());
    startKiosk(other, elsewhere.path());
    QVERIFY(heldByAKiosk(dir.path(), 30000));
    QVERIFY(heldByAKiosk(elsewhere.path(), 30000));
    QCOMPARE(one.state(), QProcess::Running);
    QCOMPARE(other.state(), QProcess::Running);
    one.kill();
    other.kill();
    QVERIFY(one.waitForFinished(5000));
    QVERIFY(other.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TestKioskInstanceLock)
#include "TestKioskInstanceLock.moc"
