#pragma once

#include <QCoreApplication>

#include "Account.h"
#include "Throttle.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "common/SecureBytes.h"
#include "store/Database.h"
#include "store/KeySlots.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <mutex>

namespace relais {

class Journal;

struct InitResult
{
    QString recoveryCode; // shown once, then forgotten
};

// The store of one data folder: its key slots, the encrypted database once unlocked, the accounts
// and the sign-in throttle. Holds the data key only while the store is open; close() wipes it.
//
// Unwrapping a slot costs ~0.5 s of Argon2id: the kiosk calls unwrapPassword() on a worker thread
// and completeSignIn() back on the GUI thread; the CLI and tests use signIn(), which does both.
class Vault
{
    Q_DECLARE_TR_FUNCTIONS(relais::Vault)

public:
    Vault(QString dataDir, const Clock *clock);
    ~Vault();

    static QString defaultDataDir();
    QString dataDir() const { return m_dataDir; }
    // True when this folder already holds a store (or what is left of one): never initialise over it.
    bool storeExists() const;
    // The data folder and the store take writes: a read-only one (a failing disk remounted read-only, a wrong
    // mount) is said at start, before anyone types a démarche that could not be saved.
    Status checkWritable() const;
    Result<InitResult> initialize(const QString &structure, const QString &adminLogin, const QString &adminDisplayName,
                                  const SecureBytes &adminPassword, bool demo = false,
                                  const KdfParams &params = KdfParams::moderate());

    // Argon2id cost of the slots this object makes from now on (initialize() sets it to its own).
    void setKdfParams(const KdfParams &params) { m_kdf = params; }

    Status loadSlots();
    // While the store is closed, reads keyslots.json again: another program may have re-keyed the store.
    Status refreshSlots();
    const KeySlots &keySlots() const { return m_slots; }

    // Sign-in, step by step. Throttling is checked and counted here, per login.
    Status checkThrottle(const QString &login) const;
    // For the sign-in screen's own words: failed tries of `login` since its last success, and the seconds before it
    // may try again (0: now). An unknown login counts as one, as in checkThrottle().
    int failedSignIns(const QString &login) const;
    qint64 signInWait(const QString &login) const;
    static Result<SecureBytes> unwrapPassword(const KeySlots &slots, const QString &login, const SecureBytes &password);
    Result<Account> completeSignIn(const QString &login, const Result<SecureBytes> &unwrapped);
    Result<Account> signIn(const QString &login, const SecureBytes &password);

    // Recovery: opens the store with the recovery code; the caller must then set a new admin password.
    // Like sign-in, in two steps for the kiosk (unwrapRecovery on a worker thread) or in one.
    static Result<SecureBytes> unwrapRecovery(const KeySlots &slots, const QString &code);
    Result<QList<Account>> completeRecovery(const Result<SecureBytes> &unwrapped);
    Result<QList<Account>> recover(const QString &code);
    Status checkRecoveryThrottle() const;
    // With the OS keychain slot: opens the store without a password (kiosk start on a staff PC).
    Status unlockWithKeychain();

    bool isOpen() const { return m_db != nullptr; }
    Database *database() const { return m_db.get(); }
    Journal &journal() const;
    // Journals an event that has no transaction of its own; a failure is logged, not fatal.
    void record(const QString &actor, const QString &action, const QString &object = QString());
    const Clock *clock() const { return m_clock; }
    void close();

    Result<QList<Account>> accounts() const;
    Result<Account> account(const QString &login) const;
    // Administration; `actor` must be an enabled admin except for changing one's own password.
    Status addAccount(const Account &actor, const QString &login, const QString &displayName, Role role,
                      const SecureBytes &password);
    Status changePassword(const Account &actor, const QString &login, const SecureBytes &newPassword);
    // Disabling an account, or lowering its role, re-keys the store (see rekey()); `progress` gets 0-100.
    using Progress = std::function<void(int percent)>;
    Status setDisabled(const Account &actor, const QString &login, bool disabled, const Progress &progress = {});
    Status setRole(const Account &actor, const QString &login, Role role, const Progress &progress = {});
    // A new data key for the store: the database copied under it (sqlcipher_export), sealed to every remaining
    // slot (accounts disabled meanwhile lose theirs), committed to keyslots.json, then swapped in. A copy of the
    // old keyslots.json with any old password opens only the old key, which no longer opens relais.db. Anyone who
    // once held the key may have copied the data already: re-keying protects what is written from now on.
    // Cut short at any point, it is finished at the next unlock. What the report lists must be shown.
    Result<ResealReport> rekey(const QString &actor, const Progress &progress = {});
    // A backup of the open store in one file at `out` (Backup): a consistent copy taken while others go on working,
    // with its key file and journal anchor, written atomically; journaled and remembered as backup.last_at.
    // Administrators only.
    Status backup(const Account &actor, const QString &out, const Progress &progress = {});
    static QString lastBackupSetting() { return QStringLiteral("backup.last_at"); }
    // backup() in two halves, for a backup taken on a worker thread (BackupScheduler). writeBackup makes the file
    // (the store copied to `copyName` in the data folder first) and may run on any thread while the store is open:
    // close() and rekey() wait for it. backupWritten then records it, on the thread that opened the store.
    Status writeBackup(const QString &out, const QString &copyName, const Progress &progress = {}) const;
    void backupWritten(const QString &actor);
    // A setting the program keeps for itself (no actor, not journaled): the scheduled backup's outcome.
    Status writeInternalSetting(const QString &key, const QString &value);
    // What the last re-key could not carry over (accounts of an older Relais that need a new password, a new
    // recovery code), until taken with this call.
    ResealReport takeRekeyReport();
    Result<QString> renewRecoveryCode(const Account &actor);
    Status enableKeychain(const Account &actor);
    Status disableKeychain(const Account &actor);
    QString keychainEntryName() const;

    QString setting(const QString &key, const QString &fallback = QString()) const;
    Status setSetting(const Account &actor, const QString &key, const QString &value);
    // The settings table for the modules that keep their own keys in it (sync_*, retention.*), on their own
    // connection: Vault alone writes SQL on it. writeSetting runs inside the caller's transaction; a null value
    // removes the key.
    static QString readSetting(QSqlDatabase db, const QString &key, const QString &fallback = QString());
    static Result<QHash<QString, QString>> settingsWithPrefix(QSqlDatabase db, const QString &prefix);
    static Status writeSetting(QSqlDatabase db, const QString &key, const QString &value);

    // At least 12 characters, or a passphrase of at least 6 words; not the login itself.
    static Status checkPasswordPolicy(const SecureBytes &password, const QString &login);
    static Status checkLogin(const QString &login);

private:
    QString slotsPath() const;
    QString anchorPath() const;
    Status requireAdmin(const Account &actor) const;
    Status saveSlots();
    Status saveSlotsOrRestore(const KeySlots &before);
    Status openDatabase(const SecureBytes &dataKey);
    // After unlock: refuses a key file of format 1 put in place of a format-2 one, upgrades a format-1 file, and
    // finishes a re-key that a crash cut short.
    Status afterUnlock();
    // One change to an account's row, journaled as `action` in the same transaction as `alsoInTransaction`.
    Status changeAccount(const Account &actor, qint64 id, const QString &assignments, const QVariantList &values,
                         const QString &action, const std::function<Status()> &alsoInTransaction);
    // The re-key a committed change asked for (rekey_pending is set; a failure here is retried at next unlock).
    Status rekeyOwed(const Account &actor, const Progress &progress);

    QString m_dataDir;
    const Clock *m_clock;
    KeySlots m_slots;
    bool m_slotsLoaded = false;
    KdfParams m_kdf = KdfParams::moderate();
    Throttle m_throttle;
    SecureBytes m_dataKey;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Journal> m_journal;
    ResealReport m_rekeyReport;
    // Held by writeBackup() (maybe on a worker thread) and by what would pull the store from under it: close(),
    // rekey().
    mutable std::mutex m_backupMutex;
};

} // namespace relais
