// Disabling an account re-keys the store (a new data key, the database copied under it, every remaining slot
// resealed). Here the real relais-admin is killed (SIGKILL) at random points of that re-key, 20 times: each time
// the store must open with the remaining accounts, hold every row, and — once opened — no longer open with the
// key that a copy of the old keyslots.json and the disabled account's password give.
#include "AdminRun.h"
#include "FakeClock.h"
#include "KeyFileByHand.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using relais::Account;
using relais::Database;
using relais::KdfParams;
using relais::KeySlots;
using relais::Role;
using relais::SecureBytes;
using relais::Vault;
using namespace relais::test;

namespace {

const QString AdminLogin = QStringLiteral("admin");
const QString AdminPassword = QStringLiteral("Synthetic admin pass 2026");
const QString MediatorLogin = QStringLiteral("mediateur");
const QString MediatorPassword = QStringLiteral("Synthetic mediator pass 2026");
const QString VolunteerLogin = QStringLiteral("benevole");
const QString VolunteerPassword = QStringLiteral("Synthetic volunteer pass 2026");
const QStringList CountedTables = {QStringLiteral("citizens"), QStringLiteral("consents"), QStringLiteral("mandates"),
                                   QStringLiteral("submissions"), QStringLiteral("accounts")};

SecureBytes secret(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecureBytes(utf8.constData(), static_cast<int>(utf8.size()));
}

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!QFile::copy(file, QDir(to).filePath(it.fileName())))
            return false;
    }
    return true;
}

QMap<QString, qint64> rowCounts(const Vault &vault)
{
    QMap<QString, qint64> counts;
    QSqlQuery q(vault.database()->connection());
    for (const QString &table : CountedTables)
        counts.insert(
            table, q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : -1);
    return counts;
}

} // namespace

class TestRekeyKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedReKeyAlwaysLeavesAnOpenableStore();

private:
    QProcess *startDisable(const QString &dataDir);

    TempStoreDir m_template;
    QMap<QString, qint64> m_counts;
    QJsonObject m_oldKeyFile;
};

void TestRekeyKill::initTestCase()
{
    relais::test::FakeClock clock;
    {
        Vault vault(m_template.path(), &clock);
        auto init = vault.initialize(QStringLiteral("France Services Synthétique"), AdminLogin, QString(),
                                     secret(AdminPassword), true, KdfParams::interactive());
        QVERIFY2(init.ok(), qPrintable(init.message()));
        const Account admin = vault.account(AdminLogin).value();
        QVERIFY(vault.addAccount(admin, MediatorLogin, QString(), Role::Mediator, secret(MediatorPassword)).ok());
        QVERIFY(vault.addAccount(admin, VolunteerLogin, QString(), Role::Volunteer, secret(VolunteerPassword)).ok());
    }
    // Synthetic people, consents, mandates and démarches: a store with something to lose.
    const Run seeded = runAdmin({QStringLiteral("seed-demo"), QStringLiteral("--citizens"), QStringLiteral("300"),
                                 QStringLiteral("--data-dir"), m_template.path(), QStringLiteral("--as"), AdminLogin,
                                 QStringLiteral("--password-stdin")},
                                AdminPassword + QLatin1Char('\n'), 300000);
    QVERIFY2(seeded.code == 0, qPrintable(seeded.err));
    Vault vault(m_template.path(), &clock);
    QVERIFY(vault.signIn(MediatorLogin, secret(MediatorPassword)).ok());
    m_counts = rowCounts(vault);
    QVERIFY(m_counts.value(QStringLiteral("citizens")) >= 300);
    QVERIFY(m_counts.value(QStringLiteral("submissions")) > 0);
    m_oldKeyFile = QJsonDocument::fromJson(fileBytes(m_template.file(KeySlots::fileName()))).object();
    const SecureBytes oldKey = unwrapByHand(m_oldKeyFile, VolunteerLogin, VolunteerPassword);
    QVERIFY(keyOpensDatabase(m_template.file(Database::fileName()), oldKey));
}

QProcess *TestRekeyKill::startDisable(const QString &dataDir)
{
    auto *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(RELAIS_ADMIN_PATH),
             {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--login"), VolunteerLogin,
              QStringLiteral("--data-dir"), dataDir, QStringLiteral("--as"), AdminLogin,
              QStringLiteral("--password-stdin")});
    p->waitForStarted();
    p->write((AdminPassword + QLatin1Char('\n')).toUtf8());
    p->closeWriteChannel();
    return p;
}

void TestRekeyKill::killedReKeyAlwaysLeavesAnOpenableStore()
{
    // How long the re-key takes from the moment its copy appears to the end of the process.
    qint64 rekeyMs = 0;
    {
        TempStoreDir dir;
        QVERIFY(copyFolder(m_template.path(), dir.path()));
        QProcess *p = startDisable(dir.path());
        const QString copy = dir.file(Database::pendingCopyName());
        while (!QFile::exists(copy) && !p->waitForFinished(1)) {
        }
        QElapsedTimer timer;
        timer.start();
        QVERIFY(p->waitForFinished(60000));
        rekeyMs = std::max<qint64>(timer.elapsed(), 2);
        QCOMPARE(p->exitCode(), 0);
        delete p;
    }

    relais::test::FakeClock clock;
    const SecureBytes oldKey = unwrapByHand(m_oldKeyFile, VolunteerLogin, VolunteerPassword);
    int killedMidway = 0;
    int copyLeftBehind = 0;
    int committedNotSwapped = 0;
    const QByteArray oldKeyFileBytes = fileBytes(m_template.file(KeySlots::fileName()));
    for (int round = 0; round < 20; ++round) {
        TempStoreDir dir;
        QVERIFY(copyFolder(m_template.path(), dir.path()));
        const QString copy = dir.file(Database::pendingCopyName());
        QProcess *p = startDisable(dir.path());
        while (!QFile::exists(copy) && !p->waitForFinished(1)) {
        }
        const int delayUs = static_cast<int>(QRandomGenerator::global()->bounded(rekeyMs * 1000));
        QThread::usleep(static_cast<unsigned long>(delayUs));
        const bool wasRunning = !p->waitForFinished(0) && p->state() != QProcess::NotRunning;
        p->kill(); // SIGKILL: no destructor, no flush, as a power cut
        p->waitForFinished(10000);
        delete p;
        killedMidway += wasRunning;
        copyLeftBehind += QFile::exists(copy);
        committedNotSwapped += QFile::exists(copy) && fileBytes(dir.file(KeySlots::fileName())) != oldKeyFileBytes;

        // Whoever signs in next, the store opens, whole, and the re-key owed is done.
        Vault vault(dir.path(), &clock);
        auto signedIn = vault.signIn(MediatorLogin, secret(MediatorPassword));
        QVERIFY2(signedIn.ok(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(signedIn.message())));
        QCOMPARE(rowCounts(vault), m_counts);
        QVERIFY(vault.account(VolunteerLogin)->disabled);
        QVERIFY2(vault.journal().verify().intact, qPrintable(relais::Journal::describe(vault.journal().verify())));
        QVERIFY(vault.database()->integrityCheck().ok());
        QVERIFY2(!keyOpensDatabase(dir.file(Database::fileName()), oldKey),
                 qPrintable(QStringLiteral("round %1: the old key file still opens the store").arg(round)));
        QVERIFY(!QFile::exists(copy));
        vault.close();
        Vault admin(dir.path(), &clock);
        QVERIFY(admin.signIn(AdminLogin, secret(AdminPassword)).ok());
        QCOMPARE(admin.signIn(VolunteerLogin, secret(VolunteerPassword)).code(), relais::ErrorCode::NoSuchAccount);
    }
    qInfo("re-key %lld ms; 20 rounds: %d killed while running, %d left a copy behind, %d of them after the commit",
          rekeyMs, killedMidway, copyLeftBehind, committedNotSwapped);
    QVERIFY2(killedMidway > 0, "no round cut the re-key: the test did not test anything");
}

QTEST_GUILESS_MAIN(TestRekeyKill)
#include "TestRekeyKill.moc"
