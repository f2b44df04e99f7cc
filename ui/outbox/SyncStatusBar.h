#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace relais {
class Vault;
class Workspace;
namespace sync {
class SyncEngine;
}
} // namespace relais

namespace relais::ui {

// The status bar's part about the platform (DESIGN §7): online or offline, how many démarches wait, when the last
// synchronisation succeeded. Empty while no store is open.
class SyncStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusBar(Vault *vault, QWidget *parent = nullptr);

    // The session's workspace (nullptr when it ends), whose changes redraw the bar.
    void setWorkspace(Workspace *workspace);
    void setEngine(sync::SyncEngine *engine);
    void refresh();

    QLabel *onlineLabel() const { return m_online; }
    QLabel *waitingLabel() const { return m_waiting; }
    QLabel *lastSyncLabel() const { return m_last; }

private:
    void setOnline(bool online);

    Vault *m_vault;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    sync::SyncEngine *m_engine = nullptr;
    bool m_known = false;
    bool m_isOnline = false;
    bool m_busyElsewhere = false; // the last round gave way to another program's
    QLabel *m_online;
    QLabel *m_waiting;
    QLabel *m_last;
};

} // namespace relais::ui
