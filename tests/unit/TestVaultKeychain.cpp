// The keychain key slot end to end, against the real gnome-keyring of scripts/with-keyring.
#include "FakeClock.h"
#include "TempStoreDir.h"

#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Keychain.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

const QByteArray AdminPassword = "correct horse battery staple";

SecureBytes secret(const QByteArray &text)
{
    return SecureBytes(text.constData(), int(text.size()));
}

// Only a private keyring: these tests write entries and must never touch a developer's own.
#define REQUIRE_PRIVATE_KEYRING()                                                                                      \
    do {                                                                                                               \
        if (!qEnvironmentVariableIsSet("RELAIS_PRIVATE_KEYRING") || !Keychain::isAvailable()) {                        \
            if (qEnvironmentVariable("RELAIS_REQUIRE_KEYRING") == QLatin1String("1"))                                  \
                QFAIL("RELAIS_REQUIRE_KEYRING=1 but no private keyring is reachable: run under scripts/with-keyring"); \
            QSKIP("No private keyring on the session bus: run this test under scripts/with-keyring");                  \
        }                                                                                                              \
    } while (false)

} // namespace

class TestVaultKeychain : public QObject
{
    Q_OBJECT

private:
    Account m_admin;
    bool makeStore(const QString &dir, FakeClock *clock)
    {
        Vault vault(dir, clock);
        if (!vault.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                              secret(AdminPassword), false, KdfParams::interactive()))
            return false;
        m_admin = vault.account(QStringLiteral("alice")).value();
        const QByteArray mediator = "mediator password 42";
        return bool(vault.addAccount(m_admin, QStringLiteral("marc"), QStringLiteral("Marc Petit"), Role::Mediator,
                                     secret(mediator)));
    }

private Q_SLOTS:
    void enabledSlotOpensTheStoreWithoutPassword();
    void onlyAnAdministratorEnablesIt();
    void disablingRemovesSlotAndEntry();
    void missingEntryFallsBackToPasswordWithAReason();
};

void TestVaultKeychain::enabledSlotOpensTheStoreWithoutPassword()
{
    REQUIRE_PRIVATE_KEYRING();
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    {
        Vault vault(dir.path(), &clock);
        QVERIFY(vault.signIn(QStringLiteral("alice"), secret(AdminPassword)));
        const Status s = vault.enableKeychain(m_admin);
        QVERIFY2(s.ok(), qPrintable(s.message()));
        QVERIFY(vault.keySlots().hasKeychainSlot());
    }
    // The key slot file holds the wrapped data key only; the key-encryption key lives in the keyring.
    Vault restarted(dir.path(), &clock);
    QVERIFY(restarted.loadSlots());
    QVERIFY(restarted.keySlots().hasKeychainSlot());
    const Status opened = restarted.unlockWithKeychain();
    QVERIFY2(opened.ok(), qPrintable(opened.message()));
    QVERIFY(restarted.isOpen());
    // The store really is readable, and the journal says how it was opened.
    QSqlQuery q(restarted.database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM accounts")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM journal WHERE action = 'store_unlocked_by_keychain'")) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(restarted.journal().verify().intact);
    // People still sign in with their own password while the store is open.
    QVERIFY(restarted.signIn(QStringLiteral("marc"), secret("mediator password 42")));
    QCOMPARE(restarted.signIn(QStringLiteral("marc"), secret("not the password")).code(), ErrorCode::WrongPassword);
    QVERIFY(restarted.disableKeychain(m_admin));
}

void TestVaultKeychain::onlyAnAdministratorEnablesIt()
{
    REQUIRE_PRIVATE_KEYRING();
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    Vault vault(dir.path(), &clock);
    auto marc = vault.signIn(QStringLiteral("marc"), secret("mediator password 42"));
    QVERIFY(marc);
    const Status s = vault.enableKeychain(marc.value());
    QCOMPARE(s.code(), ErrorCode::PermissionDenied);
    QVERIFY(!s.message().isEmpty());
    QVERIFY(!vault.keySlots().hasKeychainSlot());
    QCOMPARE(Keychain().readSecret(vault.keychainEntryName()).code(), ErrorCode::KeySlotsMissing);
}

void TestVaultKeychain::disablingRemovesSlotAndEntry()
{
    REQUIRE_PRIVATE_KEYRING();
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    QString entry;
    {
        Vault vault(dir.path(), &clock);
        QVERIFY(vault.signIn(QStringLiteral("alice"), secret(AdminPassword)));
        QVERIFY(vault.enableKeychain(m_admin));
        entry = vault.keychainEntryName();
        QVERIFY(Keychain().readSecret(entry));
        QVERIFY(vault.disableKeychain(m_admin));
        QVERIFY(!vault.keySlots().hasKeychainSlot());
    }
    QCOMPARE(Keychain().readSecret(entry).code(), ErrorCode::KeySlotsMissing);
    Vault restarted(dir.path(), &clock);
    const Status s = restarted.unlockWithKeychain();
    QCOMPARE(s.code(), ErrorCode::KeychainUnavailable);
    QVERIFY(!s.message().isEmpty());
    QVERIFY(!restarted.isOpen());
}

void TestVaultKeychain::missingEntryFallsBackToPasswordWithAReason()
{
    REQUIRE_PRIVATE_KEYRING();
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    QString entry;
    {
        Vault vault(dir.path(), &clock);
        QVERIFY(vault.signIn(QStringLiteral("alice"), secret(AdminPassword)));
        QVERIFY(vault.enableKeychain(m_admin));
        entry = vault.keychainEntryName();
    }
    // Another PC, or a keyring reset: the slot is there but the keyring holds nothing for it.
    QVERIFY(Keychain().removeSecret(entry));
    Vault vault(dir.path(), &clock);
    const Status s = vault.unlockWithKeychain();
    QVERIFY(!s.ok());
    QVERIFY(!s.message().isEmpty());
    QVERIFY(!vault.isOpen());
    // Nothing is lost: the password still opens the store.
    QVERIFY(vault.signIn(QStringLiteral("alice"), secret(AdminPassword)));
    QVERIFY(vault.isOpen());
}

QTEST_GUILESS_MAIN(TestVaultKeychain)
#include "TestVaultKeychain.moc"
