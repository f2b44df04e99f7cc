#pragma once

#include "catalogue/FormEngine.h"
#include "common/Result.h"
#include "domain/SubmissionRepository.h"

#include <QObject>
#include <QTimer>

namespace relais {

// One draft being filled in: the form engine holding its answers, and the automatic save. Every change (an answer,
// an item added or removed, the section the mediator moves to) is saved at most `saveDelay` after the last one, in
// one statement (DESIGN §5): after a crash the draft reopens with its answers and section. The kiosk's form pages
// and the tests drive it; it holds no widget.
class DraftEditor : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultSaveDelayMs = 500; // well inside the second promised to mediators

    // Opens `submission` (a draft of `demarche`) with its saved answers. Answers the démarche no longer has (a newer
    // version removed the field) are listed by droppedAnswers().
    // Every save and the sending are made as `actor` (Access applies to each).
    DraftEditor(SubmissionRepository *repository, Account actor, catalogue::DemarchePtr demarche,
                const Submission &submission, const Clock *clock, QObject *parent = nullptr);
    ~DraftEditor() override;

    catalogue::FormEngine &engine() { return m_engine; }
    const catalogue::FormEngine &engine() const { return m_engine; }
    const Submission &submission() const { return m_submission; }
    const Account &actor() const { return m_actor; }
    const QStringList &droppedAnswers() const { return m_dropped; }

    bool setValue(const QString &path, const QVariant &value);
    int addItem(const QString &groupId);
    bool removeItem(const QString &groupId, int item);
    void setCurrentSection(const QString &sectionId);
    QString currentSection() const { return m_section; }

    // The required documents the mediator ticked as "seen, not attached" (kept with the draft).
    const QStringList &checkedDocuments() const { return m_documents; }
    void setDocumentChecked(const QString &documentId, bool checked);
    // A required document attached to the form (the attachment's field value, as an attachment field holds it);
    // empty when none. setValue(documentPath(id), value) attaches it (an empty value removes it).
    QVariantMap documentFile(const QString &documentId) const { return m_documentFiles.value(documentId); }
    // The path a required document's attachment is stored under (AttachmentStore's field): "$document:<id>".
    static QString documentPath(const QString &documentId);
    // Required documents (for the current answers) neither attached nor ticked as seen.
    QStringList missingDocuments() const;

    void setSaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    bool hasUnsavedChanges() const { return m_dirty; }
    // Saves now if anything changed (before a lock, a sign-out, leaving the form).
    Status saveNow();
    // Checks every answer and that every required document was ticked, freezes the submission with the canonical
    // answers and the démarche version, and puts it in the queue. Refused (nothing changes) while the form has errors.
    Status send();
    bool isSent() const { return m_sent; }

Q_SIGNALS:
    void saved();
    void saveFailed(const QString &message);

private:
    void changed();

    SubmissionRepository *m_repository;
    Account m_actor;
    Submission m_submission;
    catalogue::FormEngine m_engine;
    QStringList m_dropped;
    QStringList m_documents;
    QHash<QString, QVariantMap> m_documentFiles;
    QString m_section;
    QTimer m_timer;
    bool m_dirty = false;
    bool m_sent = false;
};

} // namespace relais
