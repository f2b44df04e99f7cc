#include "DraftEditor.h"

#include <QJsonArray>

namespace relais {

namespace {
// Where the draft keeps the ticked documents, beside the answers (a name no field id can take).
const QString DocumentsKey = QStringLiteral("$documents");
// Where it keeps the documents attached on the documents step, by document id.
const QString DocumentFilesKey = QStringLiteral("$document_files");
const QString DocumentPathPrefix = QStringLiteral("$document:");
} // namespace

DraftEditor::DraftEditor(SubmissionRepository *repository, Account actor, catalogue::DemarchePtr demarche,
                         const Submission &submission, const Clock *clock, QObject *parent)
    : QObject(parent), m_repository(repository), m_actor(std::move(actor)), m_submission(submission),
      m_engine(std::move(demarche), clock), m_section(submission.currentSection)
{
    QJsonObject answers = submission.answers;
    for (const QJsonValue &id : answers.take(DocumentsKey).toArray())
        m_documents << id.toString();
    const QJsonObject files = answers.take(DocumentFilesKey).toObject();
    for (auto it = files.begin(); it != files.end(); ++it)
        m_documentFiles.insert(it.key(), it.value().toObject().toVariantMap());
    m_dropped = m_engine.restoreDraft(answers);
    // A section this version no longer has: start again from the first (steps of the kiosk's own, such as the
    // review, begin with '#').
    if (!m_section.startsWith(QLatin1Char('#')) && m_engine.demarche().sectionIndex(m_section) < 0 &&
        !m_engine.demarche().sections.isEmpty())
        m_section = m_engine.demarche().sections.first().id;
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultSaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)saveNow(); }); // a failure is signalled
}

DraftEditor::~DraftEditor()
{
    // Leaving with unsaved answers (the page closed, the session ended): keep them.
    if (m_dirty)
        (void)saveNow();
}

void DraftEditor::changed()
{
    m_dirty = true;
    m_timer.start(); // debounced: typing restarts the wait
}

QString DraftEditor::documentPath(const QString &documentId)
{
    return DocumentPathPrefix + documentId;
}

bool DraftEditor::setValue(const QString &path, const QVariant &value)
{
    if (path.startsWith(DocumentPathPrefix)) {
        const QString id = path.mid(DocumentPathPrefix.size());
        if (value.toMap().isEmpty())
            m_documentFiles.remove(id);
        else
            m_documentFiles.insert(id, value.toMap());
        changed();
        return true;
    }
    if (!m_engine.setValue(path, value))
        return false;
    changed();
    return true;
}

int DraftEditor::addItem(const QString &groupId)
{
    const int item = m_engine.addItem(groupId);
    if (item >= 0)
        changed();
    return item;
}

bool DraftEditor::removeItem(const QString &groupId, int item)
{
    if (!m_engine.removeItem(groupId, item))
        return false;
    changed();
    return true;
}

void DraftEditor::setCurrentSection(const QString &sectionId)
{
    if (sectionId == m_section)
        return;
    m_section = sectionId;
    changed();
}

void DraftEditor::setDocumentChecked(const QString &documentId, bool checked)
{
    if (checked == m_documents.contains(documentId))
        return;
    if (checked)
        m_documents << documentId;
    else
        m_documents.removeAll(documentId);
    changed();
}

QStringList DraftEditor::missingDocuments() const
{
    QStringList missing;
    for (const catalogue::RequiredDocument &document : m_engine.requiredDocuments())
        if (!m_documents.contains(document.id) && !m_documentFiles.contains(document.id))
            missing << document.id;
    return missing;
}

Status DraftEditor::saveNow()
{
    m_timer.stop();
    if (!m_dirty || m_sent)
        return {};
    QJsonObject draft = m_engine.draft();
    if (!m_documents.isEmpty())
        draft.insert(DocumentsKey, QJsonArray::fromStringList(m_documents));
    if (!m_documentFiles.isEmpty()) {
        QJsonObject files;
        for (auto it = m_documentFiles.cbegin(); it != m_documentFiles.cend(); ++it)
            files.insert(it.key(), QJsonObject::fromVariantMap(it.value()));
        draft.insert(DocumentFilesKey, files);
    }
    const Status s = m_repository->saveDraft(m_actor, m_submission.id, draft, m_section);
    if (!s) {
        // Stay dirty: the next change, or leaving the form, tries again; the answers are still on screen.
        Q_EMIT saveFailed(s.error().message);
        return s;
    }
    m_dirty = false;
    Q_EMIT saved();
    return s;
}

Status DraftEditor::send()
{
    if (!m_engine.isComplete())
        return makeError(ErrorCode::InvalidInput, tr("Some answers are missing or need correcting."));
    if (!missingDocuments().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("Attach each required document, or tick “Seen, not attached” once you have seen it."));
    if (Status s = saveNow(); !s)
        return s;
    if (m_submission.demarcheVersion != m_engine.demarche().version) {
        if (Status s = m_repository->adoptVersion(m_actor, m_submission.id, m_engine.demarche().version); !s)
            return s;
        m_submission.demarcheVersion = m_engine.demarche().version;
    }
    if (Status s = m_repository->queue(m_actor, m_submission.id, m_engine.answers()); !s)
        return s;
    m_sent = true;
    m_dirty = false;
    return {};
}

} // namespace relais
