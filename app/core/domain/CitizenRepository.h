#pragma once

#include "Citizen.h"
#include "SubmissionRepository.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace relais {

class Journal;

// One problem with what was typed in a citizen's file: which field, and why (translated, without the value).
struct FieldProblem
{
    QString field; // "birth_name", "given_names", "birth_date", "phone", "email", "postal_code", "nir", "note"
    QString message;
};

// Citizens' files: create, open, rectify, search as the mediator types, merge duplicates, erase.
// Volunteers see only the files they created (DESIGN §4); every change is journaled by the file's uuid only.
class CitizenRepository
{
    Q_DECLARE_TR_FUNCTIONS(relais::CitizenRepository)

public:
    static constexpr int NoteMaxLength = 500;
    static constexpr int DefaultSearchLimit = 50;
    // Up to this many matches are sorted by name; beyond (a common name, two letters, "06 …"), the search walks
    // the files in name order instead and stops at the first page, so every keystroke costs about the same.
    static constexpr int DenseMatches = 2000;

    enum class QueuedOnErasure
    {
        DeliverFirst, // queued submissions stay, detached from the file, and are erased once delivered
        Discard,      // queued submissions are discarded with the file
    };

    CitizenRepository(QSqlDatabase db, Journal *journal, const Clock *clock);

    // Checks and normalises what was typed (phone in E.164, NIR without spaces…); empty when all is well.
    static QList<FieldProblem> check(Citizen *citizen, const QDate &today);

    Result<Citizen> create(const Account &actor, Citizen citizen);
    // Many files at once (demo data, imports): all are checked first, then created in one transaction, each
    // journaled like create(). Nothing is created if one is refused. Returned in order, with their id and uuid.
    Result<QList<Citizen>> createMany(const Account &actor, QList<Citizen> citizens);
    // Rectification: replaces the identity and contact fields of an existing file.
    Status update(const Account &actor, Citizen citizen);
    // Reads a file without journaling (lists, internal use). Refused for a volunteer who did not create it.
    Result<Citizen> load(const Account &actor, qint64 id) const;
    // Reads a file for a person to see it: journaled as "citizen_opened".
    Result<Citizen> open(const Account &actor, qint64 id);
    Result<Citizen> findByUuid(const Account &actor, const QString &uuid) const;
    // Search as you type: accent- and case-insensitive prefixes on names, usage names, date of birth, phone.
    Result<QList<Citizen>> search(const Account &actor, const QString &typed, int limit = DefaultSearchLimit) const;
    qint64 count() const;

    // The démarches done for the person, most recent first.
    Result<QList<Submission>> submissions(const Account &actor, qint64 citizenId) const;
    // A draft started for the person (journaled like any draft); refreshes the file's last activity.
    Status touch(qint64 citizenId);

    // The same person created twice: everything of `duplicateId` (démarches, consents, mandates, documents)
    // moves to `keepId`, the blanks of `keepId` are filled from it, and the duplicate is deleted.
    Status merge(const Account &actor, qint64 keepId, qint64 duplicateId);

    // Erasure (RGPD art. 17): the file, its drafts, documents, consents, mandates and search entries.
    Status erase(const Account &actor, qint64 id, QueuedOnErasure queued);
    // What erasure keeps when `waiting` démarches of the person are still to be sent and are delivered first: one
    // plain sentence for the erasure dialog and relais-admin.
    static QString waitingOnErasureNotice(int waiting);

    static bool canSee(const Account &actor, const Citizen &citizen);
    // canSee() for a file known by its id, read from the store (consents, mandates, kept documents of the file);
    // a file that does not exist is left to the caller to report.
    static Status checkAccess(QSqlDatabase db, const Account &actor, qint64 citizenId);
    // Whether the file still exists, and who created it (0 when it does not): for the owners of the tables that
    // point at a file (consents, mandates), which must not read the citizens table themselves.
    static Result<bool> exists(QSqlDatabase db, qint64 citizenId);
    static Result<qint64> creatorOf(QSqlDatabase db, qint64 citizenId);
    // The ids of the files one account created (one placeholder: the account's id), as a subquery for Access.
    static QString createdBySubquery();
    // Files whose last activity is older than `before`, oldest first: id, names and last activity only (retention).
    static Result<QList<Citizen>> inactiveSince(QSqlDatabase db, const QDateTime &before);

    // Internal, also used by the retention purge: deletes a file and everything attached, in the caller's
    // transaction. Submissions still queued or sending are kept for delivery (detached, erased once delivered).
    static Status deleteFile(QSqlDatabase db, qint64 id, bool discardQueued, int *discarded);
    // Empties the write-ahead log so that deleted pages do not linger in it.
    static void checkpoint(QSqlDatabase db);

private:
    Status reindex(qint64 id, const Citizen &citizen);
    // Replaces every field of an existing file and its search entries (rectification, merge).
    Status write(const Citizen &citizen);
    // The insertion of a checked file and its search entries, in the caller's transaction; sets id and uuid.
    Status insert(const Account &actor, Citizen *citizen, const QString &now);

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
