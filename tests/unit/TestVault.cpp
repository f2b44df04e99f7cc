#include "FakeClock.h"
#include "KeyFileByHand.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TinyTmpfs.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/SqlCipherDriver.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using relais::Account;
using relais::Database;
using relais::ErrorCode;
using relais::KdfParams;
using relais::KeySlots;
using relais::Role;
using relais::SecureBytes;
using relais::Vault;
using namespace relais::test;

namespace {

SecureBytes secret(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecureBytes(utf8.constData(), static_cast<int>(utf8.size()));
}

const QString Structure = QStringLiteral("France Services Test");
const QString AdminLogin = QStringLiteral("admin.test");
const QString AdminPassword = QStringLiteral("Synthetic admin pass 2026");
const QString MediatorLogin = QStringLiteral("mediateur.test");
const QString MediatorName = QStringLiteral("Médiateur Synthétique");
const QString MediatorPassword = QStringLiteral("mediator-password-XYZ-17");
const QString VolunteerLogin = QStringLiteral("benevole.test");
const QString VolunteerPassword = QStringLiteral("volunteer pass phrase 2026");
const QString PhoneSetting = QStringLiteral("structure.phone");

QString recoveryFormat()
{
    return QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$");
}

bool copyStore(const QString &from, const QString &to)
{
    for (const QString &name : {Database::fileName(), KeySlots::fileName(), relais::Journal::anchorFileName()}) {
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

QJsonObject slotOf(const QString &keyslotsPath, const QString &type, const QString &login = QString())
{
    const QJsonArray keyFile =
        QJsonDocument::fromJson(fileBytes(keyslotsPath)).object().value(QStringLiteral("slots")).toArray();
    for (const QJsonValue &v : keyFile) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("type")).toString() == type &&
            (login.isEmpty() || o.value(QStringLiteral("login")).toString() == login))
            return o;
    }
    return QJsonObject();
}

QStringList journalActions(const Vault &vault)
{
    QStringList out;
    QSqlQuery q(vault.database()->connection());
    q.exec(QStringLiteral("SELECT actor || ' ' || action FROM journal ORDER BY id"));
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

// A Vault whose new slots use the fast test cost, as initialize(..., interactive()) does for its own.
class FastVault : public Vault
{
public:
    FastVault(const QString &dataDir, const relais::Clock *clock) : Vault(dataDir, clock)
    {
        setKdfParams(KdfParams::interactive());
    }
};

} // namespace

class TestVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // set-up
    void initializeCreatesAStoreAndReturnsTheRecoveryCodeOnce();
    void initializeRefusesBadInputAndCreatesNothing_data();
    void initializeRefusesBadInputAndCreatesNothing();
    void initializeOverAnExistingStoreChangesNothing_data();
    void initializeOverAnExistingStoreChangesNothing();
    void unwritableDataDirIsIo();
    void fullDiskDuringInitializeLeavesNoHalfStore();

    // sign-in and accounts
    void signInWithTheRightPassword();
    void signInWithAWrongPassword();
    void addedAccountsSignInWithTheirRoleFromTheStore();
    void nonAdminCannotAdministrate();
    void addAccountRefusals();
    void changeOwnPasswordRewrapsOnly();
    void adminChangesAnotherPassword();
    void disabledAccountCannotSignIn();
    void ownAndLastAdminCannotBeDisabled();
    void disabledAccountWithAnOldSlotLeavesTheStoreClosed();
    void oldKeyFileAndDisabledPasswordNoLongerDecrypt();
    void loweredRoleReKeysRaisedRoleDoesNot();
    void reKeyKeepsEveryRowAndTheJournal();
    void reKeyCutAfterItsCommitIsFinishedAtUnlock();
    void reKeyCutBeforeItsCommitIsRedoneAtUnlock();
    void noPasswordIsEverWrittenInTheDataFolder();
    void editedKeyFileIsRefusedAtUnlock();
    void olderKeyFileIsSealedOnceAndCannotReplaceASealedOne();
    void backupLetsTheKioskGoOnSaving();
    void passwordPolicy_data();
    void passwordPolicy();
    void loginRules_data();
    void loginRules();

    // recovery
    void recoveryCodeOpensAndListsAdmins();
    void usedRecoveryCodeReKeys();
    void wrongRecoveryCodeIsRefusedAndThrottled();

    // throttling and journal
    void throttlingAfterFiveFailures();
    void throttleSurvivesRestartAndCountsWhileClosed();
    void journalRecordsSignInsWithoutSecrets();
    void passwordTypedAsLoginIsNeverWrittenDown();

    // damaged or foreign files
    void plainSqliteFileIsNotAStore();
    void randomBytesFileIsRefused_data();
    void randomBytesFileIsRefused();
    void truncatedStoreIsCorrupt_data();
    void truncatedStoreIsCorrupt();
    void missingKeySlotsIsNotANewStore();
    void damagedKeySlotsIsReported();

private:
    QString dir() const { return m_dir->path(); }
    QString dbPath() const { return m_dir->file(Database::fileName()); }
    QString slotsPath() const { return m_dir->file(KeySlots::fileName()); }
    Account signInOrFail(Vault &vault, const QString &login, const QString &password);

    TempStoreDir m_template; // admin, mediator, volunteer, one setting
    QString m_recoveryCode;
    std::unique_ptr<TempStoreDir> m_dir;
    std::unique_ptr<FakeClock> m_clock;
};

Account TestVault::signInOrFail(Vault &vault, const QString &login, const QString &password)
{
    auto account = vault.signIn(login, secret(password));
    if (!account.ok())
        qWarning("sign-in failed: %s", qPrintable(account.message()));
    return account.ok() ? account.value() : Account();
}

void TestVault::initTestCase()
{
    FakeClock clock;
    FastVault vault(m_template.path(), &clock);
    auto init = vault.initialize(Structure, AdminLogin, QStringLiteral("Admin Test"), secret(AdminPassword), false,
                                 KdfParams::interactive());
    QVERIFY2(init.ok(), qPrintable(init.message()));
    m_recoveryCode = init->recoveryCode;
    auto admin = vault.account(AdminLogin);
    QVERIFY(admin.ok());
    auto s = vault.addAccount(admin.value(), MediatorLogin, MediatorName, Role::Mediator, secret(MediatorPassword));
    QVERIFY2(s.ok(), qPrintable(s.message()));
    s = vault.addAccount(admin.value(), VolunteerLogin, QStringLiteral("Bénévole Test"), Role::Volunteer,
                         secret(VolunteerPassword));
    QVERIFY2(s.ok(), qPrintable(s.message()));
    s = vault.setSetting(admin.value(), PhoneSetting, QStringLiteral("01 00 00 00 00"));
    QVERIFY2(s.ok(), qPrintable(s.message()));
}

void TestVault::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_clock = std::make_unique<FakeClock>();
    QVERIFY(copyStore(m_template.path(), dir()));
}

void TestVault::cleanup()
{
    m_dir.reset();
    m_clock.reset();
}

// ---------------------------------------------------------------------------------------------- set-up

void TestVault::initializeCreatesAStoreAndReturnsTheRecoveryCodeOnce()
{
    TempStoreDir fresh;
    const QString data = fresh.file(QStringLiteral("data/relais")); // created on the way
    FastVault vault(data, m_clock.get());
    QVERIFY(!vault.storeExists());
    auto init = vault.initialize(QStringLiteral("  ") + Structure, AdminLogin, QStringLiteral("Admin Test"),
                                 secret(AdminPassword), false, KdfParams::interactive());
    QVERIFY2(init.ok(), qPrintable(init.message()));
    const QString code = init->recoveryCode;
    QVERIFY2(QRegularExpression(recoveryFormat()).match(code).hasMatch(), "recovery code not in 6 groups of 5");
    QVERIFY(vault.storeExists());
    QVERIFY(vault.isOpen());
    // While open, SQLite's write-ahead log sits beside the database (its frames are encrypted pages).
    QCOMPARE(dirEntries(data), (QStringList{relais::Journal::anchorFileName(), KeySlots::fileName(),
                                            Database::fileName(), Database::fileName() + QStringLiteral("-shm"),
                                            Database::fileName() + QStringLiteral("-wal")}));
    QCOMPARE(vault.keySlots().structureName(), Structure);

    auto admin = vault.account(AdminLogin);
    QVERIFY(admin.ok());
    QCOMPARE(admin->role, Role::Admin);
    QCOMPARE(admin->displayName, QStringLiteral("Admin Test"));
    QVERIFY(!admin->disabled);
    QCOMPARE(journalActions(vault),
             (QStringList{QStringLiteral("admin.test store_created"), QStringLiteral("admin.test account_created")}));
    QVERIFY(vault.journal().verify().intact);

    // Shown once: written nowhere in the folder, in any typing.
    QString joined = code;
    joined.remove(QLatin1Char('-'));
    for (const QString &name : dirEntries(data)) {
        const QByteArray bytes = fileBytes(QDir(data).filePath(name));
        QVERIFY(!bytes.contains(code.toLatin1()));
        QVERIFY(!bytes.contains(joined.toLatin1()));
    }
    vault.close();
    QVERIFY(!vault.isOpen());
    // Closing checkpoints the log into the database and removes it.
    QCOMPARE(dirEntries(data),
             (QStringList{relais::Journal::anchorFileName(), KeySlots::fileName(), Database::fileName()}));

    // The folder opens again after a restart, with the password and with the code.
    FastVault restarted(data, m_clock.get());
    QCOMPARE(signInOrFail(restarted, AdminLogin, AdminPassword).role, Role::Admin);
    FastVault recovering(data, m_clock.get());
    QVERIFY(recovering.recover(code).ok());
}

void TestVault::initializeRefusesBadInputAndCreatesNothing_data()
{
    QTest::addColumn<QString>("structure");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("no structure") << QStringLiteral("   ") << AdminLogin << AdminPassword << ErrorCode::InvalidInput;
    QTest::newRow("bad login") << Structure << QStringLiteral("Admin Test") << AdminPassword << ErrorCode::InvalidInput;
    QTest::newRow("short password") << Structure << AdminLogin << QStringLiteral("short pass!")
                                    << ErrorCode::WeakPassword;
    QTest::newRow("password is login") << Structure << QStringLiteral("administrateur")
                                       << QStringLiteral("Administrateur") << ErrorCode::WeakPassword;
}

void TestVault::initializeRefusesBadInputAndCreatesNothing()
{
    QFETCH(QString, structure);
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(ErrorCode, code);
    TempStoreDir fresh;
    FastVault vault(fresh.path(), m_clock.get());
    auto init = vault.initialize(structure, login, QString(), secret(password), false, KdfParams::interactive());
    QCOMPARE(init.code(), code);
    QVERIFY(!init.message().isEmpty());
    QVERIFY(!vault.storeExists());
    QVERIFY(!vault.isOpen());
    QCOMPARE(dirEntries(fresh.path()), QStringList());
}

void TestVault::initializeOverAnExistingStoreChangesNothing_data()
{
    QTest::addColumn<bool>("removeDb");
    QTest::addColumn<bool>("removeSlots");
    QTest::newRow("whole store") << false << false;
    QTest::newRow("only relais.db left") << false << true;
    QTest::newRow("only keyslots.json left") << true << false;
}

void TestVault::initializeOverAnExistingStoreChangesNothing()
{
    QFETCH(bool, removeDb);
    QFETCH(bool, removeSlots);
    if (removeDb)
        QVERIFY(QFile::remove(dbPath()));
    if (removeSlots)
        QVERIFY(QFile::remove(slotsPath()));
    const QStringList files = dirEntries(dir());
    const QByteArray db = fileBytes(dbPath());
    const QByteArray keyFile = fileBytes(slotsPath());

    FastVault vault(dir(), m_clock.get());
    QVERIFY(vault.storeExists());
    auto init = vault.initialize(Structure, QStringLiteral("intrus.test"), QString(),
                                 secret(QStringLiteral("another synthetic password")), false, KdfParams::interactive());
    QCOMPARE(init.code(), ErrorCode::StoreExists);
    QVERIFY(!init.message().isEmpty());
    QVERIFY(!vault.isOpen());
    QCOMPARE(dirEntries(dir()), files);
    QCOMPARE(fileBytes(dbPath()), db);
    QCOMPARE(fileBytes(slotsPath()), keyFile);
    if (!removeDb && !removeSlots)
        QCOMPARE(signInOrFail(vault, AdminLogin, AdminPassword).login, AdminLogin);
}

void TestVault::unwritableDataDirIsIo()
{
    // Root ignores permissions, but nobody can create a folder below a regular file.
    QVERIFY(writeBytes(m_dir->file(QStringLiteral("a-file")), QByteArrayLiteral("x")));
    const QString data = m_dir->file(QStringLiteral("a-file/relais"));
    FastVault vault(data, m_clock.get());
    QVERIFY(!vault.storeExists());
    auto init =
        vault.initialize(Structure, AdminLogin, QString(), secret(AdminPassword), false, KdfParams::interactive());
    QCOMPARE(init.code(), ErrorCode::Io);
    QVERIFY(init.message().contains(QStringLiteral("a-file")));
    QVERIFY(!vault.isOpen());
    QCOMPARE(fileBytes(m_dir->file(QStringLiteral("a-file"))), QByteArrayLiteral("x"));
}

void TestVault::fullDiskDuringInitializeLeavesNoHalfStore()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(768 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    // Fill the disk so that only `free` bytes are left, for growing `free`, until set-up fits: every
    // failure on the way (creating the database, migrating, the first account, keyslots.json) must be
    // clean, and a retry after freeing space must work in the same folder.
    int failures = 0;
    bool succeeded = false;
    QList<ErrorCode> codes;
    for (qint64 free = 0; free <= 512 * 1024 && !succeeded; free += 8 * 1024) {
        const QString data = fs.filePath(QStringLiteral("data-%1").arg(free));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(fs.fillLeaving(free));
        {
            FastVault vault(data, m_clock.get());
            auto init = vault.initialize(Structure, AdminLogin, QString(), secret(AdminPassword), false,
                                         KdfParams::interactive());
            if (init.ok()) {
                succeeded = true;
                vault.close();
                FastVault check(data, m_clock.get());
                QCOMPARE(signInOrFail(check, AdminLogin, AdminPassword).login, AdminLogin);
                continue;
            }
            ++failures;
            codes.append(init.code());
            qInfo("set-up with %lld bytes free: refused with code %d", free, static_cast<int>(init.code()));
            QVERIFY2(init.code() == ErrorCode::DiskFull || init.code() == ErrorCode::Io,
                     qPrintable(QStringLiteral("free %1: code %2, %3")
                                    .arg(free)
                                    .arg(static_cast<int>(init.code()))
                                    .arg(init.message())));
            QVERIFY(!init.message().isEmpty());
            QVERIFY(!vault.isOpen());
            QVERIFY2(!vault.storeExists(),
                     qPrintable(QStringLiteral("free %1: left %2").arg(free).arg(dirEntries(data).join(u' '))));
            QCOMPARE(dirEntries(data), QStringList());
        }
        // Space freed: the same folder takes a store now (checked for every third failure, for speed).
        QVERIFY(fs.removeFiller());
        if (failures % 3 != 1) {
            QVERIFY(QDir(data).removeRecursively());
            continue;
        }
        FastVault retry(data, m_clock.get());
        auto again =
            retry.initialize(Structure, AdminLogin, QString(), secret(AdminPassword), false, KdfParams::interactive());
        QVERIFY2(again.ok(), qPrintable(again.message()));
        retry.close();
        QVERIFY(QDir(data).removeRecursively());
    }
    QVERIFY2(succeeded, "set-up never fitted in 512 KiB");
    QVERIFY2(failures >= 3, "the disk never filled up in the middle of set-up");
    QCOMPARE(codes.first(), ErrorCode::DiskFull); // nothing at all free: the person reads "disk full"
}

// -------------------------------------------------------------------------------------- sign-in, accounts

void TestVault::signInWithTheRightPassword()
{
    FastVault vault(dir(), m_clock.get());
    QVERIFY(!vault.isOpen());
    auto account = vault.signIn(AdminLogin, secret(AdminPassword));
    QVERIFY2(account.ok(), qPrintable(account.message()));
    QCOMPARE(account->login, AdminLogin);
    QCOMPARE(account->role, Role::Admin);
    QVERIFY(vault.isOpen());
    QCOMPARE(vault.setting(PhoneSetting), QStringLiteral("01 00 00 00 00"));
    QCOMPARE(journalActions(vault).last(), QStringLiteral("admin.test sign_in"));
}

void TestVault::signInWithAWrongPassword()
{
    FastVault vault(dir(), m_clock.get());
    for (const QString &wrong : {AdminPassword.toUpper(), MediatorPassword, QString()}) {
        auto account = vault.signIn(AdminLogin, secret(wrong));
        QCOMPARE(account.code(), ErrorCode::WrongPassword);
        QVERIFY(!account.message().isEmpty());
        QVERIFY(!vault.isOpen());
    }
    // Another account's password does not open this one, but its own still does.
    QCOMPARE(signInOrFail(vault, AdminLogin, AdminPassword).login, AdminLogin);
}

void TestVault::addedAccountsSignInWithTheirRoleFromTheStore()
{
    {
        FastVault vault(dir(), m_clock.get());
        const Account mediator = signInOrFail(vault, MediatorLogin, MediatorPassword);
        QCOMPARE(mediator.role, Role::Mediator);
        QCOMPARE(mediator.displayName, MediatorName);
        FastVault other(dir(), m_clock.get());
        QCOMPARE(signInOrFail(other, VolunteerLogin, VolunteerPassword).role, Role::Volunteer);
        // The role lives in the encrypted store, not in keyslots.json: change it there.
        QCOMPARE(execSql(vault.database()->connection(),
                         QStringLiteral("UPDATE accounts SET role = 'mediator' WHERE login = 'benevole.test'")),
                 QString());
    }
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(signInOrFail(vault, VolunteerLogin, VolunteerPassword).role, Role::Mediator);
}

void TestVault::nonAdminCannotAdministrate()
{
    FastVault vault(dir(), m_clock.get());
    Account mediator = signInOrFail(vault, MediatorLogin, MediatorPassword);
    QCOMPARE(mediator.role, Role::Mediator);
    const QByteArray keyFile = fileBytes(slotsPath());
    const QString before = dumpTables(vault.database()->connection());

    // Also when the caller claims to be an admin: the store says who is.
    Account forged = mediator;
    forged.role = Role::Admin;
    for (const Account &actor : {mediator, forged}) {
        auto added = vault.addAccount(actor, QStringLiteral("nouveau.test"), QString(), Role::Admin,
                                      secret(QStringLiteral("new account password")));
        QCOMPARE(added.code(), ErrorCode::PermissionDenied);
        QVERIFY(!added.message().isEmpty());
        QCOMPARE(vault.setDisabled(actor, VolunteerLogin, true).code(), ErrorCode::PermissionDenied);
        QCOMPARE(vault.changePassword(actor, AdminLogin, secret(QStringLiteral("taken over password"))).code(),
                 ErrorCode::PermissionDenied);
        QCOMPARE(vault.setSetting(actor, PhoneSetting, QStringLiteral("02")).code(), ErrorCode::PermissionDenied);
        QCOMPARE(vault.renewRecoveryCode(actor).code(), ErrorCode::PermissionDenied);
    }
    QCOMPARE(fileBytes(slotsPath()), keyFile);
    QCOMPARE(dumpTables(vault.database()->connection()), before);
    QVERIFY(!vault.keySlots().hasPasswordSlot(QStringLiteral("nouveau.test")));
}

void TestVault::addAccountRefusals()
{
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    const QByteArray keyFile = fileBytes(slotsPath());
    struct Case
    {
        QString login;
        QString password;
        ErrorCode code;
    };
    const QList<Case> cases = {
        {MediatorLogin, QStringLiteral("some other password"), ErrorCode::AccountExists},
        {QStringLiteral("Nouveau"), QStringLiteral("some other password"), ErrorCode::InvalidInput},
        {QStringLiteral("nouveau.test"), QStringLiteral("elevenchars"), ErrorCode::WeakPassword},
        {QStringLiteral("nouveau.test"), QStringLiteral("NOUVEAU.TEST"), ErrorCode::WeakPassword},
    };
    for (const Case &c : cases) {
        auto added = vault.addAccount(admin, c.login, QString(), Role::Volunteer, secret(c.password));
        QCOMPARE(added.code(), c.code);
        QVERIFY(!added.message().isEmpty());
    }
    QCOMPARE(fileBytes(slotsPath()), keyFile);
    QCOMPARE(vault.accounts()->size(), 3);
    // And one that is fine, to show the refusals were not all for one reason.
    QVERIFY(vault
                .addAccount(admin, QStringLiteral("nouveau.test"), QString(), Role::Volunteer,
                            secret(QStringLiteral("some other password")))
                .ok());
    QCOMPARE(vault.accounts()->size(), 4);
}

void TestVault::changeOwnPasswordRewrapsOnly()
{
    const QString newPassword = QStringLiteral("a new synthetic admin passphrase");
    const QJsonObject mediatorSlot = slotOf(slotsPath(), QStringLiteral("password"), MediatorLogin);
    const QJsonObject recoverySlot = slotOf(slotsPath(), QStringLiteral("recovery"));
    const QString storeId =
        QJsonDocument::fromJson(fileBytes(slotsPath())).object().value(QStringLiteral("store_id")).toString();
    QString before;
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        before = dumpTables(vault.database()->connection());
        const auto changed = vault.changePassword(admin, AdminLogin, secret(newPassword));
        QVERIFY2(changed.ok(), qPrintable(changed.message()));
    }
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(vault.signIn(AdminLogin, secret(AdminPassword)).code(), ErrorCode::WrongPassword);
    QCOMPARE(signInOrFail(vault, AdminLogin, newPassword).login, AdminLogin);
    // Same data key: everything is readable, the other keyFile are byte for byte the same.
    QCOMPARE(vault.setting(PhoneSetting), QStringLiteral("01 00 00 00 00"));
    QCOMPARE(vault.accounts()->size(), 3);
    QCOMPARE(slotOf(slotsPath(), QStringLiteral("password"), MediatorLogin), mediatorSlot);
    QCOMPARE(slotOf(slotsPath(), QStringLiteral("recovery")), recoverySlot);
    QCOMPARE(QJsonDocument::fromJson(fileBytes(slotsPath())).object().value(QStringLiteral("store_id")).toString(),
             storeId);
    FastVault other(dir(), m_clock.get());
    QCOMPARE(signInOrFail(other, MediatorLogin, MediatorPassword).login, MediatorLogin);
    // The store's content changed only by the journal row and the password date.
    const QString after = dumpTables(vault.database()->connection());
    QVERIFY(after.contains(QStringLiteral("action=password_changed")));
    QVERIFY(after.contains(QStringLiteral("value=01 00 00 00 00")));
    QVERIFY(!before.contains(QStringLiteral("action=password_changed")));
}

void TestVault::adminChangesAnotherPassword()
{
    const QString newPassword = QStringLiteral("reset by the administrator");
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(vault.changePassword(admin, MediatorLogin, secret(newPassword)).ok());
        // The mediator changes their own password: allowed without being admin.
        FastVault own(dir(), m_clock.get());
        const Account mediator = signInOrFail(own, MediatorLogin, newPassword);
        QCOMPARE(mediator.login, MediatorLogin);
        auto weak = own.changePassword(mediator, MediatorLogin, secret(QStringLiteral("tooshort")));
        QCOMPARE(weak.code(), ErrorCode::WeakPassword);
        QVERIFY(!weak.message().isEmpty());
        QVERIFY(own.changePassword(mediator, MediatorLogin, secret(MediatorPassword + QStringLiteral("-v2"))).ok());
    }
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(vault.signIn(MediatorLogin, secret(MediatorPassword)).code(), ErrorCode::WrongPassword);
    QCOMPARE(vault.signIn(MediatorLogin, secret(newPassword)).code(), ErrorCode::WrongPassword);
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword + QStringLiteral("-v2")).login, MediatorLogin);
}

void TestVault::disabledAccountCannotSignIn()
{
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        const auto disabled = vault.setDisabled(admin, VolunteerLogin, true);
        QVERIFY2(disabled.ok(), qPrintable(disabled.message()));
        QVERIFY(vault.account(VolunteerLogin)->disabled);
        // Enabling again goes through a new password, not a switch.
        auto enable = vault.setDisabled(admin, VolunteerLogin, false);
        QCOMPARE(enable.code(), ErrorCode::InvalidInput);
        QVERIFY(!enable.message().isEmpty());
        // A disabled account's password cannot be changed either.
        QCOMPARE(vault.changePassword(admin, VolunteerLogin, secret(QStringLiteral("revived volunteer pass"))).code(),
                 ErrorCode::AccountDisabled);
    }
    FastVault vault(dir(), m_clock.get());
    auto refused = vault.signIn(VolunteerLogin, secret(VolunteerPassword));
    QVERIFY(!refused.ok());
    QVERIFY(refused.code() == ErrorCode::NoSuchAccount || refused.code() == ErrorCode::AccountDisabled);
    QVERIFY(!refused.message().isEmpty());
    QVERIFY(!vault.isOpen());
    QVERIFY(slotOf(slotsPath(), QStringLiteral("password"), VolunteerLogin).isEmpty()); // its slot is gone
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
}

void TestVault::ownAndLastAdminCannotBeDisabled()
{
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    auto self = vault.setDisabled(admin, AdminLogin, true);
    QCOMPARE(self.code(), ErrorCode::PermissionDenied);
    QVERIFY(!self.message().isEmpty());
    QVERIFY(!vault.account(AdminLogin)->disabled);

    // With a second admin, each can disable the other but never the last one standing.
    const QString secondPassword = QStringLiteral("second admin password");
    QVERIFY(
        vault.addAccount(admin, QStringLiteral("admin2.test"), QString(), Role::Admin, secret(secondPassword)).ok());
    FastVault second(dir(), m_clock.get());
    const Account admin2 = signInOrFail(second, QStringLiteral("admin2.test"), secondPassword);
    QVERIFY(second.setDisabled(admin2, AdminLogin, true).ok());
    QCOMPARE(second.setDisabled(admin2, QStringLiteral("admin2.test"), true).code(), ErrorCode::PermissionDenied);
    // The first admin, now disabled, has no say any more (the store is read afresh, not the old Account).
    QCOMPARE(second.setDisabled(admin, QStringLiteral("admin2.test"), true).code(), ErrorCode::PermissionDenied);
    QVERIFY(!second.account(QStringLiteral("admin2.test"))->disabled);
    int enabledAdmins = 0;
    const auto all = second.accounts();
    QVERIFY(all.ok());
    for (const Account &a : all.value())
        enabledAdmins += a.isAdmin() && !a.disabled;
    QCOMPARE(enabledAdmins, 1);
}

void TestVault::disabledAccountWithAnOldSlotLeavesTheStoreClosed()
{
    // A keyslots.json restored from an old backup still holds the volunteer's slot.
    const QByteArray oldSlots = fileBytes(slotsPath());
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(vault.setDisabled(admin, VolunteerLogin, true).ok());
    }
    QVERIFY(writeBytes(slotsPath(), oldSlots));
    FastVault vault(dir(), m_clock.get());
    auto refused = vault.signIn(VolunteerLogin, secret(VolunteerPassword));
    // The store was re-keyed when the account was disabled: the old slot's key no longer opens relais.db at all.
    QCOMPARE(refused.code(), ErrorCode::NotAStore);
    QVERIFY(!refused.message().isEmpty());
    QVERIFY2(!vault.isOpen(), "a refused sign-in left the store unlocked");
    QCOMPARE(vault.accounts().code(), ErrorCode::PermissionDenied);
}

void TestVault::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("11 characters") << QStringLiteral("abcdefghijk") << MediatorLogin << false;
    QTest::newRow("12 characters") << QStringLiteral("abcdefghijkl") << MediatorLogin << true;
    QTest::newRow("12 accented characters") << QStringLiteral("éèàùçôîêâûëï") << MediatorLogin << true;
    QTest::newRow("empty") << QString() << MediatorLogin << false;
    QTest::newRow("6-word passphrase") << QStringLiteral("le chat dort sur le lit") << MediatorLogin << true;
    QTest::newRow("6 one-letter words") << QStringLiteral("a b c d e f") << MediatorLogin << false;
    QTest::newRow("password is the login") << QStringLiteral("mediateur.test") << MediatorLogin << false;
    QTest::newRow("password is the login, other case") << QStringLiteral("MEDIATEUR.TEST") << MediatorLogin << false;
    QTest::newRow("login inside a longer password") << QStringLiteral("mediateur.test-2026") << MediatorLogin << true;
}

void TestVault::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(QString, login);
    QFETCH(bool, accepted);
    const auto status = Vault::checkPasswordPolicy(secret(password), login);
    QCOMPARE(status.ok(), accepted);
    if (!accepted) {
        QCOMPARE(status.code(), ErrorCode::WeakPassword);
        QVERIFY(!status.message().isEmpty());
    }
}

void TestVault::loginRules_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("two letters") << QStringLiteral("ab") << true;
    QTest::newRow("one letter") << QStringLiteral("a") << false;
    QTest::newRow("32 characters") << QStringLiteral("a").repeated(32) << true;
    QTest::newRow("33 characters") << QStringLiteral("a").repeated(33) << false;
    QTest::newRow("dot dash underscore digits") << QStringLiteral("marie-claire.test_2") << true;
    QTest::newRow("upper case") << QStringLiteral("Marie") << false;
    QTest::newRow("accent") << QStringLiteral("hélène") << false;
    QTest::newRow("starts with a digit") << QStringLiteral("2marie") << false;
    QTest::newRow("starts with a dot") << QStringLiteral(".marie") << false;
    QTest::newRow("space") << QStringLiteral("marie test") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("reserved marker") << QStringLiteral("#unknown") << false;
}

void TestVault::loginRules()
{
    QFETCH(QString, login);
    QFETCH(bool, accepted);
    const auto status = Vault::checkLogin(login);
    QCOMPARE(status.ok(), accepted);
    if (!accepted) {
        QCOMPARE(status.code(), ErrorCode::InvalidInput);
        QVERIFY(!status.message().isEmpty());
    }
}

namespace {

QJsonObject jsonOf(const QString &path)
{
    return QJsonDocument::fromJson(fileBytes(path)).object();
}

qint64 countRows(const Vault &vault, const QString &table)
{
    QSqlQuery q(vault.database()->connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

void TestVault::oldKeyFileAndDisabledPasswordNoLongerDecrypt()
{
    // The audit's attack, done outside Relais with libsodium and SQLCipher alone: a copy of keyslots.json taken
    // while the volunteer was active, and the volunteer's password.
    const QJsonObject oldFile = jsonOf(slotsPath());
    const SecureBytes oldKey = unwrapByHand(oldFile, VolunteerLogin, VolunteerPassword);
    QVERIFY2(keyOpensDatabase(dbPath(), oldKey), "the attack does not even work before the account is disabled");
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        int lastPercent = -1;
        QVERIFY(vault.setDisabled(admin, VolunteerLogin, true, [&](int percent) { lastPercent = percent; }).ok());
        QCOMPARE(lastPercent, 100); // the administrator saw the re-key through
        QVERIFY(journalActions(vault).contains(AdminLogin + QStringLiteral(" store_rekeyed")));
    }
    QVERIFY2(!keyOpensDatabase(dbPath(), oldKey), "an old keyslots.json still decrypts the store");
    QVERIFY(unwrapByHand(jsonOf(slotsPath()), VolunteerLogin, VolunteerPassword).isEmpty());
    // The remaining accounts follow the new key.
    const SecureBytes newKey = unwrapByHand(jsonOf(slotsPath()), MediatorLogin, MediatorPassword);
    QVERIFY(keyOpensDatabase(dbPath(), newKey));
    QVERIFY(unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword) == newKey);
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
    FastVault recovering(dir(), m_clock.get());
    QVERIFY(recovering.recover(m_recoveryCode).ok());
    QVERIFY(!QFile::exists(m_dir->file(Database::pendingCopyName())));
}

void TestVault::loweredRoleReKeysRaisedRoleDoesNot()
{
    const SecureBytes before = unwrapByHand(jsonOf(slotsPath()), MediatorLogin, MediatorPassword);
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    QVERIFY(vault.setRole(admin, VolunteerLogin, Role::Mediator).ok());
    QVERIFY2(keyOpensDatabase(dbPath(), before), "raising a role re-keyed the store");
    QVERIFY(vault.setRole(admin, MediatorLogin, Role::Volunteer).ok());
    QCOMPARE(vault.account(MediatorLogin)->role, Role::Volunteer);
    QVERIFY2(!keyOpensDatabase(dbPath(), before), "lowering a role did not re-key the store");
    QCOMPARE(vault.setRole(admin, AdminLogin, Role::Mediator).code(), ErrorCode::PermissionDenied);
    vault.close();
    FastVault again(dir(), m_clock.get());
    QCOMPARE(signInOrFail(again, MediatorLogin, MediatorPassword).role, Role::Volunteer);
}

void TestVault::reKeyKeepsEveryRowAndTheJournal()
{
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    const QString before = dumpTables(vault.database()->connection());
    auto rekeyed = vault.rekey(admin.login);
    QVERIFY2(rekeyed.ok(), qPrintable(rekeyed.message()));
    // Every row is there, byte for byte; only the journal has one more (the re-key itself).
    QStringList after = dumpTables(vault.database()->connection()).split(QLatin1Char('\n'));
    QCOMPARE(after.removeIf([](const QString &row) { return row.contains(QStringLiteral("store_rekeyed")); }), 1);
    QCOMPARE(after.join(QLatin1Char('\n')), before);
    QCOMPARE(vault.setting(PhoneSetting), QStringLiteral("01 00 00 00 00"));
    QVERIFY(vault.journal().verify().intact);
    QVERIFY(vault.database()->integrityCheck().ok());
    vault.close();
    FastVault again(dir(), m_clock.get());
    signInOrFail(again, AdminLogin, AdminPassword);
    QCOMPARE(countRows(again, QStringLiteral("accounts")), 3);
    QVERIFY(again.journal().verify().intact);
}

void TestVault::reKeyCutAfterItsCommitIsFinishedAtUnlock()
{
    // The state a power cut leaves between the commit (keyslots.json has the new key) and the swap.
    const SecureBytes newKey = SecureBytes::random(KeySlots::DataKeySize);
    {
        FastVault vault(dir(), m_clock.get());
        signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(vault.database()->exportCopy(newKey, {}, {}).ok());
        KeySlots next = vault.keySlots();
        QVERIFY(next.resealAll(newKey, KdfParams::interactive()).ok());
        QVERIFY(next.save(slotsPath(), newKey).ok());
    }
    QVERIFY(QFile::exists(m_dir->file(Database::pendingCopyName())));
    QVERIFY(!keyOpensDatabase(dbPath(), newKey));
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
    QVERIFY(keyOpensDatabase(dbPath(), newKey));
    QVERIFY(!QFile::exists(m_dir->file(Database::pendingCopyName())));
    QCOMPARE(countRows(vault, QStringLiteral("accounts")), 3);
    QCOMPARE(vault.setting(PhoneSetting), QStringLiteral("01 00 00 00 00"));
}

void TestVault::reKeyCutBeforeItsCommitIsRedoneAtUnlock()
{
    // Disabled and committed, but the power went before the new key reached keyslots.json: the copy is
    // unfinished, the old key still opens relais.db, and the re-key is still owed.
    const QByteArray oldSlots = fileBytes(slotsPath());
    const SecureBytes oldKey = unwrapByHand(jsonOf(slotsPath()), VolunteerLogin, VolunteerPassword);
    {
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(vault.setDisabled(admin, VolunteerLogin, true).ok());
    }
    // Rewind to "after the disable's commit, before the re-key": old key file and old-key database.
    const SecureBytes newKey = unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword);
    {
        Vault plain(dir(), m_clock.get());
        auto db = Database::open(dir(), newKey, relais::SystemClock::instance());
        QVERIFY(db.ok());
        QVERIFY(db.value()
                    ->exportCopy(oldKey,
                                 {QStringLiteral("INSERT OR REPLACE INTO relais_copy.settings (key, "
                                                 "value) VALUES ('rekey_pending', '1')")},
                                 {})
                    .ok());
        QVERIFY(db.value()->adoptCopy(oldKey).ok());
    }
    QVERIFY(writeBytes(slotsPath(), oldSlots));
    QVERIFY(writeBytes(m_dir->file(Database::pendingCopyName()), QByteArray(8192, 'x'))); // the unfinished copy
    QVERIFY(keyOpensDatabase(dbPath(), oldKey));

    FastVault vault(dir(), m_clock.get());
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
    QVERIFY2(!keyOpensDatabase(dbPath(), oldKey), "the owed re-key was not done at unlock");
    QVERIFY(!QFile::exists(m_dir->file(Database::pendingCopyName())));
    QVERIFY(!vault.keySlots().hasPasswordSlot(VolunteerLogin));
    QVERIFY(journalActions(vault).contains(QStringLiteral("#system store_rekeyed")));
}

void TestVault::noPasswordIsEverWrittenInTheDataFolder()
{
    TempStoreDir demoDir;
    const QString admin = QStringLiteral("Demo admin password 2026");
    const QString mediator = QStringLiteral("Demo mediator password 2026");
    const QString changed = QStringLiteral("Demo mediator changed 2026");
    {
        FastVault vault(demoDir.path(), m_clock.get());
        QVERIFY(vault.initialize(Structure, AdminLogin, QString(), secret(admin), true, KdfParams::interactive()));
        const Account a = vault.account(AdminLogin).value();
        QVERIFY(vault.addAccount(a, MediatorLogin, MediatorName, Role::Mediator, secret(mediator)).ok());
        QVERIFY(vault.changePassword(a, MediatorLogin, secret(changed)).ok());
        QVERIFY(vault.setDisabled(a, MediatorLogin, true).ok());
        QVERIFY(vault.keySlots().isDemo());
    }
    QStringList files;
    QDirIterator it(demoDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    QVERIFY(files.size() >= 3);
    for (const QString &file : files) {
        const QByteArray raw = fileBytes(file);
        for (const QString &password : {admin, mediator, changed}) {
            for (const QByteArray &form :
                 {password.toUtf8(), password.toUtf8().toBase64(), password.toUtf8().toHex(),
                  QByteArray(reinterpret_cast<const char *>(password.utf16()), password.size() * 2)})
                QVERIFY2(!raw.contains(form),
                         qPrintable(QStringLiteral("a password is written in %1").arg(QFileInfo(file).fileName())));
        }
    }
}

void TestVault::editedKeyFileIsRefusedAtUnlock()
{
    QJsonObject root = jsonOf(slotsPath());
    root.insert(QStringLiteral("demo"), QJsonObject()); // the audit's edit
    QVERIFY(writeBytes(slotsPath(), QJsonDocument(root).toJson()));
    FastVault vault(dir(), m_clock.get());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("seal does not match")));
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::KeySlotsDamaged);
    QVERIFY(refused.message().contains(QStringLiteral("changed outside Relais")));
    QVERIFY(!vault.isOpen());
}

void TestVault::olderKeyFileIsSealedOnceAndCannotReplaceASealedOne()
{
    const QString storeId = jsonOf(slotsPath()).value(QStringLiteral("store_id")).toString();
    const SecureBytes key = unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword);
    const QByteArray legacy = QJsonDocument(legacyKeyFile(storeId, AdminLogin, AdminPassword, key)).toJson();
    // A store that never had format 2 (its settings do not say so): accepted once and sealed.
    {
        FastVault vault(dir(), m_clock.get());
        signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(execSql(vault.database()->connection(),
                        QStringLiteral("DELETE FROM settings WHERE key = 'keyslots_format'"))
                    .isEmpty());
    }
    QVERIFY(writeBytes(slotsPath(), legacy));
    {
        FastVault vault(dir(), m_clock.get());
        QCOMPARE(signInOrFail(vault, AdminLogin, AdminPassword).login, AdminLogin);
        QCOMPARE(jsonOf(slotsPath()).value(QStringLiteral("version")).toInt(), KeySlots::FormatVersion);
        QVERIFY(jsonOf(slotsPath()).contains(QStringLiteral("mac")));
    }
    // Then the unsealed format is refused: it would carry edits past the seal.
    QVERIFY(writeBytes(slotsPath(), legacy));
    FastVault vault(dir(), m_clock.get());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("older format")));
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::KeySlotsDamaged);
    QVERIFY(!vault.isOpen());
}

void TestVault::backupLetsTheKioskGoOnSaving()
{
    // Another connection to the same store (the kiosk, while an administrator backs up from relais-admin) saves in
    // the middle of the copy: it must not wait for the backup (its commits would fail after the busy timeout).
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    // Some bulk, so that the copy takes more than an instant (a few MB of synthetic settings).
    QVERIFY(
        execSql(vault.database()->connection(),
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                               "INSERT INTO settings (key, value) SELECT 'bulk.' || i, hex(randomblob(100)) FROM n"))
            .isEmpty());
    int reports = 0;
    auto kiosk = Database::open(dir(), unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword),
                                relais::SystemClock::instance());
    QVERIFY2(kiosk.ok(), qPrintable(kiosk.message()));
    TempStoreDir out;
    QString saved = QStringLiteral("not tried");
    QElapsedTimer timer;
    const auto made = vault.backup(admin, out.file(QStringLiteral("b.rbk")), [&](int percent) {
        ++reports;
        if (percent > 0 && percent < 80 && saved == QLatin1String("not tried")) {
            timer.start();
            saved = execSql(kiosk.value()->connection(),
                            QStringLiteral("INSERT INTO settings (key, value) VALUES ('during.backup', '1')"));
        }
    });
    QVERIFY2(made.ok(), qPrintable(made.message()));
    QVERIFY2(saved.isEmpty(), qPrintable(saved));
    QVERIFY(timer.elapsed() < 4000); // well under the 5 s busy timeout: it did not wait for the copy to end
    QVERIFY2(reports > 5, "the administrator saw no progress during the copy");
}

// ---------------------------------------------------------------------------------------------- recovery

void TestVault::usedRecoveryCodeReKeys()
{
    const SecureBytes before = unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword);
    FastVault vault(dir(), m_clock.get());
    QVERIFY(vault.recover(m_recoveryCode).ok());
    QVERIFY2(!keyOpensDatabase(dbPath(), before), "an old keyslots.json still opens the store after a recovery");
    QVERIFY(keyOpensDatabase(dbPath(), unwrapByHand(jsonOf(slotsPath()), AdminLogin, AdminPassword)));
    QVERIFY(journalActions(vault).contains(QStringLiteral("#recovery store_rekeyed")));
}

void TestVault::recoveryCodeOpensAndListsAdmins()
{
    const QString newPassword = QStringLiteral("chosen after recovery 2026");
    {
        FastVault vault(dir(), m_clock.get());
        auto admins = vault.recover(m_recoveryCode.toLower());
        QVERIFY2(admins.ok(), qPrintable(admins.message()));
        QVERIFY(vault.isOpen());
        QCOMPARE(admins->size(), 1); // admins only: not the mediator nor the volunteer
        QCOMPARE(admins->first().login, AdminLogin);
        QVERIFY(journalActions(vault).contains(QStringLiteral("#recovery recovery_code_used")));
        const auto changed = vault.changePassword(admins->first(), AdminLogin, secret(newPassword));
        QVERIFY2(changed.ok(), qPrintable(changed.message()));
    }
    FastVault vault(dir(), m_clock.get());
    QCOMPARE(vault.signIn(AdminLogin, secret(AdminPassword)).code(), ErrorCode::WrongPassword);
    QCOMPARE(signInOrFail(vault, AdminLogin, newPassword).role, Role::Admin);
    // The code still works afterwards (until an admin renews it).
    FastVault again(dir(), m_clock.get());
    QVERIFY(again.recover(m_recoveryCode).ok());
}

void TestVault::wrongRecoveryCodeIsRefusedAndThrottled()
{
    QString wrong = m_recoveryCode;
    wrong[0] = wrong.at(0) == QLatin1Char('Z') ? QLatin1Char('Y') : QLatin1Char('Z');
    for (int i = 0; i < 5; ++i) {
        FastVault vault(dir(), m_clock.get()); // a restart between tries changes nothing
        auto refused = vault.recover(wrong);
        QCOMPARE(refused.code(), ErrorCode::WrongRecoveryCode);
        QVERIFY(!refused.message().isEmpty());
        QVERIFY(!vault.isOpen());
    }
    FastVault vault(dir(), m_clock.get());
    auto throttled = vault.recover(m_recoveryCode); // even the right code waits
    QCOMPARE(throttled.code(), ErrorCode::Throttled);
    QVERIFY(throttled.message().contains(QStringLiteral("30")));
    QVERIFY(!vault.isOpen());
    // Recovery and passwords are counted apart: the admin may still sign in.
    FastVault other(dir(), m_clock.get());
    QCOMPARE(signInOrFail(other, AdminLogin, AdminPassword).login, AdminLogin);
    m_clock->advanceSecs(30);
    QVERIFY(vault.recover(m_recoveryCode).ok());
}

// ----------------------------------------------------------------------------------- throttling, journal

void TestVault::throttlingAfterFiveFailures()
{
    FastVault vault(dir(), m_clock.get());
    const SecureBytes wrong = secret(QStringLiteral("not the password"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(vault.signIn(AdminLogin, wrong).code(), ErrorCode::WrongPassword);
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::Throttled);
    QVERIFY(refused.message().contains(QStringLiteral("30")));
    QVERIFY(!vault.isOpen());
    // Other people at the same PC are not held up.
    FastVault other(dir(), m_clock.get());
    QCOMPARE(signInOrFail(other, MediatorLogin, MediatorPassword).login, MediatorLogin);

    m_clock->advanceSecs(29);
    QCOMPARE(vault.signIn(AdminLogin, secret(AdminPassword)).code(), ErrorCode::Throttled);
    m_clock->advanceSecs(1);
    QCOMPARE(vault.signIn(AdminLogin, wrong).code(), ErrorCode::WrongPassword); // 6th failure: 60 s
    m_clock->advanceSecs(59);
    auto second = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(second.code(), ErrorCode::Throttled);
    QVERIFY(second.message().contains(QStringLiteral("1")));
    m_clock->advanceSecs(1);
    QCOMPARE(vault.signIn(AdminLogin.toUpper(), wrong).code(), ErrorCode::NoSuchAccount); // logins are exact
    QCOMPARE(signInOrFail(vault, AdminLogin, AdminPassword).login, AdminLogin);
    // A success starts the count again and says in the journal how many tries failed before.
    QVERIFY(journalActions(vault).contains(QStringLiteral("admin.test sign_in_failures_before")));
    vault.close();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(vault.signIn(AdminLogin, wrong).code(), ErrorCode::WrongPassword);
    QCOMPARE(signInOrFail(vault, AdminLogin, AdminPassword).login, AdminLogin);
}

void TestVault::throttleSurvivesRestartAndCountsWhileClosed()
{
    for (int i = 0; i < 5; ++i) {
        FastVault vault(dir(), m_clock.get()); // each try in a new process; the store never opens
        QCOMPARE(vault.signIn(MediatorLogin, secret(QStringLiteral("wrong password here"))).code(),
                 ErrorCode::WrongPassword);
        QVERIFY(!vault.isOpen());
    }
    FastVault restarted(dir(), m_clock.get());
    QCOMPARE(restarted.signIn(MediatorLogin, secret(MediatorPassword)).code(), ErrorCode::Throttled);
    QVERIFY(!restarted.isOpen());
    // Deleting nothing and waiting is the only way out.
    m_clock->advanceSecs(30);
    FastVault later(dir(), m_clock.get());
    QCOMPARE(signInOrFail(later, MediatorLogin, MediatorPassword).login, MediatorLogin);
}

void TestVault::journalRecordsSignInsWithoutSecrets()
{
    const QString typo = MediatorPassword + QStringLiteral("!");
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
    QCOMPARE(vault.signIn(MediatorLogin, secret(typo)).code(), ErrorCode::WrongPassword);
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
    QVERIFY(vault
                .addAccount(admin, QStringLiteral("nouveau.test"), QStringLiteral("Nouvelle Personne"), Role::Volunteer,
                            secret(QStringLiteral("brand new volunteer pass")))
                .ok());

    const QStringList actions = journalActions(vault);
    QVERIFY(actions.contains(QStringLiteral("admin.test sign_in")));
    QVERIFY(actions.contains(QStringLiteral("mediateur.test sign_in_failed")));
    QVERIFY(actions.contains(QStringLiteral("mediateur.test sign_in")));
    QVERIFY(actions.contains(QStringLiteral("admin.test account_created")));
    QVERIFY(vault.journal().verify().intact);

    // No password, no name in the journal, nor anywhere in the store or beside it.
    QString journal;
    QSqlQuery q(vault.database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT at, actor, action, object FROM journal")));
    while (q.next())
        journal += q.value(0).toString() + q.value(1).toString() + q.value(2).toString() + q.value(3).toString();
    for (const QString &forbidden : {AdminPassword, MediatorPassword, typo, QStringLiteral("brand new volunteer pass"),
                                     VolunteerPassword, MediatorName, QStringLiteral("Nouvelle Personne")})
        QVERIFY2(!journal.contains(forbidden), "the journal holds a password or a name");
    const QString all = dumpTables(vault.database()->connection());
    for (const QString &password : {AdminPassword, MediatorPassword, typo, QStringLiteral("brand new volunteer pass")})
        QVERIFY(!all.contains(password));
    for (const QString &name : dirEntries(dir())) {
        const QByteArray bytes = fileBytes(m_dir->file(name));
        for (const QString &password : {AdminPassword, MediatorPassword, typo})
            QVERIFY2(!bytes.contains(password.toUtf8()), qPrintable(name));
    }
}

void TestVault::passwordTypedAsLoginIsNeverWrittenDown()
{
    // A classic slip: the password typed in the login field. It must not land in clear anywhere.
    FastVault vault(dir(), m_clock.get());
    const Account admin = signInOrFail(vault, AdminLogin, AdminPassword); // store open: failures are journalled
    Q_UNUSED(admin);
    auto refused = vault.signIn(MediatorPassword, secret(MediatorPassword));
    QCOMPARE(refused.code(), ErrorCode::NoSuchAccount);
    QVERIFY(!refused.message().isEmpty());
    QVERIFY(!dumpTables(vault.database()->connection()).contains(MediatorPassword));
    QVERIFY(!dumpTables(vault.database()->connection()).contains(MediatorPassword.toLower()));
    for (const QString &name : dirEntries(dir())) {
        const QByteArray bytes = fileBytes(m_dir->file(name));
        QVERIFY2(!bytes.contains(MediatorPassword.toUtf8()) && !bytes.contains(MediatorPassword.toLower().toUtf8()),
                 qPrintable(name + QStringLiteral(" holds the password typed as a login")));
    }
    // Unknown logins are still throttled, together.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(vault.signIn(QStringLiteral("inconnu%1").arg(i), secret(AdminPassword)).code(),
                 ErrorCode::NoSuchAccount);
    QCOMPARE(vault.signIn(QStringLiteral("inconnu9"), secret(AdminPassword)).code(), ErrorCode::Throttled);
    QCOMPARE(signInOrFail(vault, MediatorLogin, MediatorPassword).login, MediatorLogin);
}

// -------------------------------------------------------------------------------- damaged, foreign files

void TestVault::plainSqliteFileIsNotAStore()
{
    QVERIFY(QFile::remove(dbPath()));
    QVERIFY(createPlainSqlite(dbPath()));
    const QByteArray plain = fileBytes(dbPath());
    QVERIFY(plain.startsWith("SQLite format 3"));
    const QStringList files = dirEntries(dir());

    FastVault vault(dir(), m_clock.get());
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::NotAStore);
    QVERIFY(refused.message().contains(QStringLiteral("relais.db")));
    QVERIFY(!vault.isOpen());
    QCOMPARE(fileBytes(dbPath()), plain);
    QCOMPARE(dirEntries(dir()), files + QStringList()); // no journal file, nothing added
    // Not the password's fault: the right password is not counted as a failure.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(vault.signIn(AdminLogin, secret(AdminPassword)).code(), ErrorCode::NotAStore);
}

void TestVault::randomBytesFileIsRefused_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("whole pages") << 4096 * 6;
    QTest::newRow("not whole pages") << 10000;
}

void TestVault::randomBytesFileIsRefused()
{
    QFETCH(int, size);
    QByteArray noise(size, '\0');
    QRandomGenerator generator(42);
    for (char &c : noise)
        c = static_cast<char>(generator.bounded(256));
    QVERIFY(writeBytes(dbPath(), noise));
    const QStringList files = dirEntries(dir());
    FastVault vault(dir(), m_clock.get());
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QVERIFY2(refused.code() == ErrorCode::NotAStore || refused.code() == ErrorCode::StoreCorrupt,
             qPrintable(refused.message()));
    QVERIFY(!refused.message().isEmpty());
    QVERIFY(!vault.isOpen());
    QCOMPARE(fileBytes(dbPath()), noise);
    QCOMPARE(dirEntries(dir()), files);
}

void TestVault::truncatedStoreIsCorrupt_data()
{
    QTest::addColumn<bool>("atPageBoundary");
    QTest::newRow("mid-page") << false;
    QTest::newRow("page boundary") << true;
}

void TestVault::truncatedStoreIsCorrupt()
{
    QFETCH(bool, atPageBoundary);
    {
        // A value large enough that the store spans many pages.
        FastVault vault(dir(), m_clock.get());
        const Account admin = signInOrFail(vault, AdminLogin, AdminPassword);
        QVERIFY(vault.setSetting(admin, QStringLiteral("filler"), QString(40000, QLatin1Char('x'))).ok());
    }
    const QByteArray whole = fileBytes(dbPath());
    const int pages = static_cast<int>(whole.size() / relais::SqlCipherDriver::PageSize);
    QVERIFY2(pages >= 8, qPrintable(QString::number(pages)));
    const int cut = atPageBoundary ? (pages / 2) * relais::SqlCipherDriver::PageSize
                                   : (pages / 2) * relais::SqlCipherDriver::PageSize + 1234;
    QVERIFY(writeBytes(dbPath(), whole.left(cut)));
    FastVault vault(dir(), m_clock.get());
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::StoreCorrupt);
    QVERIFY(!refused.message().isEmpty());
    QVERIFY(!vault.isOpen());
    QCOMPARE(fileBytes(dbPath()), whole.left(cut));
}

void TestVault::missingKeySlotsIsNotANewStore()
{
    QVERIFY(QFile::remove(slotsPath()));
    const QByteArray db = fileBytes(dbPath());
    FastVault vault(dir(), m_clock.get());
    QVERIFY(vault.storeExists()); // the set-up wizard must not be offered
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::KeySlotsMissing);
    QVERIFY(refused.message().contains(QStringLiteral("keyslots.json")));
    QCOMPARE(vault.loadSlots().code(), ErrorCode::KeySlotsMissing);
    QCOMPARE(vault.recover(m_recoveryCode).code(), ErrorCode::KeySlotsMissing);
    auto init =
        vault.initialize(Structure, AdminLogin, QString(), secret(AdminPassword), false, KdfParams::interactive());
    QCOMPARE(init.code(), ErrorCode::StoreExists);
    QCOMPARE(fileBytes(dbPath()), db);
    QCOMPARE(dirEntries(dir()), (QStringList{relais::Journal::anchorFileName(), Database::fileName()}));

    // An empty folder, by contrast, is simply "no store yet".
    TempStoreDir empty;
    FastVault none(empty.path(), m_clock.get());
    QVERIFY(!none.storeExists());
    QCOMPARE(none.signIn(AdminLogin, secret(AdminPassword)).code(), ErrorCode::StoreMissing);
}

void TestVault::damagedKeySlotsIsReported()
{
    const QByteArray damaged = fileBytes(slotsPath()).left(300);
    QVERIFY(writeBytes(slotsPath(), damaged));
    const QByteArray db = fileBytes(dbPath());
    FastVault vault(dir(), m_clock.get());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keyslots.json rejected")));
    auto refused = vault.signIn(AdminLogin, secret(AdminPassword));
    QCOMPARE(refused.code(), ErrorCode::KeySlotsDamaged);
    QVERIFY(refused.message().contains(QStringLiteral("keyslots.json")));
    QVERIFY(vault.storeExists());
    QCOMPARE(fileBytes(slotsPath()), damaged);
    QCOMPARE(fileBytes(dbPath()), db);
}

QTEST_GUILESS_MAIN(TestVault)
#include "TestVault.moc"
