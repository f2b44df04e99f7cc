// Drives the real kiosk window, as a mediator would, from an empty data folder to the shell.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TinyTmpfs.h"
#include "UiFind.h"

#include "admin/AdminPage.h"
#include "common/Translations.h"
#include "home/HomePage.h"
#include "login/LoginPage.h"
#include "security/BackupScheduler.h"
#include "security/Journal.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "setup/SetupPage.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfWriter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {
const QString AdminPassword = QStringLiteral("correct horse battery staple");

SecureBytes adminSecret()
{
    return SecureBytes(AdminPassword.toUtf8().constData(), int(AdminPassword.size()));
}

// A store with the administrator Alice Martin (alice), made and closed before the window opens.
Result<InitResult> makeStore(const QString &dir, const Clock *clock)
{
    Vault v(dir, clock);
    return v.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                        adminSecret(), false, KdfParams::interactive());
}

QString visibleErrors(QWidget *root)
{
    QStringList texts;
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (l->property("role").toString() == QLatin1String("error") && l->isVisible() && !l->text().isEmpty())
            texts.append(l->text());
    }
    return texts.join(QLatin1Char('|'));
}
} // namespace

class TestFirstRunAndLogin : public QObject
{
    Q_OBJECT

private:
    void createStoreThroughWizard(ui::MainWindow &window, const QString &pdfPath, QString *code);
    void signIn(ui::MainWindow &window, const QString &name, const QString &password);

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QStringLiteral("en"));
        ui::Theme::apply(ui::ThemeKind::Standard, 100);
    }
    void wizardCreatesStoreAndAdminSignsIn();
    void lockIdleWarningAndSignOut();
    void restartShowsLoginNotWizard();
    void damagedKeyFileShowsErrorNeverWizard();
    void readOnlyDataFolderIsSaidAtStart();
    void failedDailyBackupShowsOnHome();
    void kioskClosesOnlyForAnAdministrator();
    void recoveryCodeResetsAdminPasswordInTheKiosk();
    void signInStartsOnTheLastPersonAndShowsTheWait();
    void mnemonicsAreUniqueInTheWholeWindow_data();
    void mnemonicsAreUniqueInTheWholeWindow();
};

void TestFirstRunAndLogin::createStoreThroughWizard(ui::MainWindow &window, const QString &pdfPath, QString *code)
{
    ui::SetupPage *setup = window.setupPage();
    QCOMPARE(window.currentPage(), setup);
    saveScreenshot(&window, QStringLiteral("01-setup-structure"));

    // Next without a structure name: the error is shown next to the field.
    QTest::mouseClick(findButton(setup, QStringLiteral("Next")), Qt::LeftButton);
    QVERIFY(visibleErrors(setup).contains(QStringLiteral("name of the structure")));

    auto *structure = findByAccessibleName<QLineEdit>(setup, QStringLiteral("Name of the structure"));
    QVERIFY(structure);
    QTest::keyClicks(structure, QStringLiteral("France Services de Test"));
    QTest::keyClick(structure, Qt::Key_Return);

    auto *name = findByAccessibleName<QLineEdit>(setup, QStringLiteral("Full name"));
    auto *login = findByAccessibleName<QLineEdit>(setup, QStringLiteral("Login"));
    auto *password = findByAccessibleName<QLineEdit>(setup, QStringLiteral("Password"));
    auto *again = findByAccessibleName<QLineEdit>(setup, QStringLiteral("Password again"));
    QVERIFY(name && login && password && again);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(name, QStringLiteral("Alice Martin"));
    QTest::keyClicks(login, QStringLiteral("alice"));

    // A short password is refused with the rule in plain words.
    QTest::keyClicks(password, QStringLiteral("short"));
    QTest::keyClicks(again, QStringLiteral("short"));
    QTest::mouseClick(findButton(setup, QStringLiteral("Create the store")), Qt::LeftButton);
    QVERIFY(visibleErrors(setup).contains(QStringLiteral("12 characters")));
    QVERIFY(!window.findChild<QLabel *>()->text().contains(QStringLiteral("short")));

    // Two different passwords are refused.
    password->clear();
    again->clear();
    QTest::keyClicks(password, AdminPassword);
    QTest::keyClicks(again, AdminPassword + QLatin1Char('x'));
    QTest::mouseClick(findButton(setup, QStringLiteral("Create the store")), Qt::LeftButton);
    QVERIFY(visibleErrors(setup).contains(QStringLiteral("different")));

    password->clear();
    again->clear();
    QTest::keyClicks(password, AdminPassword);
    QTest::keyClicks(again, AdminPassword);
    saveScreenshot(&window, QStringLiteral("02-setup-admin"));
    QTest::mouseClick(findButton(setup, QStringLiteral("Create the store")), Qt::LeftButton);

    // The recovery code appears once the store exists; Finish waits for the confirmation.
    QTRY_VERIFY_WITH_TIMEOUT(!setup->shownRecoveryCode().isEmpty(), 20000);
    *code = setup->shownRecoveryCode();
    QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$")).match(*code).hasMatch());
    QVERIFY(findByAccessibleName<QLabel>(setup, QStringLiteral("Recovery code: %1").arg(*code)));
    saveScreenshot(&window, QStringLiteral("03-setup-recovery-code"));
    QAbstractButton *finish = findButton(setup, QStringLiteral("Finish"));
    QVERIFY(finish && !finish->isEnabled());

    // The printed sheet carries the code and the structure.
    {
        QPdfWriter pdf(pdfPath);
        QVERIFY(setup->printRecoverySheet(&pdf));
    }
    if (!qEnvironmentVariable("RELAIS_SCREENSHOT_DIR").isEmpty())
        QFile::copy(pdfPath, qEnvironmentVariable("RELAIS_SCREENSHOT_DIR") + QStringLiteral("/recovery-sheet.pdf"));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdfPath, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(20000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(QString(text).remove(QRegularExpression(QStringLiteral("\\s"))).contains(*code),
             qPrintable(QStringLiteral("the recovery code is not on the printed sheet: ") + text));
    QVERIFY(text.contains(QStringLiteral("France Services de Test")));

    auto *writtenDown = findButton(setup, QStringLiteral("I have written down or printed the recovery code and "
                                                         "will keep it safe"));
    QVERIFY(writtenDown);
    if (!static_cast<QCheckBox *>(writtenDown)->isChecked())
        static_cast<QCheckBox *>(writtenDown)->click();
    QVERIFY(finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    QCOMPARE(window.currentPage(), window.loginPage());
}

void TestFirstRunAndLogin::signIn(ui::MainWindow &window, const QString &name, const QString &password)
{
    ui::LoginPage *page = window.loginPage();
    auto *accounts = findByAccessibleName<QListWidget>(page, QStringLiteral("Accounts of the structure"));
    QVERIFY(accounts);
    const auto items = accounts->findItems(name, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    accounts->setCurrentItem(items.first());
    auto *field = findByAccessibleName<QLineEdit>(page, QStringLiteral("Password"));
    QVERIFY(field);
    QTest::keyClicks(field, password);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
}

void TestFirstRunAndLogin::wizardCreatesStoreAndAdminSignsIn()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QString code;
    createStoreThroughWizard(window, dir.file(QStringLiteral("sheet.pdf")), &code);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFile::exists(dir.file(QStringLiteral("relais.db"))));
    QVERIFY(QFile::exists(dir.file(QStringLiteral("keyslots.json"))));
    saveScreenshot(&window, QStringLiteral("04-login"));

    // Wrong password: a message, no shell.
    signIn(window, QStringLiteral("Alice Martin"), QStringLiteral("not the password at all"));
    QCOMPARE(visibleErrors(window.loginPage()),
             ui::LoginPage::tr("The password is wrong. Check the Caps Lock key and type it again."));
    QCOMPARE(window.currentPage(), window.loginPage());
    QVERIFY(!session.isActive());

    signIn(window, QStringLiteral("Alice Martin"), AdminPassword);
    QCOMPARE(window.currentPage(), window.shellPage());
    QVERIFY(session.isActive());
    QCOMPARE(session.account().login, QStringLiteral("alice"));
    QVERIFY(session.account().isAdmin());
    // The top bar names the structure and the person; an administrator gets the Administration page.
    const QList<QLabel *> labels = window.shellPage()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->text() == QLatin1String("France Services de Test"); }));
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->text().startsWith(QLatin1String("Alice Martin")); }));
    QListWidget *rail = window.shellPage()->rail();
    QCOMPARE(rail->count(), 5);
    QCOMPARE(rail->item(1)->text(), QStringLiteral("Citizens"));
    QCOMPARE(rail->item(2)->text(), QStringLiteral("Démarches"));
    QCOMPARE(rail->item(3)->text(), QStringLiteral("Sending"));
    QCOMPARE(rail->item(4)->text(), QStringLiteral("Administration"));
    rail->setCurrentRow(4);
    QCOMPARE(window.shellPage()->adminPage()->accountsTable()->rowCount(), 1);
    saveScreenshot(&window, QStringLiteral("05-shell-admin"));

    // The journal recorded the failure and the sign-in, and never the password.
    const Journal::Verification v = vault.journal().verify();
    QVERIFY(v.intact);
    QVERIFY(v.rows >= 4);
}

void TestFirstRunAndLogin::lockIdleWarningAndSignOut()
{
    TempStoreDir dir;
    FakeClock clock;
    {
        QVERIFY(makeStore(dir.path(), &clock));
        Vault setupVault(dir.path(), &clock);
        QVERIFY(setupVault.signIn(QStringLiteral("alice"), adminSecret()));
        setupVault.setKdfParams(KdfParams::interactive());
        Account admin = setupVault.account(QStringLiteral("alice")).value();
        const QString mediatorPassword = QStringLiteral("mediator password 42");
        QVERIFY(
            setupVault.addAccount(admin, QStringLiteral("marc"), QStringLiteral("Marc Petit"), Role::Mediator,
                                  SecureBytes(mediatorPassword.toUtf8().constData(), int(mediatorPassword.size()))));
    }
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentPage(), window.loginPage());

    signIn(window, QStringLiteral("Marc Petit"), QStringLiteral("mediator password 42"));
    QVERIFY2(window.currentPage() == window.shellPage(), qPrintable(visibleErrors(window.loginPage())));
    // A mediator has the démarches and their sending, not the Administration page.
    QCOMPARE(window.shellPage()->rail()->count(), 4);
    QVERIFY(window.shellPage()->rail()->findItems(QStringLiteral("Administration"), Qt::MatchExactly).isEmpty());

    // The lock button hides the shell; the same person types the password to come back.
    QTest::mouseClick(findButton(window.shellPage(), QStringLiteral("Lock")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), window.loginPage());
    QVERIFY(session.isLocked());
    QVERIFY(vault.isOpen()); // the store stays open while locked, so deliveries go on
    saveScreenshot(&window, QStringLiteral("06-locked"));
    signIn(window, QStringLiteral("Marc Petit"), QStringLiteral("mediator password 42"));
    QVERIFY2(window.currentPage() == window.shellPage(), qPrintable(visibleErrors(window.loginPage())));
    QVERIFY(!session.isLocked());

    // Idle: the warning shows 30 s before the lock, a key press cancels it, then the lock comes.
    QWidget *warning = window.shellPage()->idleWarning();
    clock.advanceSecs(4 * 60 + 29);
    session.tick();
    QVERIFY(!warning->isVisible());
    clock.advanceSecs(2);
    session.tick();
    QVERIFY(warning->isVisible());
    saveScreenshot(&window, QStringLiteral("07-idle-warning"));
    QTest::keyClick(window.shellPage()->rail(), Qt::Key_Down);
    QVERIFY(!warning->isVisible());
    QVERIFY(!session.isLocked());
    clock.advanceSecs(5 * 60);
    session.tick();
    QVERIFY(session.isLocked());
    QCOMPARE(window.currentPage(), window.loginPage());

    // Another person takes over from the lock screen with their own password.
    signIn(window, QStringLiteral("Alice Martin"), AdminPassword);
    QCOMPARE(window.currentPage(), window.shellPage());
    QCOMPARE(session.account().login, QStringLiteral("alice"));
    QCOMPARE(window.shellPage()->rail()->count(), 5); // with Administration

    // Signing out closes the store: nothing stays unlocked.
    QTest::mouseClick(findButton(window.shellPage(), QStringLiteral("Sign out")), Qt::LeftButton);
    QVERIFY(!session.isActive());
    QVERIFY(!vault.isOpen());
    QCOMPARE(window.currentPage(), window.loginPage());
}

void TestFirstRunAndLogin::restartShowsLoginNotWizard()
{
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QCOMPARE(window.currentPage(), window.loginPage());
    auto *accounts = findByAccessibleName<QListWidget>(window.loginPage(), QStringLiteral("Accounts of the structure"));
    QVERIFY(accounts);
    QCOMPARE(accounts->count(), 1);
    QCOMPARE(accounts->item(0)->text(), QStringLiteral("Alice Martin"));
}

void TestFirstRunAndLogin::damagedKeyFileShowsErrorNeverWizard()
{
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    QFile keyFile(dir.file(QStringLiteral("keyslots.json")));
    QVERIFY(keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    keyFile.write("{ \"format\": \"relais-keyslots\", ");
    keyFile.close();
    QFile db(dir.file(QStringLiteral("relais.db")));
    QVERIFY(db.open(QIODevice::ReadOnly));
    const QByteArray before = db.readAll();
    db.close();

    Vault vault(dir.path(), &clock);
    Session session(&clock);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QCOMPARE(window.currentPage(), window.errorPage());
    QVERIFY(visibleErrors(window.errorPage()).contains(QStringLiteral("keyslots.json")));
    saveScreenshot(&window, QStringLiteral("08-damaged-keyslots"));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QCOMPARE(db.readAll(), before);
}

void TestFirstRunAndLogin::readOnlyDataFolderIsSaidAtStart()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(16 * 1024 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    const QString data = fs.filePath(QStringLiteral("data"));
    FakeClock clock;
    QVERIFY(makeStore(data, &clock));
    // The disk went read-only (a failing disk remounted so by the system, a wrong mount): root cannot write either.
    QVERIFY2(fs.setReadOnly(true), qPrintable(fs.error()));
    Vault vault(data, &clock);
    Session session(&clock);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QCOMPARE(window.currentPage(), window.errorPage());
    QVERIFY2(visibleErrors(window.errorPage()).contains(QStringLiteral("is read-only")),
             qPrintable(visibleErrors(window.errorPage())));
    saveScreenshot(&window, QStringLiteral("08b-read-only-data-folder"));
    QVERIFY(fs.setReadOnly(false));
}

void TestFirstRunAndLogin::failedDailyBackupShowsOnHome()
{
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    // Nobody can write below a regular file, root included: a backup folder that does not work.
    QFile blocker(dir.file(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString badFolder = dir.file(QStringLiteral("not-a-folder/backups"));
    {
        Vault admin(dir.path(), &clock);
        auto alice = admin.signIn(QStringLiteral("alice"), adminSecret());
        QVERIFY(alice);
        QVERIFY(BackupScheduler::configure(admin, alice.value(), badFolder, 7));
    }
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    signIn(window, QStringLiteral("Alice Martin"), AdminPassword);
    QCOMPARE(window.currentPage(), window.shellPage());
    // Tried at sign-in, on a worker thread; once it fails, Home says so.
    auto *failure = window.shellPage()->findChild<QLabel *>(QStringLiteral("backupFailure"));
    QVERIFY(failure);
    QTRY_VERIFY_WITH_TIMEOUT(failure->isVisible(), 30000);
    QVERIFY2(failure->text().contains(QDir::toNativeSeparators(badFolder)), qPrintable(failure->text()));
    QVERIFY(failure->text().startsWith(ui::HomePage::tr("The daily backup failed: %1 Tell your administrator, who "
                                                        "can check the backup folder in Administration → Backup.")
                                           .section(QStringLiteral("%1"), 0, 0)));
    // The Administration page shows the schedule and the failure too.
    auto *schedule = window.shellPage()->adminPage()->findChild<QLabel *>(QStringLiteral("backupSchedule"));
    QVERIFY(schedule);
    QVERIFY2(schedule->text().contains(QDir::toNativeSeparators(badFolder)), qPrintable(schedule->text()));
    QVERIFY(schedule->text().contains(BackupScheduler::lastFailure(vault)));
    saveScreenshot(&window, QStringLiteral("08c-daily-backup-failed"));
}

void TestFirstRunAndLogin::kioskClosesOnlyForAnAdministrator()
{
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.setKioskMode(true);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Alt+F4 or a window manager's close: refused while in kiosk mode.
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());

    signIn(window, QStringLiteral("Alice Martin"), AdminPassword);
    QCOMPARE(window.currentPage(), window.shellPage());
    window.shellPage()->rail()->setCurrentRow(4);
    QAbstractButton *quit = findButton(window.shellPage(), QStringLiteral("Quit Relais on this computer"));
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QVERIFY(!window.isVisible());
    QVERIFY(!vault.isOpen()); // the key is wiped on the way out
}

void TestFirstRunAndLogin::recoveryCodeResetsAdminPasswordInTheKiosk()
{
    TempStoreDir dir;
    FakeClock clock;
    QString code;
    {
        auto init = makeStore(dir.path(), &clock);
        QVERIFY(init);
        code = init->recoveryCode;
    }
    Vault vault(dir.path(), &clock);
    vault.setKdfParams(KdfParams::interactive());
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::LoginPage *page = window.loginPage();
    QTest::mouseClick(findButton(page, QStringLiteral("Password forgotten? Use the recovery code")), Qt::LeftButton);
    auto *codeField = findByAccessibleName<QLineEdit>(page, QStringLiteral("Recovery code"));
    QVERIFY(codeField);

    // A wrong code: refused, next to the field.
    QTest::keyClicks(codeField, QStringLiteral("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"));
    QTest::keyClick(codeField, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QVERIFY(visibleErrors(page).contains(QStringLiteral("not the right one")));
    QVERIFY(!vault.isOpen());

    // The right code, typed in lower case with spaces.
    QString typed = code.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    QTest::keyClicks(codeField, typed);
    QTest::keyClick(codeField, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    auto *newPassword = findByAccessibleName<QLineEdit>(page, QStringLiteral("New password"));
    auto *again = findByAccessibleName<QLineEdit>(page, QStringLiteral("New password again"));
    QVERIFY2(newPassword && again, qPrintable(visibleErrors(page)));
    const QString chosen = QStringLiteral("a new password after recovery");
    QTest::keyClicks(newPassword, chosen);
    QTest::keyClicks(again, chosen);
    QTest::keyClick(again, Qt::Key_Return);

    // A new recovery code replaces the used one, shown once, confirmed before going on.
    QLabel *newCode = nullptr;
    for (QLabel *l : page->findChildren<QLabel *>()) {
        if (l->isVisible() && l->accessibleName().startsWith(QLatin1String("New recovery code: ")))
            newCode = l;
    }
    QVERIFY2(newCode, qPrintable(visibleErrors(page)));
    const QString replacement = newCode->text();
    QVERIFY(replacement != code);
    saveScreenshot(&window, QStringLiteral("11-new-recovery-code"));
    QAbstractButton *go = findButton(page, QStringLiteral("Continue"));
    QVERIFY(go && !go->isEnabled());
    findButton(page, QStringLiteral("I have written down the new recovery code"))->click();
    QVERIFY(go->isEnabled());
    QTest::mouseClick(go, Qt::LeftButton);
    QCOMPARE(window.currentPage(), window.shellPage());
    QCOMPARE(session.account().login, QStringLiteral("alice"));

    // The old password and the used code no longer open the store; the new ones do.
    const KeySlots slotsNow = vault.keySlots();
    QCOMPARE(Vault::unwrapPassword(slotsNow, QStringLiteral("alice"), adminSecret()).code(), ErrorCode::WrongPassword);
    QVERIFY(Vault::unwrapPassword(slotsNow, QStringLiteral("alice"),
                                  SecureBytes(chosen.toUtf8().constData(), int(chosen.size()))));
    QCOMPARE(Vault::unwrapRecovery(slotsNow, code).code(), ErrorCode::WrongRecoveryCode);
    QVERIFY(Vault::unwrapRecovery(slotsNow, replacement));
}

// The kiosk starts on the last person who signed in; a wrong password is said as such, the tries left are counted
// from the third failure, and the wait after the fifth counts down with Sign in off until it ends.
void TestFirstRunAndLogin::signInStartsOnTheLastPersonAndShowsTheWait()
{
    TempStoreDir dir;
    FakeClock clock;
    const QString marcPassword = QStringLiteral("mediator password 42");
    {
        QVERIFY(makeStore(dir.path(), &clock));
        Vault setupVault(dir.path(), &clock);
        QVERIFY(setupVault.signIn(QStringLiteral("alice"), adminSecret()));
        setupVault.setKdfParams(KdfParams::interactive());
        Account admin = setupVault.account(QStringLiteral("alice")).value();
        QVERIFY(setupVault.addAccount(admin, QStringLiteral("marc"), QStringLiteral("Marc Petit"), Role::Mediator,
                                      SecureBytes(marcPassword.toUtf8().constData(), int(marcPassword.size()))));
    }
    const auto chosen = [](ui::LoginPage *page) {
        auto *accounts = findByAccessibleName<QListWidget>(page, QStringLiteral("Accounts of the structure"));
        return accounts && accounts->currentItem() ? accounts->currentItem()->text() : QString();
    };
    {
        Vault vault(dir.path(), &clock);
        Session session(&clock);
        session.setTimerEnabled(false);
        ui::MainWindow window(&vault, &session);
        window.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(window, QStringLiteral("Marc Petit"), marcPassword);
        QCOMPARE(window.currentPage(), window.shellPage());
        findButton(window.shellPage(), QStringLiteral("Sign out"))->setFocus();
        press(Qt::Key_Return); // Enter presses the focused button, as Space does
        QCOMPARE(window.currentPage(), window.loginPage());
        QCOMPARE(chosen(window.loginPage()), QStringLiteral("Marc Petit"));
    }

    // The next morning: Marc is chosen already, the keyboard in the password field.
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::LoginPage *page = window.loginPage();
    QCOMPARE(chosen(page), QStringLiteral("Marc Petit"));
    auto *password = findByAccessibleName<QLineEdit>(page, QStringLiteral("Password"));
    QCOMPARE(focused(), password);
    auto *signInButton = qobject_cast<QPushButton *>(findButton(page, QStringLiteral("Sign in")));
    QVERIFY(signInButton);

    const QString wrong = ui::LoginPage::tr("The password is wrong. Check the Caps Lock key and type it again.");
    const auto tryWrong = [&] {
        typeHere(QStringLiteral("not his password"));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    };
    tryWrong();
    QCOMPARE(visibleErrors(page), wrong);
    tryWrong();
    QCOMPARE(visibleErrors(page), wrong);
    tryWrong();
    QCOMPARE(visibleErrors(page),
             wrong + QLatin1Char(' ') + ui::LoginPage::tr("%n attempt(s) left before a wait.", nullptr, 2));
    tryWrong();
    QCOMPARE(visibleErrors(page),
             wrong + QLatin1Char(' ') + ui::LoginPage::tr("%n attempt(s) left before a wait.", nullptr, 1));
    tryWrong();
    const auto waitFor = [](int seconds) {
        return ui::LoginPage::tr("Too many failed attempts with this account. You can try again in %n second(s).",
                                 nullptr, seconds);
    };
    QCOMPARE(visibleErrors(page), waitFor(30));
    QVERIFY(!signInButton->isEnabled());
    saveScreenshot(&window, QStringLiteral("12-sign-in-wait"));

    // The seconds go down on their own; the right password typed meanwhile is not tried, and the reason stays.
    clock.advanceSecs(12);
    QTRY_COMPARE_WITH_TIMEOUT(visibleErrors(page), waitFor(18), 3000);
    typeHere(marcPassword);
    press(Qt::Key_Return);
    QVERIFY(!page->isBusy());
    QCOMPARE(window.currentPage(), window.loginPage());
    QCOMPARE(visibleErrors(page), waitFor(18));

    // The wait ends: the message goes, the button comes back, the right password opens.
    clock.advanceSecs(18);
    QTRY_VERIFY_WITH_TIMEOUT(signInButton->isEnabled(), 3000);
    QCOMPARE(visibleErrors(page), QString());
    password->setFocus();
    typeHere(marcPassword);
    press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
    QCOMPARE(session.account().login, QStringLiteral("marc"));
}

void TestFirstRunAndLogin::mnemonicsAreUniqueInTheWholeWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("en") << QStringLiteral("en");
}

// The status bar (text size, contrast, sync state) is on screen with every page: an Alt+letter there must not
// also belong to a button of the page shown, in either language.
void TestFirstRunAndLogin::mnemonicsAreUniqueInTheWholeWindow()
{
    QFETCH(QString, language);
    installTranslations(language);
    TempStoreDir dir;
    FakeClock clock;
    QVERIFY(makeStore(dir.path(), &clock));
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.resize(1280, 900);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto check = [&window](const QString &screen) {
        const QStringList duplicates = duplicateMnemonics(&window);
        QVERIFY2(duplicates.isEmpty(), qPrintable(screen + QLatin1String(": ") + duplicates.join(QLatin1String("; "))));
    };
    check(QStringLiteral("sign-in"));
    if (QTest::currentTestFailed())
        return;
    // Signed in without the accessible names (they are translated): the only account, the password field.
    ui::LoginPage *login = window.loginPage();
    login->findChild<QListWidget *>()->setCurrentRow(0);
    QLineEdit *password = nullptr;
    for (QLineEdit *field : login->findChildren<QLineEdit *>())
        if (field->echoMode() == QLineEdit::Password && field->isVisible())
            password = field;
    QVERIFY(password);
    QTest::keyClicks(password, AdminPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), window.shellPage(), 20000);
    QListWidget *rail = window.shellPage()->rail();
    for (int row = 0; row < rail->count(); ++row) {
        rail->setCurrentRow(row);
        check(rail->item(row)->text());
        if (QTest::currentTestFailed())
            break;
    }
    installTranslations(QStringLiteral("en"));
}

QTEST_MAIN(TestFirstRunAndLogin)
#include "TestFirstRunAndLogin.moc"
