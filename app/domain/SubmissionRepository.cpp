#include "SubmissionRepository.h"

#include "security/Journal.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

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

Result<Submission> SubmissionRepository::createDraft(const QString &demarcheId, int demarcheVersion, qint64 accountId,
                                                     const QString &actorLogin, qint64 citizenId)
{
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    qint64 id = 0;
    const Status s = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO submissions (uuid, demarche_id, demarche_version, created_by, created_at,"
                                 " updated_at, citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(demarcheId);
        q.addBindValue(demarcheVersion);
        q.addBindValue(accountId);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(citizenId > 0 ? QVariant(citizenId) : QVariant(QMetaType::fromType<qint64>()));
        if (!q.exec())
            return Database::sqlError(QStringLiteral("create draft"), q.lastError());
        id = q.lastInsertId().toLongLong();
        return m_journal->append(actorLogin, QStringLiteral("draft_created"), QStringLiteral("submission:%1").arg(id));
    });
    if (!s)
        return s.error();
    return load(id);
}

Status SubmissionRepository::saveDraft(qint64 id, const QJsonObject &answers, const QString &currentSection)
{
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

Status SubmissionRepository::adoptVersion(qint64 id, int demarcheVersion)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE submissions SET demarche_version = ? WHERE id = ? AND state = 'draft'"));
    q.addBindValue(demarcheVersion);
    q.addBindValue(id);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("adopt version"), q.lastError());
    return {};
}

Result<Submission> SubmissionRepository::load(qint64 id) const
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

Result<QList<Submission>> SubmissionRepository::drafts(qint64 accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions WHERE state = 'draft' AND (? = 0 OR created_by = ?)"
                             " ORDER BY updated_at DESC, id DESC")
                  .arg(QLatin1String(Columns)));
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("list drafts"), q.lastError());
    QList<Submission> list;
    while (q.next())
        list.append(fromRow(q));
    return list;
}

Result<QList<Submission>> SubmissionRepository::forCitizen(qint64 citizenId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM submissions WHERE citizen_id = ? ORDER BY updated_at DESC, id DESC")
                  .arg(QLatin1String(Columns)));
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("list démarches of a citizen"), q.lastError());
    QList<Submission> list;
    while (q.next())
        list.append(fromRow(q));
    return list;
}

Status SubmissionRepository::queue(qint64 id, const QJsonObject &canonicalAnswers, const QString &actorLogin)
{
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
        return m_journal->append(actorLogin, QStringLiteral("submission_queued"),
                                 QStringLiteral("submission:%1").arg(id));
    });
}

Status SubmissionRepository::discard(qint64 id, const QString &actorLogin)
{
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
        return m_journal->append(actorLogin, QStringLiteral("submission_discarded"),
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

Status SubmissionRepository::markDelivered(qint64 id, const QJsonObject &receipt)
{
    return Database::inTransaction(m_db, [&]() -> Status {
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
        return m_journal->append(QStringLiteral("sync"), QStringLiteral("submission_delivered"),
                                 QStringLiteral("submission:%1").arg(id));
    });
}

Status SubmissionRepository::recordStatus(qint64 id, const QString &state)
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
