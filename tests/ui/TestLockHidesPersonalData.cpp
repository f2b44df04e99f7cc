// What a locked or signed-out kiosk still shows of a citizen, read the way another program of the desktop session can
// read it: the accessibility tree (AT-SPI) of every window, and the window title. A mediator opens a seeded person's
// file and starts a démarche for them, types their social security number into the form, then locks (by the button,
// and by the idle delay while a dialog about the person is open) and signs out. Nothing of the person may remain;
// the same mediator unlocking finds the file and the form again, with what was typed.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "TempStoreDir.h"
#include "UiFind.h"

#include "citizens/CitizenEditor.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizensPage.h"
#include "citizens/ConsentDialog.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Mandates.h"
#include "forms/DemarchesPage.h"
#include "forms/FormWizard.h"
#include "login/LoginPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAccessible>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace relais;
using namespace relais::test;

namespace {

const QString AdminPassword = QStringLiteral("correct horse battery staple");
const QString Demarche = QStringLiteral("caf-changement-adresse"); // in the "housing" area
// The seeded person (synthetic): what must never show once the session is locked or closed.
const QString BirthName = QStringLiteral("Lefèvre");
const QString GivenNames = QStringLiteral("Hélène");
const QString Email = QStringLiteral("helene.lefevre@example.org");
const QString Nir = QStringLiteral("2 85 03 76 540 123 09");

SecureBytes adminSecret()
{
    return SecureBytes(AdminPassword.toUtf8().constData(), int(AdminPassword.size()));
}

// Every text the accessibility tree of `object` exposes (names, values, descriptions, help), recursively.
void collectAccessibleTexts(QAccessibleInterface *node, QStringList *texts, int depth = 0)
{
    if (!node || !node->isValid() || depth > 200)
        return;
    for (QAccessible::Text kind : {QAccessible::Name, QAccessible::Value, QAccessible::Description, QAccessible::Help})
        if (const QString text = node->text(kind); !text.isEmpty())
            texts->append(text);
    for (int i = 0; i < node->childCount(); ++i)
        collectAccessibleTexts(node->child(i), texts, depth + 1);
}

// The accessibility trees of every top-level window of the program (the kiosk window and any dialog).
QStringList accessibleTexts()
{
    QStringList texts;
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (!window->isVisible())
            continue;
        texts << window->windowTitle();
        collectAccessibleTexts(QAccessible::queryAccessibleInterface(window), &texts);
    }
    return texts;
}

QString compact(QString text)
{
    return text.remove(QLatin1Char(' ')).remove(QChar(0x202F)).remove(QChar(0xA0));
}

// The pieces of the person found in `texts`, for the failure message (synthetic data only).
QStringList personalFound(const QStringList &texts)
{
    QStringList found;
    for (const QString &text : texts) {
        for (const QString &piece : {BirthName, GivenNames, Email})
            if (text.contains(piece, Qt::CaseInsensitive))
                found << text;
        if (compact(text).contains(compact(Nir)))
            found << text;
    }
    found.removeDuplicates();
    return found;
}

} // namespace

class TestLockHidesPersonalData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lockAndSignOutLeaveNothingOfThePerson();
    void aNewFileBeingTypedWaitsOffScreenUntilUnlock();

private:
    void signIn(ui::MainWindow &window, const QString &name);
};

void TestLockHidesPersonalData::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestLockHidesPersonalData::signIn(ui::MainWindow &window, const QString &name)
{
    ui::LoginPage *page = window.loginPage();
    auto *accounts = findByAccessibleName<QListWidget>(page, QStringLiteral("Accounts of the structure"));
    QVERIFY(accounts);
    const auto items = accounts->findItems(name, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    accounts->setCurrentItem(items.first());
    auto *field = findByAccessibleName<QLineEdit>(page, QStringLiteral("Password"));
    QVERIFY(field);
    QTest::keyClicks(field, AdminPassword);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
}

void TestLockHidesPersonalData::lockAndSignOutLeaveNothingOfThePerson()
{
    TempStoreDir dir;
    FakeClock clock;
    qint64 personId = 0;
    {
        Vault setup(dir.path(), &clock);
        QVERIFY(setup.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                                 adminSecret(), false, KdfParams::interactive()));
        const Account admin = setup.account(QStringLiteral("alice")).value();
        const QSqlDatabase db = setup.database()->connection();
        Citizen c;
        c.birthName = BirthName;
        c.givenNames = GivenNames;
        c.birthDate = QDate(1985, 3, 12);
        c.email = Email;
        c.nir = Nir;
        Result<Citizen> made = CitizenRepository(db, &setup.journal(), &clock).create(admin, c);
        QVERIFY2(made, qPrintable(made.message()));
        personId = made->id;
        QVERIFY(Consents(db, &setup.journal(), &clock).give(admin, made.value(), ConsentPurpose::File));
        QVERIFY(Mandates(db, &setup.journal(), &clock)
                    .create(admin, made.value(), {QStringLiteral("housing")}, MandateDuration::OneYear,
                            QStringLiteral("MFS Test"), QStringLiteral("Alice Martin")));
    }

    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.resize(1280, 900);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signIn(window, QStringLiteral("Alice Martin"));
    if (QTest::currentTestFailed())
        return;
    ui::ShellPage *shell = window.shellPage();
    ui::CitizensPage *citizens = shell->citizensPage();
    ui::DemarchesPage *demarches = shell->demarchesPage();

    // The person's file in Citizens, and a démarche for them in Démarches with their number typed in.
    shell->rail()->setCurrentRow(1);
    citizens->searchField()->setText(QStringLiteral("helene"));
    citizens->searchNow();
    QVERIFY(citizens->openFile(personId));
    QVERIFY(citizens->filePage()->isVisible());
    // Done with the person present (the question's default answer, Return).
    bool how = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &how);
    QVERIFY(demarches->startFor(Demarche, personId));
    QVERIFY(how);
    QApplication::setActiveWindow(&window); // the question closed (a window manager does this)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    shell->rail()->setCurrentRow(2);
    ui::FormWizard *form = demarches->wizard();
    QVERIFY(form && form->isVisible());
    form->focusFirstAnswer();
    typeHere(QStringLiteral("1234567"));
    press(Qt::Key_Tab);
    typeHere(Nir);
    const qint64 draftId = form->draft()->submission().id;

    // The test sees the person while the work is open: the tree walk is able to find them.
    QVERIFY(!personalFound(accessibleTexts()).isEmpty());
    // The title, which window lists and screen sharing show, says that a form is open, never which one nor whose.
    const QString title = window.windowTitle();
    QCOMPARE(title, ui::ShellPage::tr("%1 — démarche in progress").arg(QStringLiteral("MFS Test")));
    QVERIFY2(personalFound({title}).isEmpty(), qPrintable(title));

    // Locked by the button: the screen and the tree keep nothing of the person.
    QTest::mouseClick(findButton(shell, QStringLiteral("Lock")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), window.loginPage());
    QVERIFY(session.isLocked());
    const QStringList whileLocked = personalFound(accessibleTexts());
    QVERIFY2(whileLocked.isEmpty(), qPrintable(whileLocked.join(QLatin1String(" | "))));
    QVERIFY(!demarches->wizard()); // closed, after saving what was typed
    window.grab().save(QDir::temp().filePath(QStringLiteral("relais-locked.png")));
    saveScreenshot(&window, QStringLiteral("08-locked-nothing-personal"));

    // The same mediator comes back to the same file and the same form, with what was typed.
    signIn(window, QStringLiteral("Alice Martin"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(shell->rail()->currentRow(), 2);
    QVERIFY(demarches->wizard());
    QCOMPARE(demarches->wizard()->draft()->submission().id, draftId);
    QCOMPARE(compact(demarches->wizard()->draft()->engine().value(QStringLiteral("nir_allocataire")).toString()),
             compact(Nir));
    QCOMPARE(citizens->filePage()->citizenId(), personId);
    QVERIFY(personalFound({window.windowTitle()}).isEmpty());

    // Locked by the idle delay while a dialog about the person is open: the dialog goes too.
    shell->rail()->setCurrentRow(1);
    QVERIFY(citizens->filePage()->isVisible());
    bool shown = false;
    QStringList lockedDuringDialog;
    QTimer::singleShot(0, &window, [&] {
        auto *poll = new QTimer(&window);
        auto deadline = std::make_shared<QDeadlineTimer>(5000);
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, &window, [&, poll, deadline] {
            auto *dialog = qobject_cast<ui::ConsentDialog *>(QApplication::activeModalWidget());
            if (!dialog && !deadline->hasExpired())
                return;
            poll->stop();
            poll->deleteLater();
            if (!dialog)
                return;
            shown = true;
            clock.advanceSecs(10 * 60);
            session.tick(); // nobody touched the kiosk: it locks
            lockedDuringDialog = personalFound(accessibleTexts());
        });
        poll->start();
    });
    QVERIFY(!citizens->filePage()->recordConsent(ConsentPurpose::Contact));
    QVERIFY(shown);
    QVERIFY(session.isLocked());
    QVERIFY2(lockedDuringDialog.isEmpty(), qPrintable(lockedDuringDialog.join(QLatin1String(" | "))));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(personalFound(accessibleTexts()).isEmpty());

    // Signed out (from the lock screen, after coming back): nothing either, and the store is closed.
    signIn(window, QStringLiteral("Alice Martin"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!personalFound(accessibleTexts()).isEmpty()); // the file came back
    QTest::mouseClick(findButton(shell, QStringLiteral("Sign out")), Qt::LeftButton);
    QVERIFY(!vault.isOpen());
    QCOMPARE(window.currentPage(), window.loginPage());
    const QStringList afterSignOut = personalFound(accessibleTexts());
    QVERIFY2(afterSignOut.isEmpty(), qPrintable(afterSignOut.join(QLatin1String(" | "))));
}

void TestLockHidesPersonalData::aNewFileBeingTypedWaitsOffScreenUntilUnlock()
{
    TempStoreDir dir;
    FakeClock clock;
    {
        Vault setup(dir.path(), &clock);
        QVERIFY(setup.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                                 adminSecret(), false, KdfParams::interactive()));
    }
    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.resize(1280, 900);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signIn(window, QStringLiteral("Alice Martin"));
    if (QTest::currentTestFailed())
        return;
    ui::ShellPage *shell = window.shellPage();
    ui::CitizensPage *citizens = shell->citizensPage();
    shell->rail()->setCurrentRow(1);
    citizens->newFile();
    typeHere(BirthName); // the first field: the birth name
    QVERIFY(!personalFound(accessibleTexts()).isEmpty());

    QTest::mouseClick(findButton(shell, QStringLiteral("Lock")), Qt::LeftButton);
    const QStringList whileLocked = personalFound(accessibleTexts());
    QVERIFY2(whileLocked.isEmpty(), qPrintable(whileLocked.join(QLatin1String(" | "))));

    // Nothing was saved, nothing was lost: the typing is back, still to be saved.
    signIn(window, QStringLiteral("Alice Martin"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(citizens->filePage()->isVisible());
    QVERIFY(citizens->filePage()->isNew());
    QVERIFY(citizens->filePage()->editor()->isModified());
    QCOMPARE(citizens->filePage()->editor()->citizen().birthName, BirthName);
}

QTEST_MAIN(TestLockHidesPersonalData)
#include "TestLockHidesPersonalData.moc"
