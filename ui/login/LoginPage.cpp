#include "LoginPage.h"

#include "common/Ui.h"
#include "setup/RecoverySheet.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace relais::ui {

namespace {
constexpr int LoginRole = Qt::UserRole + 1;
// Failures after which the screen says how many tries are left before a wait (Throttle counts them).
constexpr int WarnAfterFailures = 3;
const QString LastLoginKey = QStringLiteral("sign-in/last-login");
} // namespace

LoginPage::LoginPage(Vault *vault, QWidget *parent) : QWidget(parent), m_vault(vault)
{
    // A readable column, centred, whatever the screen width; it scrolls rather than cut its texts when the height is
    // short (200 % text on a small screen, under the demo banner).
    auto *centre = new QHBoxLayout(scrollingContent(this));
    auto *column = new QWidget;
    column->setMaximumWidth(900);
    centre->addWidget(column);
    auto *outer = new QVBoxLayout(column);
    outer->setContentsMargins(48, 32, 48, 32);
    m_structure = makeLabel(QString(), "title");
    outer->addWidget(m_structure);
    m_panels = new QStackedWidget(this);
    outer->addWidget(m_panels, 1);

    // Sign-in panel.
    auto *signInPanel = new QWidget;
    auto *v = new QVBoxLayout(signInPanel);
    m_heading = makeLabel(QString(), "subtitle");
    v->addWidget(m_heading);
    m_notice = makeLabel(QString(), "info");
    m_notice->hide();
    v->addWidget(m_notice);
    auto *accountsLabel = new QLabel(tr("&Who are you?"));
    m_accounts = new QListWidget;
    m_accounts->setAccessibleName(tr("Accounts of the structure"));
    accountsLabel->setBuddy(m_accounts);
    v->addWidget(accountsLabel);
    v->addWidget(m_accounts);
    auto *form = new QFormLayout;
    m_password = makePasswordField(tr("Password"));
    form->addRow(tr("&Password:"), m_password);
    v->addLayout(form);
    m_error = makeErrorLabel();
    v->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    m_forgot = new QPushButton(tr("Password forgotten? Use the &recovery code"));
    m_signOut = new QPushButton(tr("Sign &out"));
    m_signIn = new QPushButton(tr("&Sign in"));
    m_signIn->setProperty("primary", true);
    m_signIn->setDefault(true);
    buttons->addStretch();
    buttons->addWidget(m_signOut);
    buttons->addWidget(m_signIn);
    v->addLayout(buttons);
    // On its own row, so that at 200 % text it is never cut.
    v->addWidget(m_forgot, 0, Qt::AlignLeft);
    m_demoBox = new QWidget;
    auto *demoLayout = new QVBoxLayout(m_demoBox);
    // Never the passwords: no password is written anywhere, not even a demo one (scripts/demo prints them).
    demoLayout->addWidget(makeLabel(tr("Demonstration store: fictitious data. The demo accounts' passwords are "
                                       "printed by scripts/demo in the terminal that started it."),
                                    "info"));
    m_demoBox->hide();
    v->addWidget(m_demoBox);
    v->addStretch();
    m_panels->addWidget(signInPanel);
    connect(m_signIn, &QPushButton::clicked, this, &LoginPage::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginPage::signIn);
    connect(m_accounts, &QListWidget::itemActivated, this, [this] { m_password->setFocus(); });
    connect(m_signOut, &QPushButton::clicked, this, &LoginPage::signOutRequested);
    connect(m_forgot, &QPushButton::clicked, this, &LoginPage::showRecovery);
    connect(&m_watcher, &QFutureWatcher<Result<SecureBytes>>::finished, this, &LoginPage::signInDone);
    m_waitTimer = new QTimer(this);
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, &LoginPage::updateWait);
    connect(m_accounts, &QListWidget::currentRowChanged, this, [this] {
        if (m_waiting) { // the wait was the other account's
            m_waiting = false;
            m_waitTimer->stop();
            clearError(m_error, m_password);
            m_signIn->setEnabled(!m_busy);
        }
        updateWait();
    });

    // Recovery: the code.
    auto *codePanel = new QWidget;
    auto *c = new QVBoxLayout(codePanel);
    c->addWidget(makeLabel(tr("Recovery"), "subtitle"));
    c->addWidget(makeLabel(tr("Type the recovery code printed when this computer was set up. Dashes and spaces do "
                              "not matter. You will then choose a new administrator password."),
                           "hint"));
    auto *codeForm = new QFormLayout;
    m_code = new QLineEdit;
    m_code->setAccessibleName(tr("Recovery code"));
    codeForm->addRow(tr("Recovery &code:"), m_code);
    c->addLayout(codeForm);
    m_codeError = makeErrorLabel();
    c->addWidget(m_codeError);
    auto *codeButtons = new QHBoxLayout;
    auto *cancel = new QPushButton(tr("&Cancel"));
    m_recover = new QPushButton(tr("&Continue"));
    m_recover->setProperty("primary", true);
    codeButtons->addWidget(cancel);
    codeButtons->addStretch();
    codeButtons->addWidget(m_recover);
    c->addLayout(codeButtons);
    c->addStretch();
    m_panels->addWidget(codePanel);
    connect(cancel, &QPushButton::clicked, this, [this] {
        m_code->clear();
        showMode(m_mode);
    });
    connect(m_recover, &QPushButton::clicked, this, &LoginPage::recover);
    connect(m_code, &QLineEdit::returnPressed, this, &LoginPage::recover);
    connect(&m_recoveryWatcher, &QFutureWatcher<Result<SecureBytes>>::finished, this, &LoginPage::recoveryDone);

    // Recovery: the new administrator password.
    auto *newPanel = new QWidget;
    auto *n = new QVBoxLayout(newPanel);
    n->addWidget(makeLabel(tr("New administrator password"), "subtitle"));
    auto *newForm = new QFormLayout;
    m_admins = new QComboBox;
    m_admins->setAccessibleName(tr("Administrator account"));
    m_newPassword = makePasswordField(tr("New password"));
    m_newConfirm = makePasswordField(tr("New password again"));
    newForm->addRow(tr("&Account:"), m_admins);
    newForm->addRow(tr("&New password:"), m_newPassword);
    newForm->addRow(tr("New password &again:"), m_newConfirm);
    n->addLayout(newForm);
    m_newError = makeErrorLabel();
    n->addWidget(m_newError);
    auto *save = new QPushButton(tr("&Save the new password"));
    save->setProperty("primary", true);
    n->addWidget(save, 0, Qt::AlignRight);
    n->addStretch();
    m_panels->addWidget(newPanel);
    connect(save, &QPushButton::clicked, this, &LoginPage::setNewAdminPassword);
    connect(m_newConfirm, &QLineEdit::returnPressed, this, &LoginPage::setNewAdminPassword);

    // Recovery: the replacement code.
    auto *newCodePanel = new QWidget;
    auto *nc = new QVBoxLayout(newCodePanel);
    nc->addWidget(makeLabel(tr("New recovery code"), "subtitle"));
    nc->addWidget(makeLabel(tr("The old recovery code has been used, so it no longer works. Write down this new "
                               "one and keep it safe; destroy the old sheet."),
                            "hint"));
    m_newCode = makeLabel(QString(), "code");
    m_newCode->setAlignment(Qt::AlignCenter);
    m_newCode->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_newCode->setFocusPolicy(Qt::StrongFocus);
    nc->addWidget(m_newCode);
    auto *printCode = new QPushButton(tr("&Print the new recovery sheet…"));
    nc->addWidget(printCode, 0, Qt::AlignLeft);
    connect(printCode, &QPushButton::clicked, this, [this] {
        RecoverySheet::printWithDialog(this, m_vault->keySlots().structureName(), m_newCode->text(),
                                       m_vault->clock()->now());
    });
    m_newCodeWritten = new QCheckBox(tr("I have &written down the new recovery code"));
    nc->addWidget(m_newCodeWritten);
    m_newCodeDone = new QPushButton(tr("&Continue"));
    m_newCodeDone->setProperty("primary", true);
    m_newCodeDone->setEnabled(false);
    nc->addWidget(m_newCodeDone, 0, Qt::AlignRight);
    nc->addStretch();
    m_panels->addWidget(newCodePanel);
    connect(m_newCodeWritten, &QCheckBox::toggled, m_newCodeDone, &QPushButton::setEnabled);
    connect(m_newCodeDone, &QPushButton::clicked, this, &LoginPage::finishRecovery);
}

void LoginPage::fitAccountList()
{
    // As tall as its accounts (up to eight), whatever the text size.
    const int rows = qBound(1, m_accounts->count(), 8);
    const int rowHeight = m_accounts->count() > 0 ? m_accounts->sizeHintForRow(0) : fontMetrics().height();
    m_accounts->setFixedHeight(rows * rowHeight + 2 * m_accounts->frameWidth() + 8);
}

void LoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitAccountList();
    QWidget::changeEvent(event);
}

bool LoginPage::isBusy() const
{
    return m_busy;
}

void LoginPage::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void LoginPage::showMode(Mode mode, const Account &current)
{
    m_mode = mode;
    m_currentLogin = current.login;
    const KeySlots &keySlots = m_vault->keySlots();
    m_structure->setText(keySlots.structureName());
    switch (mode) {
    case Mode::SignIn:
        m_heading->setText(tr("Sign in"));
        break;
    case Mode::Locked:
        m_heading->setText(
            tr("Session locked. %1, type your password to go on, or choose another account.").arg(current.displayName));
        break;
    case Mode::SwitchUser:
        m_heading->setText(tr("Change user: choose your account and type your password."));
        break;
    }
    m_accounts->clear();
    for (const PasswordSlotInfo &info : keySlots.passwordSlots()) {
        auto *item = new QListWidgetItem(info.displayName, m_accounts);
        item->setData(LoginRole, info.login);
        item->setData(Qt::AccessibleTextRole, info.displayName);
    }
    fitAccountList();
    m_signOut->setVisible(mode != Mode::SignIn);
    m_forgot->setVisible(mode == Mode::SignIn);
    m_demoBox->setVisible(keySlots.isDemo());
    clearError(m_error, m_password);
    m_password->clear();
    m_panels->setCurrentIndex(0);
    m_waiting = false;
    m_waitTimer->stop();
    m_signIn->setEnabled(true);
    // On a shared kiosk the person coming back is most often the last one who signed in here.
    selectLogin(mode == Mode::SwitchUser ? QString() : current.login.isEmpty() ? lastLogin() : current.login);
    if (m_accounts->currentRow() < 0 && m_accounts->count() > 0 && mode != Mode::SwitchUser)
        m_accounts->setCurrentRow(0);
    if (mode == Mode::SwitchUser)
        m_accounts->setFocus();
    else
        m_password->setFocus();
    updateWait();
}

QString LoginPage::chosenLogin() const
{
    const QListWidgetItem *item = m_accounts->currentItem();
    return item ? item->data(LoginRole).toString() : QString();
}

// Kept in clear beside the store, outside the encrypted database, because it is needed before the store opens. A
// staff login names a mediator of the structure, never a citizen, and the list it preselects is readable before
// sign-in anyway (key slots); the password alone opens the store.
QString LoginPage::lastLogin() const
{
    const QSettings kiosk(QDir(m_vault->dataDir()).filePath(QStringLiteral("kiosk.ini")), QSettings::IniFormat);
    return kiosk.value(LastLoginKey).toString();
}

void LoginPage::rememberLogin(const QString &login)
{
    QSettings kiosk(QDir(m_vault->dataDir()).filePath(QStringLiteral("kiosk.ini")), QSettings::IniFormat);
    kiosk.setValue(LastLoginKey, login);
}

void LoginPage::updateWait()
{
    const QString login = chosenLogin();
    const qint64 wait = login.isEmpty() || m_busy ? 0 : m_vault->signInWait(login);
    if (wait > 0) {
        const QString message =
            tr("Too many failed attempts with this account. You can try again in %n second(s).", nullptr, int(wait));
        if (m_waiting)
            m_error->setText(message); // counted down in place: read out once, when the wait begins
        else
            showError(m_error, message, m_password);
        m_waiting = true;
        m_signIn->setEnabled(false);
        if (!m_waitTimer->isActive())
            m_waitTimer->start();
        return;
    }
    m_waitTimer->stop();
    if (m_waiting) {
        m_waiting = false;
        clearError(m_error, m_password);
        m_signIn->setEnabled(true);
    }
}

void LoginPage::selectLogin(const QString &login)
{
    for (int i = 0; i < m_accounts->count(); ++i) {
        if (m_accounts->item(i)->data(LoginRole).toString() == login) {
            m_accounts->setCurrentRow(i);
            return;
        }
    }
}

void LoginPage::signIn()
{
    if (isBusy())
        return;
    QListWidgetItem *item = m_accounts->currentItem();
    if (!item) {
        showError(m_error, tr("Choose your account in the list."), m_accounts);
        m_accounts->setFocus();
        return;
    }
    const QString login = item->data(LoginRole).toString();
    if (m_password->text().isEmpty()) {
        showError(m_error, tr("Type your password."), m_password);
        m_password->setFocus();
        return;
    }
    if (m_vault->signInWait(login) > 0) {
        m_password->clear();
        updateWait(); // says why, and for how long
        return;
    }
    if (Status s = m_vault->refreshSlots(); !s) {
        showError(m_error, s.message(), m_password);
        return;
    }
    QString typed = m_password->text();
    m_password->clear();
    const SecureBytes password = SecureBytes::fromQString(typed);
    m_pendingLogin = login;
    m_busy = true;
    m_signIn->setEnabled(false);
    m_signIn->setText(tr("Checking…"));
    setCursor(Qt::BusyCursor);
    const KeySlots keySlots = m_vault->keySlots();
    m_watcher.setFuture(QtConcurrent::run([keySlots, login, password]() -> Result<SecureBytes> {
        return Vault::unwrapPassword(keySlots, login, password);
    }));
}

void LoginPage::signInDone()
{
    if (!m_busy)
        return; // the empty future set below to drop the key reports "finished" too
    m_busy = false;
    unsetCursor();
    m_signIn->setEnabled(true);
    m_signIn->setText(tr("&Sign in"));
    auto account = m_vault->completeSignIn(m_pendingLogin, m_watcher.result());
    m_watcher.setFuture(QFuture<Result<SecureBytes>>()); // drop the key held by the finished future
    if (!account) {
        QString message = account.message();
        if (account.code() == ErrorCode::WrongPassword) {
            // The account was chosen in the list: only the password can be wrong, and saying so helps.
            message = tr("The password is wrong. Check the Caps Lock key and type it again.");
            const int failures = m_vault->failedSignIns(m_pendingLogin);
            if (failures >= WarnAfterFailures && failures < Throttle::FreeTries)
                message +=
                    QLatin1Char(' ') + tr("%n attempt(s) left before a wait.", nullptr, Throttle::FreeTries - failures);
        }
        showError(m_error, message, m_password);
        m_password->setFocus();
        updateWait();
        return;
    }
    clearError(m_error, m_password);
    rememberLogin(m_pendingLogin);
    Q_EMIT signedIn(account.value());
}

void LoginPage::showRecovery()
{
    clearError(m_codeError, m_code);
    m_code->clear();
    m_panels->setCurrentIndex(1);
    m_code->setFocus();
}

void LoginPage::recover()
{
    if (isBusy())
        return;
    if (m_code->text().trimmed().isEmpty()) {
        showError(m_codeError, tr("Type the recovery code."), m_code);
        return;
    }
    if (Status s = m_vault->checkRecoveryThrottle(); !s) {
        showError(m_codeError, s.message(), m_code);
        return;
    }
    if (Status s = m_vault->refreshSlots(); !s) {
        showError(m_codeError, s.message(), m_code);
        return;
    }
    const QString code = m_code->text();
    m_code->clear();
    m_recover->setEnabled(false);
    m_busy = true;
    setCursor(Qt::BusyCursor);
    const KeySlots keySlots = m_vault->keySlots();
    m_recoveryWatcher.setFuture(
        QtConcurrent::run([keySlots, code]() -> Result<SecureBytes> { return Vault::unwrapRecovery(keySlots, code); }));
}

void LoginPage::recoveryDone()
{
    if (!m_busy)
        return;
    m_busy = false;
    unsetCursor();
    m_recover->setEnabled(true);
    auto admins = m_vault->completeRecovery(m_recoveryWatcher.result());
    m_recoveryWatcher.setFuture(QFuture<Result<SecureBytes>>());
    if (!admins) {
        showError(m_codeError, admins.message(), m_code);
        m_code->setFocus();
        return;
    }
    m_recoveredAdmins = admins.value();
    m_admins->clear();
    for (const Account &a : m_recoveredAdmins)
        m_admins->addItem(QStringLiteral("%1 (%2)").arg(a.displayName, a.login));
    clearError(m_newError, m_newPassword);
    m_panels->setCurrentIndex(2);
    m_newPassword->setFocus();
}

void LoginPage::setNewAdminPassword()
{
    const int index = m_admins->currentIndex();
    if (index < 0 || index >= m_recoveredAdmins.size())
        return;
    const Account admin = m_recoveredAdmins.at(index);
    if (!typedTwiceAlike(m_newPassword, m_newConfirm, m_newError))
        return;
    QString typed = m_newPassword->text();
    m_newConfirm->clear();
    m_newPassword->clear();
    const SecureBytes password = SecureBytes::fromQString(typed);
    // The new password, then a new recovery code: the old one may have been seen while it was typed.
    if (Status s = m_vault->changePassword(admin, admin.login, password); !s) {
        showError(m_newError, s.message(), m_newPassword);
        m_newPassword->setFocus();
        return;
    }
    auto code = m_vault->renewRecoveryCode(admin);
    m_recoveredAdmin = admin;
    if (!code) {
        showError(m_newError, code.message());
        return;
    }
    m_newCode->setText(code.value());
    m_newCode->setAccessibleName(tr("New recovery code: %1").arg(code.value()));
    m_newCodeWritten->setChecked(false);
    m_panels->setCurrentIndex(3);
    m_newCode->setFocus();
}

void LoginPage::finishRecovery()
{
    m_newCode->clear();
    m_vault->record(m_recoveredAdmin.login, QStringLiteral("sign_in"));
    rememberLogin(m_recoveredAdmin.login);
    Q_EMIT signedIn(m_recoveredAdmin);
}

} // namespace relais::ui
