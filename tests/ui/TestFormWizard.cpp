// The démarche form, driven from the keyboard through the real widgets of the kiosk's shell: steps from the
// definition, errors next to their field, conditions, repeated entries, documents checklist, review, sending to the
// queue; the draft saved within a second and reopened at its step; documents from the scan folder and previewed.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "UiFind.h"

#include "SyncStore.h"
#include "catalogue/Catalogue.h"
#include "catalogue/Validators.h"
#include "citizens/CitizensPage.h"
#include "common/CommuneAssist.h"
#include "common/DataSize.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "domain/AttachmentStore.h"
#include "domain/DraftEditor.h"
#include "domain/ScanFolder.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "forms/AttachmentFieldEditor.h"
#include "forms/AttachmentPreview.h"
#include "forms/DemarchesPage.h"
#include "forms/FormWizard.h"
#include "forms/GroupFieldEditor.h"
#include "security/Journal.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse");
const QString ValidNir = QStringLiteral("2 53 07 2A 073 004 43");
const QString WrongKeyNir = QStringLiteral("2 53 07 2A 073 004 44");
const QString ValidIban = QStringLiteral("FR76 3000 6000 0112 3456 7890 189");

// The English source texts of the project that French translates into something else ("Number and street"): seen
// on a French screen, they are English left behind. Mnemonics dropped; texts with a placeholder cannot be matched.
QSet<QString> englishSourcesTranslatedDifferently()
{
    QFile ts(QStringLiteral(RELAIS_SOURCE_DIR "/translations/relais_fr.ts"));
    if (!ts.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> english;
    QSet<QString> french; // "Documents" is French too: the same word is no English left behind
    QXmlStreamReader xml(&ts);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            QString plain = source;
            plain.remove(QLatin1Char('&'));
            if (!translation.isEmpty() && translation != source && !plain.contains(QLatin1Char('%')) &&
                plain.size() > 1)
                english.insert(plain);
            french.insert(translation.remove(QLatin1Char('&')));
        }
    }
    return english - french;
}

// Every text a person sees or hears on `root` and below, hidden parts included (answers open them).
QStringList textsShown(QWidget *root)
{
    QStringList texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        if (auto *box = qobject_cast<QGroupBox *>(w))
            texts << box->title();
        if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
    }
    QStringList parts;
    for (QString text : std::as_const(texts)) {
        text.remove(QLatin1Char('&'));
        if (text.isEmpty())
            continue;
        parts << text;
        // "Question : part", the accessible name of one part of an answer
        if (text.contains(QLatin1String(" : ")))
            parts << text.split(QStringLiteral(" : "));
    }
    return parts;
}

QByteArray pdfWith(const QByteArray &marker)
{
    return QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% ") +
           marker + QByteArray("\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
} // namespace

class TestFormWizard : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Workspace> m_workspace; // the session of the person signed in
    std::unique_ptr<ui::ShellPage> m_shell;
    Account m_admin;

    ui::DemarchesPage *page() const { return m_shell->demarchesPage(); }
    ui::FormWizard *wizard() const { return page()->wizard(); }
    void openShell();
    void startByKeyboard();
    void next(const QString &expectedStep);
    Submission stored(qint64 id) const
    {
        SubmissionRepository repository(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
        return repository.load(m_admin, id).value();
    }

    // An answer as the draft holds it in the store (as typed).
    QString savedValue(qint64 id, const QString &field) const
    {
        return stored(id).answers.value(QStringLiteral("values")).toObject().value(field).toString();
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fillByKeyboardReviewAndSend();
    void draftIsSavedWithinASecondAndReopensAtItsStep();
    void scannedDocumentIsAttachedPreviewedAndLeavesTheScanFolder();
    void photoIsScaledDownBeforeItIsStored();
    void requiredDocumentIsAttachedFromTheScanner();
    void stepsWithNothingToShowAreSkipped();
    void searchPagesKeepTheirButtonsUnderTheList();
    void everyBundledDemarcheIsShownInFrench();
    void impossibleDateSaysItDoesNotExist();
    void keyboardAloneSearchesChoosesAndPresses();
    void altLetterOpensEachPageOfTheRail();
    void mnemonicsAreUniqueOnEachScreen_data();
    void mnemonicsAreUniqueOnEachScreen();
};

void TestFormWizard::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
    ui::installKeyboardConventions(qApp); // as the kiosk's window does
}

void TestFormWizard::init()
{
    m_vault = std::make_unique<Vault>(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS Test")));
    m_admin = m_vault->account(QStringLiteral("alice")).value();
    m_session = std::make_unique<Session>(&m_clock);
    m_session->setTimerEnabled(false);
    m_session->start(m_admin);
}

void TestFormWizard::cleanup()
{
    if (m_shell)
        m_shell->leave();
    m_shell.reset();
    m_workspace.reset();
    m_session.reset();
    m_vault.reset();
}

void TestFormWizard::openShell()
{
    m_shell = std::make_unique<ui::ShellPage>(m_vault.get(), m_session.get());
    m_shell->resize(1280, 900);
    m_shell->show();
    QApplication::setActiveWindow(m_shell.get());
    QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    m_workspace = std::make_unique<Workspace>(m_vault.get(), m_admin);
    m_shell->enter(m_workspace.get());
    QVERIFY(m_shell->catalogue().errors().isEmpty());
    // From the rail to Démarches with the arrow key (past Citizens), as a keyboard user does.
    QCOMPARE(focused(), m_shell->rail());
    press(Qt::Key_Down);
    press(Qt::Key_Down);
    QVERIFY(page()->isVisible());
}

void TestFormWizard::startByKeyboard()
{
    // The search narrows the catalogue as one types; the organisations stay as headings.
    page()->searchField()->setFocus();
    typeHere(QStringLiteral("change of address to the"));
    QTreeWidget *tree = page()->catalogueList();
    QStringList shown;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
            if (!tree->topLevelItem(i)->child(j)->isHidden())
                shown << tree->topLevelItem(i)->child(j)->data(0, Qt::UserRole).toString();
    QVERIFY2(shown.contains(Demarche), qPrintable(shown.join(QLatin1Char(','))));
    QVERIFY(!shown.contains(QStringLiteral("cpam-c2s")));
    saveScreenshot(m_shell.get(), QStringLiteral("20-demarches-search"));

    const auto found =
        tree->findItems(QStringLiteral("Report a change of address to the CAF"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    tree->setFocus();
    tree->setCurrentItem(found.first());
    press(Qt::Key_Return);
    QVERIFY(wizard());
    QCOMPARE(wizard()->currentStep(), QStringLiteral("allocataire"));
}

void TestFormWizard::next(const QString &expectedStep)
{
    pressMnemonic(Qt::Key_N);
    QCOMPARE(wizard()->currentStep(), expectedStep);
}

void TestFormWizard::fillByKeyboardReviewAndSend()
{
    openShell();
    startByKeyboard();
    ui::FormWizard *w = wizard();
    const qint64 id = w->draft()->submission().id;
    QVERIFY(w->progressLabel()->text().startsWith(QStringLiteral("Step 1 of ")));
    saveScreenshot(m_shell.get(), QStringLiteral("21-form-first-step"));

    // Going on with nothing typed: each required answer says so under its field, the keyboard is put on the first.
    auto *claimant = qobject_cast<QLineEdit *>(focused());
    QVERIFY(claimant);
    QCOMPARE(claimant->accessibleName(), QStringLiteral("CAF claimant number"));
    next(QStringLiteral("allocataire"));
    auto *claimantError = w->findChild<QLabel *>(QStringLiteral("error:numero_allocataire"));
    QVERIFY(claimantError && claimantError->isVisible());
    QCOMPARE(claimantError->text(), QStringLiteral("This answer is required."));
    QVERIFY(w->pageError()->isVisible());
    QCOMPARE(focused(), claimant);
    saveScreenshot(m_shell.get(), QStringLiteral("22-form-errors"));

    const auto summary = [](int n) {
        return ui::FormWizard::tr("%n answer(s) need your attention before going on.", nullptr, n);
    };
    QCOMPARE(w->pageError()->text(), summary(2));

    // The error follows the typing and goes once the answer is right; so does the count above the buttons.
    typeHere(QStringLiteral("1234567"));
    QVERIFY(!claimantError->isVisible());
    QCOMPARE(w->pageError()->text(), summary(1));
    QVERIFY(w->pageError()->isVisible());
    press(Qt::Key_Tab);
    typeHere(WrongKeyNir);
    press(Qt::Key_Tab); // leaving a wrong answer says what is wrong, in plain words, right there
    auto *nirError = w->findChild<QLabel *>(QStringLiteral("error:nir_allocataire"));
    QVERIFY(nirError->isVisible());
    QVERIFY2(nirError->text().contains(QStringLiteral("key"), Qt::CaseInsensitive), qPrintable(nirError->text()));
    press(Qt::Key_Backtab);
    press(Qt::Key_A, Qt::ControlModifier);
    typeHere(ValidNir);
    QVERIFY(!nirError->isVisible());
    QVERIFY(!w->pageError()->isVisible());
    next(QStringLiteral("nouvelle_adresse"));
    QVERIFY(w->progressLabel()->text().contains(QStringLiteral("New address")));

    // Address, date, and a choice that opens two more questions.
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Address of the new home : Number and street"));
    typeHere(QStringLiteral("12 rue des Lilas"));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("76000"));
    press(Qt::Key_Tab);
    // The one commune of 76000 is written at once; a commune that the postal code does not serve is said, in words.
    QCOMPARE(qobject_cast<QLineEdit *>(focused())->text(), QStringLiteral("Rouen"));
    auto *communeNotice = w->findChild<QLabel *>(QStringLiteral("communeNotice:adresse"));
    QVERIFY(communeNotice && !communeNotice->isVisible());
    typeHere(QStringLiteral("Lyon"));
    press(Qt::Key_Escape); // closes the list of communes offered
    press(Qt::Key_Tab);
    QVERIFY(communeNotice->isVisible());
    QCOMPARE(communeNotice->text(),
             ui::CommuneAssist::tr("The postal code %1 is not that of %2. It is the code of: %3. Check the address.")
                 .arg(QStringLiteral("76000"), QStringLiteral("Lyon"), QStringLiteral("Rouen")));
    QVERIFY(!w->pageError()->isVisible()); // a notice, not an error: a CEDEX code may be right
    press(Qt::Key_Backtab);
    typeHere(QStringLiteral("Rouen"));
    QVERIFY(!communeNotice->isVisible());
    press(Qt::Key_Tab);
    typeHere(m_clock.now().date().addDays(-10).toString(QStringLiteral("dd/MM/yyyy")));
    QVERIFY(!w->editor(QStringLiteral("loyer"))->isVisible());
    press(Qt::Key_Tab);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("In this home, you are : Tenant"));
    press(Qt::Key_Space);
    QVERIFY(w->editor(QStringLiteral("loyer"))->isVisible());
    QVERIFY(w->editor(QStringLiteral("logement_conventionne"))->isVisible());
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("540,5"));
    press(Qt::Key_Tab);
    press(Qt::Key_Space); // "Yes"
    saveScreenshot(m_shell.get(), QStringLiteral("23-form-conditions"));
    const int stepsBefore = int(w->steps().size());
    next(QStringLiteral("foyer"));

    // A repeated group: Space on "Add an entry" opens one and puts the keyboard in it. A spouse opens a section.
    QVERIFY(focused()->accessibleName().startsWith(QStringLiteral("Add an entry")));
    press(Qt::Key_Space);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Last name"));
    typeHere(QStringLiteral("Martin"));
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("Camille"));
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("14/02/1990"));
    press(Qt::Key_Tab);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Relationship to you : Spouse or partner"));
    press(Qt::Key_Space);
    QCOMPARE(int(w->steps().size()), stepsBefore + 1);
    QVERIFY(w->steps().contains(QStringLiteral("conjoint")));
    QVERIFY(w->editor(QStringLiteral("membres[0].member_income"))->isVisible());
    QVERIFY(!w->editor(QStringLiteral("membres[0].student"))->isVisible());
    press(Qt::Key_Tab);
    typeHere(QStringLiteral("1 250"));
    saveScreenshot(m_shell.get(), QStringLiteral("24-form-repeated-group"));
    next(QStringLiteral("conjoint"));
    typeHere(QStringLiteral("1 85 05 75 123 456 ") +
             QStringLiteral("%1").arg(97 - 1850575123456LL % 97, 2, 10, QLatin1Char('0')));
    next(QStringLiteral("versement"));

    // Changing bank: the IBAN and the bank details appear; the file is stored in the store, never on disk.
    press(Qt::Key_Space);
    QVERIFY(w->editor(QStringLiteral("iban"))->isVisible());
    press(Qt::Key_Tab); // out of the yes/no group, whose arrows move between "Yes" and "No"
    QCOMPARE(focused()->accessibleName(), QStringLiteral("IBAN of the new account"));
    typeHere(ValidIban);
    auto *rib = qobject_cast<ui::AttachmentFieldEditor *>(w->editor(QStringLiteral("rib")));
    QVERIFY(rib && rib->isVisible());
    const QString ribFile = m_dir.path() + QStringLiteral("/../rib-test.pdf");
    {
        QSaveFile f(ribFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdfWith("RIB-MARKER-7731"));
        QVERIFY(f.commit());
    }
    QVERIFY(rib->addFile(ribFile)); // what "Choose a file…" does once the system's file dialog returns
    QFile::remove(ribFile);
    QStringList ribTexts;
    for (QLabel *l : rib->findChildren<QLabel *>())
        ribTexts << l->text();
    // A few hundred bytes read as the rest of Relais writes sizes, not in bytes.
    QVERIFY2(ribTexts.join(QLatin1Char('|')).contains(QStringLiteral(", %1)").arg(DataSize::format(400))),
             qPrintable(ribTexts.join(QLatin1Char('|'))));
    QVERIFY(rib->previewButton()->isEnabled());
    next(ui::FormWizard::documentsStep());

    // Documents: the lease is needed for a tenant; the school certificate is not (no child). Each one can be
    // attached there or ticked as seen; the keyboard starts on attaching the first.
    QCOMPARE(focused()->accessibleName(),
             QStringLiteral("Signed lease or rental agreement : ") + ui::FormWizard::tr("Attach a file…"));
    QCheckBox *lease = w->documentCheck(QStringLiteral("bail"));
    QVERIFY(lease && lease->isVisible());
    QCOMPARE(lease->text(), ui::FormWizard::tr("Seen, not attached"));
    QVERIFY(w->documentAttachment(QStringLiteral("bail"))->isVisible());
    QVERIFY(!w->documentCheck(QStringLiteral("certificat_scolarite")));
    saveScreenshot(m_shell.get(), QStringLiteral("25-form-documents"));
    next(ui::FormWizard::reviewStep());
    // Sending with a document neither attached nor seen goes back to the documents and says why.
    pressMnemonic(Qt::Key_S);
    QCOMPARE(w->currentStep(), ui::FormWizard::documentsStep());
    QCOMPARE(w->pageError()->text(),
             ui::FormWizard::tr("Attach each required document, or tick “Seen, not attached” once you have seen it."));
    lease = w->documentCheck(QStringLiteral("bail")); // the checklist is rebuilt from the answers at each visit
    QVERIFY(lease);
    press(Qt::Key_Tab); // past "Attach a file…" (no scanner here, no person's file) to "Seen, not attached"
    QCOMPARE(focused(), lease);
    press(Qt::Key_Space);
    QVERIFY(!w->pageError()->isVisible()); // its cause is gone
    next(ui::FormWizard::reviewStep());

    // The review shows every answer as the citizen gave it, formatted for reading.
    QStringList shown;
    for (QLabel *l : w->reviewPage()->findChildren<QLabel *>())
        shown << l->text();
    const QString all = shown.join(QLatin1Char('\n'));
    for (const char *expected : {"1234567", "12 rue des Lilas, 76000 Rouen", "Tenant", "540.50 €", "Martin",
                                 "Spouse or partner", "FR7630006000011234567890189", "File “rib-test.pdf”"})
        QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
    saveScreenshot(m_shell.get(), QStringLiteral("26-form-review"));

    pressMnemonic(Qt::Key_S);
    QVERIFY(!wizard());
    QVERIFY(page()->message()->isVisible());
    // No platform seen yet: it leaves at the next connection. Once the platform answers, the sentence follows.
    const QString title = QStringLiteral("Report a change of address to the CAF");
    QCOMPARE(page()->message()->text(),
             ui::DemarchesPage::tr("“%1” is in the queue: it will be sent to the organisation at the next connection.")
                 .arg(title));
    page()->setOnline(true);
    QCOMPARE(page()->message()->text(),
             ui::DemarchesPage::tr("“%1” is in the queue: it will be sent to the organisation within a few minutes.")
                 .arg(title));
    QCOMPARE(page()->draftList()->count(), 0);
    const Submission sent = stored(id);
    QCOMPARE(sent.state, relais::SubmissionState::Queued);
    QCOMPARE(sent.demarcheVersion, 1);
    QCOMPARE(sent.answers.value(QStringLiteral("loyer")).toString(), QStringLiteral("540.50"));
    QCOMPARE(sent.answers.value(QStringLiteral("iban")).toString(), QStringLiteral("FR7630006000011234567890189"));
    saveScreenshot(m_shell.get(), QStringLiteral("27-form-sent"));

    // It leaves the queue, delivered by another program on the same store (relais-admin sync has a connection of
    // its own): the sentence that it waits is no longer true, and goes without the mediator doing anything.
    {
        Vault other(m_dir.path(), &m_clock);
        QVERIFY(openAsAlice(other));
        sync::SyncStore store(other.database()->connection(), &other.journal(), &m_clock);
        QVERIFY(store.markSending(id)); // claimed first, as relais-admin sync does (protocol §3)
        QVERIFY(store.recordDelivery(id, QJsonObject{{QStringLiteral("reference"), QStringLiteral("T-1")}}));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!page()->message()->isVisible(), 2000);

    // The attached file is nowhere in clear in the data folder.
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("RIB-MARKER-7731"), qPrintable(it.fileName()));
    }
}

void TestFormWizard::draftIsSavedWithinASecondAndReopensAtItsStep()
{
    openShell();
    startByKeyboard();
    const qint64 id = wizard()->draft()->submission().id;
    typeHere(QStringLiteral("7654321"));
    press(Qt::Key_Tab);
    typeHere(ValidNir);
    QElapsedTimer sinceTyping;
    sinceTyping.start();
    QTRY_COMPARE_WITH_TIMEOUT(savedValue(id, QStringLiteral("nir_allocataire")), ValidNir, 1000);
    QVERIFY(sinceTyping.elapsed() < 1000);
    QVERIFY(wizard()->savedLabel()->text().startsWith(QStringLiteral("Draft saved at")));
    next(QStringLiteral("nouvelle_adresse"));
    typeHere(QStringLiteral("3 place du Marche"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(id).currentSection, QStringLiteral("nouvelle_adresse"), 1000);

    // Close the form (Alt+C): the draft is listed; resuming it opens the same step with every answer.
    pressMnemonic(Qt::Key_C);
    QVERIFY(!wizard());
    QCOMPARE(page()->draftList()->count(), 1);
    QCOMPARE(focused(), page()->draftList());
    page()->draftList()->setCurrentRow(0);
    press(Qt::Key_Return);
    QVERIFY(wizard());
    QCOMPARE(wizard()->currentStep(), QStringLiteral("nouvelle_adresse"));
    QCOMPARE(qobject_cast<QLineEdit *>(focused())->text(), QStringLiteral("3 place du Marche"));
    pressMnemonic(Qt::Key_B);
    auto *nir = findByAccessibleName<QLineEdit>(wizard(), QStringLiteral("Social security number"));
    QVERIFY(nir);
    QCOMPARE(nir->text(), ValidNir);

    // A lock saves at once, without waiting.
    wizard()->draft()->setSaveDelay(60000);
    nir->setFocus();
    press(Qt::Key_End);
    press(Qt::Key_Backspace);
    m_session->lock();
    QCOMPARE(savedValue(id, QStringLiteral("nir_allocataire")), ValidNir.chopped(1));
}

void TestFormWizard::scannedDocumentIsAttachedPreviewedAndLeavesTheScanFolder()
{
    QTemporaryDir scans;
    QVERIFY(m_vault->setSetting(m_admin, QStringLiteral("scan_folder"), scans.path()));
    openShell();
    QVERIFY(page()->scanFolder());
    page()->scanFolder()->setSettleMs(200);
    page()->scanFolder()->setPollMs(100);
    startByKeyboard();
    ui::FormWizard *w = wizard();
    w->goToStep(QStringLiteral("versement"));
    press(Qt::Key_Space); // changing bank: yes
    auto *rib = qobject_cast<ui::AttachmentFieldEditor *>(w->editor(QStringLiteral("rib")));
    QVERIFY(rib && rib->isVisible());
    QVERIFY(!rib->newScanButton()->isVisible());

    // The scanner drops a file, slowly: it is offered once complete, in one click.
    const QString scanned = scans.filePath(QStringLiteral("SCAN0001.pdf"));
    {
        QFile f(scanned);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdfWith("SCAN-MARKER-5150").left(60));
        f.flush();
        QTest::qWait(100);
        f.write(pdfWith("SCAN-MARKER-5150").mid(60));
    }
    QTRY_VERIFY_WITH_TIMEOUT(rib->newScanButton()->isVisible(), 5000);
    QVERIFY(rib->newScanButton()->text().contains(QStringLiteral("SCAN0001.pdf")));
    saveScreenshot(m_shell.get(), QStringLiteral("28-form-scan-offered"));
    QTest::mouseClick(rib->newScanButton(), Qt::LeftButton);
    QVERIFY2(!QFile::exists(scanned), qPrintable(w->findChild<QLabel *>(QStringLiteral("error:rib"))->text()));
    // only in the encrypted store now
    QVERIFY(rib->removeButton()->isEnabled());
    QVERIFY(!rib->newScanButton()->isVisible());
    const QVariantMap value = w->draft()->engine().value(QStringLiteral("rib")).toMap();
    QCOMPARE(value.value(QStringLiteral("filename")).toString(), QStringLiteral("SCAN0001.pdf"));
    QCOMPARE(value.value(QStringLiteral("content_type")).toString(), QStringLiteral("application/pdf"));

    // The preview reads it back from the store and renders the page.
    bool previewed = false;
    QTimer::singleShot(0, qApp, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, 5000);
        auto *preview = qobject_cast<ui::AttachmentPreview *>(QApplication::activeModalWidget());
        QVERIFY(preview);
        QCOMPARE(preview->pageCount(), 1);
        QVERIFY(!preview->image().isNull());
        saveScreenshot(preview, QStringLiteral("29-form-preview"));
        previewed = true;
        preview->reject();
    });
    QTest::mouseClick(rib->previewButton(), Qt::LeftButton);
    QVERIFY(previewed);

    // Removing it empties the answer and deletes it from the store.
    AttachmentStore store(m_vault->database()->connection(), &m_clock);
    QCOMPARE(store.list(m_admin, w->draft()->submission().id).value().size(), 1);
    QTest::mouseClick(rib->removeButton(), Qt::LeftButton);
    QVERIFY(!w->draft()->engine().value(QStringLiteral("rib")).isValid() ||
            w->draft()->engine().value(QStringLiteral("rib")).toMap().isEmpty());
    QCOMPARE(store.list(m_admin, w->draft()->submission().id).value().size(), 0);
}

void TestFormWizard::photoIsScaledDownBeforeItIsStored()
{
    openShell();
    startByKeyboard();
    ui::FormWizard *w = wizard();
    w->goToStep(QStringLiteral("versement"));
    press(Qt::Key_Space);
    auto *rib = qobject_cast<ui::AttachmentFieldEditor *>(w->editor(QStringLiteral("rib")));
    QVERIFY(rib);
    // A phone photo of the bank details: 4000 × 3000.
    QImage photo(4000, 3000, QImage::Format_RGB32);
    photo.fill(Qt::white);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("IMG_2041.jpg"));
    QVERIFY(photo.save(path, "JPEG", 95));
    QVERIFY(rib->addFile(path));
    const QVariantMap value = w->draft()->engine().value(QStringLiteral("rib")).toMap();
    QCOMPARE(value.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/jpeg"));
    AttachmentStore store(m_vault->database()->connection(), &m_clock);
    const QByteArray bytes = store.readAll(m_admin, value.value(QStringLiteral("id")).toLongLong()).value();
    const QImage kept = QImage::fromData(bytes);
    QCOMPARE(qMax(kept.width(), kept.height()), 2000);
    QVERIFY(bytes.size() < QFileInfo(path).size());
}

// A required document is attached where it is asked for, from the scanner, with the keyboard alone; it is stored
// encrypted with the submission, under the document's id, and shown again when the draft reopens.
void TestFormWizard::requiredDocumentIsAttachedFromTheScanner()
{
    QTemporaryDir scans;
    QVERIFY(m_vault->setSetting(m_admin, QStringLiteral("scan_folder"), scans.path()));
    openShell();
    page()->scanFolder()->setSettleMs(200);
    page()->scanFolder()->setPollMs(100);
    startByKeyboard();
    ui::FormWizard *w = wizard();
    const qint64 id = w->draft()->submission().id;
    QVERIFY(!w->steps().contains(ui::FormWizard::documentsStep())); // no document needed for these answers yet
    w->goToStep(QStringLiteral("nouvelle_adresse"));
    findByAccessibleName<QRadioButton>(w, QStringLiteral("In this home, you are : Tenant"))->setFocus();
    press(Qt::Key_Space);
    QVERIFY(w->steps().contains(ui::FormWizard::documentsStep()));
    w->goToStep(ui::FormWizard::documentsStep());
    QCOMPARE(w->currentStep(), ui::FormWizard::documentsStep());
    ui::AttachmentFieldEditor *lease = w->documentAttachment(QStringLiteral("bail"));
    QVERIFY(lease && lease->isVisible());
    QVERIFY(lease->scanButton()->isVisible()); // « Joindre » from a file or the scanner, beside « Vu, non joint »
    QCOMPARE(w->draft()->missingDocuments(), QStringList{QStringLiteral("bail")});

    const QString scanned = scans.filePath(QStringLiteral("SCAN0002.pdf"));
    {
        QFile f(scanned);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdfWith("LEASE-MARKER-2291"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(lease->newScanButton()->isVisible(), 5000);
    lease->newScanButton()->setFocus(Qt::TabFocusReason);
    press(Qt::Key_Space);
    QVERIFY(!QFile::exists(scanned));
    QVERIFY(w->draft()->missingDocuments().isEmpty());
    QVERIFY(!w->documentCheck(QStringLiteral("bail"))->isChecked()); // attached, not merely seen
    QCOMPARE(w->draft()->documentFile(QStringLiteral("bail")).value(QStringLiteral("filename")).toString(),
             QStringLiteral("SCAN0002.pdf"));
    AttachmentStore store(m_vault->database()->connection(), &m_clock);
    const QList<AttachmentInfo> stored = store.list(m_admin, id).value();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().field, QStringLiteral("$document:bail"));
    saveScreenshot(m_shell.get(), QStringLiteral("25b-form-document-attached"));

    // Closed and reopened: the document is still attached.
    QVERIFY(w->draft()->saveNow());
    pressMnemonic(Qt::Key_C);
    QVERIFY(!wizard());
    QVERIFY(page()->resume(id));
    w = wizard();
    w->goToStep(ui::FormWizard::documentsStep());
    QVERIFY(w->draft()->missingDocuments().isEmpty());
    QVERIFY(w->documentAttachment(QStringLiteral("bail"))->removeButton()->isEnabled());
}

// A step whose questions are all hidden by the answers is not shown, nor counted: "Step 2 of 3", not an empty page.
void TestFormWizard::stepsWithNothingToShowAreSkipped()
{
    const QByteArray json = R"({"format":"relais-catalogue","version":1,"published":"2026-01-01","demarches":[{
        "id":"tiny-steps","version":1,"operator":"caf","title":{"fr":"T","en":"Tiny"},"summary":{"fr":"S","en":"S"},
        "retention_days":30,
        "required_documents":[{"id":"payslip","label":{"fr":"Bulletin","en":"Payslip"},
                               "condition":{"equals":{"field":"has_income","value":true}}}],
        "sections":[
          {"id":"first","title":{"fr":"Un","en":"One"},"fields":[
             {"id":"has_income","type":"yes_no","label":{"fr":"Revenus ?","en":"Any income?"},"required":true}]},
          {"id":"income","title":{"fr":"Revenus","en":"Income"},"fields":[
             {"id":"amount","type":"money","label":{"fr":"Montant","en":"Amount"},
              "condition":{"equals":{"field":"has_income","value":true}}}]},
          {"id":"last","title":{"fr":"Fin","en":"End"},"fields":[
             {"id":"note","type":"text","label":{"fr":"Note","en":"Note"}}]}]}]})";
    const catalogue::Catalogue catalogue = catalogue::Catalogue::parse(json, QStringLiteral("tiny.json"));
    for (const catalogue::CatalogueError &e : catalogue.errors())
        QFAIL(qPrintable(e.toString()));
    QCOMPARE(catalogue.demarches().size(), 1);
    SubmissionRepository repository(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    const Submission draft = repository.createDraft(m_admin, QStringLiteral("tiny-steps"), 1).value();
    AttachmentStore attachments(m_vault->database()->connection(), &m_clock);
    ui::FormContext context;
    context.attachments = &attachments;
    context.account = m_admin;
    context.language = QStringLiteral("en");
    ui::FormWizard w(
        std::make_unique<DraftEditor>(&repository, m_admin, catalogue.demarches().first(), draft, &m_clock), context);
    w.resize(1000, 700);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.focusFirstAnswer();
    // No income yet: the income step has nothing to ask, and no document is needed.
    QCOMPARE(w.steps(), (QStringList{QStringLiteral("first"), QStringLiteral("last"), ui::FormWizard::reviewStep()}));
    QCOMPARE(w.progressLabel()->text(),
             ui::FormWizard::tr("Step %1 of %2: %3").arg(1).arg(3).arg(QStringLiteral("One")));
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Any income? : Yes"));
    press(Qt::Key_Right); // "No": the arrows choose
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w.currentStep(), QStringLiteral("last"));
    pressMnemonic(Qt::Key_B);
    QCOMPARE(w.currentStep(), QStringLiteral("first"));
    // With income, the step and the documents come in, and the count follows.
    press(Qt::Key_Left); // "Yes"
    QCOMPARE(w.steps(), (QStringList{QStringLiteral("first"), QStringLiteral("income"), QStringLiteral("last"),
                                     ui::FormWizard::documentsStep(), ui::FormWizard::reviewStep()}));
    QCOMPARE(w.progressLabel()->text(),
             ui::FormWizard::tr("Step %1 of %2: %3").arg(1).arg(5).arg(QStringLiteral("One")));
    pressMnemonic(Qt::Key_N);
    QCOMPARE(w.currentStep(), QStringLiteral("income"));
    QCOMPARE(focused()->accessibleName(), QStringLiteral("Amount"));
}

// A search with one answer shows one row and its button right under it; the room left stays below, not inside an empty
// list (the button used to sit at the bottom of the screen, far from the answer).
void TestFormWizard::searchPagesKeepTheirButtonsUnderTheList()
{
    openShell();
    page()->searchField()->setFocus();
    typeHere(QStringLiteral("change of address to the"));
    QCoreApplication::processEvents();
    QTreeWidget *tree = page()->catalogueList();
    QAbstractButton *start = findButton(page(), QStringLiteral("Start this démarche"));
    QVERIFY(start);
    QVERIFY2(tree->height() < page()->height() / 3, qPrintable(QString::number(tree->height())));
    QVERIFY(start->geometry().top() - tree->geometry().bottom() < 40);
    // The drafts list shows its drafts without a scroll bar while there is room.
    QTRY_VERIFY(!page()->draftList()->verticalScrollBar()->isVisible() || page()->draftList()->count() > 8);
    saveScreenshot(m_shell.get(), QStringLiteral("20b-demarches-one-answer"));
    // The whole catalogue still uses the room there is.
    press(Qt::Key_A, Qt::ControlModifier);
    press(Qt::Key_Delete);
    QCoreApplication::processEvents();
    QVERIFY(tree->height() > page()->height() / 2);
}

// A French kiosk shows a French form: every bundled démarche, every step, every part of every answer.
void TestFormWizard::everyBundledDemarcheIsShownInFrench()
{
    const QSet<QString> english = englishSourcesTranslatedDifferently();
    QVERIFY(english.contains(QStringLiteral("Number and street")));
    installTranslations(QStringLiteral("fr")); // as the kiosk does at start, before any window
    openShell();
    const QVector<catalogue::DemarchePtr> &all = m_shell->catalogue().current().demarches();
    QCOMPARE(all.size(), QDir(QStringLiteral(RELAIS_SOURCE_DIR "/resources/catalogue/demarches"))
                             .entryList({QStringLiteral("*.json")}, QDir::Files)
                             .size());
    QStringList leftInEnglish;
    for (const catalogue::DemarchePtr &d : all) {
        QVERIFY2(page()->start(d->id), qPrintable(d->id));
        ui::FormWizard *w = wizard();
        // One entry in each repeated group, so that its answers are on screen too.
        for (ui::GroupFieldEditor *group : w->findChildren<ui::GroupFieldEditor *>())
            group->addButton()->click();
        QStringList texts = textsShown(w);
        for (const QString &step : w->steps()) {
            w->goToStep(step);
            texts << textsShown(w);
            if (d->id == Demarche && step == QLatin1String("nouvelle_adresse")) {
                saveScreenshot(m_shell.get(), QStringLiteral("30-form-in-french"));
                ui::Theme::apply(ui::ThemeKind::Standard, 200);
                saveScreenshot(m_shell.get(), QStringLiteral("31-form-in-french-200"));
                ui::Theme::apply(ui::ThemeKind::Standard, 100);
            }
        }
        for (const QString &text : std::as_const(texts))
            if (english.contains(text))
                leftInEnglish << d->id + QLatin1String(": ") + text;
        page()->leave();
    }
    leftInEnglish.removeDuplicates();
    installTranslations(QStringLiteral("en"));
    QVERIFY2(leftInEnglish.isEmpty(), qPrintable(leftInEnglish.join(QLatin1Char('\n'))));
}

// 31/02/1980 is typed the right way; what is wrong is the date itself, and the mediator is told so.
void TestFormWizard::impossibleDateSaysItDoesNotExist()
{
    openShell();
    startByKeyboard();
    ui::FormWizard *w = wizard();
    w->goToStep(QStringLiteral("nouvelle_adresse"));
    auto *moved = findByAccessibleName<QLineEdit>(w, QStringLiteral("Moving-in date"));
    QVERIFY(moved);
    moved->setFocus();
    typeHere(QStringLiteral("29/02/2023"));
    press(Qt::Key_Tab);
    auto *error = w->findChild<QLabel *>(QStringLiteral("error:date_emmenagement"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), catalogue::Validators::tr("This date does not exist: check the day and the month."));
}

// Down from the search reaches the démarches found; arrows choose an answer; Enter presses the focused button.
void TestFormWizard::keyboardAloneSearchesChoosesAndPresses()
{
    openShell();
    page()->searchField()->setFocus();
    typeHere(QStringLiteral("change of address to the"));
    press(Qt::Key_Down);
    QTreeWidget *tree = page()->catalogueList();
    QCOMPARE(focused(), tree);
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem()->data(0, Qt::UserRole).toString(), Demarche);
    press(Qt::Key_Return);
    QVERIFY(wizard());

    // A radio group with nothing chosen: Down chooses the next answer, Up the one before, and the draft has it.
    ui::FormWizard *w = wizard();
    w->goToStep(QStringLiteral("nouvelle_adresse"));
    auto *tenant = findByAccessibleName<QRadioButton>(w, QStringLiteral("In this home, you are : Tenant"));
    QVERIFY(tenant && !tenant->isChecked());
    tenant->setFocus();
    press(Qt::Key_Down);
    QCOMPARE(focused()->accessibleName(), QStringLiteral("In this home, you are : Owner or buying"));
    QVERIFY(qobject_cast<QRadioButton *>(focused())->isChecked());
    QCOMPARE(w->draft()->engine().value(QStringLiteral("occupation")).toString(), QStringLiteral("proprietaire"));
    press(Qt::Key_Up);
    QCOMPARE(focused(), tenant);
    QVERIFY(tenant->isChecked());
    QCOMPARE(w->draft()->engine().value(QStringLiteral("occupation")).toString(), QStringLiteral("locataire"));
    QVERIFY(w->editor(QStringLiteral("loyer"))->isVisible()); // what the answer opens, opens

    // Enter on a focused button presses it, as Space does: "Close" keeps the draft and closes the form.
    const qint64 id = w->draft()->submission().id;
    w->closeButton()->setFocus();
    press(Qt::Key_Return);
    QVERIFY(!wizard());
    QCOMPARE(focused(), page()->draftList());
    QListWidget *drafts = page()->draftList();
    for (int row = 0; row < drafts->count(); ++row)
        if (drafts->item(row)->data(Qt::UserRole + 1).toLongLong() == id)
            drafts->setCurrentRow(row);
    QVERIFY(drafts->currentItem());
    press(Qt::Key_Tab); // to "Resume this draft"
    QCOMPARE(focused(), page()->resumeButton());
    press(Qt::Key_Enter);
    QVERIFY(wizard());
    QCOMPARE(wizard()->draft()->submission().id, id);
}

// Alt+letter opens each page of the rail from anywhere, a search box included; a button or field of the page shown
// that has the same letter keeps it (one owner per key and screen).
void TestFormWizard::altLetterOpensEachPageOfTheRail()
{
    openShell();
    QListWidget *rail = m_shell->rail();
    // The letter is told where the page is listed (tooltip and what a screen reader adds to the name).
    QCOMPARE(QKeySequence(rail->item(1)->toolTip(), QKeySequence::NativeText), QKeySequence(Qt::ALT | Qt::Key_Z));
    QCOMPARE(rail->item(1)->data(Qt::AccessibleDescriptionRole).toString(), rail->item(1)->toolTip());
    pressMnemonic(Qt::Key_Z);
    QCOMPARE(rail->currentRow(), 1);
    QCOMPARE(focused(), m_shell->citizensPage()->searchField());
    pressMnemonic(Qt::Key_M);
    QCOMPARE(rail->currentRow(), 2);
    QCOMPARE(focused(), page()->searchField());
    typeHere(QStringLiteral("retraite"));
    pressMnemonic(Qt::Key_I); // from inside the search: to Sending, nothing typed into the search
    QCOMPARE(rail->currentRow(), 3);
    QCOMPARE(page()->searchField()->text(), QStringLiteral("retraite"));
    pressMnemonic(Qt::Key_E);
    QCOMPARE(rail->currentRow(), 0);
    pressMnemonic(Qt::Key_S);
    QCOMPARE(rail->currentRow(), 4);
    // Administration has its own Alt+M (the retention's months): there the page keeps it, Alt+Z still leaves.
    pressMnemonic(Qt::Key_M);
    QCOMPARE(rail->currentRow(), 4);
    pressMnemonic(Qt::Key_Z);
    QCOMPARE(rail->currentRow(), 1);

    // On Démarches, Alt+S belongs to "Start this démarche": the page keeps it.
    pressMnemonic(Qt::Key_M);
    QCOMPARE(rail->currentRow(), 2);
    press(Qt::Key_Down);
    QCOMPARE(focused(), page()->catalogueList());
    pressMnemonic(Qt::Key_S);
    QCOMPARE(rail->currentRow(), 2);
    QVERIFY(wizard()); // started
    QVERIFY(duplicateMnemonics(m_shell.get()).isEmpty());
}

void TestFormWizard::mnemonicsAreUniqueOnEachScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestFormWizard::mnemonicsAreUniqueOnEachScreen()
{
    QFETCH(QString, language);
    installTranslations(language);
    openShell();
    auto check = [this](const char *screen) {
        const QStringList duplicates = duplicateMnemonics(m_shell.get());
        QVERIFY2(duplicates.isEmpty(),
                 qPrintable(QLatin1String(screen) + QLatin1String(": ") + duplicates.join(QLatin1String("; "))));
    };
    check("démarches");
    QVERIFY(page()->start(Demarche));
    check("form");
    wizard()->goToStep(ui::FormWizard::reviewStep());
    check("review");
    m_shell->rail()->setCurrentRow(3);
    check("sending");
    m_shell->rail()->setCurrentRow(4);
    check("administration");
    installTranslations(QStringLiteral("en"));
}

QTEST_MAIN(TestFormWizard)
#include "TestFormWizard.moc"
