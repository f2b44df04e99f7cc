#include "PlatformStore.h"

#include "protocol/Protocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcPlatformStore, "relais.platform.store")

namespace relais::platform {

namespace {

Error storeError(const QString &message)
{
    return makeError(ErrorCode::Io, message);
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// Codes are read aloud and typed: no 0/O, 1/I/L.
constexpr char CodeAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

QString normaliseCode(const QString &code)
{
    QString out;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    }
    return out;
}

const char *const Schema[] = {
    "CREATE TABLE IF NOT EXISTS signing_key (id INTEGER PRIMARY KEY CHECK (id = 1), public_key BLOB NOT NULL, "
    "secret_key BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, "
    "enrolled_at TEXT NOT NULL, revoked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS enrolment_codes (code TEXT PRIMARY KEY, created_at TEXT NOT NULL, expires_at TEXT NOT "
    "NULL, used_at TEXT, device_id TEXT)",
    "CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id), length "
    "INTEGER NOT NULL, offset INTEGER NOT NULL, filename TEXT NOT NULL, content_type TEXT NOT NULL, sha256 TEXT NOT "
    "NULL, submission TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS submissions (seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, device_id TEXT NOT "
    "NULL REFERENCES devices(id), reference TEXT NOT NULL UNIQUE, demarche TEXT NOT NULL, demarche_version INTEGER "
    "NOT NULL, queued_at TEXT NOT NULL, received_at TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, "
    "content_digest TEXT NOT NULL, body TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS attachments (id INTEGER PRIMARY KEY, submission_uuid TEXT NOT NULL REFERENCES "
    "submissions(uuid), n INTEGER NOT NULL, field TEXT NOT NULL, filename TEXT NOT NULL, content_type TEXT NOT NULL, "
    "size INTEGER NOT NULL, sha256 TEXT NOT NULL, upload_id TEXT NOT NULL, path TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS status_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, submission_uuid TEXT NOT NULL "
    "REFERENCES submissions(uuid), device_id TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT "
    "NULL)",
    "CREATE INDEX IF NOT EXISTS status_changes_device ON status_changes(device_id, seq)",
    "CREATE TABLE IF NOT EXISTS catalogue (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, body BLOB "
    "NOT NULL, etag TEXT NOT NULL, signature BLOB NOT NULL, published_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS journal_heads (device_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, at "
    "TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, seq))",
    "CREATE TABLE IF NOT EXISTS activity (device_id TEXT NOT NULL, uuid TEXT NOT NULL, period TEXT NOT NULL, body "
    "TEXT NOT NULL, digest TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, uuid))",
};

} // namespace

QDateTime platformNow()
{
    static const qint64 offset = qEnvironmentVariableIntValue("RELAIS_PLATFORM_NOW_OFFSET_SECONDS");
    return QDateTime::currentDateTimeUtc().addSecs(offset);
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

PlatformStore::PlatformStore(QString dataDir, QString connectionName)
    : m_dataDir(std::move(dataDir)), m_connectionName(std::move(connectionName))
{}

PlatformStore::~PlatformStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<PlatformStore>> PlatformStore::open(const QString &dataDir)
{
    const QString absolute = QDir(dataDir).absolutePath();
    QDir dir;
    if (!dir.mkpath(absolute) || !dir.mkpath(absolute + QStringLiteral("/uploads")) ||
        !dir.mkpath(absolute + QStringLiteral("/submissions")))
        return storeError(QStringLiteral("cannot create the data directory %1").arg(absolute));

    static int counter = 0;
    const QString name = QStringLiteral("relais-platform-%1").arg(++counter);
    std::unique_ptr<PlatformStore> store(new PlatformStore(absolute, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    const QString path = absolute + QStringLiteral("/platform.db");
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return storeError(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA busy_timeout=10000"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (Status s = store->migrate(); !s)
        return s.error();
    if (Status s = store->loadKey(); !s)
        return s.error();
    return store;
}

Status PlatformStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    for (const char *statement : Schema) {
        if (!q.exec(QString::fromLatin1(statement)))
            return storeError(QStringLiteral("cannot prepare platform.db: %1").arg(q.lastError().text()));
    }
    return {};
}

bool PlatformStore::begin()
{
    // IMMEDIATE: take the write lock now, so a concurrent operator command waits instead of failing mid-way.
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

bool PlatformStore::commit()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral("COMMIT"));
}

void PlatformStore::rollback()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.exec(QStringLiteral("ROLLBACK"));
}

QString PlatformStore::signingKeyPath() const
{
    return m_dataDir + QLatin1Char('/') + QLatin1String(SigningKeyFileName);
}

Status PlatformStore::writeSigningKeyFile(const QByteArray &secretKey) const
{
    // Created with its final mode (never readable by others, not even for an instant), then moved into place.
    const QString path = signingKeyPath();
    const QString temporary = path + QStringLiteral(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return storeError(QStringLiteral("cannot create %1").arg(temporary));
    const QByteArray text = secretKey.toBase64() + '\n';
    const bool written = file.write(text) == text.size() && file.flush() && ::fsync(file.handle()) == 0;
    file.close();
    if (!written || !QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return storeError(QStringLiteral("cannot write %1").arg(path));
    }
    return {};
}

Status PlatformStore::loadKey()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const QString path = signingKeyPath();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT public_key, secret_key FROM signing_key WHERE id = 1")))
        return storeError(QStringLiteral("cannot read the signing key: %1").arg(q.lastError().text()));
    const bool known = q.next();
    const QByteArray knownPublic = known ? q.value(0).toByteArray() : QByteArray();
    const QByteArray secretInDatabase = known ? q.value(1).toByteArray() : QByteArray();
    q.finish();

    if (!QFile::exists(path)) {
        if (known && secretInDatabase.isEmpty())
            // Never a new key in its place: every enrolled kiosk pinned the lost one.
            return storeError(QStringLiteral("the signing key file %1 is missing: restore it from a backup (kiosks "
                                             "enrolled with it refuse any other key)")
                                  .arg(path));
        // A new platform, or one that kept its key in platform.db (before the key file): the secret moves out.
        const protocol::SigningKey key =
            known ? protocol::SigningKey::fromSecretKey(secretInDatabase) : protocol::SigningKey::generate();
        if (key.secretKey.isEmpty() || (known && key.publicKey != knownPublic))
            return storeError(QStringLiteral("cannot create the platform signing key"));
        if (Status s = writeSigningKeyFile(key.secretKey); !s)
            return s;
    }

    // Checked at every start: a key file others can read is a key others may have copied.
    QFile file(path);
    const QFileDevice::Permissions loose = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                           QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & loose) {
        qCWarning(lcPlatformStore) << "the signing key file was readable by others: mode set back to 0600";
        if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return storeError(QStringLiteral("cannot restrict the mode of %1 to 0600").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly))
        return storeError(QStringLiteral("cannot read %1").arg(path));
    const protocol::SigningKey key =
        protocol::SigningKey::fromSecretKey(QByteArray::fromBase64(file.read(4096).trimmed()));
    if (key.secretKey.isEmpty())
        return storeError(QStringLiteral("%1 does not hold an Ed25519 secret key").arg(path));
    if (known && key.publicKey != knownPublic)
        return storeError(QStringLiteral("%1 does not hold this platform's signing key").arg(path));

    // platform.db keeps the public key only: what the key file must match.
    if (!begin())
        return storeError(QStringLiteral("cannot record the signing key"));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO signing_key (id, public_key, secret_key) VALUES (1, ?, x'')"));
    q.addBindValue(key.publicKey);
    if (!q.exec() || !commit()) {
        rollback();
        return storeError(QStringLiteral("cannot record the signing key"));
    }
    m_publicKey = key.publicKey;
    m_secretKey = key.secretKey;
    return {};
}

QByteArray PlatformStore::publicKey()
{
    return m_publicKey;
}

QByteArray PlatformStore::secretKey()
{
    return m_secretKey;
}

QString PlatformStore::uploadPath(const QString &uploadId) const
{
    return m_dataDir + QStringLiteral("/uploads/") + uploadId + QStringLiteral(".part");
}

Result<QString> PlatformStore::newEnrolmentCode()
{
    QString code;
    const int alphabet = int(sizeof(CodeAlphabet)) - 1;
    for (int i = 0; i < 12; ++i)
        code.append(QLatin1Char(CodeAlphabet[QRandomGenerator::system()->bounded(alphabet)]));
    const QDateTime now = platformNow();
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("INSERT INTO enrolment_codes (code, created_at, expires_at) VALUES (?, ?, ?)"));
    q.addBindValue(code);
    q.addBindValue(isoUtc(now));
    q.addBindValue(isoUtc(now.addSecs(24 * 3600)));
    if (!q.exec())
        return storeError(QStringLiteral("cannot store the enrolment code: %1").arg(q.lastError().text()));
    return QStringLiteral("%1-%2-%3").arg(code.left(4), code.mid(4, 4), code.mid(8, 4));
}

std::optional<PlatformStore::Enrolment> PlatformStore::enrol(const QString &code, const QString &deviceName)
{
    const QString normalised = normaliseCode(code);
    if (normalised.size() != 12)
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!begin())
        return std::nullopt;
    const QString now = isoUtc(platformNow());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT expires_at FROM enrolment_codes WHERE code = ? AND used_at IS NULL"));
    q.addBindValue(normalised);
    if (!q.exec() || !q.next() || q.value(0).toString() <= now) {
        rollback();
        return std::nullopt;
    }
    Enrolment result;
    result.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    result.token = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));

    q.prepare(QStringLiteral("INSERT INTO devices (id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(result.deviceId);
    q.addBindValue(deviceName);
    q.addBindValue(sha256Hex(result.token.toLatin1()));
    q.addBindValue(now);
    bool ok = q.exec();
    q.prepare(QStringLiteral("UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code = ?"));
    q.addBindValue(now);
    q.addBindValue(result.deviceId);
    q.addBindValue(normalised);
    ok = ok && q.exec() && commit();
    if (!ok) {
        rollback();
        return std::nullopt;
    }
    return result;
}

std::optional<Device> PlatformStore::deviceForToken(const QString &token)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT id, name, revoked_at FROM devices WHERE token_hash = ?"));
    q.addBindValue(sha256Hex(token.toLatin1()));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Device{q.value(0).toString(), q.value(1).toString(), !q.value(2).isNull()};
}

Status PlatformStore::revokeDevice(const QString &deviceId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(isoUtc(platformNow()));
    q.addBindValue(deviceId);
    if (!q.exec())
        return storeError(q.lastError().text());
    if (q.numRowsAffected() != 1) {
        QSqlQuery known(QSqlDatabase::database(m_connectionName));
        known.prepare(QStringLiteral("SELECT 1 FROM devices WHERE id = ?"));
        known.addBindValue(deviceId);
        if (known.exec() && known.next())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("device %1 is already revoked").arg(deviceId));
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no device %1").arg(deviceId));
    }
    return {};
}

Result<Upload> PlatformStore::createUpload(const Upload &metadata)
{
    Upload upload = metadata;
    upload.id = randomHex(16);
    upload.offset = 0;
    upload.state = metadata.length == 0 ? QStringLiteral("complete") : QStringLiteral("open");
    upload.updatedAt = platformNow();
    QFile file(uploadPath(upload.id));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return storeError(QStringLiteral("cannot create the upload file"));
    file.close();
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("INSERT INTO uploads (id, device_id, length, offset, filename, content_type, sha256, "
                             "submission, state, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(upload.id);
    q.addBindValue(upload.deviceId);
    q.addBindValue(upload.length);
    q.addBindValue(upload.filename);
    q.addBindValue(upload.contentType);
    q.addBindValue(upload.sha256);
    q.addBindValue(upload.submission);
    q.addBindValue(upload.state);
    q.addBindValue(isoUtc(upload.updatedAt));
    q.addBindValue(isoUtc(upload.updatedAt));
    if (!q.exec()) {
        QFile::remove(uploadPath(upload.id));
        return storeError(q.lastError().text());
    }
    return upload;
}

std::optional<Upload> PlatformStore::upload(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT id, device_id, length, offset, filename, content_type, sha256, submission, state, "
                             "updated_at FROM uploads WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Upload u;
    u.id = q.value(0).toString();
    u.deviceId = q.value(1).toString();
    u.length = q.value(2).toLongLong();
    u.offset = q.value(3).toLongLong();
    u.filename = q.value(4).toString();
    u.contentType = q.value(5).toString();
    u.sha256 = q.value(6).toString();
    u.submission = q.value(7).toString();
    u.state = q.value(8).toString();
    u.updatedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODate);
    return u;
}

Upload PlatformStore::applyExpiry(const Upload &upload, double expiryHours)
{
    const QDateTime now = platformNow();
    const bool stale =
        (upload.state == QLatin1String("open") && upload.updatedAt.addSecs(qint64(expiryHours * 3600)) <= now) ||
        (upload.state == QLatin1String("complete") && upload.updatedAt.addDays(UnusedUploadDays) <= now);
    if (!stale)
        return upload;
    Upload expired = upload;
    expired.state = QStringLiteral("expired");
    if (setUploadState(upload.id, expired.state))
        QFile::remove(uploadPath(upload.id));
    return expired;
}

Status PlatformStore::recordOffset(const QString &id, qint64 offset, const QString &state)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE uploads SET offset = ?, state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(offset);
    q.addBindValue(state);
    q.addBindValue(isoUtc(platformNow()));
    q.addBindValue(id);
    if (!q.exec())
        return storeError(q.lastError().text());
    return {};
}

Status PlatformStore::setUploadState(const QString &id, const QString &state)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE uploads SET state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(isoUtc(platformNow()));
    q.addBindValue(id);
    if (!q.exec())
        return storeError(q.lastError().text());
    return {};
}

int PlatformStore::sweepUploads(double expiryHours)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.exec(QStringLiteral("SELECT id FROM uploads WHERE state IN ('open', 'complete')"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    int removed = 0;
    for (const QString &id : ids) {
        const std::optional<Upload> u = upload(id);
        if (u && applyExpiry(*u, expiryHours).state == QLatin1String("expired"))
            ++removed;
    }
    return removed;
}

DeliveryOutcome PlatformStore::deliver(const QString &uuid, const Device &device, const QJsonObject &body,
                                       const QList<AttachmentRef> &attachments)
{
    DeliveryOutcome out;
    const QString digest = QString::fromLatin1(protocol::contentDigest(body));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!begin()) {
        out.status = 503;
        out.problemCode = QStringLiteral("busy");
        out.problemTitle = QStringLiteral("Platform busy");
        out.detail = QStringLiteral("La plateforme est occupée ; l'envoi sera réessayé.");
        return out;
    }
    auto fail = [&](int status, const QString &code, const QString &title, const QString &detail) {
        rollback();
        out.status = status;
        out.problemCode = code;
        out.problemTitle = title;
        out.detail = detail;
        return out;
    };

    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT device_id, content_digest, reference, received_at, status FROM submissions WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (!q.exec())
        return fail(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                    QStringLiteral("La plateforme n'a pas pu lire ses données."));
    if (q.next()) {
        // Idempotency first: a repeat is answered from what is stored, its uploads were consumed the first time.
        if (q.value(0).toString() != device.id || q.value(1).toString() != digest)
            return fail(409, QStringLiteral("submission-conflict"), QStringLiteral("Submission conflict"),
                        QStringLiteral("La plateforme a déjà reçu une démarche différente sous ce numéro."));
        out.status = 200;
        out.receipt = Receipt{uuid, q.value(2).toString(), q.value(3).toString(), QStringLiteral("delivered")};
        rollback();
        return out;
    }

    // Every attachment must be a complete upload of this device, made for this submission, with these bytes.
    QList<Upload> uploads;
    for (const AttachmentRef &ref : attachments) {
        std::optional<Upload> u = upload(ref.upload);
        if (!u || u->deviceId != device.id || u->state != QLatin1String("complete"))
            return fail(
                422, QStringLiteral("attachment-missing"), QStringLiteral("Attachment missing"),
                QStringLiteral("Une pièce jointe (%1) n'est pas arrivée complète sur la plateforme.").arg(ref.field));
        if (u->sha256 != ref.sha256 || u->length != ref.size || u->submission != uuid)
            return fail(
                422, QStringLiteral("attachment-mismatch"), QStringLiteral("Attachment mismatch"),
                QStringLiteral("La pièce jointe (%1) reçue ne correspond pas à celle de la démarche.").arg(ref.field));
        uploads.append(*u);
    }

    q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM submissions"));
    const qint64 seq = q.next() ? q.value(0).toLongLong() : 1;
    const QDateTime now = platformNow();
    out.receipt.uuid = uuid;
    out.receipt.reference = QStringLiteral("RLS-%1-%2").arg(now.date().year()).arg(seq, 6, 10, QLatin1Char('0'));
    out.receipt.receivedAt = isoUtc(now);
    out.receipt.status = QStringLiteral("delivered");

    q.prepare(QStringLiteral("INSERT INTO submissions (seq, uuid, device_id, reference, demarche, demarche_version, "
                             "queued_at, received_at, status, message, content_digest, body) VALUES (?, ?, ?, ?, ?, ?, "
                             "?, ?, 'delivered', '', ?, ?)"));
    q.addBindValue(seq);
    q.addBindValue(uuid);
    q.addBindValue(device.id);
    q.addBindValue(out.receipt.reference);
    q.addBindValue(body.value(QLatin1String("demarche")).toString());
    q.addBindValue(body.value(QLatin1String("demarche_version")).toInt());
    q.addBindValue(body.value(QLatin1String("queued_at")).toString());
    q.addBindValue(out.receipt.receivedAt);
    q.addBindValue(digest);
    q.addBindValue(QString::fromUtf8(protocol::canonicalJson(body)));
    if (!q.exec())
        return fail(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                    QStringLiteral("La plateforme n'a pas pu enregistrer la démarche."));

    const QString folder = m_dataDir + QStringLiteral("/submissions/") + uuid;
    QList<QPair<QString, QString>> moved; // from, to: undone if the transaction cannot commit
    auto undoMoves = [&moved]() {
        for (const auto &m : moved)
            QFile::rename(m.second, m.first);
    };
    if (!attachments.isEmpty() && !QDir().mkpath(folder))
        return fail(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                    QStringLiteral("La plateforme n'a pas pu ranger les pièces jointes."));
    for (int n = 0; n < attachments.size(); ++n) {
        const AttachmentRef &ref = attachments.at(n);
        const QString target = folder + QLatin1Char('/') + QString::number(n + 1);
        QFile::remove(target); // left over by an earlier attempt that could not commit
        q.prepare(QStringLiteral("INSERT INTO attachments (submission_uuid, n, field, filename, content_type, size, "
                                 "sha256, upload_id, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(uuid);
        q.addBindValue(n + 1);
        q.addBindValue(ref.field);
        q.addBindValue(ref.filename);
        q.addBindValue(ref.contentType);
        q.addBindValue(ref.size);
        q.addBindValue(ref.sha256);
        q.addBindValue(ref.upload);
        q.addBindValue(target);
        const bool stored = q.exec() && setUploadState(ref.upload, QStringLiteral("used")) &&
                            QFile::rename(uploadPath(ref.upload), target);
        if (!stored) {
            undoMoves();
            return fail(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                        QStringLiteral("La plateforme n'a pas pu ranger les pièces jointes."));
        }
        moved.append({uploadPath(ref.upload), target});
    }
    if (!commit()) {
        undoMoves();
        return fail(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                    QStringLiteral("La plateforme n'a pas pu enregistrer la démarche."));
    }
    out.status = 201;
    return out;
}

QList<StoredSubmission> PlatformStore::submissions()
{
    QList<StoredSubmission> list;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT s.uuid, s.reference, s.demarche, s.demarche_version, s.status, s.message, "
                          "s.received_at, s.device_id, d.name, s.content_digest FROM submissions s JOIN devices d ON "
                          "d.id = s.device_id ORDER BY s.seq"));
    while (q.next()) {
        StoredSubmission s;
        s.uuid = q.value(0).toString();
        s.reference = q.value(1).toString();
        s.demarche = q.value(2).toString();
        s.demarcheVersion = q.value(3).toInt();
        s.status = q.value(4).toString();
        s.message = q.value(5).toString();
        s.receivedAt = q.value(6).toString();
        s.deviceId = q.value(7).toString();
        s.deviceName = q.value(8).toString();
        s.contentDigest = q.value(9).toString();
        list.append(s);
    }
    QSqlQuery a(db);
    a.prepare(QStringLiteral("SELECT field, filename, content_type, size, sha256, path FROM attachments WHERE "
                             "submission_uuid = ? ORDER BY n"));
    for (StoredSubmission &s : list) {
        a.addBindValue(s.uuid);
        if (!a.exec())
            continue;
        while (a.next()) {
            s.attachments.append(StoredAttachment{a.value(0).toString(), a.value(1).toString(), a.value(2).toString(),
                                                  a.value(3).toLongLong(), a.value(4).toString(),
                                                  a.value(5).toString()});
        }
    }
    return list;
}

Status PlatformStore::setStatus(const QString &uuid, const QString &status, const QString &message)
{
    static const QStringList allowed = {QStringLiteral("in_review"), QStringLiteral("accepted"),
                                        QStringLiteral("rejected_by_operator"), QStringLiteral("incomplete")};
    if (!allowed.contains(status))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("status must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!begin())
        return storeError(QStringLiteral("the platform database is busy"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT device_id FROM submissions WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (!q.exec() || !q.next()) {
        rollback();
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no submission %1").arg(uuid));
    }
    const QString deviceId = q.value(0).toString();
    const QString at = isoUtc(platformNow());
    q.prepare(QStringLiteral("UPDATE submissions SET status = ?, message = ? WHERE uuid = ?"));
    q.addBindValue(status);
    q.addBindValue(message);
    q.addBindValue(uuid);
    bool ok = q.exec();
    q.prepare(QStringLiteral(
        "INSERT INTO status_changes (submission_uuid, device_id, status, message, at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(uuid);
    q.addBindValue(deviceId);
    q.addBindValue(status);
    q.addBindValue(message);
    q.addBindValue(at);
    ok = ok && q.exec() && commit();
    if (!ok) {
        rollback();
        return storeError(QStringLiteral("cannot record the status"));
    }
    return {};
}

QList<StatusChange> PlatformStore::statusChanges(const QString &deviceId, qint64 after, int limit)
{
    QList<StatusChange> list;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT seq, submission_uuid, status, message, at FROM status_changes WHERE device_id = ? "
                             "AND seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(deviceId);
    q.addBindValue(after);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next()) {
        list.append(StatusChange{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString()});
    }
    return list;
}

std::optional<Catalogue> PlatformStore::currentCatalogue()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.exec(QStringLiteral("SELECT body, etag, signature, version FROM catalogue ORDER BY id DESC LIMIT 1"));
    if (!q.next())
        return std::nullopt;
    return Catalogue{q.value(0).toByteArray(), q.value(1).toString().toLatin1(), q.value(2).toByteArray(),
                     q.value(3).toInt()};
}

Status PlatformStore::publishCatalogue(const QByteArray &document)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the catalogue is not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String("relais-catalogue"))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the catalogue's \"format\" is not \"relais-catalogue\""));
    const QJsonValue versionValue = o.value(QLatin1String("version"));
    const double versionNumber = versionValue.toDouble(-1);
    if (!versionValue.isDouble() || versionNumber < 1 || versionNumber != double(qint64(versionNumber)) ||
        versionNumber > 2147483647.0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the catalogue's \"version\" must be a whole number >= 1"));
    const int version = int(versionNumber);
    if (const std::optional<Catalogue> current = currentCatalogue(); current && current->version >= version)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the catalogue's version must be greater than the published one (%1)")
                             .arg(current->version));
    const QByteArray signature = protocol::sign(document, m_secretKey);
    if (signature.isEmpty())
        return storeError(QStringLiteral("cannot sign the catalogue"));
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(
        QStringLiteral("INSERT INTO catalogue (version, body, etag, signature, published_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(version);
    q.addBindValue(document);
    q.addBindValue(sha256Hex(document));
    q.addBindValue(signature);
    q.addBindValue(isoUtc(platformNow()));
    if (!q.exec())
        return storeError(q.lastError().text());
    return {};
}

JournalHeadOutcome PlatformStore::putJournalHead(const QString &deviceId, qint64 seq, const QString &hash,
                                                 const QString &at)
{
    JournalHeadOutcome out;
    out.status = 500;
    if (!begin())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    // The device's highest head: a journal only grows, so nothing may be recorded below or beside it.
    q.prepare(QStringLiteral("SELECT seq, hash, received_at FROM journal_heads WHERE device_id = ? ORDER BY seq DESC "
                             "LIMIT 1"));
    q.addBindValue(deviceId);
    if (!q.exec()) {
        rollback();
        return out;
    }
    if (q.next()) {
        const qint64 highest = q.value(0).toLongLong();
        out.highestSeq = highest;
        if (seq < highest || (seq == highest && q.value(1).toString() != hash)) {
            rollback();
            out.status = 409;
            return out;
        }
        if (seq == highest) {
            // An honest resend (the answer was lost): the same receipt again, whatever its `at` says.
            out.receivedAt = q.value(2).toString();
            q.finish();
            rollback();
            out.status = 200;
            return out;
        }
    }
    q.finish();
    out.receivedAt = isoUtc(platformNow());
    q.prepare(
        QStringLiteral("INSERT INTO journal_heads (device_id, seq, hash, at, received_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(deviceId);
    q.addBindValue(seq);
    q.addBindValue(hash);
    q.addBindValue(at);
    q.addBindValue(out.receivedAt);
    if (!q.exec() || !commit()) {
        rollback();
        return out;
    }
    out.status = 201;
    return out;
}

int PlatformStore::putActivity(const QString &deviceId, const QString &uuid, const QJsonObject &body)
{
    const QString digest = sha256Hex(protocol::canonicalJson(body));
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT digest FROM activity WHERE device_id = ? AND uuid = ?"));
    q.addBindValue(deviceId);
    q.addBindValue(uuid);
    if (!q.exec())
        return 500;
    if (q.next())
        return q.value(0).toString() == digest ? 200 : 409;
    q.prepare(QStringLiteral(
        "INSERT INTO activity (device_id, uuid, period, body, digest, received_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(deviceId);
    q.addBindValue(uuid);
    q.addBindValue(body.value(QLatin1String("period")).toString());
    q.addBindValue(QString::fromUtf8(protocol::canonicalJson(body)));
    q.addBindValue(digest);
    q.addBindValue(isoUtc(platformNow()));
    return q.exec() ? 201 : 500;
}

} // namespace relais::platform
