// The kiosk and relais-admin harden themselves first thing (app/kiosk/main.cpp, app/admin/main.cpp): no core file that
// would carry the store's key and the citizens on screen to disk, and no other program of the account reading their
// memory.
#include "common/ProcessHardening.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace relais;

namespace {

// "Max core file size" of a running process, as its /proc/<pid>/limits says ("0 0" when none may be written).
QString coreLimitOf(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return QString();
    for (const QByteArray &line : limits.readAll().split('\n'))
        if (line.startsWith("Max core file size"))
            return QString::fromLatin1(line.mid(26)).simplified().section(QLatin1Char(' '), 0, 1);
    return QString();
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // First: the programs must not inherit this test's own hardening.
    void bothProgramsHardenThemselves_data();
    void bothProgramsHardenThemselves();
    void noCoreFileAndNotDumpable();
};

void TestProcessHardening::initTestCase()
{
    // A runner may forbid core files already: give the programs something to take away, or the test proves nothing.
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &limit), 0);
    if (limit.rlim_max == 0) {
        limit.rlim_max = RLIM_INFINITY; // only a privileged runner may raise it
        (void)::setrlimit(RLIMIT_CORE, &limit);
        QCOMPARE(::getrlimit(RLIMIT_CORE, &limit), 0);
    }
    QVERIFY2(limit.rlim_max > 0, "core files are forbidden to this test already: it could not tell the difference");
    limit.rlim_cur = limit.rlim_max;
    QCOMPARE(::setrlimit(RLIMIT_CORE, &limit), 0);
}

void TestProcessHardening::noCoreFileAndNotDumpable()
{
    QCOMPARE(::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), 0);
    rlimit before{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &before), 0);
    QVERIFY(before.rlim_cur > 0);

    hardenProcess();

    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    rlimit after{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &after), 0);
    QCOMPARE(quint64(after.rlim_cur), quint64(0));
    QCOMPARE(quint64(after.rlim_max), quint64(0)); // nor can the process raise it again
}

void TestProcessHardening::bothProgramsHardenThemselves_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    // The kiosk shows its first-run page and waits; relais-admin waits for the password on its standard input.
    QTest::newRow("relais") << QStringLiteral(RELAIS_KIOSK_PATH) << QStringList{QStringLiteral("--data-dir")};
    QTest::newRow("relais-admin") << QStringLiteral(RELAIS_ADMIN_PATH)
                                  << QStringList{QStringLiteral("init"),      QStringLiteral("--structure"),
                                                 QStringLiteral("MFS Test"),  QStringLiteral("--admin"),
                                                 QStringLiteral("alice"),     QStringLiteral("--password-stdin"),
                                                 QStringLiteral("--data-dir")};
}

void TestProcessHardening::bothProgramsHardenThemselves()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    arguments << dir.path();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    // The limits are set at the start of main(): wait for the program to get there.
    QDeadlineTimer deadline(20000);
    QString limit;
    while (!deadline.hasExpired() && process.state() == QProcess::Running) {
        limit = coreLimitOf(process.processId());
        if (limit == QLatin1String("0 0"))
            break;
        QTest::qWait(50);
    }
    QCOMPARE(limit, QStringLiteral("0 0"));
    QVERIFY(process.state() == QProcess::Running); // hardened, and still working
    process.kill();
    process.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "TestProcessHardening.moc"
