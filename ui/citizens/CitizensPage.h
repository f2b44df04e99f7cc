#pragma once

#include "domain/Citizen.h"
#include "security/Account.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace relais {
class CitizenRepository;
class Vault;
class Workspace;
namespace catalogue {
class CatalogueStore;
}
} // namespace relais

namespace relais::ui {

class Accompaniment;
class CitizenFilePage;
class CitizenListModel;

// Usagers: find a citizen's file as one types (name, date of birth or phone), open it, or create a new one. The
// file opens in place, in the same page; "Back to the search" returns to the results. While an accompaniment lasts
// the search is put away (it would list other people's names beside the person being helped): the page offers the
// person's file and says that ending the accompaniment brings the search back.
class CitizensPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int SearchDelayMs = 150;

    CitizensPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent = nullptr);
    ~CitizensPage() override;

    // A new person signs in: the search and any open file are cleared; the files shown are theirs to see.
    void setWorkspace(Workspace *workspace);
    // The shell's accompaniment, followed: while it lasts no search, no other person's file.
    void setAccompaniment(Accompaniment *accompaniment);
    // The session ends: nothing of a citizen stays on screen.
    void leave();
    // The session locks: the search, the results and the open file leave the screen. Which file was open, and what
    // was typed in it and not saved yet, is kept aside (off screen) for resumeWork() to bring back on unlock.
    void hideWork();
    void resumeWork();
    // Opens a file (journaled as opened). False, with the reason shown, if it cannot be opened.
    bool openFile(qint64 citizenId);
    // An empty file to fill in, identity first.
    void newFile();
    void showSearch();
    // Runs the search now rather than after the short pause that follows typing.
    void searchNow();

    QLineEdit *searchField() const { return m_search; }
    QListView *resultList() const { return m_list; }
    CitizenListModel *results() const { return m_model; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *volunteerNote() const { return m_volunteerNote; }
    QPushButton *newButton() const { return m_new; }
    QLabel *errorLabel() const { return m_error; }
    CitizenFilePage *filePage() const { return m_file; }
    // What the page shows instead of the search during an accompaniment.
    QWidget *contextPane() const { return m_contextPane; }

Q_SIGNALS:
    void startDemarcheRequested(qint64 citizenId);
    void resumeDraftRequested(qint64 submissionId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showResults(int count);
    void openCurrent();
    bool accompanying() const;
    // The search, or during an accompaniment the person in context, on the search pane's place.
    void showSearchOrContext();
    void accompanimentChanged();

    Vault *m_vault;
    Account m_account;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    CitizenRepository *m_citizens = nullptr;
    QStackedWidget *m_stack;
    QWidget *m_searchPane;
    QWidget *m_contextPane;
    QLabel *m_contextPerson;
    QPushButton *m_openContextFile;
    QPointer<Accompaniment> m_accompaniment;
    bool m_locked = false; // hideWork() to resumeWork(): not even the person in context is named
    // Another person's file with unsaved changes, put aside when an accompaniment began: back when it ends.
    qint64 m_asideFile = 0;
    std::optional<Citizen> m_asideEdits;
    QLineEdit *m_search;
    QLabel *m_volunteerNote;
    QLabel *m_state;
    QListView *m_list;
    CitizenListModel *m_model;
    QPushButton *m_new;
    QLabel *m_error;
    QTimer *m_debounce;
    CitizenFilePage *m_file;
    // While locked: whether a file was shown, which (0: a new one), and its unsaved edits.
    bool m_hiddenOnFile = false;
    qint64 m_hiddenFile = 0;
    std::optional<Citizen> m_hiddenEdits;
};

} // namespace relais::ui
