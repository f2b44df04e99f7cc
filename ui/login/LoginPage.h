#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include "common/Result.h"
#include "common/SecureBytes.h"
#include "security/Account.h"
#include "security/Vault.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QComboBox;
class QTimer;

namespace relais::ui {

// Sign-in, lock screen and recovery. Lists the structure's accounts from the key slots (readable
// before the store is open); the password is checked on a worker thread (Argon2id).
class LoginPage : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        SignIn,
        Locked,
        SwitchUser
    };

    explicit LoginPage(Vault *vault, QWidget *parent = nullptr);

    // Refreshes the account list from the key slots and shows the page in `mode`.
    void showMode(Mode mode, const Account &current = Account());
    void setNotice(const QString &notice);
    Mode mode() const { return m_mode; }
    bool isBusy() const;

Q_SIGNALS:
    void signedIn(const Account &account);
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitAccountList();
    void signIn();
    void signInDone();
    void selectLogin(const QString &login);
    QString chosenLogin() const;
    // The last person to sign in on this kiosk, kept in the data folder (a login, not a name: see rememberLogin()).
    QString lastLogin() const;
    void rememberLogin(const QString &login);
    // While the chosen account must wait after too many failures: the seconds left, counted down each second, and
    // the Sign-in button off; when the wait ends, both go.
    void updateWait();
    void showRecovery();
    void recover();
    void recoveryDone();
    void setNewAdminPassword();
    void finishRecovery();

    Vault *m_vault;
    Mode m_mode = Mode::SignIn;
    QString m_currentLogin;
    QStackedWidget *m_panels;
    QLabel *m_structure;
    QLabel *m_heading;
    QLabel *m_notice;
    QListWidget *m_accounts;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_signIn;
    QPushButton *m_signOut;
    QPushButton *m_forgot;
    QWidget *m_demoBox;
    // Recovery.
    QLineEdit *m_code;
    QLabel *m_codeError;
    QPushButton *m_recover;
    QComboBox *m_admins;
    QLineEdit *m_newPassword;
    QLineEdit *m_newConfirm;
    QLabel *m_newError;
    QLabel *m_newCode;
    QCheckBox *m_newCodeWritten;
    QPushButton *m_newCodeDone;
    QList<Account> m_recoveredAdmins;
    Account m_recoveredAdmin;
    QString m_pendingLogin;
    bool m_busy = false; // from the click until the result has been handled on this thread
    bool m_waiting = false;
    QTimer *m_waitTimer;
    QFutureWatcher<Result<SecureBytes>> m_watcher;
    QFutureWatcher<Result<SecureBytes>> m_recoveryWatcher;
};

} // namespace relais::ui
