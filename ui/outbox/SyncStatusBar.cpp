#include "SyncStatusBar.h"

#include "StoreAccess.h"
#include "SyncEngine.h"
#include "domain/Workspace.h"
#include "security/Vault.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace relais::ui {

SyncStatusBar::SyncStatusBar(Vault *vault, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_online(new QLabel), m_waiting(new QLabel), m_last(new QLabel)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 16, 0);
    for (QLabel *label : {m_online, m_waiting, m_last}) {
        label->setProperty("role", QStringLiteral("info"));
        layout->addWidget(label);
    }
    refresh();
}

void SyncStatusBar::setEngine(sync::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_known = false;
    m_busyElsewhere = false;
    if (engine) {
        connect(engine, &sync::SyncEngine::onlineChanged, this, &SyncStatusBar::setOnline);
        connect(engine, &sync::SyncEngine::itemChanged, this, &SyncStatusBar::refresh);
        connect(engine, &sync::SyncEngine::finished, this, [this](const sync::RoundSummary &summary) {
            m_busyElsewhere = summary.busyElsewhere;
            if (summary.busyElsewhere)
                refresh(); // this round did not reach the platform: what is known of the network stays
            else
                setOnline(summary.online && !summary.stopped);
        });
    }
    refresh();
}

void SyncStatusBar::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    // The count of what waits follows the queue at once: a démarche queued here, or sent by another program.
    if (workspace)
        for (auto changed : {&Workspace::queueChanged, &Workspace::syncStateChanged})
            connect(workspace, changed, this, &SyncStatusBar::refresh);
    refresh();
}

void SyncStatusBar::setOnline(bool online)
{
    m_known = true;
    m_isOnline = online;
    refresh();
}

void SyncStatusBar::refresh()
{
    const bool open = m_vault->isOpen() && m_workspace && m_engine;
    setVisible(open);
    if (!open)
        return;
    const sync::SyncStore store = sync::StoreAccess::store(*m_workspace);
    const QString stopped = store.stoppedReason();
    if (!stopped.isEmpty())
        m_online->setText(tr("Sending stopped: ask an administrator"));
    else if (m_busyElsewhere)
        m_online->setText(tr("A synchronisation is running from another program"));
    else if (!m_known)
        m_online->setText(tr("Platform: not checked yet"));
    else
        m_online->setText(m_isOnline ? tr("Online") : tr("Offline"));
    const Result<int> waiting = store.waitingCount();
    m_waiting->setText(waiting ? tr("%n démarche(s) waiting", nullptr, waiting.value()) : waiting.message());
    const QDateTime last = store.lastSuccess();
    // Today's time alone keeps the bar short at large text sizes; an older one gives its date.
    const QDateTime local = last.toLocalTime();
    const bool today = local.date() == m_vault->clock()->now().toLocalTime().date();
    const QString when = today ? QLocale().toString(local.time(), QLocale::ShortFormat)
                               : QLocale().toString(local, QLocale::ShortFormat);
    m_last->setText(last.isValid() ? tr("Last synchronisation: %1").arg(when) : tr("Never synchronised"));
    setAccessibleName(QStringList{m_online->text(), m_waiting->text(), m_last->text()}.join(QLatin1String(", ")));
}

} // namespace relais::ui
