#pragma once

#include "Access.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QIODevice;

namespace relais {

class Clock;

struct AttachmentInfo
{
    qint64 id = 0;
    qint64 submissionId = 0;
    QString field;
    QString filename;
    QString contentType; // sniffed from the bytes, not taken from the file name
    qint64 size = 0;
    QByteArray sha256; // raw 32 bytes; sent as hex with the tus upload (DESIGN §6)

    // The answer of an attachment field that holds this file (the form engine's QVariantMap, docs/catalogue.md).
    QVariantMap fieldValue() const;
};

// Scans, photos and PDFs kept inside the encrypted store, in chunks: never a file in clear on disk,
// not even a temporary one. Reading back verifies the SHA-256 recorded when the file was added.
// Every call made for a person takes the acting account: a volunteer reaches only the documents of the démarches
// they may open and of the files they created (Access); the sync engine reads through SystemAccess.
class AttachmentStore
{
    Q_DECLARE_TR_FUNCTIONS(relais::AttachmentStore)

public:
    static constexpr qint64 ChunkSize = 256 * 1024;
    static constexpr qint64 DefaultMaxBytes = 20 * 1024 * 1024;
    static QStringList defaultAcceptedTypes(); // PDF, JPEG, PNG

    AttachmentStore(QSqlDatabase db, const Clock *clock);

    // Streams `source` into the store. Refuses, with a message and nothing stored, a file over
    // `maxBytes`, an empty one, or one whose content is not of an accepted type.
    Result<AttachmentInfo> add(const Account &actor, qint64 submissionId, const QString &field, const QString &filename,
                               QIODevice *source, qint64 maxBytes = DefaultMaxBytes,
                               const QStringList &acceptedTypes = defaultAcceptedTypes());
    Result<QList<AttachmentInfo>> list(const Account &actor, qint64 submissionId) const;
    Result<QList<AttachmentInfo>> list(SystemAccess, qint64 submissionId) const;
    // The documents of a citizen's file (kept for reuse, with the "documents" consent), oldest first.
    Result<QList<AttachmentInfo>> listKept(const Account &actor, qint64 citizenId) const;
    // Reuse: a copy of an attachment (typically a document kept in a citizen's file) for another démarche.
    Result<AttachmentInfo> copyTo(const Account &actor, qint64 attachmentId, qint64 submissionId, const QString &field);
    // Writes the attachment to `sink` chunk by chunk; fails if the bytes no longer match their SHA-256.
    Status read(const Account &actor, qint64 attachmentId, QIODevice *sink) const;
    Result<QByteArray> readAll(const Account &actor, qint64 attachmentId) const;
    // Bytes [offset, offset + length) of an attachment (fewer at its end), reading only the chunks that hold them,
    // so that sending a large file chunk by chunk costs one pass over it, not one per chunk. It does not check the
    // whole file's SHA-256: the caller hashes the ranges as they go (ChunkReader), or calls verify().
    Result<QByteArray> readRange(const Account &actor, qint64 attachmentId, qint64 offset, qint64 length) const;
    Result<QByteArray> readRange(SystemAccess, qint64 attachmentId, qint64 offset, qint64 length) const;
    // Reads the whole attachment without keeping it, checking its size and SHA-256.
    Status verify(const Account &actor, qint64 attachmentId) const;
    Status remove(const Account &actor, qint64 attachmentId);

    // --- inside the caller's transaction (the owners of submissions and consents call these) ---
    // The démarche's attachments go, except documents kept in the person's file, which are detached from it and
    // stay (their consent governs them).
    static Status dropForSubmission(QSqlDatabase db, qint64 submissionId);
    // A copy of attachment `attachmentId`, chunks included, owned by citizen `citizenId`'s file alone. Refused
    // (InvalidInput) unless the attachment belongs to one of `submissionIds`. Returns the copy's id.
    static Result<qint64> keepInFile(QSqlDatabase db, qint64 attachmentId, qint64 citizenId,
                                     const QList<qint64> &submissionIds, const QDateTime &now);
    // The "documents" consent withdrawn: kept copies go (chunks by cascade), copies sent with a démarche stay with
    // it, no longer part of the file. Returns whether any document was deleted.
    static Result<bool> dropKeptDocuments(QSqlDatabase db, qint64 citizenId);
    // Two files merged: the documents of `fromCitizenId` now belong to `toCitizenId`.
    static Status moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId);
    // The total size of the attachments of each of `submissionIds` (absent: none).
    static Result<QHash<qint64, qint64>> totalSizes(QSqlDatabase db, const QList<qint64> &submissionIds);

private:
    Result<QList<AttachmentInfo>> listWhere(const char *column, qint64 value) const;
    // PermissionDenied (translated) when `actor` may not reach the attachment; nothing is read before.
    Status checkAccess(const Account &actor, qint64 attachmentId) const;
    Status readUnchecked(qint64 attachmentId, QIODevice *sink) const;
    Status verifyUnchecked(qint64 attachmentId) const;
    Result<QByteArray> readRangeUnchecked(qint64 attachmentId, qint64 offset, qint64 length) const;

    QSqlDatabase m_db;
    const Clock *m_clock;
};

} // namespace relais
