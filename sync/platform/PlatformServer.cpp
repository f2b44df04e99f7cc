#include "PlatformServer.h"

#include "StatusPage.h"
#include "protocol/Protocol.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcPlatform, "relais.platform")

namespace relais::platform {

namespace {

using Method = QHttpServerRequest::Method;

const char *methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return "GET";
    case Method::Put:
        return "PUT";
    case Method::Delete:
        return "DELETE";
    case Method::Post:
        return "POST";
    case Method::Head:
        return "HEAD";
    case Method::Options:
        return "OPTIONS";
    case Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse r =
        HttpResponse::problem(405, QStringLiteral("method-not-allowed"), QStringLiteral("Method not allowed"),
                              QStringLiteral("Cette adresse n'accepte pas cette méthode."));
    r.setHeader("Allow", allow);
    return r;
}

HttpResponse badRequest(const QString &code, const QString &title, const QString &detail)
{
    return HttpResponse::problem(400, code, title, detail);
}

HttpResponse unsupportedEncoding()
{
    HttpResponse r = HttpResponse::problem(
        415, QStringLiteral("unsupported-content-encoding"), QStringLiteral("Unsupported content encoding"),
        QStringLiteral("Le contenu doit être envoyé tel quel ou compressé en gzip."));
    r.setHeader("Accept-Encoding", protocol::GzipEncoding);
    return r;
}

// The request's JSON object, or the answer refusing it (too large, not JSON, an encoding other than gzip). The
// 2 MiB limit applies to the JSON itself, compressed or not.
std::optional<QJsonObject> jsonBody(const QHttpServerRequest &request, HttpResponse &refusal)
{
    QByteArray body = request.body();
    const HttpResponse tooLarge =
        HttpResponse::problem(413, QStringLiteral("body-too-large"), QStringLiteral("Body too large"),
                              QStringLiteral("La requête dépasse la taille admise (2 Mio)."));
    if (body.size() > MaxJsonBytes) {
        refusal = tooLarge;
        return std::nullopt;
    }
    const QByteArray encoding = headerValue(request, "Content-Encoding").trimmed().toLower();
    if (encoding == protocol::GzipEncoding) {
        bool overLimit = false;
        std::optional<QByteArray> inflated = protocol::gunzip(body, MaxJsonBytes, &overLimit);
        if (!inflated) {
            refusal = overLimit ? tooLarge
                                : badRequest(QStringLiteral("invalid-json"), QStringLiteral("Invalid JSON"),
                                             QStringLiteral("Le contenu compressé (gzip) est illisible."));
            return std::nullopt;
        }
        body = std::move(*inflated);
    } else if (!encoding.isEmpty() && encoding != "identity") {
        refusal = unsupportedEncoding();
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        refusal = badRequest(QStringLiteral("invalid-json"), QStringLiteral("Invalid JSON"),
                             QStringLiteral("Le contenu envoyé n'est pas un objet JSON valide."));
        return std::nullopt;
    }
    return doc.object();
}

bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

bool isSha256Hex(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

bool isUploadId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(text).hasMatch();
}

bool isWholeNumber(const QJsonValue &value, double min)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d >= min && d <= 9007199254740991.0 && d == double(qint64(d));
}

// "key base64,key base64": tus Upload-Metadata.
std::optional<QHash<QString, QByteArray>> parseMetadata(const QByteArray &header)
{
    QHash<QString, QByteArray> out;
    for (const QByteArray &pair : header.split(',')) {
        const QList<QByteArray> parts = pair.trimmed().split(' ');
        if (parts.isEmpty() || parts.first().isEmpty() || parts.size() > 2)
            return std::nullopt;
        QByteArray value;
        if (parts.size() == 2) {
            auto decoded = QByteArray::fromBase64Encoding(parts.at(1), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            value = *decoded;
        }
        out.insert(QString::fromLatin1(parts.first()), value);
    }
    return out;
}

std::optional<qint64> parseCount(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

HttpResponse attachmentCorrupt()
{
    return HttpResponse::problem(460, QStringLiteral("attachment-corrupt"), QStringLiteral("Attachment corrupt"),
                                 QStringLiteral("La pièce jointe reçue ne correspond pas à son empreinte ; elle doit "
                                                "être envoyée à nouveau."));
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

qint64 AttemptLimiter::secondsToWait(const QString &client)
{
    const qint64 now = m_clock.elapsed();
    auto it = m_failures.find(client);
    if (it == m_failures.end())
        return 0;
    while (!it->isEmpty() && now - it->first() >= m_windowMs)
        it->removeFirst();
    if (it->size() < m_maxFailures) {
        if (it->isEmpty())
            m_failures.erase(it);
        return 0;
    }
    return qMax<qint64>(1, (it->first() + m_windowMs - now + 999) / 1000);
}

void AttemptLimiter::recordFailure(const QString &client)
{
    const qint64 now = m_clock.elapsed();
    if (m_failures.size() >= 10000) {
        // Bounded memory under a spread-out attack: forget addresses whose failures are all old.
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            if (it->isEmpty() || now - it->last() >= m_windowMs)
                it = m_failures.erase(it);
            else
                ++it;
        }
    }
    QList<qint64> &list = m_failures[client];
    list.append(now);
    while (list.size() > m_maxFailures)
        list.removeFirst();
}

PlatformServer::PlatformServer(PlatformStore &store, ServerOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_store(store), m_options(std::move(options))
{}

bool PlatformServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_peer = socket->peerAddress();
    const HttpResponse response = handle(request);
    // Method, path and status only: never a body, a token or a query string. The path stays percent-encoded, so a
    // %0a in it cannot start a forged line of this log.
    qCInfo(lcPlatform).noquote() << methodName(request.method()) << request.url().path(QUrl::FullyEncoded)
                                 << response.status;
    socket->write(serialise(response, request.method() == Method::Head));
    if (headerValue(request, "Connection").compare("close", Qt::CaseInsensitive) == 0)
        socket->disconnectFromHost();
    return true;
}

void PlatformServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    socket->write(serialise(HttpResponse::empty(404), request.method() == Method::Head));
}

HttpResponse PlatformServer::handle(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    HttpResponse response = route(request, path);
    // tus: every answer under /v1/uploads/ says its version, refusals (401, 405, 412, 460, 5xx) included.
    if (path == QLatin1String("/v1/uploads") || path.startsWith(QLatin1String("/v1/uploads/")))
        addTusHeaders(response);
    return response;
}

bool PlatformServer::hasExtension(const char *name) const
{
    return m_options.tusExtensions.contains(QLatin1String(name));
}

void PlatformServer::addTusHeaders(HttpResponse &response) const
{
    response.setHeader("Tus-Resumable", protocol::TusVersion);
}

QByteArray PlatformServer::uploadExpires(const Upload &upload) const
{
    if (upload.state == QLatin1String("open"))
        return httpDate(upload.updatedAt.addSecs(qint64(m_options.uploadExpiryHours * 3600)));
    return httpDate(upload.updatedAt.addDays(UnusedUploadDays));
}

std::optional<Device> PlatformServer::authenticate(const QHttpServerRequest &request, HttpResponse &refusal)
{
    const QByteArray authorization = headerValue(request, "Authorization");
    const QByteArray scheme = "bearer ";
    if (authorization.size() <= scheme.size() || !authorization.toLower().startsWith(scheme)) {
        refusal = HttpResponse::problem(401, QStringLiteral("unauthenticated"), QStringLiteral("Not authenticated"),
                                        QStringLiteral("Ce poste n'est pas enrôlé auprès de la plateforme."));
        refusal.setHeader("WWW-Authenticate", "Bearer");
        return std::nullopt;
    }
    const std::optional<Device> device =
        m_store.deviceForToken(QString::fromLatin1(authorization.mid(scheme.size()).trimmed()));
    if (!device) {
        refusal = HttpResponse::problem(401, QStringLiteral("unauthenticated"), QStringLiteral("Not authenticated"),
                                        QStringLiteral("La plateforme ne reconnaît pas ce poste ; un administrateur "
                                                       "doit l'enrôler à nouveau."));
        refusal.setHeader("WWW-Authenticate", "Bearer");
        return std::nullopt;
    }
    if (device->revoked) {
        refusal = HttpResponse::problem(403, QStringLiteral("device-revoked"), QStringLiteral("Device revoked"),
                                        QStringLiteral("Ce poste a été révoqué par la plateforme ; un administrateur "
                                                       "doit l'enrôler à nouveau."));
        return std::nullopt;
    }
    return device;
}

HttpResponse PlatformServer::route(const QHttpServerRequest &request, const QString &path)
{
    const Method method = request.method();
    const QStringList parts = path.split(QLatin1Char('/'));
    // parts: "", "v1", collection, item...

    if (path == QLatin1String("/")) {
        if (method != Method::Get && method != Method::Head)
            return methodNotAllowed("GET, HEAD");
        return statusPage();
    }
    if (path == QLatin1String("/v1/health")) {
        if (method != Method::Get && method != Method::Head)
            return methodNotAllowed("GET, HEAD");
        HttpResponse online = HttpResponse::empty(204);
        // RFC 7694: JSON request bodies may come gzip-compressed (protocol §1).
        online.setHeader("Accept-Encoding", protocol::GzipEncoding);
        return online;
    }
    if (path == QLatin1String("/v1/enrolments")) {
        if (method != Method::Post)
            return methodNotAllowed("POST");
        return enrol(request);
    }
    const bool uploads = parts.size() >= 3 && parts.at(1) == QLatin1String("v1") &&
                         parts.at(2) == QLatin1String("uploads") && parts.size() <= 4;
    if (uploads && method == Method::Options)
        return tusOptions();

    const bool known = uploads || path == QLatin1String("/v1/catalogue") ||
                       (parts.size() == 4 && parts.at(1) == QLatin1String("v1") &&
                        (parts.at(2) == QLatin1String("submissions") || parts.at(2) == QLatin1String("journal-heads") ||
                         parts.at(2) == QLatin1String("activity")));
    if (!known)
        return HttpResponse::problem(404, QStringLiteral("not-found"), QStringLiteral("Not found"),
                                     QStringLiteral("Cette adresse n'existe pas sur la plateforme."));

    HttpResponse refusal;
    const std::optional<Device> device = authenticate(request, refusal);
    if (!device)
        return refusal;

    if (uploads) {
        const QString id = parts.size() == 4 ? parts.at(3) : QString();
        if (id.isEmpty()) {
            if (method != Method::Post)
                return methodNotAllowed("OPTIONS, POST");
            return createUpload(request, *device);
        }
        return uploadRequest(request, *device, id);
    }
    if (path == QLatin1String("/v1/catalogue")) {
        if (method != Method::Get && method != Method::Head)
            return methodNotAllowed("GET, HEAD");
        return catalogue(request);
    }
    const QString collection = parts.at(2);
    const QString item = parts.at(3);
    if (collection == QLatin1String("submissions") && item == QLatin1String("status")) {
        if (method != Method::Get)
            return methodNotAllowed("GET");
        return statusFeed(request, *device);
    }
    if (method != Method::Put)
        return methodNotAllowed("PUT");
    if (collection == QLatin1String("submissions"))
        return putSubmission(request, *device, item);
    if (collection == QLatin1String("journal-heads"))
        return putJournalHead(request, *device, item);
    return putActivity(request, *device, item);
}

HttpResponse PlatformServer::enrol(const QHttpServerRequest &request)
{
    // Codes are guessed by someone who can try fast: after a few wrong ones, this address waits.
    const QString client = m_peer.isNull() ? request.remoteAddress().toString() : m_peer.toString();
    if (const qint64 wait = m_enrolmentLimiter.secondsToWait(client); wait > 0) {
        HttpResponse r = HttpResponse::problem(429, QStringLiteral("too-many-enrolment-attempts"),
                                               QStringLiteral("Too many enrolment attempts"),
                                               QStringLiteral("Trop de codes d'enrôlement erronés depuis cette "
                                                              "adresse ; réessayez dans quelques minutes."));
        r.setHeader("Retry-After", QByteArray::number(wait));
        return r;
    }
    HttpResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body)
        return refusal;
    const QString code = body->value(QLatin1String("code")).toString();
    const QString name = body->value(QLatin1String("device_name")).toString().trimmed();
    if (name.isEmpty() || name.size() > 200)
        return badRequest(QStringLiteral("invalid-enrolment"), QStringLiteral("Invalid enrolment"),
                          QStringLiteral("Le nom du poste est obligatoire (200 caractères au plus)."));
    const std::optional<PlatformStore::Enrolment> enrolment = m_store.enrol(code, name);
    if (!enrolment) {
        m_enrolmentLimiter.recordFailure(client);
        return badRequest(QStringLiteral("enrolment-code-invalid"), QStringLiteral("Enrolment code invalid"),
                          QStringLiteral("Ce code d'enrôlement est inconnu, déjà utilisé ou expiré ; demandez-en un "
                                         "nouveau à la plateforme."));
    }
    return HttpResponse::json(201,
                              {{QStringLiteral("device_id"), enrolment->deviceId},
                               {QStringLiteral("token"), enrolment->token},
                               {QStringLiteral("platform_name"), m_options.platformName},
                               {QStringLiteral("platform_key"), QString::fromLatin1(m_store.publicKey().toBase64())}});
}

HttpResponse PlatformServer::tusOptions()
{
    HttpResponse r = HttpResponse::empty(204);
    addTusHeaders(r);
    r.setHeader("Tus-Version", protocol::TusVersion);
    r.setHeader("Tus-Extension", m_options.tusExtensions.join(QLatin1Char(',')).toLatin1());
    r.setHeader("Tus-Max-Size", QByteArray::number(MaxUploadSize));
    if (hasExtension("checksum"))
        r.setHeader("Tus-Checksum-Algorithm", "sha1,sha256");
    return r;
}

HttpResponse PlatformServer::createUpload(const QHttpServerRequest &request, const Device &device)
{
    HttpResponse r;
    if (headerValue(request, "Tus-Resumable") != protocol::TusVersion) {
        r = HttpResponse::empty(412);
        r.setHeader("Tus-Version", protocol::TusVersion);
        return r;
    }
    auto refuse = [this](int status, const QString &detail) {
        HttpResponse answer = HttpResponse::problem(
            status, status == 413 ? QStringLiteral("upload-too-large") : QStringLiteral("invalid-upload"),
            QStringLiteral("Upload refused"), detail);
        addTusHeaders(answer);
        return answer;
    };
    if (!headerValue(request, "Upload-Defer-Length").isEmpty())
        return refuse(400, QStringLiteral("La longueur d'un envoi doit être connue à sa création."));
    const std::optional<qint64> length = parseCount(headerValue(request, "Upload-Length"));
    if (!length)
        return refuse(400, QStringLiteral("L'en-tête Upload-Length est absent ou invalide."));
    if (*length > MaxUploadSize)
        return refuse(413, QStringLiteral("La pièce jointe dépasse la taille admise (1 Gio)."));
    const auto metadata = parseMetadata(headerValue(request, "Upload-Metadata"));
    if (!metadata)
        return refuse(400, QStringLiteral("L'en-tête Upload-Metadata est invalide."));
    Upload upload;
    upload.deviceId = device.id;
    upload.length = *length;
    upload.filename = QString::fromUtf8(metadata->value(QStringLiteral("filename")));
    upload.contentType = QString::fromUtf8(metadata->value(QStringLiteral("content_type")));
    upload.sha256 = QString::fromLatin1(metadata->value(QStringLiteral("sha256"))).toLower();
    upload.submission = QString::fromLatin1(metadata->value(QStringLiteral("submission"))).toLower();
    if (upload.filename.isEmpty() || upload.contentType.isEmpty() || !isSha256Hex(upload.sha256) ||
        !isUuid(upload.submission))
        return refuse(400, QStringLiteral("Les métadonnées filename, content_type, sha256 (hexadécimal) et "
                                          "submission (UUID) sont obligatoires."));
    if (*length == 0 &&
        upload.sha256 != QLatin1String(QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex()))
        return HttpResponse(attachmentCorrupt());
    const Result<Upload> created = m_store.createUpload(upload);
    if (!created)
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu créer l'envoi."));
    r = HttpResponse::empty(201);
    addTusHeaders(r);
    r.setHeader("Location", "/v1/uploads/" + created->id.toLatin1());
    if (hasExtension("expiration"))
        r.setHeader("Upload-Expires", uploadExpires(created.value()));
    return r;
}

HttpResponse PlatformServer::uploadRequest(const QHttpServerRequest &request, const Device &device, const QString &id)
{
    const Method method = request.method();
    if (method != Method::Head && method != Method::Patch && method != Method::Delete)
        return methodNotAllowed("OPTIONS, HEAD, PATCH, DELETE");
    HttpResponse r;
    if (headerValue(request, "Tus-Resumable") != protocol::TusVersion) {
        r = HttpResponse::empty(412);
        r.setHeader("Tus-Version", protocol::TusVersion);
        return r;
    }
    std::optional<Upload> found = isUploadId(id) ? m_store.upload(id) : std::nullopt;
    // Another device's upload does not exist, as far as this device can tell.
    if (!found || found->deviceId != device.id) {
        r = HttpResponse::problem(404, QStringLiteral("upload-not-found"), QStringLiteral("Upload not found"),
                                  QStringLiteral("Cet envoi est inconnu de la plateforme."));
        addTusHeaders(r);
        return r;
    }
    const Upload upload = m_store.applyExpiry(*found, m_options.uploadExpiryHours);
    const bool gone = upload.state == QLatin1String("expired") || upload.state == QLatin1String("terminated") ||
                      upload.state == QLatin1String("corrupt");
    if (gone) {
        r = HttpResponse::problem(410, QStringLiteral("upload-gone"), QStringLiteral("Upload gone"),
                                  QStringLiteral("Cet envoi a expiré ou a été abandonné ; il doit être recommencé."));
        addTusHeaders(r);
        return r;
    }
    if (method == Method::Head) {
        r = HttpResponse::empty(200);
        addTusHeaders(r);
        // A used upload's bytes now belong to a submission: it is complete as far as the client is concerned.
        r.setHeader("Upload-Offset",
                    QByteArray::number(upload.state == QLatin1String("used") ? upload.length : upload.offset));
        r.setHeader("Upload-Length", QByteArray::number(upload.length));
        r.setHeader("Cache-Control", "no-store");
        if (hasExtension("expiration") && upload.state != QLatin1String("used"))
            r.setHeader("Upload-Expires", uploadExpires(upload));
        return r;
    }
    if (method == Method::Delete) {
        if (!hasExtension("termination"))
            return methodNotAllowed("OPTIONS, HEAD, PATCH");
        if (upload.state == QLatin1String("used")) {
            r = HttpResponse::problem(409, QStringLiteral("upload-in-use"), QStringLiteral("Upload in use"),
                                      QStringLiteral("Cet envoi fait déjà partie d'une démarche reçue."));
            addTusHeaders(r);
            return r;
        }
        if (!m_store.setUploadState(upload.id, QStringLiteral("terminated")))
            return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                         QStringLiteral("La plateforme n'a pas pu abandonner l'envoi."));
        QFile::remove(m_store.uploadPath(upload.id));
        r = HttpResponse::empty(204);
        addTusHeaders(r);
        return r;
    }
    return patchUpload(request, upload);
}

HttpResponse PlatformServer::patchUpload(const QHttpServerRequest &request, const Upload &upload)
{
    auto tusProblem = [this](int status, const QString &code, const QString &detail) {
        HttpResponse answer = HttpResponse::problem(status, code, QStringLiteral("Upload refused"), detail);
        addTusHeaders(answer);
        return answer;
    };
    const QByteArray chunk = request.body();
    const QByteArray encoding = headerValue(request, "Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        // A chunk is the file's own bytes at its offset: never compressed on the way.
        HttpResponse refused = unsupportedEncoding();
        addTusHeaders(refused);
        return refused;
    }
    if (chunk.size() > MaxChunkBytes)
        return tusProblem(413, QStringLiteral("chunk-too-large"),
                          QStringLiteral("Un morceau d'envoi ne peut dépasser 8 Mio."));
    if (headerValue(request, "Content-Type").split(';').first().trimmed().toLower() !=
        "application/offset+octet-stream")
        return tusProblem(415, QStringLiteral("unsupported-media-type"),
                          QStringLiteral("Un morceau d'envoi doit être de type application/offset+octet-stream."));
    const std::optional<qint64> offset = parseCount(headerValue(request, "Upload-Offset"));
    if (!offset)
        return tusProblem(400, QStringLiteral("invalid-upload"),
                          QStringLiteral("L'en-tête Upload-Offset est absent ou invalide."));
    const bool finished = upload.state != QLatin1String("open");
    const qint64 current = finished ? upload.length : upload.offset;
    if (*offset != current) {
        HttpResponse r =
            tusProblem(409, QStringLiteral("offset-mismatch"),
                       QStringLiteral("La position de l'envoi ne correspond pas à celle de la plateforme."));
        r.setHeader("Upload-Offset", QByteArray::number(current));
        return r;
    }
    if (*offset + chunk.size() > upload.length)
        return tusProblem(400, QStringLiteral("chunk-beyond-length"),
                          QStringLiteral("Ce morceau dépasse la longueur annoncée de l'envoi."));
    if (finished) {
        HttpResponse r = HttpResponse::empty(204);
        addTusHeaders(r);
        r.setHeader("Upload-Offset", QByteArray::number(current));
        return r;
    }

    const QByteArray checksum = headerValue(request, "Upload-Checksum");
    if (hasExtension("checksum") && !checksum.isEmpty()) {
        const QList<QByteArray> parts = checksum.split(' ');
        const QByteArray algorithm = parts.first().toLower();
        QCryptographicHash::Algorithm hashAlgorithm = QCryptographicHash::Sha256;
        if (algorithm == "sha1")
            hashAlgorithm = QCryptographicHash::Sha1;
        else if (algorithm != "sha256" || parts.size() != 2)
            return tusProblem(400, QStringLiteral("checksum-algorithm"),
                              QStringLiteral("Algorithme d'empreinte non pris en charge (sha1 ou sha256)."));
        if (QCryptographicHash::hash(chunk, hashAlgorithm) != QByteArray::fromBase64(parts.at(1)))
            return tusProblem(460, QStringLiteral("checksum-mismatch"),
                              QStringLiteral("Le morceau reçu ne correspond pas à son empreinte ; il doit être "
                                             "renvoyé."));
    }

    const QString path = m_store.uploadPath(upload.id);
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu écrire l'envoi."));
    // Bytes written before a crash but never acknowledged are dropped: the offset in the database is the truth.
    const bool written = file.resize(*offset) && file.seek(*offset) && file.write(chunk) == chunk.size() &&
                         file.flush() && ::fsync(file.handle()) == 0;
    file.close();
    if (!written)
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu écrire l'envoi."));
    const qint64 newOffset = *offset + chunk.size();
    QString state = QStringLiteral("open");
    if (newOffset == upload.length) {
        if (QString::fromLatin1(sha256OfFile(path)) != upload.sha256) {
            // The bytes are dropped whatever the row says: a corrupt upload is never used.
            (void)m_store.setUploadState(upload.id, QStringLiteral("corrupt"));
            QFile::remove(path);
            HttpResponse r = attachmentCorrupt();
            addTusHeaders(r);
            return r;
        }
        state = QStringLiteral("complete");
    }
    if (!m_store.recordOffset(upload.id, newOffset, state))
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu enregistrer l'envoi."));
    Upload updated = upload;
    updated.offset = newOffset;
    updated.state = state;
    updated.updatedAt = platformNow();
    HttpResponse r = HttpResponse::empty(204);
    addTusHeaders(r);
    r.setHeader("Upload-Offset", QByteArray::number(newOffset));
    if (hasExtension("expiration"))
        r.setHeader("Upload-Expires", uploadExpires(updated));
    return r;
}

HttpResponse PlatformServer::putSubmission(const QHttpServerRequest &request, const Device &device,
                                           const QString &uuidText)
{
    if (!isUuid(uuidText))
        return badRequest(QStringLiteral("invalid-uuid"), QStringLiteral("Invalid submission id"),
                          QStringLiteral("Le numéro de la démarche n'est pas un UUID."));
    const QString uuid = uuidText.toLower();
    HttpResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body)
        return refusal;

    auto invalid = [](const QString &detail) {
        return badRequest(QStringLiteral("invalid-submission"), QStringLiteral("Invalid submission"), detail);
    };
    static const QRegularExpression demarchePattern(QStringLiteral("^[a-z0-9-]{1,64}$"));
    if (!demarchePattern.match(body->value(QLatin1String("demarche")).toString()).hasMatch())
        return invalid(QStringLiteral("Le champ « demarche » est absent ou invalide."));
    if (!isWholeNumber(body->value(QLatin1String("demarche_version")), 1))
        return invalid(QStringLiteral("Le champ « demarche_version » doit être un entier positif."));
    if (!QDateTime::fromString(body->value(QLatin1String("queued_at")).toString(), Qt::ISODate).isValid())
        return invalid(QStringLiteral("Le champ « queued_at » doit être une date ISO 8601."));
    if (!body->value(QLatin1String("answers")).isObject())
        return invalid(QStringLiteral("Le champ « answers » doit être un objet."));
    const QJsonValue attachmentsValue = body->value(QLatin1String("attachments"));
    if (!attachmentsValue.isArray() && !attachmentsValue.isUndefined())
        return invalid(QStringLiteral("Le champ « attachments » doit être une liste."));

    QList<AttachmentRef> attachments;
    QSet<QString> uploadIds;
    for (const QJsonValue &value : attachmentsValue.toArray()) {
        const QJsonObject o = value.toObject();
        AttachmentRef ref;
        ref.field = o.value(QLatin1String("field")).toString();
        ref.filename = o.value(QLatin1String("filename")).toString();
        ref.contentType = o.value(QLatin1String("content_type")).toString();
        ref.sha256 = o.value(QLatin1String("sha256")).toString();
        ref.upload = o.value(QLatin1String("upload")).toString();
        if (!value.isObject() || ref.field.isEmpty() || ref.filename.isEmpty() || ref.contentType.isEmpty() ||
            !isWholeNumber(o.value(QLatin1String("size")), 0) || !isSha256Hex(ref.sha256) || ref.upload.isEmpty())
            return invalid(QStringLiteral("Une pièce jointe de la liste « attachments » est incomplète."));
        ref.size = qint64(o.value(QLatin1String("size")).toDouble());
        if (uploadIds.contains(ref.upload))
            return invalid(QStringLiteral("Deux pièces jointes désignent le même envoi."));
        uploadIds.insert(ref.upload);
        attachments.append(ref);
    }

    const DeliveryOutcome outcome = m_store.deliver(uuid, device, *body, attachments);
    if (outcome.status != 200 && outcome.status != 201)
        return HttpResponse::problem(outcome.status, outcome.problemCode, outcome.problemTitle, outcome.detail);
    return HttpResponse::json(outcome.status, {{QStringLiteral("uuid"), outcome.receipt.uuid},
                                               {QStringLiteral("reference"), outcome.receipt.reference},
                                               {QStringLiteral("received_at"), outcome.receipt.receivedAt},
                                               {QStringLiteral("status"), outcome.receipt.status}});
}

HttpResponse PlatformServer::statusFeed(const QHttpServerRequest &request, const Device &device)
{
    const QUrlQuery query(request.url());
    qint64 after = 0;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const std::optional<qint64> cursor = parseCount(query.queryItemValue(QStringLiteral("cursor")).toLatin1());
        if (!cursor)
            return badRequest(QStringLiteral("invalid-cursor"), QStringLiteral("Invalid cursor"),
                              QStringLiteral("Le curseur de suivi des statuts est invalide."));
        after = *cursor;
    }
    QList<StatusChange> changes = m_store.statusChanges(device.id, after, StatusPageSize + 1);
    const bool more = changes.size() > StatusPageSize;
    if (more)
        changes.removeLast();
    QJsonArray list;
    for (const StatusChange &c : changes) {
        list.append(QJsonObject{{QStringLiteral("uuid"), c.uuid},
                                {QStringLiteral("status"), c.status},
                                {QStringLiteral("message"), c.message},
                                {QStringLiteral("at"), c.at}});
        after = c.seq;
    }
    QJsonObject body{{QStringLiteral("changes"), list}, {QStringLiteral("cursor"), QString::number(after)}};
    if (more)
        body.insert(QStringLiteral("more"), true);
    return HttpResponse::json(200, body);
}

HttpResponse PlatformServer::catalogue(const QHttpServerRequest &request)
{
    const std::optional<Catalogue> current = m_store.currentCatalogue();
    if (!current)
        return HttpResponse::problem(404, QStringLiteral("no-catalogue"), QStringLiteral("No catalogue"),
                                     QStringLiteral("La plateforme n'a pas encore publié de catalogue."));
    const QByteArray etag = '"' + current->etag + '"';
    const QByteArray ifNoneMatch = headerValue(request, "If-None-Match");
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == etag || candidate == "*") {
            HttpResponse r = HttpResponse::empty(304);
            r.setHeader("ETag", etag);
            return r;
        }
    }
    HttpResponse r;
    r.status = 200;
    r.body = current->body;
    r.setHeader("Content-Type", protocol::JsonContentType);
    r.setHeader("ETag", etag);
    r.setHeader(protocol::SignatureHeader, "ed25519 " + current->signature.toBase64());
    return r;
}

HttpResponse PlatformServer::putJournalHead(const QHttpServerRequest &request, const Device &device,
                                            const QString &seqText)
{
    const std::optional<qint64> seq = parseCount(seqText.toLatin1());
    HttpResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body)
        return refusal;
    const QJsonValue bodySeq = body->value(QLatin1String("seq"));
    const QString hash = body->value(QLatin1String("hash")).toString();
    const QString at = body->value(QLatin1String("at")).toString();
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-f]{16,128}$"));
    if (!seq || !isWholeNumber(bodySeq, 0) || qint64(bodySeq.toDouble()) != *seq ||
        !hexPattern.match(hash).hasMatch() || !QDateTime::fromString(at, Qt::ISODate).isValid())
        return badRequest(QStringLiteral("invalid-journal-head"), QStringLiteral("Invalid journal head"),
                          QStringLiteral("La tête de journal envoyée est incomplète ou invalide."));
    const JournalHeadOutcome outcome = m_store.putJournalHead(device.id, *seq, hash, at);
    if (outcome.status == 409 && *seq < outcome.highestSeq)
        return HttpResponse::problem(409, QStringLiteral("journal-head-behind"), QStringLiteral("Journal head behind"),
                                     QStringLiteral("La plateforme a déjà reçu une position plus avancée du journal de "
                                                    "ce poste : le journal du poste a pu être tronqué ou restauré."));
    if (outcome.status == 409)
        return HttpResponse::problem(409, QStringLiteral("journal-head-conflict"),
                                     QStringLiteral("Journal head conflict"),
                                     QStringLiteral("La plateforme a déjà reçu une autre empreinte pour cette "
                                                    "position du journal : le journal du poste a pu être modifié."));
    if (outcome.status != 200 && outcome.status != 201)
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu enregistrer la tête de journal."));
    // The receipt: what the platform holds for this device, signed with the key the kiosk pinned at enrolment.
    const QByteArray signature =
        protocol::sign(protocol::journalReceiptMessage(device.id, *seq, hash, outcome.receivedAt), m_store.secretKey());
    return HttpResponse::json(outcome.status,
                              {{QStringLiteral("device"), device.id},
                               {QStringLiteral("seq"), double(*seq)},
                               {QStringLiteral("hash"), hash},
                               {QStringLiteral("received_at"), outcome.receivedAt},
                               {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}});
}

HttpResponse PlatformServer::putActivity(const QHttpServerRequest &request, const Device &device,
                                         const QString &uuidText)
{
    if (!isUuid(uuidText))
        return badRequest(QStringLiteral("invalid-uuid"), QStringLiteral("Invalid activity id"),
                          QStringLiteral("Le numéro du relevé d'activité n'est pas un UUID."));
    HttpResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body)
        return refusal;
    static const QRegularExpression periodPattern(QStringLiteral("^[0-9]{4}-[0-9]{2}$"));
    bool valid = periodPattern.match(body->value(QLatin1String("period")).toString()).hasMatch() &&
                 body->value(QLatin1String("counts")).isObject();
    const QJsonObject counts = body->value(QLatin1String("counts")).toObject();
    for (auto it = counts.begin(); valid && it != counts.end(); ++it)
        valid = isWholeNumber(it.value(), 0);
    if (!valid)
        return badRequest(QStringLiteral("invalid-activity"), QStringLiteral("Invalid activity"),
                          QStringLiteral("Le relevé d'activité doit avoir une période AAAA-MM et des compteurs "
                                         "entiers."));
    const int status = m_store.putActivity(device.id, uuidText.toLower(), *body);
    if (status == 409)
        return HttpResponse::problem(409, QStringLiteral("activity-conflict"), QStringLiteral("Activity conflict"),
                                     QStringLiteral("La plateforme a déjà reçu un relevé différent sous ce numéro."));
    if (status == 500)
        return HttpResponse::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                     QStringLiteral("La plateforme n'a pas pu enregistrer le relevé d'activité."));
    return HttpResponse::json(status, {{QStringLiteral("uuid"), uuidText.toLower()}});
}

HttpResponse PlatformServer::statusPage()
{
    HttpResponse r;
    r.status = 200;
    r.body = renderStatusPage(m_options.platformName, m_store.submissions());
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    // The page needs its inline <style> and nothing else: no script, image, frame or form.
    r.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
                "frame-ancestors 'none'");
    return r;
}

} // namespace relais::platform
