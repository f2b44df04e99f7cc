#pragma once

#include "security/Account.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace relais {
class Vault;
class Session;
} // namespace relais

namespace relais::ui {

// Administration: accounts, the system keychain slot, the recovery code and the idle lock delay.
class AdminPage : public QWidget
{
    Q_OBJECT
public:
    AdminPage(Vault *vault, Session *session, QWidget *parent = nullptr);
    void refresh();

    QTableWidget *accountsTable() const { return m_table; }

Q_SIGNALS:
    void idleLockChanged(int minutes);
    // Only an administrator may end the program: in kiosk mode nothing else closes it.
    void quitRequested();

private:
    QString selectedLogin() const;
    void addAccount();
    void changePassword();
    void disableAccount();
    void toggleKeychain(bool enabled);
    void renewRecoveryCode();
    void saveIdleLock();
    void report(const QString &message, bool error);

    Vault *m_vault;
    Session *m_session;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_passwd;
    QPushButton *m_disable;
    QCheckBox *m_keychain;
    QLabel *m_keychainState;
    QSpinBox *m_idle;
    QLabel *m_message;
};

} // namespace relais::ui
