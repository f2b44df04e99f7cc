#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace relais {

class Journal;
namespace catalogue {
class Catalogue;
}

// What the retention rules will remove, and when (DESIGN §4, CNIL: data kept no longer than needed).
struct RetentionItem
{
    enum class Kind
    {
        InactiveFile,        // a citizen's file unused for the structure's inactivity period: erased whole
        DecidedPayload,      // a démarche the operator decided on: answers and attachments reduced to the receipt
        ExpiredDemarche,     // a démarche past its catalogue retention period: removed (receipt included)
        AbandonedDraft,      // a draft untouched for the démarche's retention period: removed
        ErasedAfterDelivery, // queued when its person asked for erasure, now delivered: removed
    };
    Kind kind = Kind::InactiveFile;
    qint64 objectId = 0; // citizen id or submission id
    QString label;       // for the administrator: the person's name or the démarche title
    QDateTime due;       // when the rule applies (in the past: at the next purge)
};

class Retention
{
    Q_DECLARE_TR_FUNCTIONS(relais::Retention)

public:
    static constexpr int DefaultInactivityMonths = 12;
    static QString inactivitySettingKey() { return QStringLiteral("retention_inactivity_months"); }

    // `catalogue` gives each démarche's retention period (days); unknown démarches use DefaultDemarcheDays.
    static constexpr int DefaultDemarcheDays = 365;
    Retention(QSqlDatabase db, Journal *journal, const Clock *clock, const catalogue::Catalogue *catalogue);

    int inactivityMonths() const;
    // What will happen within `horizonDays` from now (0: only what is due now), soonest first.
    Result<QList<RetentionItem>> plan(int horizonDays) const;
    // Applies everything due now, in one transaction per item; journaled ("retention_purge", counts only).
    struct Report
    {
        int filesErased = 0;
        int payloadsReduced = 0;
        int demarchesRemoved = 0;
        int draftsRemoved = 0;
        // Démarches of erased people still waiting to be sent: kept, answers and documents included, until delivery.
        int waitingKept = 0;
    };
    Result<Report> purge(const QString &actorLogin);
    // How many démarches of the files `plan` would erase are still waiting to be sent (kept until delivered).
    Result<int> waitingOfErasedFiles(const QList<RetentionItem> &plan) const;

    static QString kindLabel(RetentionItem::Kind kind); // translated
    // What a purge did, in one translated sentence of counts (the CLI and the administration page).
    static QString describe(const Report &report);
    // What erasure keeps until delivery, in one plain sentence: after a purge, and (`dueNow`) in its dry run.
    static QString waitingNotice(int waiting, bool dueNow);

private:
    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
    const catalogue::Catalogue *m_catalogue;
};

} // namespace relais
