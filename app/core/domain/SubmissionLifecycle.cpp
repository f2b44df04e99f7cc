#include "SubmissionLifecycle.h"

#include "AttachmentStore.h"
#include "CitizenRepository.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace relais {

namespace {

struct StateWord
{
    SubmissionState state;
    const char *word;  // as stored, and as the protocol names it
    const char *label; // for people
};

// The words are the schema's CHECK (store/Migrations.cpp, version 2): never change one without a migration.
const StateWord Words[] = {
    {SubmissionState::Draft, "draft", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Draft")},
    {SubmissionState::Queued, "queued", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Waiting to be sent")},
    {SubmissionState::Sending, "sending", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Being sent")},
    {SubmissionState::Delivered, "delivered",
     QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Received by the organisation")},
    {SubmissionState::InReview, "in_review", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Being examined")},
    {SubmissionState::Accepted, "accepted", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Accepted")},
    {SubmissionState::RejectedByOperator, "rejected_by_operator",
     QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Refused by the organisation")},
    {SubmissionState::Incomplete, "incomplete",
     QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Incomplete: the organisation asks for more")},
    {SubmissionState::Quarantined, "quarantined",
     QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Returned by the platform: to be checked")},
    {SubmissionState::Discarded, "discarded", QT_TRANSLATE_NOOP("relais::SubmissionRepository", "Given up")},
};

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString objectOf(qint64 id)
{
    return QStringLiteral("submission:%1").arg(id);
}

} // namespace

SubmissionLifecycle::SubmissionLifecycle(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

const QList<SubmissionState> &SubmissionLifecycle::allStates()
{
    static const QList<SubmissionState> all = [] {
        QList<SubmissionState> list;
        for (const StateWord &w : Words)
            list.append(w.state);
        return list;
    }();
    return all;
}

const QList<SubmissionTransition> &SubmissionLifecycle::allTransitions()
{
    static const QList<SubmissionTransition> all = {
        SubmissionTransition::Queue,          SubmissionTransition::ClaimForSending,
        SubmissionTransition::RecordProgress, SubmissionTransition::Deliver,
        SubmissionTransition::Quarantine,     SubmissionTransition::ReopenForCorrection,
        SubmissionTransition::Discard,        SubmissionTransition::ApplyPlatformStatus,
    };
    return all;
}

QString SubmissionLifecycle::name(SubmissionState state)
{
    for (const StateWord &w : Words)
        if (w.state == state)
            return QLatin1String(w.word);
    Q_ASSERT(false);
    return {};
}

std::optional<SubmissionState> SubmissionLifecycle::fromName(const QString &name)
{
    for (const StateWord &w : Words)
        if (name == QLatin1String(w.word))
            return w.state;
    return std::nullopt;
}

QString SubmissionLifecycle::label(SubmissionState state)
{
    for (const StateWord &w : Words)
        if (w.state == state)
            return QCoreApplication::translate("relais::SubmissionRepository", w.label);
    return {};
}

bool SubmissionLifecycle::isPastDelivery(SubmissionState state)
{
    return state == SubmissionState::Delivered || isPlatformStatus(state);
}

bool SubmissionLifecycle::isPlatformStatus(SubmissionState state)
{
    return state == SubmissionState::InReview || state == SubmissionState::Accepted ||
           state == SubmissionState::RejectedByOperator || state == SubmissionState::Incomplete;
}

QString SubmissionLifecycle::sqlList(std::initializer_list<SubmissionState> states)
{
    QStringList words;
    for (SubmissionState s : states)
        words.append(QLatin1Char('\'') + name(s) + QLatin1Char('\''));
    return QLatin1Char('(') + words.join(QLatin1String(", ")) + QLatin1Char(')');
}

std::optional<SubmissionState> SubmissionLifecycle::target(SubmissionState from, SubmissionTransition transition,
                                                           SubmissionState platformStatus)
{
    using S = SubmissionState;
    switch (transition) {
    case SubmissionTransition::Queue:
        if (from == S::Draft)
            return S::Queued;
        break;
    case SubmissionTransition::ClaimForSending:
        // Sending again: an item claimed before a crash is resumed, never assumed delivered (§3).
        if (from == S::Queued || from == S::Sending)
            return S::Sending;
        break;
    case SubmissionTransition::RecordProgress:
        if (from == S::Sending)
            return S::Sending;
        break;
    case SubmissionTransition::Deliver:
        if (from == S::Sending)
            return S::Delivered;
        break;
    case SubmissionTransition::Quarantine:
        if (from == S::Sending)
            return S::Quarantined;
        break;
    case SubmissionTransition::ReopenForCorrection:
        if (from == S::Quarantined)
            return S::Draft;
        break;
    case SubmissionTransition::Discard:
        if (from == S::Draft || from == S::Queued || from == S::Quarantined)
            return S::Discarded;
        break;
    case SubmissionTransition::ApplyPlatformStatus:
        // The platform may skip in_review, and an operator may change their mind: any later status follows.
        if (isPlatformStatus(platformStatus) && isPastDelivery(from))
            return platformStatus;
        break;
    }
    return std::nullopt;
}

QString SubmissionLifecycle::refusal(SubmissionTransition transition, SubmissionState current)
{
    QString why;
    switch (transition) {
    case SubmissionTransition::Queue:
        why = tr("This démarche is no longer a draft: it was already sent or discarded.");
        break;
    case SubmissionTransition::ClaimForSending:
    case SubmissionTransition::RecordProgress:
    case SubmissionTransition::Quarantine:
        why = tr("This démarche is no longer waiting to be sent.");
        break;
    case SubmissionTransition::Deliver:
        why = tr("This démarche was not being sent: the platform's receipt was not recorded.");
        break;
    case SubmissionTransition::ReopenForCorrection:
        why = tr("Only a démarche returned by the platform can be corrected and sent again.");
        break;
    case SubmissionTransition::Discard:
        why = tr("This démarche can no longer be discarded: it is being sent or was already delivered.");
        break;
    case SubmissionTransition::ApplyPlatformStatus:
        why = tr("This démarche has not been delivered yet.");
        break;
    }
    //: %1: a sentence saying what was refused; %2: the démarche's state in words ("Being sent")
    return tr("%1 (It is now: %2.)").arg(why, label(current));
}

Result<SubmissionState> SubmissionLifecycle::stateOf(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("state of a submission"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    const auto state = fromName(q.value(0).toString());
    if (!state)
        return makeError(ErrorCode::Internal, tr("This démarche is in a state this program does not know."));
    return *state;
}

Status SubmissionLifecycle::apply(qint64 id, SubmissionTransition transition, SubmissionState platformStatus,
                                  const QJsonObject &payload)
{
    const Result<SubmissionState> current = stateOf(id);
    if (!current)
        return current.error();
    const SubmissionState from = current.value();
    const std::optional<SubmissionState> to = target(from, transition, platformStatus);
    if (!to)
        return makeError(ErrorCode::InvalidInput, refusal(transition, from));
    if (transition == SubmissionTransition::RecordProgress)
        return {}; // the state stays; only the caller's bookkeeping (uploads, retries) moves
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    QString set = QStringLiteral("state = ?, updated_at = ?");
    QVariantList binds{name(*to), now};
    switch (transition) {
    case SubmissionTransition::Queue:
        // A démarche reopened for correction keeps its first queued time: it is part of what the platform holds
        // under this UUID (the content digest), so an unchanged resend is recognised as the same démarche.
        set += QStringLiteral(", answers = ?, queued_at = COALESCE(queued_at, ?)");
        binds << compact(payload) << now;
        break;
    case SubmissionTransition::Deliver:
        set += QStringLiteral(", receipt = ?, delivered_at = ?");
        binds << compact(payload) << now;
        break;
    case SubmissionTransition::Discard:
        set += QStringLiteral(", answers = '{}', reduced_at = ?");
        binds << now;
        break;
    case SubmissionTransition::ApplyPlatformStatus:
        if (isDecided(*to)) {
            set += QStringLiteral(", decided_at = ?");
            binds << now;
        }
        break;
    case SubmissionTransition::ClaimForSending:
    case SubmissionTransition::RecordProgress:
    case SubmissionTransition::Quarantine:
    case SubmissionTransition::ReopenForCorrection:
        break;
    }
    QSqlQuery q(m_db);
    // The state read above is part of the condition: another connection that moved it meanwhile wins, this refuses.
    q.prepare(QStringLiteral("UPDATE submissions SET %1 WHERE id = ? AND state = ?").arg(set));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(id);
    q.addBindValue(name(from));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("submission transition"), q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::InvalidInput, refusal(transition, from));
    if (transition == SubmissionTransition::Discard)
        return AttachmentStore::dropForSubmission(m_db, id);
    return {};
}

Status SubmissionLifecycle::inTransaction(qint64 id, SubmissionTransition transition, const QJsonObject &payload,
                                          const Alongside &alongside, SubmissionState platformStatus)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        if (Status moved = apply(id, transition, platformStatus, payload); !moved)
            return moved;
        return alongside ? alongside() : Status{};
    });
}

Status SubmissionLifecycle::queue(const QString &actorLogin, qint64 id, const QJsonObject &canonicalAnswers)
{
    return inTransaction(id, SubmissionTransition::Queue, canonicalAnswers, [&] {
        return m_journal->append(actorLogin, QStringLiteral("submission_queued"), objectOf(id));
    });
}

Status SubmissionLifecycle::claimForSending(qint64 id, const Alongside &alongside)
{
    return inTransaction(id, SubmissionTransition::ClaimForSending, {}, alongside);
}

Status SubmissionLifecycle::recordProgress(qint64 id, const Alongside &alongside)
{
    return inTransaction(id, SubmissionTransition::RecordProgress, {}, alongside);
}

Status SubmissionLifecycle::deliver(qint64 id, const QJsonObject &receipt, const Alongside &alongside, bool *erased)
{
    bool dropped = false;
    const Status done = inTransaction(id, SubmissionTransition::Deliver, receipt, [&]() -> Status {
        // Its person asked for erasure while it waited: the answers were kept only so that it could reach the
        // platform, and go now, with its documents, rather than at the next retention purge.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE submissions SET answers = '{}', current_section = '', reduced_at = ?"
                                 " WHERE id = ? AND erase_after_delivery = 1"));
        q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODateWithMs));
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("erase delivered answers"), q.lastError());
        dropped = q.numRowsAffected() == 1;
        if (dropped)
            if (Status s = AttachmentStore::dropForSubmission(m_db, id); !s)
                return s;
        if (Status s = m_journal->append(QStringLiteral("sync"), QStringLiteral("submission_delivered"), objectOf(id));
            !s)
            return s;
        return alongside ? alongside() : Status{};
    });
    if (done && dropped)
        CitizenRepository::checkpoint(m_db); // the deleted pages must not linger in the write-ahead log
    if (erased)
        *erased = done && dropped;
    return done;
}

Status SubmissionLifecycle::quarantine(qint64 id, const QString &platformSentence, const Alongside &alongside)
{
    // A quarantine asks a person to act: without the platform's sentence they would not know what to correct.
    if (platformSentence.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("A démarche is only set aside with the platform's reason."));
    return inTransaction(id, SubmissionTransition::Quarantine, {}, [&]() -> Status {
        if (Status s =
                m_journal->append(QStringLiteral("sync"), QStringLiteral("submission_quarantined"), objectOf(id));
            !s)
            return s;
        return alongside ? alongside() : Status{};
    });
}

Status SubmissionLifecycle::reopenForCorrection(const QString &actorLogin, qint64 id, const Alongside &alongside)
{
    return inTransaction(id, SubmissionTransition::ReopenForCorrection, {}, [&]() -> Status {
        if (Status s = m_journal->append(actorLogin, QStringLiteral("submission_reopened"), objectOf(id)); !s)
            return s;
        return alongside ? alongside() : Status{};
    });
}

Status SubmissionLifecycle::discard(const QString &actorLogin, qint64 id, const Alongside &alongside)
{
    return inTransaction(id, SubmissionTransition::Discard, {}, [&]() -> Status {
        if (Status s = m_journal->append(actorLogin, QStringLiteral("submission_discarded"), objectOf(id)); !s)
            return s;
        return alongside ? alongside() : Status{};
    });
}

Status SubmissionLifecycle::applyPlatformStatus(qint64 id, SubmissionState status)
{
    if (!isPlatformStatus(status))
        return makeError(ErrorCode::InvalidInput, tr("Unknown status of a démarche."));
    return inTransaction(id, SubmissionTransition::ApplyPlatformStatus, {}, {}, status);
}

} // namespace relais
