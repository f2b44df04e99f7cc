#include "RetentionView.h"

#include "domain/Workspace.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace relais::ui {

RetentionView::RetentionView(Vault *vault, Session *session, const catalogue::Catalogue *catalogue, QWidget *parent)
    : QGroupBox(tr("Retention of personal data"), parent), m_vault(vault), m_session(session), m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("retentionView"));
    auto *layout = new QVBoxLayout(this);

    auto *explain = new QLabel(tr("Files without any activity for this period are erased automatically, with their "
                                  "démarches and documents. Once the operator has decided, a démarche keeps only "
                                  "its receipt. Démarches waiting to be sent are never removed."));
    explain->setWordWrap(true);
    layout->addWidget(explain);

    auto *row = new QHBoxLayout;
    auto *monthsLabel = new QLabel(tr("Erase files inactive for (&months):"));
    m_months = new QSpinBox;
    m_months->setObjectName(QStringLiteral("inactivityMonths"));
    m_months->setRange(1, 120);
    m_months->setAccessibleName(tr("Inactivity period before a file is erased, in months"));
    monthsLabel->setBuddy(m_months);
    auto *save = new QPushButton(tr("Sa&ve the period"));
    save->setObjectName(QStringLiteral("saveInactivity"));
    row->addWidget(monthsLabel);
    row->addWidget(m_months);
    row->addWidget(save);
    row->addStretch();
    layout->addLayout(row);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("retentionSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_plan = new QTableWidget(0, 3);
    m_plan->setObjectName(QStringLiteral("retentionPlan"));
    m_plan->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Rule")});
    m_plan->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_plan->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_plan->verticalHeader()->hide();
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_plan->setAccessibleName(tr("What the retention rules will remove in the next %n days", nullptr, HorizonDays));
    m_plan->setMinimumHeight(160);
    layout->addWidget(m_plan);

    m_purge = new QPushButton(tr("Purge what is due no&w"));
    m_purge->setObjectName(QStringLiteral("purgeNow"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_purge);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("retentionMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Retention message"));
    layout->addWidget(m_message);

    connect(save, &QPushButton::clicked, this, [this] { setInactivityMonths(m_months->value()); });
    connect(m_purge, &QPushButton::clicked, this, &RetentionView::purgeNow);
}

Retention RetentionView::retention() const
{
    return m_workspace->retention(m_catalogue);
}

void RetentionView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
}

void RetentionView::refresh()
{
    if (!m_workspace || !m_vault->isOpen())
        return;
    const Retention r = retention();
    m_months->setValue(r.inactivityMonths());
    const Result<QList<RetentionItem>> plan = r.plan(HorizonDays);
    m_plan->setRowCount(0);
    if (!plan) {
        m_summary->setText(plan.message());
        return;
    }
    const QDateTime now = m_vault->clock()->now();
    int dueNow = 0;
    for (const RetentionItem &item : plan.value()) {
        const int row = m_plan->rowCount();
        m_plan->insertRow(row);
        const bool isDue = item.due <= now;
        dueNow += isDue ? 1 : 0;
        const QString when =
            isDue ? tr("Due now") : QLocale().toString(item.due.toLocalTime().date(), QLocale::ShortFormat);
        m_plan->setItem(row, 0, new QTableWidgetItem(when));
        m_plan->setItem(row, 1, new QTableWidgetItem(item.label));
        m_plan->setItem(row, 2, new QTableWidgetItem(Retention::kindLabel(item.kind)));
    }
    m_plan->resizeColumnToContents(0);
    m_summary->setText(
        plan->isEmpty() ? tr("Nothing will be removed in the next %n days.", nullptr, HorizonDays)
                        : tr("%n removals planned in the next %1 days.", nullptr, int(plan->size())).arg(HorizonDays) +
                              QLatin1Char(' ') + tr("Due now: %1.").arg(dueNow));
    m_purge->setEnabled(dueNow > 0);
}

bool RetentionView::setInactivityMonths(int months)
{
    const Status s =
        m_vault->setSetting(m_session->account(), Retention::inactivitySettingKey(), QString::number(months));
    m_message->setText(s ? tr("Files are now erased after %n months without activity.", nullptr, months) : s.message());
    QAccessibleEvent alert(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    refresh();
    return s.ok();
}

bool RetentionView::purgeNow()
{
    if (!m_workspace)
        return false;
    const Result<Retention::Report> report = retention().purge(m_session->account().login);
    if (!report) {
        m_message->setText(report.message());
    } else {
        m_message->setText(tr("Purge done.") + QLatin1Char(' ') + Retention::describe(report.value()));
    }
    QAccessibleEvent alert(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    refresh();
    return report.ok();
}

} // namespace relais::ui
