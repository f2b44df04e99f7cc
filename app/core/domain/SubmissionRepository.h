#pragma once

#include "Access.h"
#include "SubmissionLifecycle.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace relais {

class Journal;

// How a démarche for a person is done (DESIGN §7, asked when it starts): with the person present, who answers and
// decides, or for them under a mandate in force. Kept with the submission for the récépissé and the journal.
struct HowDone
{
    enum Mode
    {
        NotAsked, // no person, or a démarche that needs no mandate
        WithThePerson,
        UnderMandate
    };
    Mode mode = NotAsked;
    qint64 mandateId = 0;
    QString mandateUuid; // how the journal names the mandate
    QDate mandateSince;  // the mandate's first day, printed on the récépissé
};

// A démarche being filled, or filled and waiting: its answers, where the mediator stopped, its state.
struct Submission
{
    qint64 id = 0;
    QString uuid; // the idempotency key of its delivery (DESIGN §6)
    QString demarcheId;
    int demarcheVersion = 0;
    SubmissionState state = SubmissionState::Draft;
    QJsonObject answers;
    QString currentSection;
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime queuedAt;
    qint64 citizenId = 0; // 0: no file (erased, or a démarche done without one)
    QJsonObject receipt;  // the platform's receipt once delivered (reference, received time)
    QDateTime deliveredAt;
    QDateTime decidedAt; // when the operator's decision (accepted, rejected…) came back
    QDateTime reducedAt; // when the answers and attachments were dropped, keeping the receipt only
    HowDone how;

    bool isWaiting() const { return SubmissionLifecycle::isWaiting(state); }
    // The operator has decided: nothing more will change, the payload can be reduced to the receipt.
    bool isDecided() const { return SubmissionLifecycle::isDecided(state); }
};

// The submissions table (drafts onwards), with SubmissionLifecycle, which alone moves a submission's state. Every save
// is one transaction: after a crash or a power cut a draft reopens with exactly its last saved answers and section,
// never half of a save. Every read or change made for a person takes the acting account and applies Access (a volunteer
// reaches only the démarches they started or those of the people they created); the sync engine comes in through
// SystemAccess.
class SubmissionRepository
{
    Q_DECLARE_TR_FUNCTIONS(relais::SubmissionRepository)

public:
    SubmissionRepository(QSqlDatabase db, Journal *journal, const Clock *clock);

    // A state in words, for the mediator and the citizen ("Waiting to be sent", "Accepted"…).
    static QString stateLabel(SubmissionState state);
    static QString stateLabel(const QString &stateName); // the stored word, as the platform's status feed gives it

    // A volunteer may only start a démarche for a person whose file they created (or without a file).
    // `how` is recorded with it and journaled in the same transaction.
    Result<Submission> createDraft(const Account &actor, const QString &demarcheId, int demarcheVersion,
                                   qint64 citizenId = 0, const HowDone &how = HowDone());
    // Saves answers and section of a draft; refused once the submission has left the draft state.
    Status saveDraft(const Account &actor, qint64 id, const QJsonObject &answers, const QString &currentSection);
    // A draft reopened with a newer version of its démarche is from then on filled with that version.
    Status adoptVersion(const Account &actor, qint64 id, int demarcheVersion);
    Result<Submission> load(const Account &actor, qint64 id) const;
    Result<Submission> load(SystemAccess, qint64 id) const;
    // Drafts of one account (or of everyone with accountId = 0) that `actor` may see, most recently changed first.
    Result<QList<Submission>> drafts(const Account &actor, qint64 accountId = 0) const;
    // Every démarche of one citizen's file that `actor` may see, most recently changed first.
    Result<QList<Submission>> forCitizen(const Account &actor, qint64 citizenId) const;
    // Freezes the draft with the given (validated, canonical) answers and puts it in the queue.
    Status queue(const Account &actor, qint64 id, const QJsonObject &canonicalAnswers);
    // A mediator gives up a draft, a queued or a quarantined submission: its answers and attachments are
    // dropped at once, the row stays as "discarded" (journaled).
    Status discard(const Account &actor, qint64 id);
    // The platform acknowledged the submission (sync): the receipt is kept with it. When its person asked for
    // erasure while it was queued, its answers and documents go in the same transaction: only the state, the
    // receipt and the dates stay, for the outbox.
    Status markDelivered(SystemAccess, qint64 id, const QJsonObject &receipt);
    // A status change that came back from the operator (in_review, accepted, rejected_by_operator, incomplete).
    Status recordStatus(SystemAccess, qint64 id, SubmissionState state);

    // Whether `actor` may reach submission `id` (Access); PermissionDenied, translated, when not.
    static Status checkAccess(QSqlDatabase db, const Account &actor, qint64 id);
    // How many submissions of the person's file are still waiting to be sent (queued or sending): erasure keeps
    // them until delivery.
    static Result<int> waitingForPerson(QSqlDatabase db, qint64 citizenId);

    // --- inside the caller's transaction (the owners of citizens and consents call these) ---
    // The ids of every démarche of one person's file.
    static Result<QList<qint64>> idsForCitizen(QSqlDatabase db, qint64 citizenId);
    // Two files merged: the démarches of `fromCitizenId` now belong to `toCitizenId`.
    static Status moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId);
    // A person's file is erased: the démarches still waiting to be sent (queued or sending) are either deleted with
    // the rest (`discardWaiting`) or detached and kept until delivery (their answers go then); every other one is
    // deleted, its attachments by cascade. `waiting` tells how many were waiting.
    static Status leaveErasedFile(QSqlDatabase db, qint64 citizenId, bool discardWaiting, int *waiting);

    // --- for the retention purge (Retention), inside its transactions ---
    struct RetentionRow
    {
        qint64 id = 0;
        QString demarcheId;
        SubmissionState state = SubmissionState::Draft;
        QDateTime updatedAt;
        QDateTime decidedAt;
        bool reduced = false;
        bool eraseAfterDelivery = false;
    };
    // Every démarche that is not waiting to be sent (nothing is touched while it waits or is being sent).
    static Result<QList<RetentionRow>> retentionCandidates(QSqlDatabase db);
    // The answers and attachments go, the receipt stays. Returns whether the row was there.
    static Result<bool> reduceToReceipt(QSqlDatabase db, qint64 id, const QDateTime &now);
    // The démarche and its attachments go. Returns whether the row was there.
    static Result<bool> remove(QSqlDatabase db, qint64 id);
    // Démarches of erased people still waiting to be sent.
    static Result<int> waitingAfterErasure(QSqlDatabase db);

    // --- for the sync module (SyncStore): reads only, the transitions go through SubmissionLifecycle ---
    // Submissions waiting to be sent (queued or sending), oldest queued first.
    static Result<QList<qint64>> waitingIds(QSqlDatabase db);
    // The submission delivered under `uuid`, 0 when none (reopened under another one, or erased).
    static Result<qint64> idForUuid(QSqlDatabase db, const QString &uuid);
    // The outbox's démarches as far as `actor` may see them (Access), most recently queued first, without their
    // answers: those waiting or quarantined and those delivered since `deliveredSince`; with `onlyId` > 0, that one
    // alone whatever its state.
    static Result<QList<Submission>> outboxRows(QSqlDatabase db, const Account &actor, const QDateTime &deliveredSince,
                                                qint64 onlyId = 0);

private:
    Result<Submission> loadUnchecked(qint64 id) const;

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
