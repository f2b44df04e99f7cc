// The daily backup (issue 18 item 2): due once a day by the injected clock, files named by date, the N most recent
// kept, a failing folder reported in the store for Home and `relais-admin check`.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "TinyTmpfs.h"
#include "security/BackupScheduler.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Backup.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using relais::BackupScheduler;
using relais::Vault;
using namespace relais::test;

namespace {

QStringList filesIn(const QString &folder)
{
    QStringList names = QDir(folder).entryList(QDir::Files);
    names.sort(); // byte order, whatever the locale
    return names;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestBackupScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dueOncePerLocalDay_data();
    void dueOncePerLocalDay();
    void backsUpAtStartThenOncePerDay();
    void nothingWhenOff();
    void keepsExactlyTheNMostRecent();
    void failingFolderIsReportedThenCleared();
    void refusesAHalfSetSchedule();
    void fullBackupDiskKeepsTheOlderBackups();
    void fullDataDiskIsSaidAndLosesNothing();

private:
    // Runs one check; true if a backup was made and finished with `ok`.
    bool runOnce(BackupScheduler &scheduler, bool expectOk = true, QString *message = nullptr);

    std::unique_ptr<TempStoreDir> m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Vault> m_vault;
    relais::Account m_alice;
    QString m_folder;
};

void TestBackupScheduler::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    // Midday UTC: the local day is the same in every time zone the test may run in.
    m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC));
    m_vault = std::make_unique<Vault>(m_dir->file(QStringLiteral("data")), m_clock.get());
    QVERIFY(openAsAlice(*m_vault));
    m_alice = m_vault->account(aliceLogin()).value();
    m_folder = m_dir->file(QStringLiteral("usb"));
    QVERIFY(QDir().mkpath(m_folder));
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, m_folder, 3));
}

void TestBackupScheduler::cleanup()
{
    m_vault.reset();
    m_clock.reset();
    m_dir.reset();
}

bool TestBackupScheduler::runOnce(BackupScheduler &scheduler, bool expectOk, QString *message)
{
    QSignalSpy finished(&scheduler, &BackupScheduler::finished);
    if (!scheduler.runIfDue())
        return false;
    // On a worker thread: the caller's event loop goes on while the copy is made.
    if (!scheduler.isRunning() || !finished.wait(60000))
        return false;
    if (message)
        *message = finished.first().at(1).toString();
    return finished.first().at(0).toBool() == expectOk;
}

void TestBackupScheduler::dueOncePerLocalDay_data()
{
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("due");
    const QDateTime noon(QDate(2026, 3, 2), QTime(12, 0));
    QTest::newRow("never") << QDateTime() << noon << true;
    QTest::newRow("earlier today") << noon.addSecs(-3 * 3600) << noon << false;
    QTest::newRow("a minute ago") << noon.addSecs(-60) << noon << false;
    QTest::newRow("yesterday evening") << QDateTime(QDate(2026, 3, 1), QTime(23, 30)) << noon << true;
    QTest::newRow("a week ago") << noon.addDays(-7) << noon << true;
    QTest::newRow("clock set back") << noon.addDays(1) << noon << false;
}

void TestBackupScheduler::dueOncePerLocalDay()
{
    QFETCH(QDateTime, last);
    QFETCH(QDateTime, now);
    QFETCH(bool, due);
    QCOMPARE(BackupScheduler::isDue(last, now), due);
}

void TestBackupScheduler::backsUpAtStartThenOncePerDay()
{
    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    QSignalSpy finished(&scheduler, &BackupScheduler::finished);
    scheduler.start(3600 * 1000); // at start: due, never made
    QVERIFY(scheduler.isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(filesIn(m_folder), QStringList{QStringLiteral("relais-2026-03-02.rbk")});
    // A real backup file, that restores.
    QVERIFY(m_vault->setting(Vault::lastBackupSetting()).startsWith(QStringLiteral("2026-03-02T12:00")));
    const QString restoreTo = m_dir->file(QStringLiteral("restored"));
    auto restored =
        relais::Backup::restore(QDir(m_folder).filePath(QStringLiteral("relais-2026-03-02.rbk")), restoreTo);
    QVERIFY2(restored, qPrintable(restored.message()));
    Vault copy(restoreTo, m_clock.get());
    QVERIFY(openAsAlice(copy));
    copy.close();

    // Later the same day: not due, nothing written.
    m_clock->advanceSecs(6 * 3600);
    QVERIFY(!scheduler.runIfDue());
    QVERIFY(!scheduler.isRunning());
    QCOMPARE(filesIn(m_folder).size(), 1);

    // The next morning: due again, a second file named by its date.
    m_clock->advanceSecs(14 * 3600);
    QVERIFY(runOnce(scheduler));
    QCOMPARE(filesIn(m_folder),
             (QStringList{QStringLiteral("relais-2026-03-02.rbk"), QStringLiteral("relais-2026-03-03.rbk")}));
    QVERIFY(!scheduler.runIfDue());
}

void TestBackupScheduler::nothingWhenOff()
{
    QVERIFY(BackupScheduler::turnOff(*m_vault, m_alice));
    QVERIFY(!BackupScheduler::schedule(*m_vault).isOn());
    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    QVERIFY(!scheduler.runIfDue());
    QCOMPARE(filesIn(m_folder), QStringList());
}

void TestBackupScheduler::keepsExactlyTheNMostRecent()
{
    // What is not a daily backup stays, whatever its name: a backup made by hand, a person's own file.
    QVERIFY(writeFile(QDir(m_folder).filePath(QStringLiteral("relais-20260301-0930.rbk")), "by hand"));
    QVERIFY(writeFile(QDir(m_folder).filePath(QStringLiteral("notes.txt")), "mine"));
    QVERIFY(writeFile(QDir(m_folder).filePath(QStringLiteral("relais-2026-03-xx.rbk")), "not a date"));
    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    for (int day = 0; day < 6; ++day) {
        QVERIFY2(runOnce(scheduler), qPrintable(BackupScheduler::lastFailure(*m_vault)));
        m_clock->advanceSecs(24 * 3600);
    }
    QCOMPARE(filesIn(m_folder),
             (QStringList{QStringLiteral("notes.txt"), QStringLiteral("relais-2026-03-05.rbk"),
                          QStringLiteral("relais-2026-03-06.rbk"), QStringLiteral("relais-2026-03-07.rbk"),
                          QStringLiteral("relais-2026-03-xx.rbk"), QStringLiteral("relais-20260301-0930.rbk")}));

    // Keeping fewer from now on: the next backup leaves exactly that many.
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, m_folder, 1));
    QVERIFY(runOnce(scheduler));
    const QStringList dated = filesIn(m_folder).filter(QStringLiteral("relais-2026-03-0"));
    QCOMPARE(dated, QStringList{QStringLiteral("relais-2026-03-08.rbk")});
}

void TestBackupScheduler::failingFolderIsReportedThenCleared()
{
    // Root ignores permissions, but nobody can write below a regular file: a folder that cannot be used.
    QVERIFY(writeFile(m_dir->file(QStringLiteral("a-file")), "x"));
    const QString bad = m_dir->file(QStringLiteral("a-file/backups"));
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, bad, 3));
    const QString before = m_vault->setting(Vault::lastBackupSetting());

    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    QString message;
    QVERIFY(runOnce(scheduler, false, &message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(bad)), qPrintable(message));
    QCOMPARE(BackupScheduler::lastFailure(*m_vault), message);
    QCOMPARE(m_vault->setting(Vault::lastBackupSetting()), before); // no backup pretended
    QVERIFY(!BackupScheduler::lastScheduled(*m_vault).isValid());
    QVERIFY(!QFile::exists(QDir(m_vault->dataDir()).filePath(QStringLiteral("relais.db.scheduled-backup"))));

    // Still due: tried again at the next check, and reported again.
    m_clock->advanceSecs(3600);
    QVERIFY(runOnce(scheduler, false));

    // The administrator gives a usable folder: the failure is forgotten and the next check backs up.
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, m_folder, 3));
    QCOMPARE(BackupScheduler::lastFailure(*m_vault), QString());
    QVERIFY(runOnce(scheduler));
    QCOMPARE(BackupScheduler::lastFailure(*m_vault), QString());
    QCOMPARE(filesIn(m_folder).size(), 1);
}

void TestBackupScheduler::refusesAHalfSetSchedule()
{
    QCOMPARE(BackupScheduler::configure(*m_vault, m_alice, QStringLiteral("relative/folder"), 3).code(),
             relais::ErrorCode::InvalidInput);
    QCOMPARE(BackupScheduler::configure(*m_vault, m_alice, m_folder, 0).code(), relais::ErrorCode::InvalidInput);
    QCOMPARE(BackupScheduler::configure(*m_vault, m_alice, m_folder, BackupScheduler::MaxKeep + 1).code(),
             relais::ErrorCode::InvalidInput);
    QCOMPARE(BackupScheduler::schedule(*m_vault).keep, 3); // unchanged
}

void TestBackupScheduler::fullBackupDiskKeepsTheOlderBackups()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs usb(2 * 1024 * 1024);
    QVERIFY2(usb.isMounted(), qPrintable(usb.error()));
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, usb.path(), 3));
    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    QVERIFY(runOnce(scheduler));
    const QString yesterday = usb.filePath(QStringLiteral("relais-2026-03-02.rbk"));
    QFile first(yesterday);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray kept = first.readAll();
    first.close();

    // The next day the USB key is full.
    QVERIFY(usb.fillLeaving(0));
    m_clock->advanceSecs(24 * 3600);
    QString message;
    QVERIFY(runOnce(scheduler, false, &message));
    QCOMPARE(message, relais::Backup::tr("The disk is full: the backup was not written. Free some space, or choose "
                                         "another folder."));
    QCOMPARE(BackupScheduler::lastFailure(*m_vault), message);
    // Yesterday's backup is whole, and no half-written file is left beside it.
    QFile again(yesterday);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), kept);
    QStringList left = filesIn(usb.path()).filter(QStringLiteral("relais-"));
    QCOMPARE(left, QStringList{QStringLiteral("relais-2026-03-02.rbk")});
    QVERIFY(m_vault->database()->integrityCheck());

    // Space freed: the next check backs up, and the failure is no longer shown.
    QVERIFY(usb.removeFiller());
    QVERIFY(runOnce(scheduler));
    QCOMPARE(BackupScheduler::lastFailure(*m_vault), QString());
}

void TestBackupScheduler::fullDataDiskIsSaidAndLosesNothing()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs data(8 * 1024 * 1024);
    QVERIFY2(data.isMounted(), qPrintable(data.error()));
    m_vault.reset();
    m_vault = std::make_unique<Vault>(data.filePath(QStringLiteral("data")), m_clock.get());
    QVERIFY(openAsAlice(*m_vault));
    m_alice = m_vault->account(aliceLogin()).value();
    QVERIFY(BackupScheduler::configure(*m_vault, m_alice, m_folder, 3));
    const QStringList before = filesIn(m_vault->dataDir());

    // The copy is prepared in the data folder: its disk is the full one.
    QVERIFY(data.fillLeaving(0));
    BackupScheduler scheduler(m_vault.get(), m_clock.get());
    QString message;
    QVERIFY(runOnce(scheduler, false, &message));
    QCOMPARE(message, Vault::tr("There is not enough free space in the data folder to prepare the backup (it needs "
                                "about as much as the store itself). Nothing was lost; free some space and try "
                                "again."));
    QCOMPARE(filesIn(m_folder), QStringList());
    QVERIFY(data.removeFiller());
    QCOMPARE(filesIn(m_vault->dataDir()), before); // no copy left behind
    m_vault->close();
    QVERIFY(openAsAlice(*m_vault));
    QVERIFY(m_vault->database()->integrityCheck());
    QVERIFY(m_vault->journal().verify().intact);
}

QTEST_GUILESS_MAIN(TestBackupScheduler)
#include "TestBackupScheduler.moc"
