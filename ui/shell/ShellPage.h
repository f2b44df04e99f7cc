#pragma once

#include "catalogue/Catalogue.h"
#include "security/Account.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QShortcut;
class QStackedWidget;

namespace relais {
class Vault;
class Session;
class Workspace;
namespace sync {
class SyncEngine;
}
} // namespace relais

namespace relais::ui {

class Accompaniment;
class AdminPage;
class CitizensPage;
class ElidedLabel;
class DemarchesPage;
class HomePage;
class OutboxPage;

// The signed-in workspace: a top bar (structure, person, lock, change user, sign out), the idle-lock
// warning, the navigation rail and the pages. Each page arrives with the capability it shows.
class ShellPage : public QWidget
{
    Q_OBJECT
public:
    ShellPage(Vault *vault, Session *session, QWidget *parent = nullptr);
    // The pages are deleted first: they read the catalogue, a member that QWidget's destructor would outlive.
    ~ShellPage() override;

    // A person signed in: the pages they may use are built around their session's workspace.
    void enter(Workspace *workspace);
    QListWidget *rail() const { return m_rail; }
    QStackedWidget *pages() const { return m_pages; }
    QWidget *idleWarning() const { return m_warning; }
    AdminPage *adminPage() const { return m_admin; }
    CitizensPage *citizensPage() const { return m_citizens; }
    DemarchesPage *demarchesPage() const { return m_demarches; }
    OutboxPage *outboxPage() const { return m_outbox; }
    // The person being helped now (or "without a file"), shown above every page until the mediator ends it.
    Accompaniment *accompaniment() const { return m_accompaniment; }
    // The sync engine of the open store (nullptr once it closes): the outbox page drives it.
    void setEngine(sync::SyncEngine *engine);
    // A catalogue the platform sent (its signature already checked) replaces the bundled one when it is newer and
    // readable; a démarche being filled keeps the version it was opened with.
    void applyPlatformCatalogue(const QByteArray &document);
    const catalogue::CatalogueStore &catalogue() const { return m_catalogue; }
    // The session ends and the store is about to close: open work is saved and put away, nothing of it is kept.
    void leave();
    // The session locks: open dialogs close, the open form is saved and closed, and every page drops what it shows
    // of citizens, from the screen and from the accessibility tree that other programs of the desktop can read.
    // Where the mediator was (the page, the file, the draft: ids) is kept for resumeWork().
    void hideWork();
    // The same person unlocks: back to the page, the file and the form they left.
    void resumeWork();
    // The window title names the structure (and says when a form is open): the window manager, task bars and screen
    // sharing show it, so never a démarche (which tells much about a person) nor a person.
    void updateWindowTitle();
    // Home says again how the backups stand (at sign-in, and after each daily backup).
    void refreshBackupState();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void lockRequested();
    void switchUserRequested();
    void signOutRequested();

private:
    // Wide enough for the longest section name at the text size in use (up to 200 %), never scrolled sideways.
    void fitRail();
    void showWarning(int secondsLeft);
    // A page of the rail, with the Alt+`letter` that opens it from anywhere in the shell.
    void addPage(const QString &title, QWidget *page, const QString &letter);
    void yieldRailShortcuts();
    void showPage(QWidget *page);
    // Dialogs and menus of the window (a consent being read, a mandate, a file chooser) close as if cancelled.
    void closeDialogs();
    void showAccompaniment();

    Vault *m_vault;
    Session *m_session;
    QPointer<Workspace> m_workspace;
    ElidedLabel *m_structure;
    ElidedLabel *m_person;
    Accompaniment *m_accompaniment;
    QWidget *m_accompanimentBar;
    QLabel *m_accompanimentText;
    QWidget *m_warning;
    QLabel *m_warningText;
    QListWidget *m_rail;
    QStackedWidget *m_pages;
    catalogue::CatalogueStore m_catalogue;
    HomePage *m_home;
    CitizensPage *m_citizens;
    DemarchesPage *m_demarches;
    OutboxPage *m_outbox;
    AdminPage *m_admin;
    QList<QShortcut *> m_railShortcuts;
    bool m_hidden = false;
    int m_hiddenRow = -1;
};

} // namespace relais::ui
