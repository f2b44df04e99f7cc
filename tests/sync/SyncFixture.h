#pragma once

// Shared by the sync tests: a kiosk store with queued démarches, and a fake platform that follows the wire contract
// (sync/protocol) on top of ScriptedHttpServer, so that each test only scripts the fault it is about.

#include "FakeClock.h"
#include "ScriptedHttpServer.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "client/SyncEngine.h"
#include "client/SyncStore.h"
#include "domain/AttachmentStore.h"
#include "domain/SubmissionRepository.h"
#include "protocol/Protocol.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace relais::test {

using relais::sync::RoundSummary;
using relais::sync::SyncEngine;
using relais::sync::SyncSettings;
using relais::sync::SyncStore;

// Bytes the AttachmentStore takes for a PDF (it sniffs the content), different for each seed.
inline QByteArray pdfBytes(int size, quint32 seed)
{
    QByteArray bytes("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    QRandomGenerator gen(seed);
    while (bytes.size() < size)
        bytes.append(char(gen.bounded(256)));
    bytes.resize(size);
    return bytes;
}

inline QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// True when the request carries the header at all, even with an empty value (RecordedRequest::header() cannot tell).
inline bool carriesHeader(const RecordedRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// What a strict HTTP/1.1 intermediary (a corporate proxy, a filtering gateway) answers, as HTML pages without the
// platform's header: 417 to any request carrying an Expect header (RFC 9110 §10.1.1), and its own error pages.
inline ScriptedReply intermediaryPage(int status)
{
    return ScriptedReply::html(status, "<html><head><title>" + QByteArray::number(status) +
                                           "</title></head><body>Proxy de la collectivit\xc3\xa9</body></html>");
}
inline std::optional<ScriptedReply> strictIntermediary(const RecordedRequest &r)
{
    if (carriesHeader(r, "Expect"))
        return intermediaryPage(417);
    return std::nullopt;
}

// A kiosk's encrypted store, opened as Alice, with a clock the test moves.
class Kiosk
{
public:
    Kiosk() : m_vault(m_dir.path(), &clock) {}
    // In a data folder of the test's choosing (a tiny tmpfs, for a full disk).
    explicit Kiosk(const QString &dataDir) : m_vault(dataDir, &clock) {}
    bool open() { return openAsAlice(m_vault); }
    Vault &vault() { return m_vault; }
    Database *database() { return m_vault.database(); }
    Journal *journal() { return &m_vault.journal(); }
    QSqlDatabase db() { return m_vault.database()->connection(); }
    SyncStore store() { return SyncStore(db(), journal(), &clock); }
    SubmissionRepository submissions() { return SubmissionRepository(db(), journal(), &clock); }
    Account alice() { return m_vault.account(aliceLogin()).value(); }
    std::unique_ptr<SyncEngine> engine()
    {
        auto e = std::make_unique<SyncEngine>(database(), journal(), &clock);
        e->setRequestTimeoutMs(5000);
        return e;
    }

    // A démarche filled and queued, with one attachment field per file.
    qint64 queue(const QString &demarche, const QList<QByteArray> &files = {})
    {
        auto draft = submissions().createDraft(alice(), demarche, 3);
        if (!draft)
            return 0;
        QJsonObject answers{{QStringLiteral("motif"), QStringLiteral("déménagement")}};
        AttachmentStore attachments(db(), &clock);
        for (int i = 0; i < files.size(); ++i) {
            QBuffer buffer;
            buffer.setData(files.at(i));
            buffer.open(QIODevice::ReadOnly);
            const QString field = QStringLiteral("piece_%1").arg(i + 1);
            auto added =
                attachments.add(alice(), draft->id, field, QStringLiteral("justificatif-%1.pdf").arg(i + 1), &buffer);
            if (!added)
                return 0;
            answers.insert(field, QJsonObject::fromVariantMap(added->fieldValue()));
        }
        if (!submissions().queue(alice(), draft->id, answers))
            return 0;
        clock.advanceSecs(1); // queued one after the other: the oldest goes first
        return draft->id;
    }
    QString state(qint64 id) { return SubmissionLifecycle::name(submissions().load(alice(), id)->state); }
    QString uuid(qint64 id) { return submissions().load(alice(), id)->uuid; }
    sync::OutboxItem item(qint64 id) { return store().item(alice(), id).value(); }
    bool enrol(const QUrl &url, const QByteArray &token, const QByteArray &platformKey)
    {
        SyncSettings s;
        s.platformUrl = url;
        s.deviceId = QStringLiteral("0b8a39b4-5c1e-4c4e-9a51-1d7f1f0e2a10");
        s.token = token;
        s.platformKey = platformKey;
        s.platformName = QStringLiteral("Plateforme de test");
        return bool(store().saveEnrolment(s, aliceLogin()));
    }
    QStringList journalActions()
    {
        QStringList out;
        QSqlQuery q(db());
        q.exec(QStringLiteral("SELECT action FROM journal ORDER BY id"));
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }

    FakeClock clock;

private:
    TempStoreDir m_dir;
    Vault m_vault;
};

// Runs one round and returns its summary (default-constructed, with error "timeout", if it never finished).
inline RoundSummary runRound(SyncEngine &engine, bool ignoreBackoff = true, int timeoutMs = 20000)
{
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.start(ignoreBackoff);
    if (!finished.wait(timeoutMs)) {
        RoundSummary s;
        s.error = QStringLiteral("timeout");
        return s;
    }
    return finished.first().first().value<RoundSummary>();
}

// A platform that keeps to the contract, in memory. `before` lets a test answer a request its own way first.
class FakePlatform
{
public:
    struct Upload
    {
        qint64 length = 0;
        QByteArray data;
        QMap<QString, QString> metadata;
        bool gone = false;
    };

    FakePlatform()
    {
        server.setHandler([this](const RecordedRequest &r) { return handle(r); });
    }
    bool listen() { return server.listen(); }
    // Forgets the scripted faults and what was recorded; the platform's state stays.
    void reset()
    {
        server.clear();
        server.setHandler([this](const RecordedRequest &r) { return handle(r); });
    }
    QUrl url() const { return server.url(); }

    HeaderList common(HeaderList h = {}) const
    {
        h.append(QPair<QByteArray, QByteArray>("Relais-Platform", "1"));
        return h;
    }
    ScriptedReply withPlatform(ScriptedReply r) const
    {
        r.headers.append(QPair<QByteArray, QByteArray>("Relais-Platform", "1"));
        return r;
    }
    ScriptedReply problem(int status, const QString &code, const QString &detail) const
    {
        return withPlatform(ScriptedReply::problem(status, code, detail));
    }
    void publishCatalogue(const QByteArray &document)
    {
        catalogue = document;
        catalogueSignature = protocol::sign(document, key.secretKey);
    }
    QJsonObject receipt(const QString &uuid) const
    {
        return {{QStringLiteral("uuid"), uuid},
                {QStringLiteral("reference"),
                 QStringLiteral("RLS-2026-%1").arg(references.value(uuid), 6, 10, QLatin1Char('0'))},
                {QStringLiteral("received_at"), QStringLiteral("2026-01-05T09:30:00Z")},
                {QStringLiteral("status"), QStringLiteral("delivered")}};
    }
    int count(const QByteArray &method, const QString &pathRegex) const { return server.count(method, pathRegex); }
    // Bytes of all complete PATCH bodies the server saw.
    qint64 patchedBytes() const
    {
        qint64 total = 0;
        for (const RecordedRequest &r : server.requests())
            if (r.method == "PATCH")
                total += r.body.size();
        return total;
    }

    std::optional<ScriptedReply> handle(const RecordedRequest &r)
    {
        if (observe)
            observe(r);
        if (before)
            if (auto answer = before(r))
                return answer;
        const QByteArray path = r.pathWithoutQuery();
        if (r.method == "GET" && path == "/v1/health")
            return ScriptedReply::empty(204, common());
        if (r.method == "OPTIONS" && path == "/v1/uploads/") {
            return ScriptedReply::empty(
                204, common({{"Tus-Resumable", "1.0.0"},
                             {"Tus-Version", "1.0.0"},
                             {"Tus-Extension", checksumExtension ? "creation,checksum,termination,expiration"
                                                                 : "creation,termination,expiration"},
                             {"Tus-Max-Size", "1073741824"},
                             {"Tus-Checksum-Algorithm", "sha1,sha256"}}));
        }
        if (r.header("Authorization") != "Bearer " + token)
            return problem(401, QStringLiteral("unauthorized"), QStringLiteral("Jeton inconnu."));
        if (path.startsWith("/v1/uploads/")) {
            if (r.header("Tus-Resumable") != "1.0.0")
                return withPlatform(ScriptedReply::empty(412, {{"Tus-Version", "1.0.0"}}));
            return tus(r, QString::fromLatin1(path.mid(int(strlen("/v1/uploads/")))));
        }
        if (r.method == "PUT" && path.startsWith("/v1/submissions/"))
            return submission(r, QString::fromLatin1(path.mid(int(strlen("/v1/submissions/")))));
        if (r.method == "GET" && path == "/v1/submissions/status") {
            const int from =
                QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("cursor")).toInt();
            QJsonArray page;
            for (int i = from; i < statusChanges.size() && page.size() < pageSize; ++i)
                page.append(statusChanges.at(i));
            const int next = from + int(page.size());
            return withPlatform(ScriptedReply::json(200, {{QStringLiteral("changes"), page},
                                                          {QStringLiteral("cursor"), QString::number(next)},
                                                          {QStringLiteral("more"), next < statusChanges.size()}}));
        }
        if (r.method == "GET" && path == "/v1/catalogue") {
            if (catalogue.isEmpty())
                return problem(404, QStringLiteral("no-catalogue"), QStringLiteral("Aucun catalogue publié."));
            const QByteArray etag = '"' + sha256Hex(catalogue) + '"';
            if (r.header("If-None-Match") == etag)
                return ScriptedReply::empty(304, common({{"ETag", etag}}));
            ScriptedReply reply;
            reply.status = 200;
            reply.body = catalogue;
            reply.headers = common({{"Content-Type", "application/json; charset=utf-8"},
                                    {"ETag", etag},
                                    {"Relais-Signature", "ed25519 " + catalogueSignature.toBase64()}});
            return reply;
        }
        if (r.method == "PUT" && path.startsWith("/v1/journal-heads/")) {
            const qint64 seq = path.mid(int(strlen("/v1/journal-heads/"))).toLongLong();
            const QJsonObject head = QJsonDocument::fromJson(r.body).object();
            const bool again = journalHeads.contains(seq);
            journalHeads.insert(seq, head);
            // The receipt as relais-platform signs it (sync/protocol/README.md, "Journal heads").
            const QString hash = head.value(QLatin1String("hash")).toString();
            const QString receivedAt = QStringLiteral("2026-01-05T09:31:00Z");
            const QByteArray signature =
                protocol::sign(protocol::journalReceiptMessage(deviceId, seq, hash, receivedAt), receiptKey.secretKey);
            return withPlatform(ScriptedReply::json(
                again ? 200 : 201, {{QStringLiteral("device"), deviceId},
                                    {QStringLiteral("seq"), seq},
                                    {QStringLiteral("hash"), hash},
                                    {QStringLiteral("received_at"), receivedAt},
                                    {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}}));
        }
        return problem(404, QStringLiteral("not-found"), QStringLiteral("Inconnu."));
    }

    std::optional<ScriptedReply> tus(const RecordedRequest &r, const QString &id)
    {
        if (r.method == "POST" && id.isEmpty()) {
            Upload u;
            u.length = r.header("Upload-Length").toLongLong();
            for (const QByteArray &pair : r.header("Upload-Metadata").split(',')) {
                const QList<QByteArray> kv = pair.trimmed().split(' ');
                u.metadata.insert(QString::fromLatin1(kv.value(0)),
                                  QString::fromUtf8(QByteArray::fromBase64(kv.value(1))));
            }
            const QString newId = QString::fromLatin1(sha256Hex(QByteArray::number(++m_nextId)).left(32));
            uploads.insert(newId, u);
            return withPlatform(ScriptedReply::empty(
                201, {{"Tus-Resumable", "1.0.0"}, {"Location", "/v1/uploads/" + newId.toLatin1()}}));
        }
        if (!uploads.contains(id))
            return problem(404, QStringLiteral("upload-unknown"), QStringLiteral("Envoi inconnu."));
        Upload &u = uploads[id];
        if (u.gone)
            return problem(410, QStringLiteral("upload-gone"), QStringLiteral("Envoi expiré."));
        const HeaderList offsets = {{"Tus-Resumable", "1.0.0"},
                                    {"Upload-Offset", QByteArray::number(u.data.size())},
                                    {"Upload-Length", QByteArray::number(u.length)},
                                    {"Cache-Control", "no-store"}};
        if (r.method == "HEAD")
            return withPlatform(ScriptedReply::empty(200, offsets));
        if (r.method == "PATCH") {
            if (r.header("Upload-Offset").toLongLong() != u.data.size())
                return problem(409, QStringLiteral("offset-mismatch"), QStringLiteral("Mauvais décalage."));
            const QByteArray checksum = r.header("Upload-Checksum");
            if (!checksum.isEmpty()) {
                const QByteArray expected =
                    "sha256 " + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toBase64();
                if (checksum != expected)
                    return problem(460, QStringLiteral("checksum-mismatch"), QStringLiteral("Somme fausse."));
            }
            u.data.append(r.body);
            return withPlatform(ScriptedReply::empty(
                204, {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", QByteArray::number(u.data.size())}}));
        }
        return problem(405, QStringLiteral("method"), QStringLiteral("Méthode inconnue."));
    }

    std::optional<ScriptedReply> submission(const RecordedRequest &r, const QString &uuid)
    {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        for (const QJsonValue &a : body.value(QLatin1String("attachments")).toArray()) {
            const QString upload = a.toObject().value(QLatin1String("upload")).toString();
            if (!uploads.contains(upload) || uploads.value(upload).data.size() != uploads.value(upload).length)
                return problem(422, QStringLiteral("attachment-missing"), QStringLiteral("Pièce manquante."));
        }
        const QByteArray digest = protocol::contentDigest(body);
        if (submissions.contains(uuid)) {
            if (submissions.value(uuid) != digest)
                return problem(409, QStringLiteral("submission-conflict"), QStringLiteral("Conflit."));
            return withPlatform(ScriptedReply::json(200, receipt(uuid)));
        }
        submissions.insert(uuid, digest);
        bodies.insert(uuid, body);
        references.insert(uuid, int(references.size()) + 1);
        return withPlatform(ScriptedReply::json(201, receipt(uuid)));
    }

    ScriptedHttpServer server;
    protocol::SigningKey key = protocol::SigningKey::generate();
    protocol::SigningKey receiptKey = key; // a test may sign receipts with another key
    QString deviceId = QStringLiteral("0b8a39b4-5c1e-4c4e-9a51-1d7f1f0e2a10"); // as Kiosk::enrol records it
    QByteArray token = QByteArrayLiteral("tok_0123456789abcdefghijklmnopqrstuvwxyzABCDEF");
    bool checksumExtension = true;
    QMap<QString, Upload> uploads;
    QMap<QString, QByteArray> submissions; // uuid -> content digest
    QMap<QString, QJsonObject> bodies;
    QMap<QString, int> references;
    QByteArray catalogue;
    QByteArray catalogueSignature;
    QList<QJsonObject> statusChanges;
    int pageSize = 500;
    QMap<qint64, QJsonObject> journalHeads;
    std::function<std::optional<ScriptedReply>(const RecordedRequest &)> before;
    std::function<void(const RecordedRequest &)> observe;

private:
    int m_nextId = 0;
};

} // namespace relais::test
