#pragma once

#include "common/Result.h"
#include "security/Account.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace relais {
class Vault;
class Session;
class Workspace;
} // namespace relais

namespace relais::catalogue {
class CatalogueStore;
}

namespace relais::ui {

class RetentionView;

class JournalView;

// Administration: accounts, the system keychain slot, the recovery code, the security journal, the idle lock delay
// and the documents settings (scan folder, photo reduction) read by the démarche forms.
class AdminPage : public QWidget
{
    Q_OBJECT
public:
    // `catalogue` gives the démarches' retention periods to the retention view (none: a default period).
    AdminPage(Vault *vault, Session *session, QWidget *parent = nullptr,
              const catalogue::CatalogueStore *catalogue = nullptr);
    // The signed-in administrator's session (nullptr when none): enrolment and retention work through it.
    void setWorkspace(Workspace *workspace);
    void refresh();

    QTableWidget *accountsTable() const { return m_table; }
    RetentionView *retentionView() const { return m_retention; }
    JournalView *journalView() const { return m_journal; }
    // Shows the security journal in place of the settings (its "Back" button returns to them).
    void showJournal();

    // Saves `path` as the scan folder (setting "scan_folder", journaled) after checking it is an existing,
    // readable folder; otherwise shows why next to it and keeps the previous value. An empty path is
    // clearScanFolder(). The "Choose…" button calls this with the folder picked in the system dialog.
    bool setScanFolder(const QString &path);
    // No scan folder: the forms then offer only "add a file" and the camera.
    bool clearScanFolder();
    // Setting "downscale_photos": "1" (the default) scales phone photos down before storing them, "0" keeps them.
    bool setDownscalePhotos(bool enabled);
    // The folder picker of "Back up now…" (tests put their own in place of the system dialog).
    void setBackupFolderChooser(std::function<QString()> choose) { m_chooseBackupFolder = std::move(choose); }

Q_SIGNALS:
    void idleLockChanged(int minutes);
    // Only an administrator may end the program: in kiosk mode nothing else closes it.
    void quitRequested();
    // The kiosk was just enrolled: a first synchronisation can start.
    void platformEnrolled();

private:
    QString selectedLogin() const;
    void addAccount();
    void changePassword();
    void disableAccount();
    void toggleKeychain(bool enabled);
    void renewRecoveryCode();
    void showNewRecoveryCode(const QString &code);
    void backUpNow();
    // Runs `work` (re-key, backup: seconds on a large store) under a modal progress dialog fed by its reports.
    Status withProgress(const QString &title, const QString &label,
                        const std::function<Status(const std::function<void(int)> &)> &work);
    void saveIdleLock();
    void chooseScanFolder();
    bool saveScanFolder(const QString &folder);
    void report(const QString &message, bool error);
    void openEnrolment();

    Vault *m_vault;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    Session *m_session;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_passwd;
    QPushButton *m_disable;
    QCheckBox *m_keychain;
    QLabel *m_keychainState;
    QLabel *m_platformState;
    QSpinBox *m_idle;
    QLineEdit *m_scanPath;
    QPushButton *m_noScan;
    QLabel *m_scanError;
    QCheckBox *m_downscale;
    QLabel *m_message;
    QLabel *m_lastBackup;
    QLabel *m_backupSchedule;
    std::function<QString()> m_chooseBackupFolder;
    QStackedWidget *m_stack;
    JournalView *m_journal;
    RetentionView *m_retention;
};

} // namespace relais::ui
