#pragma once

#include "security/Account.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace relais {
class Vault;
class Workspace;
namespace catalogue {
class CatalogueStore;
}
} // namespace relais

namespace relais::ui {

class Accompaniment;

// Accueil: who is signed in, where, the work waiting for them (drafts to finish, démarches waiting or refused and
// why, decisions received since their last sign-in: each a Return away), and the habits that protect citizens' data.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    explicit HomePage(QWidget *parent = nullptr);
    // Where the work is read from (the open store, the catalogue for titles) and the person in context: while one
    // is, only their work shows, without anyone else's name.
    void setSources(Vault *vault, const catalogue::CatalogueStore *catalogue, Accompaniment *accompaniment);
    void setAccount(const Account &account, const QString &structure);
    // The session's store: the lists are read from it and follow its changes (this kiosk's and other programs').
    void setWorkspace(Workspace *workspace);
    // Reads the signed-in person's work again.
    void refreshWork();
    // The session locks or ends: the lists (which name people) leave the screen until refreshWork().
    void hideWork();
    QListWidget *draftsList() const { return m_drafts; }
    QListWidget *pendingList() const { return m_pending; }
    QListWidget *decisionsList() const { return m_decisions; }
    // For an administrator: the structure's démarches counted (never named), each count a button to where they are.
    QWidget *structureCounts() const { return m_counts; }
    QPushButton *draftsCount() const { return m_countDrafts; }
    QPushButton *waitingCount() const { return m_countWaiting; }
    QPushButton *refusedCount() const { return m_countRefused; }
    QPushButton *deliveredCount() const { return m_countDelivered; }
    // For an administrator: a warning when the store was never backed up, or not for more than 7 days.
    void setLastBackup(const QDateTime &last, const QDateTime &now);
    static constexpr int BackupWarningDays = 7;
    // For everyone: why the last daily backup failed (empty: it did not, and nothing shows).
    void setBackupFailure(const QString &message);
    static constexpr int SubmissionIdRole = Qt::UserRole;

Q_SIGNALS:
    void resumeDraftRequested(qint64 submissionId);
    // The structure's drafts, in Démarches.
    void showDraftsRequested();
    // A démarche sent: Envois shows it (its state, the platform's words, what to do); 0: Envois, nothing selected.
    void showSendingRequested(qint64 submissionId);

private:
    // The administrator's counts, read again with the lists.
    void refreshCounts();

    Vault *m_vault = nullptr;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    bool m_refreshQueued = false;
    const catalogue::CatalogueStore *m_catalogue = nullptr;
    Accompaniment *m_accompaniment = nullptr;
    Account m_account;
    QDateTime m_previousSignIn;
    bool m_hidden = true;
    QLabel *m_workScope;
    QListWidget *m_drafts;
    QListWidget *m_pending;
    QListWidget *m_decisions;
    QWidget *m_counts;
    QPushButton *m_countDrafts;
    QPushButton *m_countWaiting;
    QPushButton *m_countRefused;
    QPushButton *m_countDelivered;
    QLabel *m_greeting;
    QLabel *m_role;
    QLabel *m_backupWarning;
    QLabel *m_backupFailure;
};

} // namespace relais::ui
