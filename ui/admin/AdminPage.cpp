#include "AdminPage.h"

#include "RetentionView.h"
#include "catalogue/Catalogue.h"

#include "AccountDialog.h"
#include "EnrolmentDialog.h"
#include "JournalView.h"
#include "common/Ui.h"
#include "domain/PhotoDownscaler.h"
#include "domain/ScanFolder.h"
#include "domain/Workspace.h"
#include "security/BackupScheduler.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace relais::ui {

AdminPage::AdminPage(Vault *vault, Session *session, QWidget *parent, const catalogue::CatalogueStore *catalogue)
    : QWidget(parent), m_vault(vault), m_session(session)
{
    // Scrolls when the text is enlarged (up to 200 %) or the screen is small, instead of squeezing the hints.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *content = new QWidget;
    // The journal takes the whole page (a long table), in place of the settings, rather than a dialog.
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);
    m_stack->addWidget(makePageScroll(content));
    m_journal = new JournalView(vault, session);
    m_stack->addWidget(m_journal);
    connect(m_journal, &JournalView::backRequested, this, [this] { m_stack->setCurrentIndex(0); });
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(makeLabel(tr("Administration"), "title"));
    m_message = makeLabel(QString(), "info");
    m_message->hide();
    layout->addWidget(m_message);

    auto *accounts = new QGroupBox(tr("Accounts"));
    auto *a = new QVBoxLayout(accounts);
    m_table = new QTableWidget(0, 4);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Login"), tr("Role"), tr("State")});
    m_table->setAccessibleName(tr("Accounts of the structure"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    a->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&New account…"));
    m_passwd = new QPushButton(tr("Change &password…"));
    m_disable = new QPushButton(tr("&Disable"));
    markDestructive(m_disable);
    buttons->addWidget(m_add);
    buttons->addWidget(m_passwd);
    buttons->addWidget(m_disable);
    buttons->addStretch();
    a->addLayout(buttons);
    layout->addWidget(accounts, 1);
    connect(m_add, &QPushButton::clicked, this, &AdminPage::addAccount);
    connect(m_passwd, &QPushButton::clicked, this, &AdminPage::changePassword);
    connect(m_disable, &QPushButton::clicked, this, &AdminPage::disableAccount);

    auto *security = new QGroupBox(tr("Security"));
    auto *s = new QFormLayout(security);
    m_keychain = new QCheckBox(tr("Open the store with this computer's &keychain (staff PCs only)"));
    m_keychainState = makeLabel(QString(), "hint");
    s->addRow(m_keychain);
    s->addRow(m_keychainState);
    auto *recovery = new QPushButton(tr("Replace the &recovery code…"));
    auto *recoveryRow = new QHBoxLayout;
    recoveryRow->addWidget(recovery);
    recoveryRow->addStretch();
    s->addRow(recoveryRow);
    auto *journal = new QPushButton(tr("View the &journal…"));
    journal->setToolTip(tr("Who did what and when, with a check that no entry was changed or removed."));
    auto *journalRow = new QHBoxLayout;
    journalRow->addWidget(journal);
    journalRow->addStretch();
    s->addRow(journalRow);
    connect(journal, &QPushButton::clicked, this, &AdminPage::showJournal);
    m_idle = new QSpinBox;
    m_idle->setRange(1, 60);
    m_idle->setSuffix(tr(" min"));
    m_idle->setAccessibleName(tr("Lock the session after this many minutes without activity"));
    auto *idleRow = new QHBoxLayout;
    idleRow->addWidget(m_idle);
    auto *saveIdle = new QPushButton(tr("&Apply"));
    idleRow->addWidget(saveIdle);
    idleRow->addStretch();
    auto *idleLabel = new QLabel(tr("Lock after &inactivity:"));
    idleLabel->setBuddy(m_idle); // a row built from a layout gets no buddy by itself
    s->addRow(idleLabel, idleRow);
    layout->addWidget(security);

    // The central platform: where queued démarches go (Alt+Y in English, Alt+B in French: free on this screen).
    auto *platform = new QGroupBox(tr("Platform"));
    auto *pl = new QVBoxLayout(platform);
    m_platformState = makeLabel(QString(), "hint");
    m_platformState->setWordWrap(true);
    pl->addWidget(m_platformState);
    auto *enrol = new QPushButton(tr("S&ync with the platform…"));
    enrol->setToolTip(tr("Connect this kiosk to the platform with a one-time code, or see its connection"));
    auto *enrolRow = new QHBoxLayout;
    enrolRow->addWidget(enrol);
    enrolRow->addStretch();
    pl->addLayout(enrolRow);
    layout->addWidget(platform);
    connect(enrol, &QPushButton::clicked, this, &AdminPage::openEnrolment);

    // Mnemonics already taken on this page and around it (shell, accessibility bar): A D H J K L N O P Q R S T.
    auto *documents = new QGroupBox(tr("Documents"));
    auto *d = new QFormLayout(documents);
    m_scanPath = new QLineEdit;
    m_scanPath->setReadOnly(true);
    m_scanPath->setAccessibleName(tr("Scan folder"));
    auto *choose = new QPushButton(tr("&Choose…"));
    choose->setAccessibleName(tr("Choose the scan folder"));
    m_noScan = new QPushButton(tr("No scan fold&er"));
    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(m_scanPath, 1);
    scanRow->addWidget(choose);
    scanRow->addWidget(m_noScan);
    auto *scanLabel = new QLabel(tr("Scan &folder:"));
    scanLabel->setBuddy(m_scanPath);
    d->addRow(scanLabel, scanRow);
    m_scanError = makeErrorLabel();
    d->addRow(m_scanError);
    auto *scanHint = makeLabel(tr("The folder where the network scanner saves its PDFs and pictures. A scan that "
                                  "arrives there is offered in the form in one click. Once attached, it is deleted "
                                  "from the folder: citizens' documents must not stay in a shared folder. Relais "
                                  "uses a new folder from the next sign-in."),
                               "hint");
    d->addRow(scanHint);
    choose->setAccessibleDescription(scanHint->text()); // the field's own description carries its errors
    m_downscale = new QCheckBox(tr("Red&uce photos before storing them"));
    d->addRow(m_downscale);
    auto *photoHint = makeLabel(tr("Photos taken with a phone are scaled down to %1 pixels on their longest side: "
                                   "still easy to read, much lighter to store and send. PDF files are never changed.")
                                    .arg(PhotoDownscaler::DefaultMaxSide),
                                "hint");
    d->addRow(photoHint);
    m_downscale->setAccessibleDescription(photoHint->text());
    layout->addWidget(documents);

    // Backups: a failed disk must not take the queued démarches and the files with it.
    auto *backup = new QGroupBox(tr("Backup"));
    auto *b = new QVBoxLayout(backup);
    m_lastBackup = makeLabel(QString(), "hint");
    m_lastBackup->setObjectName(QStringLiteral("lastBackup"));
    m_lastBackup->setWordWrap(true);
    b->addWidget(m_lastBackup);
    m_backupSchedule = makeLabel(QString(), "hint");
    m_backupSchedule->setObjectName(QStringLiteral("backupSchedule"));
    m_backupSchedule->setWordWrap(true);
    b->addWidget(m_backupSchedule);
    auto *backupNow = new QPushButton(tr("&Back up now…"));
    backupNow->setObjectName(QStringLiteral("backupNow"));
    backupNow->setToolTip(tr("An encrypted copy of the whole store, in one file, made while Relais goes on working. "
                             "Save it on a USB key kept away from this PC; it restores with relais-admin restore."));
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(backupNow);
    backupRow->addStretch();
    b->addLayout(backupRow);
    layout->addWidget(backup);
    connect(backupNow, &QPushButton::clicked, this, &AdminPage::backUpNow);

    m_retention = new RetentionView(vault, session, catalogue ? &catalogue->current() : nullptr);
    layout->addWidget(m_retention);

    auto *quit = new QPushButton(tr("&Quit Relais on this computer"));
    quit->setToolTip(tr("Ends the program, also in kiosk mode. Everything is saved first."));
    layout->addWidget(quit, 0, Qt::AlignLeft);
    connect(quit, &QPushButton::clicked, this, &AdminPage::quitRequested);
    connect(m_keychain, &QCheckBox::clicked, this, &AdminPage::toggleKeychain);
    connect(recovery, &QPushButton::clicked, this, &AdminPage::renewRecoveryCode);
    connect(saveIdle, &QPushButton::clicked, this, &AdminPage::saveIdleLock);
    connect(choose, &QPushButton::clicked, this, &AdminPage::chooseScanFolder);
    connect(m_noScan, &QPushButton::clicked, this, &AdminPage::clearScanFolder);
    connect(m_downscale, &QCheckBox::clicked, this, &AdminPage::setDownscalePhotos);
}

void AdminPage::showJournal()
{
    m_journal->refresh();
    m_stack->setCurrentWidget(m_journal);
    m_journal->table()->setFocus();
}

void AdminPage::report(const QString &message, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("error") : QStringLiteral("info"));
    showError(m_message, message);
}

void AdminPage::openEnrolment()
{
    if (!m_session->isActive())
        return;
    if (!m_workspace)
        return;
    EnrolmentDialog dialog(m_workspace, this);
    connect(&dialog, &EnrolmentDialog::enrolled, this, &AdminPage::platformEnrolled);
    dialog.exec();
    m_platformState->setText(EnrolmentDialog::describe(m_workspace));
}

void AdminPage::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_retention->setWorkspace(workspace);
    // Accounts added or disabled with relais-admin, an enrolment made elsewhere: the page shows them.
    if (workspace) {
        connect(workspace, &Workspace::accountsChanged, this, &AdminPage::refresh);
        connect(workspace, &Workspace::syncStateChanged, this,
                [this] { m_platformState->setText(EnrolmentDialog::describe(m_workspace)); });
    }
}

void AdminPage::refresh()
{
    m_platformState->setText(EnrolmentDialog::describe(m_workspace));
    const QDateTime lastBackup =
        QDateTime::fromString(m_vault->setting(Vault::lastBackupSetting()), Qt::ISODate).toLocalTime();
    m_lastBackup->setText(lastBackup.isValid()
                              ? tr("Last backup: %1.").arg(QLocale().toString(lastBackup, QLocale::ShortFormat))
                              : tr("This store has never been backed up."));
    const BackupScheduler::Schedule schedule = BackupScheduler::schedule(*m_vault);
    const QString failure = BackupScheduler::lastFailure(*m_vault);
    QString scheduleText =
        schedule.isOn() ? tr("Every day, Relais backs up the store into %1 and keeps the %n most recent backup(s).",
                             nullptr, schedule.keep)
                              .arg(QDir::toNativeSeparators(schedule.folder))
                        : tr("No daily backup is scheduled. An administrator sets one with: relais-admin backup "
                             "schedule --folder FOLDER --keep N");
    if (schedule.isOn() && !failure.isEmpty())
        scheduleText += QLatin1Char(' ') + tr("The last try failed: %1").arg(failure);
    m_backupSchedule->setProperty("role", schedule.isOn() && !failure.isEmpty() ? QStringLiteral("error")
                                                                                : QStringLiteral("hint"));
    m_backupSchedule->style()->unpolish(m_backupSchedule); // the role's colours follow
    m_backupSchedule->style()->polish(m_backupSchedule);
    m_backupSchedule->setText(scheduleText);
    auto list = m_vault->accounts();
    m_table->setRowCount(0);
    if (list) {
        for (const Account &acc : list.value()) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(acc.displayName));
            m_table->setItem(row, 1, new QTableWidgetItem(acc.login));
            m_table->setItem(row, 2, new QTableWidgetItem(roleLabel(acc.role)));
            m_table->setItem(row, 3, new QTableWidgetItem(acc.disabled ? tr("Disabled") : tr("Active")));
        }
    }
    m_table->resizeColumnsToContents();
    const bool enabled = m_vault->keySlots().hasKeychainSlot();
    m_keychain->setChecked(enabled);
    m_keychainState->setText(enabled ? tr("The keychain slot is enabled: this computer opens the store when its "
                                          "session starts; everyone still signs in with a password.")
                                     : tr("Disabled: the store opens only with a password or the recovery code."));
    m_idle->setValue(static_cast<int>(m_session->idleLockMs() / 60000));
    const QString folder = m_vault->setting(QStringLiteral("scan_folder"));
    m_scanPath->setText(folder.isEmpty() ? tr("None") : QDir::toNativeSeparators(folder));
    m_noScan->setEnabled(!folder.isEmpty());
    clearError(m_scanError, m_scanPath);
    m_downscale->setChecked(m_vault->setting(QStringLiteral("downscale_photos"), QStringLiteral("1")) !=
                            QLatin1String("0"));
    m_retention->refresh();
}

QString AdminPage::selectedLogin() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
}

void AdminPage::addAccount()
{
    AccountDialog dialog(AccountDialog::Kind::NewAccount, QString(), this);
    while (dialog.exec() == QDialog::Accepted) {
        const SecureBytes password = dialog.takePassword();
        if (Status s = m_vault->addAccount(m_session->account(), dialog.login(), dialog.displayName(), dialog.role(),
                                           password);
            !s) {
            dialog.showError(s.message());
            continue;
        }
        refresh();
        report(tr("Account %1 created.").arg(dialog.login()), false);
        return;
    }
}

void AdminPage::changePassword()
{
    const QString login = selectedLogin();
    if (login.isEmpty()) {
        report(tr("Choose an account in the list first."), true);
        return;
    }
    AccountDialog dialog(AccountDialog::Kind::NewPassword, login, this);
    while (dialog.exec() == QDialog::Accepted) {
        const SecureBytes password = dialog.takePassword();
        if (Status s = m_vault->changePassword(m_session->account(), login, password); !s) {
            dialog.showError(s.message());
            continue;
        }
        report(tr("Password of %1 changed.").arg(login), false);
        return;
    }
}

void AdminPage::disableAccount()
{
    const QString login = selectedLogin();
    if (login.isEmpty()) {
        report(tr("Choose an account in the list first."), true);
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Disable the account"),
        tr("Disable %1? This person will no longer be able to sign in. Their work stays in the store.").arg(login));
    if (answer != QMessageBox::Yes)
        return;
    // Disabling re-keys the store (the whole database is copied under a new key): seconds on a large store.
    const Status s = withProgress(tr("Disable the account"), tr("Disabling the account and changing the store's key…"),
                                  [&](const Vault::Progress &progress) {
                                      return m_vault->setDisabled(m_session->account(), login, true, progress);
                                  });
    refresh();
    if (!s) {
        report(s.message(), true);
        return;
    }
    const ResealReport rekeyed = m_vault->takeRekeyReport();
    QString done =
        tr("Account %1 disabled. The store has a new key: a copy of the old key file opens nothing.").arg(login);
    if (!rekeyed.loginsWithoutSlot.isEmpty())
        done += QLatin1Char(' ') + tr("These accounts were made by an older Relais and need a new password: %1.")
                                       .arg(rekeyed.loginsWithoutSlot.join(QStringLiteral(", ")));
    report(done, !rekeyed.loginsWithoutSlot.isEmpty());
    if (!rekeyed.newRecoveryCode.isEmpty())
        showNewRecoveryCode(rekeyed.newRecoveryCode);
}

Status AdminPage::withProgress(const QString &title, const QString &label,
                               const std::function<Status(const std::function<void(int)> &)> &work)
{
    // The work runs here, on the GUI thread: the dialog is repainted at each step, and nothing can be clicked.
    QProgressDialog progress(label, QString(), 0, 100, this);
    progress.setWindowTitle(title);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    const Status s = work([&progress](int percent) {
        progress.setValue(percent);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
    progress.reset();
    return s;
}

void AdminPage::backUpNow()
{
    const QString folder = m_chooseBackupFolder ? m_chooseBackupFolder()
                                                : QFileDialog::getExistingDirectory(this, tr("Folder for the backup"),
                                                                                    QStringLiteral("/media"));
    if (folder.isEmpty())
        return;
    const QString file = QDir(folder).filePath(
        QStringLiteral("relais-%1.rbk").arg(m_vault->clock()->now().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const Status s = withProgress(tr("Backup"), tr("Backing up the store…"), [&](const Vault::Progress &progress) {
        return m_vault->backup(m_session->account(), file, progress);
    });
    refresh();
    if (!s) {
        report(s.message(), true);
        return;
    }
    report(tr("Backup written to %1. It is encrypted like the store; keep it away from this PC.")
               .arg(QDir::toNativeSeparators(file)),
           false);
}

void AdminPage::showNewRecoveryCode(const QString &code)
{
    QMessageBox box(QMessageBox::Information, tr("New recovery code"),
                    tr("Write down this new recovery code and keep it safe; destroy the old sheet.\n\n%1").arg(code),
                    QMessageBox::Ok, this);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box.exec();
}

void AdminPage::toggleKeychain(bool enabled)
{
    const Status s =
        enabled ? m_vault->enableKeychain(m_session->account()) : m_vault->disableKeychain(m_session->account());
    refresh();
    if (!s)
        report(s.message(), true);
    else
        report(enabled ? tr("Keychain slot enabled.") : tr("Keychain slot removed."), false);
}

void AdminPage::renewRecoveryCode()
{
    const auto answer = QMessageBox::question(
        this, tr("Replace the recovery code"),
        tr("The current recovery code will stop working and a new one will be shown once. Go on?"));
    if (answer != QMessageBox::Yes)
        return;
    auto code = m_vault->renewRecoveryCode(m_session->account());
    if (!code) {
        report(code.message(), true);
        return;
    }
    showNewRecoveryCode(code.value());
    report(tr("The recovery code was replaced."), false);
}

void AdminPage::saveIdleLock()
{
    const int minutes = m_idle->value();
    if (Status s =
            m_vault->setSetting(m_session->account(), QStringLiteral("idle_lock_minutes"), QString::number(minutes));
        !s) {
        report(s.message(), true);
        return;
    }
    m_session->setIdleLockMs(qint64(minutes) * 60000);
    Q_EMIT idleLockChanged(minutes);
    report(tr("Sessions now lock after %n minute(s) without activity.", nullptr, minutes), false);
}

void AdminPage::chooseScanFolder()
{
    const QString current = m_vault->setting(QStringLiteral("scan_folder"));
    const QString path = QFileDialog::getExistingDirectory(this, tr("Folder where the scanner saves"), current);
    if (!path.isEmpty()) // cancelled: nothing changes
        setScanFolder(path);
}

bool AdminPage::setScanFolder(const QString &path)
{
    if (path.isEmpty())
        return clearScanFolder();
    const QString folder = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    {
        // The same checks, and messages, as when the forms watch the folder: missing, not a folder, unreadable.
        ScanFolder probe(m_vault->clock());
        if (Status s = probe.setFolder(folder); !s) {
            showError(m_scanError, s.message(), m_scanPath);
            m_scanPath->setFocus();
            return false;
        }
    }
    if (!saveScanFolder(folder))
        return false;
    if (!QFileInfo(folder).isWritable())
        report(tr("Scan folder saved, but Relais cannot delete files in %1: attached scans will have to be "
                  "deleted from it by hand. Give this computer's account the right to modify the folder.")
                   .arg(QDir::toNativeSeparators(folder)),
               true);
    else
        report(tr("Scan folder saved: %1. It is used from the next sign-in.").arg(QDir::toNativeSeparators(folder)),
               false);
    return true;
}

bool AdminPage::clearScanFolder()
{
    if (!saveScanFolder(QString()))
        return false;
    report(tr("No scan folder any more (from the next sign-in)."), false);
    return true;
}

bool AdminPage::saveScanFolder(const QString &folder)
{
    if (Status s = m_vault->setSetting(m_session->account(), QStringLiteral("scan_folder"), folder); !s) {
        showError(m_scanError, s.message(), m_scanPath);
        return false;
    }
    refresh();
    return true;
}

bool AdminPage::setDownscalePhotos(bool enabled)
{
    if (Status s = m_vault->setSetting(m_session->account(), QStringLiteral("downscale_photos"),
                                       enabled ? QStringLiteral("1") : QStringLiteral("0"));
        !s) {
        refresh(); // the box shows what is really stored
        report(s.message(), true);
        return false;
    }
    refresh();
    report(enabled ? tr("Photos will be reduced before they are stored.")
                   : tr("Photos will be stored as they are, without reduction."),
           false);
    return true;
}

} // namespace relais::ui
