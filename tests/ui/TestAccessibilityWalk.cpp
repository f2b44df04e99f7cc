// The kiosk as a screen reader meets it: every page of the rail, in both themes and both languages, the citizen's
// file, the form, the dialogs, the first-run wizard, the attachment preview and the message boxes the kiosk asks its
// questions with, walked through QAccessible (what AT-SPI exposes) and with Tab. It fails on a control
// that takes the focus without a name, an empty stop in the Tab order, and a control that Tab never reaches. Table
// cells without content do not take the focus.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "ThemeRows.h"
#include "UiFind.h"

#include "admin/AccountDialog.h"
#include "admin/EnrolmentDialog.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizensPage.h"
#include "citizens/ConsentDialog.h"
#include "citizens/EraseDialog.h"
#include "citizens/MandateDialog.h"
#include "citizens/MergeDialog.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "forms/AttachmentPreview.h"
#include "forms/DemarchesPage.h"
#include "forms/FormWizard.h"
#include "login/LoginPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "setup/SetupPage.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse");

// How a problem names its object: class and object name, never its text (it may be a person's).
QString describe(QObject *object)
{
    if (!object)
        return QStringLiteral("(no object)");
    QString path;
    for (QObject *o = object; o && path.count(QLatin1Char('<')) < 3; o = o->parent())
        path += QStringLiteral(" <%1 \"%2\">").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName());
    return path.trimmed();
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// Every object of the tree that is shown and takes the focus has a name.
void walkTree(QAccessibleInterface *node, const QString &where, QStringList *problems, int depth = 0)
{
    if (!node || !node->isValid() || depth > 60)
        return;
    const QAccessible::State state = node->state();
    if (state.invisible || state.offscreen)
        return;
    if (state.focusable && node->text(QAccessible::Name).trimmed().isEmpty()) {
        QString what = describe(node->object());
        if (node->role() == QAccessible::Cell)
            what = QStringLiteral("an empty table cell in %1")
                       .arg(describe(node->parent() ? node->parent()->object() : nullptr));
        *problems
            << QStringLiteral("%1: focusable without a name (role %2): %3").arg(where).arg(int(node->role())).arg(what);
    }
    const int count = qMin(node->childCount(), 400);
    for (int i = 0; i < count; ++i)
        walkTree(node->child(i), where, problems, depth + 1);
}

// Widgets that are part of another (a combo box's line, a view's viewport, a spin box's line): the outer one is the
// stop in the Tab order.
bool isInnerPart(QWidget *w, QWidget *window)
{
    for (QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget())
        if (qobject_cast<QAbstractItemView *>(p) || qobject_cast<QComboBox *>(p) || qobject_cast<QAbstractSpinBox *>(p))
            return true;
    return false;
}

bool takesTab(QWidget *w, QWidget *window)
{
    return w->isVisibleTo(window) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus &&
           !w->focusProxy() && !isInnerPart(w, window);
}

// Tab from `start` round the window: every stop has a name and is not an empty label; every control that takes Tab
// is reached (a radio button counts when one of its group is: the arrows move within a group).
void walkTabs(QWidget *window, QWidget *start, const QString &where, QStringList *problems)
{
    if (start) // else from where the screen put the keyboard
        start->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    QWidget *first = QApplication::focusWidget();
    if (!first) {
        *problems << QStringLiteral("%1: nothing takes the focus").arg(where);
        return;
    }
    QList<QWidget *> order;
    QWidget *current = first;
    for (int i = 0;; ++i) {
        if (i == 400) {
            *problems << QStringLiteral("%1: Tab is caught, never back where it started").arg(where);
            break;
        }
        order << current;
        if (accessibleName(current).isEmpty())
            *problems << QStringLiteral("%1: a stop of the Tab order has no name: %2").arg(where, describe(current));
        if (auto *label = qobject_cast<QLabel *>(current); label && label->text().trimmed().isEmpty())
            *problems << QStringLiteral("%1: an empty label in the Tab order: %2").arg(where, describe(current));
        press(Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        if (!next || next == first)
            break;
        if (next->window() != window) {
            *problems << QStringLiteral("%1: Tab leaves the window for %2").arg(where, describe(next));
            break;
        }
        if (order.contains(next))
            break; // round (the start may be outside the Tab order, as a page's first focus can be)
        current = next;
    }
    if (qEnvironmentVariableIsSet("RELAIS_A11Y_DEBUG"))
        for (QWidget *w : order)
            qDebug() << where << describe(w);
    const QSet<QWidget *> reached(order.cbegin(), order.cend());
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (reached.contains(w) || !takesTab(w, window))
            continue;
        if (auto *radio = qobject_cast<QRadioButton *>(w)) {
            bool sibling = false;
            for (QRadioButton *other : radio->parentWidget()->findChildren<QRadioButton *>(Qt::FindDirectChildrenOnly))
                sibling = sibling || reached.contains(other);
            if (sibling)
                continue;
        }
        *problems << QStringLiteral("%1: Tab never reaches %2").arg(where, describe(w));
    }
}

void walk(QWidget *window, QWidget *start, const QString &where, QStringList *problems)
{
    QCoreApplication::processEvents();
    walkTree(QAccessible::queryAccessibleInterface(window), where, problems);
    walkTabs(window, start, where, problems);
}

// The kiosk's window on a store, as it starts (the sign-in, or the first-run wizard on an empty folder).
struct Kiosk
{
    Kiosk(const QString &dataDir, const Clock *clock) : vault(dataDir, clock), session(clock), window(&vault, &session)
    {
        session.setTimerEnabled(false);
        window.resize(1280, 900);
        window.start();
        window.show();
        QApplication::setActiveWindow(&window);
    }
    Vault vault;
    Session session;
    ui::MainWindow window;
};

// The theme and language of the row being run (see addThemeAndLanguageRows()).
void applyFetchedThemeAndLanguage()
{
    QFETCH(int, theme);
    QFETCH(QString, language);
    installTranslations(language);
    ui::Theme::apply(ui::ThemeKind(theme), 100);
}

// The next message box the kiosk shows is walked from where it puts the keyboard, then answered with `answer`.
void walkNextMessageBox(const QString &where, int answer, QStringList *problems, bool *seen)
{
    whenModal<QMessageBox>(
        [where, answer, problems](QMessageBox *box) {
            walk(box, nullptr, QStringLiteral("message box %1").arg(where), problems);
            press(answer);
        },
        seen);
}

// A document of `pages` pages, as a scanned PDF attachment is.
QByteArray pdfOfPages(int pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    QPainter painter(&pdf);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            pdf.newPage();
        painter.drawText(QRect(0, 0, 4000, 400), QStringLiteral("Page %1").arg(page + 1));
    }
    painter.end();
    return bytes;
}

} // namespace

class TestAccessibilityWalk : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    qint64 m_person = 0;
    qint64 m_mandate = 0;

    void signIn(ui::MainWindow &window);

private Q_SLOTS:
    void initTestCase();
    void everyPageInBothThemesAndLanguages_data();
    void everyPageInBothThemesAndLanguages();
    void dialogs_data();
    void dialogs();
    void setupWizard_data();
    void setupWizard();
    void attachmentPreview_data();
    void attachmentPreview();
    void messageBoxes_data();
    void messageBoxes();
};

void TestAccessibilityWalk::initTestCase()
{
    ui::installKeyboardConventions(qApp);
    // A store with a person (consent and mandate), a draft and démarches waiting in the queue: every page has rows.
    Vault setup(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(setup));
    const Account admin = setup.account(aliceLogin()).value();
    const QSqlDatabase db = setup.database()->connection();
    Citizen c;
    c.birthName = QStringLiteral("Testeur");
    c.givenNames = QStringLiteral("Camille");
    c.birthDate = QDate(1985, 3, 12);
    Result<Citizen> made = CitizenRepository(db, &setup.journal(), &m_clock).create(admin, c);
    QVERIFY(made);
    m_person = made->id;
    QVERIFY(Consents(db, &setup.journal(), &m_clock).give(admin, made.value(), ConsentPurpose::File));
    const Result<Mandate> mandate =
        Mandates(db, &setup.journal(), &m_clock)
            .create(admin, made.value(), {QStringLiteral("housing")}, MandateDuration::OneYear,
                    QStringLiteral("MFS Test"), QStringLiteral("Alice"));
    QVERIFY(mandate);
    m_mandate = mandate->id;
    SubmissionRepository submissions(db, &setup.journal(), &m_clock);
    for (int i = 0; i < 3; ++i) {
        const qint64 id = submissions.createDraft(admin, Demarche, 1, m_person)->id;
        QVERIFY(submissions.queue(admin, id, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1")}}));
    }
    QVERIFY(submissions.createDraft(admin, Demarche, 1, m_person));
}

void TestAccessibilityWalk::signIn(ui::MainWindow &window)
{
    ui::LoginPage *page = window.loginPage();
    auto *field = page->findChild<QLineEdit *>();
    for (QLineEdit *edit : page->findChildren<QLineEdit *>())
        if (edit->echoMode() == QLineEdit::Password && edit->isVisible())
            field = edit;
    QVERIFY(field);
    QTest::keyClicks(field, QString::fromUtf8(alicePassword()));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
}

void TestAccessibilityWalk::everyPageInBothThemesAndLanguages_data()
{
    addThemeAndLanguageRows();
}

void TestAccessibilityWalk::everyPageInBothThemesAndLanguages()
{
    applyFetchedThemeAndLanguage();
    Kiosk kiosk(m_dir.path(), &m_clock);
    ui::MainWindow &window = kiosk.window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QStringList problems;
    // The keyboard starts on the password of the person preselected.
    auto *password = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(password && password->echoMode() == QLineEdit::Password);
    walk(&window, nullptr, QStringLiteral("sign-in"), &problems);
    signIn(window);
    if (QTest::currentTestFailed())
        return;
    ui::ShellPage *shell = window.shellPage();
    QListWidget *rail = shell->rail();
    for (int row = 0; row < rail->count(); ++row) {
        rail->setCurrentRow(row);
        walk(&window, rail, QStringLiteral("page %1").arg(row), &problems);
    }
    // The citizen's file, and a form for them.
    rail->setCurrentRow(1);
    QVERIFY(shell->citizensPage()->openFile(m_person));
    walk(&window, rail, QStringLiteral("citizen's file"), &problems);
    // Done with the person present (the question's default answer, Return).
    bool how = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &how);
    QVERIFY(shell->demarchesPage()->startFor(Demarche, m_person));
    QVERIFY(how);
    QApplication::setActiveWindow(&window); // the question closed (a window manager does this)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(shell->demarchesPage()->wizard());
    for (const QString &step : shell->demarchesPage()->wizard()->steps()) {
        shell->demarchesPage()->wizard()->goToStep(step);
        walk(&window, rail, QStringLiteral("form step %1").arg(step), &problems);
    }
    // Citizens while the person is in context: her file offered in place of the search.
    rail->setCurrentRow(1);
    shell->citizensPage()->showSearch();
    QVERIFY(shell->citizensPage()->contextPane()->isVisible());
    walk(&window, rail, QStringLiteral("citizens during an accompaniment"), &problems);
    shell->leave();
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibilityWalk::dialogs_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestAccessibilityWalk::dialogs()
{
    QFETCH(QString, language);
    installTranslations(language);
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
    Vault vault(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(vault));
    const Account admin = vault.account(aliceLogin()).value();
    Workspace workspace(&vault, admin);
    const QSqlDatabase db = vault.database()->connection();
    CitizenRepository citizens(db, &vault.journal(), &m_clock);
    const Citizen person = citizens.load(admin, m_person).value();
    Consents consents(db, &vault.journal(), &m_clock);
    Mandates mandates(db, &vault.journal(), &m_clock);

    QStringList problems;
    const auto check = [&](QDialog *dialog, const QString &name) {
        dialog->show();
        QApplication::setActiveWindow(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QWidget *start = dialog->focusWidget() ? dialog->focusWidget() : dialog->nextInFocusChain();
        walk(dialog, start, name, &problems);
        dialog->reject();
        delete dialog;
    };
    check(new ui::ConsentDialog(&consents, admin, person, ConsentPurpose::File), QStringLiteral("consent"));
    check(new ui::MandateDialog(&mandates, admin, person, QStringLiteral("MFS Test")), QStringLiteral("mandate"));
    check(new ui::EraseDialog(QStringLiteral("Camille Testeur"), 1), QStringLiteral("erase"));
    check(new ui::AccountDialog(ui::AccountDialog::Kind::NewAccount, QString()), QStringLiteral("new account"));
    check(new ui::AccountDialog(ui::AccountDialog::Kind::NewPassword, aliceLogin()), QStringLiteral("new password"));
    check(new ui::MergeDialog(&citizens, admin, person), QStringLiteral("merge"));
    check(new ui::EnrolmentDialog(&workspace), QStringLiteral("enrolment"));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibilityWalk::setupWizard_data()
{
    addThemeAndLanguageRows();
}

// First run: the structure, the first administrator, then the recovery code, each step walked from where it puts the
// keyboard, and gone through with the keyboard.
void TestAccessibilityWalk::setupWizard()
{
    applyFetchedThemeAndLanguage();
    TempStoreDir dir;
    Kiosk kiosk(dir.path(), &m_clock);
    ui::MainWindow &window = kiosk.window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::SetupPage *setup = window.setupPage();
    QCOMPARE(window.currentPage(), setup);
    QStringList problems;
    walk(&window, nullptr, QStringLiteral("setup: structure"), &problems);
    auto *structure = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(structure);
    typeHere(QStringLiteral("MFS Test"));
    press(Qt::Key_Return);
    walk(&window, nullptr, QStringLiteral("setup: administrator"), &problems);
    // Full name, login, password and again, in the order Tab takes them from the first.
    QList<QLineEdit *> fields;
    for (QLineEdit *field : setup->findChildren<QLineEdit *>())
        if (field->isVisible())
            fields << field;
    QCOMPARE(fields.size(), 4);
    const QStringList answers{QStringLiteral("Alice Martin"), QStringLiteral("alice"),
                              QStringLiteral("correct horse battery staple"),
                              QStringLiteral("correct horse battery staple")};
    for (int i = 0; i < fields.size(); ++i) {
        fields[i]->setFocus(Qt::TabFocusReason);
        typeHere(answers[i]);
    }
    press(Qt::Key_Return); // Create the store
    QTRY_VERIFY_WITH_TIMEOUT(!setup->shownRecoveryCode().isEmpty(), 30000);
    walk(&window, nullptr, QStringLiteral("setup: recovery code"), &problems);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibilityWalk::attachmentPreview_data()
{
    addThemeAndLanguageRows();
}

// A document attached to a form, shown from the store: a PDF of three pages, turned with the keyboard.
void TestAccessibilityWalk::attachmentPreview()
{
    applyFetchedThemeAndLanguage();
    QStringList problems;
    ui::AttachmentPreview preview(pdfOfPages(3), QStringLiteral("application/pdf"), QStringLiteral("justificatif.pdf"));
    QCOMPARE(preview.pageCount(), 3);
    preview.show();
    QApplication::setActiveWindow(&preview);
    QVERIFY(QTest::qWaitForWindowActive(&preview));
    walk(&preview, nullptr, QStringLiteral("preview, first page"), &problems);
    // Previous, next, close: « Next page » turns it, its letter differs by language.
    const QList<QPushButton *> buttons = preview.findChildren<QPushButton *>();
    QVERIFY(buttons.size() >= 2);
    buttons.at(1)->setFocus(Qt::TabFocusReason);
    press(Qt::Key_Space);
    QCOMPARE(preview.currentPage(), 1);
    walk(&preview, nullptr, QStringLiteral("preview, second page"), &problems);
    buttons.at(1)->setFocus(Qt::TabFocusReason);
    press(Qt::Key_Space);
    QCOMPARE(preview.currentPage(), 2);
    walk(&preview, nullptr, QStringLiteral("preview, last page"), &problems);
    preview.reject();
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibilityWalk::messageBoxes_data()
{
    addThemeAndLanguageRows();
}

// The questions the kiosk asks in message boxes: how a démarche is done (with the person or for them), and the
// confirmations of the citizen's file (right of access, saving a paper to a folder, withdrawing a consent, revoking a
// mandate's area).
void TestAccessibilityWalk::messageBoxes()
{
    applyFetchedThemeAndLanguage();
    Kiosk kiosk(m_dir.path(), &m_clock);
    ui::MainWindow &window = kiosk.window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    signIn(window);
    if (QTest::currentTestFailed())
        return;
    ui::ShellPage *shell = window.shellPage();
    QStringList problems;
    shell->rail()->setCurrentRow(1);
    QVERIFY(shell->citizensPage()->openFile(m_person));
    ui::CitizenFilePage *file = shell->citizensPage()->filePage();
    const auto backToWindow = [&window] {
        QApplication::setActiveWindow(&window); // the question closed (a window manager does this)
        QVERIFY(QTest::qWaitForWindowActive(&window));
    };
    bool seen = false;
    walkNextMessageBox(QStringLiteral("right of access"), Qt::Key_Escape, &problems, &seen);
    QVERIFY(!file->exportAccess());
    QVERIFY(seen);
    backToWindow();
    walkNextMessageBox(QStringLiteral("revoke an area"), Qt::Key_Escape, &problems, &seen);
    QVERIFY(!file->revokeScope(m_mandate, QStringLiteral("housing")));
    QVERIFY(seen);
    backToWindow();
    walkNextMessageBox(QStringLiteral("save to a folder"), Qt::Key_Escape, &problems, &seen);
    QVERIFY(!file->saveConsentForm());
    QVERIFY(seen);
    backToWindow();
    walkNextMessageBox(QStringLiteral("withdraw a consent"), Qt::Key_Escape, &problems, &seen);
    QVERIFY(!file->withdrawConsent(ConsentPurpose::File));
    QVERIFY(seen);
    backToWindow();
    // Done with the person present: the question's default answer, Return, where the keyboard is when it opens.
    walkNextMessageBox(QStringLiteral("presence or mandate"), Qt::Key_Return, &problems, &seen);
    QVERIFY(shell->demarchesPage()->startFor(Demarche, m_person));
    QVERIFY(seen);
    backToWindow();
    shell->leave();
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibilityWalk)
#include "TestAccessibilityWalk.moc"
