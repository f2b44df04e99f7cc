#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace relais {
class Database;
}

namespace relais::sync {

// Lives on the engine's worker thread: reads one slice of an attachment from the AttachmentStore (on that thread's
// own connection) and hashes it, so that the GUI thread never waits on a 4 MiB read or a SHA-256.
class ChunkReader : public QObject
{
    Q_OBJECT

public:
    explicit ChunkReader(Database *database);

    // Called on the worker thread. With `last`, the whole file's size and SHA-256 are checked before the slice is
    // handed over, so a document damaged in the store never finishes leaving: one extra pass per file, not per chunk.
    void read(quint64 ticket, qint64 attachmentId, qint64 offset, qint64 length, bool last, bool withChecksum);
    // Called on the worker thread just before it ends: its SQL connection goes with it.
    void releaseConnection();

Q_SIGNALS:
    // `checksum` is the base64 SHA-256 of `bytes` (empty unless asked); `error` is translated, empty on success.
    void chunkRead(quint64 ticket, const QByteArray &bytes, const QByteArray &checksum, const QString &error);

private:
    Database *m_database;
    bool m_opened = false;
};

} // namespace relais::sync
