#include "ScanFolder.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace relais {

namespace {
// Watcher events while a file is written come in bursts: one listing for each burst.
constexpr int CoalesceMs = 100;
} // namespace

ScanFolder::ScanFolder(const Clock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_pollTimer.setInterval(m_pollMs);
    m_settleTimer.setSingleShot(true);
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(CoalesceMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ScanFolder::rescan);
    connect(&m_settleTimer, &QTimer::timeout, this, &ScanFolder::rescan);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &ScanFolder::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!m_coalesceTimer.isActive())
            m_coalesceTimer.start();
    });
}

Status ScanFolder::setFolder(const QString &path)
{
    stop();
    if (path.isEmpty())
        return {};
    m_folder = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_pollTimer.start(m_pollMs);
    rescan();
    if (!m_error.isEmpty())
        return makeError(ErrorCode::Io, m_error);
    return {};
}

void ScanFolder::stop()
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_pollTimer.stop();
    m_settleTimer.stop();
    m_coalesceTimer.stop();
    m_entries.clear();
    m_folder.clear();
    m_error.clear();
    m_started = false;
}

void ScanFolder::setSettleMs(int ms)
{
    m_settleMs = qMax(0, ms);
}

void ScanFolder::setPollMs(int ms)
{
    m_pollMs = qMax(50, ms);
    m_pollTimer.setInterval(m_pollMs);
}

bool ScanFolder::isCandidateName(const QString &fileName)
{
    if (fileName.isEmpty() || fileName.startsWith(QLatin1Char('.')) || fileName.startsWith(QLatin1Char('~')))
        return false; // hidden files, .~lock.x#, ~$x and other editors' and copiers' scratch files
    static const QLatin1String partial[] = {QLatin1String(".part"), QLatin1String(".tmp"), QLatin1String(".partial"),
                                            QLatin1String(".crdownload")};
    for (const QLatin1String &suffix : partial) {
        if (fileName.endsWith(suffix, Qt::CaseInsensitive))
            return false;
    }
    static const QLatin1String accepted[] = {QLatin1String(".pdf"), QLatin1String(".jpg"), QLatin1String(".jpeg"),
                                             QLatin1String(".png")};
    return std::any_of(std::begin(accepted), std::end(accepted),
                       [&](const QLatin1String &suffix) { return fileName.endsWith(suffix, Qt::CaseInsensitive); });
}

QString ScanFolder::checkFolder() const
{
    const QString shown = QDir::toNativeSeparators(m_folder);
    const QFileInfo info(m_folder);
    if (!info.exists())
        return tr("The scan folder %1 cannot be found. Check that the scanner's shared folder is connected.")
            .arg(shown);
    if (!info.isDir())
        return tr("%1 is not a folder: choose the folder the scanner saves into.").arg(shown);
    if (!info.isReadable() || !info.isExecutable())
        return tr("The scan folder %1 cannot be read. Check its access rights.").arg(shown);
    return {};
}

void ScanFolder::setError(const QString &message)
{
    if (message == m_error)
        return;
    const bool wasAvailable = m_error.isEmpty();
    m_error = message;
    if (!message.isEmpty()) {
        qCWarning(lcDomain) << "scan folder unavailable";
        m_settleTimer.stop();
        Q_EMIT folderUnavailable(message);
    } else if (!wasAvailable) {
        qCInfo(lcDomain) << "scan folder available again";
        Q_EMIT folderAvailable();
    }
}

bool ScanFolder::isSettled(const Entry &entry, qint64 nowMs) const
{
    return entry.size > 0 && nowMs - entry.stableSinceMs >= m_settleMs;
}

void ScanFolder::rescan()
{
    if (m_folder.isEmpty())
        return;
    const QString problem = checkFolder();
    if (!problem.isEmpty()) {
        // Entries are kept: files already reported are not reported again when the share comes back.
        setError(problem);
        return;
    }
    if (!m_watcher.directories().contains(m_folder))
        m_watcher.addPath(m_folder); // also after the folder was removed and made again

    const QStringList pendingBefore = pendingFiles();
    const qint64 now = m_clock->monotonicMs();
    const QDateTime wallNow = m_clock->now();
    const QDir dir(m_folder);
    const QFileInfoList listed = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    // The folder may vanish between the check and the listing: do not take that for "all files gone".
    if (const QString again = checkFolder(); !again.isEmpty()) {
        setError(again);
        return;
    }
    setError(QString());

    QHash<QString, Entry> seen;
    for (const QFileInfo &info : listed) {
        const QString name = info.fileName();
        if (!isCandidateName(name) || info.isHidden() || !info.isFile())
            continue;
        Entry entry;
        const auto known = m_entries.constFind(name);
        if (known != m_entries.constEnd()) {
            entry = *known;
            if (entry.size != info.size() || entry.modified != info.lastModified()) {
                entry.size = info.size();
                entry.modified = info.lastModified();
                entry.stableSinceMs = now;
                entry.reported = false;
                entry.preexisting = false; // written after the start: a new scan
            }
        } else {
            entry.size = info.size();
            entry.modified = info.lastModified();
            entry.stableSinceMs = now;
            entry.preexisting = !m_started;
            // An old file found at the start needs no wait to be offered among the pending ones.
            if (entry.preexisting && info.lastModified().msecsTo(wallNow) >= m_settleMs)
                entry.stableSinceMs = now - m_settleMs;
        }
        seen.insert(name, entry);
    }
    m_entries = seen;
    m_started = true;

    QStringList ready;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = it.value();
        if (entry.preexisting || entry.reported || !isSettled(entry, now))
            continue;
        QFile probe(dir.filePath(it.key()));
        if (!probe.open(QIODevice::ReadOnly)) {
            entry.stableSinceMs = now; // still held by the scanner: look again after another interval
            continue;
        }
        probe.close();
        entry.reported = true;
        ready.append(probe.fileName());
    }
    scheduleSettleCheck(now);

    std::sort(ready.begin(), ready.end());
    for (const QString &path : std::as_const(ready)) {
        qCInfo(lcDomain) << "scan ready";
        Q_EMIT fileReady(path);
    }
    if (pendingFiles() != pendingBefore)
        Q_EMIT pendingFilesChanged();
}

void ScanFolder::scheduleSettleCheck(qint64 nowMs)
{
    qint64 next = -1;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.reported || entry.size <= 0)
            continue; // empty files wait for the poll: the scanner may not have started writing
        if (entry.preexisting && isSettled(entry, nowMs))
            continue;
        const qint64 due = entry.stableSinceMs + m_settleMs;
        if (next < 0 || due < next)
            next = due;
    }
    if (next < 0) {
        m_settleTimer.stop();
        return;
    }
    m_settleTimer.start(int(qBound(qint64(0), next - nowMs + 10, qint64(m_settleMs) + 10)));
}

QStringList ScanFolder::pendingFiles() const
{
    if (m_folder.isEmpty())
        return {};
    const qint64 now = m_clock->monotonicMs();
    const QDir dir(m_folder);
    QList<QPair<QDateTime, QString>> found;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (it->preexisting && isSettled(*it, now) && QFileInfo::exists(dir.filePath(it.key())))
            found.append({it->modified, dir.filePath(it.key())});
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList paths;
    for (const auto &item : std::as_const(found))
        paths.append(item.second);
    return paths;
}

Status ScanFolder::consume(const QString &path)
{
    const QFileInfo info(path);
    if (m_folder.isEmpty() || QDir::cleanPath(info.absolutePath()) != m_folder || info.isDir() ||
        !isCandidateName(info.fileName()))
        return makeError(ErrorCode::InvalidInput, tr("This file is not a scan of the scan folder: it was left as it "
                                                     "is."));
    const QString name = info.fileName();
    const bool wasPending = pendingFiles().contains(info.absoluteFilePath());
    if (info.exists() || info.isSymLink()) {
        QFile file(info.absoluteFilePath());
        if (!file.remove() && QFileInfo::exists(info.absoluteFilePath())) {
            qCWarning(lcDomain) << "scan not deleted:" << file.error();
            return makeError(file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied
                                                                           : ErrorCode::Io,
                             tr("The document was attached, but its scan could not be deleted from the scan "
                                "folder. Delete it by hand: it holds a citizen's personal data."));
        }
    }
    m_entries.remove(name); // a later scan under the same name is a new file
    if (wasPending)
        Q_EMIT pendingFilesChanged();
    return {};
}

} // namespace relais
