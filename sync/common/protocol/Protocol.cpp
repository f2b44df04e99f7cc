#include "protocol/Protocol.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>
#include <zlib.h>

namespace relais::protocol {

namespace {

QJsonValue withoutUploads(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() != QLatin1String("upload"))
                out.insert(it.key(), withoutUploads(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(withoutUploads(item));
        return out;
    }
    return value;
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    // QJsonObject keeps its keys sorted, and the compact form has no insignificant spaces.
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A scalar: wrap it so that QJsonDocument serialises it, then strip the brackets.
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray contentDigest(const QJsonObject &submissionBody)
{
    return QCryptographicHash::hash(canonicalJson(withoutUploads(submissionBody)), QCryptographicHash::Sha256).toHex();
}

QJsonObject problem(int status, const QString &code, const QString &title, const QString &detail)
{
    return {{QStringLiteral("type"), QString(QLatin1String(ProblemTypeBase) + code)},
            {QStringLiteral("title"), title},
            {QStringLiteral("status"), status},
            {QStringLiteral("detail"), detail}};
}

std::optional<Problem> parseProblem(const QByteArray &body, const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith(ProblemContentType))
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Problem p;
    p.status = o.value(QLatin1String("status")).toInt();
    p.type = o.value(QLatin1String("type")).toString();
    if (p.type.startsWith(QLatin1String(ProblemTypeBase)))
        p.type = p.type.mid(int(qstrlen(ProblemTypeBase)));
    p.title = o.value(QLatin1String("title")).toString();
    p.detail = o.value(QLatin1String("detail")).toString();
    return p;
}

SigningKey SigningKey::generate()
{
    SigningKey key;
    if (!sodiumReady())
        return key;
    key.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    key.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(key.publicKey.data()),
                        reinterpret_cast<unsigned char *>(key.secretKey.data()));
    return key;
}

SigningKey SigningKey::fromSecretKey(const QByteArray &secretKey)
{
    SigningKey key;
    if (!sodiumReady() || secretKey.size() != int(crypto_sign_SECRETKEYBYTES))
        return key;
    key.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(key.publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(secretKey.constData()));
    key.secretKey = secretKey;
    return key;
}

QByteArray sign(const QByteArray &message, const QByteArray &secretKey)
{
    if (!sodiumReady() || secretKey.size() != int(crypto_sign_SECRETKEYBYTES))
        return {};
    QByteArray signature(int(crypto_sign_BYTES), Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return signature;
}

bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey)
{
    if (!sodiumReady() || signature.size() != int(crypto_sign_BYTES) ||
        publicKey.size() != int(crypto_sign_PUBLICKEYBYTES))
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData())) == 0;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 460:
        return "Checksum Mismatch";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.isValid() && b.isValid() && !a.host().isEmpty() &&
           a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && defaultPort(a) == defaultPort(b);
}

QByteArray journalReceiptMessage(const QString &device, qint64 seq, const QString &hash, const QString &receivedAt)
{
    return "relais-journal-receipt/1\n" + device.toUtf8() + '\n' + QByteArray::number(seq) + '\n' + hash.toUtf8() +
           '\n' + receivedAt.toUtf8() + '\n';
}

QByteArray gzip(const QByteArray &bytes)
{
    z_stream zs{};
    // 15 window bits + 16: a gzip header and trailer rather than zlib's.
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&zs, uLong(bytes.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    zs.avail_in = uInt(bytes.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int result = deflate(&zs, Z_FINISH);
    const qsizetype written = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

std::optional<QByteArray> gunzip(const QByteArray &bytes, qint64 limit, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) // gzip only, not zlib or raw deflate
        return std::nullopt;
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    zs.avail_in = uInt(bytes.size());
    QByteArray out;
    int result = Z_OK;
    char buffer[16384];
    while (result == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        result = inflate(&zs, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END)
            break;
        out.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (out.size() > limit) {
            if (tooLarge)
                *tooLarge = true;
            inflateEnd(&zs);
            return std::nullopt;
        }
        if (result == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)
            break; // the input ended before the member did
    }
    // One whole member and nothing after it.
    const bool whole = result == Z_STREAM_END && zs.avail_in == 0;
    inflateEnd(&zs);
    if (!whole)
        return std::nullopt;
    return out;
}

} // namespace relais::protocol
