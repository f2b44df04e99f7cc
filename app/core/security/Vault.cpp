#include "Vault.h"

#include "Journal.h"
#include "common/Logging.h"
#include "store/Backup.h"
#include "store/Keychain.h"
#include "store/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>

namespace relais {

namespace {

QString throttleKey(const QString &login)
{
    return login.toLower();
}

const QString RecoveryThrottleKey = QStringLiteral("#recovery");
const QString SystemActor = QStringLiteral("#system");
// Settings the vault keeps for itself (never shown in Administration).
const QString RekeyPendingSetting = QStringLiteral("rekey_pending");
const QString KeySlotsFormatSetting = QStringLiteral("keyslots_format");

int rank(Role role)
{
    switch (role) {
    case Role::Admin:
        return 2;
    case Role::Mediator:
        return 1;
    case Role::Volunteer:
        break;
    }
    return 0;
}
const QString UnknownLogin = QStringLiteral("#unknown");

Account accountFrom(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.login = q.value(1).toString();
    a.displayName = q.value(2).toString();
    roleFromId(q.value(3).toString(), &a.role);
    a.disabled = q.value(4).toBool();
    a.mustChangePassword = q.value(5).toBool();
    return a;
}

const char *const AccountColumns = "id, login, display_name, role, disabled, must_change_password";

} // namespace

Vault::Vault(QString dataDir, const Clock *clock)
    : m_dataDir(std::move(dataDir)), m_clock(clock),
      m_throttle(QDir(m_dataDir).filePath(QStringLiteral("throttle.json")), clock)
{}

Vault::~Vault()
{
    close();
}

QString Vault::defaultDataDir()
{
    const QString fromEnv = qEnvironmentVariable("RELAIS_DATA_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Vault::slotsPath() const
{
    return QDir(m_dataDir).filePath(KeySlots::fileName());
}

QString Vault::anchorPath() const
{
    return QDir(m_dataDir).filePath(Journal::anchorFileName());
}

bool Vault::storeExists() const
{
    return QFileInfo::exists(slotsPath()) || QFileInfo::exists(QDir(m_dataDir).filePath(Database::fileName()));
}

Status Vault::checkLogin(const QString &login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!pattern.match(login).hasMatch())
        return makeError(ErrorCode::InvalidInput, Vault::tr("A login is 2 to 32 characters: lower-case letters without "
                                                            "accents, digits, dot, dash or underscore, starting with a "
                                                            "letter."));
    return {};
}

Status Vault::checkPasswordPolicy(const SecureBytes &password, const QString &login)
{
    QString text = QString::fromUtf8(password.constChar(), password.size());
    QStringList words = text.split(QRegularExpression(QStringLiteral("[\\s\\-_.]+")), Qt::SkipEmptyParts);
    int realWords = 0;
    for (const QString &w : words) {
        if (w.size() >= 2)
            ++realWords;
    }
    // Characters as people count them (code points), not UTF-16 units: an emoji is one character.
    const bool longEnough = text.toUcs4().size() >= 12 || realWords >= 6;
    const bool isLogin = !login.isEmpty() && text.compare(login, Qt::CaseInsensitive) == 0;
    // The clear text and its pieces: wiped in place, not through a copy (which would detach and leave them).
    wipe(text);
    for (QString &w : words)
        wipe(w);
    if (isLogin)
        return makeError(ErrorCode::WeakPassword, Vault::tr("The password cannot be the login."));
    if (!longEnough)
        return makeError(ErrorCode::WeakPassword,
                         Vault::tr("The password is too short: use at least 12 characters, or a "
                                   "passphrase of at least 6 words."));
    return {};
}

Status Vault::saveSlots()
{
    return m_slots.save(slotsPath(), m_dataKey);
}

Status Vault::loadSlots()
{
    auto loaded = KeySlots::load(slotsPath(), m_clock);
    if (!loaded) {
        // keyslots.json gone but the database still there: say so rather than offer a new store.
        if (loaded.code() == ErrorCode::KeySlotsMissing &&
            !QFileInfo::exists(QDir(m_dataDir).filePath(Database::fileName())))
            return makeError(ErrorCode::StoreMissing, Vault::tr("There is no store in this data folder yet."));
        return loaded.error();
    }
    m_slots = std::move(loaded).value();
    m_slotsLoaded = true;
    return {};
}

Status Vault::saveSlotsOrRestore(const KeySlots &before)
{
    // keyslots.json and the slots in memory never disagree: a failed save puts the old slots back.
    Status s = saveSlots();
    if (!s)
        m_slots = before;
    return s;
}

Status Vault::refreshSlots()
{
    return isOpen() ? Status() : loadSlots();
}

Result<InitResult> Vault::initialize(const QString &structure, const QString &adminLogin,
                                     const QString &adminDisplayName, const SecureBytes &adminPassword, bool demo,
                                     const KdfParams &params)
{
    if (storeExists())
        return makeError(ErrorCode::StoreExists,
                         Vault::tr("This data folder already holds a store; it was left untouched."));
    if (structure.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Vault::tr("Enter the name of the structure."));
    if (Status s = checkLogin(adminLogin); !s)
        return s.error();
    if (Status s = checkPasswordPolicy(adminPassword, adminLogin); !s)
        return s.error();
    const bool created = !QFileInfo::exists(m_dataDir);
    if (!QDir().mkpath(m_dataDir) || !QFileInfo(m_dataDir).isWritable())
        return makeError(ErrorCode::Io,
                         Vault::tr("The data folder %1 cannot be created or written. Choose another folder "
                                   "or ask your administrator.")
                             .arg(QDir::toNativeSeparators(m_dataDir)));

    if (created)
        QFile::setPermissions(m_dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_kdf = params;
    const QDateTime now = m_clock->now();
    const SecureBytes dataKey = SecureBytes::random(KeySlots::DataKeySize);
    KeySlots slots = KeySlots::createNew(structure.trimmed(), m_clock);
    slots.setDemo(demo);
    const QString displayName = adminDisplayName.trimmed().isEmpty() ? adminLogin : adminDisplayName.trimmed();
    if (Status s = slots.setPasswordSlot(adminLogin, displayName, adminPassword, dataKey, params); !s)
        return s.error();
    auto code = slots.renewRecoverySlot(dataKey, params);
    if (!code)
        return code.error();

    auto db = Database::create(m_dataDir, dataKey, m_clock);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    m_journal = std::make_unique<Journal>(m_db->connection(), m_clock, anchorPath());
    m_dataKey = dataKey;
    // Anchored from the first row on; a store made by an older program gets its anchor when an admin resets it.
    Status s = m_journal->startAnchor();
    if (s)
        s = Database::inTransaction(m_db->connection(), [&]() -> Status {
            QSqlQuery q(m_db->connection());
            q.prepare(QStringLiteral("INSERT INTO accounts (login, display_name, role, created_at, password_changed_at)"
                                     " VALUES (?, ?, 'admin', ?, ?)"));
            q.addBindValue(adminLogin);
            q.addBindValue(displayName);
            q.addBindValue(now.toString(Qt::ISODate));
            q.addBindValue(now.toString(Qt::ISODate));
            if (!q.exec())
                return Database::sqlError(QStringLiteral("first account"), q.lastError());
            const QString object = QStringLiteral("account:%1").arg(q.lastInsertId().toLongLong());
            q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"));
            q.addBindValue(KeySlotsFormatSetting);
            q.addBindValue(QString::number(KeySlots::FormatVersion));
            if (!q.exec())
                return Database::sqlError(QStringLiteral("first settings"), q.lastError());
            if (Status j = m_journal->append(adminLogin, QStringLiteral("store_created")); !j)
                return j;
            return m_journal->append(adminLogin, QStringLiteral("account_created"), object);
        });
    if (s) {
        m_slots = slots;
        m_slotsLoaded = true;
        s = saveSlots();
    }
    if (!s) {
        // Leave nothing behind that would later look like a damaged store.
        close();
        const QString dbPath = QDir(m_dataDir).filePath(Database::fileName());
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(dbPath + QLatin1String(suffix));
        QFile::remove(anchorPath());
        m_slotsLoaded = false;
        return s.error();
    }
    qCInfo(lcSecurity) << "store created";
    return InitResult{code.value()};
}

int Vault::failedSignIns(const QString &login) const
{
    const bool unknown = m_slotsLoaded && !m_slots.hasPasswordSlot(login) && login != RecoveryThrottleKey;
    return m_throttle.failures(throttleKey(unknown ? UnknownLogin : login));
}

qint64 Vault::signInWait(const QString &login) const
{
    const bool unknown = m_slotsLoaded && !m_slots.hasPasswordSlot(login) && login != RecoveryThrottleKey;
    return m_throttle.secondsUntilAllowed(throttleKey(unknown ? UnknownLogin : login));
}

Status Vault::checkThrottle(const QString &login) const
{
    const qint64 wait = signInWait(login);
    if (wait > 0)
        return makeError(ErrorCode::Throttled, Vault::tr("Too many failed attempts. Try again in %n second(s).",
                                                         nullptr, static_cast<int>(wait)));
    return {};
}

Result<SecureBytes> Vault::unwrapPassword(const KeySlots &slots, const QString &login, const SecureBytes &password)
{
    return slots.unlockWithPassword(login, password);
}

Status Vault::openDatabase(const SecureBytes &dataKey)
{
    if (m_db) {
        if (!m_db->keyMatches(dataKey))
            return makeError(ErrorCode::KeySlotsDamaged,
                             Vault::tr("This account's key slot does not match the open store."));
        return {};
    }
    if (Status s = Database::finishPendingCopy(m_dataDir, dataKey); !s)
        return s;
    auto db = Database::open(m_dataDir, dataKey, m_clock);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    m_journal = std::make_unique<Journal>(m_db->connection(), m_clock, anchorPath());
    m_dataKey = dataKey;
    if (Status s = afterUnlock(); !s) {
        close();
        return s;
    }
    return {};
}

Status Vault::afterUnlock()
{
    if (m_slots.loadedVersion() < KeySlots::FormatVersion) {
        // Format 1 has no seal: accepted once, from a store that never had format 2, and sealed at once.
        if (setting(KeySlotsFormatSetting).toInt() >= KeySlots::FormatVersion) {
            qCWarning(lcSecurity) << "keyslots.json of an older format put in place of a sealed one";
            return makeError(ErrorCode::KeySlotsDamaged,
                             Vault::tr("The key file keyslots.json was replaced by a file of an older format, "
                                       "without its seal. It was not followed and the store stays closed. "
                                       "Restore the file from a backup."));
        }
        if (Status s = saveSlots(); !s)
            return s;
        if (Status s = writeInternalSetting(KeySlotsFormatSetting, QString::number(KeySlots::FormatVersion)); !s)
            return s;
        record(SystemActor, QStringLiteral("keyslots_sealed"));
    }
    if (setting(RekeyPendingSetting) == QLatin1String("1")) {
        // A re-key cut short (power cut, killed process): finished now, whoever unlocks.
        auto done = rekey(SystemActor);
        if (!done)
            qCWarning(lcSecurity) << "pending re-key not finished; tried again at the next unlock";
    }
    return {};
}

Status Vault::writeInternalSetting(const QString &key, const QString &value)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("setting"), q.lastError());
    return {};
}

Result<ResealReport> Vault::rekey(const QString &actor, const Progress &progress)
{
    std::lock_guard<std::mutex> lock(m_backupMutex); // a backup under way finishes with the key it started with
    if (!m_db)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("The store is locked."));
    auto all = accounts();
    if (!all)
        return all.error();
    KeySlots next = m_slots;
    for (const Account &a : all.value()) {
        if (a.disabled)
            next.removePasswordSlot(a.login);
    }
    const SecureBytes newKey = SecureBytes::random(KeySlots::DataKeySize);
    auto report = next.resealAll(newKey, m_kdf);
    if (!report)
        return report.error();
    const QString clearPending = QStringLiteral("DELETE FROM %1.settings WHERE key = '%2'")
                                     .arg(QLatin1String(SqlCipherDriver::CopySchema), RekeyPendingSetting);
    if (Status s = m_db->exportCopy(newKey, {clearPending}, progress); !s)
        return s.error();
    // The commit point: from this write on, only the copy opens with what keyslots.json holds.
    if (Status s = next.save(slotsPath(), newKey); !s) {
        QFile::remove(m_db->pendingCopyPath());
        return s.error();
    }
    m_slots = next;
    m_dataKey = newKey;
    if (Status s = m_db->adoptCopy(newKey); !s)
        return s.error(); // the copy is in keyslots.json already: the next unlock puts it in place
    record(actor, QStringLiteral("store_rekeyed"));
    qCInfo(lcSecurity) << "store re-keyed";
    m_rekeyReport = report.value();
    return report;
}

Status Vault::backup(const Account &actor, const QString &out, const Progress &progress)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    if (Status s = writeBackup(out, QStringLiteral("relais.db.backup"), progress); !s)
        return s;
    backupWritten(actor.login);
    return {};
}

Status Vault::checkWritable() const
{
    // access(W_OK) underneath: refused on a read-only file system even for root.
    const QFileInfo folder(m_dataDir);
    const QFileInfo db(QDir(m_dataDir).filePath(Database::fileName()));
    if ((folder.isDir() && !folder.isWritable()) || (db.exists() && !db.isWritable()))
        return makeError(ErrorCode::Io, Vault::tr("The data folder %1 is read-only: Relais could not save anything "
                                                  "in it. Ask your administrator to check the "
                                                  "disk (it may be failing, or mounted read-only).")
                                            .arg(QDir::toNativeSeparators(m_dataDir)));
    return {};
}

Status Vault::writeBackup(const QString &out, const QString &copyName, const Progress &progress) const
{
    std::lock_guard<std::mutex> lock(m_backupMutex);
    if (!m_db)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("The store is locked."));
    // Read before the copy: the anchor is then never ahead of the journal it comes with.
    QFile slotsFile(slotsPath());
    QFile anchorFile(anchorPath());
    if (!slotsFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Vault::tr("The key file keyslots.json cannot be read."));
    const QByteArray slots = slotsFile.readAll();
    const QByteArray anchor = anchorFile.open(QIODevice::ReadOnly) ? anchorFile.readAll() : QByteArray();
    const QString copy = QDir(m_dataDir).filePath(copyName);
    const auto scaled = [&progress](int from, int to) {
        return [&progress, from, to](int percent) {
            if (progress)
                progress(from + percent * (to - from) / 100);
        };
    };
    Status s = m_db->exportCopyTo(copy, m_dataKey, {}, scaled(0, 80), false);
    // The copy is made in the data folder first: its disk, not the backup's, is the one that is full. SQLCipher's
    // export reports a full disk as a plain SQLITE_ERROR ("database or disk is full"), so the free space decides.
    if (!s && (s.code() == ErrorCode::DiskFull || s.code() == ErrorCode::Io ||
               QStorageInfo(m_dataDir).bytesAvailable() < QFileInfo(m_db->path()).size()))
        s = makeError(ErrorCode::DiskFull,
                      Vault::tr("There is not enough free space in the data folder to prepare the backup "
                                "(it needs about as much as the store itself). Nothing was lost; free "
                                "some space and try again."));
    if (s)
        s = Backup::write(out, slots, anchor, copy, scaled(80, 100));
    QFile::remove(copy);
    m_db->releaseThreadConnection(); // a worker thread's connection must not outlive it
    return s;
}

void Vault::backupWritten(const QString &actor)
{
    const QString now = m_clock->now().toUTC().toString(Qt::ISODate);
    if (Status w = writeInternalSetting(lastBackupSetting(), now); !w)
        qCWarning(lcSecurity) << "backup date not recorded";
    record(actor, QStringLiteral("backup_made"));
    qCInfo(lcSecurity) << "backup written";
}

ResealReport Vault::takeRekeyReport()
{
    return std::exchange(m_rekeyReport, ResealReport());
}

Result<Account> Vault::completeSignIn(const QString &login, const Result<SecureBytes> &unwrapped)
{
    if (!unwrapped) {
        if (unwrapped.code() == ErrorCode::WrongPassword || unwrapped.code() == ErrorCode::NoSuchAccount) {
            // An unknown login may be a password typed in the wrong field: it is never written down.
            const QString who = unwrapped.code() == ErrorCode::NoSuchAccount ? UnknownLogin : login;
            m_throttle.recordFailure(throttleKey(who));
            qCInfo(lcSecurity) << "sign-in refused";
            if (m_journal)
                record(who, QStringLiteral("sign_in_failed"));
        }
        return unwrapped.error();
    }
    const bool wasOpen = isOpen();
    if (Status s = openDatabase(unwrapped.value()); !s)
        return s.error();
    auto acc = account(login);
    if (!acc || acc->disabled) {
        if (!wasOpen)
            close(); // a refused sign-in must not leave the store unlocked
        if (!acc)
            return acc.error();
        return makeError(ErrorCode::AccountDisabled, Vault::tr("This account is disabled. Ask an administrator."));
    }
    const int failures = m_throttle.failures(throttleKey(login));
    m_throttle.recordSuccess(throttleKey(login));
    if (failures > 0)
        record(login, QStringLiteral("sign_in_failures_before"), QString::number(failures));
    record(login, QStringLiteral("sign_in"));
    return acc;
}

Result<Account> Vault::signIn(const QString &login, const SecureBytes &password)
{
    if (Status s = refreshSlots(); !s)
        return s.error();
    if (Status s = checkThrottle(login); !s)
        return s.error();
    return completeSignIn(login, unwrapPassword(m_slots, login, password));
}

Result<SecureBytes> Vault::unwrapRecovery(const KeySlots &slots, const QString &code)
{
    return slots.unlockWithRecoveryCode(code);
}

Result<QList<Account>> Vault::completeRecovery(const Result<SecureBytes> &unwrapped)
{
    if (!unwrapped) {
        if (unwrapped.code() == ErrorCode::WrongRecoveryCode)
            m_throttle.recordFailure(RecoveryThrottleKey);
        return unwrapped.error();
    }
    m_throttle.recordSuccess(RecoveryThrottleKey);
    if (Status s = openDatabase(unwrapped.value()); !s)
        return s.error();
    record(QStringLiteral("#recovery"), QStringLiteral("recovery_code_used"));
    // Whoever read the code may hold a copy of keyslots.json too: that copy must open nothing from now on.
    if (Status s = writeInternalSetting(RekeyPendingSetting, QStringLiteral("1")); !s)
        return s.error();
    if (auto rekeyed = rekey(QStringLiteral("#recovery")); !rekeyed)
        return rekeyed.error();
    auto all = accounts();
    if (!all)
        return all.error();
    QList<Account> admins;
    for (const Account &a : all.value()) {
        if (a.isAdmin() && !a.disabled)
            admins.append(a);
    }
    return admins;
}

Result<QList<Account>> Vault::recover(const QString &code)
{
    if (Status s = refreshSlots(); !s)
        return s.error();
    if (Status s = checkThrottle(RecoveryThrottleKey); !s)
        return s.error();
    return completeRecovery(unwrapRecovery(m_slots, code));
}

Status Vault::checkRecoveryThrottle() const
{
    return checkThrottle(RecoveryThrottleKey);
}

QString Vault::keychainEntryName() const
{
    return QStringLiteral("store-") + m_slots.storeId();
}

Status Vault::unlockWithKeychain()
{
    if (Status s = refreshSlots(); !s)
        return s;
    if (!m_slots.hasKeychainSlot())
        return makeError(ErrorCode::KeychainUnavailable,
                         Vault::tr("The system keychain is not enabled for this store."));
    Keychain keychain;
    auto kek = keychain.readSecret(keychainEntryName());
    if (!kek)
        return kek.error();
    auto key = m_slots.unlockWithKeychainKey(kek.value());
    if (!key)
        return key.error();
    if (Status s = openDatabase(key.value()); !s)
        return s;
    record(QStringLiteral("#keychain"), QStringLiteral("store_unlocked_by_keychain"));
    return {};
}

void Vault::record(const QString &actor, const QString &action, const QString &object)
{
    if (m_journal && !m_journal->append(actor, action, object))
        qCWarning(lcSecurity) << "journal entry not written:" << action;
}

Journal &Vault::journal() const
{
    Q_ASSERT(m_journal);
    return *m_journal;
}

void Vault::close()
{
    std::lock_guard<std::mutex> lock(m_backupMutex); // a backup under way on a worker thread still reads the store
    if (m_journal)
        m_journal->syncAnchor(); // the last word on the anchor, whatever committed without telling it
    m_journal.reset();
    m_db.reset();
    m_dataKey.clear();
}

Result<QList<Account>> Vault::accounts() const
{
    if (!m_db)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("The store is locked."));
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM accounts ORDER BY display_name").arg(QLatin1String(AccountColumns))))
        return Database::sqlError(QStringLiteral("accounts"), q.lastError());
    QList<Account> list;
    while (q.next())
        list.append(accountFrom(q));
    return list;
}

Result<Account> Vault::account(const QString &login) const
{
    if (!m_db)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("The store is locked."));
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE login = ?").arg(QLatin1String(AccountColumns)));
    q.addBindValue(login);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("account"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::NoSuchAccount, Vault::tr("There is no account with this login."));
    return accountFrom(q);
}

Status Vault::requireAdmin(const Account &actor) const
{
    if (!m_db)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("The store is locked."));
    auto current = account(actor.login);
    if (!current || current->disabled || !current->isAdmin())
        return makeError(ErrorCode::PermissionDenied, Vault::tr("Only an administrator can do this."));
    return {};
}

Status Vault::addAccount(const Account &actor, const QString &login, const QString &displayName, Role role,
                         const SecureBytes &password)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    if (Status s = checkLogin(login); !s)
        return s;
    if (Status s = checkPasswordPolicy(password, login); !s)
        return s;
    if (account(login) || m_slots.hasPasswordSlot(login))
        return makeError(ErrorCode::AccountExists, Vault::tr("An account with this login already exists."));
    const QString name = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
    const KeySlots before = m_slots;
    return Database::inTransaction(m_db->connection(), [&]() -> Status {
        QSqlQuery q(m_db->connection());
        const QString now = m_clock->now().toString(Qt::ISODate);
        q.prepare(QStringLiteral("INSERT INTO accounts (login, display_name, role, created_at, password_changed_at)"
                                 " VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(login);
        q.addBindValue(name);
        q.addBindValue(roleId(role));
        q.addBindValue(now);
        q.addBindValue(now);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("add account"), q.lastError());
        const QString object = QStringLiteral("account:%1").arg(q.lastInsertId().toLongLong());
        if (Status s = m_journal->append(actor.login, QStringLiteral("account_created"), object); !s)
            return s;
        if (Status s = m_slots.setPasswordSlot(login, name, password, m_dataKey, m_kdf); !s)
            return s;
        return saveSlotsOrRestore(before);
    });
}

Status Vault::changePassword(const Account &actor, const QString &login, const SecureBytes &newPassword)
{
    if (actor.login != login) {
        if (Status s = requireAdmin(actor); !s)
            return s;
    }
    auto target = account(login);
    if (!target)
        return target.error();
    if (target->disabled)
        return makeError(ErrorCode::AccountDisabled, Vault::tr("This account is disabled."));
    if (Status s = checkPasswordPolicy(newPassword, login); !s)
        return s;
    const KeySlots before = m_slots;
    return changeAccount(
        actor, target->id, QStringLiteral("password_changed_at = ?, must_change_password = 0"),
        {m_clock->now().toString(Qt::ISODate)}, QStringLiteral("password_changed"), [&]() -> Status {
            if (Status s = m_slots.setPasswordSlot(login, target->displayName, newPassword, m_dataKey, m_kdf); !s)
                return s;
            return saveSlotsOrRestore(before);
        });
}

Status Vault::changeAccount(const Account &actor, qint64 id, const QString &assignments, const QVariantList &values,
                            const QString &action, const std::function<Status()> &alsoInTransaction)
{
    return Database::inTransaction(m_db->connection(), [&]() -> Status {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("UPDATE accounts SET %1 WHERE id = ?").arg(assignments));
        for (const QVariant &value : values)
            q.addBindValue(value);
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(action, q.lastError());
        if (Status s = m_journal->append(actor.login, action, QStringLiteral("account:%1").arg(id)); !s)
            return s;
        return alsoInTransaction ? alsoInTransaction() : Status();
    });
}

Status Vault::rekeyOwed(const Account &actor, const Progress &progress)
{
    auto rekeyed = rekey(actor.login, progress);
    return rekeyed ? Status() : Status(rekeyed.error());
}

Status Vault::setDisabled(const Account &actor, const QString &login, bool disabled, const Progress &progress)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    if (!disabled)
        return makeError(ErrorCode::InvalidInput, Vault::tr("To enable an account again, give it a new password."));
    if (actor.login == login)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("You cannot disable your own account."));
    auto target = account(login);
    if (!target)
        return target.error();
    const KeySlots before = m_slots;
    Status committed = changeAccount(
        actor, target->id, QStringLiteral("disabled = 1"), {}, QStringLiteral("account_disabled"), [&]() -> Status {
            // Committed with the change: a re-key cut short is finished at the next
            // unlock.
            if (Status s = writeInternalSetting(RekeyPendingSetting, QStringLiteral("1")); !s)
                return s;
            // Without its slot, the password no longer opens the store through
            // Relais; the re-key makes an old copy of keyslots.json useless too.
            m_slots.removePasswordSlot(login);
            return saveSlotsOrRestore(before);
        });
    return committed ? rekeyOwed(actor, progress) : committed;
}

Status Vault::setRole(const Account &actor, const QString &login, Role role, const Progress &progress)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    auto target = account(login);
    if (!target)
        return target.error();
    if (target->disabled)
        return makeError(ErrorCode::AccountDisabled, Vault::tr("This account is disabled."));
    if (actor.login == login && role != Role::Admin)
        return makeError(ErrorCode::PermissionDenied, Vault::tr("You cannot lower your own role."));
    if (target->role == role)
        return {};
    const bool lowered = rank(role) < rank(target->role);
    Status committed =
        changeAccount(actor, target->id, QStringLiteral("role = ?"), {roleId(role)},
                      QStringLiteral("account_role_changed"), [&]() -> Status {
                          return lowered ? writeInternalSetting(RekeyPendingSetting, QStringLiteral("1")) : Status();
                      });
    return committed && lowered ? rekeyOwed(actor, progress) : committed;
}

Result<QString> Vault::renewRecoveryCode(const Account &actor)
{
    if (Status s = requireAdmin(actor); !s)
        return s.error();
    const KeySlots before = m_slots;
    auto code = m_slots.renewRecoverySlot(m_dataKey, m_kdf);
    if (!code)
        return code.error();
    if (Status s = saveSlotsOrRestore(before); !s)
        return s.error();
    record(actor.login, QStringLiteral("recovery_code_renewed"));
    return code;
}

Status Vault::enableKeychain(const Account &actor)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    const SecureBytes kek = SecureBytes::random(KeySlots::DataKeySize);
    Keychain keychain;
    if (Status s = keychain.writeSecret(keychainEntryName(), kek); !s)
        return s;
    const KeySlots before = m_slots;
    if (Status s = m_slots.setKeychainSlot(kek, m_dataKey); !s)
        return s;
    if (Status s = saveSlotsOrRestore(before); !s) {
        (void)keychain.removeSecret(keychainEntryName()); // best effort: no slot refers to it
        return s;
    }
    record(actor.login, QStringLiteral("keychain_enabled"));
    return {};
}

Status Vault::disableKeychain(const Account &actor)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    const KeySlots before = m_slots;
    m_slots.removeKeychainSlot();
    if (Status s = saveSlotsOrRestore(before); !s)
        return s;
    // The slot is gone first: a keychain entry left behind by a failure here opens nothing.
    if (Status s = Keychain().removeSecret(keychainEntryName()); !s)
        qCWarning(lcSecurity) << "keychain entry not removed";
    record(actor.login, QStringLiteral("keychain_disabled"));
    return {};
}

QString Vault::setting(const QString &key, const QString &fallback) const
{
    if (!m_db)
        return fallback;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

QString Vault::readSetting(QSqlDatabase db, const QString &key, const QString &fallback)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

Result<QHash<QString, QString>> Vault::settingsWithPrefix(QSqlDatabase db, const QString &prefix)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"));
    q.addBindValue(prefix.size());
    q.addBindValue(prefix);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("settings"), q.lastError());
    QHash<QString, QString> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    return values;
}

Status Vault::writeSetting(QSqlDatabase db, const QString &key, const QString &value)
{
    QSqlQuery q(db);
    if (value.isNull()) {
        q.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        q.addBindValue(key);
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(key);
        q.addBindValue(value);
    }
    if (!q.exec())
        return Database::sqlError(QStringLiteral("setting"), q.lastError());
    return {};
}

Status Vault::setSetting(const Account &actor, const QString &key, const QString &value)
{
    if (Status s = requireAdmin(actor); !s)
        return s;
    return Database::inTransaction(m_db->connection(), [&]() -> Status {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(key);
        q.addBindValue(value);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("setting"), q.lastError());
        return m_journal->append(actor.login, QStringLiteral("setting_changed"), key);
    });
}

} // namespace relais
