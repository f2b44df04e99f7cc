#include "ShellPage.h"

#include "Accompaniment.h"

#include "SyncEngine.h"

#include "admin/AdminPage.h"
#include "citizens/CitizensPage.h"
#include "common/ElidedLabel.h"
#include "common/Logging.h"
#include "common/Ui.h"
#include "domain/Workspace.h"
#include "forms/DemarchesPage.h"
#include "home/HomePage.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxPage.h"
#include "security/BackupScheduler.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace relais::ui {

ShellPage::ShellPage(Vault *vault, Session *session, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *topBar = new QWidget;
    topBar->setObjectName(QStringLiteral("topBar"));
    topBar->setAttribute(Qt::WA_StyledBackground);
    // Its height is its buttons': a page short of room scrolls or shrinks itself, never cuts the buttons up here.
    topBar->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *top = new QHBoxLayout(topBar);
    top->setContentsMargins(16, 8, 16, 8);
    // One line each, cut with "…" when short of room (whole in the tooltip and for screen readers): wrapped, the
    // structure's name took five lines at 200 % text, height the page below needs.
    m_structure = new ElidedLabel("subtitle");
    m_structure->setObjectName(QStringLiteral("structureName"));
    m_person = new ElidedLabel("info");
    m_person->setObjectName(QStringLiteral("signedInPerson"));
    m_person->setAlignment(Qt::AlignRight | Qt::AlignVCenter); // beside the buttons it goes with
    auto *lock = new QPushButton(tr("&Lock"));
    lock->setToolTip(tr("Hide everything until you type your password again (Ctrl+L)"));
    auto *switchUser = new QPushButton(tr("C&hange user"));
    auto *signOut = new QPushButton(tr("Sign &out"));
    top->addWidget(m_structure, 2);
    top->addWidget(m_person, 1);
    top->addSpacing(16);
    top->addWidget(lock);
    top->addWidget(switchUser);
    top->addWidget(signOut);
    layout->addWidget(topBar);
    connect(lock, &QPushButton::clicked, this, &ShellPage::lockRequested);
    connect(switchUser, &QPushButton::clicked, this, &ShellPage::switchUserRequested);
    connect(signOut, &QPushButton::clicked, this, &ShellPage::signOutRequested);
    auto *lockShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(lockShortcut, &QShortcut::activated, this, &ShellPage::lockRequested);

    // The person in context, above every page: the mediator always sees for whom they work, and ends it.
    m_accompaniment = new Accompaniment(this);
    m_accompanimentBar = new QWidget;
    m_accompanimentBar->setObjectName(QStringLiteral("accompanimentBar"));
    m_accompanimentBar->setAttribute(Qt::WA_StyledBackground);
    auto *bar = new QHBoxLayout(m_accompanimentBar);
    bar->setContentsMargins(16, 6, 16, 6);
    m_accompanimentText = makeLabel(QString(), "subtitle");
    m_accompanimentText->setObjectName(QStringLiteral("accompanimentPerson"));
    auto *endAccompaniment = new QPushButton(tr("End the accompaniment"));
    endAccompaniment->setObjectName(QStringLiteral("endAccompaniment"));
    endAccompaniment->setToolTip(tr("The person's name leaves every page (Ctrl+Shift+E)"));
    bar->addWidget(m_accompanimentText, 1);
    bar->addWidget(endAccompaniment);
    m_accompanimentBar->hide();
    layout->addWidget(m_accompanimentBar);
    connect(endAccompaniment, &QPushButton::clicked, m_accompaniment, &Accompaniment::end);
    auto *endShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this);
    connect(endShortcut, &QShortcut::activated, m_accompaniment, &Accompaniment::end);
    connect(m_accompaniment, &Accompaniment::changed, this, &ShellPage::showAccompaniment);

    m_warning = new QWidget;
    m_warning->setObjectName(QStringLiteral("idleWarning"));
    m_warning->setAttribute(Qt::WA_StyledBackground);
    auto *w = new QHBoxLayout(m_warning);
    m_warningText = makeLabel(QString(), "info");
    auto *stay = new QPushButton(tr("&Stay signed in"));
    w->addWidget(m_warningText, 1);
    w->addWidget(stay);
    m_warning->hide();
    layout->addWidget(m_warning);
    connect(stay, &QPushButton::clicked, m_session, &Session::noteActivity);
    connect(m_session, &Session::warningStarted, this, &ShellPage::showWarning);
    connect(m_session, &Session::warningTick, this, &ShellPage::showWarning);
    connect(m_session, &Session::warningCancelled, m_warning, &QWidget::hide);
    connect(m_session, &Session::locked, m_warning, &QWidget::hide);

    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    m_rail = new QListWidget;
    m_rail->setObjectName(QStringLiteral("rail"));
    m_rail->setAccessibleName(tr("Sections"));
    m_rail->setFixedWidth(220);
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->installEventFilter(this);
    qApp->installEventFilter(this); // Alt+letter of the rail (yieldRailShortcuts), wherever the keyboard is
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("content"));
    body->addWidget(m_rail);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    connect(m_rail, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    // The catalogue shipped with Relais, until the platform sends a newer one (issue: sync).
    if (!m_catalogue.load(catalogue::Catalogue::bundledPath()))
        qCWarning(lcDomain) << "bundled catalogue refused:" << m_catalogue.errors().size() << "error(s)";
    m_home = new HomePage(m_pages);
    m_citizens = new CitizensPage(vault, &m_catalogue, m_pages);
    m_demarches = new DemarchesPage(vault, &m_catalogue, m_pages);
    m_outbox = new OutboxPage(vault, &m_catalogue, m_pages);
    m_admin = new AdminPage(vault, session, m_pages, &m_catalogue);
    m_demarches->setAccompaniment(m_accompaniment);
    m_citizens->setAccompaniment(m_accompaniment);
    m_home->setSources(vault, &m_catalogue, m_accompaniment);
    m_outbox->setAccompaniment(m_accompaniment);
    m_outbox->hide();
    m_home->hide();
    m_citizens->hide();
    m_demarches->hide();
    m_admin->hide();
    // A lock hides the work: the form is saved at once rather than after the usual short wait, then closed.
    connect(m_session, &Session::locked, this, &ShellPage::hideWork);
    connect(m_session, &Session::unlocked, this, &ShellPage::resumeWork);
    connect(m_demarches, &DemarchesPage::formOpened, this, &ShellPage::updateWindowTitle);
    connect(m_demarches, &DemarchesPage::formClosed, this, &ShellPage::updateWindowTitle);
    // From a citizen's file to the catalogue, with the person chosen; and back to choose another person.
    connect(m_citizens, &CitizensPage::startDemarcheRequested, this, [this](qint64 citizenId) {
        m_demarches->setCitizen(citizenId); // choosing the person starts their accompaniment
        showPage(m_demarches);
        m_demarches->searchField()->setFocus();
    });
    connect(m_citizens, &CitizensPage::resumeDraftRequested, this, [this](qint64 submissionId) {
        showPage(m_demarches);
        m_demarches->resume(submissionId);
    });
    // From Home, one key to the work: the draft in its form, a démarche sent in Envois.
    connect(m_home, &HomePage::resumeDraftRequested, this, [this](qint64 submissionId) {
        showPage(m_demarches);
        m_demarches->resume(submissionId);
    });
    connect(m_home, &HomePage::showDraftsRequested, this, [this] {
        showPage(m_demarches);
        m_demarches->draftList()->setFocus();
    });
    connect(m_home, &HomePage::showSendingRequested, this, [this](qint64 submissionId) {
        if (m_pages->indexOf(m_outbox) < 0)
            return; // a volunteer's: following it up is the mediators' work
        showPage(m_outbox);
        m_outbox->refresh();
        for (int row = 0; row < m_outbox->model()->rowCount(); ++row)
            if (m_outbox->model()->itemAt(row).submissionId == submissionId)
                m_outbox->table()->setCurrentIndex(m_outbox->model()->index(row, 0));
        m_outbox->table()->setFocus();
    });
    // Home reads the work again each time it is shown (a draft closed, a round of sync since).
    connect(m_rail, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_pages->widget(row) == m_home && !m_hidden)
            m_home->refreshWork();
    });
    // From a démarche in Envois to its person's file.
    connect(m_outbox, &OutboxPage::openFileRequested, this, [this](qint64 citizenId) {
        showPage(m_citizens);
        m_citizens->openFile(citizenId);
    });
    connect(m_outbox, &OutboxPage::correctRequested, this, [this](qint64 submissionId) {
        showPage(m_demarches);
        m_demarches->resume(submissionId);
    });
    connect(m_demarches, &DemarchesPage::citizenChangeRequested, this, [this] {
        m_citizens->showSearch();
        showPage(m_citizens);
        m_citizens->searchField()->setFocus();
    });
}

ShellPage::~ShellPage()
{
    // ~QWidget would delete the pages after m_catalogue is gone, and hiding a page on the way lays out its lists,
    // which asks the catalogue for démarche titles (seen on the Envois table, whose rows fit their text).
    qDeleteAll(findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
}

void ShellPage::showPage(QWidget *page)
{
    m_rail->setCurrentRow(m_pages->indexOf(page));
}

void ShellPage::addPage(const QString &title, QWidget *page, const QString &letter)
{
    auto *item = new QListWidgetItem(title, m_rail);
    item->setData(Qt::AccessibleTextRole, title);
    m_pages->addWidget(page);
    const QKeySequence keys = QKeySequence::mnemonic(QLatin1Char('&') + letter);
    if (keys.isEmpty())
        return;
    const QString shortcutText = keys.toString(QKeySequence::NativeText);
    item->setToolTip(shortcutText);
    item->setData(Qt::AccessibleDescriptionRole, shortcutText);
    auto *shortcut = new QShortcut(keys, this);
    shortcut->setAutoRepeat(false);
    connect(shortcut, &QShortcut::activated, this, [this, page] {
        showPage(page);
        // The keyboard goes into the page, where the work is (the search of Citizens, of Démarches…).
        for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
            if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
                w->setFocus(Qt::ShortcutFocusReason);
                return;
            }
        }
        m_rail->setFocus(Qt::ShortcutFocusReason);
    });
    m_railShortcuts.append(shortcut);
}

void ShellPage::yieldRailShortcuts()
{
    // Alt+letter of a button or a labelled field on screen wins over the rail's: two owners of one key would make
    // Qt cycle between them instead of acting. Seen at each key press, so it follows what the page shows now.
    QSet<int> taken;
    const QWidget *top = window();
    for (QAbstractButton *b : top->findChildren<QAbstractButton *>())
        if (b->isVisible() && !b->shortcut().isEmpty())
            taken.insert(b->shortcut()[0].toCombined());
    for (QLabel *l : top->findChildren<QLabel *>()) {
        if (!l->isVisible() || !l->buddy())
            continue;
        const QKeySequence mnemonic = QKeySequence::mnemonic(l->text());
        if (!mnemonic.isEmpty())
            taken.insert(mnemonic[0].toCombined());
    }
    for (QShortcut *shortcut : std::as_const(m_railShortcuts))
        shortcut->setEnabled(!taken.contains(shortcut->key()[0].toCombined()));
}

void ShellPage::refreshBackupState()
{
    if (!m_session->isActive() || !m_vault->isOpen())
        return;
    if (m_session->account().isAdmin())
        m_home->setLastBackup(QDateTime::fromString(m_vault->setting(Vault::lastBackupSetting()), Qt::ISODate),
                              m_vault->clock()->now());
    m_home->setBackupFailure(BackupScheduler::lastFailure(*m_vault));
}

void ShellPage::enter(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    const Account &account = workspace->account();
    // The title says when a form is open, never which: it follows the structure's settings as they change.
    connect(workspace, &Workspace::settingsChanged, this, &ShellPage::updateWindowTitle);
    const QString structure = m_vault->keySlots().structureName();
    m_structure->setFullText(structure);
    m_person->setFullText(tr("%1 — %2").arg(account.displayName, roleLabel(account.role)));
    m_warning->hide();
    m_hidden = false;
    m_hiddenRow = -1;
    // Pages are rebuilt for each person: a volunteer never gets the administrator's.
    m_rail->clear();
    qDeleteAll(m_railShortcuts);
    m_railShortcuts.clear();
    while (m_pages->count() > 0)
        m_pages->removeWidget(m_pages->widget(0));
    m_accompaniment->end(); // a new session helps nobody yet
    m_home->setWorkspace(workspace);
    m_home->setAccount(account, structure);
    refreshBackupState();
    // A backup taken by relais-admin (a nightly script) or the daily one shows on the home page without signing in
    // again.
    connect(workspace, &Workspace::settingsChanged, this, &ShellPage::refreshBackupState);
    addPage(tr("Home"), m_home, tr("E", "Alt+letter of the Home page in the rail"));
    m_citizens->setWorkspace(workspace);
    addPage(tr("Citizens"), m_citizens, tr("Z", "Alt+letter of the Citizens page in the rail"));
    m_demarches->setWorkspace(workspace);
    addPage(tr("Démarches"), m_demarches, tr("M", "Alt+letter of the Démarches page in the rail"));
    // Volunteers fill démarches; following them up with the platform is the mediators' work.
    if (account.role != Role::Volunteer) {
        m_outbox->setWorkspace(workspace);
        addPage(tr("Sending"), m_outbox, tr("I", "Alt+letter of the Sending page in the rail"));
    } else {
        m_outbox->hideWork(); // not theirs to see, not even in the accessibility tree
    }
    m_admin->setWorkspace(account.isAdmin() ? workspace : nullptr);
    if (account.isAdmin()) {
        addPage(tr("Administration"), m_admin, tr("S", "Alt+letter of the Administration page in the rail"));
        m_admin->refresh();
    }
    fitRail();
    m_rail->setCurrentRow(0);
    m_home->refreshWork(); // shown first, and the rail may already have been on row 0
    m_rail->setFocus();
    updateWindowTitle();
}

void ShellPage::fitRail()
{
    m_rail->setFixedWidth(qMax(220, m_rail->sizeHintForColumn(0) + 2 * m_rail->frameWidth() + 8));
}

bool ShellPage::eventFilter(QObject *watched, QEvent *event)
{
    // The text size changes while signed in (status bar): the rail follows at once, not at the next sign-in.
    if (watched == m_rail && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        QMetaObject::invokeMethod(this, &ShellPage::fitRail, Qt::QueuedConnection);
    // Sent to the focused widget just before Qt looks the key up among the shortcuts.
    if (event->type() == QEvent::ShortcutOverride && !m_railShortcuts.isEmpty() &&
        (static_cast<QKeyEvent *>(event)->modifiers() & Qt::AltModifier))
        yieldRailShortcuts();
    return QWidget::eventFilter(watched, event);
}

void ShellPage::setEngine(sync::SyncEngine *engine)
{
    m_outbox->setEngine(engine);
    m_demarches->setOnline(false); // until the engine has seen the platform
    if (engine) {
        connect(engine, &sync::SyncEngine::onlineChanged, m_demarches, &DemarchesPage::setOnline);
        connect(engine, &sync::SyncEngine::finished, m_demarches, [this](const sync::RoundSummary &summary) {
            m_demarches->setOnline(summary.online && !summary.stopped);
        });
    }
}

void ShellPage::applyPlatformCatalogue(const QByteArray &document)
{
    if (document.isEmpty())
        return;
    catalogue::CatalogueStore candidate;
    if (!candidate.loadDocument(document, QStringLiteral("platform")) ||
        candidate.current().version() < m_catalogue.current().version())
        return;
    if (!m_catalogue.loadDocument(document, QStringLiteral("platform")))
        qCWarning(lcDomain) << "platform catalogue refused:" << m_catalogue.errors().size() << "error(s)";
    m_demarches->catalogueUpdated();
    m_outbox->refresh();
}

void ShellPage::updateWindowTitle()
{
    if (m_hidden)
        return; // the lock screen's title stays
    const QString structure = m_vault->keySlots().structureName();
    // That a form is open, never which one: the task bar tells the mediator the work waits there.
    window()->setWindowTitle(m_demarches->wizard() ? tr("%1 — démarche in progress").arg(structure) : structure);
}

void ShellPage::closeDialogs()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    // Innermost first: each closes the event loop of its exec(), which then returns as if cancelled.
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (auto it = windows.crbegin(); it != windows.crend(); ++it) {
        auto *dialog = qobject_cast<QDialog *>(*it);
        if (dialog && dialog->isVisible())
            dialog->reject();
    }
}

void ShellPage::hideWork()
{
    if (m_hidden)
        return;
    m_hidden = true;
    m_hiddenRow = m_rail->currentRow();
    closeDialogs();
    m_warning->hide();
    m_accompanimentBar->hide();
    m_accompanimentText->clear(); // the name leaves the accessibility tree too
    m_demarches->hideWork();
    m_citizens->hideWork();
    m_outbox->hideWork();
    m_home->hideWork();
    window()->setWindowTitle(QStringLiteral("Relais")); // not even the structure on a locked screen
}

void ShellPage::resumeWork()
{
    if (!m_hidden)
        return;
    m_hidden = false;
    m_rail->setCurrentRow(qMax(0, std::exchange(m_hiddenRow, -1)));
    if (m_pages->indexOf(m_outbox) >= 0)
        m_outbox->resumeWork();
    m_citizens->resumeWork();
    m_demarches->resumeWork();
    m_home->refreshWork();
    showAccompaniment();
    updateWindowTitle();
}

void ShellPage::leave()
{
    m_accompaniment->end(); // first, while the pages can still put the person's work away
    hideWork();
    // Nothing to come back to: the next session starts afresh (enter()).
    m_demarches->leave();
    m_citizens->leave();
    m_outbox->setWorkspace(nullptr);
    m_admin->setWorkspace(nullptr);
    m_hiddenRow = -1;
}

void ShellPage::showAccompaniment()
{
    if (m_hidden || !m_accompaniment->isActive()) {
        m_accompanimentBar->hide();
        m_accompanimentText->clear();
        return;
    }
    m_accompanimentText->setText(m_accompaniment->isWithoutFile()
                                     ? tr("Accompaniment without a file")
                                     : tr("Accompanying %1").arg(m_accompaniment->personName()));
    m_accompanimentBar->show();
}

void ShellPage::showWarning(int secondsLeft)
{
    m_warningText->setText(tr("No activity: the session locks in %n second(s). Press any key or click “Stay "
                              "signed in” to go on.",
                              nullptr, secondsLeft));
    if (!m_warning->isVisible()) {
        m_warning->show();
        QAccessibleEvent event(m_warningText, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

} // namespace relais::ui
