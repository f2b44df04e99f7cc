#pragma once

#include "common/PaperOutput.h"
#include "domain/Citizen.h"
#include "domain/Consents.h"
#include "security/Account.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QGroupBox;
class QLabel;
class QListWidget;
class QPagedPaintDevice;
class QPrinter;
class QPushButton;
class QVBoxLayout;

namespace relais {
class AttachmentStore;
class CitizenExport;
class CitizenRepository;
class Mandates;
class Vault;
class Workspace;
namespace catalogue {
class CatalogueStore;
}
} // namespace relais

namespace relais::ui {

class CitizenEditor;

// One citizen's file: identity and note (rectification), consents, mandates, démarches, documents kept, and the
// person's rights (access export, erasure, merge of a duplicate). A new file starts with the identity alone; the
// rest appears once it is saved, and the "file" consent must be recorded before any démarche.
class CitizenFilePage : public QWidget
{
    Q_OBJECT
public:
    // The folder to save a paper in and the printer: the system's dialogs (PaperOutput), replaced in tests.
    using PathChooser = PaperOutput::PathChooser;
    using PrinterChooser = PaperOutput::PrinterChooser;
    // The papers handed over to the person; journaled by these ids when saved to a folder, never by whose they are.
    enum class Paper
    {
        ConsentForm,
        MandateAttestation,
        AccessExport,
    };
    static QString paperId(Paper paper); // "consent_form", "mandate_attestation", "access_export"

    CitizenFilePage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent = nullptr);
    ~CitizenFilePage() override;

    // The session's workspace (its account, its repositories and the changes it announces).
    void setWorkspace(Workspace *workspace);
    // Opens an existing file for the mediator to see it (journaled). False, with lastError(), if it cannot.
    bool open(qint64 citizenId);
    void startNew();
    // Empties every field: nothing of the person stays in the widgets.
    void clear();
    void focusTop();
    QString lastError() const { return m_lastError; }

    qint64 citizenId() const { return m_citizen.id; }
    const Citizen &citizen() const { return m_citizen; }
    bool isNew() const { return m_citizen.id == 0; }

    // Saves the identity (creates the file the first time). False with the problems shown under their fields.
    bool save();
    // The actions behind the buttons, each with its dialog.
    bool recordConsent(ConsentPurpose purpose);
    bool withdrawConsent(ConsentPurpose purpose);
    // Papers go to the printer by default: nothing of the person stays on this computer. Saving one is the explicit
    // choice of a folder (the person's USB key), said to be unprotected, and journaled.
    bool printConsentForm();
    bool saveConsentForm();
    bool newMandate(const QString &preselectedScope = QString());
    bool revokeScope(qint64 mandateId, const QString &scope);
    // Asks whether to print the data held about the person or to save it (PDF and JSON) in a folder.
    bool exportAccess();
    bool printAccessExport();
    bool saveAccessExport();
    bool eraseFile();
    bool mergeDuplicate();
    // Keeps a document of one of the person's démarches in their file (needs the "documents" consent), then shows
    // it under "Documents kept". False, with the reason on the page, if it is refused.
    bool keepDocument(qint64 attachmentId);

    void setPrinterChooser(PrinterChooser chooser) { m_paper.setPrinterChooser(std::move(chooser)); }
    void setFolderChooser(PathChooser chooser) { m_paper.setFolderChooser(std::move(chooser)); }

    // "Back", the name and the actions: the file's words in a few places a test or a person looks at.
    QLabel *titleLabel() const { return m_title; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *errorLabel() const { return m_error; }
    QWidget *consentBanner() const { return m_banner; }
    CitizenEditor *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *eraseButton() const { return m_erase; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *newMandateButton() const { return m_newMandate; }
    QListWidget *demarcheList() const { return m_demarches; }
    QListWidget *documentList() const { return m_documents; }
    QGroupBox *documentsGroup() const { return m_documentsGroup; }
    QListWidget *keepableList() const { return m_keepable; }
    QPushButton *keepButton() const { return m_keep; }
    QWidget *consentRows() const { return m_consentRows; }
    QWidget *mandateRows() const { return m_mandateRows; }

    // A submission's state in the mediator's words.

Q_SIGNALS:
    void backRequested();
    void startDemarcheRequested(qint64 citizenId);
    void resumeDraftRequested(qint64 submissionId);
    void erased();

private:
    void refresh();
    // The store changed: the open file's sections are read again once the event loop comes back.
    void queueRefresh();
    void refreshConsents();
    void refreshMandates();
    void refreshDemarches();
    void refreshDocuments();
    void refreshKeepable(const QSet<qint64> &keptIds, const QSet<QByteArray> &keptBytes);
    void report(const QString &message);
    void fail(const QString &message);
    QString structureName() const;
    // Sends a paper to the printer the mediator chooses; false if cancelled or refused (reason shown).
    bool printPaper(Paper paper, const std::function<Status(QPagedPaintDevice *)> &paint);
    // Warns that a saved file is not protected, asks for the folder, writes (the names written go in `written`),
    // journals "document_saved_to_folder" with the paper's kind. False if cancelled or refused (reason shown).
    bool savePaper(Paper paper, const std::function<Status(const QString &folder, QStringList *written)> &write);
    // The start of a saved paper's file name: the day and the file's reference, never the person's name.
    QString paperFileStem() const;

    Vault *m_vault;
    const catalogue::CatalogueStore *m_catalogue;
    Account m_account;
    Citizen m_citizen;
    QString m_lastError;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    CitizenRepository *m_citizens = nullptr;
    Consents *m_consents = nullptr;
    Mandates *m_mandates = nullptr;
    AttachmentStore *m_attachments = nullptr;
    std::unique_ptr<CitizenExport> m_exporter;
    bool m_refreshQueued = false;
    PaperOutput m_paper; // the same printing and saving as the récépissé's

    QLabel *m_title;
    QPushButton *m_back;
    QPushButton *m_start;
    QLabel *m_message;
    QLabel *m_error;
    QWidget *m_banner;
    CitizenEditor *m_editor;
    QPushButton *m_save;
    QList<QWidget *> m_existingOnly; // the sections shown once the file exists
    QWidget *m_consentRows;
    QVBoxLayout *m_consentLayout;
    QPushButton *m_printConsent;
    QPushButton *m_saveConsent;
    QWidget *m_mandateRows;
    QVBoxLayout *m_mandateLayout;
    QPushButton *m_newMandate;
    QListWidget *m_demarches;
    QPushButton *m_openDraft;
    QGroupBox *m_documentsGroup;
    QListWidget *m_documents;
    QLabel *m_keepableTitle;
    QListWidget *m_keepable; // the démarches' documents not kept yet
    QPushButton *m_keep;
    QPushButton *m_export;
    QPushButton *m_erase;
    QPushButton *m_merge;
    QHash<QPushButton *, QLabel *> m_rightHints;
};

} // namespace relais::ui
