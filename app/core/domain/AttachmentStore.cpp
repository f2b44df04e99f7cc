#include "AttachmentStore.h"

#include "CitizenRepository.h"
#include "SubmissionRepository.h"
#include "common/Clock.h"
#include "common/DataSize.h"
#include "store/Database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

QVariantMap AttachmentInfo::fieldValue() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("filename"), filename},
            {QStringLiteral("content_type"), contentType},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), QString::fromLatin1(sha256.toHex())}};
}

QStringList AttachmentStore::defaultAcceptedTypes()
{
    return {QStringLiteral("application/pdf"), QStringLiteral("image/jpeg"), QStringLiteral("image/png")};
}

AttachmentStore::AttachmentStore(QSqlDatabase db, const Clock *clock) : m_db(std::move(db)), m_clock(clock) {}

Status AttachmentStore::checkAccess(const Account &actor, qint64 attachmentId) const
{
    if (actor.role != Role::Volunteer)
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT submission_id, citizen_id FROM attachments WHERE id = ?"));
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("check access to a document"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This document no longer exists."));
    // A document of a démarche follows the démarche; one kept in a file only, the file.
    if (!q.value(0).isNull())
        return SubmissionRepository::checkAccess(m_db, actor, q.value(0).toLongLong());
    return CitizenRepository::checkAccess(m_db, actor, q.value(1).toLongLong());
}

Result<AttachmentInfo> AttachmentStore::add(const Account &actor, qint64 submissionId, const QString &field,
                                            const QString &filename, QIODevice *source, qint64 maxBytes,
                                            const QStringList &acceptedTypes)
{
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed.error();
    if (!source || !source->isReadable())
        return makeError(ErrorCode::Io, tr("The file cannot be read."));
    QByteArray chunk = source->read(ChunkSize);
    if (chunk.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The file is empty."));
    // What the bytes are, whatever the file is called: a renamed file is caught here.
    const QString type = QMimeDatabase().mimeTypeForFileNameAndData(QString(), chunk).name();
    if (!acceptedTypes.contains(type))
        return makeError(ErrorCode::InvalidInput, tr("This kind of file is not accepted here. Use a PDF, a JPEG or a "
                                                     "PNG image."));
    const QString limit = DataSize::format(maxBytes);

    AttachmentInfo info;
    info.submissionId = submissionId;
    info.field = field;
    info.filename = QFileInfo(filename).fileName();
    info.contentType = type;
    const Status stored = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO attachments (submission_id, field, filename, content_type, size, sha256,"
                                 " created_at) VALUES (?, ?, ?, ?, 0, x'', ?)"));
        q.addBindValue(submissionId);
        q.addBindValue(field);
        q.addBindValue(info.filename);
        q.addBindValue(type);
        q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODateWithMs));
        if (!q.exec())
            return Database::sqlError(QStringLiteral("add attachment"), q.lastError());
        info.id = q.lastInsertId().toLongLong();

        QCryptographicHash hash(QCryptographicHash::Sha256);
        QSqlQuery insertChunk(m_db);
        insertChunk.prepare(
            QStringLiteral("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)"));
        for (int seq = 0; !chunk.isEmpty(); ++seq) {
            info.size += chunk.size();
            if (info.size > maxBytes)
                return makeError(ErrorCode::InvalidInput,
                                 tr("The file is too large: at most %1 here. Scan it at a lower resolution or "
                                    "in black and white.")
                                     .arg(limit));
            hash.addData(chunk);
            insertChunk.bindValue(0, info.id);
            insertChunk.bindValue(1, seq);
            insertChunk.bindValue(2, chunk);
            if (!insertChunk.exec())
                return Database::sqlError(QStringLiteral("attachment chunk"), insertChunk.lastError());
            chunk = source->read(ChunkSize);
        }
        info.sha256 = hash.result();
        q.prepare(QStringLiteral("UPDATE attachments SET size = ?, sha256 = ? WHERE id = ?"));
        q.addBindValue(info.size);
        q.addBindValue(info.sha256);
        q.addBindValue(info.id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("attachment hash"), q.lastError());
        return {};
    });
    if (!stored)
        return stored.error();
    return info;
}

Result<QList<AttachmentInfo>> AttachmentStore::listWhere(const char *column, qint64 value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, submission_id, field, filename, content_type, size, sha256 FROM attachments"
                             " WHERE %1 = ? ORDER BY id")
                  .arg(QLatin1String(column)));
    q.addBindValue(value);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("list attachments"), q.lastError());
    QList<AttachmentInfo> list;
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toByteArray()});
    }
    return list;
}

Result<QList<AttachmentInfo>> AttachmentStore::list(const Account &actor, qint64 submissionId) const
{
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed.error();
    return listWhere("submission_id", submissionId);
}

Result<QList<AttachmentInfo>> AttachmentStore::list(SystemAccess, qint64 submissionId) const
{
    return listWhere("submission_id", submissionId);
}

Result<QList<AttachmentInfo>> AttachmentStore::listKept(const Account &actor, qint64 citizenId) const
{
    if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
        return allowed.error();
    return listWhere("citizen_id", citizenId);
}

Result<AttachmentInfo> AttachmentStore::copyTo(const Account &actor, qint64 attachmentId, qint64 submissionId,
                                               const QString &field)
{
    if (Status allowed = checkAccess(actor, attachmentId); !allowed)
        return allowed.error();
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed.error();
    qint64 id = 0;
    const Status s = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO attachments (submission_id, field, filename, content_type, size, sha256,"
                                 " created_at) SELECT ?, ?, filename, content_type, size, sha256, ? FROM attachments"
                                 " WHERE id = ?"));
        q.addBindValue(submissionId);
        q.addBindValue(field);
        q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODateWithMs));
        q.addBindValue(attachmentId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("copy attachment"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This document is no longer in the store."));
        id = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral("INSERT INTO attachment_chunks (attachment_id, seq, data)"
                                 " SELECT ?, seq, data FROM attachment_chunks WHERE attachment_id = ?"));
        q.addBindValue(id);
        q.addBindValue(attachmentId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("copy attachment chunks"), q.lastError());
        return {};
    });
    if (!s)
        return s.error();
    const Result<QList<AttachmentInfo>> all = listWhere("submission_id", submissionId);
    if (!all)
        return all.error();
    for (const AttachmentInfo &a : all.value())
        if (a.id == id)
            return a;
    return makeError(ErrorCode::Internal, tr("The copied document cannot be found."));
}

Status AttachmentStore::read(const Account &actor, qint64 attachmentId, QIODevice *sink) const
{
    if (Status allowed = checkAccess(actor, attachmentId); !allowed)
        return allowed;
    return readUnchecked(attachmentId, sink);
}

Status AttachmentStore::readUnchecked(qint64 attachmentId, QIODevice *sink) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT size, sha256 FROM attachments WHERE id = ?"));
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("read attachment"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This document no longer exists."));
    const qint64 size = q.value(0).toLongLong();
    const QByteArray expected = q.value(1).toByteArray();
    QSqlQuery chunks(m_db);
    chunks.setForwardOnly(true);
    chunks.prepare(QStringLiteral("SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq"));
    chunks.addBindValue(attachmentId);
    if (!chunks.exec())
        return Database::sqlError(QStringLiteral("read chunks"), chunks.lastError());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 total = 0;
    while (chunks.next()) {
        const QByteArray data = chunks.value(0).toByteArray();
        hash.addData(data);
        total += data.size();
        if (sink->write(data) != data.size())
            return makeError(ErrorCode::Io, tr("The document could not be written out."));
    }
    if (total != size || hash.result() != expected)
        return makeError(ErrorCode::StoreCorrupt, tr("This document is damaged in the store: add it again."));
    return {};
}

Result<QByteArray> AttachmentStore::readAll(const Account &actor, qint64 attachmentId) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (Status s = read(actor, attachmentId, &buffer); !s)
        return s.error();
    return bytes;
}

Result<QByteArray> AttachmentStore::readRange(const Account &actor, qint64 attachmentId, qint64 offset,
                                              qint64 length) const
{
    if (Status allowed = checkAccess(actor, attachmentId); !allowed)
        return allowed.error();
    return readRangeUnchecked(attachmentId, offset, length);
}

Result<QByteArray> AttachmentStore::readRange(SystemAccess, qint64 attachmentId, qint64 offset, qint64 length) const
{
    return readRangeUnchecked(attachmentId, offset, length);
}

Result<QByteArray> AttachmentStore::readRangeUnchecked(qint64 attachmentId, qint64 offset, qint64 length) const
{
    if (offset < 0 || length < 0)
        return makeError(ErrorCode::InvalidInput, tr("This part of the document does not exist."));
    // Chunks are usually ChunkSize long but a source may deliver shorter reads, so their lengths are asked
    // (length() of a blob reads only its first page, not the chunk).
    QSqlQuery sizes(m_db);
    sizes.setForwardOnly(true);
    sizes.prepare(
        QStringLiteral("SELECT seq, length(data) FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq"));
    sizes.addBindValue(attachmentId);
    if (!sizes.exec())
        return Database::sqlError(QStringLiteral("read chunk sizes"), sizes.lastError());
    qint64 firstSeq = -1, lastSeq = -1, firstStart = 0, position = 0;
    const qint64 end = offset + length;
    while (sizes.next()) {
        const qint64 seq = sizes.value(0).toLongLong();
        const qint64 chunkEnd = position + sizes.value(1).toLongLong();
        if (chunkEnd > offset && position < end) {
            if (firstSeq < 0) {
                firstSeq = seq;
                firstStart = position;
            }
            lastSeq = seq;
        }
        position = chunkEnd;
    }
    if (position == 0)
        return makeError(ErrorCode::InvalidInput, tr("This document no longer exists."));
    if (offset > position)
        return makeError(ErrorCode::InvalidInput, tr("This part of the document does not exist."));
    QByteArray bytes;
    if (firstSeq < 0)
        return bytes; // offset at the very end, or an empty range
    QSqlQuery chunks(m_db);
    chunks.setForwardOnly(true);
    chunks.prepare(QStringLiteral("SELECT data FROM attachment_chunks"
                                  " WHERE attachment_id = ? AND seq BETWEEN ? AND ? ORDER BY seq"));
    chunks.addBindValue(attachmentId);
    chunks.addBindValue(firstSeq);
    chunks.addBindValue(lastSeq);
    if (!chunks.exec())
        return Database::sqlError(QStringLiteral("read chunks"), chunks.lastError());
    bytes.reserve(int(qMin(length, position - offset)));
    qint64 at = firstStart;
    while (chunks.next()) {
        const QByteArray data = chunks.value(0).toByteArray();
        const qint64 from = qMax(at, offset) - at;
        const qint64 to = qMin(at + data.size(), end) - at;
        if (to > from)
            bytes.append(data.constData() + from, int(to - from));
        at += data.size();
    }
    return bytes;
}

Status AttachmentStore::verify(const Account &actor, qint64 attachmentId) const
{
    if (Status allowed = checkAccess(actor, attachmentId); !allowed)
        return allowed;
    return verifyUnchecked(attachmentId);
}

Status AttachmentStore::verifyUnchecked(qint64 attachmentId) const
{
    // A sink that accepts and forgets: read() does the hashing.
    class Discard final : public QIODevice
    {
    public:
        Discard() { open(QIODevice::WriteOnly); }

    protected:
        qint64 readData(char *, qint64) override { return -1; }
        qint64 writeData(const char *, qint64 size) override { return size; }
    } discard;
    return readUnchecked(attachmentId, &discard);
}

Status AttachmentStore::remove(const Account &actor, qint64 attachmentId)
{
    if (Status allowed = checkAccess(actor, attachmentId); !allowed)
        return allowed;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM attachments WHERE id = ?")); // chunks go with it (ON DELETE CASCADE)
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("remove attachment"), q.lastError());
    return {};
}

Status AttachmentStore::dropForSubmission(QSqlDatabase db, qint64 submissionId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM attachments WHERE submission_id = ? AND citizen_id IS NULL"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("drop attachments"), q.lastError());
    q.prepare(QStringLiteral("UPDATE attachments SET submission_id = NULL WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("keep documents"), q.lastError());
    return {};
}

Result<qint64> AttachmentStore::keepInFile(QSqlDatabase db, qint64 attachmentId, qint64 citizenId,
                                           const QList<qint64> &submissionIds, const QDateTime &now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT submission_id FROM attachments WHERE id = ?"));
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("keep document"), q.lastError());
    if (!q.next() || q.value(0).isNull() || !submissionIds.contains(q.value(0).toLongLong()))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("relais::Consents",
                                                     "This document does not belong to this person's démarches."));
    // A copy owned by the file alone: removing it from the draft later, or reducing the démarche to its receipt,
    // leaves the kept copy in place.
    q.prepare(QStringLiteral("INSERT INTO attachments (submission_id, citizen_id, field, filename, content_type,"
                             " size, sha256, created_at) SELECT NULL, ?, field, filename, content_type, size,"
                             " sha256, ? FROM attachments WHERE id = ?"));
    q.addBindValue(citizenId);
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("keep document"), q.lastError());
    const qint64 kept = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO attachment_chunks (attachment_id, seq, data)"
                             " SELECT ?, seq, data FROM attachment_chunks WHERE attachment_id = ?"));
    q.addBindValue(kept);
    q.addBindValue(attachmentId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("keep document chunks"), q.lastError());
    return kept;
}

Result<bool> AttachmentStore::dropKeptDocuments(QSqlDatabase db, qint64 citizenId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM attachments WHERE citizen_id = ? AND submission_id IS NULL"));
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("delete kept documents"), q.lastError());
    const bool deleted = q.numRowsAffected() > 0;
    q.prepare(QStringLiteral("UPDATE attachments SET citizen_id = NULL WHERE citizen_id = ?"));
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("detach documents"), q.lastError());
    return deleted;
}

Status AttachmentStore::moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId)
{
    return Database::exec(db, QStringLiteral("UPDATE attachments SET citizen_id = ? WHERE citizen_id = ?"),
                          {toCitizenId, fromCitizenId}, QStringLiteral("merge citizens"));
}

Result<QHash<qint64, qint64>> AttachmentStore::totalSizes(QSqlDatabase db, const QList<qint64> &submissionIds)
{
    QHash<qint64, qint64> sizes;
    if (submissionIds.isEmpty())
        return sizes;
    QStringList ids;
    for (const qint64 id : submissionIds)
        ids.append(QString::number(id));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT submission_id, SUM(size) FROM attachments WHERE submission_id IN (%1)"
                               " GROUP BY submission_id")
                    .arg(ids.join(QLatin1Char(',')))))
        return Database::sqlError(QStringLiteral("attachment sizes"), q.lastError());
    while (q.next())
        sizes.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return sizes;
}

} // namespace relais
