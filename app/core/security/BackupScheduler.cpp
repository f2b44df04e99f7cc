#include "BackupScheduler.h"

#include "Vault.h"
#include "common/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <memory>

namespace relais {

namespace {

const QString FolderSetting = QStringLiteral("backup.schedule.folder");
const QString KeepSetting = QStringLiteral("backup.schedule.keep");
const QString LastAtSetting = QStringLiteral("backup.schedule.last_at");
const QString FailureSetting = QStringLiteral("backup.schedule.failure");
// The journal's actor for what no person did.
const QString ScheduleActor = QStringLiteral("#backup-schedule");
// Not relais.db.backup: a backup made by hand at the same moment must not meet this copy.
const QString CopyName = QStringLiteral("relais.db.scheduled-backup");

const QRegularExpression &datedName()
{
    static const QRegularExpression re(QStringLiteral("^relais-\\d{4}-\\d{2}-\\d{2}\\.rbk$"));
    return re;
}

} // namespace

BackupScheduler::Schedule BackupScheduler::schedule(const Vault &vault)
{
    Schedule s;
    s.folder = vault.setting(FolderSetting);
    s.keep = vault.setting(KeepSetting).toInt();
    return s;
}

Status BackupScheduler::configure(Vault &vault, const Account &actor, const QString &folder, int keep)
{
    if (folder.isEmpty() || QDir::isRelativePath(folder))
        return makeError(ErrorCode::InvalidInput,
                         tr("The backup folder must be given as a full path, for example /media/usb/relais."));
    if (keep < 1 || keep > MaxKeep)
        return makeError(ErrorCode::InvalidInput,
                         tr("The number of backups to keep must be between 1 and %1.").arg(MaxKeep));
    if (Status s = vault.setSetting(actor, FolderSetting, QDir::cleanPath(folder)); !s)
        return s;
    if (Status s = vault.setSetting(actor, KeepSetting, QString::number(keep)); !s)
        return s;
    // A new folder deserves a new try: the failure of the old one is no longer news.
    return vault.writeInternalSetting(FailureSetting, QString());
}

Status BackupScheduler::turnOff(Vault &vault, const Account &actor)
{
    if (Status s = vault.setSetting(actor, FolderSetting, QString()); !s)
        return s;
    if (Status s = vault.setSetting(actor, KeepSetting, QStringLiteral("0")); !s)
        return s;
    return vault.writeInternalSetting(FailureSetting, QString());
}

QDateTime BackupScheduler::lastScheduled(const Vault &vault)
{
    return QDateTime::fromString(vault.setting(LastAtSetting), Qt::ISODate);
}

QString BackupScheduler::lastFailure(const Vault &vault)
{
    return vault.setting(FailureSetting);
}

bool BackupScheduler::isDue(const QDateTime &lastScheduled, const QDateTime &now)
{
    return !lastScheduled.isValid() || lastScheduled.toLocalTime().date() < now.toLocalTime().date();
}

QString BackupScheduler::fileNameFor(const QDate &day)
{
    return QStringLiteral("relais-%1.rbk").arg(day.toString(Qt::ISODate));
}

Result<QStringList> BackupScheduler::prune(const QString &folder, int keep)
{
    QDir dir(folder);
    QStringList dated;
    // Names sort as their dates do.
    for (const QString &name : dir.entryList({QStringLiteral("relais-*.rbk")}, QDir::Files, QDir::Name)) {
        if (datedName().match(name).hasMatch())
            dated.append(name);
    }
    QStringList removed;
    for (int i = 0; i + keep < dated.size(); ++i) {
        if (!dir.remove(dated.at(i)))
            return makeError(
                ErrorCode::Io,
                tr("The old backup %1 cannot be deleted from %2.").arg(dated.at(i), QDir::toNativeSeparators(folder)));
        removed.append(dated.at(i));
    }
    return removed;
}

BackupScheduler::BackupScheduler(Vault *vault, const Clock *clock, QObject *parent)
    : QObject(parent), m_vault(vault), m_clock(clock), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &BackupScheduler::runIfDue);
}

BackupScheduler::~BackupScheduler()
{
    stop();
}

void BackupScheduler::start(int intervalMs)
{
    m_timer->start(intervalMs);
    runIfDue();
}

bool BackupScheduler::runIfDue()
{
    if (m_thread || !m_vault->isOpen())
        return false;
    const Schedule s = schedule(*m_vault);
    const QDateTime now = m_clock->now();
    if (!s.isOn() || !isDue(lastScheduled(*m_vault), now))
        return false;
    const QString folder = s.folder;
    const QString file = QDir(folder).filePath(fileNameFor(now.toLocalTime().date()));
    const int keep = s.keep;
    Vault *vault = m_vault;
    auto status = std::make_shared<Status>();
    qCInfo(lcSecurity) << "scheduled backup started";
    m_thread = QThread::create([vault, folder, file, keep, status] {
        // Never create the folder: on an unplugged USB key that would fill the system disk under its mount point.
        if (!QFileInfo(folder).isDir()) {
            *status = makeError(ErrorCode::Io, tr("The backup folder %1 cannot be found. If it is on a USB key, "
                                                  "plug the key in; otherwise choose another folder.")
                                                   .arg(QDir::toNativeSeparators(folder)));
            return;
        }
        *status = vault->writeBackup(file, CopyName);
        if (!*status)
            return;
        auto pruned = prune(folder, keep);
        if (!pruned)
            *status = pruned.error();
    });
    m_thread->setObjectName(QStringLiteral("relais-backup"));
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread, status] {
        if (m_thread != thread)
            return; // already collected by stop()
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        done(*status);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

void BackupScheduler::stop()
{
    m_timer->stop();
    if (!m_thread)
        return;
    // Collected here and now: the store may close right after, before the queued finished() arrives.
    QThread *thread = m_thread;
    thread->wait();
    QCoreApplication::sendPostedEvents(this); // runs the finished() handler, which records the outcome
    if (m_thread == thread) {
        delete m_thread;
        m_thread = nullptr;
        qCWarning(lcSecurity) << "scheduled backup outcome not recorded";
    }
}

void BackupScheduler::done(const Status &status)
{
    if (!m_vault->isOpen())
        return;
    if (status) {
        m_vault->backupWritten(ScheduleActor);
        const QString now = m_clock->now().toUTC().toString(Qt::ISODate);
        if (!m_vault->writeInternalSetting(LastAtSetting, now) || !m_vault->writeInternalSetting(FailureSetting, {}))
            qCWarning(lcSecurity) << "scheduled backup date not recorded";
        qCInfo(lcSecurity) << "scheduled backup written";
        Q_EMIT finished(true, QString());
        return;
    }
    qCWarning(lcSecurity) << "scheduled backup failed, code" << int(status.code());
    if (!m_vault->writeInternalSetting(FailureSetting, status.message()))
        qCWarning(lcSecurity) << "scheduled backup failure not recorded";
    Q_EMIT finished(false, status.message());
}

} // namespace relais
