// A real kiosk process on its own X server, typed into from the keyboard (xdotool), killed with SIGKILL one second
// after the last keystroke: the draft reopens with every answer and the step the mediator was on (issue: drafts).
#include "TempStoreDir.h"

#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace relais;
using namespace relais::test;

namespace {
const QByteArray Password = "correct horse battery staple";
const QString Nir = QStringLiteral("2 53 07 2A 073 004 43");
} // namespace

class TestDraftSurvivesKill : public QObject
{
    Q_OBJECT

private:
    QProcess m_xvfb;
    QString m_display;
    TempStoreDir m_data;
    QTemporaryDir m_home; // the kiosk's own settings, not the person running the tests'

    // Runs xdotool on our display; its standard output.
    QString xdo(const QStringList &args, int timeoutMs = 20000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("xdotool"), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return QString();
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }
    // Waits until a window of ours has this title (it tells which page the kiosk shows); its id.
    QString waitForWindow(const QString &title)
    {
        return xdo({QStringLiteral("search"), QStringLiteral("--sync"), QStringLiteral("--onlyvisible"),
                    QStringLiteral("--name"), title})
            .section(QLatin1Char('\n'), 0, 0);
    }
    void type(const QString &text)
    {
        xdo({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("20"), text});
    }
    void key(const QString &keys) { xdo({QStringLiteral("key"), keys}); }

    void startKiosk(QProcess &kiosk)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the password slot only
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        kiosk.start(QStringLiteral(RELAIS_KIOSK_PATH),
                    {QStringLiteral("--data-dir"), m_data.path(), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(kiosk.waitForStarted());
    }
    void signIn()
    {
        const QString login = waitForWindow(QStringLiteral("^Relais$"));
        QVERIFY2(!login.isEmpty(), "the kiosk window did not appear");
        xdo({QStringLiteral("windowfocus"), QStringLiteral("--sync"), login});
        type(QString::fromUtf8(Password));
        key(QStringLiteral("Return"));
        QVERIFY2(!waitForWindow(QStringLiteral("MFS Kill")).isEmpty(), "not signed in");
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void draftSurvivesKillAndReopensAtItsStep();
};

void TestDraftSurvivesKill::initTestCase()
{
    // Tools installed by scripts/setup: missing ones are a failure, not a skip.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("Xvfb")).isEmpty(), "Xvfb missing: run scripts/setup");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty(),
             "xdotool missing: run scripts/setup");
    // Xvfb picks a free display itself and writes its number on the given descriptor.
    m_xvfb.start(QStringLiteral("Xvfb"),
                 {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
                  QStringLiteral("1280x900x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    QVERIFY(m_xvfb.waitForStarted());
    QVERIFY(m_xvfb.waitForReadyRead(15000));
    m_display = QLatin1Char(':') + QString::fromLatin1(m_xvfb.readLine()).trimmed();
    QVERIFY(m_display.size() > 1);

    Vault vault(m_data.path(), SystemClock::instance());
    QVERIFY(vault.initialize(QStringLiteral("MFS Kill"), QStringLiteral("alice"), QStringLiteral("Alice"),
                             SecureBytes(Password.constData(), int(Password.size())), false, KdfParams::interactive()));
}

void TestDraftSurvivesKill::cleanupTestCase()
{
    m_xvfb.terminate();
    m_xvfb.waitForFinished(5000);
}

void TestDraftSurvivesKill::draftSurvivesKillAndReopensAtItsStep()
{
    QProcess kiosk;
    startKiosk(kiosk);
    signIn();
    // Keyboard only: to Démarches (past Citizens), find the démarche, start it.
    key(QStringLiteral("Down"));
    key(QStringLiteral("Down"));
    key(QStringLiteral("alt+f"));
    type(QStringLiteral("change of address to the"));
    key(QStringLiteral("Return"));
    key(QStringLiteral("Return"));
    // The title says that a form is open, never which démarche (nor whose).
    QVERIFY2(!waitForWindow(QStringLiteral("^MFS Kill .* in progress$")).isEmpty(), "form not opened");
    type(QStringLiteral("1234567"));
    key(QStringLiteral("Tab"));
    type(Nir);
    key(QStringLiteral("alt+n"));
    QTest::qWait(500); // the mnemonic shows the button pressed for a moment before it acts
    type(QStringLiteral("12 rue des Lilas"));
    // One second after the last keystroke, the power goes.
    QTest::qWait(1000);
    ::kill(pid_t(kiosk.processId()), SIGKILL);
    QVERIFY(kiosk.waitForFinished(10000));
    QCOMPARE(kiosk.exitStatus(), QProcess::CrashExit);

    {
        Vault vault(m_data.path(), SystemClock::instance());
        const auto alice =
            vault.signIn(QStringLiteral("alice"), SecureBytes(Password.constData(), int(Password.size())));
        QVERIFY(alice);
        SubmissionRepository repository(vault.database()->connection(), &vault.journal(), vault.clock());
        const QList<Submission> drafts = repository.drafts(alice.value()).value();
        QCOMPARE(drafts.size(), 1);
        const QJsonObject values = drafts.first().answers.value(QStringLiteral("values")).toObject();
        QCOMPARE(values.value(QStringLiteral("numero_allocataire")).toString(), QStringLiteral("1234567"));
        QCOMPARE(values.value(QStringLiteral("nir_allocataire")).toString(), Nir);
        QCOMPARE(values.value(QStringLiteral("adresse")).toObject().value(QStringLiteral("street")).toString(),
                 QStringLiteral("12 rue des Lilas"));
        QCOMPARE(drafts.first().currentSection, QStringLiteral("nouvelle_adresse"));
        QCOMPARE(vault.journal().verify().firstBrokenId, 0);
    }

    // The kiosk starts again on that store and reopens the draft from the keyboard.
    QProcess again;
    startKiosk(again);
    signIn();
    key(QStringLiteral("Down")); // past Citizens
    key(QStringLiteral("Down"));
    key(QStringLiteral("alt+d"));
    key(QStringLiteral("Down"));
    key(QStringLiteral("Return"));
    QVERIFY2(!waitForWindow(QStringLiteral("^MFS Kill .* in progress$")).isEmpty(), "draft not reopened");
    again.terminate();
    QVERIFY(again.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestDraftSurvivesKill)
#include "TestDraftSurvivesKill.moc"
