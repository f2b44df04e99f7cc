#include "store/Keychain.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QUuid>
#include <QtTest>

#include <cstdio>

using namespace relais;

// Tests against the real gnome-keyring started by scripts/with-keyring. Some cases run this same binary as a
// child process (RELAIS_KEYCHAIN_TEST_CHILD=<mode>) in a bus or keyring of their own: without a session bus,
// in a second private keyring that the child locks itself, in one the harness leaves locked, and with the
// keyring daemon frozen. The child prints one line per step: "<step> <ErrorCode as int> <message>".

namespace {

const char ChildModeVariable[] = "RELAIS_KEYCHAIN_TEST_CHILD";

QString harnessPath()
{
    return QStringLiteral(RELAIS_SOURCE_DIR "/scripts/with-keyring");
}

bool keyringRequired()
{
    return qEnvironmentVariable("RELAIS_REQUIRE_KEYRING") == QLatin1String("1");
}

QString uniqueService()
{
    return QStringLiteral("RelaisTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString uniqueKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int codeOf(ErrorCode code)
{
    return static_cast<int>(code);
}

QString expected(const char *reason, const char *advice)
{
    return QLatin1String(reason) + QLatin1Char(' ') + QLatin1String(advice);
}

const char NoServiceReason[] = "No system keychain is available on this computer.";
const char LockedReason[] = "The system keychain is locked.";
const char TimedOutReason[] = "The system keychain did not answer in time.";
const char ReadAdvice[] = "Sign in with your password instead.";
const char WriteAdvice[] = "This computer will keep asking for a password to open the store.";
const char RemoveAdvice[] = "The key it holds for this store was not removed; try again later.";

// ---- child side --------------------------------------------------------------------------------------------

void report(const QString &step, ErrorCode code, const QString &message)
{
    const QByteArray line = (step + QLatin1Char(' ') + QString::number(codeOf(code)) + QLatin1Char(' ') + message)
                                .toUtf8()
                                .replace('\n', ' ') +
                            '\n';
    std::fputs(line.constData(), stdout);
    std::fflush(stdout);
}

template <typename R> void report(const QString &step, const R &result)
{
    report(step, result.code(), result.message());
}

bool runTool(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return false;
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool lockDefaultCollection()
{
    return runTool(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
}

QString keyringDaemonPid()
{
    QByteArray output;
    if (!runTool(QStringLiteral("dbus-send"),
                 {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                  QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                  QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
                  QStringLiteral("string:org.freedesktop.secrets")},
                 &output))
        return QString();
    const int at = output.indexOf("uint32 ");
    return at < 0 ? QString() : QString::fromLatin1(output.mid(at + 7).trimmed());
}

int runChild(const QByteArray &mode)
{
    Keychain keychain(QStringLiteral("RelaisTestChild"));
    const QString key = uniqueKey();
    const SecureBytes secret = SecureBytes::random(32);

    if (mode == "unavailable") {
        report(QStringLiteral("available"), Keychain::isAvailable() ? ErrorCode::None : ErrorCode::KeychainUnavailable,
               QString());
        report(QStringLiteral("write"), keychain.writeSecret(key, secret));
        report(QStringLiteral("read"), keychain.readSecret(key));
        report(QStringLiteral("remove"), keychain.removeSecret(key));
        return 0;
    }
    if (mode == "lock-after-write") {
        report(QStringLiteral("write-before"), keychain.writeSecret(key, secret));
        report(QStringLiteral("lock"), lockDefaultCollection() ? ErrorCode::None : ErrorCode::Internal, QString());
        report(QStringLiteral("read"), keychain.readSecret(key));
        report(QStringLiteral("write"), keychain.writeSecret(key, SecureBytes::random(32)));
        report(QStringLiteral("remove"), keychain.removeSecret(key));
        return 0;
    }
    if (mode == "harness-locked") {
        report(QStringLiteral("read"), keychain.readSecret(key));
        report(QStringLiteral("write"), keychain.writeSecret(key, secret));
        report(QStringLiteral("remove"), keychain.removeSecret(key));
        return 0;
    }
    if (mode == "frozen") {
        report(QStringLiteral("write-before"), keychain.writeSecret(key, secret));
        const QString pid = keyringDaemonPid();
        if (pid.isEmpty() || !runTool(QStringLiteral("kill"), {QStringLiteral("-STOP"), pid})) {
            report(QStringLiteral("freeze"), ErrorCode::Internal, QString());
            return 0;
        }
        report(QStringLiteral("freeze"), ErrorCode::None, QString());
        keychain.setTimeoutMs(1500);
        report(QStringLiteral("read"), keychain.readSecret(key));
        runTool(QStringLiteral("kill"), {QStringLiteral("-CONT"), pid});
        // The abandoned job finishes now and frees itself; the keychain must work again afterwards.
        keychain.setTimeoutMs(Keychain::DefaultTimeoutMs);
        const Result<SecureBytes> again = keychain.readSecret(key);
        report(QStringLiteral("read-after"), again.ok() && again.value() != secret ? ErrorCode::Internal : again.code(),
               again.message());
        return 0;
    }
    std::fputs("unknown child mode\n", stderr);
    return 2;
}

// ---- parent side -------------------------------------------------------------------------------------------

struct Step
{
    int code = -1;
    QString message;
};

struct ChildRun
{
    bool harnessFailed = false; // the private keyring could not be set up (exit 125)
    bool ok = false;
    QString diagnostics;
    QHash<QString, Step> steps;
};

ChildRun runSelf(const QByteArray &mode, const QProcessEnvironment &environment, bool viaHarness)
{
    QProcessEnvironment env = environment;
    env.insert(QString::fromLatin1(ChildModeVariable), QString::fromLatin1(mode));
    QProcess process;
    process.setProcessEnvironment(env);
    const QString self = QCoreApplication::applicationFilePath();
    if (viaHarness)
        process.start(harnessPath(), {self});
    else
        process.start(self, QStringList());

    ChildRun run;
    // A guard against a hang, not a speed assertion: every step has its own short timeout.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.diagnostics = QStringLiteral("child did not finish");
        return run;
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    run.diagnostics = out + QString::fromUtf8(process.readAllStandardError());
    run.harnessFailed = viaHarness && process.exitCode() == 125;
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() < 2)
            continue;
        run.steps.insert(parts.at(0), Step{parts.at(1).toInt(), parts.mid(2).join(QLatin1Char(' '))});
    }
    return run;
}

} // namespace

// Fails instead of skipping when CI says a keyring must be there.
#define RELAIS_NEED_KEYRING()                                                                                          \
    do {                                                                                                               \
        if (!qEnvironmentVariableIsSet("RELAIS_PRIVATE_KEYRING") || !Keychain::isAvailable()) {                        \
            if (keyringRequired())                                                                                     \
                QFAIL("RELAIS_REQUIRE_KEYRING=1 but no private keyring is reachable: run under scripts/with-keyring"); \
            QSKIP("No private keyring on the session bus: run this test under scripts/with-keyring");                  \
        }                                                                                                              \
        if (qEnvironmentVariable("RELAIS_KEYRING_LOCKED") == QLatin1String("1"))                                       \
            QSKIP("The harness keyring is locked (RELAIS_KEYRING_LOCKED=1); these cases need it unlocked");            \
    } while (false)

// The child harness needs gnome-keyring and dbus, not the parent's keyring; it may be missing on a developer PC.
#define RELAIS_NEED_CHILD_HARNESS(run)                                                                                 \
    do {                                                                                                               \
        if ((run).harnessFailed) {                                                                                     \
            if (keyringRequired())                                                                                     \
                QFAIL(qPrintable(QStringLiteral("scripts/with-keyring failed: ") + (run).diagnostics));                \
            QSKIP("scripts/with-keyring could not start a private keyring here");                                      \
        }                                                                                                              \
        QVERIFY2((run).ok, qPrintable((run).diagnostics));                                                             \
    } while (false)

#define RELAIS_CHECK_STEP(run, name, expectedCode, expectedMessage)                                                    \
    do {                                                                                                               \
        QVERIFY2((run).steps.contains(QStringLiteral(name)), qPrintable((run).diagnostics));                           \
        QCOMPARE((run).steps.value(QStringLiteral(name)).code, codeOf(expectedCode));                                  \
        QCOMPARE((run).steps.value(QStringLiteral(name)).message, QString(expectedMessage));                           \
    } while (false)

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsByteIdentical();
    void overwriteReplacesSecret();
    void removedEntryReadsAsMissing();
    void removingAbsentEntrySucceeds();
    void servicesDoNotSeeEachOther();
    void binarySecretWithZeroBytesSurvives();
    void emptyInputIsRefused();
    void noSessionBusMeansUnavailable();
    void lockedKeychainRefusesEverything();
    void harnessLockedModeRefusesEverything();
    void frozenKeychainTimesOutAndRecovers();
};

void TestKeychain::roundTripIsByteIdentical()
{
    RELAIS_NEED_KEYRING();
    Keychain keychain(uniqueService());
    const QString key = uniqueKey();
    const SecureBytes secret = SecureBytes::random(32);

    const Status written = keychain.writeSecret(key, secret);
    QVERIFY2(written.ok(), qPrintable(written.message()));
    const Result<SecureBytes> read = keychain.readSecret(key);
    QVERIFY2(read.ok(), qPrintable(read.message()));
    QCOMPARE(read.value().size(), 32);
    QVERIFY(read.value() == secret);
    QVERIFY(keychain.removeSecret(key).ok());
}

void TestKeychain::overwriteReplacesSecret()
{
    RELAIS_NEED_KEYRING();
    Keychain keychain(uniqueService());
    const QString key = uniqueKey();
    const SecureBytes first = SecureBytes::random(32);
    const SecureBytes second = SecureBytes::random(32);
    QVERIFY(first != second);

    QVERIFY(keychain.writeSecret(key, first).ok());
    QVERIFY(keychain.writeSecret(key, second).ok());
    const Result<SecureBytes> read = keychain.readSecret(key);
    QVERIFY2(read.ok(), qPrintable(read.message()));
    QVERIFY(read.value() == second);
    // One entry, not two: after one remove nothing is left.
    QVERIFY(keychain.removeSecret(key).ok());
    QCOMPARE(keychain.readSecret(key).code(), ErrorCode::KeySlotsMissing);
}

void TestKeychain::removedEntryReadsAsMissing()
{
    RELAIS_NEED_KEYRING();
    Keychain keychain(uniqueService());
    const QString key = uniqueKey();
    QVERIFY(keychain.writeSecret(key, SecureBytes::random(32)).ok());
    QVERIFY(keychain.readSecret(key).ok());

    const Status removed = keychain.removeSecret(key);
    QVERIFY2(removed.ok(), qPrintable(removed.message()));
    const Result<SecureBytes> read = keychain.readSecret(key);
    QVERIFY(!read.ok());
    QCOMPARE(read.code(), ErrorCode::KeySlotsMissing);
    QCOMPARE(read.message(), expected("The system keychain of this computer holds no key for this store.", ReadAdvice));
    QVERIFY(!read.message().contains(key));
}

void TestKeychain::removingAbsentEntrySucceeds()
{
    RELAIS_NEED_KEYRING();
    Keychain keychain(uniqueService());
    const Status removed = keychain.removeSecret(uniqueKey());
    QVERIFY2(removed.ok(), qPrintable(removed.message()));
}

void TestKeychain::servicesDoNotSeeEachOther()
{
    RELAIS_NEED_KEYRING();
    Keychain first(uniqueService());
    Keychain second(uniqueService());
    const QString key = uniqueKey(); // same key name under both services
    const SecureBytes firstSecret = SecureBytes::random(32);
    const SecureBytes secondSecret = SecureBytes::random(32);

    QVERIFY(first.writeSecret(key, firstSecret).ok());
    QCOMPARE(second.readSecret(key).code(), ErrorCode::KeySlotsMissing);
    QVERIFY(second.writeSecret(key, secondSecret).ok());
    QVERIFY(first.readSecret(key).value() == firstSecret);
    QVERIFY(second.readSecret(key).value() == secondSecret);

    QVERIFY(first.removeSecret(key).ok());
    QCOMPARE(first.readSecret(key).code(), ErrorCode::KeySlotsMissing);
    const Result<SecureBytes> survivor = second.readSecret(key);
    QVERIFY2(survivor.ok(), qPrintable(survivor.message()));
    QVERIFY(survivor.value() == secondSecret);
    QVERIFY(second.removeSecret(key).ok());
}

void TestKeychain::binarySecretWithZeroBytesSurvives()
{
    RELAIS_NEED_KEYRING();
    Keychain keychain(uniqueService());
    const QString key = uniqueKey();
    // Zero bytes first, inside and last, plus bytes that are not valid UTF-8: a text round trip would mangle them.
    const char raw[] = {'\0', '\x01', '\xff', '\0', '\x80', '\xc3', '\0', '\0', '\x7f', '\xfe', '\0', '\x0a', '\0'};
    const SecureBytes secret(raw, static_cast<int>(sizeof raw));

    QVERIFY(keychain.writeSecret(key, secret).ok());
    const Result<SecureBytes> read = keychain.readSecret(key);
    QVERIFY2(read.ok(), qPrintable(read.message()));
    QCOMPARE(read.value().size(), static_cast<int>(sizeof raw));
    QVERIFY(read.value() == secret);

    SecureBytes allZero(32);
    QVERIFY(keychain.writeSecret(key, allZero).ok());
    QVERIFY(keychain.readSecret(key).value() == allZero);
    QVERIFY(keychain.removeSecret(key).ok());
}

void TestKeychain::emptyInputIsRefused()
{
    // Needs no keyring: refused before any keychain call.
    Keychain keychain(uniqueService());
    QCOMPARE(keychain.writeSecret(uniqueKey(), SecureBytes()).code(), ErrorCode::InvalidInput);
    QCOMPARE(keychain.writeSecret(QString(), SecureBytes::random(32)).code(), ErrorCode::InvalidInput);
    QCOMPARE(keychain.readSecret(QString()).code(), ErrorCode::InvalidInput);
    QCOMPARE(keychain.removeSecret(QString()).code(), ErrorCode::InvalidInput);
    QVERIFY(!keychain.readSecret(QString()).message().isEmpty());
}

void TestKeychain::noSessionBusMeansUnavailable()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/relais-no-bus"));
    env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
    const ChildRun run = runSelf("unavailable", env, false);
    QVERIFY2(run.ok, qPrintable(run.diagnostics));

    RELAIS_CHECK_STEP(run, "available", ErrorCode::KeychainUnavailable, QString());
    // The exact "no keychain" text also proves the answer came from the probe, not from waiting for a timeout.
    RELAIS_CHECK_STEP(run, "write", ErrorCode::KeychainUnavailable, expected(NoServiceReason, WriteAdvice));
    RELAIS_CHECK_STEP(run, "read", ErrorCode::KeychainUnavailable, expected(NoServiceReason, ReadAdvice));
    RELAIS_CHECK_STEP(run, "remove", ErrorCode::KeychainUnavailable, expected(NoServiceReason, RemoveAdvice));
}

void TestKeychain::lockedKeychainRefusesEverything()
{
    // A second private keyring of its own, which the child locks after storing a key: the staff PC whose
    // keyring was not unlocked at login. Reading must say "locked", never "no key for this store".
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RELAIS_KEYRING_LOCKED"));
    const ChildRun run = runSelf("lock-after-write", env, true);
    RELAIS_NEED_CHILD_HARNESS(run);

    RELAIS_CHECK_STEP(run, "write-before", ErrorCode::None, QString());
    RELAIS_CHECK_STEP(run, "lock", ErrorCode::None, QString());
    RELAIS_CHECK_STEP(run, "read", ErrorCode::KeychainUnavailable, expected(LockedReason, ReadAdvice));
    RELAIS_CHECK_STEP(run, "write", ErrorCode::KeychainUnavailable, expected(LockedReason, WriteAdvice));
    RELAIS_CHECK_STEP(run, "remove", ErrorCode::KeychainUnavailable, expected(LockedReason, RemoveAdvice));
}

void TestKeychain::harnessLockedModeRefusesEverything()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_KEYRING_LOCKED"), QStringLiteral("1"));
    const ChildRun run = runSelf("harness-locked", env, true);
    RELAIS_NEED_CHILD_HARNESS(run);

    RELAIS_CHECK_STEP(run, "read", ErrorCode::KeychainUnavailable, expected(LockedReason, ReadAdvice));
    RELAIS_CHECK_STEP(run, "write", ErrorCode::KeychainUnavailable, expected(LockedReason, WriteAdvice));
    RELAIS_CHECK_STEP(run, "remove", ErrorCode::KeychainUnavailable, expected(LockedReason, RemoveAdvice));
}

void TestKeychain::frozenKeychainTimesOutAndRecovers()
{
    // The keyring daemon of a private keyring is stopped (SIGSTOP) so that it never answers.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RELAIS_KEYRING_LOCKED"));
    const ChildRun run = runSelf("frozen", env, true);
    RELAIS_NEED_CHILD_HARNESS(run);

    RELAIS_CHECK_STEP(run, "write-before", ErrorCode::None, QString());
    RELAIS_CHECK_STEP(run, "freeze", ErrorCode::None, QString());
    RELAIS_CHECK_STEP(run, "read", ErrorCode::KeychainUnavailable, expected(TimedOutReason, ReadAdvice));
    RELAIS_CHECK_STEP(run, "read-after", ErrorCode::None, QString());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray childMode = qgetenv(ChildModeVariable);
    if (!childMode.isEmpty())
        return runChild(childMode);
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeychain.moc"
