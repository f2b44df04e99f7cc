#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QObject>
#include <QString>

namespace relais {
class Clock;
class Database;
} // namespace relais

namespace relais::sync {

// Lives on the engine's worker thread: reads one slice of an attachment from the AttachmentStore (on that thread's
// own connection) and hashes it, so that the GUI thread never waits on a 4 MiB read or a SHA-256.
class ChunkReader : public QObject
{
    Q_OBJECT

public:
    ChunkReader(Database *database, const Clock *clock);

    // Called on the worker thread. The whole file's SHA-256 is computed from the slices as they are read, in order
    // (no second pass over the file), and checked against `sha256` (raw, with `size`) before the last slice is
    // handed over, so a document damaged in the store never finishes leaving. A slice that does not follow the
    // previous one (a resume from the server's offset) first reads what comes before it, once.
    void read(quint64 ticket, qint64 attachmentId, qint64 offset, qint64 length, qint64 size, const QByteArray &sha256,
              bool withChecksum);
    // Called on the worker thread just before it ends: its SQL connection goes with it.
    void releaseConnection();

Q_SIGNALS:
    // `checksum` is the base64 SHA-256 of `bytes` (empty unless asked); `error` is translated, empty on success.
    // `storeBytes` counts what was read from the store for this slice (catching up included).
    void chunkRead(quint64 ticket, qint64 offset, const QByteArray &bytes, const QByteArray &checksum,
                   const QString &error, qint64 storeBytes);

private:
    Database *m_database;
    const Clock *m_clock;
    bool m_opened = false;
    // The running hash of the attachment being read: bytes [0, m_hashedUpTo) of m_hashedId.
    qint64 m_hashedId = 0;
    qint64 m_hashedUpTo = 0;
    QCryptographicHash m_whole{QCryptographicHash::Sha256};
};

} // namespace relais::sync
