#pragma once

#include "security/Account.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace relais {
class Workspace;
}

namespace relais::ui {

// Connects this kiosk to the central platform (DESIGN §6): the administrator types the platform's address and the
// one-time code the platform printed; the device gets its id and token, kept in the encrypted store, and the
// platform's signing key is pinned. Also shows the current enrolment, and why sending stopped if it did.
class EnrolmentDialog : public QDialog
{
    Q_OBJECT
public:
    // The signed-in administrator's session.
    explicit EnrolmentDialog(Workspace *workspace, QWidget *parent = nullptr);

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *codeField() const { return m_code; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *enrolButton() const { return m_enrol; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *errorLabel() const { return m_error; }

    // "Connected to <platform> (<url>) as device <id>", "Not connected to a platform", or the stop reason.
    static QString describe(const Workspace *workspace);

Q_SIGNALS:
    void enrolled();

private:
    void enrol();

    Workspace *m_workspace;
    Account m_admin;
    QNetworkAccessManager *m_nam;
    QLabel *m_state;
    QLineEdit *m_url;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLabel *m_error;
    QPushButton *m_enrol;
};

} // namespace relais::ui
