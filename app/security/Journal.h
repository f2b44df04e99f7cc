#pragma once

#include <QCoreApplication>

#include "Account.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QIODevice;

namespace relais {

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

// Tamper-evident journal (DESIGN §4): who, what, which object id, when — never personal data.
// Each row's hash is SHA-256(previous row's hash || canonical row); the first row chains to 32 zeros.
//
// Deleting the last rows leaves a valid chain, so the number of rows and the head hash are also kept outside the
// database, in the anchor file (journal.anchor beside relais.db). The anchor must never be ahead of what is
// committed, or a rolled-back transaction would make verification cry wolf: it is only ever written from the
// committed state, read through a connection that is in autocommit mode (no transaction open), right after an
// append made outside a transaction, after each commit of Database::inTransaction(), and on syncAnchor() (the
// vault calls it when it closes). It only moves forward along the same chain: if the database no longer holds the
// anchored row, the anchor stays where it is so that the cut stays visible, and rows appended after the cut take
// the ids after the anchored ones, leaving the gap in the chain.
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
    Result<QList<JournalEntry>> query(const Account &actor, const JournalFilter &filter) const;
    Result<qint64> count(const Account &actor, const JournalFilter &filter) const;
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

    QSqlDatabase m_db;
    const Clock *m_clock;
    QString m_anchorPath;
    int m_commitObserver = 0;
    mutable bool m_anchorWarned = false; // once per journal: it would repeat at every commit
};

} // namespace relais
