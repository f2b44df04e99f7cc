#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>

namespace relais {

class Journal;

// Where a submission is in its life (sync/protocol/README.md §3). Stored as the words of the schema's CHECK; only
// SubmissionLifecycle turns one into the other.
enum class SubmissionState
{
    Draft,
    Queued,
    Sending,
    Delivered,
    InReview,
    Accepted,
    RejectedByOperator,
    Incomplete,
    Quarantined,
    Discarded,
};

// Every way a submission's state may move. ApplyPlatformStatus carries the platform's status as its target.
enum class SubmissionTransition
{
    Queue,               // draft → queued (the mediator sends it; answers frozen)
    ClaimForSending,     // queued | sending → sending, committed before the first byte leaves
    RecordProgress,      // sending → sending (a confirmed chunk, a retry scheduled)
    Deliver,             // sending → delivered, with the platform's receipt
    Quarantine,          // sending → quarantined, with the platform's sentence
    ReopenForCorrection, // quarantined → draft (same UUID: the platform may already hold it)
    Discard,             // draft | queued | quarantined → discarded
    ApplyPlatformStatus, // delivered | in_review | incomplete | accepted | rejected_by_operator → the platform's
};

// The one owner of the submission state: every transition goes through it, one transaction each, and a transition
// the state machine does not allow is refused with a sentence for the person and nothing changed. The (de)serialised
// words of the states live here only. Callers put their own bookkeeping of the same change in `alongside`, which runs
// inside the transition's transaction (after the state moved): both land or neither.
class SubmissionLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(relais::SubmissionLifecycle)

public:
    using Alongside = std::function<Status()>;

    SubmissionLifecycle(QSqlDatabase db, Journal *journal, const Clock *clock);

    // --- the state as data ---
    static const QList<SubmissionState> &allStates();
    static const QList<SubmissionTransition> &allTransitions();
    static QString name(SubmissionState state); // the stored word ("queued"), also the protocol's
    static std::optional<SubmissionState> fromName(const QString &name);
    static QString label(SubmissionState state); // in words, for the mediator and the citizen
    static bool isWaiting(SubmissionState state) // queued or sending: the sync engine will deliver it
    {
        return state == SubmissionState::Queued || state == SubmissionState::Sending;
    }
    static bool isDecided(SubmissionState state) // the operator decided: nothing more will change
    {
        return state == SubmissionState::Accepted || state == SubmissionState::RejectedByOperator;
    }
    // Delivered, or any later state the platform reported.
    static bool isPastDelivery(SubmissionState state);
    // The states an operator's status may bring (in_review, accepted, rejected_by_operator, incomplete).
    static bool isPlatformStatus(SubmissionState state);
    // "('queued', 'sending')": for the SQL of the owner classes of the submissions table.
    static QString sqlList(std::initializer_list<SubmissionState> states);

    // The state machine itself: where `transition` takes a submission in state `from` (`platformStatus` only for
    // ApplyPlatformStatus), or nothing when it is not allowed.
    static std::optional<SubmissionState> target(SubmissionState from, SubmissionTransition transition,
                                                 SubmissionState platformStatus = SubmissionState::InReview);
    // Why `transition` is refused, in a sentence for the person.
    static QString refusal(SubmissionTransition transition, SubmissionState current);

    Result<SubmissionState> stateOf(qint64 id) const;

    // --- the transitions (one transaction each; `actorLogin` is journaled, never personal data) ---
    Status queue(const QString &actorLogin, qint64 id, const QJsonObject &canonicalAnswers);
    Status claimForSending(qint64 id, const Alongside &alongside = {});
    Status recordProgress(qint64 id, const Alongside &alongside = {});
    // Drops the answers and documents of a person erased while it waited (erase_after_delivery). `erased` tells.
    Status deliver(qint64 id, const QJsonObject &receipt, const Alongside &alongside = {}, bool *erased = nullptr);
    Status quarantine(qint64 id, const QString &platformSentence, const Alongside &alongside = {});
    // Keeps the UUID and the first queued time: the platform may hold the first sending (a 409 after a lost
    // answer), so an unchanged resend is answered with that record's receipt, a changed one is refused (409), and
    // neither makes a second record; a platform that never saw it records it under that UUID.
    Status reopenForCorrection(const QString &actorLogin, qint64 id, const Alongside &alongside = {});
    Status discard(const QString &actorLogin, qint64 id, const Alongside &alongside = {});
    Status applyPlatformStatus(qint64 id, SubmissionState status);

    // Inside the caller's transaction: the transition, without a transaction of its own (the table-driven tests and
    // the callers above go through it).
    Status apply(qint64 id, SubmissionTransition transition, SubmissionState platformStatus = SubmissionState::InReview,
                 const QJsonObject &payload = {});

private:
    Status inTransaction(qint64 id, SubmissionTransition transition, const QJsonObject &payload,
                         const Alongside &alongside, SubmissionState platformStatus = SubmissionState::InReview);

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
