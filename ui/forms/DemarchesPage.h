#pragma once

#include "FieldEditor.h"
#include "common/PaperOutput.h"
#include "domain/Prefill.h"
#include "domain/Recepisse.h"
#include "domain/SubmissionRepository.h"
#include "security/Account.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace relais {
class AttachmentStore;
class CitizenRepository;
class Consents;
class Mandates;
struct Mandate;
class SubmissionRepository;
class Vault;
class Workspace;
namespace catalogue {
class CatalogueStore;
struct Demarche;
} // namespace catalogue
} // namespace relais

namespace relais::ui {

class Accompaniment;
class FormWizard;

// Démarches: the catalogue by operator (searchable), the drafts of the person signed in, and the form being filled
// in. Starting or resuming opens the step-by-step form in place; closing it keeps the draft; sending it puts it in
// the queue and it leaves the drafts.
class DemarchesPage : public QWidget
{
    Q_OBJECT
public:
    DemarchesPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent = nullptr);
    ~DemarchesPage() override;

    // The shell's accompaniment: the person in context decides which drafts show (theirs only), and starting or
    // resuming a démarche for someone makes them the person in context. Without one, the page works as before.
    void setAccompaniment(Accompaniment *accompaniment);
    // A new person: any open form is saved and closed, the lists are theirs.
    void setWorkspace(Workspace *workspace);
    // Saves and closes the open form (the session ends, the store is about to close); forgets what hideWork() kept.
    void leave();
    // Saves the open form now.
    void saveNow();
    // The session locks: the open form is saved and closed, the drafts list and the person leave the screen; only
    // their ids are kept, for resumeWork() to bring them back on unlock.
    void hideWork();
    void resumeWork();
    // The draft open in the form (0 when none).
    qint64 openDraftId() const;

    // Starts a draft for the person chosen (if any): refused without their "file" consent; a démarche with a
    // mandate area asks how it is done (the person present, or on their behalf under a mandate, existing or made
    // now, whose attestation is then offered to print). The fields the catalogue prefills come from the file.
    bool start(const QString &demarcheId);
    // The démarches started from now on are for this person (0: for nobody in particular).
    void setCitizen(qint64 citizenId);
    qint64 citizenId() const { return m_citizenId; }
    bool startFor(const QString &demarcheId, qint64 citizenId);
    bool resume(qint64 submissionId);
    void refresh();
    // The catalogue changed under the page (a newer one came from the platform): the list is rebuilt at once,
    // keeping what was typed in the search and the démarche chosen if it is still offered. An open form goes on
    // with the version it was started with.
    void catalogueUpdated();
    // Whether the platform can be reached now (the sync engine says so): what the page says about a démarche just
    // queued follows it.
    void setOnline(bool online);

    QTreeWidget *catalogueList() const { return m_catalogue; }
    QListWidget *draftList() const { return m_drafts; }
    QLineEdit *searchField() const { return m_search; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *resumeButton() const { return m_resume; }
    QLabel *message() const { return m_message; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *personLabel() const { return m_person; }
    FormWizard *wizard() const { return m_wizard; }
    // After sending: the récépissé to hand over, and the file's entries the answers would change.
    QPushButton *printReceiptButton() const { return m_printReceipt; }
    QPushButton *saveReceiptButton() const { return m_saveReceipt; }
    QWidget *fileUpdatePanel() const { return m_fileUpdate; }
    QPushButton *updateFileButton() const { return m_updateFile; }
    // The récépissé of the démarche last sent from this page (empty when none).
    const RecepisseContent &lastReceipt() const { return m_receipt; }
    bool printReceipt();
    bool saveReceipt();
    bool applyFileUpdate();
    PaperOutput &paperOutput() { return m_paper; }
    ScanFolder *scanFolder() const { return m_scanFolder.get(); }

Q_SIGNALS:
    void formOpened();
    void formClosed();
    // "Change the person": the mediator wants to choose someone else in Citizens.
    void citizenChangeRequested();

private:
    void fillCatalogue();
    void filter(const QString &text);
    // The first démarche the search leaves shown gets the keyboard; false when none is shown.
    bool goToFirstFound();
    void open(std::unique_ptr<DraftEditor> draft);
    void closeForm();
    void formSent(qint64 submissionId);
    void submissionChanged(qint64 submissionId);
    void configureScanFolder();
    // The checks before a démarche starts for the chosen person; false if it must not start (reason shown).
    bool readyToStart(const catalogue::Demarche &demarche);
    void showPerson();
    void showQueuedMessage();
    void accompanimentChanged();
    // "Present" (no mandate needed) or "on their behalf" (a mandate in force, or one made now); false: cancelled.
    bool chooseHowItIsDone(const catalogue::Demarche &demarche, const Citizen &person);
    // What chooseHowItIsDone answered, recorded with the draft that start() creates next.
    HowDone m_how;
    void offerAttestation(const Mandate &mandate, const Citizen &person);
    void showAfterSending(const QString &text);

    Vault *m_vault;
    const catalogue::CatalogueStore *m_catalogueStore;
    Account m_account;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    SubmissionRepository *m_submissions = nullptr;
    AttachmentStore *m_attachments = nullptr;
    std::unique_ptr<ScanFolder> m_scanFolder;
    CitizenRepository *m_citizens = nullptr;
    Consents *m_consents = nullptr;
    Mandates *m_mandates = nullptr;
    qint64 m_citizenId = 0;
    bool m_online = false;
    QString m_queuedTitle;      // the démarche the message says is queued, while it is on screen
    qint64 m_queuedId = 0;      // and its id, to take the message away once it has left the queue
    qint64 m_hiddenDraft = 0;   // while locked
    qint64 m_hiddenCitizen = 0; // while locked
    QWidget *m_personRow;
    QLabel *m_person;
    QStackedWidget *m_stack;
    QWidget *m_home;
    QLineEdit *m_search;
    QTreeWidget *m_catalogue;
    QPushButton *m_start;
    QListWidget *m_drafts;
    QPushButton *m_resume;
    QLabel *m_message;
    QLabel *m_error;
    FormWizard *m_wizard = nullptr;
    Accompaniment *m_accompaniment = nullptr;
    QWidget *m_noPersonRow;
    QStringList m_prefilled; // the fields the last start() took from the file
    RecepisseContent m_receipt;
    PaperOutput m_paper;
    QWidget *m_receiptRow;
    QPushButton *m_printReceipt;
    QPushButton *m_saveReceipt;
    QWidget *m_fileUpdate;
    QLabel *m_fileUpdateText;
    QPushButton *m_updateFile;
    Citizen m_updatedFile; // what the file becomes if the mediator agrees
};

} // namespace relais::ui
