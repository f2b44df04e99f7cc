#include "Retention.h"

#include "CitizenRepository.h"
#include "SubmissionRepository.h"
#include "catalogue/Catalogue.h"
#include "common/Translations.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace relais {

namespace {

QDateTime parse(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

Status exec(QSqlQuery &q, const char *what)
{
    if (!q.exec())
        return Database::sqlError(QString::fromLatin1(what), q.lastError());
    return {};
}

} // namespace

Retention::Retention(QSqlDatabase db, Journal *journal, const Clock *clock, const catalogue::Catalogue *catalogue)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock), m_catalogue(catalogue)
{}

QString Retention::kindLabel(RetentionItem::Kind kind)
{
    switch (kind) {
    case RetentionItem::Kind::InactiveFile:
        return tr("File without activity: erased");
    case RetentionItem::Kind::DecidedPayload:
        return tr("Decision known: answers and documents reduced to the receipt");
    case RetentionItem::Kind::ExpiredDemarche:
        return tr("Retention period over: démarche removed");
    case RetentionItem::Kind::AbandonedDraft:
        return tr("Draft abandoned: removed");
    case RetentionItem::Kind::ErasedAfterDelivery:
        return tr("Delivered after the person asked for erasure: removed");
    }
    return QString();
}

QString Retention::describe(const Report &report)
{
    return tr("Files erased: %1. Démarches reduced to their receipt: %2. Démarches removed: %3. Drafts removed: %4.")
        .arg(report.filesErased)
        .arg(report.payloadsReduced)
        .arg(report.demarchesRemoved)
        .arg(report.draftsRemoved);
}

QString Retention::waitingNotice(int waiting, bool dueNow)
{
    if (dueNow)
        return tr("%n démarche(s) of the files due for erasure are still waiting to be sent; their answers and "
                  "documents will stay encrypted on this PC until delivery, then be removed at once.",
                  nullptr, waiting);
    return tr("%n démarche(s) of erased people are still waiting to be sent; their answers and documents stay "
              "encrypted on this PC until delivery, then are removed at once.",
              nullptr, waiting);
}

Result<int> Retention::waitingOfErasedFiles(const QList<RetentionItem> &plan) const
{
    int waiting = 0;
    for (const RetentionItem &item : plan) {
        if (item.kind != RetentionItem::Kind::InactiveFile)
            continue;
        const Result<int> n = SubmissionRepository::waitingForPerson(m_db, item.objectId);
        if (!n)
            return n.error();
        waiting += n.value();
    }
    return waiting;
}

int Retention::inactivityMonths() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(inactivitySettingKey());
    bool ok = false;
    const int months = q.exec() && q.next() ? q.value(0).toInt(&ok) : 0;
    return ok && months > 0 ? months : DefaultInactivityMonths;
}

Result<QList<RetentionItem>> Retention::plan(int horizonDays) const
{
    const QDateTime now = m_clock->now().toUTC();
    const QDateTime until = now.addDays(std::max(0, horizonDays));
    const int months = inactivityMonths();
    const QString language = currentLanguage();
    QList<RetentionItem> items;

    // Files: the last activity plus the inactivity period.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, birth_name, usage_name, given_names, last_activity_at FROM citizens"
                             " WHERE last_activity_at < ? ORDER BY last_activity_at"));
    q.addBindValue(until.addMonths(-months).toString(Qt::ISODateWithMs));
    if (Status s = exec(q, "retention: files"); !s)
        return s.error();
    while (q.next()) {
        Citizen c;
        c.birthName = q.value(1).toString();
        c.usageName = q.value(2).toString();
        c.givenNames = q.value(3).toString();
        items.append({RetentionItem::Kind::InactiveFile, q.value(0).toLongLong(), c.displayName(),
                      parse(q.value(4)).addMonths(months)});
    }

    // Démarches: nothing is touched while it waits to be sent or is being sent.
    q.prepare(QStringLiteral("SELECT id, demarche_id, state, updated_at, decided_at, reduced_at, erase_after_delivery"
                             " FROM submissions WHERE state NOT IN ('queued', 'sending')"));
    if (Status s = exec(q, "retention: démarches"); !s)
        return s.error();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString demarcheId = q.value(1).toString();
        const QString state = q.value(2).toString();
        const QDateTime updated = parse(q.value(3));
        const QDateTime decided = parse(q.value(4));
        const bool reduced = !q.value(5).isNull();
        const catalogue::DemarchePtr demarche = m_catalogue ? m_catalogue->demarche(demarcheId) : nullptr;
        const int days = demarche && demarche->retentionDays > 0 ? demarche->retentionDays : DefaultDemarcheDays;
        const QString label = demarche ? demarche->title.text(language) : demarcheId;
        const bool finished = state == QLatin1String("accepted") || state == QLatin1String("rejected_by_operator") ||
                              state == QLatin1String("discarded");
        if (q.value(6).toInt() == 1) {
            items.append({RetentionItem::Kind::ErasedAfterDelivery, id, label, updated});
        } else if (state == QLatin1String("draft")) {
            items.append({RetentionItem::Kind::AbandonedDraft, id, label, updated.addDays(days)});
        } else if (finished) {
            const QDateTime since = decided.isValid() ? decided : updated;
            if (!reduced && state != QLatin1String("discarded"))
                items.append({RetentionItem::Kind::DecidedPayload, id, label, since});
            items.append({RetentionItem::Kind::ExpiredDemarche, id, label, since.addDays(days)});
        }
    }

    items.erase(std::remove_if(items.begin(), items.end(), [&](const RetentionItem &i) { return i.due > until; }),
                items.end());
    std::stable_sort(items.begin(), items.end(),
                     [](const RetentionItem &a, const RetentionItem &b) { return a.due < b.due; });
    return items;
}

Result<Retention::Report> Retention::purge(const QString &actorLogin)
{
    const Result<QList<RetentionItem>> due = plan(0);
    if (!due)
        return due.error();
    Report report;
    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    for (const RetentionItem &item : due.value()) {
        // One transaction per item: a failure leaves the others done and this one whole.
        const Status s = Database::inTransaction(m_db, [&]() -> Status {
            QSqlQuery q(m_db);
            switch (item.kind) {
            case RetentionItem::Kind::InactiveFile:
                if (Status done = CitizenRepository::deleteFile(m_db, item.objectId, false, nullptr); !done)
                    return done;
                ++report.filesErased;
                return {};
            case RetentionItem::Kind::DecidedPayload:
                if (Status done = SubmissionRepository::dropAttachments(m_db, item.objectId); !done)
                    return done;
                q.prepare(QStringLiteral("UPDATE submissions SET answers = '{}', reduced_at = ? WHERE id = ?"));
                q.addBindValue(now);
                q.addBindValue(item.objectId);
                if (Status done = exec(q, "reduce: answers"); !done)
                    return done;
                report.payloadsReduced += q.numRowsAffected() > 0 ? 1 : 0;
                return {};
            case RetentionItem::Kind::ExpiredDemarche:
            case RetentionItem::Kind::AbandonedDraft:
            case RetentionItem::Kind::ErasedAfterDelivery:
                if (Status done = SubmissionRepository::dropAttachments(m_db, item.objectId); !done)
                    return done;
                q.prepare(QStringLiteral("DELETE FROM submissions WHERE id = ?"));
                q.addBindValue(item.objectId);
                if (Status done = exec(q, "remove démarche"); !done)
                    return done;
                if (q.numRowsAffected() > 0)
                    ++(item.kind == RetentionItem::Kind::AbandonedDraft ? report.draftsRemoved
                                                                        : report.demarchesRemoved);
                return {};
            }
            return {};
        });
        if (!s)
            return s.error();
    }
    QSqlQuery kept(m_db);
    if (!kept.exec(QStringLiteral("SELECT count(*) FROM submissions WHERE erase_after_delivery = 1"
                                  " AND state IN ('queued', 'sending')")) ||
        !kept.next())
        return Database::sqlError(QStringLiteral("retention: kept for delivery"), kept.lastError());
    report.waitingKept = kept.value(0).toInt();
    if (report.filesErased + report.payloadsReduced + report.demarchesRemoved + report.draftsRemoved == 0)
        return report;
    const Status journaled = Database::inTransaction(m_db, [&]() -> Status {
        return m_journal->append(actorLogin, QStringLiteral("retention_purge"),
                                 QStringLiteral("files:%1 reduced:%2 demarches:%3 drafts:%4")
                                     .arg(report.filesErased)
                                     .arg(report.payloadsReduced)
                                     .arg(report.demarchesRemoved)
                                     .arg(report.draftsRemoved));
    });
    if (!journaled)
        return journaled.error();
    CitizenRepository::checkpoint(m_db);
    return report;
}

} // namespace relais
