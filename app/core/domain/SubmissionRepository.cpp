#include "SubmissionRepository.h"

#include "CitizenRepository.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantList>

namespace relais {

namespace {

const char *const Columns = "id, uuid, demarche_id, demarche_version, state, answers, current_section, created_by,"
                            " created_at, updated_at, queued_at, citizen_id, receipt, delivered_at, decided_at,"
                            " reduced_at";

Submission fromRow(const QSqlQuery &q)
{
    Submission s;
    s.id = q.value(0).toLongLong();
    s.uuid = q.value(1).toString();
    s.demarcheId = q.value(2).toString();
    s.demarcheVersion = q.value(3).toInt();
    s.state = q.value(4).toString();
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
    return s;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QString SubmissionRepository::stateLabel(const QString &state)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("draft"), QT_TR_NOOP("Draft")},
        {QStringLiteral("queued"), QT_TR_NOOP("Waiting to be sent")},
        {QStringLiteral("sending"), QT_TR_NOOP("Being sent")},
        {QStringLiteral("delivered"), QT_TR_NOOP("Received by the organisation")},
        {QStringLiteral("in_review"), QT_TR_NOOP("Being examined")},
        {QStringLiteral("accepted"), QT_TR_NOOP("Accepted")},
        {QStringLiteral("rejected_by_operator"), QT_TR_NOOP("Refused by the organisation")},
        {QStringLiteral("incomplete"), QT_TR_NOOP("Incomplete: the organisation asks for more")},
        {QStringLiteral("quarantined"), QT_TR_NOOP("Returned by the platform: to be checked")},
        {QStringLiteral("discarded"), QT_TR_NOOP("Given up")},
    };
    const char *label = labels.value(state);
    return label ? tr(label) : state;
}

SubmissionRepository::SubmissionRepository(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

Status SubmissionRepository::checkAccess(QSqlDatabase db, const Account &actor, qint64 id)
{
    if (actor.role != Role::Volunteer)
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.created_by, COALESCE(c.created_by, 0) FROM submissions s"
                             " LEFT JOIN citizens c ON c.id = s.citizen_id WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("check access to a démarche"), q.lastError());
    if (!q.next())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    if (!Access::seesDemarche(actor, q.value(0).toLongLong(), q.value(1).toLongLong()))
        return Access::demarcheRefused();
    return {};
}

Result<int> SubmissionRepository::waitingForPerson(QSqlDatabase db, qint64 citizenId)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM submissions WHERE citizen_id = ? AND state IN ('queued', 'sending')"));
    q.addBindValue(citizenId);
    if (!q.exec() || !q.next())
        return Database::sqlError(QStringLiteral("count waiting démarches"), q.lastError());
    return q.value(0).toInt();
}

Result<Submission> SubmissionRepository::createDraft(const Account &actor, const QString &demarcheId,
                                                     int demarcheVersion, qint64 citizenId)
{
    if (citizenId > 0)
        if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
            return allowed.error();
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    qint64 id = 0;
    const Status s = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO submissions (uuid, demarche_id, demarche_version, created_by, created_at,"
                                 " updated_at, citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(demarcheId);
        q.addBindValue(demarcheVersion);
        q.addBindValue(actor.id);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(citizenId > 0 ? QVariant(citizenId) : QVariant(QMetaType::fromType<qint64>()));
        if (!q.exec())
            return Database::sqlError(QStringLiteral("create draft"), q.lastError());
        id = q.lastInsertId().toLongLong();
        return m_journal->append(actor.login, QStringLiteral("draft_created"), QStringLiteral("submission:%1").arg(id));
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
                             " WHERE id = ? AND state = 'draft'"));
    q.addBindValue(compact(answers));
    q.addBindValue(currentSection);
    q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(id);
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
    q.prepare(QStringLiteral("UPDATE submissions SET demarche_version = ? WHERE id = ? AND state = 'draft'"));
    q.addBindValue(demarcheVersion);
    q.addBindValue(id);
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
    QVariantList binds{accountId, accountId};
    const QString visible = Access::demarcheCondition(actor, QStringLiteral("s"), &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions s WHERE state = 'draft' AND (? = 0 OR created_by = ?)"
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
    return Database::inTransaction(m_db, [&]() -> Status {
        const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'queued', answers = ?, queued_at = ?, updated_at = ?"
                                 " WHERE id = ? AND state = 'draft'"));
        q.addBindValue(compact(canonicalAnswers));
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("queue"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This démarche is no longer a draft: it was already sent or "
                                                         "discarded."));
        return m_journal->append(actor.login, QStringLiteral("submission_queued"),
                                 QStringLiteral("submission:%1").arg(id));
    });
}

Status SubmissionRepository::discard(const Account &actor, qint64 id)
{
    if (Status allowed = checkAccess(m_db, actor, id); !allowed)
        return allowed;
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'discarded', answers = '{}', updated_at = ?,"
                                 " reduced_at = ? WHERE id = ? AND state IN ('draft', 'queued', 'quarantined')"));
        const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("discard"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This démarche can no longer be discarded: it is being sent "
                                                         "or was already delivered."));
        if (Status dropped = dropAttachments(m_db, id); !dropped)
            return dropped;
        return m_journal->append(actor.login, QStringLiteral("submission_discarded"),
                                 QStringLiteral("submission:%1").arg(id));
    });
}

Status SubmissionRepository::dropAttachments(QSqlDatabase db, qint64 submissionId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM attachments WHERE submission_id = ? AND citizen_id IS NULL"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("drop attachments"), q.lastError());
    q.prepare(QStringLiteral("UPDATE attachments SET submission_id = NULL WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("keep documents"), q.lastError());
    return {};
}

Status SubmissionRepository::markDelivered(SystemAccess, qint64 id, const QJsonObject &receipt)
{
    bool erased = false;
    const Status done = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'delivered', receipt = ?, delivered_at = ?,"
                                 " updated_at = ? WHERE id = ? AND state IN ('queued', 'sending')"));
        q.addBindValue(compact(receipt));
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("mark delivered"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This démarche was not waiting to be sent."));
        // Its person asked for erasure while it waited: the answers were kept only so that it could reach the
        // platform, and go now, with its documents, rather than at the next retention purge.
        q.prepare(QStringLiteral("UPDATE submissions SET answers = '{}', current_section = '', reduced_at = ?"
                                 " WHERE id = ? AND erase_after_delivery = 1"));
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("erase delivered answers"), q.lastError());
        erased = q.numRowsAffected() == 1;
        if (erased)
            if (Status dropped = dropAttachments(m_db, id); !dropped)
                return dropped;
        return m_journal->append(QStringLiteral("sync"), QStringLiteral("submission_delivered"),
                                 QStringLiteral("submission:%1").arg(id));
    });
    if (done && erased)
        CitizenRepository::checkpoint(m_db); // the deleted pages must not linger in the write-ahead log
    return done;
}

Status SubmissionRepository::recordStatus(SystemAccess, qint64 id, const QString &state)
{
    static const QStringList known = {QStringLiteral("in_review"), QStringLiteral("accepted"),
                                      QStringLiteral("rejected_by_operator"), QStringLiteral("incomplete")};
    if (!known.contains(state))
        return makeError(ErrorCode::InvalidInput, tr("Unknown status of a démarche."));
    const bool decided = state == QLatin1String("accepted") || state == QLatin1String("rejected_by_operator");
    QSqlQuery q(m_db);
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    q.prepare(QStringLiteral("UPDATE submissions SET state = ?, updated_at = ?, decided_at = CASE WHEN ? THEN ?"
                             " ELSE decided_at END WHERE id = ? AND state IN ('delivered', 'in_review', 'incomplete',"
                             " 'accepted', 'rejected_by_operator')"));
    q.addBindValue(state);
    q.addBindValue(now);
    q.addBindValue(decided ? 1 : 0);
    q.addBindValue(now);
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("record status"), q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::InvalidInput, tr("This démarche has not been delivered yet."));
    return {};
}

} // namespace relais
