// The mediator's day with one person, through the real shell and mostly from the keyboard: choosing the person starts
// an accompaniment whose name stays above every page until it is ended; the Démarches page then lists only that
// person's drafts (never another citizen's, whose draft exists all along); a démarche asks whether it is done with
// the person present or on their behalf (a mandate made on the way, its attestation printed right after); the form
// opens prefilled from the file and says so, the review names the person; once sent, the new address is offered to
// the file in one step and the récépissé is printed to a PDF in a chosen folder (text read by pdftotext, QR code by
// zbarimg), then printed again from Envois once the platform has received it, with its reference.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "PaperCheck.h"
#include "SyncStore.h"
#include "TempStoreDir.h"
#include "TestPrinter.h"
#include "TestStore.h"
#include "UiFind.h"

#include "catalogue/Catalogue.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizenListModel.h"
#include "citizens/CitizensPage.h"
#include "citizens/MandateDialog.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Mandates.h"
#include "domain/Recepisse.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "forms/DemarchesPage.h"
#include "forms/FieldEditor.h"
#include "forms/FormWizard.h"
#include "home/HomePage.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxPage.h"
#include "security/Journal.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse"); // "housing" area; prefills the NIR and phone
const QString HeleneNir = QStringLiteral("253072A07300443");
const QString HelenePhone = QStringLiteral("+33612345678");
const QString Other = QStringLiteral("LEFEBVRE"); // the other citizen, whose draft must never show

// Every text a person can see in `root` (labels, buttons, list rows, table cells), visible widgets only.

} // namespace

class TestAccompaniment : public QObject
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
    qint64 m_helene = 0;
    qint64 m_otherDraft = 0;

    QSqlDatabase db() const { return m_vault->database()->connection(); }
    CitizenRepository citizens() const { return CitizenRepository(db(), &m_vault->journal(), &m_clock); }
    SubmissionRepository submissions() const { return SubmissionRepository(db(), &m_vault->journal(), &m_clock); }
    ui::DemarchesPage *demarches() const { return m_shell->demarchesPage(); }
    ui::Accompaniment *accompaniment() const { return m_shell->accompaniment(); }
    QLabel *bar() const { return m_shell->findChild<QLabel *>(QStringLiteral("accompanimentPerson")); }
    qint64 seed(const QString &birthName, const QString &givenNames, const QString &nir, const QString &phone);
    void openShell();
    void backToShell()
    {
        QApplication::setActiveWindow(m_shell.get());
        QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    }
    // Citizens (Alt+Z), the search, the file, then "Start a démarche" (Alt+A): the person is chosen.
    void choosePersonByKeyboard(const QString &typed);
    // The CAF change of address found by its words in Démarches and started with Return; the question of how it is
    // done answered by `answer`.
    void startByKeyboard(const std::function<void(QMessageBox *)> &answer);
    void noOtherCitizenShown(const char *where);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void contextShownOnEveryPageAndEnded();
    void onBehalfCreatesAMandateAndPrintsItsAttestation();
    void prefilledFormSentWithReceiptAndFileUpdate();
    void homeShowsTheWorkOneKeyAway();
    void envoisNamesThePersonAndOpensTheFile();
};

void TestAccompaniment::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestAccompaniment::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS Test")));
    m_vault->setKdfParams(KdfParams::interactive());
    m_admin = m_vault->account(aliceLogin()).value();
    m_session = std::make_unique<Session>(&m_clock);
    m_session->setTimerEnabled(false);
    m_helene = seed(QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), HeleneNir, HelenePhone);
    QVERIFY(m_helene != 0);
    // Another citizen with a draft for the RSA (which says much about them): the structure has it all along.
    const qint64 other = seed(QStringLiteral("Lefebvre"), QStringLiteral("Marc"), QString(), QString());
    QVERIFY(other != 0);
    m_otherDraft = submissions().createDraft(m_admin, QStringLiteral("caf-rsa"), 1, other)->id;
    QVERIFY(m_otherDraft != 0);
}

void TestAccompaniment::cleanup()
{
    if (m_shell)
        m_shell->leave();
    m_shell.reset();
    m_workspace.reset();
    m_session.reset();
    m_vault.reset();
    m_dir.reset();
}

qint64 TestAccompaniment::seed(const QString &birthName, const QString &givenNames, const QString &nir,
                               const QString &phone)
{
    Citizen c;
    c.birthName = birthName;
    c.givenNames = givenNames;
    c.birthDate = QDate(1953, 7, 14);
    c.nir = nir;
    c.phone = phone;
    c.street = QStringLiteral("3 place du Marché");
    c.postalCode = QStringLiteral("27000");
    c.commune = QStringLiteral("Évreux");
    Result<Citizen> made = citizens().create(m_admin, c);
    if (!made)
        return 0;
    Consents consents(db(), &m_vault->journal(), &m_clock);
    return consents.give(m_admin, made.value(), ConsentPurpose::File) ? made->id : 0;
}

void TestAccompaniment::openShell()
{
    m_session->start(m_admin);
    m_shell = std::make_unique<ui::ShellPage>(m_vault.get(), m_session.get());
    m_shell->resize(1280, 900);
    m_shell->show();
    QApplication::setActiveWindow(m_shell.get());
    QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    m_workspace = std::make_unique<Workspace>(m_vault.get(), m_admin);
    m_shell->enter(m_workspace.get());
}

void TestAccompaniment::choosePersonByKeyboard(const QString &typed)
{
    pressMnemonic(Qt::Key_Z); // Citizens
    ui::CitizensPage *page = m_shell->citizensPage();
    QVERIFY(page->isVisible());
    QCOMPARE(focused(), page->searchField());
    typeHere(typed);
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_VERIFY_WITH_TIMEOUT(page->results()->rowCount() == 1, 2000);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QVERIFY(page->filePage()->isVisible());
    pressMnemonic(Qt::Key_A); // Start a démarche
    QVERIFY(demarches()->isVisible());
}

void TestAccompaniment::startByKeyboard(const std::function<void(QMessageBox *)> &answer)
{
    demarches()->searchField()->setFocus();
    press(Qt::Key_A, Qt::ControlModifier); // what an earlier search left is typed over
    typeHere(QStringLiteral("change of address to the"));
    press(Qt::Key_Down);
    QCOMPARE(focused(), demarches()->catalogueList());
    QCOMPARE(demarches()->catalogueList()->currentItem()->data(0, Qt::UserRole).toString(), Demarche);
    bool asked = false;
    whenModal<QMessageBox>(
        [answer](QMessageBox *box) {
            QCOMPARE(box->windowTitle(), ui::DemarchesPage::tr("How is this démarche done?"));
            QVERIFY(box->text().contains(QStringLiteral("LEFÈVRE Hélène")));
            answer(box);
        },
        &asked);
    press(Qt::Key_Return);
    QVERIFY(asked);
    backToShell();
}

void TestAccompaniment::noOtherCitizenShown(const char *where)
{
    QVERIFY2(visibleTexts(m_shell.get()).filter(Other, Qt::CaseInsensitive).isEmpty(), where);
    for (int i = 0; i < demarches()->draftList()->count(); ++i)
        QVERIFY2(demarches()->draftList()->item(i)->data(Qt::UserRole + 1).toLongLong() != m_otherDraft, where);
}

void TestAccompaniment::contextShownOnEveryPageAndEnded()
{
    openShell();
    // Nobody in context: the structure's drafts, each with its person's name, for the administrator.
    pressMnemonic(Qt::Key_M);
    QVERIFY(demarches()->isVisible());
    QVERIFY(!bar()->isVisible());
    QVERIFY(m_shell->findChild<QWidget *>(QStringLiteral("noPersonRow"))->isVisible());
    QCOMPARE(demarches()->draftList()->count(), 1);
    QVERIFY(demarches()->draftList()->item(0)->text().startsWith(QStringLiteral("LEFEBVRE Marc")));

    choosePersonByKeyboard(QStringLiteral("helene"));
    QVERIFY(accompaniment()->isActive());
    QCOMPARE(accompaniment()->citizenId(), m_helene);
    QVERIFY(bar()->isVisible());
    QCOMPARE(bar()->text(), ui::ShellPage::tr("Accompanying %1").arg(QStringLiteral("LEFÈVRE Hélène")));
    // Only her drafts (none yet): the other citizen's RSA draft has left the page.
    QCOMPARE(demarches()->draftList()->count(), 0);
    noOtherCitizenShown("Démarches with Hélène in context");

    // Her draft, and it is the only one listed.
    startByKeyboard([](QMessageBox *) { press(Qt::Key_Return); }); // with the person present
    QVERIFY(demarches()->wizard());
    pressMnemonic(Qt::Key_C); // close, the draft is kept
    QVERIFY(!demarches()->wizard());
    QCOMPARE(demarches()->draftList()->count(), 1);
    QVERIFY(demarches()->draftList()->item(0)->text().startsWith(QStringLiteral("Report a change of address")));
    noOtherCitizenShown("Démarches with Hélène's draft");

    // The name stays above every page of the rail.
    for (const int letter : {Qt::Key_E, Qt::Key_I, Qt::Key_Z}) { // Citizens last: her file takes Alt+M there
        pressMnemonic(letter);
        QVERIFY(bar()->isVisible());
        QVERIFY(bar()->text().contains(QStringLiteral("LEFÈVRE Hélène")));
        noOtherCitizenShown("a page of the rail");
    }
    m_shell->rail()->setFocus();
    press(Qt::Key_Down); // from Citizens to Démarches
    QVERIFY(demarches()->isVisible());
    saveScreenshot(m_shell.get(), QStringLiteral("60-accompaniment"));

    // Locked: the name leaves the screen; back, it is there again.
    m_shell->hideWork();
    QVERIFY(!bar()->isVisible());
    QVERIFY(bar()->text().isEmpty());
    m_shell->resumeWork();
    QVERIFY(bar()->isVisible());

    // Ended from the keyboard: the name goes from every page, and the structure's drafts come back.
    press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!accompaniment()->isActive());
    QVERIFY(!bar()->isVisible());
    QVERIFY(bar()->text().isEmpty());
    QVERIFY(!demarches()->personLabel()->isVisible());
    QCOMPARE(demarches()->draftList()->count(), 2);

    // "Without a file" is an accompaniment too, naming nobody.
    QVERIFY(m_shell->findChild<QWidget *>(QStringLiteral("noPersonRow"))->isVisible());
    pressMnemonic(Qt::Key_W);
    QVERIFY(accompaniment()->isWithoutFile());
    QCOMPARE(bar()->text(), ui::ShellPage::tr("Accompaniment without a file"));
    QCOMPARE(demarches()->draftList()->count(), 0); // both drafts have a person
    m_shell->findChild<QPushButton *>(QStringLiteral("endAccompaniment"))->setFocus();
    press(Qt::Key_Space);
    QVERIFY(!accompaniment()->isActive());
}

void TestAccompaniment::onBehalfCreatesAMandateAndPrintsItsAttestation()
{
    openShell();
    choosePersonByKeyboard(QStringLiteral("helene"));
    QTemporaryDir out;
    const QString attestation = out.filePath(QStringLiteral("attestation.pdf"));
    demarches()->paperOutput().setPrinterChooser(printerTo(attestation));

    // On her behalf: no mandate covers "housing", one is made on the way, and its attestation printed right after.
    bool mandated = false;
    bool offered = false;
    startByKeyboard([&](QMessageBox *box) {
        QVERIFY(box->text().contains(QStringLiteral("no mandate in force covers")));
        auto *behalf = box->findChild<QPushButton *>(QStringLiteral("howOnBehalf"));
        QVERIFY(behalf);
        whenModal<ui::MandateDialog>(
            [&offered](ui::MandateDialog *dialog) {
                QVERIFY(dialog->scopeBox(QStringLiteral("housing"))->isChecked());
                whenModal<QMessageBox>(
                    [](QMessageBox *offer) {
                        QVERIFY(offer->text().contains(QStringLiteral("Print the attestation now?")));
                        press(Qt::Key_Return); // "Print the attestation…" is the default
                    },
                    &offered);
                pressMnemonic(Qt::Key_C);
            },
            &mandated);
        behalf->setFocus();
        press(Qt::Key_Space);
    });
    QVERIFY(mandated);
    QVERIFY(offered);
    QVERIFY(demarches()->wizard());
    Mandates mandates(db(), &m_vault->journal(), &m_clock);
    const Mandate made = mandates.activeFor(m_admin, m_helene, QStringLiteral("housing")).value();
    QVERIFY(made.id != 0);
    // Done under that mandate: kept with the draft, and journaled naming the mandate.
    const Submission behalfDraft = submissions().load(m_admin, demarches()->wizard()->draft()->submission().id).value();
    QCOMPARE(behalfDraft.how.mode, HowDone::UnderMandate);
    QCOMPARE(behalfDraft.how.mandateId, made.id);
    QCOMPARE(behalfDraft.how.mandateSince, made.startsAt.toLocalTime().date());
    JournalFilter underMandate;
    underMandate.action = QStringLiteral("demarche_under_mandate");
    const QList<JournalEntry> journaled = m_vault->journal().query(m_admin, underMandate).value();
    QCOMPARE(journaled.size(), 1);
    QCOMPARE(journaled.first().object, QStringLiteral("submission:%1 mandate:%2").arg(behalfDraft.id).arg(made.uuid));
    const QString text = pdfText(attestation).simplified();
    QVERIFY2(text.contains(QStringLiteral("LEFÈVRE Hélène")), qPrintable(attestation));
    pressMnemonic(Qt::Key_C);

    // The next one: the mandate in force is named; "with the person present" needs none and makes none.
    const int before = int(mandates.forCitizen(m_admin, m_helene)->size());
    startByKeyboard([](QMessageBox *box) {
        QVERIFY(box->text().contains(QStringLiteral("is in force until")));
        press(Qt::Key_Return);
    });
    QVERIFY(demarches()->wizard());
    QCOMPARE(int(mandates.forCitizen(m_admin, m_helene)->size()), before);
    QCOMPARE(demarches()->wizard()->draft()->submission().how.mode, HowDone::WithThePerson);

    // Cancelled: nothing starts.
    pressMnemonic(Qt::Key_C);
    const int drafts = demarches()->draftList()->count();
    startByKeyboard([](QMessageBox *) { press(Qt::Key_Escape); });
    QVERIFY(!demarches()->wizard());
    QCOMPARE(demarches()->draftList()->count(), drafts);
}

void TestAccompaniment::prefilledFormSentWithReceiptAndFileUpdate()
{
    openShell();
    choosePersonByKeyboard(QStringLiteral("helene"));
    startByKeyboard([](QMessageBox *) { press(Qt::Key_Return); });
    ui::FormWizard *w = demarches()->wizard();
    QVERIFY(w);

    // Opened prefilled from her file, and it says so.
    QCOMPARE(w->draft()->engine().value(QStringLiteral("nir_allocataire")).toString(), HeleneNir);
    // As the person says it (06 12 34 56 78), not as the file keeps it (+33…); the answer sent is E.164 again.
    QCOMPARE(w->draft()->engine().value(QStringLiteral("telephone")).toString(), QStringLiteral("06 12 34 56 78"));
    QVERIFY(w->prefilledNote()->isVisible());
    QCOMPARE(w->prefilledNote()->text(),
             ui::FormWizard::tr("Prefilled from the file: %1. Check with the person that it is still right.")
                 .arg(QStringLiteral("Social security number, Phone number")));
    auto *nir = w->editor(QStringLiteral("nir_allocataire"))->findChild<QLineEdit *>();
    QVERIFY(nir && !nir->text().isEmpty());
    noOtherCitizenShown("the form");

    // The claimant number, then the new address (which the file does not know yet) by the keyboard.
    QCOMPARE(focused(), w->editor(QStringLiteral("numero_allocataire"))->findChild<QLineEdit *>());
    typeHere(QStringLiteral("1234567"));
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w->currentStep(), QStringLiteral("nouvelle_adresse"));
    QVERIFY(!w->prefilledNote()->isVisible()); // nothing of this step came from the file
    typeHere(QStringLiteral("12 rue des Lilas"));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("76000"));
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("Rouen"));
    press(Qt::Key_Tab);
    typeHere(m_clock.now().date().addDays(-10).toString(QStringLiteral("dd/MM/yyyy")));
    press(Qt::Key_Tab);
    press(Qt::Key_Space); // tenant
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("540"));
    press(Qt::Key_Tab);
    press(Qt::Key_Space); // social housing: yes
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w->currentStep(), QStringLiteral("foyer"));
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w->currentStep(), QStringLiteral("versement"));
    press(Qt::Key_Down); // "No": the bank account does not change
    QVERIFY(w->nextButton()->isVisible());
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w->currentStep(), ui::FormWizard::documentsStep());
    QCheckBox *lease = w->documentCheck(QStringLiteral("bail"));
    QVERIFY(lease);
    // The keyboard starts on attaching it (a file, the person's file); Tab goes on to "Seen, not attached".
    for (int i = 0; i < 4 && focused() != lease; ++i)
        press(Qt::Key_Tab);
    QCOMPARE(focused(), lease);
    press(Qt::Key_Space);
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w->currentStep(), ui::FormWizard::reviewStep());

    // The review names the person.
    auto *reviewPerson = w->findChild<QLabel *>(QStringLiteral("reviewPerson"));
    QVERIFY(reviewPerson && reviewPerson->isVisible());
    QCOMPARE(reviewPerson->text(), ui::FormWizard::tr("Démarche for %1").arg(QStringLiteral("LEFÈVRE Hélène")));
    const qint64 id = w->draft()->submission().id;
    QCOMPARE(focused(), w->sendButton());
    press(Qt::Key_Return);
    QVERIFY(!demarches()->wizard());
    QCOMPARE(submissions().load(m_admin, id)->state, SubmissionState::Queued);
    QCOMPARE(submissions().load(m_admin, id)->how.mode, HowDone::WithThePerson); // kept with the submission
    JournalFilter withPerson;
    withPerson.action = QStringLiteral("demarche_with_person");
    withPerson.objectContains = QStringLiteral("submission:%1").arg(id);
    QCOMPARE(m_vault->journal().query(m_admin, withPerson)->size(), 1);

    // The new address, offered to the file in one step (Alt+U).
    QVERIFY(demarches()->fileUpdatePanel()->isVisible());
    auto *offer = demarches()->fileUpdatePanel()->findChild<QLabel *>(QStringLiteral("fileUpdateText"));
    QVERIFY2(offer->text().contains(QStringLiteral("12 rue des Lilas, 76000 Rouen")), qPrintable(offer->text()));
    QVERIFY(!offer->text().contains(QStringLiteral("Phone"))); // the phone was not changed
    pressMnemonic(Qt::Key_U);
    QVERIFY(!demarches()->fileUpdatePanel()->isVisible());
    const Citizen updated = citizens().load(m_admin, m_helene).value();
    QCOMPARE(updated.street, QStringLiteral("12 rue des Lilas"));
    QCOMPARE(updated.postalCode, QStringLiteral("76000"));
    QCOMPARE(updated.commune, QStringLiteral("Rouen"));
    QCOMPARE(updated.phone, HelenePhone);

    // The récépissé, saved as a PDF into the folder chosen (the person's USB key), after the warning.
    QTemporaryDir key;
    demarches()->paperOutput().setFolderChooser(
        [&key](QWidget *, const QString &, const QString &) { return key.path(); });
    bool warned = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &warned); // "Choose the folder…"
    demarches()->saveReceiptButton()->setFocus();
    press(Qt::Key_Space);
    QVERIFY(warned);
    backToShell();
    const QStringList saved = QDir(key.path()).entryList({QStringLiteral("*.pdf")});
    QCOMPARE(saved.size(), 1);
    const QString pdf = QDir(key.path()).filePath(saved.first());

    // What it must say, built here from the store: the same content gives the same hash.
    const Submission sent = submissions().load(m_admin, id).value();
    RecepisseContent expected;
    expected.structure = QStringLiteral("MFS Test");
    expected.person = QStringLiteral("LEFÈVRE Hélène");
    expected.demarcheId = Demarche;
    expected.demarcheTitle = QStringLiteral("Report a change of address to the CAF");
    expected.localReference = sent.uuid;
    // Ticked « seen, not attached » above: the paper must not let anyone think the CAF was sent a copy.
    expected.documents = {QStringLiteral("Signed lease or rental agreement (seen, not attached)")};
    expected.queuedAt = sent.queuedAt;
    if (const QString shots = qEnvironmentVariable("RELAIS_SCREENSHOT_DIR"); !shots.isEmpty())
        (void)QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("61-recepisse.pdf"))); // for people to look at
    const QString text = pdfText(pdf).simplified();
    for (const QString &part :
         {QStringLiteral("MFS Test"), QStringLiteral("LEFÈVRE Hélène"), expected.demarcheTitle, sent.uuid,
          expected.documents.first(), QStringLiteral("What happens next"), QStringLiteral("How to follow up"),
          Recepisse::tr("Démarche done with the person"), Recepisse::hash(expected).left(16)})
        QVERIFY2(withoutSpaces(text).contains(withoutSpaces(part)), qPrintable(part));
    QCOMPARE(pdfQrCode(pdf), Recepisse::qrPayload(expected));
    noOtherCitizenShown("after sending");

    // The platform received it: Envois prints the récépissé again, now with its reference.
    const QJsonObject receipt{{QStringLiteral("uuid"), sent.uuid},
                              {QStringLiteral("reference"), QStringLiteral("RLS-2026-000042")},
                              {QStringLiteral("received_at"), m_clock.now().toUTC().toString(Qt::ISODate)},
                              {QStringLiteral("status"), QStringLiteral("received")}};
    sync::SyncStore store(db(), &m_vault->journal(), &m_clock);
    QVERIFY(store.markSending(id)); // claimed for sending first, as the engine does (protocol §3)
    QVERIFY(store.recordDelivery(id, receipt));
    pressMnemonic(Qt::Key_I);
    ui::OutboxPage *outbox = m_shell->outboxPage();
    QVERIFY(outbox->isVisible());
    outbox->refresh();
    QCOMPARE(outbox->model()->rowCount(), 1);
    outbox->table()->setFocus();
    outbox->table()->setCurrentIndex(outbox->model()->index(0, 0));
    QVERIFY(outbox->printReceiptButton()->isVisible());
    const QString delivered = key.filePath(QStringLiteral("delivered.pdf"));
    outbox->paperOutput().setPrinterChooser(printerTo(delivered));
    pressMnemonic(Qt::Key_R); // Print the receipt
    QTRY_VERIFY(QFileInfo::exists(delivered));
    const Submission received = submissions().load(m_admin, id).value();
    expected.platformReference = QStringLiteral("RLS-2026-000042");
    expected.deliveredAt = received.deliveredAt;
    const QString deliveredText = pdfText(delivered).simplified();
    QVERIFY2(deliveredText.contains(QStringLiteral("RLS-2026-000042")), qPrintable(deliveredText.left(200)));
    QVERIFY(deliveredText.contains(QStringLiteral("Receipt: démarche received by the organisation")));
    QCOMPARE(pdfQrCode(delivered), Recepisse::qrPayload(expected));
}

void TestAccompaniment::homeShowsTheWorkOneKeyAway()
{
    // Alice's work: the RSA draft for Marc (init), a change of address for Hélène waiting to be sent, and one the
    // CAF refused for Hélène with its reason, decided after her last sign-in.
    const qint64 marc = submissions().load(m_admin, m_otherDraft)->citizenId;
    SubmissionRepository repo = submissions();
    const qint64 waiting = repo.createDraft(m_admin, Demarche, 1, m_helene)->id;
    QVERIFY(repo.queue(m_admin, waiting, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1")}}));
    const qint64 refused = repo.createDraft(m_admin, Demarche, 1, m_helene)->id;
    QVERIFY(repo.queue(m_admin, refused, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("2")}}));
    sync::SyncStore store(db(), &m_vault->journal(), &m_clock);
    const QString uuid = submissions().load(m_admin, refused)->uuid;
    QVERIFY(store.markSending(refused)); // delivered only after it was claimed for sending (protocol §3)
    QVERIFY(store.recordDelivery(
        refused, QJsonObject{{QStringLiteral("uuid"), uuid},
                             {QStringLiteral("reference"), QStringLiteral("RLS-2026-000007")},
                             {QStringLiteral("received_at"), m_clock.now().toUTC().toString(Qt::ISODate)},
                             {QStringLiteral("status"), QStringLiteral("received")}}));
    m_clock.advanceSecs(3600);
    QVERIFY(store.applyStatusChanges(
        {{uuid,
          {QStringLiteral("rejected_by_operator"), QStringLiteral("Le bail fourni n'est pas signé."), m_clock.now()}}},
        QStringLiteral("c1")));
    openShell();
    QListWidget *drafts = m_shell->findChild<QListWidget *>(QStringLiteral("homeDrafts"));
    QListWidget *pending = m_shell->findChild<QListWidget *>(QStringLiteral("homePending"));
    QListWidget *decisions = m_shell->findChild<QListWidget *>(QStringLiteral("homeDecisions"));
    QVERIFY(drafts && drafts->isVisible());
    auto rows = [](QListWidget *list) {
        QStringList texts;
        for (int i = 0; i < list->count(); ++i)
            texts << list->item(i)->text();
        return texts.join(QLatin1Char('\n'));
    };
    // Nobody in context: her work, each line naming its person.
    QCOMPARE(drafts->count(), 1);
    QVERIFY2(drafts->item(0)->text().startsWith(QStringLiteral("LEFEBVRE Marc — ")), qPrintable(rows(drafts)));
    QCOMPARE(pending->count(), 2);
    QVERIFY2(rows(pending).contains(QStringLiteral("waiting to be sent since")), qPrintable(rows(pending)));
    QVERIFY2(rows(pending).contains(QStringLiteral("Le bail fourni n'est pas signé.")), qPrintable(rows(pending)));
    QCOMPARE(decisions->count(), 1);
    QVERIFY2(decisions->item(0)->text().startsWith(QStringLiteral("LEFÈVRE Hélène — Report a change of address")),
             qPrintable(rows(decisions)));

    // Two long entries do not run together: a line across the list separates them, in the colour of neither the
    // list's background nor its text.
    {
        const QRect first = pending->visualItemRect(pending->item(0));
        const QImage image = pending->viewport()->grab().toImage();
        const QColor background = image.pixelColor(first.center().x(), first.bottom() - 2);
        for (const int x : {first.left() + first.width() / 4, first.center().x(), first.right() - first.width() / 4})
            QVERIFY2(image.pixelColor(x, first.bottom()) != background &&
                         image.pixelColor(x, first.bottom()) == image.pixelColor(first.center().x(), first.bottom()),
                     qPrintable(QStringLiteral("no line under the first entry at x=%1").arg(x)));
    }

    // An administrator's Home counts the structure's démarches, without a name, each count one key from its page.
    QWidget *counts = m_shell->findChild<QWidget *>(QStringLiteral("homeStructureCounts"));
    QVERIFY(counts && counts->isVisible());
    auto *home = m_shell->findChild<ui::HomePage *>();
    QVERIFY(home);
    QCOMPARE(home->draftsCount()->text(),
             ui::HomePage::tr("Drafts in &progress: %1").arg(1)); // Marc's, whoever started it
    QCOMPARE(home->waitingCount()->text(), ui::HomePage::tr("&Waiting to be sent: %1").arg(1));
    QCOMPARE(home->refusedCount()->text(), ui::HomePage::tr("Re&jected: %1").arg(1));
    QCOMPARE(home->deliveredCount()->text(), ui::HomePage::tr("Sent successfull&y this month: %1").arg(1));
    for (QAbstractButton *count : counts->findChildren<QAbstractButton *>())
        QVERIFY(!count->text().contains(QStringLiteral("LEF"), Qt::CaseInsensitive));
    saveScreenshot(m_shell.get(), QStringLiteral("62-home-work"));
    pressMnemonic(Qt::Key_P);
    QVERIFY(demarches()->isVisible());
    QCOMPARE(focused(), demarches()->draftList());
    pressMnemonic(Qt::Key_E);
    pressMnemonic(Qt::Key_J);
    QVERIFY(m_shell->outboxPage()->isVisible());
    pressMnemonic(Qt::Key_E);

    // One key to each: Alt+C then Return opens the decision in Envois, selected.
    pressMnemonic(Qt::Key_C);
    QCOMPARE(focused(), decisions);
    decisions->setCurrentRow(0);
    press(Qt::Key_Return);
    QVERIFY(m_shell->outboxPage()->isVisible());
    QCOMPARE(m_shell->outboxPage()->model()->itemAt(m_shell->outboxPage()->table()->currentIndex().row()).submissionId,
             refused);
    // Back Home (Alt+E), Alt+F then Return: Marc's draft opens in its form, and he becomes the person in context.
    pressMnemonic(Qt::Key_E);
    pressMnemonic(Qt::Key_F);
    QCOMPARE(focused(), drafts);
    drafts->setCurrentRow(0);
    press(Qt::Key_Return);
    QVERIFY(demarches()->wizard());
    QCOMPARE(demarches()->wizard()->draft()->submission().id, m_otherDraft);
    QCOMPARE(accompaniment()->citizenId(), marc);
    pressMnemonic(Qt::Key_C); // close the form

    // With Hélène in context, Home shows only her work, without names; Marc's draft is not there.
    accompaniment()->start(m_helene, QStringLiteral("LEFÈVRE Hélène"));
    pressMnemonic(Qt::Key_E);
    QVERIFY(drafts->isVisible());
    QCOMPARE(rows(drafts), QStringLiteral("Nothing here."));
    QCOMPARE(pending->count(), 2);
    QVERIFY(visibleTexts(m_shell.get()).filter(Other, Qt::CaseInsensitive).isEmpty());
    QVERIFY(!rows(pending).contains(QStringLiteral("LEFÈVRE")));
    QVERIFY(!counts->isVisible()); // the structure's figures wait until the accompaniment ends

    // Locked: the lists leave the screen.
    m_shell->hideWork();
    QCOMPARE(drafts->count() + pending->count() + decisions->count(), 0);
}

// Envois names each démarche's person (« without a file » when none) and opens the selected one's file (Alt+F); during
// an accompaniment it lists only that person's démarches, so that no other name sits beside theirs.
void TestAccompaniment::envoisNamesThePersonAndOpensTheFile()
{
    SubmissionRepository repo = submissions();
    const qint64 hers = repo.createDraft(m_admin, Demarche, 1, m_helene)->id;
    QVERIFY(repo.queue(m_admin, hers, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1")}}));
    QVERIFY(repo.queue(m_admin, m_otherDraft, QJsonObject{}));
    const qint64 nobodys = repo.createDraft(m_admin, Demarche, 1, 0)->id;
    QVERIFY(repo.queue(m_admin, nobodys, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("2")}}));
    openShell();
    pressMnemonic(Qt::Key_I);
    ui::OutboxPage *outbox = m_shell->outboxPage();
    QVERIFY(outbox->isVisible());
    ui::OutboxModel *model = outbox->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(ui::OutboxModel::PersonColumn, Qt::Horizontal).toString(),
             ui::OutboxModel::tr("Person"));
    QStringList people;
    int herRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        people << model->index(row, ui::OutboxModel::PersonColumn).data().toString();
        if (model->itemAt(row).submissionId == hers)
            herRow = row;
    }
    people.sort();
    QCOMPARE(people, (QStringList{QStringLiteral("LEFEBVRE Marc"), QStringLiteral("LEFÈVRE Hélène"),
                                  ui::OutboxModel::tr("without a file")}));

    // At 100 % on a 1280 px window the short state keeps one line and the room left goes to the démarche's title,
    // not to the empty News column.
    QTest::qWait(20); // the queued fitting of the columns
    QTableView *table = outbox->table();
    const QString state = model->index(0, ui::OutboxModel::StateColumn).data().toString();
    QVERIFY2(table->columnWidth(ui::OutboxModel::StateColumn) > table->fontMetrics().horizontalAdvance(state),
             qPrintable(
                 QStringLiteral("%1 px for « %2 »").arg(table->columnWidth(ui::OutboxModel::StateColumn)).arg(state)));
    QVERIFY(table->columnWidth(ui::OutboxModel::DemarcheColumn) > 2 * table->columnWidth(ui::OutboxModel::NewsColumn));

    // A row without a file has nothing to open; hers opens her file, from the keyboard.
    outbox->table()->setFocus();
    for (int row = 0; row < model->rowCount(); ++row) {
        outbox->table()->setCurrentIndex(model->index(row, 0));
        QCOMPARE(outbox->openFileButton()->isVisible(), model->itemAt(row).submissionId != nobodys);
    }
    outbox->table()->setCurrentIndex(model->index(herRow, 0));
    QVERIFY(outbox->openFileButton()->isVisible());
    QCOMPARE(outbox->openFileButton()->text(), ui::OutboxPage::tr("Open the person's &file"));
    pressMnemonic(Qt::Key_F);
    QVERIFY(m_shell->citizensPage()->isVisible());
    QVERIFY(m_shell->citizensPage()->filePage()->isVisible());
    QCOMPARE(m_shell->citizensPage()->filePage()->citizenId(), m_helene);

    // With her in context, Envois lists her démarche alone: Marc's name and the one without a file are gone.
    accompaniment()->start(m_helene, QStringLiteral("LEFÈVRE Hélène"));
    pressMnemonic(Qt::Key_I);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->itemAt(0).submissionId, hers);
    QCOMPARE(model->index(0, ui::OutboxModel::PersonColumn).data().toString(), QStringLiteral("LEFÈVRE Hélène"));
    noOtherCitizenShown("Envois with Hélène in context");
    // Without a file: only the démarches without one.
    accompaniment()->startWithoutFile();
    QTRY_VERIFY(model->rowCount() == 1 && model->itemAt(0).submissionId == nobodys);
    // Ended: the structure's three again.
    accompaniment()->end();
    QTRY_COMPARE(model->rowCount(), 3);
}

QTEST_MAIN(TestAccompaniment)
#include "TestAccompaniment.moc"
