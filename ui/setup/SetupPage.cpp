#include "SetupPage.h"

#include "RecoverySheet.h"
#include "common/Ui.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace relais::ui {

SetupPage::SetupPage(Vault *vault, QWidget *parent) : QWidget(parent), m_vault(vault)
{
    // A readable column, centred, whatever the screen width.
    auto *centre = new QHBoxLayout(this);
    auto *column = new QWidget;
    column->setMaximumWidth(900);
    centre->addWidget(column);
    auto *outer = new QVBoxLayout(column);
    outer->setContentsMargins(48, 32, 48, 32);
    m_steps = new QStackedWidget(this);
    outer->addWidget(m_steps);

    // Step 1: the structure.
    auto *structureStep = new QWidget;
    auto *s1 = new QVBoxLayout(structureStep);
    s1->addWidget(makeLabel(tr("Welcome to Relais"), "title"));
    s1->addWidget(makeLabel(tr("This computer has no Relais store yet. In three steps you will name your structure, "
                               "create the first administrator account and receive the recovery code."),
                            "hint"));
    auto *f1 = new QFormLayout;
    m_structure = new QLineEdit;
    m_structure->setAccessibleName(tr("Name of the structure"));
    m_structure->setPlaceholderText(tr("e.g. France Services de Saint-Affrique"));
    f1->addRow(tr("&Name of the structure:"), m_structure);
    s1->addLayout(f1);
    m_structureError = makeErrorLabel();
    s1->addWidget(m_structureError);
    auto *next = new QPushButton(tr("&Next"));
    next->setProperty("primary", true);
    next->setAccessibleName(tr("Next step: administrator account"));
    auto *r1 = new QHBoxLayout;
    r1->addStretch();
    r1->addWidget(next);
    s1->addLayout(r1);
    s1->addStretch();
    m_steps->addWidget(structureStep);
    connect(next, &QPushButton::clicked, this, &SetupPage::goToAccountStep);
    connect(m_structure, &QLineEdit::returnPressed, this, &SetupPage::goToAccountStep);

    // Step 2: the first administrator.
    auto *accountStep = new QWidget;
    auto *s2 = new QVBoxLayout(accountStep);
    s2->addWidget(makeLabel(tr("First administrator"), "title"));
    s2->addWidget(makeLabel(tr("The administrator manages accounts, settings and backups. Choose a password of at "
                               "least 12 characters, or a passphrase of at least 6 words."),
                            "hint"));
    auto *f2 = new QFormLayout;
    m_displayName = new QLineEdit;
    m_displayName->setAccessibleName(tr("Full name"));
    m_login = new QLineEdit;
    m_login->setAccessibleName(tr("Login"));
    m_login->setPlaceholderText(tr("e.g. admin"));
    m_password = makePasswordField(tr("Password"));
    m_confirm = makePasswordField(tr("Password again"));
    f2->addRow(tr("&Full name:"), m_displayName);
    f2->addRow(tr("&Login:"), m_login);
    f2->addRow(tr("&Password:"), m_password);
    f2->addRow(tr("Password &again:"), m_confirm);
    s2->addLayout(f2);
    m_accountError = makeErrorLabel();
    s2->addWidget(m_accountError);
    auto *back = new QPushButton(tr("&Back"));
    m_create = new QPushButton(tr("&Create the store"));
    m_create->setProperty("primary", true);
    auto *r2 = new QHBoxLayout;
    r2->addWidget(back);
    r2->addStretch();
    r2->addWidget(m_create);
    s2->addLayout(r2);
    s2->addStretch();
    m_steps->addWidget(accountStep);
    connect(back, &QPushButton::clicked, this, [this] { m_steps->setCurrentIndex(0); });
    connect(m_create, &QPushButton::clicked, this, &SetupPage::createStore);
    connect(m_confirm, &QLineEdit::returnPressed, this, &SetupPage::createStore);

    // Step 3: the recovery code.
    auto *codeStep = new QWidget;
    auto *s3 = new QVBoxLayout(codeStep);
    s3->addWidget(makeLabel(tr("Recovery code"), "title"));
    s3->addWidget(makeLabel(tr("If every administrator password is lost, this code is the only way to open the "
                               "structure's files. It is shown only now: write it down or print it, and keep it "
                               "locked away from the computer."),
                            "hint"));
    m_codeLabel = makeLabel(QString(), "code");
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_codeLabel->setFocusPolicy(Qt::StrongFocus);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    s3->addWidget(m_codeLabel);
    auto *printButton = new QPushButton(tr("&Print the recovery sheet…"));
    m_writtenDown = new QCheckBox(tr("I have &written down or printed the recovery code and will keep it safe"));
    m_finish = new QPushButton(tr("&Finish"));
    m_finish->setProperty("primary", true);
    m_finish->setEnabled(false);
    s3->addWidget(printButton, 0, Qt::AlignLeft);
    s3->addWidget(m_writtenDown);
    auto *r3 = new QHBoxLayout;
    r3->addStretch();
    r3->addWidget(m_finish);
    s3->addLayout(r3);
    s3->addStretch();
    m_steps->addWidget(codeStep);
    connect(printButton, &QPushButton::clicked, this, &SetupPage::print);
    connect(m_writtenDown, &QCheckBox::toggled, m_finish, &QPushButton::setEnabled);
    connect(m_finish, &QPushButton::clicked, this, [this] {
        const QString login = m_login->text().trimmed();
        m_code.fill(QLatin1Char('x'));
        m_code.clear();
        m_codeLabel->clear();
        Q_EMIT finished(login);
    });
    connect(&m_watcher, &QFutureWatcher<Result<InitResult>>::finished, this, &SetupPage::storeCreated);
    setFocusProxy(m_structure);
}

void SetupPage::goToAccountStep()
{
    if (m_structure->text().trimmed().isEmpty()) {
        showError(m_structureError, tr("Enter the name of the structure."), m_structure);
        m_structure->setFocus();
        return;
    }
    clearError(m_structureError, m_structure);
    m_steps->setCurrentIndex(1);
    m_displayName->setFocus();
}

void SetupPage::createStore()
{
    if (m_watcher.isRunning())
        return;
    clearError(m_accountError, m_password);
    const QString login = m_login->text().trimmed();
    if (Status s = Vault::checkLogin(login); !s) {
        showError(m_accountError, s.message(), m_login);
        m_login->setFocus();
        return;
    }
    if (!typedTwiceAlike(m_password, m_confirm, m_accountError))
        return;
    m_confirm->clear();
    QString typed = m_password->text();
    SecureBytes password = SecureBytes::fromQString(typed);
    if (Status s = Vault::checkPasswordPolicy(password, login); !s) {
        showError(m_accountError, s.message(), m_password);
        m_password->setFocus();
        return;
    }
    m_password->clear();
    m_create->setEnabled(false);
    m_create->setText(tr("Creating the store…"));
    setCursor(Qt::BusyCursor);
    const QString structure = m_structure->text().trimmed();
    const QString displayName = m_displayName->text().trimmed();
    Vault *vault = m_vault;
    // Two Argon2id derivations and the first write: off the GUI thread. The connection made there is
    // closed there too; the administrator then signs in from the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([vault, structure, login, displayName, password]() -> Result<InitResult> {
        auto result = vault->initialize(structure, login, displayName, password);
        vault->close();
        return result;
    }));
}

void SetupPage::storeCreated()
{
    unsetCursor();
    m_create->setEnabled(true);
    m_create->setText(tr("&Create the store"));
    const Result<InitResult> result = m_watcher.result();
    if (!result) {
        showError(m_accountError, result.message());
        return;
    }
    m_code = result->recoveryCode;
    m_codeLabel->setText(m_code);
    m_codeLabel->setAccessibleName(tr("Recovery code: %1").arg(m_code));
    m_steps->setCurrentIndex(2);
    m_codeLabel->setFocus();
}

bool SetupPage::printRecoverySheet(QPagedPaintDevice *device) const
{
    return RecoverySheet::print(device, m_structure->text().trimmed(), m_code, m_vault->clock()->now().toLocalTime());
}

void SetupPage::print()
{
    RecoverySheet::printWithDialog(this, m_structure->text().trimmed(), m_code, m_vault->clock()->now());
}

} // namespace relais::ui
