#pragma once

#include "FieldEditor.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace relais::ui {

class AttachmentFieldEditor;

// One démarche filled in step by step: a step per visible section, then the required documents, then a review of
// every answer before it is sent. The steps, fields and checks all come from the démarche's definition, through the
// form engine; this widget only shows them. Errors appear under their field when the mediator leaves it (or tries
// to go on), and are read out; "Next" does not move on while the section has errors and puts the keyboard on the
// first one. Everything is reachable from the keyboard: Tab, arrows, Space, Alt+N (next), Alt+B (back).
class FormWizard : public QWidget
{
    Q_OBJECT
public:
    static QString documentsStep() { return QStringLiteral("#documents"); }
    static QString reviewStep() { return QStringLiteral("#review"); }

    // Takes the draft; `context` gives where files go and the language (its draft is set here).
    FormWizard(std::unique_ptr<DraftEditor> draft, const FormContext &context, QWidget *parent = nullptr);
    ~FormWizard() override;

    DraftEditor *draft() const { return m_draft.get(); }
    QStringList steps() const { return m_steps; }
    QString currentStep() const { return m_steps.value(m_current); }
    void goToStep(const QString &step);
    // Moves to the next step if the current section has no error; false (errors shown, focus on the first) if not.
    bool next();
    void back();
    // From the review: sends the démarche to the queue. False (with the reason shown) if it cannot be sent yet.
    bool send();
    // The person the démarche is for, named on the review (empty: without a file).
    void setPersonName(const QString &name);
    // The fields taken from the person's file when the form opened: the steps holding them say so.
    void showPrefilled(const QStringList &paths);
    QLabel *prefilledNote() const { return m_prefilledNote; }
    // Puts the keyboard on the first answer of the current step (the send button on the review).
    void focusFirstAnswer();

    FieldEditor *editor(const QString &path) const;
    // The "Seen, not attached" box of a required document, and its attachment (on the documents step).
    QCheckBox *documentCheck(const QString &documentId) const;
    AttachmentFieldEditor *documentAttachment(const QString &documentId) const;
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *progressLabel() const { return m_progress; }
    QLabel *savedLabel() const { return m_saved; }
    QLabel *pageError() const { return m_pageError; }
    QWidget *reviewPage() const { return m_review; }

Q_SIGNALS:
    void sent(qint64 submissionId);
    void closeRequested();

private:
    QWidget *buildSection(const catalogue::Section &section);
    QWidget *buildDocuments();
    QWidget *buildDocument(const catalogue::RequiredDocument &document);
    void rebuildReview();
    void computeSteps();
    void showStep(int index, bool focusFirst = true);
    QString stepTitle(const QString &step) const;
    // "Step 2 of 5: New address" and the bar, from the current steps (sections come and go with the answers).
    void showProgress();
    void updatePrefilledNote();
    void fieldEdited(const QString &path);
    void fieldLeft(const QString &path);
    void refreshVisibility();
    QList<FieldEditor *> editorsOfStep(const QString &step) const;
    QString describe(const catalogue::FieldDefinition &field, const QJsonValue &answer) const;
    void showPageError(const QString &message);
    // Scrolls the step so that `focused`, which just got the keyboard, is in view (nothing if it is not in the step).
    void scrollToFocus(QWidget *focused);
    // The count of answers to correct, shown by "Next", follows the corrections and goes with the last one.
    void updateErrorSummary();

    std::unique_ptr<DraftEditor> m_draft;
    FormContext m_context;
    QStringList m_steps;
    int m_current = 0;
    bool m_errorSummaryShown = false;
    QHash<QString, QWidget *> m_pages; // by step
    QHash<QString, QCheckBox *> m_documentChecks;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_progress;
    QProgressBar *m_progressBar;
    QLabel *m_saved;
    QLabel *m_pageError;
    QLabel *m_prefilledNote;
    QStringList m_prefilled;
    QString m_personName;
    QScrollArea *m_scroll;
    QWidget *m_documents;
    QVBoxLayout *m_documentsLayout;
    QWidget *m_review;
    QVBoxLayout *m_reviewLayout;
    QPushButton *m_close;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_send;
};

} // namespace relais::ui
