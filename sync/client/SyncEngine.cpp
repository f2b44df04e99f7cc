#include "SyncEngine.h"

#include "ChunkReader.h"
#include "StoreAccess.h"

#include "domain/Workspace.h"
#include "protocol/Protocol.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

Q_LOGGING_CATEGORY(lcSync, "relais.sync", QtInfoMsg)

namespace relais::sync {

namespace {

constexpr char TusResumable[] = "Tus-Resumable";

QString wireTime(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QByteArray metadataValue(const QString &value)
{
    return value.toUtf8().toBase64();
}

// An upload's address and confirmed offset are bookkeeping the platform can always tell again (HEAD answers the
// offset, sync/protocol §4): they are committed without waiting for the disk (WAL, synchronous = NORMAL). Such a
// commit survives the kiosk being killed; only a power cut can lose it, and then the upload is resumed from the
// platform's offset, or created again (its bytes sent once more). The next FULL commit (the item's delivery, a
// mediator's save) makes it durable with everything before it. The scope holds no event loop, so no other write
// runs relaxed on this connection.
class RelaxedCommit
{
public:
    explicit RelaxedCommit(QSqlDatabase db) : m_db(std::move(db))
    {
        (void)QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    ~RelaxedCommit() { (void)QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous = FULL")); }
    RelaxedCommit(const RelaxedCommit &) = delete;
    RelaxedCommit &operator=(const RelaxedCommit &) = delete;

private:
    QSqlDatabase m_db;
};

} // namespace

SyncEngine::SyncEngine(Database *database, Journal *journal, const Clock *clock, QObject *parent)
    : QObject(parent), m_database(database), m_journal(journal), m_clock(clock), m_sizer(clock),
      m_storeLock(QFileInfo(database->path()).dir().filePath(lockFileName()))
{
    qRegisterMetaType<relais::sync::RoundSummary>();
    m_ownNam = new QNetworkAccessManager(this);
    m_nam = m_ownNam;
    m_http.setNetworkAccessManager(m_nam);
}

void SyncEngine::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    // relais-bench times each request on the wire with its own manager (a subclass that stamps replies).
    m_nam = nam ? nam : m_ownNam;
    m_http.setNetworkAccessManager(m_nam);
}

SyncEngine::SyncEngine(const Workspace &workspace, QObject *parent)
    : SyncEngine(StoreAccess::database(workspace), &workspace.journal(), workspace.clock(), parent)
{}

SyncEngine::~SyncEngine()
{
    stopWorker();
}

void SyncEngine::setChunkSize(qint64 bytes)
{
    m_sizer.setMaximum(bytes);
}

void SyncEngine::setRequestTimeoutMs(int ms)
{
    m_timeoutMs = qMax(1, ms);
}

void SyncEngine::setLockWaitMs(int ms)
{
    m_lockWaitMs = qMax(0, ms);
}

QByteArray SyncEngine::verifiedCatalogue() const
{
    return store().value(QLatin1String(SyncStore::CatalogueKey)).toUtf8();
}

qint64 SyncEngine::backoffMs(int attempts)
{
    const qint64 cap = 30 * 60 * 1000;
    const qint64 base = attempts >= 8 ? cap : qMin<qint64>(cap, 10000LL << qMax(0, attempts));
    // ± 20 %: kiosks that lost the network together do not all come back in the same second.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return qint64(double(base) * jitter);
}

SyncStore SyncEngine::store() const
{
    return SyncStore(m_database->connection(), m_journal, m_clock);
}

void SyncEngine::makeDurable() const
{
    // A checkpoint first writes the log to the disk (synchronous FULL), then copies it into the database; FULL waits
    // for readers, so that nothing committed stays only in the operating system's cache.
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")))
        qCWarning(lcSync) << "checkpoint before the journal head failed";
}

Status SyncEngine::saveUpload(const UploadState &upload) const
{
    const QSqlDatabase db = m_database->connection();
    RelaxedCommit relaxed(db);
    return SyncStore(db, m_journal, m_clock).saveUpload(upload);
}

void SyncEngine::setOnline(bool online)
{
    if (m_onlineKnown && m_online == online)
        return;
    m_onlineKnown = true;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

void SyncEngine::start(bool ignoreBackoff)
{
    if (m_running)
        return;
    const auto settings = store().settings();
    if (!settings || !settings->isEnrolled())
        return;
    m_running = true;
    m_cancel = false;
    m_storeBytesRead = 0;
    m_next = Slice();
    m_waitingForSlice = false;
    m_ignoreBackoff = ignoreBackoff;
    m_settings = settings.value();
    m_summary = RoundSummary();
    m_due.clear();
    m_tusKnown = false;
    m_tusChecksum = false;
    m_gzipBodies = false;
    m_http.setToken(m_settings.token);
    m_http.setTimeoutMs(m_timeoutMs);
    m_lockDeadline = QDeadlineTimer(m_lockWaitMs);
    claimStore();
}

void SyncEngine::claimStore()
{
    switch (m_storeLock.tryLock()) {
    case ProcessLock::Outcome::Acquired:
        beginRound();
        return;
    case ProcessLock::Outcome::Failed: {
        const QString error = m_storeLock.errorString();
        QMetaObject::invokeMethod(
            this, [this, error] { endRound(error); }, Qt::QueuedConnection);
        return;
    }
    case ProcessLock::Outcome::Busy:
        break;
    }
    if (!m_cancel && !m_lockDeadline.hasExpired()) {
        QTimer::singleShot(200, this, &SyncEngine::claimStore);
        return;
    }
    // Two rounds at once would upload the same items twice and read each other's 409s as refusals: this one gives
    // way, and is run again later (the scheduler, or the administrator's script).
    qCInfo(lcSync) << "another program is synchronising this store: round not run";
    m_summary.busyElsewhere = true;
    m_summary.online = m_online;
    const QString busy =
        m_cancel ? tr("Sending was stopped.") : tr("A synchronisation is running from another program");
    QMetaObject::invokeMethod(
        this, [this, busy] { endRound(busy); }, Qt::QueuedConnection);
}

void SyncEngine::beginRound()
{
    const QString stoppedReason = store().stoppedReason();
    if (!stoppedReason.isEmpty()) {
        // Nothing leaves until an administrator enrols the device again.
        m_summary.stopped = true;
        m_summary.stoppedReason = stoppedReason;
        QMetaObject::invokeMethod(
            this, [this, stoppedReason] { endRound(stoppedReason); }, Qt::QueuedConnection);
        return;
    }
    if (m_settings.platformUrl.scheme() != QLatin1String("https") && !protocol::isLoopbackUrl(m_settings.platformUrl)) {
        const QString error = tr("The platform address must start with https://.");
        QMetaObject::invokeMethod(
            this, [this, error] { endRound(error); }, Qt::QueuedConnection);
        return;
    }
    QList<QSslCertificate> cas;
    if (!m_settings.platformCa.isEmpty()) {
        const auto read = access::readCa(m_settings.platformCa);
        if (!read) {
            const QString error = read.message();
            QMetaObject::invokeMethod(
                this, [this, error] { endRound(error); }, Qt::QueuedConnection);
            return;
        }
        cas = read.value();
    }
    m_http.setPlatformCa(cas);
    access::configureProxy(m_nam, m_settings.proxy);
    startWorker();
    checkHealth();
}

void SyncEngine::cancel()
{
    if (m_running)
        m_cancel = true;
}

void SyncEngine::startWorker()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("relais-sync-reader"));
    m_reader = new ChunkReader(m_database, m_clock);
    m_reader->moveToThread(m_thread);
    connect(m_reader, &ChunkReader::chunkRead, this, &SyncEngine::onChunkRead, Qt::QueuedConnection);
    m_thread->start();
}

void SyncEngine::stopWorker()
{
    if (!m_thread)
        return;
    ++m_ticket; // a chunk still on its way is ignored
    ChunkReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader] { reader->releaseConnection(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_reader;
    delete m_thread;
    m_reader = nullptr;
    m_thread = nullptr;
}

void SyncEngine::sendTo(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers,
                        std::function<void(const HttpResponse &)> done)
{
    if (!protocol::sameOrigin(url, m_settings.platformUrl)) {
        // The last guard: the token (and the bytes) never leave for another origin, whatever asked for it.
        qCWarning(lcSync) << verb << "to another origin than the platform's refused";
        HttpResponse refused;
        refused.error = QNetworkReply::ProtocolInvalidOperationError;
        QMetaObject::invokeMethod(
            this, [done = std::move(done), refused] { done(refused); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request = m_http.request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    qCDebug(lcSync) << verb << url.path();
    m_http.send(request, verb, body, this, std::move(done));
}

void SyncEngine::send(const QString &path, const QByteArray &verb, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers,
                      std::function<void(const HttpResponse &)> done, const QString &query)
{
    sendTo(HttpExchange::endpoint(m_settings.platformUrl, path, query), verb, body, headers, std::move(done));
}

void SyncEngine::sendJson(const QString &path, const QByteArray &json, std::function<void(const HttpResponse &)> done)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", protocol::JsonContentType}};
    QByteArray body = json;
    if (m_gzipBodies && json.size() >= protocol::GzipMinBytes) {
        const QByteArray packed = protocol::gzip(json);
        if (!packed.isEmpty() && packed.size() < json.size()) {
            body = packed;
            headers.append({QByteArray("Content-Encoding"), QByteArray(protocol::GzipEncoding)});
        }
    }
    send(path, "PUT", body, headers, std::move(done));
}

// The whole retry / quarantine / stop policy (sync/protocol README §6), in one place. Only the platform can refuse:
// an answer without `Relais-Platform: 1` (a proxy's 417, 403, 407 or 413 page, a captive portal's 200) never
// quarantines an item nor stops the queue, and a refusal is the platform's problem+json, never a bare status.
SyncEngine::Failure SyncEngine::classify(const HttpResponse &r, const QString &what) const
{
    Failure f;
    if (r.isFromSomethingElse()) {
        qCWarning(lcSync) << what << "answered" << r.status << "by something else than the platform";
        return interceptedAnswer(r);
    }
    if (r.isNetworkFailure()) {
        f.outcome = Outcome::RetryEnd;
        f.message = tr("The connection to the platform was lost; it will be tried again later.");
        qCInfo(lcSync) << what << "network failure" << int(r.error);
        return f;
    }
    qCInfo(lcSync) << what << "answered" << r.status;
    if (r.status == 408 || r.status == 429 || r.status >= 500) {
        f.outcome = Outcome::Retry;
        f.message = tr("The platform is busy or unavailable (error %1); it will be tried again later.").arg(r.status);
        f.retryAfterSecs = r.retryAfterSecs(m_clock->now());
        return f;
    }
    if ((r.status == 401 || r.status == 403) && r.isPlatformProblem()) {
        f.outcome = Outcome::Stop;
        f.message = r.problemDetail(tr("The platform no longer accepts this kiosk: an administrator must enrol it "
                                       "again."));
        return f;
    }
    if (r.status >= 400 && r.status < 500 && r.isPlatformProblem()) {
        f.outcome = Outcome::Quarantine;
        f.message = r.problemDetail(tr("The platform refused this démarche (error %1).").arg(r.status));
        return f;
    }
    // A 2xx whose body is not what the protocol says, or a 4xx without the platform's explanation.
    return unreadableAnswer();
}

SyncEngine::Failure SyncEngine::unreadableAnswer() const
{
    Failure f;
    f.outcome = Outcome::Retry;
    f.message = tr("The platform's answer could not be understood; it will be tried again later.");
    return f;
}

SyncEngine::Failure SyncEngine::interceptedAnswer(const HttpResponse &r) const
{
    Failure f;
    f.outcome = Outcome::Retry;
    f.intercepted = true;
    f.message = tr("Something on the network answered instead of the platform (HTTP %1): a proxy, a firewall or a "
                   "Wi-Fi login page may be in the way. The démarches stay in the outbox and will be sent later.")
                    .arg(r.status);
    return f;
}

bool SyncEngine::roundStepFailed(const HttpResponse &r, const QString &what)
{
    const Failure f = classify(r, what);
    if (f.intercepted) {
        ++m_summary.intercepted;
        m_summary.networkProblem = f.message;
        m_summary.online = false;
        setOnline(false);
        endRound(f.message);
        return true;
    }
    if (f.outcome == Outcome::RetryEnd) {
        setOnline(false);
        endRound(f.message);
        return true;
    }
    if (f.outcome == Outcome::Stop) {
        stopQueue(f.message);
        return true;
    }
    return false;
}

void SyncEngine::checkHealth()
{
    send(QStringLiteral("/v1/health"), "GET", {}, {}, [this](const HttpResponse &r) {
        // Anything but the platform's own 204 (a captive portal's page, a proxy's error) means "not online".
        if (r.isFromSomethingElse() && roundStepFailed(r, QStringLiteral("health")))
            return;
        const bool online = r.isFromPlatform() && r.status == 204;
        m_summary.online = online;
        // RFC 7694: the platform says it reads gzip-compressed JSON bodies; an older one is sent them as they are.
        m_gzipBodies = false;
        for (const QByteArray &coding : r.header("accept-encoding").split(','))
            m_gzipBodies = m_gzipBodies || coding.split(';').first().trimmed().toLower() == protocol::GzipEncoding;
        setOnline(online);
        if (!online) {
            qCInfo(lcSync) << "platform not reachable, status" << r.status << "error" << int(r.error);
            const QString problem = r.transportProblem();
            endRound(problem.isEmpty() ? tr("The platform cannot be reached: the démarches stay in the outbox and "
                                            "will be sent later.")
                                       : problem);
            return;
        }
        if (m_cancel) {
            endRound(tr("Sending was stopped."));
            return;
        }
        fetchCatalogue();
    });
}

void SyncEngine::fetchCatalogue()
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QString etag = store().value(QLatin1String(SyncStore::CatalogueEtagKey));
    if (!etag.isEmpty() && !verifiedCatalogue().isEmpty())
        headers.append({"If-None-Match", etag.toLatin1()});
    send(QStringLiteral("/v1/catalogue"), "GET", {}, headers, [this](const HttpResponse &r) {
        // A captive portal's page is not a catalogue with a bad signature: the platform is not online.
        if (roundStepFailed(r, QStringLiteral("catalogue")))
            return;
        if (r.status == 200) {
            const QByteArray signature = r.header("relais-signature").trimmed();
            const bool signedByPlatform =
                signature.startsWith("ed25519 ") &&
                protocol::verify(r.body, QByteArray::fromBase64(signature.mid(8).trimmed()), m_settings.platformKey);
            // Stored as text: refuse what would not come back byte for byte.
            const QString text = QString::fromUtf8(r.body);
            if (!signedByPlatform || text.toUtf8() != r.body) {
                qCWarning(lcSync) << "catalogue refused: signature does not match the pinned platform key";
                m_summary.catalogueError = tr("The catalogue sent by the platform is not signed with its key: it was "
                                              "refused and the previous one is kept.");
            } else {
                const Status stored = store().saveCatalogue(QString::fromLatin1(r.header("etag")), text);
                if (stored) {
                    m_summary.catalogueUpdated = true;
                    Q_EMIT catalogueReceived(r.body);
                } else {
                    m_summary.catalogueError = stored.message();
                }
            }
        } else if (r.status != 304 && r.status != 404) {
            m_summary.catalogueError =
                tr("The catalogue could not be fetched (error %1); the previous one is kept.").arg(r.status);
        }
        auto due = store().dueItems(m_ignoreBackoff);
        if (!due) {
            endRound(due.message());
            return;
        }
        m_due = due.value();
        m_dueBytes.clear();
        const QSqlDatabase db = m_database->connection();
        for (qint64 id : std::as_const(m_due)) {
            qint64 bytes = 0;
            if (const auto attachments = AttachmentStore(db, m_clock).list(SystemAccess(), id))
                for (const AttachmentInfo &a : attachments.value())
                    bytes += a.size;
            m_dueBytes.insert(id, bytes);
        }
        nextItem();
    });
}

void SyncEngine::nextItem()
{
    if (m_cancel) {
        endRound(tr("Sending was stopped."));
        return;
    }
    if (m_due.isEmpty()) {
        pullStatus();
        return;
    }
    beginItem(m_due.takeFirst());
}

void SyncEngine::beginItem(qint64 submissionId)
{
    m_dueBytes.remove(submissionId);
    const QSqlDatabase db = m_database->connection();
    // The engine delivers every queued démarche, whoever is signed in: the system path (SystemAccess).
    auto submission = SubmissionRepository(db, m_journal, m_clock).load(SystemAccess(), submissionId);
    auto attachments = AttachmentStore(db, m_clock).list(SystemAccess(), submissionId);
    if (!submission || !submission->isWaiting() || !attachments) {
        nextItem();
        return;
    }
    SyncStore s = store();
    // Committed before the first byte leaves: after a crash the item is resumed, never assumed delivered.
    if (Status sending = s.markSending(submissionId); !sending) {
        qCWarning(lcSync) << "submission" << submissionId << "could not be marked sending";
        nextItem();
        return;
    }
    Q_EMIT itemChanged(submissionId);
    m_item = submission.value();
    m_attachments.clear();
    for (const AttachmentInfo &info : attachments.value()) {
        Attachment a;
        a.info = info;
        if (auto upload = s.upload(info.id); upload && upload->length == info.size) {
            a.upload = *upload;
            a.uploadId = upload->url.path().section(QLatin1Char('/'), -1);
        }
        m_attachments.append(a);
    }
    m_attachmentIndex = 0;
    m_resyncs = 0;
    qint64 total = 0;
    for (const Attachment &a : m_attachments)
        total += a.info.size;
    Q_EMIT itemProgress(submissionId, sentBytes(), total);
    if (m_attachments.isEmpty())
        putSubmission();
    else
        learnTusOptions([this] { nextAttachment(); });
}

qint64 SyncEngine::sentBytes() const
{
    qint64 sent = 0;
    for (const Attachment &a : m_attachments)
        sent += a.upload.offset;
    return sent;
}

void SyncEngine::learnTusOptions(std::function<void()> then)
{
    if (m_tusKnown) {
        then();
        return;
    }
    send(QStringLiteral("/v1/uploads/"), "OPTIONS", {}, {}, [this, then](const HttpResponse &r) {
        if (!r.isFromPlatform() || r.status < 200 || r.status >= 300) {
            finishItem(classify(r, QStringLiteral("tus options")));
            return;
        }
        const QList<QByteArray> versions = r.header("tus-version").split(',');
        bool v1 = false;
        for (const QByteArray &v : versions)
            v1 = v1 || v.trimmed() == protocol::TusVersion;
        if (!v1) {
            Failure f;
            f.outcome = Outcome::Retry;
            f.message = tr("The platform does not offer resumable uploads in a version this kiosk knows.");
            finishItem(f);
            return;
        }
        bool checksum = false;
        for (const QByteArray &e : r.header("tus-extension").split(','))
            checksum = checksum || e.trimmed() == "checksum";
        const QByteArray algorithms = r.header("tus-checksum-algorithm");
        bool sha256 = algorithms.isEmpty();
        for (const QByteArray &a : algorithms.split(','))
            sha256 = sha256 || a.trimmed().toLower() == "sha256";
        m_tusKnown = true;
        m_tusChecksum = checksum && sha256;
        then();
    });
}

void SyncEngine::nextAttachment()
{
    if (m_cancel) {
        Failure f;
        f.outcome = Outcome::Cancelled;
        finishItem(f);
        return;
    }
    if (m_attachmentIndex >= m_attachments.size()) {
        putSubmission();
        return;
    }
    Attachment &a = m_attachments[m_attachmentIndex];
    if (a.upload.url.isValid() && !a.upload.url.isEmpty() &&
        !protocol::sameOrigin(a.upload.url, m_settings.platformUrl)) {
        // Kept from another platform address (a re-enrolment) or from before the origin rule: start over here.
        (void)store().forgetUpload(a.info.id);
        a.upload = UploadState();
        a.uploadId.clear();
    }
    // Its first slice is read and hashed while the creation (or the HEAD of a resume) is on the wire.
    if (a.upload.offset < a.info.size && !sliceAheadFor(a, a.upload.offset))
        requestChunk(a, a.upload.offset);
    if (a.upload.url.isValid() && !a.upload.url.isEmpty())
        resumeUpload(a);
    else
        createUpload(a);
}

void SyncEngine::createUpload(Attachment &attachment)
{
    const QByteArray metadata = "filename " + metadataValue(attachment.info.filename) + ",content_type " +
                                metadataValue(attachment.info.contentType) + ",sha256 " +
                                metadataValue(QString::fromLatin1(attachment.info.sha256.toHex())) + ",submission " +
                                metadataValue(m_item.uuid);
    const qint64 attachmentId = attachment.info.id;
    send(QStringLiteral("/v1/uploads/"), "POST", {},
         {{TusResumable, protocol::TusVersion},
          {"Upload-Length", QByteArray::number(attachment.info.size)},
          {"Upload-Metadata", metadata}},
         [this, attachmentId](const HttpResponse &r) {
             Attachment &current = m_attachments[m_attachmentIndex];
             const QByteArray location = r.header("location");
             if (!r.isFromPlatform() || r.status != 201 || location.isEmpty()) {
                 finishItem(classify(r, QStringLiteral("tus create")));
                 return;
             }
             const QUrl url = m_settings.platformUrl.resolved(QUrl(QString::fromLatin1(location)));
             if (!protocol::sameOrigin(url, m_settings.platformUrl)) {
                 // Only the platform's own scheme, host and port get the token and the documents (DESIGN §6). Not
                 // the item's fault: something on the way, or the platform's set-up; tried again later.
                 qCWarning(lcSync) << "tus create: upload address on another origin refused";
                 Failure f;
                 f.outcome = Outcome::Retry;
                 f.message = tr("The platform gave an upload address on another server; nothing was sent there. "
                                "Sending will be tried again later; if this goes on, tell the platform's "
                                "administrator.");
                 finishItem(f);
                 return;
             }
             current.upload.attachmentId = attachmentId;
             current.upload.submissionId = m_item.id;
             current.upload.url = url;
             current.upload.offset = 0;
             current.upload.length = current.info.size;
             current.uploadId = current.upload.url.path().section(QLatin1Char('/'), -1);
             // The upload's address is committed before its first chunk leaves.
             if (Status saved = saveUpload(current.upload); !saved) {
                 endRound(saved.message());
                 return;
             }
             sendChunk();
         });
}

void SyncEngine::resumeUpload(Attachment &attachment)
{
    sendTo(attachment.upload.url, "HEAD", {}, {{TusResumable, protocol::TusVersion}}, [this](const HttpResponse &r) {
        Attachment &current = m_attachments[m_attachmentIndex];
        if (r.isFromPlatform() && (r.status == 404 || r.status == 410)) {
            // Expired, terminated or unknown (the platform says so, not a proxy): start a new upload of the same bytes.
            (void)store().forgetUpload(current.info.id);
            current.upload = UploadState();
            current.uploadId.clear();
            createUpload(current);
            return;
        }
        bool ok = false;
        const qint64 offset = r.header("upload-offset").toLongLong(&ok);
        if (!r.isFromPlatform() || r.status != 200 || !ok || offset < 0 || offset > current.info.size) {
            finishItem(classify(r, QStringLiteral("tus head")));
            return;
        }
        // The server's offset is the truth: what it did not confirm is sent again.
        current.upload.offset = offset;
        if (Status saved = saveUpload(current.upload); !saved) {
            endRound(saved.message());
            return;
        }
        sendChunk();
    });
}

void SyncEngine::sendChunk()
{
    Attachment &a = m_attachments[m_attachmentIndex];
    Q_EMIT itemProgress(m_item.id, sentBytes(), [this] {
        qint64 total = 0;
        for (const Attachment &x : m_attachments)
            total += x.info.size;
        return total;
    }());
    if (a.upload.offset >= a.upload.length) {
        ++m_attachmentIndex;
        nextAttachment();
        return;
    }
    if (m_cancel) {
        Failure f;
        f.outcome = Outcome::Cancelled;
        finishItem(f);
        return;
    }
    m_chunkOffset = a.upload.offset;
    // The slice read ahead is used only if it is the one the server expects now (not after a resync elsewhere).
    if (!sliceAheadFor(a, a.upload.offset))
        requestChunk(a, a.upload.offset);
    if (m_next.ready)
        transmitChunk();
    else
        m_waitingForSlice = true;
}

void SyncEngine::requestChunk(const Attachment &attachment, qint64 offset)
{
    m_next = Slice();
    m_next.attachmentId = attachment.info.id;
    m_next.offset = offset;
    m_next.ticket = ++m_ticket; // a slice still on its way for another offset is ignored
    const quint64 ticket = m_next.ticket;
    ChunkReader *reader = m_reader;
    const qint64 attachmentId = attachment.info.id;
    const qint64 length = qMin(m_sizer.chunkSize(), attachment.info.size - offset);
    const qint64 size = attachment.info.size;
    const QByteArray sha256 = attachment.info.sha256;
    const bool checksum = m_tusChecksum;
    QMetaObject::invokeMethod(
        reader, [=] { reader->read(ticket, attachmentId, offset, length, size, sha256, checksum); },
        Qt::QueuedConnection);
}

void SyncEngine::onChunkRead(quint64 ticket, qint64 offset, const QByteArray &bytes, const QByteArray &checksum,
                             const QString &error, qint64 storeBytes)
{
    if (!m_running)
        return;
    m_storeBytesRead += storeBytes;
    if (ticket != m_ticket || offset != m_next.offset)
        return;
    m_next.ready = true;
    m_next.bytes = bytes;
    m_next.checksum = checksum;
    m_next.error = error;
    if (m_waitingForSlice)
        transmitChunk();
}

void SyncEngine::transmitChunk()
{
    m_waitingForSlice = false;
    const Slice slice = std::exchange(m_next, Slice());
    if (!slice.error.isEmpty()) {
        Failure f;
        f.outcome = Outcome::Quarantine;
        f.message = slice.error;
        finishItem(f);
        return;
    }
    const QByteArray &bytes = slice.bytes;
    const QByteArray &checksum = slice.checksum;
    Attachment &a = m_attachments[m_attachmentIndex];
    QList<QPair<QByteArray, QByteArray>> headers = {
        {TusResumable, protocol::TusVersion},
        {"Upload-Offset", QByteArray::number(m_chunkOffset)},
        {"Content-Type", "application/offset+octet-stream"},
    };
    if (m_tusChecksum)
        headers.append({"Upload-Checksum", "sha256 " + checksum});
    const qint64 sentOffset = m_chunkOffset;
    const qint64 sentLength = bytes.size();
    m_sizer.chunkSent();
    sendTo(a.upload.url, "PATCH", bytes, headers, [this, sentOffset, sentLength](const HttpResponse &r) {
        Attachment &current = m_attachments[m_attachmentIndex];
        if (r.isFromPlatform() && r.status == 204) {
            m_sizer.chunkAcknowledged(sentLength);
            bool ok = false;
            const qint64 offset = r.header("upload-offset").toLongLong(&ok);
            if (!ok || offset != sentOffset + sentLength) {
                qCWarning(lcSync) << "unexpected Upload-Offset after a chunk";
                if (m_resyncs++ < 3) {
                    resumeUpload(current);
                    return;
                }
                finishItem(unreadableAnswer());
                return;
            }
            current.upload.offset = offset;
            // Committed after each acknowledged chunk: a restart continues from here (after asking the server).
            if (Status saved = saveUpload(current.upload); !saved) {
                endRound(saved.message());
                return;
            }
            m_resyncs = 0;
            qint64 left = -sentBytes();
            for (const Attachment &x : m_attachments)
                left += x.info.size;
            for (qint64 due : std::as_const(m_dueBytes))
                left += due;
            Q_EMIT timeRemaining(m_sizer.secondsFor(left));
            sendChunk();
            return;
        }
        if (r.isFromPlatform() && (r.status == 409 || r.status == 404 || r.status == 410) && m_resyncs++ < 3) {
            // Our offset was not the server's (a lost answer), or the upload is gone: ask again.
            resumeUpload(current);
            return;
        }
        if (r.isPlatformProblem() && r.status == 460) {
            // Bytes damaged on the way: nothing was appended (chunk), or the upload was discarded (whole file).
            const auto problem = protocol::parseProblem(r.body, r.header("content-type"));
            if (problem && problem->type == QLatin1String("attachment-corrupt")) {
                (void)store().forgetUpload(current.info.id);
                current.upload = UploadState();
            }
            Failure f;
            f.outcome = Outcome::Retry;
            f.message = tr("A document arrived damaged at the platform; it will be sent again later.");
            finishItem(f);
            return;
        }
        finishItem(classify(r, QStringLiteral("tus patch")));
    });
    // While this slice is on the wire, the next one is read and hashed on the worker thread: the rest of this file,
    // else the next attachment's first slice, else the next démarche's.
    if (sentOffset + sentLength < a.upload.length)
        requestChunk(a, sentOffset + sentLength);
    else if (m_attachmentIndex + 1 < m_attachments.size())
        requestChunk(m_attachments.at(m_attachmentIndex + 1), m_attachments.at(m_attachmentIndex + 1).upload.offset);
    else
        readAheadNextItem();
}

bool SyncEngine::sliceAheadFor(const Attachment &attachment, qint64 offset) const
{
    return m_next.attachmentId == attachment.info.id && m_next.offset == offset && m_next.ticket == m_ticket;
}

void SyncEngine::readAheadNextItem()
{
    if (m_due.isEmpty())
        return;
    const QSqlDatabase db = m_database->connection();
    const auto attachments = AttachmentStore(db, m_clock).list(SystemAccess(), m_due.first());
    if (!attachments || attachments->isEmpty())
        return;
    Attachment first;
    first.info = attachments->first();
    if (auto upload = store().upload(first.info.id); upload && upload->length == first.info.size)
        first.upload = *upload;
    if (first.upload.offset < first.info.size)
        requestChunk(first, first.upload.offset);
}

QJsonObject SyncEngine::submissionBody() const
{
    QHash<qint64, const Attachment *> byId;
    for (const Attachment &a : m_attachments)
        byId.insert(a.info.id, &a);
    const auto wireAttachment = [](const Attachment &a) {
        return QJsonObject{{QStringLiteral("filename"), a.info.filename},
                           {QStringLiteral("content_type"), a.info.contentType},
                           {QStringLiteral("size"), a.info.size},
                           {QStringLiteral("sha256"), QString::fromLatin1(a.info.sha256.toHex())},
                           {QStringLiteral("upload"), a.uploadId}};
    };
    // An attachment field's value loses its local "id" and gains the upload that carried its bytes.
    std::function<QJsonValue(const QJsonValue &)> wire = [&](const QJsonValue &v) -> QJsonValue {
        if (v.isArray()) {
            QJsonArray out;
            for (const QJsonValue &e : v.toArray())
                out.append(wire(e));
            return out;
        }
        if (!v.isObject())
            return v;
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("id")) && o.contains(QLatin1String("sha256"))) {
            if (const Attachment *a = byId.value(o.value(QLatin1String("id")).toVariant().toLongLong()))
                return wireAttachment(*a);
        }
        QJsonObject out;
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), wire(it.value()));
        return out;
    };
    QJsonArray attachments;
    for (const Attachment &a : m_attachments) {
        QJsonObject o = wireAttachment(a);
        o.insert(QStringLiteral("field"), a.info.field);
        attachments.append(o);
    }
    return QJsonObject{{QStringLiteral("demarche"), m_item.demarcheId},
                       {QStringLiteral("demarche_version"), m_item.demarcheVersion},
                       {QStringLiteral("queued_at"), wireTime(m_item.queuedAt)},
                       {QStringLiteral("answers"), wire(m_item.answers)},
                       {QStringLiteral("attachments"), attachments}};
}

void SyncEngine::putSubmission()
{
    if (m_cancel) {
        Failure f;
        f.outcome = Outcome::Cancelled;
        finishItem(f);
        return;
    }
    const QByteArray body = QJsonDocument(submissionBody()).toJson(QJsonDocument::Compact);
    sendJson(QStringLiteral("/v1/submissions/") + m_item.uuid, body, [this](const HttpResponse &r) {
        if (r.isFromPlatform() && (r.status == 200 || r.status == 201)) {
            // A receipt is the documented JSON or it is not a receipt (a proxy's page, a cut body).
            const QJsonObject receipt = QJsonDocument::fromJson(r.body).object();
            const bool valid =
                r.isJson() &&
                receipt.value(QLatin1String("uuid")).toString().compare(m_item.uuid, Qt::CaseInsensitive) == 0 &&
                !receipt.value(QLatin1String("reference")).toString().trimmed().isEmpty() &&
                QDateTime::fromString(receipt.value(QLatin1String("received_at")).toString(), Qt::ISODate).isValid();
            if (!valid) {
                finishItem(unreadableAnswer());
                return;
            }
            Status delivered;
            {
                // Relaxed too: PUT is idempotent, so a delivery lost to a power cut (the item back to
                // "sending") is sent again and answered with the same receipt. The next démarche's FULL commit
                // (marked sending, a few milliseconds later) or the round's durable point makes it stay.
                RelaxedCommit relaxed(m_database->connection());
                delivered = store().recordDelivery(m_item.id, receipt);
            }
            if (!delivered) {
                qCWarning(lcSync) << "receipt of submission" << m_item.id << "could not be stored";
                endRound(delivered.message());
                return;
            }
            ++m_summary.delivered;
            Q_EMIT itemChanged(m_item.id);
            finishItem(Failure());
            return;
        }
        Failure f = classify(r, QStringLiteral("put"));
        if (f.outcome == Outcome::Quarantine && r.status == 409)
            f.message = tr("The platform already holds a different démarche with this number.");
        finishItem(f);
    });
}

void SyncEngine::finishItem(const Failure &f)
{
    const qint64 id = m_item.id;
    SyncStore s = store();
    switch (f.outcome) {
    case Outcome::Done:
        break;
    case Outcome::Retry:
    case Outcome::RetryEnd: {
        const qint64 delayMs = f.retryAfterSecs >= 0 ? f.retryAfterSecs * 1000 : backoffMs(s.attempts(id));
        if (Status retry = s.scheduleRetry(id, f.message, m_clock->now().addMSecs(delayMs)); !retry)
            qCWarning(lcSync) << "retry of submission" << id << "could not be scheduled";
        ++m_summary.retrying;
        if (f.intercepted) {
            ++m_summary.intercepted;
            m_summary.networkProblem = f.message;
        }
        Q_EMIT itemChanged(id);
        break;
    }
    case Outcome::Quarantine:
        if (Status q = s.quarantine(id, f.message); !q) {
            qCWarning(lcSync) << "submission" << id << "could not be quarantined";
        } else {
            qCInfo(lcSync) << "submission" << id << "set aside for a person (quarantine)";
            ++m_summary.quarantined;
        }
        Q_EMIT itemChanged(id);
        break;
    case Outcome::Stop:
        stopQueue(f.message);
        return;
    case Outcome::Cancelled:
        // The item stays "sending" with its confirmed offsets: the next round resumes it.
        endRound(tr("Sending was stopped."));
        return;
    }
    if (f.outcome == Outcome::RetryEnd) {
        setOnline(false);
        endRound(f.message);
        return;
    }
    nextItem();
}

void SyncEngine::pullStatus()
{
    const QString cursor = store().value(QLatin1String(SyncStore::StatusCursorKey));
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    send(
        QStringLiteral("/v1/submissions/status"), "GET", {}, {},
        [this, cursor](const HttpResponse &r) {
            if (roundStepFailed(r, QStringLiteral("status")))
                return;
            const QJsonObject page = QJsonDocument::fromJson(r.body).object();
            const QJsonValue changes = page.value(QLatin1String("changes"));
            const QJsonValue next = page.value(QLatin1String("cursor"));
            if (r.status != 200 || !r.isJson() || !changes.isArray() || !next.isString()) {
                qCInfo(lcSync) << "status feed answered" << r.status;
                sendJournalHead();
                return;
            }
            QList<StatusChange> list;
            for (const QJsonValue &v : changes.toArray()) {
                const QJsonObject o = v.toObject();
                StatusChange c;
                c.uuid = o.value(QLatin1String("uuid")).toString();
                c.update.status = o.value(QLatin1String("status")).toString();
                c.update.message = o.value(QLatin1String("message")).toString();
                c.update.at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODate);
                if (!c.uuid.isEmpty() && !c.update.status.isEmpty())
                    list.append(c);
            }
            auto applied = store().applyStatusChanges(list, next.toString());
            if (!applied) {
                endRound(applied.message());
                return;
            }
            m_summary.statusUpdates += int(applied->size());
            QList<qint64> seen;
            for (qint64 id : applied.value()) {
                if (seen.contains(id))
                    continue;
                seen.append(id);
                Q_EMIT itemChanged(id);
            }
            // Another page waits, unless the cursor did not move (then the next round asks again).
            if (page.value(QLatin1String("more")).toBool() && next.toString() != cursor && !m_cancel)
                pullStatus();
            else
                sendJournalHead();
        },
        query.toString(QUrl::FullyEncoded));
}

void SyncEngine::sendJournalHead()
{
    // The head names journal rows; those of relaxed deliveries reach the disk before the platform records them,
    // or a power cut could leave the platform holding a head the kiosk no longer has (a false "journal rewritten").
    makeDurable();
    SyncStore s = store();
    const auto head = s.journalHead();
    const auto succeed = [this] {
        if (m_summary.intercepted > 0) {
            // Some démarches met something else than the platform on the way: not a successful round.
            endRound(m_summary.networkProblem);
            return;
        }
        (void)store().setValue(QLatin1String(SyncStore::LastSuccessKey), wireTime(m_clock->now()));
        endRound();
    };
    if (!head || head->seq == 0 ||
        s.value(QLatin1String(SyncStore::JournalHeadSentKey)) == QString::number(head->seq)) {
        succeed();
        return;
    }
    const qint64 seq = head->seq;
    const QJsonObject body{{QStringLiteral("seq"), seq},
                           {QStringLiteral("hash"), QString::fromLatin1(head->hash)},
                           {QStringLiteral("at"), wireTime(m_clock->now())}};
    sendJson(QStringLiteral("/v1/journal-heads/%1").arg(seq), QJsonDocument(body).toJson(QJsonDocument::Compact),
             [this, seq, hash = head->hash, succeed](const HttpResponse &r) {
                 // A captive portal's 200 is no receipt: the head is sent again next round, and the round says why.
                 if (roundStepFailed(r, QStringLiteral("journal head")))
                     return;
                 if (r.status == 200 || r.status == 201) {
                     // The platform's signed word for this head: kept, it anchors the journal up to `seq`.
                     const QJsonObject o = QJsonDocument::fromJson(r.body).object();
                     JournalReceipt receipt;
                     receipt.device = o.value(QLatin1String("device")).toString();
                     receipt.seq = o.value(QLatin1String("seq")).toInteger(-1);
                     receipt.hash = QByteArray::fromHex(o.value(QLatin1String("hash")).toString().toLatin1());
                     receipt.receivedAt = o.value(QLatin1String("received_at")).toString();
                     receipt.signature =
                         QByteArray::fromBase64(o.value(QLatin1String("signature")).toString().toLatin1());
                     const bool ours = r.isJson() && receipt.device == m_settings.deviceId && receipt.seq == seq &&
                                       receipt.hash.toHex() == hash;
                     if (ours && m_journal->recordReceipt(receipt, m_settings.platformKey).ok())
                         (void)store().setValue(QLatin1String(SyncStore::JournalHeadSentKey), QString::number(seq));
                     else
                         qCWarning(lcSync) << "journal head" << seq << "receipt refused: not signed by the platform or "
                                           << "not for this head; sent again next round";
                 } else if (r.status == 409) {
                     qCWarning(lcSync) << "journal head" << seq << "refused by the platform: it already holds another "
                                       << "or a later head for this kiosk (journal rewritten, cut or restored?)";
                 } else {
                     qCWarning(lcSync) << "journal head" << seq << "answered" << r.status;
                 }
                 succeed();
             });
}

void SyncEngine::stopQueue(const QString &reason)
{
    qCWarning(lcSync) << "platform refused the device's credentials: queue stopped until re-enrolment";
    (void)store().setStopped(reason);
    m_summary.stopped = true;
    m_summary.stoppedReason = reason;
    Q_EMIT stopped(reason);
    endRound(reason);
}

void SyncEngine::endRound(const QString &error)
{
    stopWorker();
    m_storeLock.unlock(); // after the last commit of the round
    if (!error.isEmpty() && m_summary.error.isEmpty())
        m_summary.error = error;
    if (m_summary.error.isEmpty() && m_summary.intercepted > 0)
        m_summary.error = m_summary.networkProblem;
    const auto waiting = store().waitingCount();
    m_summary.waiting = waiting ? waiting.value() : 0;
    m_running = false;
    m_cancel = false;
    m_attachments.clear();
    Q_EMIT finished(m_summary);
}

} // namespace relais::sync
