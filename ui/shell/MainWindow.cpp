#include "MainWindow.h"

#include "SyncEngine.h"
#include "admin/AdminPage.h"
#include "common/Keyboard.h"
#include "common/Logging.h"
#include "common/Ui.h"
#include "domain/Retention.h"
#include "domain/Workspace.h"
#include "login/LoginPage.h"
#include "outbox/SyncStatusBar.h"
#include "security/BackupScheduler.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "setup/SetupPage.h"
#include "shell/ShellPage.h"
#include "store/Keychain.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

namespace relais::ui {

MainWindow::MainWindow(Vault *vault, Session *session, QWidget *parent)
    : QMainWindow(parent), m_vault(vault), m_session(session)
{
    setWindowTitle(QStringLiteral("Relais"));
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_demoBanner = new QWidget;
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setAttribute(Qt::WA_StyledBackground);
    auto *banner = new QHBoxLayout(m_demoBanner);
    banner->setContentsMargins(12, 4, 12, 4); // above every page: no more height than its text
    banner->addWidget(
        makeLabel(tr("DEMO — fictitious data, for training only. Never use it for a real citizen."), "info"));
    m_demoBanner->hide();
    layout->addWidget(m_demoBanner);
    m_stack = new QStackedWidget;
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_setup = new SetupPage(vault);
    m_login = new LoginPage(vault);
    m_shell = new ShellPage(vault, session);
    m_error = new QWidget;
    auto *e = new QVBoxLayout(m_error);
    e->setContentsMargins(48, 32, 48, 32);
    e->addWidget(makeLabel(tr("Relais cannot open the store"), "title"));
    m_errorText = makeLabel(QString(), "error");
    m_errorText->setFocusPolicy(Qt::StrongFocus);
    e->addWidget(m_errorText);
    e->addWidget(makeLabel(tr("Nothing was changed or deleted. Ask your structure's administrator: the "
                              "administrator's guide explains how to restore a backup."),
                           "hint"));
    e->addStretch();
    for (QWidget *page :
         {static_cast<QWidget *>(m_setup), static_cast<QWidget *>(m_login), static_cast<QWidget *>(m_shell), m_error})
        m_stack->addWidget(page);

    connect(m_setup, &SetupPage::finished, this, [this](const QString &) { showLogin(); });
    connect(m_login, &LoginPage::signedIn, this, &MainWindow::signedIn);
    connect(m_login, &LoginPage::signOutRequested, this, &MainWindow::signOut);
    connect(m_shell, &ShellPage::lockRequested, this, &MainWindow::lock);
    connect(m_shell, &ShellPage::switchUserRequested, this, &MainWindow::switchUser);
    connect(m_shell, &ShellPage::signOutRequested, this, &MainWindow::signOut);
    connect(m_shell->adminPage(), &AdminPage::quitRequested, this, &MainWindow::quitAsAdministrator);
    // The shell has already dropped what it showed (ShellPage::hideWork, connected first).
    connect(m_session, &Session::locked, this, [this] {
        // Shown first, so that showMode() puts the keyboard on a visible field. The page has no focus proxy: one would
        // take Tab coming round from the status bar to the password, past the list of accounts.
        m_stack->setCurrentWidget(m_login);
        m_login->showMode(LoginPage::Mode::Locked, m_session->account());
        setWindowTitle(QStringLiteral("Relais"));
    });

    buildStatusBar();
    qApp->installEventFilter(this);
    installKeyboardConventions(qApp);
    resize(1280, 800);
}

namespace {

// Puts the second part of the status bar under the first when both do not fit side by side.
class StatusReflow : public QObject
{
public:
    StatusReflow(QWidget *area, QGridLayout *grid, QWidget *first, QWidget *second)
        : QObject(area), m_area(area), m_grid(grid), m_first(first), m_second(second)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_area && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
            reflow();
        return QObject::eventFilter(watched, event);
    }

private:
    void reflow()
    {
        const int needed = m_first->sizeHint().width() + m_grid->horizontalSpacing() + m_second->sizeHint().width();
        const bool stacked = needed > m_area->width();
        int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
        m_grid->getItemPosition(m_grid->indexOf(m_second), &row, &column, &rowSpan, &columnSpan);
        if (stacked == (row == 1))
            return;
        m_grid->removeWidget(m_second);
        if (stacked)
            m_grid->addWidget(m_second, 1, 0, Qt::AlignRight);
        else
            m_grid->addWidget(m_second, 0, 1, Qt::AlignRight);
    }

    QWidget *m_area;
    QGridLayout *m_grid;
    QWidget *m_first;
    QWidget *m_second;
};

} // namespace

MainWindow::~MainWindow()
{
    stopBackups();
}

void MainWindow::buildStatusBar()
{
    // Display settings belong to the person at the screen, so they are reachable before signing in.
    auto *display = new QWidget;
    auto *d = new QHBoxLayout(display);
    d->setContentsMargins(0, 0, 0, 0);
    auto *sizeLabel = new QLabel(tr("&Text size:"));
    m_textSize = new QComboBox;
    m_textSize->setAccessibleName(tr("Text size"));
    m_textSize->setSizeAdjustPolicy(QComboBox::AdjustToContents); // follows the text size it sets
    for (int percent : {100, 125, 150, 175, 200})
        m_textSize->addItem(QStringLiteral("%1 %").arg(percent), percent);
    sizeLabel->setBuddy(m_textSize);
    m_contrast = new QCheckBox(tr("Hi&gh contrast")); // Alt+H is "Change user"
    d->addWidget(sizeLabel);
    d->addWidget(m_textSize);
    d->addWidget(m_contrast);
    m_syncStatus = new SyncStatusBar(m_vault);
    // One row when it fits, else the display settings on a second row: at 200 % text on a small screen one row would
    // cut "Text size" and the time of the last sync.
    auto *area = new QWidget;
    auto *grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(0);
    grid->setColumnStretch(0, 1);
    grid->addWidget(m_syncStatus, 0, 0, Qt::AlignRight);
    grid->addWidget(display, 0, 1, Qt::AlignRight);
    area->installEventFilter(new StatusReflow(area, grid, m_syncStatus, display));
    statusBar()->addPermanentWidget(area, 1);
    QSettings settings;
    const int scale = settings.value(QStringLiteral("display/textScale"), 100).toInt();
    m_textSize->setCurrentIndex(qMax(0, m_textSize->findData(scale)));
    m_contrast->setChecked(settings.value(QStringLiteral("display/theme")).toString() ==
                           Theme::id(ThemeKind::HighContrast));
    connect(m_textSize, &QComboBox::currentIndexChanged, this, &MainWindow::applyDisplaySettings);
    connect(m_contrast, &QCheckBox::toggled, this, &MainWindow::applyDisplaySettings);
}

void MainWindow::applyDisplaySettings()
{
    const int scale = m_textSize->currentData().toInt();
    const ThemeKind kind = m_contrast->isChecked() ? ThemeKind::HighContrast : ThemeKind::Standard;
    QSettings settings;
    settings.setValue(QStringLiteral("display/textScale"), scale);
    settings.setValue(QStringLiteral("display/theme"), Theme::id(kind));
    Theme::apply(kind, scale);
}

QWidget *MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

void MainWindow::start()
{
    if (!m_vault->storeExists()) {
        m_stack->setCurrentWidget(m_setup);
        m_setup->setFocus();
        return;
    }
    if (Status s = m_vault->loadSlots(); !s) {
        showFatal(s.message());
        return;
    }
    if (Status s = m_vault->checkWritable(); !s) {
        showFatal(s.message());
        return;
    }
    m_demoBanner->setVisible(m_vault->keySlots().isDemo());
    // A staff PC with the keychain slot opens the store at start so that deliveries can go on; people
    // still sign in with their own password. If the keychain cannot serve, say why and go on.
    QString notice;
    if (m_vault->keySlots().hasKeychainSlot()) {
        if (Status s = m_vault->unlockWithKeychain(); !s)
            notice = tr("The system keychain could not open the store: %1").arg(s.message());
        else
            startBackups(); // the store is open from the start: the daily backup need not wait for a sign-in
    }
    showLogin();
    m_login->setNotice(notice);
}

void MainWindow::showFatal(const QString &message)
{
    m_errorText->setText(message);
    m_stack->setCurrentWidget(m_error);
    m_errorText->setFocus();
}

void MainWindow::showLogin()
{
    if (Status s = m_vault->loadSlots(); !s) {
        showFatal(s.message());
        return;
    }
    m_demoBanner->setVisible(m_vault->keySlots().isDemo());
    m_stack->setCurrentWidget(m_login);
    m_login->showMode(LoginPage::Mode::SignIn); // puts the keyboard on the password (or the list of accounts)
}

void MainWindow::signedIn(const Account &account)
{
    const bool sameSession = m_session->isActive() && m_session->account().login == account.login;
    if (sameSession) {
        m_stack->setCurrentWidget(m_shell);
        m_session->unlock(); // the shell brings back the page, the file and the form left at the lock
    } else {
        if (m_session->isActive())
            m_vault->record(m_session->account().login, QStringLiteral("session_handed_over"));
        m_session->start(account);
    }
    const int minutes = m_vault->setting(QStringLiteral("idle_lock_minutes"), QStringLiteral("5")).toInt();
    m_session->setIdleLockMs(qint64(qBound(1, minutes, 60)) * 60000);
    if (!sameSession) {
        // The store's session: made at the first sign-in, handed over to a colleague who takes the kiosk.
        const bool opened = !m_workspace;
        if (opened)
            m_workspace = std::make_unique<Workspace>(m_vault, account);
        else
            m_workspace->setAccount(account);
        m_syncStatus->setWorkspace(m_workspace.get());
        m_shell->enter(m_workspace.get());
        applyRetention();
        if (opened)
            Q_EMIT workspaceOpened(m_workspace.get());
        startBackups();
    }
    m_stack->setCurrentWidget(m_shell);
    m_shell->updateWindowTitle();
}

void MainWindow::applyRetention()
{
    if (!m_workspace)
        return;
    // Files are erased on time even on a kiosk that is never restarted: at each sign-in and every few hours.
    if (!m_retentionTimer) {
        m_retentionTimer = new QTimer(this);
        m_retentionTimer->setInterval(RetentionIntervalMs);
        connect(m_retentionTimer, &QTimer::timeout, this, &MainWindow::applyRetention);
        m_retentionTimer->start();
    }
    Retention retention = m_workspace->retention(&m_shell->catalogue().current());
    const Result<Retention::Report> report = retention.purge(QStringLiteral("retention"));
    if (!report)
        qCWarning(lcDomain) << "retention purge failed, code" << int(report.code());
}

void MainWindow::lock()
{
    if (!m_session->isActive())
        return;
    m_vault->record(m_session->account().login, QStringLiteral("session_locked"));
    m_session->lock();
    setWindowTitle(QStringLiteral("Relais")); // nothing of the work shows on a locked screen
}

void MainWindow::switchUser()
{
    if (!m_session->isActive())
        return;
    m_vault->record(m_session->account().login, QStringLiteral("session_locked"));
    m_session->lock();
    m_login->showMode(LoginPage::Mode::SwitchUser, m_session->account());
}

void MainWindow::setSyncEngine(sync::SyncEngine *engine)
{
    if (m_engine) {
        disconnect(m_engine, nullptr, m_shell, nullptr);
        disconnect(m_shell->adminPage(), &AdminPage::platformEnrolled, m_engine, nullptr);
    }
    m_engine = engine;
    m_shell->setEngine(engine);
    m_syncStatus->setEngine(engine);
    if (!engine)
        return;
    m_shell->applyPlatformCatalogue(engine->verifiedCatalogue());
    connect(engine, &sync::SyncEngine::catalogueReceived, m_shell, &ShellPage::applyPlatformCatalogue);
    connect(m_shell->adminPage(), &AdminPage::platformEnrolled, engine, [engine] { engine->start(true); });
}

void MainWindow::startBackups()
{
    if (m_backups || !m_vault->isOpen())
        return;
    m_backups = new BackupScheduler(m_vault, m_vault->clock(), this);
    connect(m_backups, &BackupScheduler::finished, this, [this] {
        m_shell->refreshBackupState();
        if (m_session->isActive() && m_session->account().isAdmin())
            m_shell->adminPage()->refresh();
    });
    m_backups->start();
}

void MainWindow::stopBackups()
{
    delete m_backups; // waits for a backup under way, which reads the store about to close
    m_backups = nullptr;
}

void MainWindow::endSession()
{
    m_shell->leave(); // the open form is saved while the store is still open
    if (m_workspace) {
        Q_EMIT workspaceClosing(m_workspace.get()); // the composition root stops what it built on it (sync)
        setSyncEngine(nullptr);
        m_syncStatus->setWorkspace(nullptr);
        m_workspace.reset();
    }
    stopBackups();
    if (m_session->isActive())
        m_vault->record(m_session->account().login, QStringLiteral("sign_out"));
    m_session->end();
    // The last person out closes the store and wipes its key from memory.
    m_vault->close();
}

void MainWindow::signOut()
{
    endSession();
    setWindowTitle(QStringLiteral("Relais"));
    showLogin();
}

void MainWindow::quitAsAdministrator()
{
    if (!m_session->isActive() || !m_session->account().isAdmin())
        return;
    m_vault->record(m_session->account().login, QStringLiteral("program_quit"));
    m_kiosk = false;
    close();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_session->noteActivity();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

QRect MainWindow::fittedGeometry(const QRect &available, const QMargins &frame)
{
    return available.marginsRemoved(frame);
}

void MainWindow::showOnScreen()
{
    const auto fit = [this] {
        const QScreen *screen = this->screen();
        if (!screen || m_kiosk || isFullScreen() || isMaximized())
            return;
        const QMargins frame = windowHandle() ? windowHandle()->frameMargins() : QMargins();
        setGeometry(fittedGeometry(screen->availableGeometry(), frame));
    };
    fit();
    show();
    // The frame is known once the window manager has framed the window, which some do a moment after it is shown.
    fit();
    QTimer::singleShot(300, this, fit);
}

void MainWindow::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    if (kiosk) {
        setWindowFlags(windowFlags() | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
        showFullScreen();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // In kiosk mode only the session (an administrator) ends the program.
    if (m_kiosk) {
        event->ignore();
        return;
    }
    endSession();
    event->accept();
}

} // namespace relais::ui
