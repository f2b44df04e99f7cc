#pragma once

#include "common/SecureBytes.h"
#include "security/Account.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace relais::ui {

// Short blocking question: a new account (login, name, role, password), or a new password for one.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        NewAccount,
        NewPassword
    };
    AccountDialog(Kind kind, const QString &login, QWidget *parent = nullptr);

    QString login() const;
    QString displayName() const;
    Role role() const;
    // The typed password, moved out of the widget and wiped there.
    SecureBytes takePassword();
    void showError(const QString &message);

private:
    void check();

    Kind m_kind;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace relais::ui
