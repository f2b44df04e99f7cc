#include "ChunkReader.h"

#include "common/Clock.h"
#include "domain/AttachmentStore.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QSqlDatabase>

namespace relais::sync {

namespace {

// Keeps the bytes of [offset, offset + length) of what the AttachmentStore streams into it. Once the slice is
// complete it refuses the next write, which stops the read early; a slice that reaches the end of the file lets
// the read finish, so the whole file's SHA-256 is checked before its last bytes leave.
class SliceSink final : public QIODevice
{
public:
    SliceSink(qint64 offset, qint64 length) : m_offset(offset), m_length(length) { open(QIODevice::WriteOnly); }
    bool isComplete() const { return m_bytes.size() == m_length; }
    QByteArray bytes() const { return m_bytes; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (isComplete())
            return -1;
        const qint64 start = m_position;
        m_position += size;
        const qint64 from = qMax(start, m_offset);
        const qint64 to = qMin(m_position, m_offset + m_length);
        if (to > from)
            m_bytes.append(data + (from - start), int(to - from));
        return size;
    }

private:
    qint64 m_offset;
    qint64 m_length;
    qint64 m_position = 0;
    QByteArray m_bytes;
};

} // namespace

ChunkReader::ChunkReader(Database *database) : m_database(database) {}

void ChunkReader::read(quint64 ticket, qint64 attachmentId, qint64 offset, qint64 length, bool withChecksum)
{
    m_opened = true;
    AttachmentStore store(m_database->connection(), SystemClock::instance());
    SliceSink sink(offset, length);
    const Status s = store.read(attachmentId, &sink);
    if (!sink.isComplete()) {
        Q_EMIT chunkRead(ticket, {}, {},
                         s ? AttachmentStore::tr("This document is damaged in the store: add it again.") : s.message());
        return;
    }
    if (!s && s.code() == ErrorCode::StoreCorrupt) {
        Q_EMIT chunkRead(ticket, {}, {}, s.message());
        return;
    }
    const QByteArray bytes = sink.bytes();
    const QByteArray checksum =
        withChecksum ? QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64() : QByteArray();
    Q_EMIT chunkRead(ticket, bytes, checksum, QString());
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
