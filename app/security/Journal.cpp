#include "Journal.h"

#include "common/AtomicFile.h"
#include "common/Logging.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

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
        Present,
    };
    State state = State::Missing;
    qint64 rows = 0;
    QByteArray head;
};

// One anchor file per store, possibly written from several threads' connections: read, check and write in turn.
QMutex &anchorMutex()
{
    static QMutex mutex;
    return mutex;
}

Anchor readAnchor(const QString &path)
{
    Anchor a;
    QFile file(path);
    if (!file.exists())
        return a;
    a.state = Anchor::State::Unreadable;
    if (!file.open(QIODevice::ReadOnly))
        return a;
    const QJsonObject o = QJsonDocument::fromJson(file.read(4096)).object();
    const qint64 rows = o.value(QLatin1String("rows")).toInteger(-1);
    const QByteArray head = QByteArray::fromHex(o.value(QLatin1String("head")).toString().toLatin1());
    if (o.value(QLatin1String("format")).toInt() != 1 || rows < 0 || (rows > 0 && head.size() != 32) ||
        (rows == 0 && !head.isEmpty()))
        return a;
    a.state = Anchor::State::Present;
    a.rows = rows;
    a.head = head;
    return a;
}

Status writeAnchor(const QString &path, qint64 rows, const QByteArray &head)
{
    QJsonObject o;
    o.insert(QLatin1String("format"), 1);
    o.insert(QLatin1String("rows"), rows);
    o.insert(QLatin1String("head"), QString::fromLatin1(head.toHex()));
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
    {"setting_changed", QT_TRANSLATE_NOOP("relais::Journal", "Setting changed")},
    {"citizen_opened", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file opened")},
    {"citizen_created", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file created")},
    {"citizen_changed", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file changed")},
    {"citizen_exported", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file exported")},
    {"citizen_erased", QT_TRANSLATE_NOOP("relais::Journal", "Citizen's file erased")},
    {"citizen_merged", QT_TRANSLATE_NOOP("relais::Journal", "Citizens' files merged")},
    {"consent_given", QT_TRANSLATE_NOOP("relais::Journal", "Consent given")},
    {"consent_withdrawn", QT_TRANSLATE_NOOP("relais::Journal", "Consent withdrawn")},
    {"mandate_created", QT_TRANSLATE_NOOP("relais::Journal", "Mandate recorded")},
    {"mandate_scope_revoked", QT_TRANSLATE_NOOP("relais::Journal", "Mandate scope revoked")},
    {"draft_created", QT_TRANSLATE_NOOP("relais::Journal", "Démarche started")},
    {"submission_queued", QT_TRANSLATE_NOOP("relais::Journal", "Démarche queued for sending")},
    {"submission_delivered", QT_TRANSLATE_NOOP("relais::Journal", "Démarche delivered")},
    {"submission_discarded", QT_TRANSLATE_NOOP("relais::Journal", "Démarche discarded")},
    {"submission_quarantined", QT_TRANSLATE_NOOP("relais::Journal", "Démarche refused by the platform")},
    {"submission_reopened", QT_TRANSLATE_NOOP("relais::Journal", "Refused démarche reopened for correction")},
    {"device_enrolled", QT_TRANSLATE_NOOP("relais::Journal", "Kiosk enrolled with the platform")},
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
    const QString file = m_db.databaseName();
    // Commits of any thread's connection to this store; the connection passed is the committing thread's own.
    m_commitObserver = Database::addCommitObserver([this, file](QSqlDatabase &committed) {
        if (committed.databaseName() == file)
            syncAnchorOn(committed);
    });
}

Journal::~Journal()
{
    if (m_commitObserver != 0)
        Database::removeCommitObserver(m_commitObserver);
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
        const Anchor anchor = readAnchor(m_anchorPath);
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
    // Outside a transaction the row is committed now; inside one, the commit (inTransaction) moves the anchor.
    syncAnchorOn(m_db);
    return {};
}

Status Journal::startAnchor()
{
    if (m_anchorPath.isEmpty())
        return {};
    QMutexLocker lock(&anchorMutex());
    return writeAnchor(m_anchorPath, 0, QByteArray());
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
    const Anchor anchor = readAnchor(m_anchorPath);
    if (anchor.state != Anchor::State::Present) {
        // Not re-created here: an administrator decides (resetAnchor), or a deleted file would go unnoticed.
        if (!std::exchange(m_anchorWarned, true))
            qCWarning(lcSecurity) << "journal anchor missing or unreadable: not updated";
        return;
    }
    if (anchor.rows == headId && anchor.head == headHash)
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
    if (Status s = writeAnchor(m_anchorPath, headId, headHash); !s)
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
    return writeAnchor(m_anchorPath, headId, headHash);
}

Journal::Verification Journal::verify() const
{
    Verification v;
    Anchor anchor;
    if (!m_anchorPath.isEmpty()) {
        QMutexLocker lock(&anchorMutex());
        anchor = readAnchor(m_anchorPath);
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
