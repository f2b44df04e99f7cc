#pragma once

#include "PlatformAccess.h"

#include "common/Clock.h"
#include "common/Result.h"
#include "domain/SubmissionLifecycle.h"
#include "security/Account.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>
#include <QVariantList>

#include <optional>

namespace relais {
class Journal;
struct Submission;
} // namespace relais

namespace relais::sync {

// A status change the operator made, as the platform reported it.
struct StatusUpdate
{
    QString status;  // in_review, accepted, rejected_by_operator, incomplete
    QString message; // for the mediator, as the platform wrote it
    QDateTime at;
};

// One line of the outbox page.
struct OutboxItem
{
    qint64 submissionId = 0;
    QString uuid;
    QString demarcheId;
    int demarcheVersion = 0;
    SubmissionState state = SubmissionState::Queued;
    QDateTime queuedAt;
    QString reference;     // from the receipt
    QDateTime deliveredAt; // from the receipt
    QString quarantineReason;
    QString lastError;
    QDateTime nextAttemptAt;
    int attempts = 0;
    qint64 bytesTotal = 0;       // attachments of this item
    qint64 bytesSent = 0;        // confirmed by the platform (uploads table)
    QList<StatusUpdate> updates; // oldest first
};

struct SyncSettings
{
    QUrl platformUrl;
    QString deviceId;
    QByteArray token;
    QByteArray platformKey; // raw Ed25519 public key (32 bytes), pinned at enrolment
    QString platformName;
    QByteArray platformCa; // PEM of the CA given at enrolment, trusted alone for the platform; empty: the system's
    ProxySettings proxy;   // not part of the enrolment: relais-admin proxy set / clear
    bool isEnrolled() const;
};

// A tus upload in progress for one attachment: where it is and what the platform confirmed.
struct UploadState
{
    qint64 attachmentId = 0;
    qint64 submissionId = 0;
    QUrl url;
    qint64 offset = 0;
    qint64 length = 0;
};

// One change of the status feed (GET /v1/submissions/status).
struct StatusChange
{
    QString uuid;
    StatusUpdate update;
};

struct JournalHead
{
    qint64 seq = 0;  // id of the last journal row; 0 when the journal is empty
    QByteArray hash; // lower-case hex
};

// All sync state, kept in the encrypted store (schema 5: uploads, sync_items, status_updates, and settings keys
// sync_*). Every change is one transaction; the ones a person may have to account for are journaled.
// Works on the connection it is given: build one per thread (Database::connection()).
class SyncStore
{
    Q_DECLARE_TR_FUNCTIONS(relais::sync::SyncStore)

public:
    static constexpr char PlatformUrlKey[] = "sync_platform_url";
    static constexpr char DeviceIdKey[] = "sync_device_id";
    static constexpr char TokenKey[] = "sync_token";
    static constexpr char PlatformKeyKey[] = "sync_platform_key";
    static constexpr char PlatformNameKey[] = "sync_platform_name";
    static constexpr char StatusCursorKey[] = "sync_status_cursor";
    static constexpr char CatalogueEtagKey[] = "sync_catalogue_etag";
    static constexpr char CatalogueKey[] = "sync_catalogue";
    static constexpr char LastSuccessKey[] = "sync_last_success";
    static constexpr char StoppedReasonKey[] = "sync_stopped_reason";
    static constexpr char JournalHeadSentKey[] = "sync_journal_head_sent";
    static constexpr char PlatformCaKey[] = "sync_platform_ca";
    static constexpr char ProxyUrlKey[] = "sync_proxy_url";
    static constexpr char ProxyUserKey[] = "sync_proxy_user";
    static constexpr char ProxyPasswordKey[] = "sync_proxy_password";
    // {"<démarche id>": highest version accepted, "": the catalogue's own version}: a signed but older catalogue is
    // a rollback, refused even after a restart.
    static constexpr char CatalogueVersionsKey[] = "sync_catalogue_versions";

    SyncStore(QSqlDatabase db, Journal *journal, const Clock *clock);

    Result<SyncSettings> settings() const;
    // A new enrolment (or a re-enrolment): replaces the device's identity, lifts a stop, restarts the status feed
    // and asks for the catalogue again (to check it with the new key). Journaled "device_enrolled" (no token).
    Status saveEnrolment(const SyncSettings &s, const QString &actorLogin);
    // The administrator's proxy (an empty one clears it), password included, in the encrypted store. Journaled
    // "proxy_changed" (no address, no password).
    Status saveProxy(const ProxySettings &proxy, const QString &actorLogin);

    // Queued, sending and quarantined submissions, and those delivered in the last 30 days (with their status
    // updates), as far as `actor` may see them (Access: a volunteer, only their own); most recently queued first.
    Result<QList<OutboxItem>> outbox(const Account &actor) const;
    Result<OutboxItem> item(const Account &actor, qint64 submissionId) const;
    Result<int> waitingCount() const; // queued + sending
    QDateTime lastSuccess() const;    // invalid if never
    QString stoppedReason() const;    // non-empty after 401/403 until re-enrolment

    // "Correct and resend": a quarantined submission goes back to draft under the SAME uuid: the platform may hold
    // its first sending (quarantined after a lost answer), and then answers the resend with that same record's
    // receipt (or a conflict) instead of making a second one. Journaled "submission_reopened". Discard:
    // SubmissionRepository::discard.
    Status reopenForCorrection(const Account &actor, qint64 submissionId);

    // --- used by the engine: a system actor (see SystemAccess), working on ids and counts; what it reads of a
    // démarche's content goes through the repositories' SystemAccess overloads ---
    QString value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);
    // A catalogue whose signature was checked, with its ETag, in one transaction; refused (InvalidInput) if it
    // brings the catalogue or any démarche back to a version lower than one accepted before.
    Status saveCatalogue(const QString &etag, const QString &document);
    // Submissions waiting to be sent (queued or sending), oldest queued first; with ignoreBackoff false, those
    // whose next attempt is still in the future are left out.
    Result<QList<qint64>> dueItems(bool ignoreBackoff) const;
    // Committed before the first byte of the item leaves.
    Status markSending(qint64 submissionId);
    // A transient failure: attempts + 1, and when to try again.
    Status scheduleRetry(qint64 submissionId, const QString &error, const QDateTime &nextAttemptAt);
    int attempts(qint64 submissionId) const;
    // The platform refused the item for a reason a person must read. Journaled "submission_quarantined".
    Status quarantine(qint64 submissionId, const QString &reason);
    // A valid receipt came back: SubmissionRepository::markDelivered (which drops the answers and documents of a
    // person erased meanwhile), then the upload bookkeeping goes.
    Status recordDelivery(qint64 submissionId, const QJsonObject &receipt);
    std::optional<UploadState> upload(qint64 attachmentId) const;
    Status saveUpload(const UploadState &upload);
    Status forgetUpload(qint64 attachmentId);
    // One page of the status feed and the cursor after it, in one transaction. Changes for unknown uuids are
    // skipped. Returns the submissions that changed.
    Result<QList<qint64>> applyStatusChanges(const QList<StatusChange> &changes, const QString &cursor);
    Result<JournalHead> journalHead() const;
    // 401/403: nothing more is sent until an administrator enrols the device again.
    Status setStopped(const QString &reason);

private:
    Status writeValue(const QString &key, const QString &value);
    // The sync module's bookkeeping (retries, quarantine reason, bytes sent, status history) for these démarches.
    Result<QList<OutboxItem>> withBookkeeping(const QList<Submission> &rows) const;
    SubmissionLifecycle lifecycle() const;

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais::sync
