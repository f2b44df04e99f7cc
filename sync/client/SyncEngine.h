#pragma once

#include "ChunkSizer.h"
#include "HttpExchange.h"
#include "SyncStore.h"

#include "domain/AttachmentStore.h"
#include "domain/SubmissionRepository.h"
#include "store/ProcessLock.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThread;

namespace relais {
class Database;
class Workspace;
} // namespace relais

namespace relais::sync {

class ChunkReader;

// What one round did, for the status bar and relais-admin.
struct RoundSummary
{
    bool online = false;
    bool stopped = false;
    QString stoppedReason;
    int delivered = 0;
    int quarantined = 0;
    int retrying = 0;
    int waiting = 0; // queued + sending after the round
    int statusUpdates = 0;
    bool catalogueUpdated = false;
    QString catalogueError; // translated
    QString error;          // translated; empty when the round went through
    // Answers that came from something on the network instead of the platform (a proxy's error page, a captive
    // portal): never a refusal, the items stay in the outbox. The last one's sentence, with its HTTP status.
    int intercepted = 0;
    QString networkProblem; // translated
    // Another program (relais-admin sync, another engine) was synchronising this store: nothing was tried, the
    // round is to be run again later.
    bool busyElsewhere = false;
};

// Delivers the outbox to the platform (DESIGN §6, sync/protocol): health, signed catalogue, each due submission
// (tus uploads of its attachments, then an idempotent PUT), status pull, journal head. One round at a time; every
// state change is committed in the store before the next request, so a crash or a cut at any point resumes.
// One round at a time per store across processes too: a round first takes the store's sync lock (sync.lock in the
// data folder, a kernel lock that dies with its process), and ends at once, busyElsewhere, if another program holds
// it longer than the lock wait.
// Attachment reads and hashing run on a worker thread with its own connection; this object lives on the GUI
// thread and only makes small commits there.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // The kiosk and relais-admin: the store of the session (StoreAccess).
    explicit SyncEngine(const Workspace &workspace, QObject *parent = nullptr);
    // Tests and benchmarks that wire the parts by hand.
    SyncEngine(Database *database, Journal *journal, const Clock *clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setChunkSize(qint64 bytes); // default 4 MiB; the most a chunk carries (smaller on a slow link, ChunkSizer)
    qint64 currentChunkSize() const { return m_sizer.chunkSize(); }
    void setNetworkAccessManager(QNetworkAccessManager *nam); // relais-bench's timing manager; default: own
    void setRequestTimeoutMs(int ms);                         // default 30000 (per request, transfer timeout)
    void setLockWaitMs(int ms); // how long a round waits for another program's round to end; default 0
    static QString lockFileName() { return QStringLiteral("sync.lock"); }
    bool isRunning() const { return m_running; }
    QByteArray verifiedCatalogue() const; // last verified catalogue document (empty if none)
    // Attachment bytes read from the store during the current (or last) round: tests and relais-bench.
    qint64 storeBytesRead() const { return m_storeBytesRead; }
    // The delay before the next try after `attempts` failures: min(30 min, 10 s · 2^attempts) ± 20 %.
    static qint64 backoffMs(int attempts);

public Q_SLOTS:
    void start(bool ignoreBackoff = false); // one round; no-op if running or not enrolled
    void cancel();                          // stops after the current request; nothing half-committed

Q_SIGNALS:
    void onlineChanged(bool online);
    void itemProgress(qint64 submissionId, qint64 sentBytes, qint64 totalBytes);
    // After each acknowledged chunk: about how long the documents still to send in this round will take, at the
    // rate the link has carried so far (ChunkSizer); -1 while unknown.
    void timeRemaining(qint64 seconds);
    void itemChanged(qint64 submissionId);              // state / quarantine / receipt / status update
    void catalogueReceived(const QByteArray &document); // verified, stored
    void stopped(const QString &reason);                // 401/403
    void finished(const relais::sync::RoundSummary &summary);

private:
    // How an item (or a step of the round) ended.
    enum class Outcome
    {
        Done,
        Retry,      // transient: try again later; the round goes on with the next item
        RetryEnd,   // transient and network-level: try again later and end the round
        Quarantine, // a person must look
        Stop,       // 401/403
        Cancelled,
    };
    struct Failure
    {
        Outcome outcome = Outcome::Done;
        QString message; // translated
        qint64 retryAfterSecs = -1;
        bool intercepted = false; // answered by something on the way, not by the platform
    };
    struct Attachment
    {
        AttachmentInfo info;
        UploadState upload;
        QString uploadId;
    };

    SyncStore store() const;
    // An upload's address or confirmed offset, committed without waiting for the disk (see RelaxedCommit).
    Status saveUpload(const UploadState &upload) const;
    // Everything committed so far on the disk, relaxed commits included.
    void makeDurable() const;
    void setOnline(bool online);
    Failure classify(const HttpResponse &r, const QString &what) const;
    Failure unreadableAnswer() const; // a 2xx that is not what the protocol says: a failure, retried later
    Failure interceptedAnswer(const HttpResponse &r) const; // not the platform's answer: retried later
    // For the round's own steps (catalogue, status, journal head), after classify(): ends the round and returns true
    // when the network failed, something else answered, or the platform stopped the kiosk.
    bool roundStepFailed(const HttpResponse &r, const QString &what);
    void send(const QString &path, const QByteArray &verb, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers, std::function<void(const HttpResponse &)> done,
              const QString &query = QString());
    // A JSON body PUT to the platform, gzip-compressed when the platform said it reads that (health's
    // Accept-Encoding) and it is worth it.
    void sendJson(const QString &path, const QByteArray &json, std::function<void(const HttpResponse &)> done);
    void sendTo(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                const QList<QPair<QByteArray, QByteArray>> &headers, std::function<void(const HttpResponse &)> done);

    void claimStore();
    void beginRound();
    void checkHealth();
    void fetchCatalogue();
    void nextItem();
    void beginItem(qint64 submissionId);
    void learnTusOptions(std::function<void()> then);
    void nextAttachment();
    void createUpload(Attachment &a);
    void resumeUpload(Attachment &a);
    void sendChunk();
    void requestChunk(const Attachment &attachment, qint64 offset);
    bool sliceAheadFor(const Attachment &attachment, qint64 offset) const;
    void readAheadNextItem();
    void onChunkRead(quint64 ticket, qint64 offset, const QByteArray &bytes, const QByteArray &checksum,
                     const QString &error, qint64 storeBytes);
    void transmitChunk();
    void putSubmission();
    void finishItem(const Failure &f);
    void pullStatus();
    void sendJournalHead();
    void endRound(const QString &error = QString());
    void stopQueue(const QString &reason);
    void startWorker();
    void stopWorker();
    QJsonObject submissionBody() const;
    qint64 sentBytes() const;

    Database *m_database;
    Journal *m_journal;
    const Clock *m_clock;
    QNetworkAccessManager *m_ownNam = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    HttpExchange m_http;
    ChunkSizer m_sizer;
    int m_timeoutMs = 30000;
    int m_lockWaitMs = 0;
    ProcessLock m_storeLock;
    QDeadlineTimer m_lockDeadline;
    bool m_online = false;
    bool m_onlineKnown = false;

    QThread *m_thread = nullptr;
    ChunkReader *m_reader = nullptr;
    quint64 m_ticket = 0;

    // The round in progress.
    bool m_running = false;
    bool m_cancel = false;
    bool m_ignoreBackoff = false;
    SyncSettings m_settings;
    RoundSummary m_summary;
    QList<qint64> m_due;
    QHash<qint64, qint64> m_dueBytes; // documents' bytes of each due item not begun yet: the time remaining
    bool m_tusKnown = false;
    bool m_tusChecksum = false;
    bool m_gzipBodies = false; // the platform's health answer carried Accept-Encoding: gzip
    // The item in progress.
    Submission m_item;
    QList<Attachment> m_attachments;
    int m_attachmentIndex = 0;
    int m_resyncs = 0;
    qint64 m_chunkOffset = 0;
    // The slice read (or being read) ahead: the next one is read and hashed while the current one is on the wire.
    struct Slice
    {
        qint64 attachmentId = 0;
        qint64 offset = -1;
        quint64 ticket = 0;
        bool ready = false;
        QByteArray bytes;
        QByteArray checksum;
        QString error;
    };
    Slice m_next;
    bool m_waitingForSlice = false; // sendChunk() found the slice it needs still being read
    qint64 m_storeBytesRead = 0;
};

} // namespace relais::sync

Q_DECLARE_METATYPE(relais::sync::RoundSummary)
