#include "HomePage.h"

#include "common/Ui.h"

#include <QVBoxLayout>

namespace relais::ui {

HomePage::HomePage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    m_greeting = makeLabel(QString(), "title");
    m_role = makeLabel(QString(), "subtitle");
    layout->addWidget(m_greeting);
    layout->addWidget(m_role);
    m_backupWarning = makeLabel(QString(), "warning");
    m_backupWarning->setObjectName(QStringLiteral("backupWarning"));
    m_backupWarning->setWordWrap(true);
    m_backupWarning->hide();
    layout->addWidget(m_backupWarning);
    m_backupFailure = makeLabel(QString(), "error");
    m_backupFailure->setObjectName(QStringLiteral("backupFailure"));
    m_backupFailure->setWordWrap(true);
    m_backupFailure->hide();
    layout->addWidget(m_backupFailure);
    layout->addWidget(makeLabel(tr("Lock the session whenever you leave the desk (Ctrl+L): the citizen's file is "
                                   "hidden, and your work waits for you."),
                                "hint"));
    layout->addWidget(makeLabel(tr("A colleague takes over? Use “Change user”: each person signs in with their "
                                   "own password, and the journal records who did what."),
                                "hint"));
    layout->addStretch();
}

void HomePage::setAccount(const Account &account, const QString &structure)
{
    m_greeting->setText(tr("Hello, %1").arg(account.displayName));
    m_role->setText(tr("%1 at %2").arg(roleLabel(account.role), structure));
    m_backupWarning->hide(); // only an administrator's home says it (setLastBackup)
}

void HomePage::setLastBackup(const QDateTime &last, const QDateTime &now)
{
    const qint64 days = last.isValid() ? last.daysTo(now) : -1;
    if (last.isValid() && days < BackupWarningDays) {
        m_backupWarning->hide();
        return;
    }
    // A disk that fails takes every queued démarche and every file with it: say so until a backup is made.
    m_backupWarning->setText(
        last.isValid()
            ? tr("The last backup of this store is %n day(s) old. Make one now in Administration → Backup, on a "
                 "USB key kept away from this PC.",
                 nullptr, static_cast<int>(days))
            : tr("This store has never been backed up. Make a backup in Administration → Backup, on a USB key kept "
                 "away from this PC."));
    m_backupWarning->show();
}

void HomePage::setBackupFailure(const QString &message)
{
    // Shown to whoever signs in: on a kiosk an administrator may not come by for days.
    m_backupFailure->setVisible(!message.isEmpty());
    m_backupFailure->setText(message.isEmpty() ? QString()
                                               : tr("The daily backup failed: %1 Tell your administrator, who can "
                                                    "check the backup folder in Administration → Backup.")
                                                     .arg(message));
}

} // namespace relais::ui
