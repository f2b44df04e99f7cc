// relais-admin check and support-bundle as an administrator or a support desk uses them: every topic on one line
// marked OK, warning or error, the exit code scripts act on, and an archive for support that holds no person's data.
#include "AdminRun.h"
#include "SeededPersonalData.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "../platform/PlatformHarness.h"

#include "security/BackupScheduler.h"
#include "security/Vault.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

constexpr int People = 40;

Run admin(const QStringList &command, const QString &dir)
{
    return runAsDemoAdmin(command, dir);
}

// "Demo data added: …, D drafts, Q démarches waiting to be sent."
bool seed(const QString &dir, int *drafts, int *queued)
{
    const Run r = admin({QStringLiteral("seed-demo"), QStringLiteral("--citizens"), QString::number(People)}, dir);
    const auto m = QRegularExpression(QStringLiteral("(\\d+) drafts, (\\d+) démarches waiting")).match(r.out);
    if (r.code != 0 || !m.hasMatch())
        return false;
    *drafts = m.captured(1).toInt();
    *queued = m.captured(2).toInt();
    return true;
}

// The report's line about `topic` (its text after the mark), with the mark in `mark`.
QString line(const QString &out, const QString &topic, QString *mark)
{
    const auto m = QRegularExpression(QStringLiteral("^\\[(OK|warning|error)\\] (%1.*)$").arg(topic),
                                      QRegularExpression::MultilineOption)
                       .match(out);
    if (mark)
        *mark = m.hasMatch() ? m.captured(1) : QString();
    return m.hasMatch() ? m.captured(2) : QString();
}

// Every file of an extracted archive, concatenated with its relative path.
QString extract(const QString &archive, const QString &into, QStringList *files)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xzf"), archive, QStringLiteral("-C"), into});
    if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
        return {};
    QString all;
    QDirIterator it(into, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files->append(QDir(into).relativeFilePath(path));
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            all += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
    }
    return all;
}

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkReportsEveryTopicWithAMark();
    void checkExitsOneOnAnError();
    void checkSaysTheDailyBackup();
    void supportBundleHoldsNoPersonalData();
    void supportBundleNeedsOut();
};

void TestDiagnostics::checkReportsEveryTopicWithAMark()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    int drafts = 0;
    int queued = 0;
    QVERIFY(seed(dir.path(), &drafts, &queued));
    QVERIFY(drafts + queued > 0);

    Run r = admin({QStringLiteral("check")}, dir.path());
    // Warnings (never backed up, not enrolled) are printed but keep 0: scripts act on errors.
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    for (const QString &l : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(QRegularExpression(QStringLiteral("^\\[(OK|warning|error)\\] ")).match(l).hasMatch(), qPrintable(l));

    QString mark;
    QVERIFY2(line(r.out, QStringLiteral("Program: relais-admin \\d+\\.\\d+\\.\\d+, Qt 6\\."), &mark).size() > 0,
             qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("OK"));
    QVERIFY2(!line(r.out, QStringLiteral("SQLCipher: \\d+\\.\\d+"), &mark).isEmpty(), qPrintable(r.out));
    const auto schema =
        QRegularExpression(QStringLiteral("^\\[OK\\] Schema version: (\\d+) \\(this program: (\\d+)\\)\\.$"),
                           QRegularExpression::MultilineOption)
            .match(r.out);
    QVERIFY2(schema.hasMatch(), qPrintable(r.out));
    QCOMPARE(schema.captured(1), schema.captured(2));
    QVERIFY(!line(r.out, QStringLiteral("Database integrity: ok"), &mark).isEmpty());
    QVERIFY(!line(r.out, QStringLiteral("Journal: \\d+ entries, chain intact"), &mark).isEmpty());
    QVERIFY(!line(r.out, QStringLiteral("Last platform receipt: none"), &mark).isEmpty());
    QVERIFY(!line(r.out, QStringLiteral("Key slots: 1 account\\(s\\), recovery code present, system keychain"), &mark)
                 .isEmpty());
    // The queue as the seed left it, read through the sync store.
    const QString queue = line(
        r.out, QStringLiteral("Queue: %1 draft\\(s\\), %2 queued, 0 sending, 0 quarantined").arg(drafts).arg(queued),
        &mark);
    QVERIFY2(!queue.isEmpty(), qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("OK"));
    if (queued > 0)
        QVERIFY2(!line(r.out, QStringLiteral("Oldest démarche waiting to be sent: queued on \\d{4}-"), &mark).isEmpty(),
                 qPrintable(r.out));
    QVERIFY(!line(r.out, QStringLiteral("Sync: this kiosk is not enrolled"), &mark).isEmpty());
    QVERIFY(!line(r.out, QStringLiteral("Last backup: never\\."), &mark).isEmpty());
    QCOMPARE(mark, QStringLiteral("warning"));
    QVERIFY(!line(r.out, QStringLiteral("Free disk space of the data folder: .+ of .+ \\(\\d+ %\\)"), &mark).isEmpty());

    // The date the backup command records is reported once there is one.
    {
        Vault vault(dir.path(), SystemClock::instance());
        const auto actor = vault.signIn(aliceLogin(), secret(alicePassword()));
        QVERIFY(actor);
        QVERIFY(
            vault.setSetting(actor.value(), QStringLiteral("backup.last_at"), QStringLiteral("2026-01-15T10:00:00Z")));
    }
    r = admin({QStringLiteral("check")}, dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(!line(r.out, QStringLiteral("Last backup: 2026-01-15T10:00:00Z\\."), &mark).isEmpty(), qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("OK"));
}

void TestDiagnostics::checkExitsOneOnAnError()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    {
        // Someone with the key removes the end of the journal, as a SQLite shell would.
        Vault vault(dir.path(), SystemClock::instance());
        QVERIFY(vault.signIn(aliceLogin(), secret(alicePassword())));
        QSqlQuery q(vault.database()->connection());
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER journal_no_delete")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM journal WHERE id > 1")));
    }
    const Run r = admin({QStringLiteral("check")}, dir.path());
    QCOMPARE(r.code, 1);
    QString mark;
    QVERIFY2(!line(r.out, QStringLiteral("Journal: The end of the journal was removed"), &mark).isEmpty(),
             qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("error"));
    // The other topics are still reported.
    QVERIFY(!line(r.out, QStringLiteral("Free disk space"), &mark).isEmpty());
    QVERIFY(r.err.contains(QStringLiteral("The check found problems")));
}

void TestDiagnostics::checkSaysTheDailyBackup()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    QString mark;
    Run r = admin({QStringLiteral("check")}, dir.path());
    QVERIFY(!line(r.out, QStringLiteral("Daily backup: not scheduled"), &mark).isEmpty());
    QCOMPARE(mark, QStringLiteral("warning"));

    // A folder nobody can write into, root included: below a regular file.
    QFile blocker(dir.file(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString bad = dir.file(QStringLiteral("not-a-folder/backups"));
    r = admin({QStringLiteral("backup"), QStringLiteral("schedule"), QStringLiteral("--folder"), bad,
               QStringLiteral("--keep"), QStringLiteral("5")},
              dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("keeps the 5 most recent backup")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("cannot be found now")), qPrintable(r.out));
    r = admin({QStringLiteral("check")}, dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(!line(r.out, QStringLiteral("Daily backup into .*, keeping 5; last one: none yet\\."), &mark).isEmpty(),
             qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("OK"));

    // The kiosk tries its daily backup, which fails: check says so, as an error scripts act on.
    {
        Vault vault(dir.path(), SystemClock::instance());
        QVERIFY(vault.signIn(aliceLogin(), secret(alicePassword())));
        BackupScheduler scheduler(&vault, vault.clock());
        QSignalSpy finished(&scheduler, &BackupScheduler::finished);
        QVERIFY(scheduler.runIfDue());
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().at(0).toBool());
    }
    r = admin({QStringLiteral("check")}, dir.path());
    QCOMPARE(r.code, 1);
    QVERIFY2(!line(r.out, QStringLiteral("Daily backup failed: The backup folder .+ cannot be found"), &mark).isEmpty(),
             qPrintable(r.out));
    QCOMPARE(mark, QStringLiteral("error"));

    r = admin({QStringLiteral("backup"), QStringLiteral("schedule"), QStringLiteral("--off")}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("No daily backup is scheduled.")));
    r = admin({QStringLiteral("check")}, dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY(!line(r.out, QStringLiteral("Daily backup: not scheduled"), &mark).isEmpty());
    // Half a schedule is refused.
    r = admin({QStringLiteral("backup"), QStringLiteral("schedule"), QStringLiteral("--keep"), QStringLiteral("3")},
              dir.path());
    QCOMPARE(r.code, 2);
}

void TestDiagnostics::supportBundleHoldsNoPersonalData()
{
    TempStoreDir dir;
    const QString recoveryCode = makeDemoStore(dir.path());
    QVERIFY(!recoveryCode.isEmpty());
    int drafts = 0;
    int queued = 0;
    QVERIFY(seed(dir.path(), &drafts, &queued));

    // Enrolled and synchronised, so that a token, a platform key and receipts are in the store.
    platformtest::Platform platform;
    QVERIFY(platform.start());
    Run r = admin({QStringLiteral("enrol"), QStringLiteral("--platform"), platform.url(QStringLiteral("/")).toString(),
                   QStringLiteral("--code"), platform.enrolmentCode(), QStringLiteral("--device-name"),
                   QStringLiteral("Kiosque test")},
                  dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = admin({QStringLiteral("sync")}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(admin({QStringLiteral("purge"), QStringLiteral("--dry-run")}, dir.path()).code == 0);

    const QString archive = dir.file(QStringLiteral("support.tar.gz"));
    r = admin({QStringLiteral("support-bundle"), QStringLiteral("--out"), archive}, dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Support bundle written to")));
    QVERIFY(QFileInfo(archive).size() > 0);
    QVERIFY(!QFile::exists(archive + QStringLiteral(".part")));

    QTemporaryDir into;
    QStringList files;
    const QString content = extract(archive, into.path(), &files);
    QVERIFY2(files.contains(QStringLiteral("relais-support/check.txt")), qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY(files.contains(QStringLiteral("relais-support/versions.txt")));
    QVERIFY(files.contains(QStringLiteral("relais-support/settings.txt")));
    QVERIFY(files.contains(QStringLiteral("relais-support/counts.txt")));
    QVERIFY(files.contains(QStringLiteral("relais-support/logs/relais.log")));
    // What support needs: the check, the versions, the end of the logs, the platform it talks to.
    QVERIFY(content.contains(QStringLiteral("Database integrity: ok")));
    QVERIFY(content.contains(QStringLiteral("[OK] Last sync: ")));
    // The journal checked against the receipt the platform signed at that sync.
    QVERIFY(content.contains(
        QRegularExpression(QStringLiteral("\\[OK\\] Last platform receipt: entries 1 to \\d+, signed on "))));
    QVERIFY(content.contains(QStringLiteral("exit 0")));
    QVERIFY(content.contains(QStringLiteral("SQLCipher")));
    QVERIFY(content.contains(QStringLiteral("relais.cli: relais-admin ")));
    QVERIFY(content.contains(platform.url(QStringLiteral("/")).toString()));

    const SeededPersonalData seeded = readSeededPersonalData(dir.path(), aliceLogin(), alicePassword(), People);
    QVERIFY(seeded.searchFindsWhatItSeeks());
    const QStringList leaked = seeded.foundIn(content);
    QVERIFY2(leaked.isEmpty(), qPrintable(QStringLiteral("%1 personal value(s) in the bundle").arg(leaked.size())));

    // No password, no recovery code, no device token, no key.
    QVERIFY(!content.contains(QString::fromLatin1(alicePassword())));
    QVERIFY(!content.contains(recoveryCode));
    QString token;
    QString platformKey;
    {
        Vault vault(dir.path(), SystemClock::instance());
        QVERIFY(vault.signIn(aliceLogin(), secret(alicePassword())));
        token = vault.setting(QStringLiteral("sync_token"));
        platformKey = vault.setting(QStringLiteral("sync_platform_key"));
    }
    QVERIFY(token.size() >= 16);
    QVERIFY(!content.contains(token));
    QVERIFY(platformKey.size() >= 16);
    QVERIFY(!content.contains(platformKey));
    QFile slotFile(dir.file(QStringLiteral("keyslots.json")));
    QVERIFY(slotFile.open(QIODevice::ReadOnly));
    const auto wrapped = QRegularExpression(QStringLiteral("\"[A-Za-z0-9+/=]{40,}\""))
                             .globalMatch(QString::fromUtf8(slotFile.readAll()));
    auto it = wrapped;
    QVERIFY(it.hasNext());
    while (it.hasNext()) {
        const QString value = it.next().captured(0).mid(1).chopped(1);
        QVERIFY(!content.contains(value));
    }
}

void TestDiagnostics::supportBundleNeedsOut()
{
    TempStoreDir dir;
    QVERIFY(!makeDemoStore(dir.path()).isEmpty());
    const Run r = admin({QStringLiteral("support-bundle")}, dir.path());
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--out")));
}

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "TestDiagnostics.moc"
