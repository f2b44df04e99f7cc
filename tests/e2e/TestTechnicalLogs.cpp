// The technical logs an administrator or a support desk reads: in the data folder, one line per message with its
// category, capped in size, in the journal under systemd, and never a person's data; a folder where they cannot be
// written does not stop the program.
#include "AdminRun.h"
#include "SeededPersonalData.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "../platform/PlatformHarness.h"

#include "common/Logging.h"
#include "security/Vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

constexpr int People = 40;

Run admin(const QStringList &command, const QString &dir)
{
    return runAsDemoAdmin(command, dir);
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Environment variables set for the runs of one test only.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name), m_old(qgetenv(name)), m_had(qEnvironmentVariableIsSet(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    QByteArray m_old;
    bool m_had;
};

} // namespace

class TestTechnicalLogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aDemoRunLeavesNoPersonalDataInTheLogs();
    void anUnwritableLogFolderDoesNotStopTheProgram();
    void aMistypedDataFolderIsNotCreated();
    void underSystemdTheLinesAlsoGoToStandardError();
    void theKioskWritesItsLogToo();
    void filesRotateAtTheirCap();
};

void TestTechnicalLogs::initTestCase()
{
    // The runs below must not believe they are under systemd when the test itself is.
    qunsetenv("JOURNAL_STREAM");
    qunsetenv("INVOCATION_ID");
}

void TestTechnicalLogs::aDemoRunLeavesNoPersonalDataInTheLogs()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    // Everything a run can log, debug lines included.
    const ScopedEnv rules("QT_LOGGING_RULES", "relais.*.debug=true");
    Run r = admin({QStringLiteral("seed-demo"), QStringLiteral("--citizens"), QString::number(People)}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(admin({QStringLiteral("check")}, dir.path()).code == 0);
    QVERIFY(admin({QStringLiteral("purge"), QStringLiteral("--dry-run")}, dir.path()).code == 0);
    platformtest::Platform platform;
    QVERIFY(platform.start());
    r = admin({QStringLiteral("enrol"), QStringLiteral("--platform"), platform.url(QStringLiteral("/")).toString(),
               QStringLiteral("--code"), platform.enrolmentCode(), QStringLiteral("--device-name"),
               QStringLiteral("Kiosque test")},
              dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = admin({QStringLiteral("sync")}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(
        r.out.contains(QRegularExpression(QStringLiteral("^delivered [1-9]"), QRegularExpression::MultilineOption)));
    QVERIFY(admin({QStringLiteral("check")}, dir.path()).code == 0);

    const QStringList files = logFiles(dir.path());
    QVERIFY2(!files.isEmpty(), "no log file in the data folder");
    QCOMPARE(files.first(), QDir(dir.path()).filePath(QStringLiteral("logs/relais.log")));
    QString logs;
    for (const QString &file : files)
        logs += readAll(file);
    // One line per message: time, level, category, text.
    const QStringList lines = logs.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 10);
    static const QRegularExpression shape(QStringLiteral(
        "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (debug|info|warning|critical|fatal) \\S+: "));
    for (const QString &l : lines)
        QVERIFY2(shape.match(l).hasMatch(), qPrintable(l));
    QVERIFY(logs.contains(QStringLiteral(" relais.cli: relais-admin ")));
    QVERIFY2(logs.contains(QStringLiteral(" relais.sync: ")), "the sync round left no line");
    // Only this account may read them.
    QCOMPARE(QFileInfo(files.first()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const SeededPersonalData seeded = readSeededPersonalData(dir.path(), aliceLogin(), alicePassword(), People);
    QVERIFY(seeded.searchFindsWhatItSeeks());
    const QStringList leaked = seeded.foundIn(logs);
    QVERIFY2(leaked.isEmpty(), qPrintable(QStringLiteral("%1 personal value(s) in the logs").arg(leaked.size())));
    QVERIFY(!logs.contains(QString::fromLatin1(alicePassword())));
}

void TestTechnicalLogs::anUnwritableLogFolderDoesNotStopTheProgram()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    // A file where the folder should be: even root cannot write there.
    QFile blocker(dir.file(QStringLiteral("logs")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run r = admin({QStringLiteral("check")}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("Database integrity: ok")));
    QCOMPARE(r.err.count(QStringLiteral("the technical logs cannot be written")), 1);
}

void TestTechnicalLogs::aMistypedDataFolderIsNotCreated()
{
    TempStoreDir dir;
    const QString typo = dir.file(QStringLiteral("relias"));
    const Run r = admin({QStringLiteral("check")}, typo);
    QVERIFY(r.code != 0);
    QVERIFY(!QFileInfo::exists(typo));
    QVERIFY(!r.err.contains(QStringLiteral("technical logs")));
}

void TestTechnicalLogs::underSystemdTheLinesAlsoGoToStandardError()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    Run r = admin({QStringLiteral("check")}, dir.path());
    QVERIFY(!r.err.contains(QStringLiteral("relais.cli")));
    {
        const ScopedEnv systemd("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
        r = admin({QStringLiteral("check")}, dir.path());
    }
    QCOMPARE(r.code, 0);
    // With its syslog priority, which the journal reads.
    QVERIFY2(r.err.contains(QStringLiteral("<6>relais.cli: relais-admin ")), qPrintable(r.err));
    QVERIFY(
        readAll(dir.file(QStringLiteral("logs/relais.log"))).contains(QStringLiteral(" relais.cli: relais-admin ")));
}

void TestTechnicalLogs::theKioskWritesItsLogToo()
{
    TempStoreDir dir;
    QTemporaryDir home;
    QProcess kiosk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    kiosk.setProcessEnvironment(env);
    kiosk.start(QStringLiteral(RELAIS_KIOSK_PATH),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(kiosk.waitForStarted());
    const QString log = dir.file(QStringLiteral("logs/relais.log"));
    QTRY_VERIFY_WITH_TIMEOUT(readAll(log).contains(QStringLiteral(" relais.domain: relais ")), 20000);
    kiosk.terminate();
    if (!kiosk.waitForFinished(5000)) {
        kiosk.kill();
        kiosk.waitForFinished();
    }
}

void TestTechnicalLogs::filesRotateAtTheirCap()
{
    TempStoreDir dir;
    installLogging({dir.path(), false, 4096, 3});
    const QByteArray filler(90, 'x');
    for (int i = 0; i < 400; ++i)
        qCInfo(lcDomain).noquote() << "line" << i << filler;
    qInstallMessageHandler(nullptr);

    const QStringList files = logFiles(dir.path());
    QCOMPARE(files.size(), 4); // relais.log and three older ones; the oldest were dropped
    for (const QString &f : files)
        QVERIFY2(QFileInfo(f).size() <= 4096, qPrintable(f));
    const QString newest = readAll(files.first());
    QVERIFY(newest.contains(QStringLiteral("relais.domain: line 399 ")));
    QVERIFY(readAll(files.at(1)).contains(QStringLiteral("relais.domain: line ")));
    QString all;
    for (const QString &f : files)
        all += readAll(f);
    QVERIFY(!all.contains(QStringLiteral("line 0 ")));
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("logs/relais.log.4"))));
}

QTEST_GUILESS_MAIN(TestTechnicalLogs)
#include "TestTechnicalLogs.moc"
