// relais-guide-shots: the screenshots of docs/guide-mediateur.md, taken from the real kiosk window (MainWindow) on a
// demo store that scripts/guide-screenshots seeds as scripts/demo does. It signs in with the demo mediator's account
// and walks her day as the guide tells it: Home, a search in Usagers, the person's file, an accompaniment, the
// question « présence ou mandat », a prefilled CAF change of address, its documents and review, the démarche sent,
// its récépissé (printed to a PDF that the script renders), Envois and the lock screen. Each screen is grabbed at a
// fixed window size so that two runs give comparable pictures. Not installed: a tool of the documentation.
//
//   relais-guide-shots --data-dir DIR --out DIR --login LOGIN --password-stdin
//                      [--text-size 100|200] [--high-contrast] [--suffix -200] [--only name,name] [--delivered]
//
// Prints the names of the pictures it wrote (never a person's name: the data is synthetic, but the habit stays).
#include "ModalAnswer.h"

#include "SyncEngine.h"

#include "catalogue/Catalogue.h"
#include "citizens/CitizenEditor.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizenListModel.h"
#include "citizens/CitizensPage.h"
#include "citizens/ConsentDialog.h"
#include "common/Clock.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DemoData.h"
#include "domain/Mandates.h"
#include "domain/Workspace.h"
#include "forms/DemarchesPage.h"
#include "forms/FieldEditor.h"
#include "forms/FormWizard.h"
#include "login/LoginPage.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <cstdio>
#include <memory>

#include <sodium.h>

using namespace relais;

namespace {

// The size of every picture: a common laptop screen, so that the guide shows what a mediator sees.
constexpr int Width = 1366;
constexpr int Height = 768;
const QString Demarche = QStringLiteral("caf-changement-adresse"); // prefills the NIR and the phone from the file

class Walk
{
public:
    Walk(const QString &out, const QString &suffix, const QStringList &only, bool delivered)
        : m_out(out), m_suffix(suffix), m_only(only), m_delivered(delivered)
    {}

    bool run(const QString &dataDir, const QString &login, const QByteArray &password);
    QString error() const { return m_error; }

private:
    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return false;
    }
    bool wanted(const QString &name) const { return m_only.isEmpty() || m_only.contains(name); }
    bool done() const { return !m_only.isEmpty() && m_written.size() == m_only.size(); }
    // Saves `picture` as NAME+suffix.png; the window's own content if no picture is given.
    void shot(const QString &name, const QImage &picture = QImage());
    QImage window() const;
    // A dialog drawn where a window manager puts it: centred on the window, which stays visible around it.
    QImage withDialog(QWidget *dialog) const;
    bool showRailPage(QWidget *page);
    // The top of a file (its title, the consent banner), where the typing of its fields may have scrolled away from.
    static void scrollFileToTop(QWidget *filePage)
    {
        if (auto *scroll = filePage->findChild<QScrollArea *>())
            scroll->verticalScrollBar()->setValue(0);
        settle();
    }
    // A person of the demo data that the walk can help: their file kept (consent), a NIR and a phone to prefill.
    qint64 choosePerson();
    static void settle(int ms = 150)
    {
        QTest::qWait(ms); // timers of the pages (search delay, autosave, refresh) and the layouts after them
    }
    static void type(QWidget *target, const QString &text);
    static void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *w =
            QApplication::activePopupWidget() ? QApplication::activePopupWidget() : QApplication::focusWidget();
        if (w)
            QTest::keyClick(w, Qt::Key(key), modifiers);
        if (QApplication::activePopupWidget())
            QCoreApplication::processEvents();
    }
    bool fillForm(ui::FormWizard *form);
    // The récépissé printed by `button` into OUT/NAME+suffix.pdf, which the script renders.
    bool printReceipt(ui::PaperOutput &paper, QPushButton *button, const QString &name);
    // Sends what waits (Envois' « Synchroniser maintenant ») and waits until `submissionId` has been delivered.
    bool deliver(ui::OutboxPage *outbox, qint64 submissionId);
    std::unique_ptr<sync::SyncEngine> m_engine;

    QString m_out;
    QString m_suffix;
    QStringList m_only;
    bool m_delivered =
        false; // the store is enrolled with a local platform: the démarche is delivered before Envois is shown
    QStringList m_written;
    QString m_error;
    ui::MainWindow *m_window = nullptr;
    ui::ShellPage *m_shell = nullptr;
};

void Walk::type(QWidget *target, const QString &text)
{
    if (target)
        target->setFocus();
    for (const QChar ch : text) {
        QWidget *w =
            QApplication::activePopupWidget() ? QApplication::activePopupWidget() : QApplication::focusWidget();
        if (!w)
            return;
        if (ch.unicode() < 0x80)
            QTest::keyClick(w, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        if (QApplication::activePopupWidget())
            QCoreApplication::processEvents();
    }
}

QImage Walk::window() const
{
    QCoreApplication::processEvents();
    return m_window->grab().toImage();
}

QImage Walk::withDialog(QWidget *dialog) const
{
    QImage picture = window();
    QPainter painter(&picture);
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60)); // the window behind, as a modal dialog leaves it
    const QImage box = dialog->grab().toImage();
    painter.drawImage(QPoint((picture.width() - box.width()) / 2, (picture.height() - box.height()) / 2), box);
    return picture;
}

void Walk::shot(const QString &name, const QImage &picture)
{
    if (!wanted(name))
        return;
    const QImage image = picture.isNull() ? window() : picture;
    const QString file = name + m_suffix + QStringLiteral(".png");
    if (!image.save(QDir(m_out).filePath(file))) {
        fail(QStringLiteral("cannot write %1").arg(file));
        return;
    }
    m_written << name;
    std::printf("%s\n", qPrintable(file));
    std::fflush(stdout);
}

bool Walk::showRailPage(QWidget *page)
{
    QListWidget *rail = m_shell->rail();
    for (int row = 0; row < rail->count(); ++row) {
        rail->setCurrentRow(row);
        if (m_shell->pages()->currentWidget() == page) {
            settle();
            return true;
        }
    }
    return fail(QStringLiteral("a page of the rail is missing"));
}

qint64 Walk::choosePerson()
{
    Workspace *workspace = m_window->workspace();
    const Account &me = workspace->account();
    const qint64 count = workspace->citizens().count();
    for (qint64 id = 1; id <= count; ++id) {
        const Result<Citizen> c = workspace->citizens().load(me, id);
        if (!c || c->nir.isEmpty() || c->phone.isEmpty() || c->street.isEmpty())
            continue;
        if (!workspace->consents().inForce(id, ConsentPurpose::File))
            continue;
        const auto submissions = workspace->citizens().submissions(me, id);
        if (!submissions || submissions->isEmpty())
            continue; // a file with some history shows what the file page lists
        return id;
    }
    return 0;
}

bool Walk::fillForm(ui::FormWizard *form)
{
    // The claimant number, then the new address: typed as a person does, field after field.
    auto *number = form->editor(QStringLiteral("numero_allocataire"));
    if (!number || !number->findChild<QLineEdit *>())
        return fail(QStringLiteral("the CAF form has no claimant number field"));
    type(number->findChild<QLineEdit *>(), QStringLiteral("7654321"));
    if (!form->next() || form->currentStep() != QStringLiteral("nouvelle_adresse"))
        return fail(QStringLiteral("the new address step did not open"));
    type(nullptr, QStringLiteral("12 rue des Lilas"));
    key(Qt::Key_Tab);
    key(Qt::Key_Tab);
    type(nullptr, QStringLiteral("12400"));
    key(Qt::Key_Tab);
    type(nullptr, QStringLiteral("Saint-Affrique"));
    key(Qt::Key_Tab);
    type(nullptr, QDate::currentDate().addDays(-10).toString(QStringLiteral("dd/MM/yyyy")));
    key(Qt::Key_Tab);
    key(Qt::Key_Space); // tenant
    key(Qt::Key_Tab);
    type(nullptr, QStringLiteral("540"));
    key(Qt::Key_Tab);
    key(Qt::Key_Space); // social housing: yes
    settle();
    if (!form->next() || form->currentStep() != QStringLiteral("foyer"))
        return fail(QStringLiteral("the household step did not open: %1").arg(form->currentStep()));
    if (!form->next() || form->currentStep() != QStringLiteral("versement"))
        return fail(QStringLiteral("the payment step did not open"));
    key(Qt::Key_Down); // "No": the bank account does not change
    settle();
    if (!form->next() || form->currentStep() != ui::FormWizard::documentsStep())
        return fail(QStringLiteral("the documents step did not open"));
    return true;
}

bool Walk::printReceipt(ui::PaperOutput &paper, QPushButton *button, const QString &name)
{
    if (!wanted(name))
        return true;
    const QString pdf = QDir(m_out).filePath(name + m_suffix + QStringLiteral(".pdf"));
    paper.setPrinterChooser([pdf](QWidget *, QPrinter *printer) {
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(pdf);
        return true;
    });
    if (!button->isVisible() || !button->isEnabled())
        return fail(QStringLiteral("the button that prints the récépissé (%1) is not offered").arg(name));
    button->click();
    settle(300);
    if (!QFileInfo::exists(pdf))
        return fail(QStringLiteral("the récépissé %1 was not printed").arg(name));
    m_written << name;
    return true;
}

bool Walk::deliver(ui::OutboxPage *outbox, qint64 submissionId)
{
    if (!outbox->syncNowButton()->isEnabled())
        return fail(QStringLiteral("« Synchroniser maintenant » is not offered"));
    outbox->syncNowButton()->click();
    Workspace *workspace = m_window->workspace();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 30000) {
        QTest::qWait(100);
        const Result<Submission> s = workspace->submissions().load(workspace->account(), submissionId);
        if (s && s->state != SubmissionState::Queued && s->state != SubmissionState::Sending && !m_engine->isRunning())
            return s->state == SubmissionState::Delivered ? true
                                                          : fail(QStringLiteral("the démarche was not delivered"));
    }
    return fail(QStringLiteral("the local platform did not receive the démarche within 30 s"));
}

bool Walk::run(const QString &dataDir, const QString &login, const QByteArray &password)
{
    Vault vault(dataDir, SystemClock::instance());
    Session session(SystemClock::instance());
    ui::MainWindow mainWindow(&vault, &session);
    m_window = &mainWindow;
    // However the walk ends, the engine goes before the window and the workspace it reads (as in the kiosk's main).
    struct EngineFirst
    {
        Walk *walk;
        ~EngineFirst()
        {
            if (!walk->m_engine)
                return;
            walk->m_window->setSyncEngine(nullptr);
            walk->m_engine->cancel();
            walk->m_engine.reset();
        }
    } engineFirst{this};
    // The delivery engine, as the kiosk's composition root builds it (without its timers: rounds start when the
    // walk asks), so that the status bar and Envois show what the kiosk shows.
    QObject::connect(&mainWindow, &ui::MainWindow::workspaceOpened, &mainWindow, [this](Workspace *workspace) {
        m_engine = std::make_unique<sync::SyncEngine>(*workspace);
        m_window->setSyncEngine(m_engine.get());
    });
    QObject::connect(&mainWindow, &ui::MainWindow::workspaceClosing, &mainWindow, [this] {
        m_window->setSyncEngine(nullptr);
        if (m_engine)
            m_engine->cancel();
        m_engine.reset();
    });
    mainWindow.resize(Width, Height);
    mainWindow.start();
    mainWindow.show();
    if (!QTest::qWaitForWindowExposed(&mainWindow))
        return fail(QStringLiteral("the window did not show"));
    QApplication::setActiveWindow(&mainWindow);
    (void)QTest::qWaitForWindowActive(&mainWindow);

    // Sign-in: the demo mediator chosen in the list, her password typed (shown as dots).
    ui::LoginPage *loginPage = mainWindow.loginPage();
    if (mainWindow.currentPage() != loginPage)
        return fail(QStringLiteral("the sign-in page is not shown (is the data folder a store?)"));
    QListWidget *accounts = nullptr;
    for (QListWidget *list : loginPage->findChildren<QListWidget *>())
        if (list->isVisible())
            accounts = list;
    QLineEdit *passwordField = nullptr;
    for (QLineEdit *field : loginPage->findChildren<QLineEdit *>())
        if (field->isVisible() && field->echoMode() == QLineEdit::Password)
            passwordField = field;
    if (!accounts || !passwordField)
        return fail(QStringLiteral("the sign-in page has no account list or password field"));
    for (int row = 0; row < accounts->count(); ++row)
        if (accounts->item(row)->data(Qt::UserRole + 1).toString() == login) // LoginPage's login role
            accounts->setCurrentRow(row);
    type(passwordField, QString::fromUtf8(password));
    settle();
    shot(QStringLiteral("connexion"));
    key(Qt::Key_Return);
    QElapsedTimer waited;
    waited.start();
    while (mainWindow.currentPage() != mainWindow.shellPage() && waited.elapsed() < 30000)
        QTest::qWait(50);
    if (mainWindow.currentPage() != mainWindow.shellPage())
        return fail(QStringLiteral("the sign-in did not succeed for %1").arg(login));
    m_shell = mainWindow.shellPage();
    settle(400);
    shot(QStringLiteral("accueil"));
    if (done())
        return true;

    // Usagers: the person's surname typed, the homonyms listed, her file opened.
    const qint64 person = choosePerson();
    if (person == 0)
        return fail(QStringLiteral("no person of the demo data fits the walk"));
    const Citizen citizen = m_window->workspace()->citizens().load(m_window->workspace()->account(), person).value();
    ui::CitizensPage *citizens = m_shell->citizensPage();
    if (!showRailPage(citizens))
        return false;
    type(citizens->searchField(), citizen.birthName.toLower().left(5));
    settle(ui::CitizensPage::SearchDelayMs + 300);
    shot(QStringLiteral("usagers-recherche"));
    if (!citizens->openFile(person))
        return fail(QStringLiteral("the person's file did not open"));
    settle(300);
    shot(QStringLiteral("dossier"));
    // Further down the same file: the consents, the mandates and the démarches already done.
    if (auto *scroll = citizens->filePage()->findChild<QScrollArea *>()) {
        QWidget *consents = citizens->filePage()->consentRows();
        while (consents->parentWidget() && !qobject_cast<QGroupBox *>(consents)) // the group, with its title
            consents = consents->parentWidget();
        scroll->verticalScrollBar()->setValue(consents->mapTo(scroll->widget(), QPoint(0, 0)).y() - 12);
    }
    settle(200);
    shot(QStringLiteral("dossier-consentements"));
    if (done())
        return true;

    // « Commencer une démarche »: the accompaniment starts, Démarches lists only her drafts; the CAF change of
    // address found by a word of its title.
    citizens->filePage()->startButton()->click();
    ui::DemarchesPage *demarches = m_shell->demarchesPage();
    settle(300);
    if (!demarches->isVisible() || !m_shell->accompaniment()->isActive())
        return fail(QStringLiteral("the accompaniment did not start"));
    type(demarches->searchField(), QStringLiteral("adresse"));
    settle(300);
    for (QTreeWidgetItemIterator it(demarches->catalogueList()); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == Demarche)
            demarches->catalogueList()->setCurrentItem(*it);
    settle();
    shot(QStringLiteral("accompagnement"));

    // Présence or mandate: the question is grabbed on the window, then answered "with the person present".
    bool asked = false;
    test::whenModal<QMessageBox>(
        [this](QMessageBox *box) {
            settle(200);
            shot(QStringLiteral("presence-ou-mandat"), withDialog(box));
            if (auto *present = box->findChild<QPushButton *>(QStringLiteral("howPresent")))
                present->click();
            else
                box->reject();
        },
        &asked);
    demarches->catalogueList()->setFocus();
    demarches->startButton()->click();
    QApplication::setActiveWindow(&mainWindow);
    (void)QTest::qWaitForWindowActive(&mainWindow);
    ui::FormWizard *form = demarches->wizard();
    if (!asked || !form)
        return fail(QStringLiteral("the démarche did not start"));
    form->focusFirstAnswer();
    settle(300);
    shot(QStringLiteral("formulaire-prerempli"));
    if (done())
        return true;

    if (!fillForm(form))
        return false;
    settle(300);
    shot(QStringLiteral("documents"));
    // The lease shown by the person and seen, not attached.
    if (QCheckBox *lease = form->documentCheck(QStringLiteral("bail")))
        lease->setChecked(true);
    if (!form->next() || form->currentStep() != ui::FormWizard::reviewStep())
        return fail(QStringLiteral("the review did not open"));
    settle(300);
    shot(QStringLiteral("relecture"));

    // Sent: the message, the file update offered, and the récépissé (printed to a PDF the script renders).
    if (!form->send())
        return fail(QStringLiteral("the démarche was not sent"));
    settle(400);
    shot(QStringLiteral("envoyee"));
    if (!printReceipt(demarches->paperOutput(), demarches->printReceiptButton(), QStringLiteral("recepisse")))
        return false;
    if (demarches->fileUpdatePanel()->isVisible())
        demarches->updateFileButton()->click();

    // Envois: the démarche, with the person's name; delivered by the local platform when there is one, and its
    // récépissé printed again with the platform's reference.
    ui::OutboxPage *outbox = m_shell->outboxPage();
    if (!showRailPage(outbox))
        return false;
    qint64 sent = 0; // her most recent démarche: the one just sent
    for (const Submission &s :
         m_window->workspace()->citizens().submissions(m_window->workspace()->account(), person).value())
        sent = qMax(sent, s.id);
    if (m_delivered && !deliver(outbox, sent))
        return false;
    outbox->refresh();
    settle(300);
    for (int row = 0; row < outbox->model()->rowCount(); ++row)
        if (outbox->model()->itemAt(row).submissionId == sent)
            outbox->table()->setCurrentIndex(outbox->model()->index(row, 0));
    outbox->table()->setFocus();
    settle();
    shot(QStringLiteral("envois"));
    if (m_delivered &&
        !printReceipt(outbox->paperOutput(), outbox->printReceiptButton(), QStringLiteral("recepisse-remise")))
        return false;

    // The accompaniment ended: the name leaves every page, Démarches asks for the next person.
    m_shell->accompaniment()->end();
    if (!showRailPage(demarches))
        return false;
    shot(QStringLiteral("fin-accompagnement"));

    // The next person has no file yet: a new one (a person the demo generator makes up, as seed-demo does), saved,
    // then their consent recorded in its dialog.
    if (!showRailPage(citizens))
        return false;
    citizens->newButton()->click();
    settle(300);
    DemoData made(DemoData::DefaultSeed + 1, QDate::currentDate());
    const Citizen newcomer = made.nextPerson().citizen;
    ui::CitizenEditor *editor = citizens->filePage()->editor();
    type(editor->lineEdit(QStringLiteral("birth_name")), newcomer.birthName);
    type(editor->lineEdit(QStringLiteral("given_names")), newcomer.givenNames);
    type(editor->lineEdit(QStringLiteral("birth_date")), newcomer.birthDate.toString(QStringLiteral("dd/MM/yyyy")));
    editor->lineEdit(QStringLiteral("birth_name"))->setFocus();
    scrollFileToTop(citizens->filePage());
    shot(QStringLiteral("nouveau-dossier"));
    if (!citizens->filePage()->save())
        return fail(QStringLiteral("the new file was not saved: %1").arg(citizens->filePage()->lastError()));
    settle(300);
    auto *record = citizens->filePage()->consentBanner()->findChild<QPushButton *>();
    if (!citizens->filePage()->consentBanner()->isVisible() || !record)
        return fail(QStringLiteral("the new file does not ask for the consent"));
    scrollFileToTop(citizens->filePage());
    bool consented = false;
    test::whenModal<ui::ConsentDialog>(
        [this](ui::ConsentDialog *dialog) {
            dialog->agreement()->setChecked(true);
            settle(200);
            shot(QStringLiteral("consentement"), withDialog(dialog));
            dialog->recordButton()->click();
        },
        &consented);
    record->click();
    QApplication::setActiveWindow(&mainWindow);
    (void)QTest::qWaitForWindowActive(&mainWindow);
    if (!consented)
        return fail(QStringLiteral("the consent dialog did not open"));

    // The screen locked (Ctrl+L): nothing of any person stays.
    settle();
    QTest::keyClick(&mainWindow, Qt::Key_L, Qt::ControlModifier);
    settle(400);
    if (mainWindow.currentPage() != loginPage)
        return fail(QStringLiteral("the screen did not lock"));
    shot(QStringLiteral("verrouillage"));
    m_shell->leave();
    return m_error.isEmpty();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Its own settings: the text size and theme written here must not change a real kiosk's.
    QApplication::setOrganizationName(QStringLiteral("Relais"));
    QApplication::setApplicationName(QStringLiteral("relais-guide-shots"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relais"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Screenshots of docs/guide-mediateur.md from a demo store."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Demo store."), QStringLiteral("DIR"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where the pictures go."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption login(QStringLiteral("login"), QStringLiteral("Account to sign in with."),
                                   QStringLiteral("LOGIN"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), QStringLiteral("Password on stdin."));
    const QCommandLineOption textSize(QStringLiteral("text-size"), QStringLiteral("100 to 200."),
                                      QStringLiteral("PERCENT"), QStringLiteral("100"));
    const QCommandLineOption contrast(QStringLiteral("high-contrast"), QStringLiteral("High-contrast theme."));
    const QCommandLineOption suffix(QStringLiteral("suffix"), QStringLiteral("Added to each picture's name."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Comma-separated pictures to take."),
                                  QStringLiteral("NAMES"));
    const QCommandLineOption delivered(QStringLiteral("delivered"),
                                       QStringLiteral("The store is enrolled with a platform: deliver before Envois."));
    parser.addOptions({dataDir, out, login, passwordStdin, textSize, contrast, suffix, only, delivered});
    parser.process(app);
    if (!parser.isSet(dataDir) || !parser.isSet(out) || !parser.isSet(login) || !parser.isSet(passwordStdin)) {
        std::fprintf(stderr, "relais-guide-shots: --data-dir, --out, --login and --password-stdin are needed\n");
        return 2;
    }
    if (sodium_init() < 0)
        return 1;
    QTextStream in(stdin);
    const QByteArray password = in.readLine().toUtf8();

    installTranslations(QStringLiteral("fr"));
    const ui::ThemeKind theme = parser.isSet(contrast) ? ui::ThemeKind::HighContrast : ui::ThemeKind::Standard;
    const int scale = parser.value(textSize).toInt();
    {
        QSettings settings; // what MainWindow's display controls read and show
        settings.setValue(QStringLiteral("display/theme"), ui::Theme::id(theme));
        settings.setValue(QStringLiteral("display/textScale"), scale);
    }
    ui::Theme::apply(theme, scale);
    QDir().mkpath(parser.value(out));

    Walk walk(parser.value(out), parser.value(suffix), parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts),
              parser.isSet(delivered));
    const bool ok = walk.run(parser.value(dataDir), parser.value(login), password);
    if (!ok) {
        std::fprintf(stderr, "relais-guide-shots: %s\n", qPrintable(walk.error()));
        return 1;
    }
    return 0;
}
