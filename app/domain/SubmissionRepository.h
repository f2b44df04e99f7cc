#pragma once

#include "common/Clock.h"
#include "common/Result.h"

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
class SubmissionRepository
{
    Q_DECLARE_TR_FUNCTIONS(relais::SubmissionRepository)

public:
    SubmissionRepository(QSqlDatabase db, Journal *journal, const Clock *clock);

    // A state in words, for the mediator and the citizen ("Waiting to be sent", "Accepted"…).
    static QString stateLabel(const QString &state);

    Result<Submission> createDraft(const QString &demarcheId, int demarcheVersion, qint64 accountId,
                                   const QString &actorLogin, qint64 citizenId = 0);
    // Saves answers and section of a draft; refused once the submission has left the draft state.
    Status saveDraft(qint64 id, const QJsonObject &answers, const QString &currentSection);
    // A draft reopened with a newer version of its démarche is from then on filled with that version.
    Status adoptVersion(qint64 id, int demarcheVersion);
    Result<Submission> load(qint64 id) const;
    // Drafts of one account (or of everyone with accountId = 0), most recently changed first.
    Result<QList<Submission>> drafts(qint64 accountId = 0) const;
    // Every démarche of one citizen's file, most recently changed first.
    Result<QList<Submission>> forCitizen(qint64 citizenId) const;
    // Freezes the draft with the given (validated, canonical) answers and puts it in the queue.
    Status queue(qint64 id, const QJsonObject &canonicalAnswers, const QString &actorLogin);
    // A mediator gives up a draft, a queued or a quarantined submission: its answers and attachments are
    // dropped at once, the row stays as "discarded" (journaled).
    Status discard(qint64 id, const QString &actorLogin);
    // The platform acknowledged the submission (sync): the receipt is kept with it.
    Status markDelivered(qint64 id, const QJsonObject &receipt);
    // Inside the caller's transaction: the démarche's attachments go, except documents kept in the person's
    // file, which are detached from it and stay (their consent governs them).
    static Status dropAttachments(QSqlDatabase db, qint64 submissionId);
    // A status change that came back from the operator (in_review, accepted, rejected_by_operator, incomplete).
    Status recordStatus(qint64 id, const QString &state);

private:
    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
