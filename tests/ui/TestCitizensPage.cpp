// Citizens' files in the kiosk, through the real widgets of the shell and mostly from the keyboard: search as one
// types (accents or not), a volunteer's narrower view, a new file with an error under its field, consent, mandate,
// a démarche started for the person, erasure with a démarche still queued, and the merge of a duplicate.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "TempStoreDir.h"
#include "TestPrinter.h"
#include "TestStore.h"
#include "UiFind.h"

#include "citizens/CitizenEditor.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizenListModel.h"
#include "citizens/CitizensPage.h"
#include "citizens/ConsentDialog.h"
#include "citizens/EraseDialog.h"
#include "citizens/MandateDialog.h"
#include "citizens/MergeDialog.h"
#include "common/Translations.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "forms/AttachmentFieldEditor.h"
#include "forms/DemarchesPage.h"
#include "forms/FormWizard.h"
#include "security/Journal.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse"); // in the "housing" area

void clickButton(QWidget *dialog, const QString &text)
{
    QAbstractButton *button = findButton(dialog, text);
    QVERIFY2(button, qPrintable(text));
    QTest::mouseClick(button, Qt::LeftButton);
}

const QString Other = QStringLiteral("LEFEBVRE"); // another citizen, whose name must not show during the accompaniment

// Every text a person can see in `root`: labels, buttons, fields, and the rows of visible lists.

QStringList rows(const ui::CitizenListModel *model)
{
    QStringList shown;
    for (int i = 0; i < model->rowCount(); ++i)
        shown << model->index(i).data().toString();
    return shown;
}

} // namespace

class TestCitizensPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Workspace> m_workspace; // the session of the person signed in
    std::unique_ptr<ui::ShellPage> m_shell;
    Account m_admin;

    ui::CitizensPage *page() const { return m_shell->citizensPage(); }
    ui::CitizenFilePage *file() const { return page()->filePage(); }
    CitizenRepository repository() const
    {
        return CitizenRepository(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    }
    Consents consents() const { return Consents(m_vault->database()->connection(), &m_vault->journal(), &m_clock); }
    SubmissionRepository submissions() const
    {
        return SubmissionRepository(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    }
    qint64 seed(const Account &by, const QString &birthName, const QString &givenNames, const QDate &born,
                const QString &commune = QString());
    Account addAccount(const QString &login, Role role);
    void openShell(const Account &account);
    // A dialog closed: the kiosk window is active again (a window manager does it; the offscreen platform does not).
    void backToShell()
    {
        QApplication::setActiveWindow(m_shell.get());
        QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    }
    void search(const QString &typed);
    void openByKeyboard(const QString &typed);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void searchFindsPeopleWithOrWithoutAccents();
    void volunteerSeesOnlyTheFilesTheyCreated();
    void newFileFromTheKeyboardWithAnErrorUnderItsField();
    void consentMandateAndADemarcheForThePerson();
    void newMandatePrintedAndOneAreaRevoked();
    void demarcheRefusedWithoutTheFileConsent();
    void accessExportSavedOnAKeyWritesPdfAndJson();
    void papersGoToThePrinterAndNothingStaysInTheHomeFolder();
    void erasureDiscardsTheQueuedDemarche();
    void erasureSaysWhatStaysUntilDelivery();
    void mergeKeepsOneFileWithBothDemarches();
    void documentKeptInTheFileThenReusedInANewDraft();
    void searchPutAwayWhileAccompanyingAndBackAfterward();
    void anotherFileBeingEditedWaitsForTheAccompanimentsEnd();
    void screenshotsAtNormalAndLargeText();
    void mnemonicsAreUniqueOnEachScreen_data();
    void mnemonicsAreUniqueOnEachScreen();
};

void TestCitizensPage::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestCitizensPage::init()
{
    m_dir = std::make_unique<TempStoreDir>(); // each test starts from an empty store
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS Test")));
    m_vault->setKdfParams(KdfParams::interactive());
    m_admin = m_vault->account(aliceLogin()).value();
    m_session = std::make_unique<Session>(&m_clock);
    m_session->setTimerEnabled(false);
}

void TestCitizensPage::cleanup()
{
    if (m_shell)
        m_shell->leave();
    m_shell.reset();
    m_workspace.reset();
    m_session.reset();
    m_vault.reset();
    m_dir.reset();
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

qint64 TestCitizensPage::seed(const Account &by, const QString &birthName, const QString &givenNames, const QDate &born,
                              const QString &commune)
{
    Citizen c;
    c.birthName = birthName;
    c.givenNames = givenNames;
    c.birthDate = born;
    c.commune = commune;
    Result<Citizen> made = repository().create(by, c);
    return made ? made->id : 0;
}

Account TestCitizensPage::addAccount(const QString &login, Role role)
{
    const QByteArray password = "a long enough password 42";
    if (!m_vault->addAccount(m_admin, login, login, role, secret(password)))
        return {};
    return m_vault->account(login).value();
}

void TestCitizensPage::openShell(const Account &account)
{
    m_session->start(account);
    m_shell = std::make_unique<ui::ShellPage>(m_vault.get(), m_session.get());
    m_shell->resize(1280, 900);
    m_shell->show();
    QApplication::setActiveWindow(m_shell.get());
    QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    m_workspace = std::make_unique<Workspace>(m_vault.get(), account);
    m_shell->enter(m_workspace.get());
    // Citizens comes right after Home in the rail: one arrow key.
    QCOMPARE(focused(), m_shell->rail());
    QCOMPARE(m_shell->rail()->item(1)->text(), ui::ShellPage::tr("Citizens"));
    press(Qt::Key_Down);
    QVERIFY(page()->isVisible());
    page()->searchField()->setFocus();
}

void TestCitizensPage::search(const QString &typed)
{
    page()->searchField()->setFocus();
    press(Qt::Key_A, Qt::ControlModifier);
    press(Qt::Key_Backspace);
    typeHere(typed);
    // The search runs by itself once typing pauses.
    QTRY_VERIFY_WITH_TIMEOUT(
        !page()->stateLabel()->text().startsWith(QStringLiteral("Type a name")) || typed.trimmed().isEmpty(), 2000);
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
}

void TestCitizensPage::openByKeyboard(const QString &typed)
{
    search(typed);
    QVERIFY(page()->results()->rowCount() >= 1);
    press(Qt::Key_Down);
    QCOMPARE(focused(), page()->resultList());
    press(Qt::Key_Return);
    QVERIFY(file()->isVisible());
}

void TestCitizensPage::searchFindsPeopleWithOrWithoutAccents()
{
    QVERIFY(seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12),
                 QStringLiteral("Rouen")));
    QVERIFY(seed(m_admin, QStringLiteral("Lefebvre"), QStringLiteral("Marc"), QDate(1962, 11, 2),
                 QStringLiteral("Évreux")));
    QVERIFY(seed(m_admin, QStringLiteral("Martin"), QStringLiteral("Éloïse"), QDate(2001, 7, 30)));
    openShell(m_admin);
    QCOMPARE(page()->stateLabel()->text(),
             QStringLiteral("Type a name, a date of birth (dd/mm/yyyy) or a phone number."));
    QVERIFY(!page()->volunteerNote()->isVisible()); // an administrator sees every file

    search(QStringLiteral("lefe"));
    QCOMPARE(rows(page()->results()), QStringList({QStringLiteral("LEFEBVRE Marc — born on 02/11/1962 — Évreux"),
                                                   QStringLiteral("LEFÈVRE Hélène — born on 12/03/1985 — Rouen")}));
    QCOMPARE(page()->stateLabel()->text(), QStringLiteral("Files found: 2"));
    QCOMPARE(page()->resultList()->accessibleDescription(), QStringLiteral("Files found: 2"));
    QCOMPARE(page()->results()->index(1).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("LEFÈVRE Hélène — born on 12/03/1985 — Rouen"));
    saveScreenshot(m_shell.get(), QStringLiteral("30-citizens-search"));

    // Without accents, with them, in capitals: the same person.
    for (const QString &typed : {QStringLiteral("helene"), QStringLiteral("Hélène lef"), QStringLiteral("LEFEVRE")}) {
        search(typed);
        QCOMPARE(rows(page()->results()), QStringList{QStringLiteral("LEFÈVRE Hélène — born on 12/03/1985 — Rouen")});
    }
    search(QStringLiteral("eloise"));
    QCOMPARE(page()->results()->rowCount(), 1);
    QVERIFY(rows(page()->results()).first().startsWith(QStringLiteral("MARTIN Éloïse")));
    search(QStringLiteral("12/03/1985"));
    QCOMPARE(page()->results()->rowCount(), 1);

    search(QStringLiteral("lefevbre"));
    QCOMPARE(page()->results()->rowCount(), 0);
    QVERIFY(!page()->resultList()->isVisible());
    QCOMPARE(page()->stateLabel()->text(), QStringLiteral("No file matches. Check the spelling or create a new file."));

    // Down from the search into the list, Return opens the file, "Back" returns to the same results.
    openByKeyboard(QStringLiteral("lefe"));
    QCOMPARE(file()->titleLabel()->text(), QStringLiteral("LEFEBVRE Marc"));
    QCOMPARE(file()->editor()->lineEdit(QStringLiteral("commune"))->text(), QStringLiteral("Évreux"));
    // Opening a file is journaled, by its reference only.
    QVERIFY(m_vault->journal().verify().intact);
    pressMnemonic(Qt::Key_B);
    QVERIFY(page()->resultList()->isVisible());
    QCOMPARE(page()->results()->rowCount(), 2);
    QCOMPARE(focused(), page()->searchField());
}

void TestCitizensPage::volunteerSeesOnlyTheFilesTheyCreated()
{
    const Account volunteer = addAccount(QStringLiteral("vera"), Role::Volunteer);
    QVERIFY(volunteer.id != 0);
    QVERIFY(seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12)));
    QVERIFY(seed(volunteer, QStringLiteral("Lefort"), QStringLiteral("Paul"), QDate(1990, 1, 1)));
    openShell(volunteer);
    QVERIFY(page()->volunteerNote()->isVisible());
    QCOMPARE(page()->volunteerNote()->text(), QStringLiteral("You see the files you created."));
    search(QStringLiteral("lef"));
    QCOMPARE(rows(page()->results()), QStringList{QStringLiteral("LEFORT Paul — born on 01/01/1990")});
    openByKeyboard(QStringLiteral("lef"));
    // The file's own actions, without erasure and merge, which are for mediators.
    QVERIFY(file()->exportButton()->isVisible());
    QVERIFY(!file()->eraseButton()->isVisible());
    QVERIFY(!file()->mergeButton()->isVisible());
    QVERIFY(!findButton(file(), QStringLiteral("Erase the file…")));
}

void TestCitizensPage::newFileFromTheKeyboardWithAnErrorUnderItsField()
{
    openShell(m_admin);
    pressMnemonic(Qt::Key_N);
    QVERIFY(file()->isVisible());
    QCOMPARE(file()->titleLabel()->text(), QStringLiteral("New file"));
    // Identity first: nothing else until the file exists.
    QVERIFY(!file()->startButton()->isVisible());
    QVERIFY(!file()->newMandateButton()->isVisible());
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Birth name (required)"));
    typeHere(QStringLiteral("Dupont"));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Given names (required)"));
    typeHere(QStringLiteral("Jeanne"));
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("02/05/1950"));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Phone"));
    typeHere(QStringLiteral("12 34"));
    press(Qt::Key_Tab); // leaving a wrong answer says what is wrong, right under it
    QLabel *phoneError = file()->editor()->errorLabel(QStringLiteral("phone"));
    QVERIFY(phoneError->isVisible());
    QVERIFY(!phoneError->text().isEmpty());
    QLineEdit *phone = file()->editor()->lineEdit(QStringLiteral("phone"));
    QCOMPARE(phone->accessibleDescription(), phoneError->text()); // read out with the field
    saveScreenshot(m_shell.get(), QStringLiteral("31-citizen-new-file-error"));

    // Saving refuses, says why, and puts the keyboard back on the phone.
    pressMnemonic(Qt::Key_E);
    QCOMPARE(repository().count(), 0);
    QVERIFY(file()->errorLabel()->isVisible());
    QCOMPARE(focused(), phone);
    press(Qt::Key_A, Qt::ControlModifier);
    typeHere(QStringLiteral("06 12 34 56 78"));
    QVERIFY(!phoneError->isVisible());

    // The note reminds what not to write and counts down.
    file()->editor()->noteEdit()->setFocus();
    typeHere(QStringLiteral("Prefers mornings."));
    QCOMPARE(file()->editor()->noteCounter()->text(), QStringLiteral("Characters left: 483"));
    QVERIFY(file()->findChild<QLabel *>(QStringLiteral("noteReminder"))->isVisible());

    pressMnemonic(Qt::Key_E);
    QCOMPARE(repository().count(), 1);
    QCOMPARE(file()->titleLabel()->text(), QStringLiteral("DUPONT Jeanne"));
    QCOMPARE(repository().load(m_admin, file()->citizenId())->phone, QStringLiteral("+33612345678"));
    // Before any démarche the person's consent is needed, said plainly, with the button to record it at hand.
    QVERIFY(file()->consentBanner()->isVisible());
    QCOMPARE(qobject_cast<QPushButton *>(focused())->text(), QStringLiteral("Record the &consent now…"));
    QVERIFY(file()->startButton()->isVisible());

    pressMnemonic(Qt::Key_B);
    search(QStringLiteral("dupont jea"));
    QCOMPARE(rows(page()->results()), QStringList{QStringLiteral("DUPONT Jeanne — born on 02/05/1950")});
    search(QStringLiteral("06 12 34"));
    QCOMPARE(page()->results()->rowCount(), 1);
}

void TestCitizensPage::consentMandateAndADemarcheForThePerson()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));
    QVERIFY(file()->consentBanner()->isVisible());

    // Without the "file" consent, no démarche: the reason is shown and the keyboard goes to the banner's button.
    pressMnemonic(Qt::Key_A);
    QVERIFY(file()->isVisible());
    QVERIFY(file()->errorLabel()->text().contains(QStringLiteral("consent")));

    // The consent: its full text, an explicit tick, then recorded with its version.
    bool consented = false;
    whenModal<ui::ConsentDialog>(
        [](ui::ConsentDialog *dialog) {
            QVERIFY(dialog->textLabel()->text() == Consents::currentText(ConsentPurpose::File).text);
            QVERIFY(!dialog->recordButton()->isEnabled());
            dialog->agreement()->setFocus();
            saveScreenshot(dialog, QStringLiteral("33-consent-dialog"));
            press(Qt::Key_Space);
            pressMnemonic(Qt::Key_R);
        },
        &consented);
    pressMnemonic(Qt::Key_C);
    QVERIFY(consented);
    backToShell();
    QVERIFY(consents().inForce(id, ConsentPurpose::File));
    QVERIFY(!file()->consentBanner()->isVisible());
    auto *state = file()->findChild<QLabel *>(QStringLiteral("consentState:file"));
    QVERIFY(state);
    QCOMPARE(state->text(), QStringLiteral("Given on %1 (text %2)")
                                .arg(QLocale().toString(m_clock.now().toLocalTime().date(), QLocale::ShortFormat),
                                     Consents::currentText(ConsentPurpose::File).version));

    // "Start a démarche" goes to the catalogue with the person chosen.
    pressMnemonic(Qt::Key_A);
    ui::DemarchesPage *demarches = m_shell->demarchesPage();
    QVERIFY(demarches->isVisible());
    QCOMPARE(demarches->citizenId(), id);
    QCOMPARE(demarches->personLabel()->text(), QStringLiteral("Démarche for LEFÈVRE Hélène"));

    // The change of address is in the "housing" area, which no mandate covers yet: acting for the person, the
    // mediator creates one on the way (the attestation is offered next, not printed here).
    bool asked = false;
    bool mandated = false;
    bool attestationOffered = false;
    whenModal<QMessageBox>(
        [&mandated, &attestationOffered](QMessageBox *box) {
            QVERIFY(box->text().contains(QStringLiteral("« Housing »")));
            whenModal<ui::MandateDialog>(
                [&attestationOffered](ui::MandateDialog *dialog) {
                    QVERIFY(dialog->scopeBox(QStringLiteral("housing"))->isChecked());
                    QVERIFY(!dialog->scopeBox(QStringLiteral("work"))->isChecked());
                    dialog->durationButton(MandateDuration::SixMonths)->setChecked(true);
                    whenModal<QMessageBox>([](QMessageBox *offer) { clickButton(offer, QStringLiteral("Not now")); },
                                           &attestationOffered);
                    pressMnemonic(Qt::Key_C);
                },
                &mandated);
            clickButton(box, QStringLiteral("On their behalf: create a mandate…"));
        },
        &asked);
    QVERIFY(demarches->start(Demarche));
    QVERIFY(asked);
    QVERIFY(mandated);
    QVERIFY(attestationOffered);
    backToShell();
    Mandates mandates(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    const Mandate covering = mandates.activeFor(m_admin, id, QStringLiteral("housing")).value();
    QVERIFY(covering.id != 0);
    QCOMPARE(covering.endsAt.date(), m_clock.now().date().addMonths(6));

    // The draft belongs to the person; the drafts list says whose it is.
    QVERIFY(demarches->wizard());
    const qint64 draft = demarches->wizard()->draft()->submission().id;
    QCOMPARE(submissions().load(m_admin, draft)->citizenId, id);
    pressMnemonic(Qt::Key_C); // close the form, the draft is kept
    QVERIFY(!demarches->wizard());
    QCOMPARE(demarches->draftList()->count(), 1);
    // Her drafts only, while she is in context: her name is above the page, not repeated on each line.
    QVERIFY2(demarches->draftList()->item(0)->text().startsWith(QStringLiteral("Report a change")),
             qPrintable(demarches->draftList()->item(0)->text()));
    QCOMPARE(m_shell->findChild<QLabel *>(QStringLiteral("accompanimentPerson"))->text(),
             QStringLiteral("Accompanying LEFÈVRE Hélène"));

    // A second démarche in the same area needs no new mandate; then the file lists both, and a draft reopens.
    bool underMandate = false;
    whenModal<QMessageBox>(
        [](QMessageBox *box) {
            QVERIFY(box->text().contains(QStringLiteral("is in force until")));
            clickButton(box, QStringLiteral("On their behalf, under the mandate"));
        },
        &underMandate);
    QVERIFY(demarches->start(Demarche));
    QVERIFY(underMandate);
    backToShell();
    pressMnemonic(Qt::Key_C);
    m_shell->rail()->setCurrentRow(1);
    QVERIFY(page()->isVisible());
    // She is in context: her file is still open; « Back to the search » offers it again rather than a search, which
    // would list other people.
    QVERIFY(file()->isVisible());
    pressMnemonic(Qt::Key_B);
    QVERIFY(page()->contextPane()->isVisible());
    pressMnemonic(Qt::Key_F);
    QVERIFY(file()->isVisible());
    QListWidget *list = file()->demarcheList();
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("— Draft —")));
    list->setFocus();
    list->setCurrentRow(0);
    press(Qt::Key_Return);
    QVERIFY(demarches->isVisible());
    QVERIFY(demarches->wizard());
    QCOMPARE(demarches->wizard()->draft()->submission().citizenId, id);
}

void TestCitizensPage::newMandatePrintedAndOneAreaRevoked()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("attestation.pdf"));
    file()->setPrinterChooser(printerTo(pdf));

    bool created = false;
    bool offered = false;
    whenModal<ui::MandateDialog>(
        [&offered](ui::MandateDialog *dialog) {
            // Nothing ticked: refused with the reason, the dialog stays.
            pressMnemonic(Qt::Key_C);
            QVERIFY(dialog->isVisible());
            QCOMPARE(dialog->errorLabel()->text(), QStringLiteral("Tick at least one area."));
            dialog->scopeBox(QStringLiteral("work"))->setFocus();
            press(Qt::Key_Space);
            QVERIFY(!dialog->errorLabel()->isVisible()); // ticking an area answers the error
            dialog->scopeBox(QStringLiteral("money_taxes"))->setFocus();
            press(Qt::Key_Space);
            saveScreenshot(dialog, QStringLiteral("34-mandate-dialog"));
            whenModal<QMessageBox>([](QMessageBox *box) { clickButton(box, QStringLiteral("Print the attestation…")); },
                                   &offered);
            pressMnemonic(Qt::Key_C);
        },
        &created);
    pressMnemonic(Qt::Key_M);
    QVERIFY(created);
    backToShell();
    QVERIFY(offered);
    QFile printed(pdf);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QVERIFY(printed.read(5) == "%PDF-");
    QCOMPARE(file()->messageLabel()->text(),
             QStringLiteral("Mandate created. The attestation was sent to the printer."));

    Mandates mandates(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    const Mandate mandate = mandates.forCitizen(m_admin, id)->first();
    QCOMPARE(mandate.scopesInForce(), QStringList({QStringLiteral("work"), QStringLiteral("money_taxes")}));
    auto *revoke = file()->findChild<QPushButton *>(QStringLiteral("revoke:%1:work").arg(mandate.id));
    QVERIFY(revoke && revoke->isVisible());
    QCOMPARE(revoke->accessibleName(), QStringLiteral("Revoke the area: Work and unemployment"));

    // Revoking asks first; "Cancel" changes nothing.
    bool answered = false;
    whenModal<QMessageBox>([](QMessageBox *box) { clickButton(box, QStringLiteral("Cancel")); }, &answered);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QVERIFY(answered);
    backToShell();
    QVERIFY(mandates.activeFor(m_admin, id, QStringLiteral("work"))->id != 0);
    revoke = file()->findChild<QPushButton *>(QStringLiteral("revoke:%1:work").arg(mandate.id));
    whenModal<QMessageBox>([](QMessageBox *box) { clickButton(box, QStringLiteral("Revoke")); }, &answered);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QVERIFY(answered);
    backToShell();
    QCOMPARE(mandates.activeFor(m_admin, id, QStringLiteral("work"))->id, 0);
    QVERIFY(mandates.activeFor(m_admin, id, QStringLiteral("money_taxes"))->id != 0);
    QTRY_VERIFY(!file()->findChild<QPushButton *>(QStringLiteral("revoke:%1:work").arg(mandate.id)));
    QStringList shown;
    for (QLabel *l : file()->mandateRows()->findChildren<QLabel *>())
        shown << l->text();
    QVERIFY2(shown.join(QLatin1Char('\n')).contains(QStringLiteral("Work and unemployment — revoked on")),
             qPrintable(shown.join(QLatin1Char('\n'))));
}

void TestCitizensPage::demarcheRefusedWithoutTheFileConsent()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    openShell(m_admin);
    ui::DemarchesPage *demarches = m_shell->demarchesPage();
    demarches->setCitizen(id);
    m_shell->rail()->setCurrentRow(2);

    // Cancel: nothing starts, and the page says why.
    bool asked = false;
    whenModal<QMessageBox>(
        [](QMessageBox *box) {
            QVERIFY(box->text().contains(QStringLiteral("record their consent first")));
            clickButton(box, QStringLiteral("Cancel"));
        },
        &asked);
    QVERIFY(!demarches->start(Demarche));
    QVERIFY(asked);
    backToShell();
    QVERIFY(!demarches->wizard());
    QVERIFY(demarches->errorLabel()->isVisible());
    QVERIFY(demarches->errorLabel()->text().contains(QStringLiteral("consent")));
    QCOMPARE(submissions().drafts(m_admin, 0)->size(), 0);

    // The button records the consent on the spot; the mandate question then comes (cancelled here).
    bool consented = false;
    bool mandateAsked = false;
    whenModal<QMessageBox>(
        [&consented, &mandateAsked](QMessageBox *box) {
            whenModal<ui::ConsentDialog>(
                [&mandateAsked](ui::ConsentDialog *dialog) {
                    dialog->agreement()->setChecked(true);
                    whenModal<QMessageBox>([](QMessageBox *next) { clickButton(next, QStringLiteral("Cancel")); },
                                           &mandateAsked);
                    QTest::mouseClick(dialog->recordButton(), Qt::LeftButton);
                },
                &consented);
            clickButton(box, QStringLiteral("Record the consent…"));
        },
        &asked);
    QVERIFY(!demarches->start(Demarche));
    QVERIFY(asked);
    QVERIFY(consented);
    QVERIFY(mandateAsked);
    QVERIFY(consents().inForce(id, ConsentPurpose::File));
    QVERIFY(!demarches->wizard());
}

void TestCitizensPage::accessExportSavedOnAKeyWritesPdfAndJson()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));
    QTemporaryDir out;
    file()->setFolderChooser([&out](QWidget *, const QString &, const QString &) { return out.path(); });
    bool asked = false;
    whenModal<QMessageBox>(
        [&asked](QMessageBox *box) {
            // Saving says first that the file will not be protected.
            whenModal<QMessageBox>(
                [](QMessageBox *warning) {
                    QVERIFY(warning->text().contains(QStringLiteral("not be protected (it is not encrypted)")));
                    clickButton(warning, QStringLiteral("Choose the folder…"));
                },
                &asked);
            clickButton(box, QStringLiteral("Save to a folder…"));
        },
        &asked);
    pressMnemonic(Qt::Key_X);
    QVERIFY(asked);
    backToShell();
    const QStringList written = QDir(out.path()).entryList(QDir::Files, QDir::Name);
    QCOMPARE(written.size(), 2);
    QVERIFY(written.at(0).endsWith(QStringLiteral(".json")));
    QVERIFY(written.at(1).endsWith(QStringLiteral(".pdf")));
    // Named by date and reference: never the person's name in a folder listing.
    QVERIFY(!written.join(QLatin1Char(' ')).contains(QStringLiteral("lef"), Qt::CaseInsensitive));
    QFile json(QDir(out.path()).filePath(written.at(0)));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(json.readAll()).contains(QStringLiteral("Hélène")));
    QVERIFY(file()->messageLabel()->isVisible());
    QVERIFY(file()->messageLabel()->text().contains(QStringLiteral(".pdf")));
    QVERIFY(file()->messageLabel()->text().contains(QStringLiteral("not protected (it is not encrypted)")));
    QCOMPARE(file()->citizenId(), id);
}

void TestCitizensPage::papersGoToThePrinterAndNothingStaysInTheHomeFolder()
{
    // The account's folders as the kiosk session sees them, empty: the papers must not gather there.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString home = root.filePath(QStringLiteral("home"));
    const QString temp = root.filePath(QStringLiteral("tmp"));
    const QString printed = root.filePath(QStringLiteral("printer"));
    const QString key = root.filePath(QStringLiteral("usb-key"));
    for (const QString &folder : {home, temp, printed, key})
        QVERIFY(QDir().mkpath(folder));
    const QHash<QByteArray, QString> environment = {
        {"HOME", home},
        {"XDG_CONFIG_HOME", home + QStringLiteral("/.config")},
        {"XDG_DATA_HOME", home + QStringLiteral("/.local/share")},
        {"XDG_CACHE_HOME", home + QStringLiteral("/.cache")},
        {"TMPDIR", temp},
    };
    QHash<QByteArray, QByteArray> previous;
    for (auto it = environment.begin(); it != environment.end(); ++it) {
        previous.insert(it.key(), qgetenv(it.key().constData()));
        qputenv(it.key().constData(), it.value().toLocal8Bit());
    }
    const auto restore = qScopeGuard([&previous] {
        for (auto it = previous.begin(); it != previous.end(); ++it)
            qputenv(it.key().constData(), it.value());
    });
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation).startsWith(home));
    const auto filesUnder = [](const QString &folder) {
        QStringList files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    };

    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    QVERIFY(consents().give(m_admin, repository().load(m_admin, id).value(), ConsentPurpose::File));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));
    int sheets = 0;
    file()->setPrinterChooser([&sheets, printed](QWidget *, QPrinter *printer) {
        printer->setOutputFormat(QPrinter::PdfFormat); // the test's printer: a PDF in a folder it controls
        printer->setOutputFileName(QDir(printed).filePath(QStringLiteral("sheet-%1.pdf").arg(++sheets)));
        return true;
    });
    int folderAsked = 0;
    file()->setFolderChooser([&folderAsked, key](QWidget *, const QString &, const QString &suggestion) {
        ++folderAsked;
        // The dialog never opens in the home folder.
        return suggestion.startsWith(QDir::homePath()) ? QString() : key;
    });

    // The consent form, the mandate attestation and the access export: each goes to the printer.
    QTest::mouseClick(findButton(file(), QStringLiteral("Print the consent form…")), Qt::LeftButton);
    QCOMPARE(sheets, 1);
    QCOMPARE(file()->messageLabel()->text(),
             QStringLiteral("The consent form was sent to the printer. Give it to the person to sign."));
    bool created = false;
    bool offered = false;
    whenModal<ui::MandateDialog>(
        [&offered](ui::MandateDialog *dialog) {
            dialog->scopeBox(QStringLiteral("work"))->setFocus();
            press(Qt::Key_Space);
            whenModal<QMessageBox>([](QMessageBox *box) { clickButton(box, QStringLiteral("Print the attestation…")); },
                                   &offered);
            pressMnemonic(Qt::Key_C);
        },
        &created);
    pressMnemonic(Qt::Key_M);
    QVERIFY(created);
    backToShell();
    QVERIFY(offered);
    QCOMPARE(sheets, 2);
    bool asked = false;
    whenModal<QMessageBox>([](QMessageBox *box) { clickButton(box, QStringLiteral("Print…")); }, &asked);
    pressMnemonic(Qt::Key_X);
    QVERIFY(asked);
    backToShell();
    QCOMPARE(sheets, 3);
    QCOMPARE(folderAsked, 0);
    for (int sheet = 1; sheet <= 3; ++sheet) {
        QFile pdf(QDir(printed).filePath(QStringLiteral("sheet-%1.pdf").arg(sheet)));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }
    QVERIFY2(filesUnder(home).isEmpty(), qPrintable(filesUnder(home).join(QLatin1Char(' '))));
    QVERIFY2(filesUnder(temp).isEmpty(), qPrintable(filesUnder(temp).join(QLatin1Char(' '))));
    QVERIFY(filesUnder(key).isEmpty());

    // Saving is the explicit choice of a folder: warned, written there, journaled by kind and never by whose.
    bool warned = false;
    whenModal<QMessageBox>(
        [](QMessageBox *warning) {
            QVERIFY(warning->text().contains(QStringLiteral("not be protected (it is not encrypted)")));
            clickButton(warning, QStringLiteral("Choose the folder…"));
        },
        &warned);
    QTest::mouseClick(findButton(file(), QStringLiteral("Save the form to a folder…")), Qt::LeftButton);
    QVERIFY(warned);
    backToShell();
    QCOMPARE(folderAsked, 1);
    const QStringList saved = QDir(key).entryList(QDir::Files);
    QCOMPARE(saved.size(), 1);
    QVERIFY(saved.first().endsWith(QStringLiteral(".pdf")));
    QVERIFY(!saved.first().contains(QStringLiteral("lef"), Qt::CaseInsensitive));
    QVERIFY(file()->messageLabel()->text().contains(QStringLiteral("not protected (it is not encrypted)")));
    JournalFilter filter;
    filter.action = QStringLiteral("document_saved_to_folder");
    const QList<JournalEntry> journaled = m_vault->journal().query(m_admin, filter).value();
    QCOMPARE(journaled.size(), 1);
    QCOMPARE(journaled.first().object, QStringLiteral("consent_form"));
    QCOMPARE(journaled.first().actor, m_admin.login);
    for (const JournalEntry &entry : m_vault->journal().query(m_admin, JournalFilter()).value())
        QVERIFY(!entry.object.contains(QStringLiteral("lef"), Qt::CaseInsensitive));
    // Cancelling the warning writes nothing.
    whenModal<QMessageBox>([](QMessageBox *warning) { clickButton(warning, QStringLiteral("Cancel")); }, &warned);
    QTest::mouseClick(findButton(file(), QStringLiteral("Save the form to a folder…")), Qt::LeftButton);
    QVERIFY(warned);
    backToShell();
    QCOMPARE(QDir(key).entryList(QDir::Files).size(), 1);
    QCOMPARE(m_vault->journal().query(m_admin, filter)->size(), 1);

    QVERIFY2(filesUnder(home).isEmpty(), qPrintable(filesUnder(home).join(QLatin1Char(' '))));
    QVERIFY2(filesUnder(temp).isEmpty(), qPrintable(filesUnder(temp).join(QLatin1Char(' '))));
}

void TestCitizensPage::erasureDiscardsTheQueuedDemarche()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    const Citizen person = repository().load(m_admin, id).value();
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::File));
    SubmissionRepository repo = submissions();
    const qint64 queued = repo.createDraft(m_admin, Demarche, 1, id)->id;
    QVERIFY(
        repo.queue(m_admin, queued, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1234567")}}));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));
    QVERIFY(file()->demarcheList()->item(0)->text().contains(QStringLiteral("Waiting to be sent")));

    // Two steps: what goes and what becomes of the queued démarche, then a last confirmation.
    bool erased = false;
    whenModal<ui::EraseDialog>(
        [](ui::EraseDialog *dialog) {
            QVERIFY(dialog->deliverFirstButton()->isChecked()); // the safe choice comes first
            saveScreenshot(dialog, QStringLiteral("35-erase-dialog"));
            pressMnemonic(Qt::Key_I);
            QVERIFY(dialog->discardButton()->isChecked());
            pressMnemonic(Qt::Key_C);
            QVERIFY(dialog->onConfirmationStep());
            QVERIFY(dialog->isVisible());
            QCOMPARE(focused(), dialog->eraseButton());
            pressMnemonic(Qt::Key_E);
        },
        &erased);
    pressMnemonic(Qt::Key_F);
    QVERIFY(erased);
    backToShell();
    QVERIFY(page()->searchField()->isVisible());
    QCOMPARE(page()->stateLabel()->text(), QStringLiteral("The file was erased."));
    QVERIFY(!repository().load(m_admin, id));
    QVERIFY(!repo.load(m_admin, queued)); // discarded with the file: it will never be sent
    search(QStringLiteral("helene"));
    QCOMPARE(page()->results()->rowCount(), 0);
}

void TestCitizensPage::erasureSaysWhatStaysUntilDelivery()
{
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    SubmissionRepository repo = submissions();
    const qint64 queued = repo.createDraft(m_admin, Demarche, 1, id)->id;
    const QJsonObject answers{{QStringLiteral("numero_allocataire"), QStringLiteral("1234567")}};
    QVERIFY(repo.queue(m_admin, queued, answers));
    openShell(m_admin);
    openByKeyboard(QStringLiteral("helene"));

    // The sentence as the interface shows it (the English plural forms may come from the translation file).
    const QString said = CitizenRepository::waitingOnErasureNotice(1);
    QVERIFY(said.startsWith(QStringLiteral("1 démarche")));
    QVERIFY(said.contains(QLatin1String("stay encrypted on this PC until delivery")));
    bool erased = false;
    whenModal<ui::EraseDialog>(
        [&said](ui::EraseDialog *dialog) {
            QVERIFY(dialog->waitingNotice());
            QVERIFY(dialog->waitingNotice()->isVisible());
            QCOMPARE(dialog->waitingNotice()->text(), said);
            QVERIFY(dialog->deliverFirstButton()->isChecked());
            pressMnemonic(Qt::Key_C);
            QVERIFY(dialog->onConfirmationStep());
            // Said again beside the last confirmation, since delivering first is what was chosen.
            const auto *again = dialog->findChild<QLabel *>(QStringLiteral("waitingNoticeConfirmation"));
            QVERIFY(again && again->isVisible());
            QCOMPARE(again->text(), said);
            pressMnemonic(Qt::Key_E);
        },
        &erased);
    pressMnemonic(Qt::Key_F);
    QVERIFY(erased);
    QVERIFY(!repository().load(m_admin, id));
    // As the dialog said: the answers wait on this PC for the delivery.
    const Submission waiting = repo.load(m_admin, queued).value();
    QCOMPARE(waiting.state, relais::SubmissionState::Queued);
    QCOMPARE(waiting.answers, answers);
}

void TestCitizensPage::mergeKeepsOneFileWithBothDemarches()
{
    const qint64 first = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    Citizen twin;
    twin.birthName = QStringLiteral("Lefevre");
    twin.givenNames = QStringLiteral("Helene");
    twin.phone = QStringLiteral("06 98 76 54 32");
    const qint64 second = repository().create(m_admin, twin)->id;
    SubmissionRepository repo = submissions();
    const qint64 one = repo.createDraft(m_admin, Demarche, 1, first)->id;
    const qint64 two = repo.createDraft(m_admin, QStringLiteral("cpam-c2s"), 1, second)->id;
    openShell(m_admin);
    search(QStringLiteral("lefevre helene"));
    QCOMPARE(page()->results()->rowCount(), 2);
    // The undated file comes first; the arrow keys go down to the one with a date of birth.
    press(Qt::Key_Down);
    QCOMPARE(focused(), page()->resultList());
    press(Qt::Key_Down);
    QCOMPARE(page()->resultList()->currentIndex().data(ui::CitizenListModel::CitizenIdRole).toLongLong(), first);
    press(Qt::Key_Return);
    QCOMPARE(file()->citizenId(), first);

    bool merged = false;
    whenModal<ui::MergeDialog>(
        [second](ui::MergeDialog *dialog) {
            QCOMPARE(focused(), dialog->searchField());
            typeHere(QStringLiteral("lefevre"));
            press(Qt::Key_Down);
            QCOMPARE(dialog->results()->rowCount(), 1); // never the file itself
            QCOMPARE(focused(), dialog->resultList());
            QCOMPARE(dialog->duplicateId(), second);
            QCOMPARE(dialog->comparison()->item(5, 2)->text(), QStringLiteral("06 98 76 54 32")); // as dialled
            saveScreenshot(dialog, QStringLiteral("36-merge-dialog"));
            pressMnemonic(Qt::Key_M);
        },
        &merged);
    pressMnemonic(Qt::Key_W);
    QVERIFY(merged);
    backToShell();
    QCOMPARE(file()->citizenId(), first);
    QCOMPARE(file()->editor()->lineEdit(QStringLiteral("phone"))->text(), QStringLiteral("06 98 76 54 32"));
    QCOMPARE(file()->demarcheList()->count(), 2);
    QCOMPARE(repo.load(m_admin, one)->citizenId, first);
    QCOMPARE(repo.load(m_admin, two)->citizenId, first);
    pressMnemonic(Qt::Key_B);
    search(QStringLiteral("lefevre"));
    QCOMPARE(page()->results()->rowCount(), 1);
}

void TestCitizensPage::documentKeptInTheFileThenReusedInANewDraft()
{
    AttachmentStore store(m_vault->database()->connection(), &m_clock);
    // Each person has a draft with a bank statement attached.
    auto draftWithDocument = [&](qint64 citizen, const QByteArray &marker) -> qint64 {
        const qint64 draft = submissions().createDraft(m_admin, Demarche, 1, citizen)->id;
        QByteArray pdf = QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ") + marker +
                         QByteArray("\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::ReadOnly);
        Result<AttachmentInfo> added =
            store.add(m_admin, draft, QStringLiteral("rib"), QStringLiteral("rib-test.pdf"), &buffer);
        return added ? added->id : 0;
    };
    const qint64 without = seed(m_admin, QStringLiteral("Martin"), QStringLiteral("Éloïse"), QDate(2001, 7, 30));
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    const Citizen other = repository().load(m_admin, without).value();
    const Citizen person = repository().load(m_admin, id).value();
    QVERIFY(consents().give(m_admin, other, ConsentPurpose::File));
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::File));
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::Documents));
    Mandates mandates(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    QVERIFY(mandates.create(m_admin, person, {QStringLiteral("housing")}, MandateDuration::SixMonths,
                            QStringLiteral("MFS Test"), m_admin.displayName));
    const qint64 otherDocument = draftWithDocument(without, "OTHER-MARKER-1");
    const qint64 document = draftWithDocument(id, "RIB-MARKER-4412");
    QVERIFY(otherDocument && document);
    openShell(m_admin);

    // Without the "documents" consent nothing can be kept, and nothing is offered.
    openByKeyboard(QStringLiteral("eloise"));
    QVERIFY(!file()->documentsGroup()->isVisible());
    QVERIFY(!file()->keepableList()->isVisible());
    QVERIFY(!file()->keepDocument(otherDocument));
    QVERIFY2(file()->errorLabel()->text().contains(QStringLiteral("consent")),
             qPrintable(file()->errorLabel()->text()));
    QVERIFY(store.listKept(m_admin, without)->isEmpty());
    pressMnemonic(Qt::Key_B);

    // With it, the draft's document is offered; the mediator keeps it from the keyboard.
    openByKeyboard(QStringLiteral("helene"));
    QVERIFY(file()->documentsGroup()->isVisible());
    QCOMPARE(file()->documentList()->count(), 1);
    QCOMPARE(file()->documentList()->item(0)->text(), QStringLiteral("No document kept yet."));
    QListWidget *keepable = file()->keepableList();
    QVERIFY(keepable->isVisible());
    QCOMPARE(keepable->count(), 1);
    QVERIFY2(keepable->item(0)->text().startsWith(QStringLiteral("rib-test.pdf (")),
             qPrintable(keepable->item(0)->text()));
    QVERIFY(keepable->item(0)->text().endsWith(QStringLiteral("— Report a change of address to the CAF")));
    QVERIFY(!file()->keepButton()->isEnabled()); // nothing chosen yet
    keepable->setFocus();
    keepable->setCurrentRow(0);
    QVERIFY(file()->keepButton()->isEnabled());
    saveScreenshot(file()->titleLabel()->parentWidget(), QStringLiteral("3a-citizen-file-keep-document"));
    pressMnemonic(Qt::Key_K);
    QVERIFY2(file()->errorLabel()->text().isEmpty(), qPrintable(file()->errorLabel()->text()));
    QCOMPARE(file()->documentList()->count(), 1);
    QVERIFY2(file()->documentList()->item(0)->text().startsWith(QStringLiteral("rib-test.pdf (")),
             qPrintable(file()->documentList()->item(0)->text()));
    QCOMPARE(keepable->count(), 1);
    QCOMPARE(keepable->item(0)->text(), QStringLiteral("No other document in the person's démarches."));
    QVERIFY(!file()->keepButton()->isEnabled());
    const QList<AttachmentInfo> kept = store.listKept(m_admin, id).value();
    QCOMPARE(kept.size(), 1);
    QVERIFY(kept.first().id != document); // the file holds its own copy
    QCOMPARE(kept.first().submissionId, 0);

    // A new démarche for the person: the bank details come from their file, as a copy.
    pressMnemonic(Qt::Key_A);
    ui::DemarchesPage *demarches = m_shell->demarchesPage();
    QVERIFY(demarches->isVisible());
    bool present = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &present); // with the person present
    QVERIFY(demarches->start(Demarche));
    QVERIFY(present);
    backToShell();
    QVERIFY(demarches->wizard());
    const qint64 newDraft = demarches->wizard()->draft()->submission().id;
    auto *rib = qobject_cast<ui::AttachmentFieldEditor *>(demarches->wizard()->editor(QStringLiteral("rib")));
    QVERIFY(rib);
    QVERIFY(!rib->fromFileButton()->isHidden());
    bool picked = false;
    whenModal<QDialog>(
        [](QDialog *dialog) {
            auto *list = dialog->findChild<QListWidget *>();
            QVERIFY(list);
            QCOMPARE(list->count(), 1);
            QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("rib-test.pdf (")),
                     qPrintable(list->item(0)->text()));
            QCOMPARE(focused(), list);
            saveScreenshot(dialog, QStringLiteral("3b-kept-document-dialog"));
            pressMnemonic(Qt::Key_A);
        },
        &picked);
    rib->fromFileButton()->click();
    QVERIFY(picked);
    backToShell();
    QVERIFY(!rib->hasError());
    const QList<AttachmentInfo> copies = store.list(m_admin, newDraft).value();
    QCOMPARE(copies.size(), 1);
    QVERIFY(copies.first().id != document);
    QCOMPARE(copies.first().filename, QStringLiteral("rib-test.pdf"));
    QCOMPARE(copies.first().sha256, kept.first().sha256);
    QCOMPARE(store.readAll(m_admin, copies.first().id).value(), store.readAll(m_admin, document).value());
    // Shown as a file just added, and recorded as the answer of the draft.
    bool shown = false;
    for (QLabel *l : rib->findChildren<QLabel *>())
        shown = shown || l->text().startsWith(QStringLiteral("Attached: rib-test.pdf ("));
    QVERIFY(shown);
    QVERIFY(rib->previewButton()->isEnabled());
    QCOMPARE(demarches->wizard()
                 ->draft()
                 ->engine()
                 .value(QStringLiteral("rib"))
                 .toMap()
                 .value(QStringLiteral("id"))
                 .toLongLong(),
             copies.first().id);
    // The document is still kept in the file, once.
    QCOMPARE(store.listKept(m_admin, id)->size(), 1);
}

// Usagers while a person is accompanied, through the keyboard alone: the search would list other people's names beside
// the person being helped, so it is put away; the page offers the person's own file and says that ending the
// accompaniment brings the search back. Once « End the accompaniment » is pressed, the other person is found again.
void TestCitizensPage::searchPutAwayWhileAccompanyingAndBackAfterward()
{
    const qint64 helene = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1953, 7, 14));
    const qint64 marc = seed(m_admin, QStringLiteral("Lefebvre"), QStringLiteral("Marc"), QDate(1953, 7, 14));
    QVERIFY(consents().give(m_admin, repository().load(m_admin, helene).value(), ConsentPurpose::File));
    const auto otherShown = [this] {
        return visibleTexts(m_shell.get()).filter(Other, Qt::CaseInsensitive);
    };
    openShell(m_admin);
    // Hélène's file from the search, then « Start a démarche »: she is the person in context.
    QCOMPARE(focused(), page()->searchField());
    typeHere(QStringLiteral("helene"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_COMPARE_WITH_TIMEOUT(page()->results()->rowCount(), 1, 2000);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QVERIFY(page()->filePage()->isVisible());
    pressMnemonic(Qt::Key_A); // Start a démarche
    QVERIFY(m_shell->accompaniment()->isActive());
    QCOMPARE(m_shell->accompaniment()->citizenId(), helene);

    // Back in Citizens: her file is still there; « Back to the search » shows no search, only her.
    pressMnemonic(Qt::Key_Z);
    QVERIFY(page()->filePage()->isVisible());
    QCOMPARE(page()->filePage()->citizenId(), helene);
    pressMnemonic(Qt::Key_B);
    QVERIFY(page()->contextPane()->isVisible());
    QVERIFY(!page()->searchField()->isVisible());
    auto *open = page()->contextPane()->findChild<QPushButton *>(QStringLiteral("openContextFile"));
    QCOMPARE(focused(), open);
    saveScreenshot(m_shell.get(), QStringLiteral("61-citizens-during-accompaniment"));
    QVERIFY2(duplicateMnemonics(m_shell.get()).isEmpty(), qPrintable(duplicateMnemonics(m_shell.get()).join(u' ')));
    auto *person = page()->contextPane()->findChild<QLabel *>(QStringLiteral("contextPerson"));
    QCOMPARE(person->text(), ui::CitizensPage::tr("You are accompanying %1.").arg(QStringLiteral("LEFÈVRE Hélène")));
    // Typing the other person's name reaches no search.
    typeHere(QStringLiteral("lefebvre"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QVERIFY2(otherShown().isEmpty(), "Citizens during the accompaniment");
    QCOMPARE(page()->results()->rowCount(), 0);

    // « Open the file » brings her file back.
    QCOMPARE(focused(), open);
    press(Qt::Key_Space);
    QVERIFY(page()->filePage()->isVisible());
    QCOMPARE(page()->filePage()->citizenId(), helene);

    // « Change the person » in Démarches leads here too, and still lists nobody else.
    m_shell->rail()->setFocus(); // her file has its own Alt+M (a new mandate)
    press(Qt::Key_Down);
    QVERIFY(m_shell->demarchesPage()->isVisible());
    pressMnemonic(Qt::Key_P);
    QVERIFY(page()->isVisible());
    QVERIFY(page()->contextPane()->isVisible());
    QVERIFY2(otherShown().isEmpty(), "Citizens from « Change the person »");

    // Locked, the page names nobody; unlocked, she is back.
    m_shell->hideWork();
    QVERIFY(person->text().isEmpty());
    m_shell->resumeWork();
    pressMnemonic(Qt::Key_Z);
    QVERIFY(person->text().contains(QStringLiteral("LEFÈVRE Hélène")));

    // « End the accompaniment »: the search is back, with the keyboard in it, and finds the other person.
    press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!m_shell->accompaniment()->isActive());
    QVERIFY(page()->searchField()->isVisible());
    QCOMPARE(focused(), page()->searchField());
    QVERIFY(person->text().isEmpty());
    typeHere(QStringLiteral("lefebvre"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_COMPARE_WITH_TIMEOUT(page()->results()->rowCount(), 1, 2000);
    QVERIFY(!otherShown().isEmpty());
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QCOMPARE(page()->filePage()->citizenId(), marc);
}

// Marc's file was being changed when Hélène's accompaniment began (her draft resumed from Home): his name leaves the
// screen, and his unsaved changes come back with his file once the accompaniment ends.
void TestCitizensPage::anotherFileBeingEditedWaitsForTheAccompanimentsEnd()
{
    const qint64 helene = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1953, 7, 14));
    const qint64 marc = seed(m_admin, QStringLiteral("Lefebvre"), QStringLiteral("Marc"), QDate(1953, 7, 14));
    openShell(m_admin);
    QVERIFY(page()->openFile(marc));
    Citizen changed = file()->editor()->citizen();
    changed.phone = QStringLiteral("0612345678");
    file()->editor()->setCitizen(changed);
    file()->editor()->setModified(true);

    m_shell->accompaniment()->start(helene, QStringLiteral("LEFÈVRE Hélène"));
    QVERIFY(page()->contextPane()->isVisible());
    QVERIFY(!file()->isVisible());
    QVERIFY(visibleTexts(m_shell.get()).filter(Other, Qt::CaseInsensitive).isEmpty());
    // A lock on the way changes nothing to what waits.
    m_shell->hideWork();
    m_shell->resumeWork();

    press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier); // End the accompaniment
    QVERIFY(file()->isVisible());
    QCOMPARE(file()->citizenId(), marc);
    QVERIFY(file()->editor()->isModified());
    QCOMPARE(file()->editor()->citizen().phone, QStringLiteral("0612345678"));
}

void TestCitizensPage::screenshotsAtNormalAndLargeText()
{
    const qint64 id =
        seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12), QStringLiteral("Rouen"));
    const Citizen person = repository().load(m_admin, id).value();
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::File));
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::Documents));
    QVERIFY(submissions().createDraft(m_admin, Demarche, 1, id));
    for (const int scale : {100, 200}) {
        ui::Theme::apply(ui::ThemeKind::Standard, scale);
        openShell(m_admin);
        search(QStringLiteral("lef"));
        saveScreenshot(m_shell.get(), QStringLiteral("37-citizens-search-%1").arg(scale));
        openByKeyboard(QStringLiteral("lef"));
        QVERIFY(file()->documentsGroup()->isVisible()); // shown while the "documents" consent is in force
        saveScreenshot(m_shell.get(), QStringLiteral("38-citizen-file-%1").arg(scale));
        // The whole file, as it scrolls.
        auto *content = file()->titleLabel()->parentWidget();
        saveScreenshot(content, QStringLiteral("39-citizen-file-whole-%1").arg(scale));
        // Nothing is cut: every button shows its whole text.
        for (QPushButton *b : file()->findChildren<QPushButton *>())
            if (b->isVisible())
                QVERIFY2(b->width() >= b->sizeHint().width() - 1, qPrintable(b->text()));
        m_shell->leave();
        m_shell.reset();
    }
}

void TestCitizensPage::mnemonicsAreUniqueOnEachScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestCitizensPage::mnemonicsAreUniqueOnEachScreen()
{
    QFETCH(QString, language);
    installTranslations(language);
    const qint64 id = seed(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), QDate(1985, 3, 12));
    // With the "documents" consent, the file also offers to keep the démarches' documents.
    const Citizen person = repository().load(m_admin, id).value();
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::File));
    QVERIFY(consents().give(m_admin, person, ConsentPurpose::Documents));
    openShell(m_admin);
    auto check = [this](const char *screen) {
        const QStringList duplicates = duplicateMnemonics(m_shell.get());
        QVERIFY2(duplicates.isEmpty(),
                 qPrintable(QLatin1String(screen) + QLatin1String(": ") + duplicates.join(QLatin1String("; "))));
    };
    check("search");
    page()->newFile();
    check("new file");
    QVERIFY(page()->openFile(id));
    QVERIFY(file()->keepButton()->isVisible());
    check("file");
    m_shell->demarchesPage()->setCitizen(id);
    m_shell->rail()->setCurrentRow(2);
    check("démarches for a person");
    installTranslations(QStringLiteral("en"));
}

QTEST_MAIN(TestCitizensPage)
#include "TestCitizensPage.moc"
