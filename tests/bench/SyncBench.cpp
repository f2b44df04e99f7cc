// `relais-bench sync`: delivering a full outbox to a local relais-platform with SyncEngine, against curl sending the
// same bytes in the same requests to the same server; the bytes sent again after a connection cut in the middle of
// a large upload; and how long the engine keeps the main thread (where the kiosk's widgets live) from ticking.
#include "BenchSuite.h"

#include "SyntheticDocument.h"

#include "client/Enrolment.h"
#include "client/SyncEngine.h"
#include "client/SyncStore.h"
#include "domain/AttachmentStore.h"
#include "domain/PhotoDownscaler.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <unistd.h>

#ifndef RELAIS_PLATFORM_PATH
#error "RELAIS_PLATFORM_PATH must name the relais-platform executable"
#endif

namespace relais::bench {
namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr char Demarche[] = "caf-changement-adresse";
constexpr int DemarcheVersion = 3;

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

QString platformPath()
{
    return QStringLiteral(RELAIS_PLATFORM_PATH);
}

// A relais-platform process on a free loopback port with its own data directory.
class Platform
{
public:
    explicit Platform(const QString &dataDir) : m_dataDir(dataDir) {}
    ~Platform() { stop(); }

    bool start()
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // One line per request would drown the bench's own report; warnings still come through.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("relais.platform.info=false"));
        m_process.setProcessEnvironment(environment);
        m_process.start(platformPath(), {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--port"),
                                         QStringLiteral("0"), QStringLiteral("--name"), QStringLiteral("Bench")});
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer waited;
        waited.start();
        QByteArray out;
        while ((m_url.isEmpty() || m_firstCode.isEmpty()) && waited.elapsed() < 30000) {
            if (!m_process.waitForReadyRead(1000) && m_process.state() != QProcess::Running)
                return false;
            out += m_process.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("listening on "))
                    m_url = QUrl(QString::fromLatin1(line.mid(13).trimmed()));
                else if (line.startsWith("enrolment code: "))
                    m_firstCode = QString::fromLatin1(line.mid(16).trimmed());
            }
        }
        return m_url.isValid() && !m_url.isEmpty() && !m_firstCode.isEmpty();
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QUrl url() const { return m_url; }
    QString firstCode() const { return m_firstCode; }

    // Another one-time enrolment code, as an administrator would ask for it (`relais-platform code`).
    QString newCode() const
    {
        QProcess code;
        code.start(platformPath(), {QStringLiteral("code"), QStringLiteral("--data-dir"), m_dataDir});
        if (!code.waitForFinished(30000) || code.exitCode() != 0)
            return {};
        return QString::fromLatin1(code.readAllStandardOutput().trimmed());
    }

private:
    QString m_dataDir;
    QProcess m_process;
    QUrl m_url;
    QString m_firstCode;
};

Result<sync::SyncSettings> enrol(QNetworkAccessManager &nam, const QUrl &url, const QString &code,
                                 const QString &deviceName)
{
    sync::Enrolment enrolment(&nam);
    std::optional<Result<sync::SyncSettings>> answer;
    QEventLoop loop;
    enrolment.enrol(url, code, deviceName, [&](Result<sync::SyncSettings> r) {
        answer.emplace(std::move(r));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

// One round of the engine ("synchronise now": the backoff is ignored), the event loop running until it ends.
std::optional<sync::RoundSummary> runRound(sync::SyncEngine &engine, int timeoutMs)
{
    std::optional<sync::RoundSummary> summary;
    QEventLoop loop;
    const auto connection =
        QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](const sync::RoundSummary &s) {
            summary = s;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    engine.start(true);
    if (!summary)
        loop.exec();
    QObject::disconnect(connection);
    return summary;
}

// Synthetic scans: the PDF signature (what AttachmentStore sniffs), then bytes that do not compress.
QByteArray pdfBytes(QRandomGenerator &rng, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    std::vector<quint32> block(16 * 1024);
    for (qint64 at = 0; at < size;) {
        rng.fillRange(block.data(), qsizetype(block.size()));
        const qint64 n = std::min<qint64>(size - at, qint64(block.size() * sizeof(quint32)));
        std::memcpy(bytes.data() + at, block.data(), size_t(n));
        at += n;
    }
    const QByteArray header = QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    std::memcpy(bytes.data(), header.constData(), size_t(std::min<qint64>(size, header.size())));
    return bytes;
}

// What curl sends for one attachment: the same metadata, the same chunks (one file each) with their checksums.
struct CurlFile
{
    QString field;
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString sha256Hex;
    QStringList chunkFiles;
    QList<QByteArray> chunkChecksums; // base64 SHA-256 of each chunk (Upload-Checksum)
    QString uploadPath;               // from the creation's Location
};

struct CurlSubmission
{
    QString uuid; // a new one: the platform already holds Relais's uuids with the same content
    QList<CurlFile> files;
};

// Puts one démarche with its attachments in the outbox, as the kiosk does when a mediator sends it; keeps the
// bytes in `curlDir` for the curl side when asked.
Result<qint64> queueSubmission(Vault &vault, const Account &admin, QRandomGenerator &rng, const QList<qint64> &sizes,
                               int index, const QString &curlDir, qint64 chunkBytes, CurlSubmission *curl)
{
    const QSqlDatabase db = vault.database()->connection();
    SubmissionRepository repository(db, &vault.journal(), vault.clock());
    AttachmentStore attachments(db, vault.clock());
    auto draft = repository.createDraft(admin, QLatin1String(Demarche), DemarcheVersion);
    if (!draft)
        return draft.error();
    QJsonObject answers{{QStringLiteral("motif"), QStringLiteral("bench")}};
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const QByteArray bytes = pdfBytes(rng, sizes.at(i));
        const QString field = QStringLiteral("justificatif_%1").arg(i + 1);
        const QString filename = QStringLiteral("piece-%1-%2.pdf").arg(index).arg(i + 1);
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        auto info = attachments.add(admin, draft->id, field, filename, &buffer, sizes.at(i) + 1);
        if (!info)
            return info.error();
        answers.insert(field, QJsonObject::fromVariantMap(info->fieldValue()));
        if (!curl)
            continue;
        CurlFile file;
        file.field = field;
        file.filename = filename;
        file.contentType = info->contentType;
        file.size = info->size;
        file.sha256Hex = QString::fromLatin1(info->sha256.toHex());
        for (qint64 at = 0, n = 0; at < bytes.size(); at += chunkBytes, ++n) {
            const QByteArray chunk = bytes.mid(at, chunkBytes);
            const QString path = QStringLiteral("%1/s%2-a%3-c%4.bin").arg(curlDir).arg(index).arg(i + 1).arg(n);
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(chunk) != chunk.size())
                return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
            file.chunkFiles << path;
            file.chunkChecksums << QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64();
        }
        curl->files << file;
    }
    if (Status queued = repository.queue(admin, draft->id, answers); !queued)
        return queued.error();
    return draft->id;
}

// A typical démarche as a mediator sends it: a few answers and two phone photos of documents (3-4 MB each as
// taken), reduced when attached as the kiosk does by default (PhotoDownscaler, setting "downscale_photos").
// Returns the bytes stored for the two documents.
Result<qint64> queueTypicalSubmission(Vault &vault, const Account &admin, quint32 seed)
{
    const QSqlDatabase db = vault.database()->connection();
    SubmissionRepository repository(db, &vault.journal(), vault.clock());
    AttachmentStore attachments(db, vault.clock());
    auto draft = repository.createDraft(admin, QLatin1String(Demarche), DemarcheVersion);
    if (!draft)
        return draft.error();
    QJsonObject answers{{QStringLiteral("nom"), QStringLiteral("Exemple")},
                        {QStringLiteral("prenom"), QStringLiteral("Camille")},
                        {QStringLiteral("numero_allocataire"), QStringLiteral("0000000")},
                        {QStringLiteral("ancienne_adresse"), QStringLiteral("3 place des Essais, 99000 Villedémo")},
                        {QStringLiteral("nouvelle_adresse"), QStringLiteral("12 rue des Tests, 99000 Villedémo")},
                        {QStringLiteral("date_demenagement"), QStringLiteral("2026-11-01")},
                        {QStringLiteral("situation"), QStringLiteral("hebergement")},
                        {QStringLiteral("commentaire"),
                         QStringLiteral("Hébergée chez un proche depuis le 1er novembre, en attente d'un logement.")}};
    qint64 stored = 0;
    for (int i = 0; i < 2; ++i) {
        const QByteArray taken = test::documentPhotoJpeg(seed * 2 + quint32(i));
        auto reduced = PhotoDownscaler().process(taken);
        if (!reduced)
            return reduced.error();
        QByteArray bytes = reduced.value().bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const QString field = QStringLiteral("justificatif_%1").arg(i + 1);
        auto info = attachments.add(admin, draft->id, field, QStringLiteral("photo-%1.jpg").arg(i + 1), &buffer);
        if (!info)
            return info.error();
        stored += info->size;
        answers.insert(field, QJsonObject::fromVariantMap(info->fieldValue()));
    }
    if (Status queued = repository.queue(admin, draft->id, answers); !queued)
        return queued.error();
    return stored;
}

// --- curl ---

QByteArray quoted(const QString &value)
{
    QByteArray q = value.toUtf8();
    q.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + q + '"';
}

class CurlRun
{
public:
    CurlRun(const QString &curl, const QString &dir, const QUrl &platform, const QByteArray &token)
        : m_curl(curl), m_dir(dir), m_platform(platform), m_token(token)
    {}

    double seconds() const { return double(m_ns) / 1e9; }

    // One curl process for all the given requests (a config file chaining them with `next`, so that its
    // connection is reused); returns each request's "status[ location]" line.
    std::optional<QStringList> run(const QByteArray &config, int requests)
    {
        const QString path = QStringLiteral("%1/config-%2.txt").arg(m_dir).arg(m_configs++);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
            return std::nullopt;
        file.close();
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(m_curl, {QStringLiteral("-s"), QStringLiteral("-S"), QStringLiteral("-K"), path});
        const bool finished = process.waitForFinished(-1);
        m_ns += timer.nsecsElapsed();
        const QStringList lines =
            QString::fromLatin1(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!finished || process.exitCode() != 0 || lines.size() != requests) {
            log() << "curl failed (exit " << process.exitCode() << "): " << process.readAllStandardError() << Qt::endl;
            return std::nullopt;
        }
        return lines;
    }

    QByteArray request(const char *verb, const QString &path, const QList<QByteArray> &headers, const QString &bodyFile,
                       bool location) const
    {
        QByteArray c;
        c += "url = " + quoted(m_platform.resolved(QUrl(path)).toString()) + '\n';
        c += "request = " + QByteArray(verb) + '\n';
        c += "header = \"Authorization: Bearer " + m_token + "\"\n";
        c += "header = \"Expect:\"\n";
        for (const QByteArray &h : headers)
            c += "header = " + quoted(QString::fromLatin1(h)) + '\n';
        if (!bodyFile.isEmpty())
            c += "data-binary = " + quoted(QLatin1Char('@') + bodyFile) + '\n';
        c += "output = \"/dev/null\"\n";
        c += location ? "write-out = \"%{http_code} %header{location}\\n\"\n" : "write-out = \"%{http_code}\\n\"\n";
        return c;
    }

private:
    QString m_curl;
    QString m_dir;
    QUrl m_platform;
    QByteArray m_token;
    int m_configs = 0;
    qint64 m_ns = 0;
};

QByteArray metadata(const CurlFile &f, const QString &uuid)
{
    return "filename " + f.filename.toUtf8().toBase64() + ",content_type " + f.contentType.toUtf8().toBase64() +
           ",sha256 " + f.sha256Hex.toLatin1().toBase64() + ",submission " + uuid.toLatin1().toBase64();
}

// The submission's JSON as the engine writes it (sync-contract: answers with upload ids, attachment list).
QByteArray submissionJson(const CurlSubmission &s, const QString &queuedAt)
{
    QJsonObject answers{{QStringLiteral("motif"), QStringLiteral("bench")}};
    QJsonArray list;
    for (const CurlFile &f : s.files) {
        const QJsonObject value{{QStringLiteral("filename"), f.filename},
                                {QStringLiteral("content_type"), f.contentType},
                                {QStringLiteral("size"), f.size},
                                {QStringLiteral("sha256"), f.sha256Hex},
                                {QStringLiteral("upload"), f.uploadPath.section(QLatin1Char('/'), -1)}};
        answers.insert(f.field, value);
        QJsonObject entry = value;
        entry.insert(QStringLiteral("field"), f.field);
        list.append(entry);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("demarche"), QLatin1String(Demarche)},
                                     {QStringLiteral("demarche_version"), DemarcheVersion},
                                     {QStringLiteral("queued_at"), queuedAt},
                                     {QStringLiteral("answers"), answers},
                                     {QStringLiteral("attachments"), list}})
        .toJson(QJsonDocument::Compact);
}

// All creations in one process, then one process per attachment for its chunks (the last one of a submission
// also carries its PUT). Returns false, with a message, when a request was not answered as the contract says.
bool sendWithCurl(CurlRun &curl, QList<CurlSubmission> &submissions, const QString &dir)
{
    QByteArray creations;
    int count = 0;
    for (const CurlSubmission &s : submissions) {
        for (const CurlFile &f : s.files) {
            if (count++)
                creations += "next\n";
            creations += curl.request("POST", QStringLiteral("/v1/uploads/"),
                                      {"Tus-Resumable: 1.0.0", "Content-Length: 0",
                                       "Upload-Length: " + QByteArray::number(f.size),
                                       "Upload-Metadata: " + metadata(f, s.uuid)},
                                      QString(), true);
        }
    }
    const auto created = curl.run(creations, count);
    if (!created)
        return false;
    int line = 0;
    for (CurlSubmission &s : submissions) {
        for (CurlFile &f : s.files) {
            const QString answer = created->at(line++);
            if (!answer.startsWith(QLatin1String("201 "))) {
                log() << "curl: upload creation answered " << answer << Qt::endl;
                return false;
            }
            f.uploadPath = QUrl(answer.mid(4).trimmed()).path();
        }
    }
    const QString queuedAt = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
    for (qsizetype si = 0; si < submissions.size(); ++si) {
        const CurlSubmission &s = submissions.at(si);
        for (qsizetype fi = 0; fi < s.files.size(); ++fi) {
            const CurlFile &f = s.files.at(fi);
            QByteArray config;
            qint64 offset = 0;
            QStringList expected;
            for (qsizetype c = 0; c < f.chunkFiles.size(); ++c) {
                if (c)
                    config += "next\n";
                config += curl.request("PATCH", f.uploadPath,
                                       {"Tus-Resumable: 1.0.0", "Content-Type: application/offset+octet-stream",
                                        "Upload-Offset: " + QByteArray::number(offset),
                                        "Upload-Checksum: sha256 " + f.chunkChecksums.at(c)},
                                       f.chunkFiles.at(c), false);
                offset += QFileInfo(f.chunkFiles.at(c)).size();
                expected << QStringLiteral("204");
            }
            if (fi == s.files.size() - 1) {
                const QString body = QStringLiteral("%1/put-%2.json").arg(dir).arg(si);
                QFile out(body);
                const QByteArray json = submissionJson(s, queuedAt);
                if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size())
                    return false;
                out.close();
                config += "next\n";
                config += curl.request("PUT", QStringLiteral("/v1/submissions/") + s.uuid,
                                       {"Content-Type: application/json; charset=utf-8"}, body, false);
                expected << QStringLiteral("201");
            }
            const auto answers = curl.run(config, int(expected.size()));
            if (!answers)
                return false;
            if (answers.value() != expected) {
                log() << "curl: answered " << answers->join(QLatin1Char(' ')) << Qt::endl;
                return false;
            }
        }
    }
    return true;
}

// The engine's requests, timed from the moment it hands one to the network to its answer: what the engine spends
// waiting for the platform, so that the rest of its time (store commits, reading slices, the event loop) shows.
class TimingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    struct Kind
    {
        int requests = 0;
        qint64 waitNs = 0;
    };

    double waitSeconds() const { return double(m_waitNs) / 1e9; }
    int requests() const { return m_requests; }
    // Per verb (lower case): how many requests and how long they waited, to tell which exchange costs.
    const QMap<QByteArray, Kind> &kinds() const { return m_kinds; }
    void reset()
    {
        m_waitNs = 0;
        m_requests = 0;
        m_kinds.clear();
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *body) override
    {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, body);
        ++m_requests;
        QByteArray verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (op == GetOperation)
            verb = "get";
        else if (op == HeadOperation)
            verb = "head";
        verb = verb.toLower();
        connect(reply, &QNetworkReply::finished, this, [this, timer, verb] {
            const qint64 ns = timer->nsecsElapsed();
            m_waitNs += ns;
            Kind &kind = m_kinds[verb];
            ++kind.requests;
            kind.waitNs += ns;
        });
        return reply;
    }

private:
    qint64 m_waitNs = 0;
    int m_requests = 0;
    QMap<QByteArray, Kind> m_kinds;
};

// A busy loop on each core while the figures "under load" are measured: a kiosk whose other programs (or a
// compilation next to the bench) keep the processor busy.
class CpuHogs
{
public:
    ~CpuHogs() { stop(); }
    int count() const { return int(m_threads.size()); }
    void start()
    {
        for (int i = 0; i < std::max(1, QThread::idealThreadCount()); ++i) {
            m_threads.emplace_back([this] {
                quint64 x = 1;
                while (!m_stop.load(std::memory_order_relaxed)) {
                    for (int k = 0; k < 100000; ++k)
                        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                }
                m_sink.fetch_add(x, std::memory_order_relaxed); // keeps the loop from being optimised away
            });
        }
    }
    void stop()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
        m_threads.clear();
    }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_sink{0};
    std::vector<std::thread> m_threads;
};

// --- the cut ---

// A TCP relay between the engine and the platform. It counts the PATCH body bytes it forwards (what the platform
// is sent for uploads) and, once armed, cuts every connection when that count reaches a given value, then refuses
// connections until it is healed: the cable pulled out in the middle of a chunk.
class CuttingProxy
{
public:
    explicit CuttingProxy(quint16 platformPort) : m_platformPort(platformPort)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void armCut(qint64 afterPatchBytes) { m_cutAt = afterPatchBytes; }
    void heal()
    {
        m_cutAt = -1;
        m_broken = false;
    }
    bool wasCut() const { return m_broken; }
    qint64 patchBodyBytes() const { return m_patchBytes; }
    // Every byte that went through, both ways, headers included: what the link carried.
    qint64 wireBytes() const { return m_wireBytes; }

private:
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        QByteArray head;     // request head being read
        qint64 bodyLeft = 0; // bytes of the current request's body still to come
        bool patch = false;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            if (m_broken) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto link = std::make_unique<Link>();
            Link *l = link.get();
            m_links.push_back(std::move(link));
            l->client = client;
            l->server = new QTcpSocket(&m_server);
            QObject::connect(l->server, &QTcpSocket::connected, &m_server, [this, l] { fromClient(*l); });
            QObject::connect(client, &QTcpSocket::readyRead, &m_server, [this, l] { fromClient(*l); });
            QObject::connect(l->server, &QTcpSocket::readyRead, &m_server, [this, l] {
                if (l->client->state() == QAbstractSocket::ConnectedState) {
                    const QByteArray answer = l->server->readAll();
                    m_wireBytes += answer.size();
                    l->client->write(answer);
                }
            });
            QObject::connect(client, &QTcpSocket::disconnected, &m_server, [l] { l->server->disconnectFromHost(); });
            QObject::connect(l->server, &QTcpSocket::disconnected, &m_server, [l] { l->client->disconnectFromHost(); });
            l->server->connectToHost(QHostAddress::LocalHost, m_platformPort);
        }
    }

    void fromClient(Link &l)
    {
        if (l.server->state() != QAbstractSocket::ConnectedState || m_broken)
            return;
        const QByteArray data = l.client->readAll();
        const qint64 forward = forwardable(l, data);
        l.server->write(data.constData(), forward);
        m_wireBytes += forward;
        if (forward < data.size() || (m_cutAt >= 0 && m_patchBytes >= m_cutAt))
            cut();
    }

    // How many bytes of `data` go through before the cut point (all of them unless the cut falls inside).
    qint64 forwardable(Link &l, const QByteArray &data)
    {
        const qint64 n = data.size();
        qint64 i = 0;
        while (i < n) {
            if (l.bodyLeft > 0) {
                qint64 take = std::min(l.bodyLeft, n - i);
                if (l.patch) {
                    if (m_cutAt >= 0 && m_patchBytes + take >= m_cutAt) {
                        take = m_cutAt - m_patchBytes;
                        m_patchBytes += take;
                        return i + take;
                    }
                    m_patchBytes += take;
                }
                l.bodyLeft -= take;
                i += take;
                continue;
            }
            const qint64 before = l.head.size();
            l.head.append(data.constData() + i, n - i);
            const qint64 end = l.head.indexOf("\r\n\r\n");
            if (end < 0) {
                i = n;
                continue;
            }
            i += end + 4 - before;
            const QList<QByteArray> lines = l.head.left(end).split('\n');
            l.patch = lines.value(0).startsWith("PATCH ");
            l.bodyLeft = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    l.bodyLeft = line.mid(15).trimmed().toLongLong();
            }
            l.head.clear();
        }
        return n;
    }

    void cut()
    {
        m_broken = true;
        for (const auto &link : m_links) {
            link->server->flush();
            link->server->abort();
            link->client->abort();
        }
    }

    quint16 m_platformPort;
    std::vector<std::unique_ptr<Link>> m_links;
    QTcpServer m_server; // after m_links: its sockets go before the links they point to
    qint64 m_cutAt = -1;
    qint64 m_patchBytes = 0;
    qint64 m_wireBytes = 0;
    bool m_broken = false;
};

int runSync(const QStringList &options)
{
    QHash<QString, int> values{{QStringLiteral("submissions"), 200},
                               {QStringLiteral("attachments-per"), 2},
                               {QStringLiteral("total-mb"), 200},
                               {QStringLiteral("chunk-mb"), 4},
                               {QStringLiteral("cut-mb"), 50}};
    QStringList numeric = options;
    const bool underLoad = numeric.removeAll(QStringLiteral("--load")) > 0;
    if (!parseIntOptions(numeric, values.keys(), values)) {
        log() << "usage: relais-bench sync [--submissions 200] [--attachments-per 2] [--total-mb 200] [--chunk-mb 4]"
                 " [--cut-mb 50] [--load]"
              << Qt::endl;
        return 2;
    }
    const int count = values.value(QStringLiteral("submissions"));
    const int per = values.value(QStringLiteral("attachments-per"));
    const qint64 totalBytes = qint64(values.value(QStringLiteral("total-mb"))) * MiB;
    const qint64 chunkBytes = qint64(values.value(QStringLiteral("chunk-mb"))) * MiB;
    const qint64 cutBytes = qint64(values.value(QStringLiteral("cut-mb"))) * MiB;
    const QString curlPath = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curlPath.isEmpty()) {
        log() << "sync bench: curl is needed for the comparison and was not found" << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    if (!dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("platform")) ||
        !QDir(dir.path()).mkpath(QStringLiteral("curl")) || !QDir(dir.path()).mkpath(QStringLiteral("kiosk"))) {
        log() << "sync bench: no temporary directory" << Qt::endl;
        return 1;
    }
    const QString curlDir = dir.filePath(QStringLiteral("curl"));

    Platform platform(dir.filePath(QStringLiteral("platform")));
    if (!platform.start()) {
        log() << "sync bench: relais-platform did not start (" << platformPath() << ")" << Qt::endl;
        return 1;
    }
    log() << "sync bench: platform at " << platform.url().toString() << Qt::endl;

    // The kiosk: a fresh encrypted store, enrolled like an administrator does it.
    Vault vault(dir.filePath(QStringLiteral("kiosk")), SystemClock::instance());
    const QByteArray password = "bench password of decent length";
    const auto init =
        vault.initialize(QStringLiteral("Bench"), QStringLiteral("bench"), QStringLiteral("Bench"),
                         SecureBytes(password.constData(), int(password.size())), true, KdfParams::interactive());
    const auto admin = vault.account(QStringLiteral("bench"));
    if (!init || !admin) {
        log() << "sync bench: cannot create the store: " << (init ? admin.message() : init.message()) << Qt::endl;
        return 1;
    }
    QNetworkAccessManager nam;
    const auto kiosk = enrol(nam, platform.url(), platform.firstCode(), QStringLiteral("Kiosque bench"));
    const auto curlDevice = enrol(nam, platform.url(), platform.newCode(), QStringLiteral("curl"));
    if (!kiosk || !curlDevice) {
        log() << "sync bench: enrolment failed: " << (kiosk ? curlDevice.message() : kiosk.message()) << Qt::endl;
        return 1;
    }
    sync::SyncStore syncStore(vault.database()->connection(), &vault.journal(), vault.clock());
    if (Status saved = syncStore.saveEnrolment(kiosk.value(), admin->login); !saved) {
        log() << "sync bench: enrolment not saved: " << saved.message() << Qt::endl;
        return 1;
    }

    // The outbox: sizes from half to one and a half times the mean, so that chunk boundaries fall everywhere.
    const int files = count * per;
    const qint64 mean = std::max<qint64>(1024, totalBytes / files);
    QRandomGenerator rng(20261123);
    qint64 queuedBytes = 0;
    QElapsedTimer timer;
    // `first` numbers the démarches (and the curl side's chunk files) so that a second outbox does not reuse them.
    const auto queueOutbox = [&](int first) -> std::optional<QList<CurlSubmission>> {
        QList<CurlSubmission> curlSubmissions;
        queuedBytes = 0;
        timer.start();
        for (int s = 0; s < count; ++s) {
            QList<qint64> sizes;
            for (int a = 0; a < per; ++a) {
                const int k = (s * per + a) % 5;
                sizes << mean / 2 + mean * k / 4;
                queuedBytes += sizes.last();
            }
            CurlSubmission curl;
            curl.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const auto queued =
                queueSubmission(vault, admin.value(), rng, sizes, first + s, curlDir, chunkBytes, &curl);
            if (!queued) {
                log() << "sync bench: cannot queue: " << queued.message() << Qt::endl;
                return std::nullopt;
            }
            curlSubmissions << curl;
        }
        log() << "sync bench: queued " << count << " submissions, " << files << " attachments in "
              << double(timer.elapsed()) / 1000.0 << " s" << Qt::endl;
        return curlSubmissions;
    };
    // curl, the same requests on reused connections. Before each timed part, what was just written (store, chunk
    // files) goes to disk: otherwise its write-back competes with the platform's fsyncs in whichever part runs first.
    const auto runCurl = [&](QList<CurlSubmission> &curlSubmissions) -> std::optional<double> {
        ::sync();
        CurlRun curl(curlPath, curlDir, platform.url(), curlDevice->token);
        if (!sendWithCurl(curl, curlSubmissions, curlDir)) {
            log() << "sync bench: the curl baseline failed" << Qt::endl;
            return std::nullopt;
        }
        log() << "sync bench: curl done in " << curl.seconds() << " s" << Qt::endl;
        return curl.seconds();
    };

    sync::SyncEngine engine(vault.database(), &vault.journal(), vault.clock());
    engine.setChunkSize(chunkBytes);
    TimingNetworkAccessManager timedNam;
    engine.setNetworkAccessManager(&timedNam);
    // The engine, while a 5 ms timer on this thread measures how long the event loop is kept busy.
    QElapsedTimer sinceTick;
    qint64 maxGapNs = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        maxGapNs = std::max(maxGapNs, sinceTick.nsecsElapsed());
        sinceTick.restart();
    });
    int rounds = 0;
    const auto runEngine = [&]() -> std::optional<double> {
        ::sync();
        timedNam.reset();
        int delivered = 0;
        timer.restart();
        sinceTick.start();
        ticker.start();
        for (rounds = 0; rounds < 20; ++rounds) {
            const auto summary = runRound(engine, 30 * 60 * 1000);
            if (!summary) {
                log() << "sync bench: a round did not end" << Qt::endl;
                return std::nullopt;
            }
            delivered += summary->delivered;
            if (summary->quarantined > 0 || summary->stopped) {
                log() << "sync bench: the platform refused submissions: " << summary->error << Qt::endl;
                return std::nullopt;
            }
            if (!summary->error.isEmpty())
                log() << "sync bench: round " << rounds + 1 << ": " << summary->error << Qt::endl;
            if (summary->waiting == 0)
                break;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        ticker.stop();
        if (delivered != count) {
            log() << "sync bench: " << delivered << " of " << count << " delivered" << Qt::endl;
            return std::nullopt;
        }
        log() << "sync bench: engine delivered " << delivered << " in " << rounds + 1 << " round(s), " << seconds
              << " s" << Qt::endl;
        return seconds;
    };

    // (a) and (b): the same outbox by curl, then by the engine.
    auto outbox = queueOutbox(0);
    if (!outbox)
        return 1;
    const auto curlSeconds = runCurl(*outbox);
    if (!curlSeconds)
        return 1;
    const auto syncSeconds = runEngine();
    if (!syncSeconds)
        return 1;
    const double waitSeconds = timedNam.waitSeconds();
    const int requests = timedNam.requests();
    const QMap<QByteArray, TimingNetworkAccessManager::Kind> kinds = timedNam.kinds();
    const double stallMs = std::max(0.0, double(maxGapNs) / 1e6 - 5.0);
    const int idleRounds = rounds;

    // The same again with every core kept busy (--load): a second outbox of the same shape.
    std::optional<double> curlLoaded;
    std::optional<double> syncLoaded;
    if (underLoad) {
        auto second = queueOutbox(2 * count + 2);
        if (!second)
            return 1;
        CpuHogs hogs;
        hogs.start();
        log() << "sync bench: " << hogs.count() << " busy loop(s) running" << Qt::endl;
        curlLoaded = runCurl(*second);
        syncLoaded = curlLoaded ? runEngine() : std::nullopt;
        hogs.stop();
        if (!syncLoaded)
            return 1;
    }

    // (c) one large attachment, the connection cut in the middle, then a second round through a healed relay.
    CuttingProxy proxy(quint16(platform.url().port()));
    if (!proxy.listen()) {
        log() << "sync bench: the relay cannot listen" << Qt::endl;
        return 1;
    }
    const auto large =
        queueSubmission(vault, admin.value(), rng, {cutBytes}, 2 * count + 1, curlDir, chunkBytes, nullptr);
    const QUrl viaProxy(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
    if (!large || !syncStore.setValue(QLatin1String(sync::SyncStore::PlatformUrlKey), viaProxy.toString())) {
        log() << "sync bench: cannot prepare the cut" << Qt::endl;
        return 1;
    }
    const qint64 cutAt = cutBytes / 2;
    proxy.armCut(cutAt);
    const auto first = runRound(engine, 10 * 60 * 1000);
    if (!first || !proxy.wasCut() || first->delivered != 0) {
        log() << "sync bench: the connection was not cut during the upload" << Qt::endl;
        return 1;
    }
    const qint64 beforeResume = proxy.patchBodyBytes();
    proxy.heal();
    const auto second = runRound(engine, 10 * 60 * 1000);
    if (!second || second->delivered != 1) {
        log() << "sync bench: the large démarche was not delivered after the cut"
              << (second ? QStringLiteral(": ") + second->error : QString()) << Qt::endl;
        return 1;
    }
    const qint64 resent = proxy.patchBodyBytes() - cutBytes;
    log() << "sync bench: cut after " << beforeResume << " bytes, resumed, " << resent << " bytes sent twice"
          << Qt::endl;

    // (d) one typical démarche (answers, two phone photos of documents), every byte on the socket counted both
    // ways for the round that delivers it: health, catalogue, uploads, PUT, status, journal head.
    CuttingProxy counter(quint16(platform.url().port()));
    const auto typical = queueTypicalSubmission(vault, admin.value(), 7);
    if (!counter.listen() || !typical ||
        !syncStore.setValue(QLatin1String(sync::SyncStore::PlatformUrlKey),
                            QStringLiteral("http://127.0.0.1:%1").arg(counter.port()))) {
        log() << "sync bench: cannot prepare the typical démarche"
              << (typical ? QString() : QStringLiteral(": ") + typical.message()) << Qt::endl;
        return 1;
    }
    const auto typicalRound = runRound(engine, 10 * 60 * 1000);
    if (!typicalRound || typicalRound->delivered != 1) {
        log() << "sync bench: the typical démarche was not delivered" << Qt::endl;
        return 1;
    }
    log() << "sync bench: typical démarche: documents " << typical.value() << " bytes stored, " << counter.wireBytes()
          << " bytes on the wire" << Qt::endl;

    platform.stop();
    printFigure("sync_seconds", *syncSeconds);
    printFigure("curl_seconds", *curlSeconds);
    printFigure("sync_vs_curl_ratio", ratio(*syncSeconds, *curlSeconds));
    // Where the engine's time goes: waiting for answers, and everything else on the kiosk's side.
    printFigure("sync_wait_seconds", waitSeconds);
    printFigure("sync_kiosk_seconds", *syncSeconds - waitSeconds);
    printFigure("sync_requests", double(requests));
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        const QByteArray verb = it.key();
        const QByteArray countKey = "sync_requests_" + verb;
        const QByteArray waitKey = "sync_wait_ms_per_" + verb;
        printFigure(countKey.constData(), double(it->requests));
        printFigure(waitKey.constData(), double(it->waitNs) / 1e6 / std::max(1, it->requests));
    }
    printFigure("resent_after_cut_bytes", double(resent));
    printFigure("chunk_bytes", double(chunkBytes));
    printFigure("wire_bytes_typical", double(counter.wireBytes()));
    printFigure("gui_stall_max_ms", stallMs);
    printFigure("sync_rounds", double(idleRounds + 1));
    printFigure("queued_mb", double(queuedBytes) / double(MiB));
    if (underLoad) {
        // Measured in the same run as the figures above, with a busy loop on each core.
        printFigure("sync_seconds_load", *syncLoaded);
        printFigure("curl_seconds_load", *curlLoaded);
        printFigure("sync_vs_curl_ratio_load", ratio(*syncLoaded, *curlLoaded));
    }
    return 0;
}

const SuiteRegistration registration("sync",
                                     "deliver an outbox to a local relais-platform (vs curl, --load: also with every "
                                     "core busy), resume after a cut, GUI stalls, bytes on the wire for a typical "
                                     "démarche",
                                     runSync, SuiteNeeds::Widgets); // fonts: the synthetic document photos

} // namespace
} // namespace relais::bench
