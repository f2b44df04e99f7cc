#include "ChunkReader.h"

#include "common/Clock.h"
#include "domain/AttachmentStore.h"
#include "store/Database.h"

#include <QSqlDatabase>

namespace relais::sync {

namespace {

constexpr qint64 CatchUpSlice = 4 * 1024 * 1024; // bounded memory while hashing what a resume skips

} // namespace

ChunkReader::ChunkReader(Database *database, const Clock *clock) : m_database(database), m_clock(clock) {}

void ChunkReader::read(quint64 ticket, qint64 attachmentId, qint64 offset, qint64 length, qint64 size,
                       const QByteArray &sha256, bool withChecksum)
{
    m_opened = true;
    AttachmentStore store(m_database->connection(), m_clock);
    const QString damaged = AttachmentStore::tr("This document is damaged in the store: add it again.");
    qint64 storeBytes = 0;
    const auto fail = [&](const QString &error) {
        m_hashedId = 0; // the running hash is not trusted after a failure
        Q_EMIT chunkRead(ticket, offset, {}, {}, error, storeBytes);
    };
    if (attachmentId != m_hashedId || offset < m_hashedUpTo) {
        m_hashedId = attachmentId;
        m_hashedUpTo = 0;
        m_whole.reset();
    }
    // A resume (or a slice sent again) starts past what was hashed: hash the bytes before it first.
    while (m_hashedUpTo < offset) {
        const qint64 slice = qMin(CatchUpSlice, offset - m_hashedUpTo);
        const Result<QByteArray> before = store.readRange(SystemAccess(), attachmentId, m_hashedUpTo, slice);
        if (!before)
            return fail(before.error().message);
        storeBytes += before.value().size();
        if (before.value().size() != slice)
            return fail(damaged);
        m_whole.addData(before.value());
        m_hashedUpTo += slice;
    }
    const Result<QByteArray> bytes = store.readRange(SystemAccess(), attachmentId, offset, length);
    if (!bytes)
        return fail(bytes.error().message);
    storeBytes += bytes.value().size();
    if (bytes.value().size() != length) {
        // The store holds fewer bytes than the size recorded when the upload was created.
        return fail(damaged);
    }
    m_whole.addData(bytes.value());
    m_hashedUpTo += length;
    if (offset + length >= size) {
        // The last slice: the whole file, hashed on the way, must be the one recorded when it was added.
        const bool whole = m_hashedUpTo == size && m_whole.result() == sha256;
        m_hashedId = 0;
        if (!whole)
            return fail(damaged);
    }
    // A slice that is the whole file (most photos) has the file's digest, just checked: no second pass over it.
    const QByteArray checksum = !withChecksum ? QByteArray()
                                : offset == 0 && length == size
                                    ? sha256.toBase64()
                                    : QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toBase64();
    Q_EMIT chunkRead(ticket, offset, bytes.value(), checksum, QString(), storeBytes);
}

void ChunkReader::releaseConnection()
{
    if (!m_opened)
        return;
    QString name;
    {
        QSqlDatabase db = m_database->connection();
        name = db.connectionName();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    m_opened = false;
}

} // namespace relais::sync
