#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace relais {

// The folder a network scanner drops its PDFs and JPEGs into, often over SMB and slowly.
//
// - Detection: a QFileSystemWatcher on the folder, plus a poll timer (default 2 s) because watchers
//   miss events on network shares. Both only trigger a rescan of the folder listing.
// - Complete file: fileReady(path) is emitted once a file's size and modification time have not
//   changed for the settle interval (default 1500 ms), it is not empty and it opens for reading
//   (on Windows a file still held by the scanner does not). Only regular files named *.pdf, *.jpg,
//   *.jpeg or *.png (any case) are candidates; hidden files, symbolic links, folders and names of
//   files being written (*.part, *.tmp, *.crdownload, ~*, .~lock*) are ignored. A "scan.pdf.part"
//   renamed to "scan.pdf" is therefore reported once, after the rename.
// - Once per file: a reported file is not reported again while it stays as it is. If its content
//   changes afterwards (a scanner that always writes "scan.pdf", or a write that paused longer than
//   the settle interval) it is reported again once settled: fileReady means "(re)load this file".
//   A file that disappears and comes back under the same name is a new file.
// - Files already there when watching starts are not emitted: they may be anybody's old scans.
//   pendingFiles() lists them (newest first) so the UI can offer them on request; one that is
//   modified after the start counts as a new scan and is emitted. The first successful listing of
//   the folder is the start; files found when an unreachable folder comes back are new.
// - Folder gone or unreadable (share disconnected, permissions): folderUnavailable(message) once,
//   errorString() holds the message, polling goes on and folderAvailable() tells when it is back.
// - consume(path) deletes a file from the scan folder once the mediator has attached it (the bytes
//   are then only in the encrypted store), so a citizen's scan does not linger in clear in a shared
//   folder. It is a plain delete: overwriting first gives no guarantee on SMB or SSD. Failure is
//   reported with a message asking to delete the file by hand.
// Time comes from the Clock's monotonic milliseconds; rescan() may be called directly.
class ScanFolder : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultSettleMs = 1500;
    static constexpr int DefaultPollMs = 2000;

    explicit ScanFolder(const Clock *clock, QObject *parent = nullptr);

    // Starts watching `path` (an empty path stops). Fails, with the message also in errorString(),
    // when the folder cannot be read now; it is still polled and watched once it appears.
    Status setFolder(const QString &path);
    QString folder() const { return m_folder; }
    void stop();
    // A folder is set and could be read at the last look.
    bool isWatching() const { return !m_folder.isEmpty() && m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    void setSettleMs(int ms);
    int settleMs() const { return m_settleMs; }
    void setPollMs(int ms);
    int pollMs() const { return m_pollMs; }

    // Absolute paths of the complete files that were already in the folder when watching started
    // and are still there unchanged, newest first. Never emitted through fileReady().
    QStringList pendingFiles() const;

    // Deletes `path`, a file directly inside the watched folder. A file already gone is success.
    Status consume(const QString &path);

    // Whether a file with this name may be a scan (extension and temporary-name rules above).
    static bool isCandidateName(const QString &fileName);

public Q_SLOTS:
    void rescan();

Q_SIGNALS:
    void fileReady(const QString &path);
    void pendingFilesChanged();
    void folderUnavailable(const QString &message);
    void folderAvailable();

private:
    struct Entry
    {
        qint64 size = -1;
        QDateTime modified;
        qint64 stableSinceMs = 0; // monotonic time of the last change seen
        bool preexisting = false;
        bool reported = false;
    };

    QString checkFolder() const; // empty when readable, else the message
    bool isSettled(const Entry &entry, qint64 nowMs) const;
    void scheduleSettleCheck(qint64 nowMs);
    void setError(const QString &message);

    const Clock *m_clock;
    QString m_folder;
    QString m_error;
    int m_settleMs = DefaultSettleMs;
    int m_pollMs = DefaultPollMs;
    bool m_started = false;          // the first listing that defines the pre-existing files was done
    QHash<QString, Entry> m_entries; // by file name
    QFileSystemWatcher m_watcher;
    QTimer m_pollTimer;
    QTimer m_settleTimer;
    QTimer m_coalesceTimer; // watcher events come in bursts while a file is written
};

} // namespace relais
