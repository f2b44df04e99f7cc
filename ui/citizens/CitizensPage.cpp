#include "CitizensPage.h"

#include "CitizenEditor.h"
#include "CitizenFilePage.h"
#include "CitizenListModel.h"
#include "common/Ui.h"
#include "domain/CitizenRepository.h"
#include "domain/Workspace.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace relais::ui {

CitizensPage::CitizensPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent)
    : QWidget(parent), m_vault(vault)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    m_searchPane = new QWidget;
    auto *layout = new QVBoxLayout(m_searchPane);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(makeLabel(tr("Citizens"), "title"));
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *searchLabel = makeLabel(tr("&Find a file"), "field");
    auto *row = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setAccessibleName(tr("Find a file"));
    m_search->setPlaceholderText(tr("Name, date of birth (dd/mm/yyyy) or phone"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    searchLabel->setBuddy(m_search);
    m_new = new QPushButton(tr("&New file"));
    m_new->setToolTip(tr("Create the file of a person who has none yet (Alt+N)"));
    row->addWidget(m_search, 1);
    row->addWidget(m_new);
    layout->addWidget(searchLabel);
    layout->addLayout(row);
    m_volunteerNote = makeLabel(tr("You see the files you created."), "hint");
    m_volunteerNote->setObjectName(QStringLiteral("volunteerNote"));
    m_volunteerNote->hide();
    layout->addWidget(m_volunteerNote);
    m_state = makeLabel(QString(), "info");
    m_state->setObjectName(QStringLiteral("searchState"));
    layout->addWidget(m_state);
    m_model = new CitizenListModel(this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("citizenResults"));
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Files found"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(2);
    fitToContents(m_list);
    layout->addWidget(m_list, 1); // grows up to its rows (fitToContents), the stretch below takes the rest
    layout->addStretch(1);        // a few files found: their rows, not a tall empty box
    m_stack->addWidget(m_searchPane);

    // During an accompaniment: the person in context, and how to get the search back.
    m_contextPane = new QWidget;
    m_contextPane->setObjectName(QStringLiteral("citizensContext"));
    auto *context = new QVBoxLayout(m_contextPane);
    context->setContentsMargins(24, 16, 24, 16);
    context->addWidget(makeLabel(tr("Citizens"), "title"));
    m_contextPerson = makeLabel(QString(), "subtitle");
    m_contextPerson->setObjectName(QStringLiteral("contextPerson"));
    context->addWidget(m_contextPerson);
    m_openContextFile = new QPushButton(tr("Open the &file"));
    m_openContextFile->setObjectName(QStringLiteral("openContextFile"));
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_openContextFile);
    openRow->addStretch(1);
    context->addLayout(openRow);
    auto *why = makeLabel(tr("The search is put away during an accompaniment, so that no one else's name shows beside "
                             "the person you are helping. To find another person or create a file, end the "
                             "accompaniment (“End the accompaniment” above, or Ctrl+Shift+E)."),
                          "hint");
    why->setObjectName(QStringLiteral("contextHint"));
    why->setWordWrap(true);
    context->addWidget(why);
    context->addStretch(1);
    m_stack->addWidget(m_contextPane);
    connect(m_openContextFile, &QPushButton::clicked, this, [this] {
        if (m_accompaniment && m_accompaniment->citizenId() != 0)
            openFile(m_accompaniment->citizenId());
    });

    m_file = new CitizenFilePage(vault, catalogue);
    m_stack->addWidget(m_file);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(SearchDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &CitizensPage::searchNow);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        searchNow();
        // One file found: Return opens it; several: the keyboard goes to the first.
        if (m_model->rowCount() == 1) {
            m_list->setCurrentIndex(m_model->index(0));
            openCurrent();
        } else if (m_model->rowCount() > 1) {
            m_list->setCurrentIndex(m_model->index(0));
            m_list->setFocus();
        }
    });
    connect(m_list, &QListView::activated, this, &CitizensPage::openCurrent);
    connect(m_new, &QPushButton::clicked, this, &CitizensPage::newFile);
    connect(m_file, &CitizenFilePage::backRequested, this, &CitizensPage::showSearch);
    connect(m_file, &CitizenFilePage::erased, this, [this] {
        showSearch();
        m_state->setText(tr("The file was erased."));
        QAccessibleEvent event(m_state, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    });
    connect(m_file, &CitizenFilePage::startDemarcheRequested, this, &CitizensPage::startDemarcheRequested);
    connect(m_file, &CitizenFilePage::resumeDraftRequested, this, &CitizensPage::resumeDraftRequested);
    showResults(0);
}

CitizensPage::~CitizensPage() = default;

void CitizensPage::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    const Account &account = workspace->account();
    m_account = account;
    m_citizens = &workspace->citizens();
    m_file->setWorkspace(workspace);
    // A file made, renamed, merged or erased (here or by another program): the results shown follow.
    connect(workspace, &Workspace::citizenChanged, this, [this] {
        if (!m_search->text().trimmed().isEmpty() && !m_debounce->isActive())
            m_debounce->start();
    });
    m_volunteerNote->setVisible(account.role == Role::Volunteer);
    m_locked = false; // a new session: whoever locked the last one, this one shows its own work
    leave();
}

void CitizensPage::leave()
{
    m_asideFile = 0;
    m_asideEdits.reset();
    m_hiddenOnFile = false;
    m_hiddenFile = 0;
    m_hiddenEdits.reset();
    m_file->clear();
    m_search->clear();
    m_debounce->stop();
    m_model->clear();
    clearError(m_error);
    showResults(0);
    showSearchOrContext();
}

void CitizensPage::setAccompaniment(Accompaniment *accompaniment)
{
    if (m_accompaniment)
        disconnect(m_accompaniment, nullptr, this, nullptr);
    m_accompaniment = accompaniment;
    connect(m_accompaniment, &Accompaniment::changed, this, &CitizensPage::accompanimentChanged);
    accompanimentChanged();
}

bool CitizensPage::accompanying() const
{
    return m_accompaniment && m_accompaniment->isActive();
}

void CitizensPage::showSearchOrContext()
{
    if (!accompanying()) {
        m_contextPerson->clear();
        m_stack->setCurrentWidget(m_searchPane);
        return;
    }
    // The results and what was typed go: they named other people.
    m_debounce->stop();
    m_search->clear();
    m_model->clear();
    showResults(0);
    const bool withFile = !m_accompaniment->isWithoutFile();
    if (m_locked)
        m_contextPerson->clear(); // a locked screen names nobody
    else if (withFile)
        m_contextPerson->setText(tr("You are accompanying %1.").arg(m_accompaniment->personName()));
    else
        m_contextPerson->setText(tr("You are accompanying a person without a file."));
    m_openContextFile->setVisible(withFile);
    m_stack->setCurrentWidget(m_contextPane);
}

void CitizensPage::accompanimentChanged()
{
    const bool wasContext = m_stack->currentWidget() == m_contextPane;
    if (m_stack->currentWidget() == m_file) {
        // The person's own file (or a new one being written) stays; another person's leaves the screen, its unsaved
        // changes kept aside until the accompaniment ends.
        if (!accompanying() || m_file->isNew() || m_file->citizenId() == m_accompaniment->citizenId())
            return;
        if (m_file->editor()->isModified()) {
            m_asideFile = m_file->citizenId();
            m_asideEdits = m_file->editor()->citizen();
        }
        m_file->clear();
    }
    showSearchOrContext();
    if (!accompanying() && m_asideFile != 0) {
        const qint64 file = std::exchange(m_asideFile, 0);
        const std::optional<Citizen> edits = std::exchange(m_asideEdits, std::nullopt);
        if (openFile(file) && edits) {
            m_file->editor()->setCitizen(*edits);
            m_file->editor()->setModified(true);
        }
        return;
    }
    if (wasContext && !accompanying() && isVisible())
        m_search->setFocus(); // ended from this page: the search is where the keyboard goes next
}

void CitizensPage::hideWork()
{
    const bool onFile = m_stack->currentWidget() == m_file;
    const qint64 file = onFile ? m_file->citizenId() : 0;
    std::optional<Citizen> edits;
    if (onFile && m_file->editor()->isModified())
        edits = m_file->editor()->citizen();
    // What an accompaniment put aside waits for its end, lock or not.
    const qint64 asideFile = std::exchange(m_asideFile, 0);
    std::optional<Citizen> asideEdits = std::exchange(m_asideEdits, std::nullopt);
    m_locked = true;
    leave();
    m_asideFile = asideFile;
    m_asideEdits = std::move(asideEdits);
    m_hiddenOnFile = onFile;
    m_hiddenFile = file;
    m_hiddenEdits = std::move(edits);
}

void CitizensPage::resumeWork()
{
    const bool onFile = std::exchange(m_hiddenOnFile, false);
    const qint64 file = std::exchange(m_hiddenFile, 0);
    std::optional<Citizen> edits = std::exchange(m_hiddenEdits, std::nullopt);
    m_locked = false;
    if (!onFile) {
        showSearchOrContext();
        return;
    }
    if (file != 0) {
        if (!openFile(file))
            return; // erased or merged meanwhile: the reason is on the page
    } else {
        newFile();
    }
    if (edits) {
        m_file->editor()->setCitizen(*edits);
        m_file->editor()->setModified(true);
    }
}

void CitizensPage::searchNow()
{
    m_debounce->stop();
    clearError(m_error);
    if (!m_citizens || accompanying() || m_search->text().trimmed().isEmpty()) {
        m_model->clear();
        showResults(0);
        return;
    }
    Result<QList<Citizen>> found = m_citizens->search(m_account, m_search->text());
    if (!found) {
        m_model->clear();
        showError(m_error, found.message());
        return;
    }
    m_model->setCitizens(found.value());
    showResults(int(found->size()));
}

void CitizensPage::showResults(int count)
{
    QString state;
    if (m_search->text().trimmed().isEmpty())
        state = tr("Type a name, a date of birth (dd/mm/yyyy) or a phone number.");
    else if (count == 0)
        state = tr("No file matches. Check the spelling or create a new file.");
    else if (count >= CitizenRepository::DefaultSearchLimit)
        state = tr("Files found: %1 (the first ones). Type more to narrow the search.").arg(count);
    else
        state = tr("Files found: %1").arg(count);
    m_state->setText(state);
    m_list->setVisible(count > 0);
    // Screen readers hear how many files match as the list changes (RGAA 7.5, status messages).
    m_list->setAccessibleDescription(state);
    QAccessibleEvent event(m_state, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

bool CitizensPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        if (m_debounce->isActive())
            searchNow();
        if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0));
            m_list->setFocus(Qt::TabFocusReason);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CitizensPage::openCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (index.isValid())
        openFile(index.data(CitizenListModel::CitizenIdRole).toLongLong());
}

bool CitizensPage::openFile(qint64 citizenId)
{
    clearError(m_error);
    if (!m_file->open(citizenId)) {
        showError(m_error, m_file->lastError());
        return false;
    }
    m_stack->setCurrentWidget(m_file);
    m_file->focusTop();
    return true;
}

void CitizensPage::newFile()
{
    clearError(m_error);
    m_file->startNew();
    m_stack->setCurrentWidget(m_file);
    m_file->focusTop();
}

void CitizensPage::showSearch()
{
    m_file->clear();
    if (accompanying()) {
        showSearchOrContext();
        if (m_openContextFile->isVisible())
            m_openContextFile->setFocus();
        return;
    }
    m_stack->setCurrentWidget(m_searchPane);
    searchNow(); // a file changed or merged shows as it is now
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace relais::ui
