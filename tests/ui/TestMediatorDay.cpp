// Issue 16's day with a citizen, as a low-vision mediator works it: the French interface, text at 200 %, high contrast,
// the keyboard alone (no mouse event anywhere), through the real main window and a real relais-platform on loopback.
// Sign in, find Hélène, start the CAF change of address (prefilled from her file), attach the lease from the scan
// folder, send, save the récépissé as a PDF into a chosen folder (its text read by pdftotext, its QR code by zbarimg),
// see the démarche on Home and in Envois with her name, synchronise now, and print the récépissé of the démarche the
// platform received, with its reference. Another citizen's draft (Marc's RSA) is in the store all along and never on
// the screen. Displayed texts are compared with the tr() of their source, which the French translation answers (or the
// source itself while a new string waits for its French). Screenshots go to $RELAIS_SCREENSHOT_DIR.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "PaperCheck.h"
#include "TempStoreDir.h"
#include "TestPrinter.h"
#include "TestStore.h"
#include "UiFind.h"

#include "../platform/PlatformHarness.h"

#include "Enrolment.h"
#include "SyncEngine.h"
#include "SyncStore.h"
#include "catalogue/Catalogue.h"
#include "catalogue/Demarche.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizenListModel.h"
#include "citizens/CitizensPage.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Recepisse.h"
#include "domain/ScanFolder.h"
#include "domain/SubmissionRepository.h"
#include "forms/AttachmentFieldEditor.h"
#include "forms/DemarchesPage.h"
#include "forms/FieldEditor.h"
#include "forms/FormWizard.h"
#include "home/HomePage.h"
#include "login/LoginPage.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <optional>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse");
const QString Helene = QStringLiteral("LEFÈVRE Hélène");
const QString HeleneNir = QStringLiteral("253072A07300443");
const QString HelenePhone = QStringLiteral("+33612345678");
const QString Other = QStringLiteral("LEFEBVRE"); // Marc, whose RSA draft must never show

// The key of the letter a text marks with '&' ("&Suivant" → S), as the person reads it underlined on the screen.
int mnemonicKey(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        // « É » is typed as E with Alt, as Qt's shortcuts match it.
        const QChar letter = text.at(i + 1).decomposition().isEmpty() ? text.at(i + 1).toUpper()
                                                                      : text.at(i + 1).decomposition().at(0).toUpper();
        if (letter >= QLatin1Char('A') && letter <= QLatin1Char('Z'))
            return Qt::Key_A + (letter.unicode() - 'A');
        if (letter >= QLatin1Char('0') && letter <= QLatin1Char('9'))
            return Qt::Key_0 + (letter.unicode() - '0');
    }
    return 0;
}

// Alt+ the letter underlined in `button`'s text, whatever the language.
bool pressMnemonicOf(const QAbstractButton *button)
{
    const int key = mnemonicKey(button->text());
    if (key == 0)
        return false;
    pressMnemonic(key);
    return true;
}

// Alt+ the letter of a page of the rail, in the language in use.
void pressRail(const char *letter, const char *comment)
{
    pressMnemonic(mnemonicKey(QLatin1Char('&') + ui::ShellPage::tr(letter, comment)));
}

// Every text a person can see in `root` (labels, buttons, list rows, table cells), visible widgets only.

QByteArray leasePdf()
{
    return QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% LEASE\n"
                      "trailer << /Root 1 0 R >>\n%%EOF\n");
}

} // namespace

class TestMediatorDay : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    QTemporaryDir m_scans;
    FakeClock m_clock;
    qint64 m_helene = 0;
    qint64 m_otherDraft = 0;
    std::unique_ptr<platformtest::Platform> m_platform;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aDayWithHeleneInFrenchAt200PercentInHighContrast();
};

void TestMediatorDay::initTestCase()
{
    ui::installKeyboardConventions(qApp);
    Vault setup(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(setup));
    const Account admin = setup.account(aliceLogin()).value();
    const QSqlDatabase db = setup.database()->connection();
    CitizenRepository citizens(db, &setup.journal(), &m_clock);
    Consents consents(db, &setup.journal(), &m_clock);
    const auto seed = [&](const QString &birthName, const QString &givenNames, const QString &nir,
                          const QString &phone) -> qint64 {
        Citizen c;
        c.birthName = birthName;
        c.givenNames = givenNames;
        c.birthDate = QDate(1953, 7, 14);
        c.nir = nir;
        c.phone = phone;
        c.street = QStringLiteral("3 place du Marché");
        c.postalCode = QStringLiteral("27000");
        c.commune = QStringLiteral("Évreux");
        const Result<Citizen> made = citizens.create(admin, c);
        return made && consents.give(admin, made.value(), ConsentPurpose::File) ? made->id : 0;
    };
    m_helene = seed(QStringLiteral("Lefèvre"), QStringLiteral("Hélène"), HeleneNir, HelenePhone);
    QVERIFY(m_helene != 0);
    const qint64 marc = seed(QStringLiteral("Lefebvre"), QStringLiteral("Marc"), QString(), QString());
    QVERIFY(marc != 0);
    SubmissionRepository submissions(db, &setup.journal(), &m_clock);
    m_otherDraft = submissions.createDraft(admin, QStringLiteral("caf-rsa"), 1, marc)->id;
    QVERIFY(m_otherDraft != 0);
    QVERIFY(m_scans.isValid());
    QVERIFY(setup.setSetting(admin, QStringLiteral("scan_folder"), m_scans.path()));

    // The kiosk is enrolled with a real platform on loopback.
    m_platform = std::make_unique<platformtest::Platform>();
    QVERIFY2(m_platform->start(), m_platform->standardError().constData());
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    std::optional<Result<sync::SyncSettings>> enrolled;
    enrolment.enrol(m_platform->url(QString()), m_platform->enrolmentCode(), QStringLiteral("Kiosque MFS"),
                    [&](Result<sync::SyncSettings> r) { enrolled = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return enrolled.has_value(); }, 10000));
    QVERIFY2(enrolled->ok(), qPrintable(enrolled->message()));
    QVERIFY(sync::SyncStore(db, &setup.journal(), &m_clock).saveEnrolment(enrolled->value(), aliceLogin()));
}

void TestMediatorDay::cleanupTestCase()
{
    m_platform.reset();
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestMediatorDay::aDayWithHeleneInFrenchAt200PercentInHighContrast()
{
    platformtest::Platform &platform = *m_platform;
    installTranslations(QStringLiteral("fr"));
    QCOMPARE(ui::ShellPage::tr("Home"), QStringLiteral("Accueil")); // the interface is French indeed
    ui::Theme::apply(ui::ThemeKind::HighContrast, 200);
    Vault vault(m_dir.path(), &m_clock);
    Session session(&m_clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.resize(1366, 768);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const auto backToWindow = [&window] {
        QApplication::setActiveWindow(&window); // a dialog closed (a window manager does this)
        return QTest::qWaitForWindowActive(&window);
    };
    // Marc's name anywhere on the screen (his draft has it beside the RSA).
    const auto otherCitizenShown = [&window] {
        return !visibleTexts(&window).filter(Other, Qt::CaseInsensitive).isEmpty();
    };
    int shot = 0;
    // Each screen fits the laptop's 1366 × 768 without growing the window (offscreen, nothing stops it from growing).
    QStringList tooLarge;
    const auto screenshot = [&](const QString &name) {
        window.resize(1366, 768); // what an earlier screen needed is not held against this one
        QCoreApplication::processEvents();
        QTest::qWait(20); // queued re-layouts (columns fitted to the text)
        if (window.width() > 1366 || window.height() > 768)
            tooLarge << QStringLiteral("%1: %2×%3").arg(name).arg(window.width()).arg(window.height());
        saveScreenshot(&window, QStringLiteral("70-day-%1-%2").arg(++shot, 2, 10, QLatin1Char('0')).arg(name));
    };

    // Sign in: the password, then Return.
    auto *password = qobject_cast<QLineEdit *>(focused());
    QVERIFY(password);
    typeHere(QString::fromUtf8(alicePassword()));
    press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.loginPage()->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
    ui::ShellPage *shell = window.shellPage();
    sync::SyncEngine engine(vault.database(), &vault.journal(), &m_clock);
    window.setSyncEngine(&engine);
    const auto detach = qScopeGuard([&window] { window.setSyncEngine(nullptr); });
    ui::DemarchesPage *demarches = shell->demarchesPage();
    demarches->scanFolder()->setSettleMs(200);
    demarches->scanFolder()->setPollMs(100);
    // Nobody in context yet: Home lists the administrator's work, Marc's draft with his name; it goes once Hélène is
    // chosen.
    QVERIFY(otherCitizenShown());

    // Find the person: Usagers, her name typed without accents, Down to the result, Return to her file.
    pressRail("Z", "Alt+letter of the Citizens page in the rail");
    ui::CitizensPage *citizens = shell->citizensPage();
    QVERIFY(citizens->isVisible());
    QCOMPARE(focused(), citizens->searchField());
    typeHere(QStringLiteral("helene"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_VERIFY_WITH_TIMEOUT(citizens->results()->rowCount() == 1, 2000);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QVERIFY(citizens->filePage()->isVisible());
    screenshot(QStringLiteral("file"));
    QVERIFY(pressMnemonicOf(citizens->filePage()->startButton())); // Commencer une démarche
    QVERIFY(demarches->isVisible());
    auto *bar = shell->findChild<QLabel *>(QStringLiteral("accompanimentPerson"));
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->text(), ui::ShellPage::tr("Accompanying %1").arg(Helene));
    QVERIFY2(!otherCitizenShown(), "Démarches with Hélène in context");

    // The CAF change of address, found by words of its French title, started with Return; done with her present
    // (the question's default answer).
    const catalogue::DemarchePtr caf = shell->catalogue().current().demarche(Demarche);
    QVERIFY(caf);
    const QString title = caf->title.text(QStringLiteral("fr"));
    QVERIFY2(title.contains(QStringLiteral("changement d'adresse")), qPrintable(title));
    demarches->searchField()->setFocus();
    typeHere(QStringLiteral("changement d'adresse à la"));
    press(Qt::Key_Down);
    QCOMPARE(focused(), demarches->catalogueList());
    QCOMPARE(demarches->catalogueList()->currentItem()->data(0, Qt::UserRole).toString(), Demarche);
    bool asked = false;
    whenModal<QMessageBox>(
        [](QMessageBox *box) {
            QCOMPARE(box->windowTitle(), ui::DemarchesPage::tr("How is this démarche done?"));
            QVERIFY(box->text().contains(Helene));
            press(Qt::Key_Return);
        },
        &asked);
    press(Qt::Key_Return);
    QVERIFY(asked);
    QVERIFY(backToWindow());
    ui::FormWizard *w = demarches->wizard();
    QVERIFY(w);

    // Prefilled from her file, and it says so.
    QCOMPARE(w->draft()->engine().value(QStringLiteral("nir_allocataire")).toString(), HeleneNir);
    QCOMPARE(w->draft()->engine().value(QStringLiteral("telephone")).toString(),
             QStringLiteral("06 12 34 56 78")); // as it is dialled
    QVERIFY(w->prefilledNote()->isVisible());
    const QString prefilled = ui::FormWizard::tr("Prefilled from the file: %1. Check with the person that it is "
                                                 "still right.");
    QVERIFY2(w->prefilledNote()->text().startsWith(prefilled.left(prefilled.indexOf(QLatin1String("%1")))),
             qPrintable(w->prefilledNote()->text()));
    screenshot(QStringLiteral("form-prefilled"));
    QVERIFY2(!otherCitizenShown(), "the form");

    // Her claimant number, then the new address, by the keyboard.
    QCOMPARE(focused(), w->editor(QStringLiteral("numero_allocataire"))->findChild<QLineEdit *>());
    typeHere(QStringLiteral("1234567"));
    QVERIFY(pressMnemonicOf(w->nextButton()));
    QCOMPARE(w->currentStep(), QStringLiteral("nouvelle_adresse"));
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
    screenshot(QStringLiteral("form-address"));
    QVERIFY(pressMnemonicOf(w->nextButton()));
    QCOMPARE(w->currentStep(), QStringLiteral("foyer"));
    QVERIFY(pressMnemonicOf(w->nextButton()));
    QCOMPARE(w->currentStep(), QStringLiteral("versement"));
    press(Qt::Key_Down); // « Non »: the bank account does not change
    QVERIFY(pressMnemonicOf(w->nextButton()));
    QCOMPARE(w->currentStep(), ui::FormWizard::documentsStep());

    // The lease, scanned on the network scanner, attached from the scan folder in one key.
    ui::AttachmentFieldEditor *lease = w->documentAttachment(QStringLiteral("bail"));
    QVERIFY(lease && lease->isVisible());
    {
        QFile scan(m_scans.filePath(QStringLiteral("SCAN0001.pdf")));
        QVERIFY(scan.open(QIODevice::WriteOnly));
        scan.write(leasePdf());
    }
    QTRY_VERIFY_WITH_TIMEOUT(lease->newScanButton()->isVisible(), 5000);
    lease->newScanButton()->setFocus(Qt::TabFocusReason);
    press(Qt::Key_Space);
    QVERIFY(w->draft()->missingDocuments().isEmpty());
    QVERIFY(!w->documentCheck(QStringLiteral("bail"))->isChecked()); // attached, not merely seen
    screenshot(QStringLiteral("form-document"));
    QVERIFY(pressMnemonicOf(w->nextButton()));
    QCOMPARE(w->currentStep(), ui::FormWizard::reviewStep());
    auto *reviewPerson = w->findChild<QLabel *>(QStringLiteral("reviewPerson"));
    QVERIFY(reviewPerson && reviewPerson->isVisible());
    QCOMPARE(reviewPerson->text(), ui::FormWizard::tr("Démarche for %1").arg(Helene));
    screenshot(QStringLiteral("form-review"));
    const qint64 id = w->draft()->submission().id;
    QCOMPARE(focused(), w->sendButton());
    press(Qt::Key_Return);
    QVERIFY(!demarches->wizard());
    QVERIFY2(!otherCitizenShown(), "after sending");

    // The récépissé, saved as a PDF into the folder chosen (her USB key), after the warning.
    QTemporaryDir key;
    demarches->paperOutput().setFolderChooser(
        [&key](QWidget *, const QString &, const QString &) { return key.path(); });
    bool warned = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &warned); // « Choisir le dossier… »
    QVERIFY(demarches->saveReceiptButton()->isVisible());
    demarches->saveReceiptButton()->setFocus(Qt::TabFocusReason);
    press(Qt::Key_Space);
    QVERIFY(warned);
    QVERIFY(backToWindow());
    screenshot(QStringLiteral("sent"));
    const QStringList saved = QDir(key.path()).entryList({QStringLiteral("*.pdf")});
    QCOMPARE(saved.size(), 1);
    const QString pdf = QDir(key.path()).filePath(saved.first());
    const QString text = pdfText(pdf).simplified();
    const Submission sent = SubmissionRepository(vault.database()->connection(), &vault.journal(), &m_clock)
                                .load(vault.account(aliceLogin()).value(), id)
                                .value();
    const QList<AttachmentInfo> files =
        AttachmentStore(vault.database()->connection(), &m_clock).list(vault.account(aliceLogin()).value(), id).value();
    const RecepisseContent handedOver =
        Recepisse::contentFor(sent, *caf, Helene, QStringLiteral("MFS Test"), QStringLiteral("fr"), &m_clock, files);
    // The lease was attached, and the paper says so (not « seen, not attached »).
    QString leaseLabel;
    for (const catalogue::RequiredDocument &d : caf->requiredDocuments)
        if (d.id == QLatin1String("bail"))
            leaseLabel = d.label.text(QStringLiteral("fr"));
    QVERIFY(!leaseLabel.isEmpty());
    QVERIFY(handedOver.documents.contains(Recepisse::tr("%1 (file attached)").arg(leaseLabel)));
    for (const QString &part :
         {QStringLiteral("MFS Test"), Helene, title, sent.uuid, Recepisse::tr("What happens next"),
          Recepisse::tr("How to follow up"), Recepisse::tr("Receipt: démarche handed over for sending"),
          Recepisse::tr("Démarche done with the person"),
          caf->requiredDocuments.isEmpty() ? QString() : handedOver.documents.value(0)})
        QVERIFY2(withoutSpaces(text).contains(withoutSpaces(part)),
                 qPrintable(QStringLiteral("« %1 » not in the récépissé").arg(part)));
    QCOMPARE(pdfQrCode(pdf), Recepisse::qrPayload(handedOver));
    if (const QString shots = qEnvironmentVariable("RELAIS_SCREENSHOT_DIR"); !shots.isEmpty())
        (void)QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("70-day-recepisse.pdf")));

    // Home: her démarche waits to be sent; the page says it shows her work only.
    pressRail("E", "Alt+letter of the Home page in the rail");
    auto *home = shell->findChild<ui::HomePage *>();
    QVERIFY(home && home->isVisible());
    auto *scope = home->findChild<QLabel *>(QStringLiteral("homeWorkScope"));
    QVERIFY(scope && scope->isVisible());
    QCOMPARE(scope->text(), ui::HomePage::tr("During this accompaniment, only the work for %1 is shown.").arg(Helene));
    QCOMPARE(home->pendingList()->count(), 1);
    QCOMPARE(home->pendingList()->item(0)->data(ui::HomePage::SubmissionIdRole).toLongLong(), id);
    QVERIFY(home->pendingList()->item(0)->text().startsWith(title));
    screenshot(QStringLiteral("home"));
    QVERIFY2(!otherCitizenShown(), "Home with Hélène in context");

    // Envois: her démarche alone, with her name; synchronised now, the platform receives it and gives its reference.
    pressRail("I", "Alt+letter of the Sending page in the rail");
    ui::OutboxPage *outbox = shell->outboxPage();
    QVERIFY(outbox->isVisible());
    ui::OutboxModel *model = outbox->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->itemAt(0).submissionId, id);
    QCOMPARE(model->index(0, ui::OutboxModel::PersonColumn).data().toString(), Helene);
    QCOMPARE(model->headerData(ui::OutboxModel::PersonColumn, Qt::Horizontal).toString(),
             ui::OutboxModel::tr("Person"));
    QVERIFY2(!otherCitizenShown(), "Envois with Hélène in context");
    screenshot(QStringLiteral("envois-waiting"));
    QVERIFY(pressMnemonicOf(outbox->syncNowButton()));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && !model->itemAt(0).reference.isEmpty(), 30000);
    const QString reference = model->itemAt(0).reference;
    QCOMPARE(model->index(0, ui::OutboxModel::ReferenceColumn).data().toString(), reference);
    QCOMPARE(platform.list().size(), 1);                                   // on the platform, once
    QTRY_VERIFY_WITH_TIMEOUT(outbox->syncNowButton()->isEnabled(), 10000); // the round is over
    outbox->table()->setFocus();
    outbox->table()->setCurrentIndex(model->index(0, 0));
    QVERIFY(outbox->printReceiptButton()->isVisible());
    QVERIFY(outbox->openFileButton()->isVisible());
    screenshot(QStringLiteral("envois-delivered"));
    QVERIFY2(!otherCitizenShown(), "Envois after delivery");

    // The récépissé again, now with the platform's reference.
    const QString delivered = key.filePath(QStringLiteral("recu.pdf"));
    outbox->paperOutput().setPrinterChooser(printerTo(delivered));
    QVERIFY(pressMnemonicOf(outbox->printReceiptButton()));
    QTRY_VERIFY(QFileInfo::exists(delivered));
    const QString deliveredText = pdfText(delivered).simplified();
    QVERIFY2(deliveredText.contains(reference), qPrintable(reference));
    QVERIFY(deliveredText.contains(Recepisse::tr("Receipt: démarche received by the organisation").simplified()));
    QVERIFY(pdfQrCode(delivered).contains(QStringLiteral("ref=") + reference));

    // Her file, one key from her démarche.
    QVERIFY(pressMnemonicOf(outbox->openFileButton()));
    QVERIFY(citizens->filePage()->isVisible());
    QCOMPARE(citizens->filePage()->citizenId(), m_helene);
    screenshot(QStringLiteral("file-after"));
    QVERIFY2(!otherCitizenShown(), "her file at the end");
    QVERIFY2(tooLarge.isEmpty(), qPrintable(tooLarge.join(QLatin1String(", "))));
}

QTEST_MAIN(TestMediatorDay)
#include "TestMediatorDay.moc"
