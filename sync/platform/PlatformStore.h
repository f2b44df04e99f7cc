#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace relais::platform {

// The platform's clock. RELAIS_PLATFORM_NOW_OFFSET_SECONDS (tests only) moves it forward so that expiry can be
// proved on a real process without waiting a day.
QDateTime platformNow();
// ISO 8601 UTC with `Z`, seconds precision: every time on the wire.
QString isoUtc(const QDateTime &time);
// RFC 7231 IMF-fixdate, for Upload-Expires.
QByteArray httpDate(const QDateTime &time);

inline constexpr qint64 MaxUploadSize = qint64(1) << 30;
inline constexpr qint64 UnusedUploadDays = 7;

struct Device
{
    QString id;
    QString name;
    bool revoked = false;
};

struct Upload
{
    QString id;
    QString deviceId;
    qint64 length = 0;
    qint64 offset = 0;
    QString filename;
    QString contentType;
    QString sha256;
    QString submission;
    QString state; // open, complete, used, expired, terminated, corrupt
    QDateTime updatedAt;
};

struct Receipt
{
    QString uuid;
    QString reference;
    QString receivedAt;
    QString status;
};

struct StatusChange
{
    qint64 seq = 0;
    QString uuid;
    QString status;
    QString message;
    QString at;
};

struct Catalogue
{
    QByteArray body;
    QByteArray etag; // sha256 hex of body, without quotes
    QByteArray signature;
    int version = 0;
};

struct StoredAttachment
{
    QString field;
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString sha256; // as declared at delivery
    QString path;   // absolute path of the stored bytes
};

struct StoredSubmission
{
    QString uuid;
    QString reference;
    QString demarche;
    int demarcheVersion = 0;
    QString status;
    QString message;
    QString receivedAt;
    QString deviceId;
    QString deviceName;
    QString contentDigest;
    QList<StoredAttachment> attachments;
};

// An attachment named by a submission body, already checked for shape.
struct AttachmentRef
{
    QString field;
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString sha256;
    QString upload;
};

// What PUT /v1/submissions/<uuid> decided.
struct DeliveryOutcome
{
    int status = 0; // 201, 200, 409, 422, 500
    QString problemCode;
    QString problemTitle;
    QString detail;
    Receipt receipt;
};

// What PUT /v1/journal-heads/<seq> decided.
struct JournalHeadOutcome
{
    int status = 0;         // 201 new head, 200 the same head again, 409 lower seq or another hash, 500
    QString receivedAt;     // when the platform first recorded this head (201, 200)
    qint64 highestSeq = -1; // the device's highest recorded head before this request; -1 none
};

inline constexpr char SigningKeyFileName[] = "signing-key.ed25519";

// Everything the platform keeps: platform.db (QSQLITE, WAL, so operator commands work beside the server) and the
// bytes under uploads/ and submissions/. One instance per process; not thread-safe.
class PlatformStore
{
public:
    ~PlatformStore();
    PlatformStore(const PlatformStore &) = delete;
    PlatformStore &operator=(const PlatformStore &) = delete;

    static Result<std::unique_ptr<PlatformStore>> open(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString uploadPath(const QString &uploadId) const;

    // Signing key: generated on first use, its secret kept in signing-key.ed25519 (mode 0600, checked at every
    // start); platform.db keeps the public key so that a lost or replaced key file is refused, not regenerated.
    QByteArray publicKey();
    QByteArray secretKey();

    // Enrolment.
    Result<QString> newEnrolmentCode(); // printable form XXXX-XXXX-XXXX
    struct Enrolment
    {
        QString deviceId;
        QString token;
    };
    // Empty optional: unknown, used or expired code.
    std::optional<Enrolment> enrol(const QString &code, const QString &deviceName);
    std::optional<Device> deviceForToken(const QString &token);
    Status revokeDevice(const QString &deviceId);

    // Uploads (tus).
    Result<Upload> createUpload(const Upload &metadata);
    std::optional<Upload> upload(const QString &id);
    // Marks an upload expired (bytes removed) when it waited too long; returns the row as it now is.
    Upload applyExpiry(const Upload &upload, double expiryHours);
    Status recordOffset(const QString &id, qint64 offset, const QString &state);
    Status setUploadState(const QString &id, const QString &state);
    // Removes bytes of uploads that expired (open too long) or were never used (complete for 7 days).
    int sweepUploads(double expiryHours);

    // Submissions.
    DeliveryOutcome deliver(const QString &uuid, const Device &device, const QJsonObject &body,
                            const QList<AttachmentRef> &attachments);
    QList<StoredSubmission> submissions();
    Status setStatus(const QString &uuid, const QString &status, const QString &message);
    QList<StatusChange> statusChanges(const QString &deviceId, qint64 after, int limit);

    // Catalogue.
    std::optional<Catalogue> currentCatalogue();
    Status publishCatalogue(const QByteArray &document);

    // Journal heads: per device a monotonic head (a lower seq, or another hash at the same seq: 409).
    JournalHeadOutcome putJournalHead(const QString &deviceId, qint64 seq, const QString &hash, const QString &at);
    // Activity: 201 new, 200 identical, 409 different.
    int putActivity(const QString &deviceId, const QString &uuid, const QJsonObject &body);

private:
    PlatformStore(QString dataDir, QString connectionName);
    Status migrate();
    bool begin();
    bool commit();
    void rollback();
    Status loadKey();
    QString signingKeyPath() const;
    Status writeSigningKeyFile(const QByteArray &secretKey) const;

    QString m_dataDir;
    QString m_connectionName;
    QByteArray m_publicKey;
    QByteArray m_secretKey;
};

} // namespace relais::platform
