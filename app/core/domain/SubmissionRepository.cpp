#include "SubmissionRepository.h"

#include "AttachmentStore.h"
#include "CitizenRepository.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantList>

namespace relais {

namespace {

const char *const Columns = "id, uuid, demarche_id, demarche_version, state, answers, current_section, created_by,"
                            " created_at, updated_at, queued_at, citizen_id, receipt, delivered_at, decided_at,"
                            " reduced_at, done_how, mandate_id, mandate_since";

Submission fromRow(const QSqlQuery &q)
{
    Submission s;
    s.id = q.value(0).toLongLong();
    s.uuid = q.value(1).toString();
    s.demarcheId = q.value(2).toString();
    s.demarcheVersion = q.value(3).toInt();
    s.state = SubmissionLifecycle::fromName(q.value(4).toString()).value_or(SubmissionState::Draft);
    s.answers = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    s.currentSection = q.value(6).toString();
    s.createdBy = q.value(7).toLongLong();
    s.createdAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    s.updatedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    s.queuedAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    s.citizenId = q.value(11).toLongLong();
    s.receipt = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    s.deliveredAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    s.decidedAt = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    s.reducedAt = QDateTime::fromString(q.value(15).toString(), Qt::ISODateWithMs);
    const QString how = q.value(16).toString();
    s.how.mode = how == QLatin1String("present")   ? HowDone::WithThePerson
                 : how == QLatin1String("mandate") ? HowDone::UnderMandate
                                                   : HowDone::NotAsked;
    s.how.mandateId = q.value(17).toLongLong();
    s.how.mandateSince = QDate::fromString(q.value(18).toString(), Qt::ISODate);
    return s;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QString SubmissionRepository::stateLabel(SubmissionState state)
{
    return SubmissionLifecycle::label(state);
}

QString SubmissionRepository::stateLabel(const QString &stateName)
{
    const auto state = SubmissionLifecycle::fromName(stateName);
    return state ? SubmissionLifecycle::label(*state) : stateName;
}

SubmissionRepository::SubmissionRepository(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

Status SubmissionRepository::checkAccess(QSqlDatabase db, const Account &actor, qint64 id)
{
    if (actor.role != Role::Volunteer)
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT created_by, citizen_id FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("check access to a démarche"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    const qint64 citizenId = q.value(1).toLongLong();
    const Result<qint64> fileCreator = citizenId > 0 ? CitizenRepository::creatorOf(db, citizenId) : qint64(0);
    if (!fileCreator)
        return fileCreator.error();
    if (!Access::seesDemarche(actor, q.value(0).toLongLong(), fileCreator.value()))
        return Access::demarcheRefused();
    return {};
}

Result<int> SubmissionRepository::waitingForPerson(QSqlDatabase db, qint64 citizenId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM submissions WHERE citizen_id = ? AND state IN %1")
                  .arg(SubmissionLifecycle::sqlList({SubmissionState::Queued, SubmissionState::Sending})));
    q.addBindValue(citizenId);
    if (!q.exec() || !q.next())
        return Database::sqlError(QStringLiteral("count waiting démarches"), q.lastError());
    return q.value(0).toInt();
}

Result<QList<qint64>> SubmissionRepository::idsForCitizen(QSqlDatabase db, qint64 citizenId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM submissions WHERE citizen_id = ?"));
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("démarches of a file"), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Status SubmissionRepository::moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId)
{
    return Database::exec(db, QStringLiteral("UPDATE submissions SET citizen_id = ? WHERE citizen_id = ?"),
                          {toCitizenId, fromCitizenId}, QStringLiteral("merge citizens"));
}

Status SubmissionRepository::leaveErasedFile(QSqlDatabase db, qint64 citizenId, bool discardWaiting, int *waiting)
{
    const QString waitingStates = SubmissionLifecycle::sqlList({SubmissionState::Queued, SubmissionState::Sending});
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM submissions WHERE citizen_id = ? AND state IN %1").arg(waitingStates));
    q.addBindValue(citizenId);
    if (!q.exec() || !q.next())
        return Database::sqlError(QStringLiteral("count queued"), q.lastError());
    if (waiting)
        *waiting = q.value(0).toInt();
    if (!discardWaiting) {
        q.prepare(QStringLiteral("UPDATE submissions SET citizen_id = NULL, erase_after_delivery = 1"
                                 " WHERE citizen_id = ? AND state IN %1")
                      .arg(waitingStates));
        q.addBindValue(citizenId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("keep queued for delivery"), q.lastError());
    }
    // Attachments go with their submission (ON DELETE CASCADE), kept documents with the file.
    q.prepare(QStringLiteral("DELETE FROM submissions WHERE citizen_id = ?"));
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("erase citizen"), q.lastError());
    return {};
}

Result<QList<SubmissionRepository::RetentionRow>> SubmissionRepository::retentionCandidates(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, demarche_id, state, updated_at, decided_at, reduced_at, erase_after_delivery"
                             " FROM submissions WHERE state NOT IN %1")
                  .arg(SubmissionLifecycle::sqlList({SubmissionState::Queued, SubmissionState::Sending})));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("retention: démarches"), q.lastError());
    QList<RetentionRow> rows;
    while (q.next()) {
        RetentionRow r;
        r.id = q.value(0).toLongLong();
        r.demarcheId = q.value(1).toString();
        r.state = SubmissionLifecycle::fromName(q.value(2).toString()).value_or(SubmissionState::Draft);
        r.updatedAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        r.decidedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        r.reduced = !q.value(5).isNull();
        r.eraseAfterDelivery = q.value(6).toInt() == 1;
        rows.append(r);
    }
    return rows;
}

Result<bool> SubmissionRepository::reduceToReceipt(QSqlDatabase db, qint64 id, const QDateTime &now)
{
    if (Status s = AttachmentStore::dropForSubmission(db, id); !s)
        return s.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE submissions SET answers = '{}', reduced_at = ? WHERE id = ?"));
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("reduce: answers"), q.lastError());
    return q.numRowsAffected() > 0;
}

Result<bool> SubmissionRepository::remove(QSqlDatabase db, qint64 id)
{
    if (Status s = AttachmentStore::dropForSubmission(db, id); !s)
        return s.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("remove démarche"), q.lastError());
    return q.numRowsAffected() > 0;
}

Result<int> SubmissionRepository::waitingAfterErasure(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM submissions WHERE erase_after_delivery = 1 AND state IN %1")
                    .arg(SubmissionLifecycle::sqlList({SubmissionState::Queued, SubmissionState::Sending}))) ||
        !q.next())
        return Database::sqlError(QStringLiteral("retention: kept for delivery"), q.lastError());
    return q.value(0).toInt();
}

Result<QList<qint64>> SubmissionRepository::waitingIds(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM submissions WHERE state IN %1 ORDER BY queued_at, id")
                    .arg(SubmissionLifecycle::sqlList({SubmissionState::Queued, SubmissionState::Sending}))))
        return Database::sqlError(QStringLiteral("due items"), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<qint64> SubmissionRepository::idForUuid(QSqlDatabase db, const QString &uuid)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM submissions WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("status"), q.lastError());
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QList<Submission>> SubmissionRepository::outboxRows(QSqlDatabase db, const Account &actor,
                                                           const QDateTime &deliveredSince, qint64 onlyId)
{
    using S = SubmissionState;
    QVariantList binds;
    QString where;
    if (onlyId > 0) {
        where = QStringLiteral("s.id = ?");
        binds << onlyId;
    } else {
        where = QStringLiteral("(s.state IN %1 OR (s.state IN %2 AND s.delivered_at >= ?))")
                    .arg(SubmissionLifecycle::sqlList({S::Queued, S::Sending, S::Quarantined}),
                         SubmissionLifecycle::sqlList(
                             {S::Delivered, S::InReview, S::Accepted, S::RejectedByOperator, S::Incomplete}));
        binds << deliveredSince.toUTC().toString(Qt::ISODateWithMs);
    }
    const QString visible = Access::demarcheCondition(actor, QStringLiteral("s"), &binds);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id, s.uuid, s.demarche_id, s.demarche_version, s.state, s.queued_at,"
                             " s.receipt, s.delivered_at FROM submissions s WHERE %1 AND %2"
                             " ORDER BY s.queued_at DESC, s.id DESC")
                  .arg(where, visible));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("outbox"), q.lastError());
    QList<Submission> rows;
    while (q.next()) {
        Submission s;
        s.id = q.value(0).toLongLong();
        s.uuid = q.value(1).toString();
        s.demarcheId = q.value(2).toString();
        s.demarcheVersion = q.value(3).toInt();
        s.state = SubmissionLifecycle::fromName(q.value(4).toString()).value_or(SubmissionState::Draft);
        s.queuedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        s.receipt = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        s.deliveredAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        rows.append(s);
    }
    return rows;
}

Result<Submission> SubmissionRepository::createDraft(const Account &actor, const QString &demarcheId,
                                                     int demarcheVersion, qint64 citizenId, const HowDone &how)
{
    if (citizenId > 0)
        if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
            return allowed.error();
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    qint64 id = 0;
    const Status s = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO submissions (uuid, demarche_id, demarche_version, created_by, created_at,"
                                 " updated_at, citizen_id, done_how, mandate_id, mandate_since)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(demarcheId);
        q.addBindValue(demarcheVersion);
        q.addBindValue(actor.id);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(citizenId > 0 ? QVariant(citizenId) : QVariant(QMetaType::fromType<qint64>()));
        const bool underMandate = how.mode == HowDone::UnderMandate;
        q.addBindValue(how.mode == HowDone::WithThePerson ? QStringLiteral("present")
                       : underMandate                     ? QStringLiteral("mandate")
                                                          : QString(QLatin1String("")));
        q.addBindValue(underMandate ? QVariant(how.mandateId) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(underMandate ? QVariant(how.mandateSince.toString(Qt::ISODate))
                                    : QVariant(QMetaType::fromType<QString>()));
        if (!q.exec())
            return Database::sqlError(QStringLiteral("create draft"), q.lastError());
        id = q.lastInsertId().toLongLong();
        const QString object = QStringLiteral("submission:%1").arg(id);
        if (Status journaled = m_journal->append(actor.login, QStringLiteral("draft_created"), object); !journaled)
            return journaled;
        // How it is done, in the journal too: who answered, and under which mandate (by its uuid, as the mandate's
        // own entries name it).
        if (how.mode == HowDone::WithThePerson)
            return m_journal->append(actor.login, QStringLiteral("demarche_with_person"), object);
        if (underMandate)
            return m_journal->append(actor.login, QStringLiteral("demarche_under_mandate"),
                                     object + QStringLiteral(" mandate:") + how.mandateUuid);
        return Status();
    });
    if (!s)
        return s.error();
    return load(actor, id);
}

Status SubmissionRepository::saveDraft(const Account &actor, qint64 id, const QJsonObject &answers,
                                       const QString &currentSection)
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed;
    QSqlQuery q(m_db);
    // One statement, so one implicit transaction: the row holds the old save or the new one.
    q.prepare(QStringLiteral("UPDATE submissions SET answers = ?, current_section = ?, updated_at = ?"
                             " WHERE id = ? AND state = ?"));
    q.addBindValue(compact(answers));
    q.addBindValue(currentSection);
    q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    q.addBindValue(SubmissionLifecycle::name(SubmissionState::Draft));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("save draft"), q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::InvalidInput, tr("This démarche is no longer a draft: it can no longer be "
                                                     "changed here."));
    return {};
}

Status SubmissionRepository::adoptVersion(const Account &actor, qint64 id, int demarcheVersion)
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE submissions SET demarche_version = ? WHERE id = ? AND state = ?"));
    q.addBindValue(demarcheVersion);
    q.addBindValue(id);
    q.addBindValue(SubmissionLifecycle::name(SubmissionState::Draft));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("adopt version"), q.lastError());
    return {};
}

Result<Submission> SubmissionRepository::load(const Account &actor, qint64 id) const
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed.error();
    return loadUnchecked(id);
}

Result<Submission> SubmissionRepository::load(SystemAccess, qint64 id) const
{
    return loadUnchecked(id);
}

Result<Submission> SubmissionRepository::loadUnchecked(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions WHERE id = ?").arg(QLatin1String(Columns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("load submission"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    return fromRow(q);
}

Result<QList<Submission>> SubmissionRepository::drafts(const Account &actor, qint64 accountId) const
{
    QVariantList binds{SubmissionLifecycle::name(SubmissionState::Draft), accountId, accountId};
    const QString visible = Access::demarcheCondition(actor, QStringLiteral("s"), &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions s WHERE state = ? AND (? = 0 OR created_by = ?)"
                             " AND %2 ORDER BY updated_at DESC, id DESC")
                  .arg(QLatin1String(Columns), visible));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("list drafts"), q.lastError());
    QList<Submission> list;
    while (q.next())
        list.append(fromRow(q));
    return list;
}

Result<QList<Submission>> SubmissionRepository::forCitizen(const Account &actor, qint64 citizenId) const
{
    QVariantList binds{citizenId};
    const QString visible = Access::demarcheCondition(actor, QStringLiteral("s"), &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions s WHERE citizen_id = ? AND %2"
                             " ORDER BY updated_at DESC, id DESC")
                  .arg(QLatin1String(Columns), visible));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("list démarches of a citizen"), q.lastError());
    QList<Submission> list;
    while (q.next())
        list.append(fromRow(q));
    return list;
}

Status SubmissionRepository::queue(const Account &actor, qint64 id, const QJsonObject &canonicalAnswers)
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed;
    return SubmissionLifecycle(m_db, m_journal, m_clock).queue(actor.login, id, canonicalAnswers);
}

Status SubmissionRepository::discard(const Account &actor, qint64 id)
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed;
    return SubmissionLifecycle(m_db, m_journal, m_clock).discard(actor.login, id);
}

Status SubmissionRepository::markDelivered(SystemAccess, qint64 id, const QJsonObject &receipt)
{
    return SubmissionLifecycle(m_db, m_journal, m_clock).deliver(id, receipt);
}

Status SubmissionRepository::recordStatus(SystemAccess, qint64 id, SubmissionState state)
{
    return SubmissionLifecycle(m_db, m_journal, m_clock).applyPlatformStatus(id, state);
}

} // namespace relais
