#include "Journal.h"

#include "common/AtomicFile.h"
#include "common/Logging.h"
#include "store/Database.h"
#include "store/SqlCipherDriver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>
#include <sqlite3.h>

#include <utility>

namespace relais {

namespace {

struct Anchor
{
    enum class State
    {
        Missing,
        Unreadable,
        Forged, // well-formed, but its MAC does not verify under the store's anchor key (or it has none)
        Present,
    };
    State state = State::Missing;
    qint64 rows = 0;
    QByteArray head;
    bool sealed = false; // format 2 (MAC); format 1 was written before schema 6
};

constexpr int AnchorKeySize = 32;

// One anchor file per store, possibly written from several threads' connections: read, check and write in turn.
QMutex &anchorMutex()
{
    static QMutex mutex;
    return mutex;
}

QByteArray anchorMac(const QByteArray &key, qint64 rows, const QByteArray &head)
{
    return QMessageAuthenticationCode::hash("relais-journal-anchor/2\n" + QByteArray::number(rows) + '\n' +
                                                head.toHex() + '\n',
                                            key, QCryptographicHash::Sha256);
}

// `key` empty: the store has no anchor key yet (a store from before schema 6 that never moved its anchor since).
Anchor readAnchor(const QString &path, const QByteArray &key)
{
    Anchor a;
    QFile file(path);
    if (!file.exists())
        return a;
    a.state = Anchor::State::Unreadable;
    if (!file.open(QIODevice::ReadOnly))
        return a;
    const QJsonObject o = QJsonDocument::fromJson(file.read(4096)).object();
    const int format = o.value(QLatin1String("format")).toInt();
    const qint64 rows = o.value(QLatin1String("rows")).toInteger(-1);
    const QByteArray head = QByteArray::fromHex(o.value(QLatin1String("head")).toString().toLatin1());
    if ((format != 1 && format != 2) || rows < 0 || (rows > 0 && head.size() != 32) || (rows == 0 && !head.isEmpty()))
        return a;
    a.rows = rows;
    a.head = head;
    a.sealed = format == 2;
    if (format == 1) {
        // Unsealed: believable only from a store that never had a key (else anyone could write one).
        a.state = key.isEmpty() ? Anchor::State::Present : Anchor::State::Forged;
        return a;
    }
    const QByteArray mac = QByteArray::fromHex(o.value(QLatin1String("mac")).toString().toLatin1());
    const QByteArray expected = key.isEmpty() ? QByteArray() : anchorMac(key, rows, head);
    const bool valid = !expected.isEmpty() && mac.size() == expected.size() &&
                       sodium_memcmp(mac.constData(), expected.constData(), size_t(mac.size())) == 0;
    a.state = valid ? Anchor::State::Present : Anchor::State::Forged;
    return a;
}

Status writeAnchor(const QString &path, qint64 rows, const QByteArray &head, const QByteArray &key)
{
    if (key.size() != AnchorKeySize)
        return makeError(ErrorCode::Internal, Journal::tr("The journal's anchor key cannot be read."));
    QJsonObject o;
    o.insert(QLatin1String("format"), 2);
    o.insert(QLatin1String("rows"), rows);
    o.insert(QLatin1String("head"), QString::fromLatin1(head.toHex()));
    o.insert(QLatin1String("mac"), QString::fromLatin1(anchorMac(key, rows, head).toHex()));
    return writeFileAtomically(path, QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

// True when no transaction is open on `db`: what it reads then is committed, never a change that may roll back.
bool inAutocommit(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return false;
    auto *handle = static_cast<sqlite3 *>(db.driver()->handle().value<void *>());
    return handle && sqlite3_get_autocommit(handle) != 0;
}

// The last row's id and hash; id 0 on an empty journal, -1 when it cannot be read.
qint64 readHead(const QSqlDatabase &db, QByteArray *hash)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")))
        return -1;
    if (!q.next())
        return 0;
    *hash = q.value(1).toByteArray();
    return q.value(0).toLongLong();
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

struct Where
{
    QString sql;
    QVariantList values;
};

Where whereClause(const JournalFilter &f, bool paging)
{
    QStringList clauses;
    Where w;
    if (!f.actor.isEmpty()) {
        clauses << QStringLiteral("actor = ?");
        w.values << f.actor;
    }
    if (!f.action.isEmpty()) {
        clauses << QStringLiteral("action = ?");
        w.values << f.action;
    }
    // `at` holds UTC times written alike (ISO with milliseconds), so text order is time order.
    if (f.from.isValid()) {
        clauses << QStringLiteral("at >= ?");
        w.values << utcText(QDateTime(f.from, QTime(0, 0)));
    }
    if (f.to.isValid()) {
        clauses << QStringLiteral("at < ?");
        w.values << utcText(QDateTime(f.to.addDays(1), QTime(0, 0)));
    }
    if (!f.objectContains.isEmpty()) {
        // instr, not LIKE: '%' and '_' typed in the filter are plain characters.
        clauses << QStringLiteral("instr(lower(object), ?) > 0");
        w.values << f.objectContains.toLower();
    }
    if (paging && f.beforeId > 0) {
        clauses << QStringLiteral("id < ?");
        w.values << f.beforeId;
    }
    if (!clauses.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    return w;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

struct ActionName
{
    const char *id;
    const char *label;
};

// Every event written in app/ and ui/; the viewer shows others by their id.
const ActionName ActionNames[] = {
    {"store_created", QT_TRANSLATE_NOOP("relais::Journal", "Store created")},
    {"store_unlocked_by_keychain", QT_TRANSLATE_NOOP("relais::Journal", "Store opened by the system keychain")},
    {"sign_in", QT_TRANSLATE_NOOP("relais::Journal", "Signed in")},
    {"sign_in_failed", QT_TRANSLATE_NOOP("relais::Journal", "Sign-in refused")},
    {"sign_in_failures_before", QT_TRANSLATE_NOOP("relais::Journal", "Failed sign-ins before this one")},
    {"sign_out", QT_TRANSLATE_NOOP("relais::Journal", "Signed out")},
    {"session_locked", QT_TRANSLATE_NOOP("relais::Journal", "Session locked")},
    {"session_handed_over", QT_TRANSLATE_NOOP("relais::Journal", "Session handed over")},
    {"program_quit", QT_TRANSLATE_NOOP("relais::Journal", "Relais closed")},
    {"recovery_code_used", QT_TRANSLATE_NOOP("relais::Journal", "Recovery code used")},
    {"recovery_code_renewed", QT_TRANSLATE_NOOP("relais::Journal", "Recovery code replaced")},
    {"keychain_enabled", QT_TRANSLATE_NOOP("relais::Journal", "Keychain slot enabled")},
    {"keychain_disabled", QT_TRANSLATE_NOOP("relais::Journal", "Keychain slot removed")},
    {"account_created", QT_TRANSLATE_NOOP("relais::Journal", "Account created")},
    {"password_changed", QT_TRANSLATE_NOOP("relais::Journal", "Password changed")},
    {"account_disabled", QT_TRANSLATE_NOOP("relais::Journal", "Account disabled")},
    {"account_role_changed", QT_TRANSLATE_NOOP("relais::Journal", "Account's role changed")},
    {"store_rekeyed", QT_TRANSLATE_NOOP("relais::Journal", "Store's key changed")},
    {"backup_made", QT_TRANSLATE_NOOP("relais::Journal", "Backup made")},
    {"store_restored", QT_TRANSLATE_NOOP("relais::Journal", "Store restored from a backup")},
    {"keyslots_sealed", QT_TRANSLATE_NOOP("relais::Journal", "Key file sealed")},
    {"setting_changed", QT_TRANSLATE_NOOP("relais::Journal", "Setting changed")},
    {"citizen_opened", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file opened")},
    {"citizen_created", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file created")},
    {"citizen_changed", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file changed")},
    {"citizen_exported", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file exported")},
    {"document_saved_to_folder", QT_TRANSLATE_NOOP("relais::Journal", "Document saved to a folder (not protected)")},
    {"citizen_erased", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file erased")},
    {"citizen_merged", QT_TRANSLATE_NOOP("relais::Journal", "Citizens' files merged")},
    {"consent_given", QT_TRANSLATE_NOOP("relais::Journal", "Consent given")},
    {"consent_withdrawn", QT_TRANSLATE_NOOP("relais::Journal", "Consent withdrawn")},
    {"mandate_created", QT_TRANSLATE_NOOP("relais::Journal", "Mandate recorded")},
    {"mandate_scope_revoked", QT_TRANSLATE_NOOP("relais::Journal", "Mandate scope revoked")},
    {"draft_created", QT_TRANSLATE_NOOP("relais::Journal", "Démarche started")},
    {"demarche_with_person", QT_TRANSLATE_NOOP("relais::Journal", "Démarche done with the person present")},
    {"demarche_under_mandate", QT_TRANSLATE_NOOP("relais::Journal", "Démarche done for the person, under a mandate")},
    {"submission_queued", QT_TRANSLATE_NOOP("relais::Journal", "Démarche queued for sending")},
    {"submission_delivered", QT_TRANSLATE_NOOP("relais::Journal", "Démarche delivered")},
    {"submission_discarded", QT_TRANSLATE_NOOP("relais::Journal", "Démarche discarded")},
    {"submission_quarantined", QT_TRANSLATE_NOOP("relais::Journal", "Démarche refused by the platform")},
    {"submission_reopened", QT_TRANSLATE_NOOP("relais::Journal", "Refused démarche reopened for correction")},
    {"device_enrolled", QT_TRANSLATE_NOOP("relais::Journal", "Kiosk enrolled with the platform")},
    {"proxy_changed", QT_TRANSLATE_NOOP("relais::Journal", "Network proxy for the platform changed")},
    {"submissions_discarded", QT_TRANSLATE_NOOP("relais::Journal", "Démarches discarded with a file")},
    {"retention_purge", QT_TRANSLATE_NOOP("relais::Journal", "Expired data deleted")},
    {"journal_anchor_reset", QT_TRANSLATE_NOOP("relais::Journal", "Journal anchor reset")},
};

} // namespace

Journal::Journal(QSqlDatabase db, const Clock *clock, QString anchorPath)
    : m_db(std::move(db)), m_clock(clock), m_anchorPath(std::move(anchorPath))
{
    if (m_anchorPath.isEmpty())
        return;
    // Rows of the journal are written on this connection (append): the anchor follows each commit that adds some,
    // told by the connection's own driver, after the commit and under no lock of anyone else's.
    m_driver = qobject_cast<SqlCipherDriver *>(m_db.driver());
    if (m_driver)
        m_commitListener = m_driver->addCommitListener([this](const SqlCipherDriver::CommittedRows &committed) {
            if (committed.contains(QStringLiteral("journal")))
                syncAnchorOn(m_db);
        });
}

Journal::~Journal()
{
    if (m_driver)
        m_driver->removeCommitListener(m_commitListener);
}

QByteArray Journal::canonicalRow(qint64 id, const QString &at, const QString &actor, const QString &action,
                                 const QString &object)
{
    // Each field is length-prefixed, so no content can shift a boundary and make two rows hash alike.
    QByteArray row = QByteArray::number(id);
    for (const QString &field : {at, actor, action, object}) {
        const QByteArray bytes = field.toUtf8();
        row += '|' + QByteArray::number(bytes.size()) + ':' + bytes;
    }
    return row;
}

QByteArray Journal::chain(const QByteArray &previous, const QByteArray &canonical)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous);
    hash.addData(canonical);
    return hash.result();
}

Status Journal::append(const QString &actor, const QString &action, const QString &objectId)
{
    const QString object = objectId.isNull() ? QStringLiteral("") : objectId; // the column holds '' for "none"
    // Read before the head: the anchor is never ahead of what is committed, so if it is ahead of the head read
    // after it, rows were removed from the end. The new row then takes the id after the anchored ones: the gap
    // stays in the chain, and verification names the first removed row instead of a row that was written again.
    qint64 anchoredRows = 0;
    if (!m_anchorPath.isEmpty()) {
        QMutexLocker lock(&anchorMutex());
        const Anchor anchor = readAnchor(m_anchorPath, anchorKey(m_db, false));
        if (anchor.state == Anchor::State::Present)
            anchoredRows = anchor.rows;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")))
        return Database::sqlError(QStringLiteral("journal head"), q.lastError());
    qint64 id = 1;
    QByteArray previous(32, '\0');
    if (q.next()) {
        id = q.value(0).toLongLong() + 1;
        previous = q.value(1).toByteArray();
    }
    q.finish();
    if (anchoredRows >= id) {
        qCWarning(lcSecurity) << "journal shorter than its anchor: rows" << id << "to" << anchoredRows << "missing";
        id = anchoredRows + 1;
    }
    const QString at = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    q.prepare(QStringLiteral("INSERT INTO journal (id, at, actor, action, object, hash) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(at);
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(object);
    q.addBindValue(chain(previous, canonicalRow(id, at, actor, action, object)));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("journal append"), q.lastError());
    // The anchor moves when the row is committed: now outside a transaction, at its commit inside one (m_driver).
    if (!m_driver)
        syncAnchorOn(m_db);
    return {};
}

Status Journal::startAnchor()
{
    if (m_anchorPath.isEmpty())
        return {};
    QMutexLocker lock(&anchorMutex());
    const QByteArray key = anchorKey(m_db, true);
    // A disk that filled up while the key was stored says so, as every other step of setting up a store does.
    if (key.isEmpty() && !m_anchorKeyStored)
        return m_anchorKeyStored;
    return writeAnchor(m_anchorPath, 0, QByteArray(), key);
}

QByteArray Journal::anchorKey(const QSqlDatabase &db, bool create) const
{
    if (!m_anchorKey.isEmpty())
        return m_anchorKey;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key FROM journal_anchor_key WHERE id = 1")))
        return {}; // a schema older than 6: no key, and none can be kept
    if (q.next()) {
        const QByteArray key = q.value(0).toByteArray();
        if (key.size() == AnchorKeySize)
            m_anchorKey = key;
        return m_anchorKey;
    }
    q.finish();
    if (!create || sodium_init() < 0)
        return {};
    // Random, not derived from the data key: re-keying the store (sqlcipher_export) carries it over unchanged.
    QByteArray key(AnchorKeySize, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    q.prepare(QStringLiteral("INSERT INTO journal_anchor_key (id, key) VALUES (1, ?)"));
    q.addBindValue(key);
    if (!q.exec()) {
        qCWarning(lcSecurity) << "journal anchor key not created";
        m_anchorKeyStored = Database::sqlError(QStringLiteral("store journal anchor key"), q.lastError());
        return {};
    }
    m_anchorKeyStored = Status();
    m_anchorKey = key;
    return key;
}

void Journal::syncAnchor() const
{
    QSqlDatabase db = m_db;
    syncAnchorOn(db);
}

void Journal::syncAnchorOn(QSqlDatabase &db) const
{
    if (m_anchorPath.isEmpty() || !inAutocommit(db))
        return;
    QMutexLocker lock(&anchorMutex());
    QByteArray headHash;
    const qint64 headId = readHead(db, &headHash);
    if (headId < 0)
        return;
    const QByteArray key = anchorKey(db, false);
    const Anchor anchor = readAnchor(m_anchorPath, key);
    if (anchor.state != Anchor::State::Present) {
        // Not re-created here: an administrator decides (resetAnchor), or a deleted file would go unnoticed.
        if (!std::exchange(m_anchorWarned, true))
            qCWarning(lcSecurity) << "journal anchor missing or unreadable: not updated";
        return;
    }
    if (anchor.rows == headId && anchor.head == headHash && anchor.sealed)
        return;
    if (anchor.rows > headId) {
        if (!std::exchange(m_anchorWarned, true))
            qCWarning(lcSecurity) << "journal shorter than its anchor" << headId << "<" << anchor.rows;
        return;
    }
    if (anchor.rows > 0) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT hash FROM journal WHERE id = ?"));
        q.addBindValue(anchor.rows);
        if (!q.exec() || !q.next() || q.value(0).toByteArray() != anchor.head) {
            if (!std::exchange(m_anchorWarned, true))
                qCWarning(lcSecurity) << "journal row" << anchor.rows << "no longer matches its anchor";
            return;
        }
    }
    // An anchor from before schema 6 is sealed here, the first time it moves, under a key made for it.
    if (Status s = writeAnchor(m_anchorPath, headId, headHash, key.isEmpty() ? anchorKey(db, true) : key); !s)
        qCWarning(lcSecurity) << "journal anchor not written";
}

Status Journal::resetAnchor(const QString &actor)
{
    if (m_anchorPath.isEmpty())
        return makeError(ErrorCode::Internal, Journal::tr("This journal has no anchor file."));
    if (!inAutocommit(m_db))
        return makeError(ErrorCode::Internal, Journal::tr("The journal's anchor cannot be reset during a change."));
    const Verification v = verify();
    if (v.reason == Reason::EditedRow || v.reason == Reason::MissingRow)
        return makeError(ErrorCode::StoreCorrupt,
                         describe(v) + QLatin1Char(' ') + Journal::tr("The anchor was left as it is."));
    if (Status s = append(actor, QStringLiteral("journal_anchor_reset"), QString::number(v.anchoredRows)); !s)
        return s;
    QMutexLocker lock(&anchorMutex());
    QByteArray headHash;
    const qint64 headId = readHead(m_db, &headHash);
    if (headId < 0)
        return makeError(ErrorCode::Internal, Journal::tr("The journal cannot be read."));
    return writeAnchor(m_anchorPath, headId, headHash, anchorKey(m_db, true));
}

Journal::Verification Journal::verify() const
{
    Verification v;
    Anchor anchor;
    if (!m_anchorPath.isEmpty()) {
        QMutexLocker lock(&anchorMutex());
        anchor = readAnchor(m_anchorPath, anchorKey(m_db, false));
        if (anchor.state == Anchor::State::Present)
            v.anchoredRows = anchor.rows;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, at, actor, action, object, hash FROM journal ORDER BY id"))) {
        v.intact = false;
        v.reason = Reason::EditedRow;
        return v;
    }
    QByteArray previous(32, '\0');
    QByteArray anchoredRowHash;
    qint64 expectedId = 1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QByteArray stored = q.value(5).toByteArray();
        ++v.rows;
        if (id != expectedId) {
            v.intact = false;
            // A gap that ends right after the anchored rows is the mark append() leaves after a cut-off end.
            v.reason = id == anchor.rows + 1 && anchor.state == Anchor::State::Present ? Reason::TruncatedTail
                                                                                       : Reason::MissingRow;
            v.firstBrokenId = expectedId;
            v.gapEndId = id - 1;
            return v;
        }
        const QByteArray computed = chain(previous, canonicalRow(id, q.value(1).toString(), q.value(2).toString(),
                                                                 q.value(3).toString(), q.value(4).toString()));
        if (stored != computed) {
            v.intact = false;
            v.reason = Reason::EditedRow;
            v.firstBrokenId = id;
            return v;
        }
        if (id == anchor.rows)
            anchoredRowHash = stored;
        previous = stored;
        ++expectedId;
    }
    v.head = v.rows > 0 ? previous : QByteArray();
    if (m_anchorPath.isEmpty())
        return v;
    if (anchor.state == Anchor::State::Forged) {
        v.intact = false;
        v.reason = Reason::AnchorForged;
        return v;
    }
    if (anchor.state != Anchor::State::Present) {
        if (v.rows > 0) {
            v.intact = false;
            v.reason = Reason::AnchorMissing;
        }
        return v;
    }
    if (v.rows < anchor.rows) {
        v.intact = false;
        v.reason = Reason::TruncatedTail;
        v.firstBrokenId = v.rows + 1;
    } else if (anchor.rows > 0 && anchoredRowHash != anchor.head) {
        // As many rows or more, but not the ones anchored: the tail was cut, then written again.
        v.intact = false;
        v.reason = Reason::TruncatedTail;
        v.firstBrokenId = anchor.rows;
    }
    return v;
}

Journal::Verification Journal::verify(const QByteArray &platformKey) const
{
    Verification v = verify();
    const std::optional<JournalReceipt> receipt = lastReceipt();
    if (!receipt || v.reason == Reason::EditedRow || v.reason == Reason::MissingRow)
        return v; // no receipt, or the chain itself already says where it was altered
    if (!receipt->isSignedBy(platformKey)) {
        v.intact = false;
        v.reason = Reason::ReceiptForged;
        return v;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT hash FROM journal WHERE id = ?"));
    q.addBindValue(receipt->seq);
    const bool held = q.exec() && q.next() && q.value(0).toByteArray() == receipt->hash;
    v.receiptAt = receipt->receivedAt;
    if (!held) {
        // A chain recomputed after a row was changed or removed is whole again, but not the one the platform saw.
        v.intact = false;
        v.reason = Reason::ReceiptBroken;
        v.firstBrokenId = receipt->seq;
        v.receiptSeq = receipt->seq;
        return v;
    }
    v.receiptSeq = receipt->seq;
    return v;
}

QByteArray JournalReceipt::message() const
{
    return "relais-journal-receipt/1\n" + device.toUtf8() + '\n' + QByteArray::number(seq) + '\n' + hash.toHex() +
           '\n' + receivedAt.toUtf8() + '\n';
}

bool JournalReceipt::isSignedBy(const QByteArray &platformKey) const
{
    if (sodium_init() < 0 || signature.size() != int(crypto_sign_BYTES) ||
        platformKey.size() != int(crypto_sign_PUBLICKEYBYTES) || hash.size() != 32)
        return false;
    const QByteArray bytes = message();
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                                       static_cast<unsigned long long>(bytes.size()),
                                       reinterpret_cast<const unsigned char *>(platformKey.constData())) == 0;
}

Status Journal::recordReceipt(const JournalReceipt &receipt, const QByteArray &platformKey)
{
    if (!receipt.isSignedBy(platformKey))
        return makeError(ErrorCode::InvalidInput,
                         Journal::tr("The platform's receipt for the journal is not signed with its key."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT hash FROM journal WHERE id = ?"));
    q.addBindValue(receipt.seq);
    if (!q.exec() || !q.next() || q.value(0).toByteArray() != receipt.hash)
        return makeError(ErrorCode::InvalidInput,
                         Journal::tr("The platform's receipt does not match this kiosk's journal."));
    q.finish();
    if (const std::optional<JournalReceipt> kept = lastReceipt(); kept && kept->seq > receipt.seq)
        return {}; // an older answer arriving late: the newer receipt covers more
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO journal_receipts (id, device, seq, hash, received_at, signature)"
                             " VALUES (1, ?, ?, ?, ?, ?)"));
    q.addBindValue(receipt.device);
    q.addBindValue(receipt.seq);
    q.addBindValue(receipt.hash);
    q.addBindValue(receipt.receivedAt);
    q.addBindValue(receipt.signature);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("journal receipt"), q.lastError());
    return {};
}

Status Journal::forgetReceipt()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM journal_receipts")))
        return Database::sqlError(QStringLiteral("journal receipt"), q.lastError());
    return {};
}

std::optional<JournalReceipt> Journal::lastReceipt() const
{
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT device, seq, hash, received_at, signature FROM journal_receipts WHERE id = 1")) ||
        !q.next())
        return std::nullopt;
    JournalReceipt r;
    r.device = q.value(0).toString();
    r.seq = q.value(1).toLongLong();
    r.hash = q.value(2).toByteArray();
    r.receivedAt = q.value(3).toString();
    r.signature = q.value(4).toByteArray();
    return r;
}

QString Journal::describe(const Verification &v)
{
    switch (v.reason) {
    case Reason::Intact:
        return Journal::tr("The journal is intact: %n entries, none changed or removed.", nullptr,
                           static_cast<int>(v.rows));
    case Reason::EditedRow:
        if (v.firstBrokenId == 0)
            return Journal::tr("The journal cannot be read.");
        return Journal::tr("The journal was altered: entry %1 was changed after it was written.").arg(v.firstBrokenId);
    case Reason::MissingRow:
        if (v.gapEndId > v.firstBrokenId)
            return Journal::tr("The journal was altered: entries %1 to %2 were removed.")
                .arg(v.firstBrokenId)
                .arg(v.gapEndId);
        return Journal::tr("The journal was altered: entry %1 was removed.").arg(v.firstBrokenId);
    case Reason::TruncatedTail:
        if (v.gapEndId > 0)
            return Journal::tr("The end of the journal was removed: entries %1 to %2 are missing; the entries after "
                               "them were written later.")
                .arg(v.firstBrokenId)
                .arg(v.gapEndId);
        if (v.rows < v.anchoredRows)
            return Journal::tr("The end of the journal was removed: entries from %1 on are missing (%2 recorded, %3 "
                               "left).")
                .arg(v.firstBrokenId)
                .arg(v.anchoredRows)
                .arg(v.rows);
        return Journal::tr("The end of the journal was replaced: entry %1 is not the one that was recorded.")
            .arg(v.firstBrokenId);
    case Reason::AnchorForged:
        return Journal::tr("The journal's anchor file journal.anchor was altered: its seal does not match this store. "
                           "The end of the journal may have been removed or rewritten.");
    case Reason::ReceiptForged:
        return Journal::tr("The platform's receipt kept in the store is not signed with the platform's key: it was "
                           "altered.");
    case Reason::ReceiptBroken:
        if (v.rows < v.firstBrokenId)
            return Journal::tr("The journal was cut: the platform acknowledged %1 entries (on %2), only %3 are left.")
                .arg(v.firstBrokenId)
                .arg(v.receiptAt)
                .arg(v.rows);
        return Journal::tr("The journal was rewritten: entry %1 is not the one the platform acknowledged (on %2).")
            .arg(v.firstBrokenId)
            .arg(v.receiptAt);
    case Reason::AnchorMissing:
        return Journal::tr("The journal's chain is intact (%n entries), but its anchor file journal.anchor is missing, "
                           "so removed last entries cannot be detected. This is expected after a restore from a "
                           "backup: an administrator can then reset the anchor. Otherwise the file was deleted.",
                           nullptr, static_cast<int>(v.rows));
    }
    return QString();
}

Status Journal::mayRead(const Account &actor)
{
    if (actor.role == Role::Admin)
        return {};
    return makeError(ErrorCode::PermissionDenied, tr("Only an administrator can read the security journal."));
}

Result<std::pair<qint64, QByteArray>> Journal::lastRow() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")))
        return Database::sqlError(QStringLiteral("journal head"), q.lastError());
    if (!q.next())
        return std::pair<qint64, QByteArray>{0, QByteArray()};
    return std::pair<qint64, QByteArray>{q.value(0).toLongLong(), q.value(1).toByteArray()};
}

Result<QList<JournalEntry>> Journal::query(const Account &actor, const JournalFilter &filter) const
{
    if (Status allowed = mayRead(actor); !allowed)
        return allowed.error();
    const Where w = whereClause(filter, true);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, actor, action, object FROM journal%1 ORDER BY id DESC LIMIT ? OFFSET ?")
                  .arg(w.sql));
    for (const QVariant &value : w.values)
        q.addBindValue(value);
    q.addBindValue(filter.limit > 0 ? filter.limit : -1);
    q.addBindValue(filter.offset);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("journal query"), q.lastError());
    QList<JournalEntry> rows;
    while (q.next()) {
        JournalEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.object = q.value(4).toString();
        rows.append(e);
    }
    return rows;
}

Result<qint64> Journal::count(const Account &actor, const JournalFilter &filter) const
{
    if (Status allowed = mayRead(actor); !allowed)
        return allowed.error();
    const Where w = whereClause(filter, true);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM journal%1").arg(w.sql));
    for (const QVariant &value : w.values)
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        return Database::sqlError(QStringLiteral("journal count"), q.lastError());
    return q.value(0).toLongLong();
}

QDateTime Journal::previousSignIn(const Account &actor) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at FROM journal WHERE actor = ? AND action = 'sign_in' ORDER BY id DESC "
                             "LIMIT 1 OFFSET 1"));
    q.addBindValue(actor.login);
    if (!q.exec() || !q.next())
        return QDateTime(); // the first sign-in, or unreadable: everything decided counts as news
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
}

Status Journal::exportCsv(const Account &actor, const JournalFilter &filter, QIODevice *out) const
{
    if (Status allowed = mayRead(actor); !allowed)
        return allowed;
    const Where w = whereClause(filter, false);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, actor, action, object FROM journal%1 ORDER BY id DESC").arg(w.sql));
    for (const QVariant &value : w.values)
        q.addBindValue(value);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("journal export"), q.lastError());
    const Error writeError = makeError(ErrorCode::Io, Journal::tr("The export could not be written completely. Check "
                                                                  "the free space and try again."));
    // Times stay in UTC as stored: the file is for checking, whatever the time zone of who reads it.
    QByteArray chunk = QByteArrayLiteral("id,at_utc,actor,action,event,object\r\n");
    while (q.next()) {
        const QString action = q.value(3).toString();
        chunk += QByteArray::number(q.value(0).toLongLong()) + ',' + csvField(q.value(1).toString()) + ',' +
                 csvField(q.value(2).toString()) + ',' + csvField(action) + ',' + csvField(actionLabel(action)) + ',' +
                 csvField(q.value(4).toString()) + "\r\n";
        if (chunk.size() > 64 * 1024) {
            if (out->write(chunk) != chunk.size())
                return writeError;
            chunk.clear();
        }
    }
    if (out->write(chunk) != chunk.size())
        return writeError;
    return {};
}

QStringList Journal::actions() const
{
    QStringList list;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT DISTINCT action FROM journal ORDER BY action"))) {
        while (q.next())
            list.append(q.value(0).toString());
    }
    return list;
}

QStringList Journal::actors() const
{
    QStringList list;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT DISTINCT actor FROM journal ORDER BY actor"))) {
        while (q.next())
            list.append(q.value(0).toString());
    }
    return list;
}

QString Journal::actionLabel(const QString &action)
{
    for (const ActionName &name : ActionNames) {
        if (action == QLatin1String(name.id))
            return Journal::tr(name.label);
    }
    return action;
}

} // namespace relais
