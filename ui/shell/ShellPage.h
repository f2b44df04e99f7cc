#pragma once

#include "catalogue/Catalogue.h"
#include "security/Account.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace relais {
class Vault;
class Session;
namespace sync {
class SyncEngine;
}
} // namespace relais

namespace relais::ui {

class AdminPage;
class CitizensPage;
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

    void enter(const Account &account);
    QListWidget *rail() const { return m_rail; }
    QStackedWidget *pages() const { return m_pages; }
    QWidget *idleWarning() const { return m_warning; }
    AdminPage *adminPage() const { return m_admin; }
    CitizensPage *citizensPage() const { return m_citizens; }
    DemarchesPage *demarchesPage() const { return m_demarches; }
    OutboxPage *outboxPage() const { return m_outbox; }
    // The sync engine of the open store (nullptr once it closes): the outbox page drives it.
    void setEngine(sync::SyncEngine *engine);
    // A catalogue the platform sent (its signature already checked) replaces the bundled one when it is newer and
    // readable; a démarche being filled keeps the version it was opened with.
    void applyPlatformCatalogue(const QByteArray &document);
    const catalogue::CatalogueStore &catalogue() const { return m_catalogue; }
    // The session ends and the store is about to close: open work is saved and put away.
    void leave();
    // The window title says where the person is: the structure, or the démarche being filled in.
    void updateWindowTitle();

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
    void addPage(const QString &title, QWidget *page);
    void showPage(QWidget *page);

    Vault *m_vault;
    Session *m_session;
    QLabel *m_structure;
    QLabel *m_person;
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
};

} // namespace relais::ui
