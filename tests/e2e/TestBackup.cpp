// relais-admin backup / restore, as an administrator runs them: a backup taken while the store is in use, that
// holds no clear byte of a citizen, restores exactly on another data folder with an account's password or the
// recovery code, and never over a live store.
#include "AdminRun.h"
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Backup.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using relais::KdfParams;
using relais::Role;
using relais::SecureBytes;
using relais::Vault;
using namespace relais::test;

namespace {

const QString AdminLogin = QStringLiteral("admin");
const QString AdminPassword = QStringLiteral("Synthetic admin pass 2026");
const QString MediatorLogin = QStringLiteral("mediateur");
const QString MediatorPassword = QStringLiteral("Synthetic mediator pass 2026");

SecureBytes secret(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecureBytes(utf8.constData(), static_cast<int>(utf8.size()));
}

// Every table but the journal and the settings, which gain rows after the copy (the backup's own entry and date,
// the restorer's sign-in): those are checked through the journal's verification instead.
QString dumpWithoutJournal(const Vault &vault)
{
    QStringList rows = dumpTables(vault.database()->connection()).split(QLatin1Char('\n'));
    rows.removeIf([](const QString &row) {
        return row.startsWith(QLatin1String("journal")) || row.startsWith(QLatin1String("settings:"));
    });
    return rows.join(QLatin1Char('\n'));
}

QStringList adminArgs(const QStringList &command, const QString &dataDir, const QString &login = AdminLogin)
{
    return command + QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--as"), login,
                                 QStringLiteral("--password-stdin")};
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupRestoresExactlyWithoutAClearByte();
    void backupTakenWhileTheStoreIsWrittenRestoresWhole();
    void restoreWithTheRecoveryCode();
    void restoreRefusesALiveStoreADamagedFileAndAWrongPassword();
    void backupKilledAtAnyPointLeavesAStoreThatOpens();

private:
    TempStoreDir m_store;
    QString m_recoveryCode;
    QStringList m_seeded; // names, e-mails, NIRs, phones and streets of the synthetic people
};

void TestBackup::initTestCase()
{
    FakeClock clock;
    {
        Vault vault(m_store.path(), &clock);
        auto init = vault.initialize(QStringLiteral("France Services Synthétique"), AdminLogin, QString(),
                                     secret(AdminPassword), true, KdfParams::interactive());
        QVERIFY2(init.ok(), qPrintable(init.message()));
        m_recoveryCode = init->recoveryCode;
        QVERIFY(vault
                    .addAccount(vault.account(AdminLogin).value(), MediatorLogin, QString(), Role::Mediator,
                                secret(MediatorPassword))
                    .ok());
    }
    const Run seeded = runAdmin(
        adminArgs({QStringLiteral("seed-demo"), QStringLiteral("--citizens"), QStringLiteral("120")}, m_store.path()),
        AdminPassword + QLatin1Char('\n'), 300000);
    QVERIFY2(seeded.code == 0, qPrintable(seeded.err));
    Vault vault(m_store.path(), &clock);
    QVERIFY(vault.signIn(AdminLogin, secret(AdminPassword)).ok());
    QSqlQuery q(vault.database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT birth_name, given_names, email, nir, phone, street FROM citizens")));
    while (q.next()) {
        for (int i = 0; i < 6; ++i) {
            const QString value = q.value(i).toString();
            if (value.size() >= 6) // long enough not to match by chance in random bytes
                m_seeded.append(value);
        }
    }
    QVERIFY(m_seeded.size() > 300);
}

void TestBackup::backupRestoresExactlyWithoutAClearByte()
{
    TempStoreDir out;
    const QString file = out.file(QStringLiteral("relais-sauvegarde.rbk"));
    const Run made = runAdmin(adminArgs({QStringLiteral("backup"), QStringLiteral("--out"), file}, m_store.path()),
                              AdminPassword + QLatin1Char('\n'));
    QVERIFY2(made.code == 0, qPrintable(made.err));
    QCOMPARE(dirEntries(out.path()), QStringList{QStringLiteral("relais-sauvegarde.rbk")}); // nothing left beside it
    QVERIFY(!QFile::exists(QDir(m_store.path()).filePath(QStringLiteral("relais.db.backup"))));
    const QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.size() > 100 * 1024);
    for (const QString &value : std::as_const(m_seeded)) {
        QVERIFY2(!bytes.contains(value.toUtf8()), "a citizen's data is in clear in the backup");
        QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char *>(value.utf16()), value.size() * 2)));
    }

    TempStoreDir other; // "another PC"
    const QString target = other.file(QStringLiteral("restored"));
    const Run restored =
        runAdmin(adminArgs({QStringLiteral("restore"), QStringLiteral("--in"), file}, target, MediatorLogin),
                 MediatorPassword + QLatin1Char('\n'));
    QVERIFY2(restored.code == 0, qPrintable(restored.err + restored.out));
    QVERIFY(restored.out.contains(QStringLiteral("intact")));

    FakeClock clock;
    Vault original(m_store.path(), &clock);
    QVERIFY(original.signIn(AdminLogin, secret(AdminPassword)).ok());
    QVERIFY(!original.setting(Vault::lastBackupSetting()).isEmpty());
    Vault copy(target, &clock);
    QVERIFY(copy.signIn(AdminLogin, secret(AdminPassword)).ok());
    QCOMPARE(dumpWithoutJournal(copy), dumpWithoutJournal(original));
    QVERIFY(copy.journal().verify().intact);
    QVERIFY(copy.database()->integrityCheck().ok());
}

void TestBackup::backupTakenWhileTheStoreIsWrittenRestoresWhole()
{
    TempStoreDir busy;
    for (const QString &name : relais::Backup::partNames())
        QVERIFY(QFile::copy(m_store.file(name), busy.file(name)));
    // A writer on the same store during the backup: more synthetic people arriving, one transaction each.
    QProcess writer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    writer.setProcessEnvironment(env);
    writer.start(
        QStringLiteral(RELAIS_ADMIN_PATH),
        adminArgs({QStringLiteral("seed-demo"), QStringLiteral("--citizens"), QStringLiteral("60")}, busy.path()));
    QVERIFY(writer.waitForStarted());
    writer.write((AdminPassword + QLatin1Char('\n')).toUtf8());
    writer.closeWriteChannel();
    TempStoreDir out;
    int backups = 0;
    bool writerDone = false;
    // Backups one after the other for as long as the writer writes: at least one lands in the middle.
    do {
        const QString file = out.file(QStringLiteral("b%1.rbk").arg(backups));
        const Run made = runAdmin(adminArgs({QStringLiteral("backup"), QStringLiteral("--out"), file}, busy.path()),
                                  AdminPassword + QLatin1Char('\n'));
        QVERIFY2(made.code == 0, qPrintable(made.err));
        ++backups;
        writerDone = writer.waitForFinished(10);
    } while (!writerDone && backups < 20);
    if (!writerDone)
        QVERIFY(writer.waitForFinished(300000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    QVERIFY(backups >= 2);
    for (int i = 0; i < backups; ++i) {
        TempStoreDir other;
        const QString target = other.file(QStringLiteral("restored"));
        const Run restored = runAdmin(
            adminArgs({QStringLiteral("restore"), QStringLiteral("--in"), out.file(QStringLiteral("b%1.rbk").arg(i))},
                      target),
            AdminPassword + QLatin1Char('\n'));
        QVERIFY2(restored.code == 0, qPrintable(QStringLiteral("backup %1: %2").arg(i).arg(restored.err)));
        FakeClock clock;
        Vault copy(target, &clock);
        QVERIFY(copy.signIn(AdminLogin, secret(AdminPassword)).ok());
        QVERIFY(copy.journal().verify().intact);
        QVERIFY(copy.database()->integrityCheck().ok());
    }
}

void TestBackup::restoreWithTheRecoveryCode()
{
    TempStoreDir out;
    const QString file = out.file(QStringLiteral("b.rbk"));
    QCOMPARE(runAdmin(adminArgs({QStringLiteral("backup"), QStringLiteral("--out"), file}, m_store.path()),
                      AdminPassword + QLatin1Char('\n'))
                 .code,
             0);
    const QString target = out.file(QStringLiteral("restored"));
    const Run restored = runAdmin({QStringLiteral("restore"), QStringLiteral("--in"), file,
                                   QStringLiteral("--data-dir"), target, QStringLiteral("--recovery")},
                                  m_recoveryCode + QLatin1Char('\n'));
    QVERIFY2(restored.code == 0, qPrintable(restored.err));
    FakeClock clock;
    Vault copy(target, &clock);
    QVERIFY(copy.signIn(MediatorLogin, secret(MediatorPassword)).ok());
}

void TestBackup::restoreRefusesALiveStoreADamagedFileAndAWrongPassword()
{
    TempStoreDir out;
    const QString file = out.file(QStringLiteral("b.rbk"));
    QCOMPARE(runAdmin(adminArgs({QStringLiteral("backup"), QStringLiteral("--out"), file}, m_store.path()),
                      AdminPassword + QLatin1Char('\n'))
                 .code,
             0);
    // Over a live store: refused, the store untouched.
    const QByteArray before = fileBytes(m_store.file(QStringLiteral("keyslots.json")));
    const Run overLive = runAdmin(adminArgs({QStringLiteral("restore"), QStringLiteral("--in"), file}, m_store.path()),
                                  AdminPassword + QLatin1Char('\n'));
    QCOMPARE(overLive.code, 4);
    QVERIFY(overLive.err.contains(QStringLiteral("already holds a store")));
    QCOMPARE(fileBytes(m_store.file(QStringLiteral("keyslots.json"))), before);

    // A damaged file (one byte of the database changed, or cut short): refused, nothing left behind.
    QByteArray damaged = fileBytes(file);
    damaged[damaged.size() - 5000] = static_cast<char>(damaged.at(damaged.size() - 5000) ^ 0x20);
    for (const QByteArray &bad : {damaged, fileBytes(file).left(fileBytes(file).size() / 2)}) {
        const QString badFile = out.file(QStringLiteral("bad.rbk"));
        QVERIFY(writeBytes(badFile, bad));
        const QString target = out.file(QStringLiteral("target"));
        const Run refused = runAdmin(adminArgs({QStringLiteral("restore"), QStringLiteral("--in"), badFile}, target),
                                     AdminPassword + QLatin1Char('\n'));
        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.err.contains(QStringLiteral("not a complete Relais backup")), qPrintable(refused.err));
        QVERIFY(!Vault(target, relais::SystemClock::instance()).storeExists());
    }
    // The right file, a wrong password: nothing is left that would look like a store.
    const QString target = out.file(QStringLiteral("wrong"));
    const Run wrong = runAdmin(adminArgs({QStringLiteral("restore"), QStringLiteral("--in"), file}, target),
                               QStringLiteral("not the password at all\n"));
    QCOMPARE(wrong.code, 3);
    QVERIFY(!Vault(target, relais::SystemClock::instance()).storeExists());
}

void TestBackup::backupKilledAtAnyPointLeavesAStoreThatOpens()
{
    TempStoreDir busy;
    for (const QString &name : relais::Backup::partNames())
        QVERIFY(QFile::copy(m_store.file(name), busy.file(name)));
    TempStoreDir out;
    const QString file = out.file(QStringLiteral("daily.rbk"));
    const QStringList args = adminArgs({QStringLiteral("backup"), QStringLiteral("--out"), file}, busy.path());
    // How long one whole backup takes here (the faster of two: the first one reads a cold disk), so that the kills
    // land all along it; on a loaded machine a backup only gets slower, so kills before 80 % of it land inside.
    qint64 fastest = -1;
    for (int i = 0; i < 2; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Run whole = runAdmin(args, AdminPassword + QLatin1Char('\n'));
        QVERIFY2(whole.code == 0, qPrintable(whole.err));
        fastest = fastest < 0 ? timer.elapsed() : qMin(fastest, timer.elapsed());
    }
    const int span = int(qMax<qint64>(fastest, 200));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    QRandomGenerator random(20260318);
    int interrupted = 0;
    // A power cut at any point of a backup, 20 times: the store opens whole each time, and the backup's name holds
    // either the previous complete backup or the new one, never half of one.
    for (int round = 0; round < 20; ++round) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RELAIS_ADMIN_PATH), args);
        QVERIFY(p.waitForStarted(5000));
        p.write((AdminPassword + QLatin1Char('\n')).toUtf8());
        p.closeWriteChannel();
        if (p.waitForFinished(int(random.bounded(span * 4 / 5)))) {
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        } else {
            p.kill(); // SIGKILL: no destructor, no flush, as a power cut
            QVERIFY(p.waitForFinished(5000));
            ++interrupted;
        }
        FakeClock clock;
        {
            Vault vault(busy.path(), &clock);
            QVERIFY2(vault.signIn(AdminLogin, secret(AdminPassword)).ok(), qPrintable(QString::number(round)));
            QVERIFY(vault.database()->integrityCheck().ok());
            QVERIFY(vault.journal().verify().intact);
        }
        TempStoreDir other;
        auto restored = relais::Backup::restore(file, other.file(QStringLiteral("restored")));
        QVERIFY2(restored, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(restored.message())));
    }
    QVERIFY2(interrupted >= 8, qPrintable(QStringLiteral("only %1 kills landed during a backup").arg(interrupted)));
    // Left over by the kills: nothing that stops the next backup.
    const Run after = runAdmin(args, AdminPassword + QLatin1Char('\n'));
    QVERIFY2(after.code == 0, qPrintable(after.err));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
