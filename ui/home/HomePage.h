#pragma once

#include "security/Account.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace relais::ui {

// Accueil: who is signed in, where, and the habits that protect citizens' data.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    explicit HomePage(QWidget *parent = nullptr);
    void setAccount(const Account &account, const QString &structure);
    // For an administrator: a warning when the store was never backed up, or not for more than 7 days.
    void setLastBackup(const QDateTime &last, const QDateTime &now);
    static constexpr int BackupWarningDays = 7;
    // For everyone: why the last daily backup failed (empty: it did not, and nothing shows).
    void setBackupFailure(const QString &message);

private:
    QLabel *m_greeting;
    QLabel *m_role;
    QLabel *m_backupWarning;
    QLabel *m_backupFailure;
};

} // namespace relais::ui
