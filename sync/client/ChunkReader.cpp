#include "ChunkReader.h"

#include "common/Clock.h"
#include "domain/AttachmentStore.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QSqlDatabase>

namespace relais::sync {

ChunkReader::ChunkReader(Database *database) : m_database(database) {}

void ChunkReader::read(quint64 ticket, qint64 attachmentId, qint64 offset, qint64 length, bool last, bool withChecksum)
{
    m_opened = true;
    AttachmentStore store(m_database->connection(), SystemClock::instance());
    const Result<QByteArray> bytes = store.readRange(SystemAccess(), attachmentId, offset, length);
    if (!bytes) {
        Q_EMIT chunkRead(ticket, {}, {}, bytes.error().message);
        return;
    }
    if (bytes.value().size() != length) {
        // The store holds fewer bytes than the size recorded when the upload was created.
        Q_EMIT chunkRead(ticket, {}, {}, AttachmentStore::tr("This document is damaged in the store: add it again."));
        return;
    }
    if (last) {
        if (const Status whole = store.verify(SystemAccess(), attachmentId); !whole) {
            Q_EMIT chunkRead(ticket, {}, {}, whole.message());
            return;
        }
    }
    const QByteArray checksum =
        withChecksum ? QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toBase64() : QByteArray();
    Q_EMIT chunkRead(ticket, bytes.value(), checksum, QString());
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
