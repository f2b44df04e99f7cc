#pragma once

#include <QCoreApplication>

#include "Account.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

#include <QStringList>
#include <utility>

#include <optional>

class QIODevice;

namespace relais {

class SqlCipherDriver;

// One row of the journal as the viewer and the export show it.
struct JournalEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString actor;
    QString action;
    QString object;
};

// What the viewer asks for; empty fields do not filter. Rows come newest first.
struct JournalFilter
{
    QString actor;
    QString action;
    QDate from; // local dates, both included
    QDate to;
    QString objectContains; // case-insensitive for ASCII (object ids are ASCII)
    qint64 beforeId = 0;    // only rows with a smaller id: pages that stay put while rows are appended
    int limit = 0;          // 0: no limit
    int offset = 0;
};

// What the platform signed when it recorded a journal head (sync/protocol/README.md, "Journal heads"): it holds row
// `seq` of this device's journal with hash `hash`. The kiosk keeps the last one; a rewrite of any row up to `seq`
// no longer matches it, whoever holds the data key.
struct JournalReceipt
{
    QString device;
    qint64 seq = 0;
    QByteArray hash; // 32 bytes
    QString receivedAt;
    QByteArray signature; // Ed25519, 64 bytes

    // The bytes signed: the same as relais::protocol::journalReceiptMessage().
    QByteArray message() const;
    bool isSignedBy(const QByteArray &platformKey) const;
};

// Tamper-evident journal (DESIGN §4): who, what, which object id, when — never personal data.
// Each row's hash is SHA-256(previous row's hash || canonical row); the first row chains to 32 zeros.
//
// Deleting the last rows leaves a valid chain, so the number of rows and the head hash are also kept outside the
// database, in the anchor file (journal.anchor beside relais.db). The anchor must never be ahead of what is
// committed, or a rolled-back transaction would make verification cry wolf: it is only ever written from the
// committed state, read through a connection that is in autocommit mode (no transaction open), right after each
// commit of this journal's connection that added rows (its driver announces them), and on syncAnchor() (the
// vault calls it when it closes). It only moves forward along the same chain: if the database no longer holds the
// anchored row, the anchor stays where it is so that the cut stays visible, and rows appended after the cut take
// the ids after the anchored ones, leaving the gap in the chain.
//
// The anchor file carries an HMAC-SHA256 under a random key kept inside the encrypted database (table
// journal_anchor_key, schema 6): a file rewritten without the database's key is reported as tampered. The key is
// not derived from the data key, so the anchor stays valid when the store is re-keyed. An anchor written before
// schema 6 (no MAC) is trusted only while no key exists, and is sealed the first time it moves.
//
// Someone holding the data key can still rewrite the chain and reseal the anchor: the last journal receipt signed by
// the platform (table journal_receipts) is what they cannot forge. verify(platformKey) checks the chain against it.
class Journal
{
    Q_DECLARE_TR_FUNCTIONS(relais::Journal)

public:
    enum class Reason
    {
        Intact,
        EditedRow,     // a row's content or hash does not match the chain
        MissingRow,    // a gap in the ids: a row was deleted
        TruncatedTail, // fewer rows than the anchor recorded, or the anchored row replaced
        AnchorMissing, // rows but no (readable) anchor file: not a proof of tampering, see describe()
        AnchorForged,  // the anchor file's MAC does not verify: it was written without the store's anchor key
        ReceiptForged, // the stored platform receipt is not signed by the platform's key
        ReceiptBroken, // the rows up to the platform's receipt are not the ones it acknowledged: rewritten
    };

    struct Verification
    {
        bool intact = true;
        qint64 rows = 0;
        qint64 firstBrokenId = 0; // 0 when intact or when the anchor is missing
        QByteArray head;          // hash of the last row
        Reason reason = Reason::Intact;
        qint64 anchoredRows = -1; // rows recorded by the anchor; -1 without one
        qint64 gapEndId = 0;      // for a gap in the ids: the last missing id (firstBrokenId is the first)
        qint64 receiptSeq = -1;   // verify(platformKey): rows covered by a valid platform receipt; -1 without one
        QString receiptAt;        // when the platform recorded that head
    };

    // Without `anchorPath` (tests of the chain alone, old-schema checks) no anchor is read or written.
    Journal(QSqlDatabase db, const Clock *clock, QString anchorPath = QString());
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    static QString anchorFileName() { return QStringLiteral("journal.anchor"); }

    // Call inside the transaction of the change it records, so both land or neither does.
    Status append(const QString &actor, const QString &action, const QString &object = QString());
    Verification verify() const;
    // Also checks the chain against the last platform receipt, whose signature must verify with `platformKey`
    // (pinned at enrolment). Without a receipt, the result is verify()'s with receiptSeq -1.
    Verification verify(const QByteArray &platformKey) const;

    // A receipt the platform just signed for this journal's head: kept if its signature verifies with
    // `platformKey`, it names row `seq` with the hash that row has, and it is not behind the one kept.
    Status recordReceipt(const JournalReceipt &receipt, const QByteArray &platformKey);
    std::optional<JournalReceipt> lastReceipt() const;
    // Enrolment with another platform (another key): its receipts start afresh. Call inside the enrolment's
    // transaction, which journals it.
    Status forgetReceipt();
    // One sentence a person can read: the number of entries and "intact", or what is wrong and where.
    static QString describe(const Verification &v);

    // A new store: an anchor at zero rows, written before the first row so that it can follow from the start.
    Status startAnchor();
    // Moves the anchor to the committed head if it can (see above). Does nothing inside a transaction.
    void syncAnchor() const;
    // After a restore from a backup (anchor missing, or ahead of the restored journal): journals
    // "journal_anchor_reset" by `actor` and anchors the current head. Refused when rows were edited or removed.
    Status resetAnchor(const QString &actor);

    // Reading is for administrators only (DESIGN §4): anyone else gets PermissionDenied, translated.
    // The id and hash of the last row ({0, empty} when the journal is empty): the head sent to the platform.
    Result<std::pair<qint64, QByteArray>> lastRow() const;
    Result<QList<JournalEntry>> query(const Account &actor, const JournalFilter &filter) const;
    Result<qint64> count(const Account &actor, const JournalFilter &filter) const;
    // When `actor` signed in before their current session (Home's "since your last sign-in"): their own sign-ins
    // only, so any account may ask. Invalid when this is their first.
    QDateTime previousSignIn(const Account &actor) const;
    // Every row matching the filter (limit, offset and beforeId ignored), newest first: UTF-8, RFC 4180.
    Status exportCsv(const Account &actor, const JournalFilter &filter, QIODevice *out) const;
    static Status mayRead(const Account &actor);
    QStringList actions() const;
    QStringList actors() const;
    // The translated name of an event; an unknown one is shown by its id.
    static QString actionLabel(const QString &action);

    static QByteArray canonicalRow(qint64 id, const QString &at, const QString &actor, const QString &action,
                                   const QString &object);
    static QByteArray chain(const QByteArray &previous, const QByteArray &canonical);

private:
    void syncAnchorOn(QSqlDatabase &db) const;
    // The anchor MAC key from `db` (cached once read); created when `create` and there is none yet.
    QByteArray anchorKey(const QSqlDatabase &db, bool create) const;

    QSqlDatabase m_db;
    const Clock *m_clock;
    QString m_anchorPath;
    QPointer<SqlCipherDriver> m_driver; // of m_db, which announces its commits
    int m_commitListener = 0;
    mutable bool m_anchorWarned = false; // once per journal: it would repeat at every commit
    mutable QByteArray m_anchorKey;      // under anchorMutex()
    mutable Status m_anchorKeyStored;    // why the key could not be kept (a full disk), under anchorMutex()
};

} // namespace relais
