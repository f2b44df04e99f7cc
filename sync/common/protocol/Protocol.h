#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUrl>

#include <optional>

// What the reference platform and the kiosk's sync engine must agree on byte for byte. The wire contract itself is
// sync/protocol/openapi.yaml with its README; this is the part of it that is code.
namespace relais::protocol {

inline constexpr char TusVersion[] = "1.0.0";
inline constexpr char PlatformHeader[] = "Relais-Platform";
inline constexpr char SignatureHeader[] = "Relais-Signature";
inline constexpr char ProblemContentType[] = "application/problem+json";
inline constexpr char JsonContentType[] = "application/json; charset=utf-8";
inline constexpr char ProblemTypeBase[] = "https://relais.invalid/problems/";

// Keys sorted, no insignificant spaces, UTF-8: the bytes two parties hash or sign.
QByteArray canonicalJson(const QJsonValue &value);

// SHA-256 (lower-case hex) of a submission body's canonical JSON with every "upload" key removed at any depth: the
// same démarche delivered twice has the same digest even when its attachments had to be uploaded again.
QByteArray contentDigest(const QJsonObject &submissionBody);

struct Problem
{
    int status = 0;
    QString type; // the code after ProblemTypeBase, e.g. "attachment-missing"
    QString title;
    QString detail; // a sentence for the mediator
};

// An RFC 7807 problem object; `code` becomes the type URI.
QJsonObject problem(int status, const QString &code, const QString &title, const QString &detail);
// The problem a response carries, if its content type says problem+json and its body is one.
std::optional<Problem> parseProblem(const QByteArray &body, const QByteArray &contentType);

// Ed25519 (libsodium), used for the signed catalogue; the platform's public key is pinned at enrolment.
struct SigningKey
{
    QByteArray publicKey; // 32 bytes
    QByteArray secretKey; // 64 bytes
    static SigningKey generate();
    // From the 64-byte libsodium secret key (seed followed by the public key); empty on a wrong size.
    static SigningKey fromSecretKey(const QByteArray &secretKey);
};
QByteArray sign(const QByteArray &message, const QByteArray &secretKey); // 64-byte detached signature
bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey);

// The reason phrase of a status line ("Checksum Mismatch" for tus' 460; "Status" for one not listed).
QByteArray reasonPhrase(int status);

// Plain HTTP is only allowed to 127.0.0.0/8, ::1 and "localhost" (DESIGN §6).
bool isLoopbackUrl(const QUrl &url);

// Same scheme, host and port (default ports made explicit): where the device token may be sent (an upload URL).
bool sameOrigin(const QUrl &a, const QUrl &b);

// The bytes a journal receipt's Ed25519 signature covers: a fixed first line (so that no other signed document can
// pass for a receipt), then device id, sequence number, head hash (lower-case hex) and the platform's reception time,
// one per line. app/core/security/Journal.cpp builds the same bytes to check a stored receipt.
QByteArray journalReceiptMessage(const QString &device, qint64 seq, const QString &hash, const QString &receivedAt);

// JSON request bodies may travel gzip-compressed (RFC 1952, `Content-Encoding: gzip`) to a platform whose answers
// say `Accept-Encoding: gzip` (RFC 7694): a bus's 3G link is slow. Tus chunks never are (documents are compressed
// already, and offsets count the file's own bytes).
inline constexpr char GzipEncoding[] = "gzip";
// JSON bodies shorter than this go as they are: gzip's own 18 bytes and the header would not pay for themselves.
inline constexpr qsizetype GzipMinBytes = 256;
QByteArray gzip(const QByteArray &bytes);
// The inflated bytes, or nothing when `bytes` is not one whole gzip member or inflates to more than `limit` bytes
// (`tooLarge` then says which): inflating stops at the limit, so a small bomb cannot fill the memory.
std::optional<QByteArray> gunzip(const QByteArray &bytes, qint64 limit, bool *tooLarge = nullptr);

} // namespace relais::protocol
