#include "HomePage.h"

#include "StoreAccess.h"
#include "catalogue/Catalogue.h"
#include "common/Ui.h"
#include "domain/CitizenRepository.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace relais::ui {

HomePage::HomePage(QWidget *parent) : QWidget(parent)
{
    // At 200 % text on a small screen the three lists and the hints do not fit: the page scrolls rather than cut
    // the words of its labels.
    auto *layout = new QVBoxLayout(scrollingContent(this));
    layout->setContentsMargins(24, 16, 24, 16);
    m_greeting = makeLabel(QString(), "title");
    m_role = makeLabel(QString(), "subtitle");
    layout->addWidget(m_greeting);
    layout->addWidget(m_role);
    m_backupWarning = makeLabel(QString(), "warning");
    m_backupWarning->setObjectName(QStringLiteral("backupWarning"));
    m_backupWarning->setWordWrap(true);
    m_backupWarning->hide();
    layout->addWidget(m_backupWarning);
    m_workScope = makeLabel(QString(), "hint");
    m_workScope->setObjectName(QStringLiteral("homeWorkScope"));
    m_workScope->hide();
    layout->addWidget(m_workScope);
    // The structure at a glance, for an administrator: how many, never who; two by two so that they fit at 200 %.
    m_counts = new QWidget;
    m_counts->setObjectName(QStringLiteral("homeStructureCounts"));
    auto *counts = new QGridLayout(m_counts);
    counts->setContentsMargins(0, 0, 0, 0);
    counts->addWidget(makeLabel(tr("The structure's démarches"), "subtitle"), 0, 0, 1, 2);
    m_countDrafts = new QPushButton;
    m_countWaiting = new QPushButton;
    m_countRefused = new QPushButton;
    m_countDelivered = new QPushButton;
    counts->addWidget(m_countDrafts, 1, 0);
    counts->addWidget(m_countWaiting, 1, 1);
    counts->addWidget(m_countRefused, 2, 0);
    counts->addWidget(m_countDelivered, 2, 1);
    counts->setColumnStretch(2, 1);
    m_counts->hide();
    layout->addWidget(m_counts);
    connect(m_countDrafts, &QPushButton::clicked, this, &HomePage::showDraftsRequested);
    for (QPushButton *button : {m_countWaiting, m_countRefused, m_countDelivered})
        connect(button, &QPushButton::clicked, this, [this] { Q_EMIT showSendingRequested(0); });
    auto *work = new QHBoxLayout;
    auto column = [&](QListWidget **list, const QString &title, const QString &name) {
        auto *box = new QVBoxLayout;
        auto *label = makeLabel(title, "subtitle");
        *list = new QListWidget;
        (*list)->setObjectName(name);
        (*list)->setAccessibleName(QString(title).remove(QLatin1Char('&')));
        (*list)->setWordWrap(true);
        (*list)->setProperty("role", QStringLiteral("work"));           // the theme draws a line between two entries
        (*list)->setMinimumHeight((*list)->fontMetrics().height() * 4); // a few lines, even when the page scrolls
        label->setBuddy(*list);
        box->addWidget(label);
        box->addWidget(*list, 1);
        work->addLayout(box, 1);
        return *list;
    };
    column(&m_drafts, tr("Drafts to &finish"), QStringLiteral("homeDrafts"));
    column(&m_pending, tr("Waiting or &refused"), QStringLiteral("homePending"));
    column(&m_decisions, tr("De&cisions since your last sign-in"), QStringLiteral("homeDecisions"));
    layout->addLayout(work, 1);
    // Return (or a double click) on a line opens it where the work is done.
    connect(m_drafts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const qint64 id = item->data(SubmissionIdRole).toLongLong(); id != 0)
            Q_EMIT resumeDraftRequested(id);
    });
    for (QListWidget *list : {m_pending, m_decisions})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            if (const qint64 id = item->data(SubmissionIdRole).toLongLong(); id != 0)
                Q_EMIT showSendingRequested(id);
        });
    m_backupFailure = makeLabel(QString(), "error");
    m_backupFailure->setObjectName(QStringLiteral("backupFailure"));
    m_backupFailure->setWordWrap(true);
    m_backupFailure->hide();
    layout->addWidget(m_backupFailure);
    layout->addWidget(makeLabel(tr("Lock the session whenever you leave the desk (Ctrl+L): the citizen's file is "
                                   "hidden, and your work waits for you."),
                                "hint"));
    layout->addWidget(makeLabel(tr("A colleague takes over? Use “Change user”: each person signs in with their "
                                   "own password, and the journal records who did what."),
                                "hint"));
}

void HomePage::setSources(Vault *vault, const catalogue::CatalogueStore *catalogue, Accompaniment *accompaniment)
{
    m_vault = vault;
    m_catalogue = catalogue;
    m_accompaniment = accompaniment;
    connect(m_accompaniment, &Accompaniment::changed, this, [this] {
        if (!m_hidden)
            refreshWork();
    });
}

void HomePage::hideWork()
{
    m_hidden = true;
    m_drafts->clear();
    m_pending->clear();
    m_decisions->clear();
    m_workScope->clear();
    m_workScope->hide();
    m_counts->hide();
}

void HomePage::refreshWork()
{
    hideWork();
    m_hidden = false;
    if (!m_workspace || m_account.id == 0)
        return;
    SubmissionRepository &submissions = m_workspace->submissions();
    CitizenRepository &citizens = m_workspace->citizens();
    const bool inContext = m_accompaniment && m_accompaniment->isActive();
    const qint64 person = inContext ? m_accompaniment->citizenId() : 0;
    if (inContext) {
        m_workScope->setText(
            m_accompaniment->isWithoutFile()
                ? tr("During this accompaniment, only your démarches without a file are shown.")
                : tr("During this accompaniment, only the work for %1 is shown.").arg(m_accompaniment->personName()));
        m_workScope->show();
    }
    const QString language = catalogueLanguage();
    auto title = [&](const Submission &s) {
        const catalogue::DemarchePtr d = m_catalogue ? m_catalogue->current().demarche(s.demarcheId) : nullptr;
        return d ? d->title.text(language) : s.demarcheId;
    };
    // The person's name leads each line, except while a person is in context (then every line is theirs).
    auto line = [&](const Submission &s, const QString &text) {
        if (inContext || s.citizenId == 0)
            return text;
        const Result<Citizen> c = citizens.load(m_account, s.citizenId);
        return c ? tr("%1 — %2").arg(c->displayName(), text) : text;
    };
    auto when = [](const QDateTime &at) {
        return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
    };
    auto add = [](QListWidget *list, const QString &text, qint64 id) {
        auto *item = new QListWidgetItem(text, list);
        item->setData(SubmissionIdRole, id);
    };

    if (const Result<QList<Submission>> drafts = submissions.drafts(m_account, m_account.id); drafts) {
        for (const Submission &s : drafts.value())
            if (!inContext || s.citizenId == person)
                add(m_drafts, line(s, tr("%1 — changed %2").arg(title(s), when(s.updatedAt))), s.id);
    }
    const Result<QList<sync::OutboxItem>> outbox = sync::StoreAccess::store(*m_workspace).outbox(m_account);
    if (outbox) {
        for (const sync::OutboxItem &item : outbox.value()) {
            const Result<Submission> loaded = submissions.load(m_account, item.submissionId);
            if (!loaded || loaded->createdBy != m_account.id || (inContext && loaded->citizenId != person))
                continue;
            const Submission &s = loaded.value();
            const QString lastWord = item.updates.isEmpty() ? QString() : item.updates.constLast().message;
            if (s.isWaiting()) {
                add(m_pending, line(s, tr("%1 — waiting to be sent since %2").arg(title(s), when(s.queuedAt))), s.id);
            } else if (item.state == SubmissionState::Quarantined) {
                add(m_pending, line(s, tr("%1 — refused by the platform: %2").arg(title(s), item.quarantineReason)),
                    s.id);
            } else if (s.state == SubmissionState::RejectedByOperator || s.state == SubmissionState::Incomplete) {
                add(m_pending,
                    line(s, tr("%1 — %2: %3")
                                .arg(title(s), SubmissionRepository::stateLabel(s.state),
                                     lastWord.isEmpty() ? tr("no reason given") : lastWord)),
                    s.id);
            }
            if (s.decidedAt.isValid() && (!m_previousSignIn.isValid() || s.decidedAt > m_previousSignIn))
                add(m_decisions,
                    line(s, tr("%1 — %2 on %3")
                                .arg(title(s), SubmissionRepository::stateLabel(s.state), when(s.decidedAt))),
                    s.id);
        }
    }
    for (QListWidget *list : {m_drafts, m_pending, m_decisions})
        if (list->count() == 0)
            new QListWidgetItem(tr("Nothing here."), list); // no id: Return does nothing
    refreshCounts();
}

void HomePage::refreshCounts()
{
    // During an accompaniment Home is about the person being helped: the structure's figures wait until it ends.
    if (m_account.role != Role::Admin || !m_workspace || (m_accompaniment && m_accompaniment->isActive()))
        return;
    // Every draft of the structure (the administrator's access reaches them all), and the outbox's rows: waiting,
    // refused by the platform or by the instructing service, delivered since the first of this month.
    const Result<QList<Submission>> drafts = m_workspace->submissions().drafts(m_account);
    const Result<QList<sync::OutboxItem>> outbox = sync::StoreAccess::store(*m_workspace).outbox(m_account);
    if (!drafts || !outbox)
        return; // the lists say what went wrong, when it concerns them; no count rather than a false one
    const QDate today = m_vault->clock()->now().toLocalTime().date();
    const QDateTime monthStart(QDate(today.year(), today.month(), 1), QTime(0, 0));
    int waiting = 0;
    int refused = 0;
    int delivered = 0;
    for (const sync::OutboxItem &item : outbox.value()) {
        if (SubmissionLifecycle::isWaiting(item.state))
            ++waiting;
        else if (item.state == SubmissionState::Quarantined || item.state == SubmissionState::RejectedByOperator ||
                 item.state == SubmissionState::Incomplete)
            ++refused;
        if (item.deliveredAt.isValid() && item.deliveredAt.toLocalTime() >= monthStart)
            ++delivered;
    }
    // Letters free on Home in English and in French alike (rail, top bar, status bar, the three lists).
    m_countDrafts->setText(tr("Drafts in &progress: %1").arg(drafts->size()));
    m_countWaiting->setText(tr("&Waiting to be sent: %1").arg(waiting));
    m_countRefused->setText(tr("Re&jected: %1").arg(refused));
    m_countDelivered->setText(tr("Sent successfull&y this month: %1").arg(delivered));
    m_countDrafts->setToolTip(tr("The structure's drafts, in Démarches"));
    for (QPushButton *button : {m_countWaiting, m_countRefused, m_countDelivered})
        button->setToolTip(tr("Shown in Sending, with what the platform answered"));
    m_counts->show();
}

void HomePage::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    if (!workspace)
        return;
    // Several changes (one commit, or another program's) make one refresh, from the event loop; none while the
    // lists are hidden (locked, signed out).
    auto queueRefresh = [this] {
        if (m_hidden || m_refreshQueued)
            return;
        m_refreshQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_refreshQueued = false;
                if (!m_hidden)
                    refreshWork();
            },
            Qt::QueuedConnection);
    };
    connect(workspace, &Workspace::submissionChanged, this, queueRefresh);
    connect(workspace, &Workspace::citizenChanged, this, queueRefresh);
    connect(workspace, &Workspace::syncStateChanged, this, queueRefresh);
}

void HomePage::setAccount(const Account &account, const QString &structure)
{
    m_account = account;
    m_previousSignIn = m_vault && m_vault->isOpen() ? m_vault->journal().previousSignIn(account) : QDateTime();
    m_greeting->setText(tr("Hello, %1").arg(account.displayName));
    m_role->setText(tr("%1 at %2").arg(roleLabel(account.role), structure));
    m_backupWarning->hide(); // only an administrator's home says it (setLastBackup)
}

void HomePage::setLastBackup(const QDateTime &last, const QDateTime &now)
{
    const qint64 days = last.isValid() ? last.daysTo(now) : -1;
    if (last.isValid() && days < BackupWarningDays) {
        m_backupWarning->hide();
        return;
    }
    // A disk that fails takes every queued démarche and every file with it: say so until a backup is made.
    m_backupWarning->setText(
        last.isValid()
            ? tr("The last backup of this store is %n day(s) old. Make one now in Administration → Backup, on a "
                 "USB key kept away from this PC.",
                 nullptr, static_cast<int>(days))
            : tr("This store has never been backed up. Make a backup in Administration → Backup, on a USB key kept "
                 "away from this PC."));
    m_backupWarning->show();
}

void HomePage::setBackupFailure(const QString &message)
{
    // Shown to whoever signs in: on a kiosk an administrator may not come by for days.
    m_backupFailure->setVisible(!message.isEmpty());
    m_backupFailure->setText(message.isEmpty() ? QString()
                                               : tr("The daily backup failed: %1 Tell your administrator, who can "
                                                    "check the backup folder in Administration → Backup.")
                                                     .arg(message));
}

} // namespace relais::ui
