#include "AccountDialog.h"

#include "common/Ui.h"
#include "security/Vault.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais::ui {

AccountDialog::AccountDialog(Kind kind, const QString &login, QWidget *parent) : QDialog(parent), m_kind(kind)
{
    setWindowTitle(kind == Kind::NewAccount ? tr("New account") : tr("New password for %1").arg(login));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (kind == Kind::NewAccount) {
        m_name = new QLineEdit;
        m_name->setAccessibleName(tr("Full name"));
        m_login = new QLineEdit;
        m_login->setAccessibleName(tr("Login"));
        m_role = new QComboBox;
        m_role->setAccessibleName(tr("Role"));
        for (Role r : {Role::Mediator, Role::Volunteer, Role::Admin})
            m_role->addItem(roleLabel(r), static_cast<int>(r));
        form->addRow(tr("&Full name:"), m_name);
        form->addRow(tr("&Login:"), m_login);
        form->addRow(tr("&Role:"), m_role);
    }
    m_password = makePasswordField(tr("Password"));
    m_confirm = makePasswordField(tr("Password again"));
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Password &again:"), m_confirm);
    layout->addLayout(form);
    layout->addWidget(makeLabel(tr("At least 12 characters, or a passphrase of at least 6 words."), "hint"));
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(kind == Kind::NewAccount ? tr("&Create") : tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AccountDialog::login() const
{
    return m_login ? m_login->text().trimmed() : QString();
}

QString AccountDialog::displayName() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

Role AccountDialog::role() const
{
    return m_role ? static_cast<Role>(m_role->currentData().toInt()) : Role::Mediator;
}

SecureBytes AccountDialog::takePassword()
{
    QString typed = m_password->text();
    m_password->clear();
    m_confirm->clear();
    return SecureBytes::fromQString(typed);
}

void AccountDialog::showError(const QString &message)
{
    relais::ui::showError(m_error, message);
}

void AccountDialog::check()
{
    if (m_kind == Kind::NewAccount) {
        if (Status s = Vault::checkLogin(login()); !s) {
            relais::ui::showError(m_error, s.message(), m_login);
            m_login->setFocus();
            return;
        }
    }
    if (!typedTwiceAlike(m_password, m_confirm, m_error))
        return;
    QString typed = m_password->text();
    const SecureBytes probe = SecureBytes::fromQString(typed);
    if (Status s = Vault::checkPasswordPolicy(probe, m_kind == Kind::NewAccount ? login() : QString()); !s) {
        relais::ui::showError(m_error, s.message(), m_password);
        m_password->setFocus();
        return;
    }
    accept();
}

} // namespace relais::ui
