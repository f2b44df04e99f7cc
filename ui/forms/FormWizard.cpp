#include "FormWizard.h"

#include "AttachmentFieldEditor.h"
#include "GroupFieldEditor.h"
#include "common/Ui.h"
#include "domain/DraftEditor.h"
#include "theme/Theme.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTime>
#include <QVBoxLayout>

namespace relais::ui {

using catalogue::FieldDefinition;
using catalogue::FieldType;

namespace {

bool isEmptyAnswer(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return v.toString().trimmed().isEmpty();
    case QMetaType::QVariantMap:
        return v.toMap().isEmpty();
    case QMetaType::QStringList:
    case QMetaType::QVariantList:
        return v.toList().isEmpty();
    default:
        return false;
    }
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        } else if (QLayout *inner = item->layout()) {
            clearLayout(inner);
        }
        delete item;
    }
}

} // namespace

FormWizard::FormWizard(std::unique_ptr<DraftEditor> draft, const FormContext &context, QWidget *parent)
    : QWidget(parent), m_draft(std::move(draft)), m_context(context)
{
    m_context.draft = m_draft.get();
    const catalogue::Demarche &demarche = m_draft->engine().demarche();
    const QString language = m_context.language;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    // Everything but the page's error and the buttons scrolls, as one: at 200 % text on a small screen, under the
    // shell's bars, the title, the summary, the prefilled note and the step's answers get the height they need (a
    // word-wrapped label squeezed by its layout is cut) and the way on stays in view.
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("formScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the answers; the area scrolls to follow the focus
    auto *content = new QWidget;
    auto *body = new QVBoxLayout(content);
    body->setContentsMargins(0, 0, 12, 0); // room for the scroll bar, away from the answers
    m_scroll->setWidget(content);
    layout->addWidget(m_scroll, 1);
    m_title = makeLabel(demarche.title.text(language), "title");
    m_summary = makeLabel(demarche.summary.text(language), "hint");
    m_progress = makeLabel(QString(), "subtitle");
    m_progress->setObjectName(QStringLiteral("formProgress"));
    m_progressBar = new QProgressBar;
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(10);
    m_progressBar->setAccessibleName(tr("Progress in the démarche"));
    m_saved = makeLabel(QString(), "hint");
    m_saved->setObjectName(QStringLiteral("savedState"));
    body->addWidget(m_title);
    body->addWidget(m_summary);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_saved);
    body->addLayout(progressRow);
    body->addWidget(m_progressBar);
    m_prefilledNote = makeLabel(QString(), "info");
    m_prefilledNote->setObjectName(QStringLiteral("prefilledNote"));
    m_prefilledNote->hide();
    body->addWidget(m_prefilledNote);

    // One page per step, only the current one shown: a hidden page takes no room (a stacked widget would be as tall
    // as its tallest page, and scroll the short ones over empty space).
    for (const catalogue::Section &section : demarche.sections) {
        QWidget *page = buildSection(section);
        m_pages.insert(section.id, page);
        body->addWidget(page);
    }
    m_documents = buildDocuments();
    m_pages.insert(documentsStep(), m_documents);
    body->addWidget(m_documents);
    m_review = new QWidget;
    m_review->setObjectName(QStringLiteral("review"));
    m_reviewLayout = new QVBoxLayout(m_review);
    m_reviewLayout->setContentsMargins(0, 8, 0, 8);
    m_pages.insert(reviewStep(), m_review);
    body->addWidget(m_review);
    for (QWidget *page : std::as_const(m_pages))
        page->hide();
    body->addStretch();

    m_pageError = makeErrorLabel();
    m_pageError->setObjectName(QStringLiteral("pageError"));
    layout->addWidget(m_pageError);

    auto *footer = new QHBoxLayout;
    m_close = new QPushButton(tr("&Close (the draft is kept)"));
    m_back = new QPushButton(tr("&Back"));
    m_next = new QPushButton(tr("&Next"));
    m_next->setProperty("primary", true);
    m_send = new QPushButton(tr("&Send the démarche"));
    m_send->setProperty("primary", true);
    // From 175 % text the four buttons on one row are wider than a 1366 px screen in French (« Fermer (le brouillon
    // est gardé) »): « Close » gets a row of its own above the others, rather than widen the window off the screen.
    if (Theme::textScalePercent() >= 175) {
        auto *closeRow = new QHBoxLayout;
        closeRow->addWidget(m_close);
        closeRow->addStretch();
        layout->addLayout(closeRow);
    } else {
        footer->addWidget(m_close);
    }
    footer->addStretch();
    footer->addWidget(m_back);
    footer->addWidget(m_next);
    footer->addWidget(m_send);
    layout->addLayout(footer);

    connect(m_next, &QPushButton::clicked, this, &FormWizard::next);
    connect(m_back, &QPushButton::clicked, this, &FormWizard::back);
    connect(m_send, &QPushButton::clicked, this, &FormWizard::send);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (Status s = m_draft->saveNow(); !s) {
            showPageError(s.error().message);
            return;
        }
        Q_EMIT closeRequested();
    });
    connect(m_draft.get(), &DraftEditor::saved, this, [this] {
        m_saved->setText(
            tr("Draft saved at %1")
                .arg(QLocale().toString(m_draft->engine().clock()->now().toLocalTime().time(), QLocale::ShortFormat)));
    });
    connect(m_draft.get(), &DraftEditor::saveFailed, this, [this](const QString &message) {
        m_saved->setText(tr("Not saved"));
        showPageError(tr("The draft could not be saved: %1").arg(message));
    });

    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now)
            scrollToFocus(now);
    });

    refreshVisibility();
    (void)m_draft->engine().takeChanges();
    computeSteps();
    const int start = m_steps.indexOf(m_draft->currentSection());
    showStep(start >= 0 ? start : 0);
}

FormWizard::~FormWizard()
{
    // Children go after this destructor (a focused input says "left" as it goes), and the draft saves what is left
    // after that: none of them may call into this widget any more.
    const QList<FieldEditor *> editors = findChildren<FieldEditor *>();
    for (FieldEditor *editor : editors)
        disconnect(editor, nullptr, this, nullptr);
    disconnect(m_draft.get(), nullptr, this, nullptr);
    disconnect(qApp, nullptr, this, nullptr); // the focus moves as the children go
}

QWidget *FormWizard::buildSection(const catalogue::Section &section)
{
    const catalogue::Demarche &demarche = m_draft->engine().demarche();
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("section:") + section.id);
    auto *l = new QVBoxLayout(page);
    l->setContentsMargins(0, 8, 0, 8);
    l->addWidget(makeLabel(section.title.text(m_context.language), "subtitle"));
    for (int index : section.fields) {
        const FieldDefinition &field = demarche.fields.at(index);
        FieldEditor *editor = FieldEditor::create(field, field.id, &m_context, page);
        connect(editor, &FieldEditor::edited, this, &FormWizard::fieldEdited);
        connect(editor, &FieldEditor::left, this, &FormWizard::fieldLeft);
        l->addWidget(editor);
    }
    l->addStretch();
    return page;
}

QWidget *FormWizard::buildDocuments()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("documents"));
    m_documentsLayout = new QVBoxLayout(page);
    m_documentsLayout->setContentsMargins(0, 8, 0, 8);
    return page;
}

FieldEditor *FormWizard::editor(const QString &path) const
{
    return findChild<FieldEditor *>(QStringLiteral("field:") + path);
}

QCheckBox *FormWizard::documentCheck(const QString &documentId) const
{
    return m_documentChecks.value(documentId);
}

AttachmentFieldEditor *FormWizard::documentAttachment(const QString &documentId) const
{
    return m_documents->findChild<AttachmentFieldEditor *>(QStringLiteral("field:") +
                                                           DraftEditor::documentPath(documentId));
}

// One required document: attach it (a file, the scanner, the person's file), as an attachment answer does, or tick
// that it was seen and not attached. Either one lets the démarche go.
QWidget *FormWizard::buildDocument(const catalogue::RequiredDocument &document)
{
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("document:") + document.id);
    auto *l = new QVBoxLayout(row);
    l->setContentsMargins(0, 0, 0, 8);
    FieldDefinition field;
    field.id = DraftEditor::documentPath(document.id);
    field.type = FieldType::Attachment;
    field.label = document.label;
    const QString name = document.label.text(m_context.language);
    auto *attach = static_cast<AttachmentFieldEditor *>(FieldEditor::create(field, field.id, &m_context, row));
    attach->load(m_draft->documentFile(document.id));
    attach->setChooseText(tr("Attach a file…"));
    l->addWidget(attach);
    auto *seen = new QCheckBox(tr("Seen, not attached"));
    seen->setObjectName(QStringLiteral("documentSeen:") + document.id);
    seen->setAccessibleName(QStringLiteral("%1 : %2").arg(name, seen->text()));
    seen->setChecked(m_draft->checkedDocuments().contains(document.id));
    l->addWidget(seen);
    m_documentChecks.insert(document.id, seen);
    const auto settled = [this] {
        // The reason not to send goes once every document is attached or seen.
        if (m_pageError->isVisible() && m_draft->missingDocuments().isEmpty())
            clearError(m_pageError);
    };
    connect(seen, &QCheckBox::toggled, this, [this, id = document.id, settled](bool on) {
        m_draft->setDocumentChecked(id, on);
        settled();
    });
    connect(attach, &FieldEditor::edited, this, settled);
    return row;
}

void FormWizard::computeSteps()
{
    const QString current = currentStep();
    const catalogue::FormEngine &engine = m_draft->engine();
    QStringList steps;
    // A step with nothing to show (every field hidden by the answers) is skipped, as is the documents step when the
    // answers need none.
    for (const catalogue::Section &section : engine.demarche().sections) {
        if (!engine.isSectionVisible(section.id))
            continue;
        bool shows = false;
        for (int index : section.fields)
            shows = shows || engine.isVisible(engine.demarche().fields.at(index).id);
        if (shows)
            steps << section.id;
    }
    if (!engine.requiredDocuments().isEmpty())
        steps << documentsStep();
    steps << reviewStep();
    m_steps = steps;
    if (!current.isEmpty() && m_steps.contains(current))
        m_current = int(m_steps.indexOf(current));
    m_current = qBound(0, m_current, int(m_steps.size()) - 1);
}

void FormWizard::showStep(int index, bool focusFirst)
{
    m_current = qBound(0, index, int(m_steps.size()) - 1);
    const QString step = currentStep();
    m_draft->setCurrentSection(step);
    clearError(m_pageError);
    m_errorSummaryShown = false;

    if (step == documentsStep()) {
        clearLayout(m_documentsLayout);
        m_documentChecks.clear();
        m_documentsLayout->addWidget(makeLabel(stepTitle(step), "subtitle"));
        const QVector<catalogue::RequiredDocument> documents = m_draft->engine().requiredDocuments();
        m_documentsLayout->addWidget(makeLabel(tr("For each document, attach it to the form (a file or the scanner), "
                                                  "or tick “Seen, not attached” once you have seen it."),
                                               "hint"));
        for (const catalogue::RequiredDocument &document : documents)
            m_documentsLayout->addWidget(buildDocument(document));
        m_documentsLayout->addStretch();
    } else if (step == reviewStep()) {
        rebuildReview();
    }
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        it.value()->setVisible(it.key() == step);
    m_scroll->verticalScrollBar()->setValue(0); // a new step is read from its top
    showProgress();
    updatePrefilledNote();
    m_summary->setVisible(m_current == 0);
    m_back->setEnabled(m_current > 0);
    const bool review = step == reviewStep();
    m_next->setVisible(!review);
    m_send->setVisible(review);
    m_next->setDefault(!review);
    m_send->setDefault(review);
    QAccessibleEvent event(m_progress, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);

    if (focusFirst)
        focusFirstAnswer();
}

void FormWizard::setPersonName(const QString &name)
{
    m_personName = name;
    if (currentStep() == reviewStep())
        rebuildReview();
}

void FormWizard::showPrefilled(const QStringList &paths)
{
    m_prefilled = paths;
    updatePrefilledNote();
}

void FormWizard::updatePrefilledNote()
{
    // The answers of this step that came from the file: the person checks them rather than dictating them again.
    const catalogue::Demarche &demarche = m_draft->engine().demarche();
    QStringList here;
    for (const QString &path : std::as_const(m_prefilled)) {
        const int index = demarche.fieldIndex(path);
        if (index < 0 || !m_draft->engine().isVisible(path))
            continue;
        const FieldDefinition &field = demarche.fields.at(index);
        if (demarche.sections.value(field.section).id == currentStep())
            here << field.label.text(m_context.language);
    }
    m_prefilledNote->setText(here.isEmpty() ? QString()
                                            : tr("Prefilled from the file: %1. Check with the person that it is "
                                                 "still right.")
                                                  .arg(here.join(QStringLiteral(", "))));
    m_prefilledNote->setVisible(!here.isEmpty());
}

void FormWizard::focusFirstAnswer()
{
    const QString step = currentStep();
    const bool review = step == reviewStep();
    QWidget *target = review ? m_send : nullptr;
    if (!review) {
        for (FieldEditor *e : editorsOfStep(step)) {
            if (e->isVisibleTo(this) && e->focusTarget()) {
                target = e->focusTarget();
                break;
            }
        }
        if (!target && step == documentsStep()) {
            const QList<AttachmentFieldEditor *> documents = m_documents->findChildren<AttachmentFieldEditor *>();
            for (AttachmentFieldEditor *d : documents)
                if (!d->isHidden()) {
                    target = d->focusTarget();
                    break;
                }
        }
    }
    (target ? target : m_next)->setFocus(Qt::TabFocusReason);
    if (target)
        scrollToFocus(target); // it may have had the focus already: no focusChanged then
}

void FormWizard::scrollToFocus(QWidget *focused)
{
    // A focus below the fold is a focus nobody sees: at 200 % text the first answer of a step, a new entry of a
    // group or the first error can be there. Once what was just shown is laid out, the area scrolls as little as it
    // takes to show it (Tab does this itself; a focus given by the form does not).
    if (!m_scroll->widget()->isAncestorOf(focused))
        return;
    QMetaObject::invokeMethod(
        m_scroll,
        [scroll = m_scroll, focused = QPointer<QWidget>(focused)] {
            if (focused && focused->hasFocus())
                scroll->ensureWidgetVisible(focused);
        },
        Qt::QueuedConnection);
}

QString FormWizard::stepTitle(const QString &step) const
{
    if (step == documentsStep())
        return tr("Documents to provide");
    if (step == reviewStep())
        return tr("Review and send");
    const catalogue::Demarche &demarche = m_draft->engine().demarche();
    return demarche.sections.at(demarche.sectionIndex(step)).title.text(m_context.language);
}

void FormWizard::showProgress()
{
    m_progress->setText(tr("Step %1 of %2: %3").arg(m_current + 1).arg(m_steps.size()).arg(stepTitle(currentStep())));
    m_progressBar->setRange(0, int(m_steps.size()));
    m_progressBar->setValue(m_current + 1);
}

QList<FieldEditor *> FormWizard::editorsOfStep(const QString &step) const
{
    QWidget *page = m_pages.value(step);
    return page ? page->findChildren<FieldEditor *>() : QList<FieldEditor *>();
}

void FormWizard::goToStep(const QString &step)
{
    const int index = int(m_steps.indexOf(step));
    if (index >= 0)
        showStep(index);
}

void FormWizard::refreshVisibility()
{
    const catalogue::FormEngine &engine = m_draft->engine();
    const QList<FieldEditor *> editors = findChildren<FieldEditor *>();
    for (FieldEditor *e : editors) {
        const bool visible = engine.isVisible(e->path());
        if (e->isVisibleTo(e->parentWidget()) != visible)
            e->setVisible(visible);
    }
}

void FormWizard::fieldEdited(const QString &path)
{
    catalogue::FormEngine &engine = m_draft->engine();
    const catalogue::VisibilityChanges changes = engine.takeChanges();
    if (!changes.isEmpty() || qobject_cast<GroupFieldEditor *>(editor(path)))
        refreshVisibility();
    // Sections, fields and required documents follow the answers: so do the steps.
    const QStringList before = m_steps;
    computeSteps();
    if (m_steps != before)
        showProgress();
    // An error on screen follows the typing, and goes as soon as the answer is right.
    if (FieldEditor *e = editor(path); e && e->hasError())
        e->setError(engine.errorFor(path));
    updateErrorSummary();
}

void FormWizard::updateErrorSummary()
{
    if (!m_errorSummaryShown)
        return;
    const int count = int(m_draft->engine().errors(currentStep()).size());
    if (count == 0) {
        clearError(m_pageError);
        m_errorSummaryShown = false;
        return;
    }
    // In place, without a new alert: each field already says its own error as it changes.
    m_pageError->setText(tr("%n answer(s) need your attention before going on.", nullptr, count));
}

void FormWizard::fieldLeft(const QString &path)
{
    FieldEditor *e = editor(path);
    if (!e)
        return;
    // Leaving an empty answer is not an error yet: the mediator may come back to it. "Next" says what is missing.
    if (isEmptyAnswer(m_draft->engine().value(path)) && !e->hasError())
        return;
    e->setError(m_draft->engine().errorFor(path));
}

bool FormWizard::next()
{
    const QString step = currentStep();
    if (step != documentsStep() && step != reviewStep()) {
        const QVector<catalogue::FieldError> errors = m_draft->engine().errors(step);
        FieldEditor *first = nullptr;
        for (FieldEditor *e : editorsOfStep(step)) {
            QString message;
            for (const catalogue::FieldError &error : errors) {
                if (error.path == e->path()) {
                    message = error.message;
                    break;
                }
            }
            e->setError(message);
            if (!message.isEmpty() && !first)
                first = e;
        }
        if (!errors.isEmpty()) {
            showPageError(tr("%n answer(s) need your attention before going on.", nullptr, int(errors.size())));
            m_errorSummaryShown = true;
            if (first) {
                m_scroll->ensureWidgetVisible(first);
                if (QWidget *target = first->focusTarget())
                    target->setFocus(Qt::TabFocusReason);
            }
            return false;
        }
    }
    if (m_current + 1 < m_steps.size())
        showStep(m_current + 1);
    return true;
}

void FormWizard::back()
{
    if (m_current > 0)
        showStep(m_current - 1);
}

bool FormWizard::send()
{
    const catalogue::FormEngine &engine = m_draft->engine();
    if (!engine.isComplete()) {
        // Back to the first section with something to correct, with its errors shown.
        for (const QString &step : std::as_const(m_steps)) {
            if (step.startsWith(QLatin1Char('#')) || engine.errors(step).isEmpty())
                continue;
            goToStep(step);
            next();
            return false;
        }
    }
    if (!m_draft->missingDocuments().isEmpty()) {
        goToStep(documentsStep());
        showPageError(tr("Attach each required document, or tick “Seen, not attached” once you have seen it."));
        return false;
    }
    if (Status s = m_draft->send(); !s) {
        showPageError(s.error().message);
        return false;
    }
    Q_EMIT sent(m_draft->submission().id);
    return true;
}

void FormWizard::showPageError(const QString &message)
{
    m_errorSummaryShown = false; // another message takes the place
    showError(m_pageError, message);
}

QString FormWizard::describe(const FieldDefinition &field, const QJsonValue &answer) const
{
    auto choiceLabel = [&](const QString &value) {
        for (const catalogue::Choice &c : field.choices)
            if (c.value == value)
                return c.label.text(m_context.language);
        return value;
    };
    switch (field.type) {
    case FieldType::YesNo:
        return answer.toBool() ? tr("Yes") : tr("No");
    case FieldType::SingleChoice:
        return choiceLabel(answer.toString());
    case FieldType::MultipleChoice: {
        QStringList labels;
        for (const QJsonValue &v : answer.toArray())
            labels << choiceLabel(v.toString());
        return labels.join(QStringLiteral(", "));
    }
    case FieldType::Date:
        return QLocale().toString(QDate::fromString(answer.toString(), Qt::ISODate), QLocale::ShortFormat);
    case FieldType::Money:
        return tr("%1 €").arg(QLocale().toString(answer.toString().toDouble(), 'f', 2));
    case FieldType::PostalCodeCommune:
    case FieldType::Address: {
        const QJsonObject o = answer.toObject();
        QStringList lines;
        for (const char *key : {"street", "complement"})
            if (const QString part = o.value(QLatin1String(key)).toString(); !part.isEmpty())
                lines << part;
        lines << QStringLiteral("%1 %2").arg(o.value(QLatin1String("postal_code")).toString(),
                                             o.value(QLatin1String("commune")).toString());
        return lines.join(QStringLiteral(", "));
    }
    case FieldType::Attachment:
        return tr("File “%1”").arg(answer.toObject().value(QLatin1String("filename")).toString());
    default:
        return answer.isDouble() ? QLocale().toString(answer.toDouble()) : answer.toString();
    }
}

void FormWizard::rebuildReview()
{
    clearLayout(m_reviewLayout);
    const catalogue::FormEngine &engine = m_draft->engine();
    const catalogue::Demarche &demarche = engine.demarche();
    const QJsonObject answers = engine.answers();
    auto *person = makeLabel(
        m_personName.isEmpty() ? tr("Démarche without a file") : tr("Démarche for %1").arg(m_personName), "subtitle");
    person->setObjectName(QStringLiteral("reviewPerson"));
    m_reviewLayout->addWidget(person);
    m_reviewLayout->addWidget(makeLabel(tr("Read the answers again with the citizen. Once sent, the démarche can "
                                           "no longer be changed here."),
                                        "hint"));
    // One grid per section, with the same width for the questions everywhere, so the answers line up.
    auto addRows = [&](QGridLayout *grid, const QVector<int> &fields, const QJsonObject &values, auto &self) -> void {
        for (int index : fields) {
            const FieldDefinition &field = demarche.fields.at(index);
            if (!values.contains(field.id))
                continue;
            const QString label = field.label.text(m_context.language);
            const int row = grid->rowCount();
            if (field.type == FieldType::RepeatedGroup) {
                const QJsonArray items = values.value(field.id).toArray();
                for (int i = 0; i < items.size(); ++i) {
                    grid->addWidget(makeLabel(tr("%1 — entry %2").arg(label).arg(i + 1), "field"), grid->rowCount(), 0,
                                    1, 2);
                    self(grid, field.children, items.at(i).toObject(), self);
                }
                continue;
            }
            auto *value = makeLabel(describe(field, values.value(field.id)), "info");
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            auto *name = makeLabel(label, "hint");
            name->setBuddy(value);
            grid->addWidget(name, row, 0, Qt::AlignTop);
            grid->addWidget(value, row, 1, Qt::AlignTop);
        }
    };
    for (const QString &step : std::as_const(m_steps)) {
        if (step.startsWith(QLatin1Char('#')))
            continue;
        const catalogue::Section &section = demarche.sections.at(demarche.sectionIndex(step));
        auto *header = new QHBoxLayout;
        header->addWidget(makeLabel(section.title.text(m_context.language), "subtitle"), 1);
        auto *modify = new QPushButton(tr("Modify"));
        modify->setAccessibleName(tr("Modify: %1").arg(section.title.text(m_context.language)));
        connect(modify, &QPushButton::clicked, this, [this, step] { goToStep(step); });
        header->addWidget(modify);
        m_reviewLayout->addLayout(header);
        auto *grid = new QGridLayout;
        grid->setColumnMinimumWidth(0, 320);
        grid->setColumnStretch(1, 1);
        grid->setHorizontalSpacing(16);
        addRows(grid, section.fields, answers, addRows);
        m_reviewLayout->addLayout(grid);
    }
    const QVector<catalogue::RequiredDocument> documents = engine.requiredDocuments();
    if (!documents.isEmpty()) {
        const int missing = int(m_draft->missingDocuments().size());
        m_reviewLayout->addWidget(makeLabel(tr("Documents"), "subtitle"));
        m_reviewLayout->addWidget(
            makeLabel(missing == 0 ? tr("All %n required document(s) checked.", nullptr, int(documents.size()))
                                   : tr("%n document(s) not checked yet.", nullptr, missing),
                      missing == 0 ? "info" : "error"));
    }
    m_reviewLayout->addStretch();
}

} // namespace relais::ui
