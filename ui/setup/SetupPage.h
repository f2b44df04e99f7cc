#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include "common/Result.h"
#include "security/Vault.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPagedPaintDevice;
class QPushButton;
class QStackedWidget;

namespace relais::ui {

// First run: structure name, first administrator, then the recovery code, which is shown once and
// must be confirmed as written down (or printed) before the kiosk goes on.
class SetupPage : public QWidget
{
    Q_OBJECT
public:
    explicit SetupPage(Vault *vault, QWidget *parent = nullptr);

    // Paints the recovery sheet on a printer or PDF writer (the Print button uses a print dialog).
    bool printRecoverySheet(QPagedPaintDevice *device) const;
    QString shownRecoveryCode() const { return m_code; }

Q_SIGNALS:
    void finished(const QString &adminLogin);

private:
    void goToAccountStep();
    void createStore();
    void storeCreated();
    void print();

    Vault *m_vault;
    QStackedWidget *m_steps;
    QLineEdit *m_structure;
    QLabel *m_structureError;
    QLineEdit *m_displayName;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_accountError;
    QPushButton *m_create;
    QLabel *m_codeLabel;
    QCheckBox *m_writtenDown;
    QPushButton *m_finish;
    QString m_code;
    QFutureWatcher<Result<InitResult>> m_watcher;
};

} // namespace relais::ui
