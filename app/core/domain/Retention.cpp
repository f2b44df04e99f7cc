#include "Retention.h"

#include "CitizenRepository.h"
#include "SubmissionRepository.h"
#include "catalogue/Catalogue.h"
#include "common/Translations.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <algorithm>

namespace relais {

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
    bool ok = false;
    const int months = Vault::readSetting(m_db, inactivitySettingKey()).toInt(&ok);
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
    const Result<QList<Citizen>> inactive = CitizenRepository::inactiveSince(m_db, until.addMonths(-months));
    if (!inactive)
        return inactive.error();
    for (const Citizen &c : inactive.value())
        items.append({RetentionItem::Kind::InactiveFile, c.id, c.displayName(), c.lastActivityAt.addMonths(months)});

    // Démarches: nothing is touched while it waits to be sent or is being sent.
    const auto demarches = SubmissionRepository::retentionCandidates(m_db);
    if (!demarches)
        return demarches.error();
    for (const SubmissionRepository::RetentionRow &row : demarches.value()) {
        const catalogue::DemarchePtr demarche = m_catalogue ? m_catalogue->demarche(row.demarcheId) : nullptr;
        const int days = demarche && demarche->retentionDays > 0 ? demarche->retentionDays : DefaultDemarcheDays;
        const QString label = demarche ? demarche->title.text(language) : row.demarcheId;
        const bool discarded = row.state == SubmissionState::Discarded;
        const bool finished = SubmissionLifecycle::isDecided(row.state) || discarded;
        if (row.eraseAfterDelivery) {
            items.append({RetentionItem::Kind::ErasedAfterDelivery, row.id, label, row.updatedAt});
        } else if (row.state == SubmissionState::Draft) {
            items.append({RetentionItem::Kind::AbandonedDraft, row.id, label, row.updatedAt.addDays(days)});
        } else if (finished) {
            const QDateTime since = row.decidedAt.isValid() ? row.decidedAt : row.updatedAt;
            if (!row.reduced && !discarded)
                items.append({RetentionItem::Kind::DecidedPayload, row.id, label, since});
            items.append({RetentionItem::Kind::ExpiredDemarche, row.id, label, since.addDays(days)});
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
    const QDateTime nowTime = m_clock->now();
    for (const RetentionItem &item : due.value()) {
        // One transaction per item: a failure leaves the others done and this one whole.
        const Status s = Database::inTransaction(m_db, [&]() -> Status {
            switch (item.kind) {
            case RetentionItem::Kind::InactiveFile:
                if (Status done = CitizenRepository::deleteFile(m_db, item.objectId, false, nullptr); !done)
                    return done;
                ++report.filesErased;
                return {};
            case RetentionItem::Kind::DecidedPayload: {
                const Result<bool> reduced = SubmissionRepository::reduceToReceipt(m_db, item.objectId, nowTime);
                if (!reduced)
                    return reduced.error();
                report.payloadsReduced += reduced.value() ? 1 : 0;
                return {};
            }
            case RetentionItem::Kind::ExpiredDemarche:
            case RetentionItem::Kind::AbandonedDraft:
            case RetentionItem::Kind::ErasedAfterDelivery: {
                const Result<bool> removed = SubmissionRepository::remove(m_db, item.objectId);
                if (!removed)
                    return removed.error();
                if (removed.value())
                    ++(item.kind == RetentionItem::Kind::AbandonedDraft ? report.draftsRemoved
                                                                        : report.demarchesRemoved);
                return {};
            }
            }
            return {};
        });
        if (!s)
            return s.error();
    }
    const Result<int> kept = SubmissionRepository::waitingAfterErasure(m_db);
    if (!kept)
        return kept.error();
    report.waitingKept = kept.value();
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
