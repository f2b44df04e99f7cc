#pragma once

#include "Access.h"
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

// A démarche being filled, or filled and waiting: its answers, where the mediator stopped, its state.
struct Submission
{
    qint64 id = 0;
    QString uuid; // the idempotency key of its delivery (DESIGN §6)
    QString demarcheId;
    int demarcheVersion = 0;
    QString state;
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

    bool isWaiting() const { return state == QLatin1String("queued") || state == QLatin1String("sending"); }
    // The operator has decided: nothing more will change, the payload can be reduced to the receipt.
    bool isDecided() const
    {
        return state == QLatin1String("accepted") || state == QLatin1String("rejected_by_operator");
    }
};

// The submissions table (drafts onwards). Every save is one transaction: after a crash or a power cut a
// draft reopens with exactly its last saved answers and section, never half of a save.
// Every read or change made for a person takes the acting account and applies Access (a volunteer reaches only the
// démarches they started or those of the people they created); the sync engine comes in through SystemAccess.
class SubmissionRepository
{
    Q_DECLARE_TR_FUNCTIONS(relais::SubmissionRepository)

public:
    SubmissionRepository(QSqlDatabase db, Journal *journal, const Clock *clock);

    // A state in words, for the mediator and the citizen ("Waiting to be sent", "Accepted"…).
    static QString stateLabel(const QString &state);

    // A volunteer may only start a démarche for a person whose file they created (or without a file).
    Result<Submission> createDraft(const Account &actor, const QString &demarcheId, int demarcheVersion,
                                   qint64 citizenId = 0);
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
    // Inside the caller's transaction: the démarche's attachments go, except documents kept in the person's
    // file, which are detached from it and stay (their consent governs them).
    static Status dropAttachments(QSqlDatabase db, qint64 submissionId);
    // A status change that came back from the operator (in_review, accepted, rejected_by_operator, incomplete).
    Status recordStatus(SystemAccess, qint64 id, const QString &state);

    // Whether `actor` may reach submission `id` (Access); PermissionDenied, translated, when not.
    static Status checkAccess(QSqlDatabase db, const Account &actor, qint64 id);
    // How many submissions of the person's file are still waiting to be sent (queued or sending): erasure keeps
    // them until delivery.
    static Result<int> waitingForPerson(QSqlDatabase db, qint64 citizenId);

private:
    Result<Submission> loadUnchecked(qint64 id) const;

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
