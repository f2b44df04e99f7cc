#include "Diagnostics.h"

#include "AdminCli.h"
#include "StoreAccess.h"
#include "common/Logging.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "security/BackupScheduler.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Migrations.h"
#include "store/SqlCipherDriver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QProcess>
#include <QSettings>
#include <QStorageInfo>
#include <QSysInfo>
#include <QTemporaryDir>

namespace relais::Diagnostics {

namespace {

constexpr qint64 GiB = qint64(1024) * 1024 * 1024;
// How much of each log file goes into a support bundle: enough for the last hours of a kiosk.
constexpr int BundleLogLines = 2000;

QString mark(Severity s)
{
    switch (s) {
    case Severity::Ok:
        return AdminCli::tr("OK");
    case Severity::Warning:
        return AdminCli::tr("warning");
    case Severity::Error:
        return AdminCli::tr("error");
    }
    return {};
}

// Writes "[OK] text" and keeps the worst mark seen.
class Report
{
public:
    explicit Report(QTextStream &out) : m_out(out) {}
    void line(Severity s, const QString &text)
    {
        m_out << '[' << mark(s) << "] " << text << '\n';
        if (int(s) > int(m_worst))
            m_worst = s;
    }
    Severity worst() const { return m_worst; }

private:
    QTextStream &m_out;
    Severity m_worst = Severity::Ok;
};

QString when(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void versions(Report &r, Vault &vault)
{
    const QString cipher = SqlCipherDriver::cipherVersion();
    r.line(Severity::Ok, AdminCli::tr("Program: relais-admin %1, Qt %2 (built with %3), %4.")
                             .arg(QStringLiteral(RELAIS_VERSION), QString::fromLatin1(qVersion()),
                                  QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName()));
    r.line(cipher.isEmpty() ? Severity::Error : Severity::Ok,
           cipher.isEmpty() ? AdminCli::tr("SQLCipher: not found (the database library cannot encrypt).")
                            : AdminCli::tr("SQLCipher: %1.").arg(cipher));
    const int schema = vault.database()->schemaVersion();
    r.line(schema == latestSchemaVersion() ? Severity::Ok : Severity::Error,
           AdminCli::tr("Schema version: %1 (this program: %2).").arg(schema).arg(latestSchemaVersion()));
}

void keySlots(Report &r, Vault &vault)
{
    const KeySlots &keys = vault.keySlots();
    r.line(keys.hasRecoverySlot() ? Severity::Ok : Severity::Error,
           AdminCli::tr("Key slots: %1 account(s), recovery code %2, system keychain %3.")
               .arg(keys.passwordSlots().size())
               .arg(keys.hasRecoverySlot() ? AdminCli::tr("present") : AdminCli::tr("MISSING"))
               .arg(keys.hasKeychainSlot() ? AdminCli::tr("enabled") : AdminCli::tr("not enabled")));
    const auto accounts = vault.accounts();
    if (!accounts) {
        r.line(Severity::Error, accounts.message());
        return;
    }
    for (const Account &a : accounts.value()) {
        if (!a.disabled && !keys.hasPasswordSlot(a.login))
            r.line(Severity::Error, AdminCli::tr("Account %1 is active but has no key slot.").arg(a.login));
    }
}

void storeAndJournal(Report &r, Vault &vault, const QByteArray &platformKey)
{
    if (Status s = vault.database()->integrityCheck(); s)
        r.line(Severity::Ok, AdminCli::tr("Database integrity: ok."));
    else
        r.line(Severity::Error, AdminCli::tr("Database integrity: %1").arg(s.message()));
    const Journal::Verification v = vault.journal().verify(platformKey);
    if (!v.intact) {
        r.line(Severity::Error, AdminCli::tr("Journal: %1").arg(Journal::describe(v)));
        return;
    }
    r.line(Severity::Ok, AdminCli::tr("Journal: %n entries, chain intact.", nullptr, static_cast<int>(v.rows)));
    // An enrolled kiosk gets a receipt at each sync: none yet is worth a look, not an alarm.
    if (v.receiptSeq > 0)
        r.line(Severity::Ok, AdminCli::tr("Last platform receipt: entries 1 to %1, signed on %2; %n later entries are "
                                          "not anchored yet.",
                                          nullptr, static_cast<int>(v.rows - v.receiptSeq))
                                 .arg(v.receiptSeq)
                                 .arg(v.receiptAt));
    else
        r.line(platformKey.isEmpty() ? Severity::Ok : Severity::Warning,
               AdminCli::tr("Last platform receipt: none (one comes back from each sync once the kiosk is "
                            "enrolled)."));
}

void queueAndSync(Report &r, const Workspace &workspace, const sync::SyncStore &store,
                  const sync::SyncSettings &settings)
{
    const Account &actor = workspace.account();
    const auto items = store.outbox(actor);
    const auto drafts = workspace.submissions().drafts(actor);
    if (!items || !drafts) {
        r.line(Severity::Error, AdminCli::tr("Queue: %1").arg(items ? drafts.message() : items.message()));
        return;
    }
    QMap<SubmissionState, int> perState;
    QDateTime oldestWaiting;
    const sync::OutboxItem *lastFailed = nullptr;
    for (const sync::OutboxItem &item : items.value()) {
        ++perState[item.state];
        const bool waiting = SubmissionLifecycle::isWaiting(item.state);
        if (waiting && (!oldestWaiting.isValid() || item.queuedAt < oldestWaiting))
            oldestWaiting = item.queuedAt;
        if (waiting && !item.lastError.isEmpty() && (!lastFailed || item.nextAttemptAt > lastFailed->nextAttemptAt))
            lastFailed = &item;
    }
    const int waitingCount = perState.value(SubmissionState::Queued) + perState.value(SubmissionState::Sending);
    const int quarantined = perState.value(SubmissionState::Quarantined);
    r.line(quarantined > 0 ? Severity::Warning : Severity::Ok,
           AdminCli::tr("Queue: %1 draft(s), %2 queued, %3 sending, %4 quarantined, %5 delivered in the last 30 days.")
               .arg(drafts->size())
               .arg(perState.value(SubmissionState::Queued))
               .arg(perState.value(SubmissionState::Sending))
               .arg(quarantined)
               .arg(perState.value(SubmissionState::Delivered)));
    if (oldestWaiting.isValid())
        r.line(Severity::Ok,
               AdminCli::tr("Oldest démarche waiting to be sent: queued on %1.").arg(when(oldestWaiting)));
    else
        r.line(Severity::Ok, AdminCli::tr("No démarche is waiting to be sent."));

    if (!settings.isEnrolled()) {
        r.line(waitingCount > 0 ? Severity::Warning : Severity::Ok,
               AdminCli::tr("Sync: this kiosk is not enrolled with a platform."));
        return;
    }
    const QString stopped = store.stoppedReason();
    if (!stopped.isEmpty())
        r.line(Severity::Error, AdminCli::tr("Sync stopped: %1").arg(stopped));
    const QDateTime last = store.lastSuccess();
    if (last.isValid())
        r.line(Severity::Ok, AdminCli::tr("Last sync: %1 with %2.").arg(when(last), settings.platformName));
    else
        r.line(Severity::Warning, AdminCli::tr("Last sync: never."));
    if (lastFailed)
        r.line(Severity::Warning, AdminCli::tr("Last sync error: %1").arg(lastFailed->lastError));
}

void backup(Report &r, Vault &vault)
{
    // Written by relais-admin backup; absent until the first one.
    const QDateTime last = QDateTime::fromString(vault.setting(QStringLiteral("backup.last_at")), Qt::ISODate);
    if (last.isValid())
        r.line(Severity::Ok, AdminCli::tr("Last backup: %1.").arg(when(last)));
    else
        r.line(Severity::Warning, AdminCli::tr("Last backup: never."));
    const BackupScheduler::Schedule schedule = BackupScheduler::schedule(vault);
    if (!schedule.isOn()) {
        r.line(Severity::Warning, AdminCli::tr("Daily backup: not scheduled (relais-admin backup schedule)."));
        return;
    }
    const QString failure = BackupScheduler::lastFailure(vault);
    if (!failure.isEmpty()) {
        r.line(Severity::Error, AdminCli::tr("Daily backup failed: %1").arg(failure));
        return;
    }
    const QDateTime scheduled = BackupScheduler::lastScheduled(vault);
    r.line(Severity::Ok, AdminCli::tr("Daily backup into %1, keeping %2; last one: %3.")
                             .arg(QDir::toNativeSeparators(schedule.folder))
                             .arg(schedule.keep)
                             .arg(scheduled.isValid() ? when(scheduled) : AdminCli::tr("none yet")));
}

void disk(Report &r, const QString &dataDir)
{
    const QStorageInfo storage(dataDir);
    if (!storage.isValid() || storage.bytesTotal() <= 0) {
        r.line(Severity::Warning, AdminCli::tr("Free disk space of the data folder: unknown."));
        return;
    }
    const qint64 free = storage.bytesAvailable();
    const bool low = free < GiB || free * 10 < storage.bytesTotal();
    r.line(low ? Severity::Warning : Severity::Ok, AdminCli::tr("Free disk space of the data folder: %1 of %2 (%3 %).")
                                                       .arg(sizeText(free), sizeText(storage.bytesTotal()))
                                                       .arg(free * 100 / storage.bytesTotal()));
}

// The last `count` lines of a text file.
QByteArray tail(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    return lines.mid(qMax(0, int(lines.size()) - count - 1)).join('\n');
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
}

// Store settings a support desk may read: ids, addresses, choices. The token, the keys and the catalogue stay.
QByteArray settingsText(Vault &vault)
{
    static const char *const storeKeys[] = {sync::SyncStore::PlatformUrlKey,
                                            sync::SyncStore::DeviceIdKey,
                                            sync::SyncStore::PlatformNameKey,
                                            sync::SyncStore::LastSuccessKey,
                                            sync::SyncStore::StoppedReasonKey,
                                            sync::SyncStore::CatalogueEtagKey,
                                            sync::SyncStore::JournalHeadSentKey,
                                            "backup.last_at",
                                            "downscale_photos",
                                            "idle_lock_minutes",
                                            "scan_folder"};
    QByteArray text = "[store]\n";
    for (const char *key : storeKeys)
        text += QByteArray(key) + " = " + vault.setting(QLatin1String(key)).toUtf8() + '\n';
    // The kiosk's display choices (QSettings); a key naming a secret is listed without its value.
    text += "\n[kiosk settings]\n";
    QSettings settings;
    static const QStringList secretWords = {QStringLiteral("password"), QStringLiteral("token"),
                                            QStringLiteral("key"),      QStringLiteral("secret"),
                                            QStringLiteral("code"),     QStringLiteral("login")};
    for (const QString &key : settings.allKeys()) {
        bool secret = false;
        for (const QString &word : secretWords)
            secret = secret || key.contains(word, Qt::CaseInsensitive);
        text += key.toUtf8() + " = " +
                (secret ? QByteArray("(not included)") : settings.value(key).toString().toUtf8()) + '\n';
    }
    return text;
}

QByteArray countsText(const Workspace &workspace)
{
    Vault &vault = workspace.vault();
    const Account &actor = workspace.account();
    QByteArray text;
    const auto accounts = vault.accounts();
    if (accounts) {
        QMap<QString, int> perRole;
        int disabled = 0;
        for (const Account &a : accounts.value()) {
            ++perRole[roleId(a.role)];
            disabled += a.disabled ? 1 : 0;
        }
        text +=
            "accounts " + QByteArray::number(accounts->size()) + " (disabled " + QByteArray::number(disabled) + ")\n";
        for (auto it = perRole.cbegin(); it != perRole.cend(); ++it)
            text += "accounts." + it.key().toUtf8() + ' ' + QByteArray::number(it.value()) + '\n';
    }
    const sync::SyncStore store = sync::StoreAccess::store(workspace);
    if (const auto items = store.outbox(actor)) {
        QMap<QString, int> perState;
        for (const sync::OutboxItem &item : items.value())
            ++perState[SubmissionLifecycle::name(item.state)];
        for (auto it = perState.cbegin(); it != perState.cend(); ++it)
            text += "submissions." + it.key().toUtf8() + ' ' + QByteArray::number(it.value()) + '\n';
    }
    text += "journal.rows " + QByteArray::number(vault.journal().verify().rows) + '\n';
    QFileInfo db(QDir(vault.dataDir()).filePath(Database::fileName()));
    text += "database.bytes " + QByteArray::number(db.size()) + '\n';
    return text;
}

} // namespace

Severity writeCheckReport(const Workspace &workspace, const QString &dataDir, QTextStream &out)
{
    Report r(out);
    Vault &vault = workspace.vault();
    const sync::SyncStore store = sync::StoreAccess::store(workspace);
    const auto settings = store.settings();
    versions(r, vault);
    storeAndJournal(r, vault, settings ? settings->platformKey : QByteArray());
    keySlots(r, vault);
    if (settings)
        queueAndSync(r, workspace, store, settings.value());
    else
        r.line(Severity::Error, AdminCli::tr("Sync settings: %1").arg(settings.message()));
    backup(r, vault);
    disk(r, dataDir);
    out.flush();
    return r.worst();
}

Status writeSupportBundle(const Workspace &workspace, const QString &dataDir, const QString &outPath)
{
    Vault &vault = workspace.vault();
    QTemporaryDir work;
    if (!work.isValid())
        return makeError(ErrorCode::Io, AdminCli::tr("No temporary folder could be made for the support bundle."));
    const QString name = QStringLiteral("relais-support");
    QDir root(work.path());
    if (!root.mkpath(name + QStringLiteral("/logs")))
        return makeError(ErrorCode::Io, AdminCli::tr("No temporary folder could be made for the support bundle."));
    root.cd(name);

    QString report;
    {
        QTextStream stream(&report);
        const Severity worst = writeCheckReport(workspace, dataDir, stream);
        stream << "exit " << (worst == Severity::Error ? 1 : 0) << '\n';
    }
    const QByteArray versions =
        "relais " RELAIS_VERSION "\nQt " + QByteArray(qVersion()) + " (built with " QT_VERSION_STR ")\nSQLCipher " +
        SqlCipherDriver::cipherVersion().toUtf8() + "\nschema " +
        QByteArray::number(vault.database()->schemaVersion()) + " (program " +
        QByteArray::number(latestSchemaVersion()) + ")\nsystem " + QSysInfo::prettyProductName().toUtf8() +
        ", kernel " + QSysInfo::kernelVersion().toUtf8() + ' ' + QSysInfo::currentCpuArchitecture().toUtf8() +
        "\ncreated " + vault.clock()->now().toUTC().toString(Qt::ISODate).toUtf8() + '\n';
    bool written = writeFile(root.filePath(QStringLiteral("versions.txt")), versions) &&
                   writeFile(root.filePath(QStringLiteral("check.txt")), report.toUtf8()) &&
                   writeFile(root.filePath(QStringLiteral("settings.txt")), settingsText(vault)) &&
                   writeFile(root.filePath(QStringLiteral("counts.txt")), countsText(workspace));
    for (const QString &log : logFiles(dataDir)) {
        written = written && writeFile(root.filePath(QStringLiteral("logs/") + QFileInfo(log).fileName()),
                                       tail(log, BundleLogLines));
    }
    if (!written)
        return makeError(ErrorCode::Io, AdminCli::tr("The support bundle could not be prepared."));

    // tar writes next to the target first: a failed run never leaves a half archive under the name asked for.
    const QString target = QFileInfo(outPath).absoluteFilePath();
    const QString partial = target + QStringLiteral(".part");
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), partial, QStringLiteral("-C"), work.path(), name});
    const bool ran = tar.waitForFinished(120000) && tar.exitStatus() == QProcess::NormalExit && tar.exitCode() == 0;
    if (!ran) {
        QFile::remove(partial);
        return makeError(ErrorCode::Io, AdminCli::tr("The support bundle could not be written to %1 (tar: %2).")
                                            .arg(target, QString::fromLocal8Bit(tar.readAllStandardError()).trimmed()));
    }
    QFile::remove(target);
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return makeError(ErrorCode::Io, AdminCli::tr("The support bundle could not be written to %1.").arg(target));
    }
    return {};
}

} // namespace relais::Diagnostics
