#pragma once

#include "security/Account.h"

#include <QMainWindow>

#include <memory>

namespace relais {
class BackupScheduler;
class Vault;
class Session;
class Workspace;
namespace sync {
class SyncEngine;
} // namespace sync
} // namespace relais

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;

namespace relais::ui {

class LoginPage;
class SetupPage;
class ShellPage;
class SyncStatusBar;

// The kiosk window: first-run set-up, sign-in and lock screen, or the signed-in shell. Watches user
// input for the idle lock. In kiosk mode it is full screen and cannot be closed from the keyboard.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Vault *vault, Session *session, QWidget *parent = nullptr);
    // Waits for a daily backup under way while the pages its outcome refreshes still exist.
    ~MainWindow() override;

    // Chooses the first page from what the data folder holds; never creates a store over a damaged one.
    void start();
    void setKioskMode(bool kiosk);
    // Shows the window on the whole area its screen leaves to windows (panels aside), frame included: sized to the
    // screen without its frame, the window would overflow it and the status bar would go below the edge.
    void showOnScreen();
    // Where a window with `frame` around it fits `available` exactly.
    static QRect fittedGeometry(const QRect &available, const QMargins &frame);

    SetupPage *setupPage() const { return m_setup; }
    LoginPage *loginPage() const { return m_login; }
    ShellPage *shellPage() const { return m_shell; }
    SyncStatusBar *syncStatus() const { return m_syncStatus; }
    // The session's workspace, from sign-in to sign-out (nullptr otherwise).
    Workspace *workspace() const { return m_workspace.get(); }
    // The delivery engine that the composition root (main.cpp) built on the workspace, or nullptr: the pages and
    // the status bar follow it. Rounds go on while the screen is locked.
    void setSyncEngine(sync::SyncEngine *engine);
    sync::SyncEngine *syncEngine() const { return m_engine; }

Q_SIGNALS:
    // A person signed in and the session's workspace exists: build what works on it (the sync engine).
    void workspaceOpened(relais::Workspace *workspace);
    // The session ends: stop what was built on the workspace; it is destroyed when this returns.
    void workspaceClosing(relais::Workspace *workspace);

public:
    QWidget *errorPage() const { return m_error; }
    QWidget *currentPage() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void showLogin();
    void signedIn(const Account &account);
    void lock();
    void switchUser();
    void signOut();
    void endSession();
    void quitAsAdministrator();
    void showFatal(const QString &message);
    void applyDisplaySettings();
    void buildStatusBar();
    // Applies the retention rules that are due (inactive files, decided démarches…).
    void applyRetention();
    // The daily backup (when one is scheduled) is checked while the store is open: at sign-in, then every hour.
    void startBackups();
    void stopBackups();
    static constexpr int RetentionIntervalMs = 6 * 3600 * 1000;

    Vault *m_vault;
    Session *m_session;
    bool m_kiosk = false;
    QStackedWidget *m_stack;
    QWidget *m_demoBanner;
    SetupPage *m_setup;
    LoginPage *m_login;
    ShellPage *m_shell;
    QWidget *m_error;
    QLabel *m_errorText;
    QComboBox *m_textSize;
    QCheckBox *m_contrast;
    QTimer *m_retentionTimer = nullptr;
    SyncStatusBar *m_syncStatus = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    sync::SyncEngine *m_engine = nullptr; // owned by the composition root
    BackupScheduler *m_backups = nullptr;
};

} // namespace relais::ui
