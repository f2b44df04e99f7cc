// Text at 200 % as a person with low vision sets it, on the smallest screen (1366×768) of a demo store (its banner
// shown, the long structure name of scripts/demo): on every screen (sign-in, the lock, each page of the rail, the
// citizen's file, each step of a démarche prefilled for the person accompanied) no label, button or box is narrower
// than its text, no label is shorter than its wrapped text, no two labels overlap, the status bar included; in the
// form, the navigation buttons stay on screen whatever the step holds; in tables (Envois) no header and no cell is
// cut (an ellipsis in a cell is a cut too: a tool tip is no help to someone who reads the screen at 200 % with the
// keyboard) nor pushed off the page without a scroll bar. Screenshots of each screen at 200 % go to
// $RELAIS_SCREENSHOT_DIR.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "ThemeRows.h"
#include "UiFind.h"

#include "citizens/CitizenFilePage.h"
#include "citizens/CitizensPage.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "forms/DemarchesPage.h"
#include "forms/FieldEditor.h"
#include "forms/FormWizard.h"
#include "login/LoginPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

#include <cmath>

using namespace relais;
using namespace relais::test;

namespace {

const QString Demarche = QStringLiteral("caf-changement-adresse");                    // prefills the NIR and the phone
const QString Structure = QStringLiteral("France Services de Saint-Affrique (démo)"); // as scripts/demo names it

QString describe(QObject *object)
{
    QString path;
    for (QObject *o = object; o && path.count(QLatin1Char('<')) < 3; o = o->parent())
        path += QStringLiteral(" <%1 \"%2\">").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName());
    return path.trimmed();
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

// A widget inside a scroll area is seen by scrolling: only its own width counts, not the window's.
bool shown(QWidget *w, QWidget *window)
{
    return w->isVisibleTo(window) && w->width() > 0 && w->height() > 0;
}

// The part of `w` that its ancestors leave on screen, in `window`'s coordinates (a label scrolled away is not seen).
QRect seenRect(QWidget *w, QWidget *window)
{
    QRect seen(w->mapTo(window, QPoint(0, 0)), w->size());
    for (QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget())
        seen &= QRect(p->mapTo(window, QPoint(0, 0)), p->size());
    return seen & window->rect();
}

// Two labels shown one over the other: one hides the other's text.
QStringList overlapping(QWidget *window, const QString &where)
{
    QList<QPair<QLabel *, QRect>> seen;
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!shown(label, window) || (label->text().isEmpty() && label->pixmap().isNull()))
            continue;
        const QRect rect = seenRect(label, window);
        if (!rect.isEmpty())
            seen.append({label, rect});
    }
    QStringList problems;
    for (int i = 0; i < seen.size(); ++i)
        for (int j = i + 1; j < seen.size(); ++j)
            if (seen.at(i).second.intersects(seen.at(j).second))
                problems << QStringLiteral("%1: %2 and %3 overlap")
                                .arg(where, describe(seen.at(i).first), describe(seen.at(j).first));
    return problems;
}

// Every label, button and box of `window` that is shown holds its text.
QStringList clipped(QWidget *window, const QString &where)
{
    QStringList problems;
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!shown(label, window) || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        const QRect room = label->contentsRect().marginsRemoved(
            QMargins(label->margin(), label->margin(), label->margin(), label->margin()));
        if (label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                problems << QStringLiteral("%1: %2 needs %3 px of height, has %4")
                                .arg(where, describe(label))
                                .arg(needed)
                                .arg(label->height());
            continue;
        }
        const QFontMetrics metrics(label->font());
        int widest = 0;
        for (const QString &line : plain(label->text()).remove(QLatin1Char('&')).split(QLatin1Char('\n')))
            widest = qMax(widest, metrics.horizontalAdvance(line));
        if (widest > room.width() + 1)
            problems << QStringLiteral("%1: %2 is %3 px wide for a text of %4 px")
                            .arg(where, describe(label))
                            .arg(room.width())
                            .arg(widest);
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!shown(button, window) || button->text().isEmpty())
            continue;
        if (button->minimumSizeHint().width() > button->width() + 1)
            problems << QStringLiteral("%1: %2 is %3 px wide for %4 px")
                            .arg(where, describe(button))
                            .arg(button->width())
                            .arg(button->minimumSizeHint().width());
        // Squeezed in height by a page too tall for the window, its text loses its bottom.
        if (button->minimumSizeHint().height() > button->height() + 1)
            problems << QStringLiteral("%1: %2 is %3 px high for %4 px")
                            .arg(where, describe(button))
                            .arg(button->height())
                            .arg(button->minimumSizeHint().height());
    }
    return problems;
}

// The widest word of `text`: Qt breaks a word that does not fit anywhere in it, which the bounding rectangle of the
// wrapped text does not show.
int widestWord(const QFontMetrics &metrics, const QString &text)
{
    int widest = 0;
    const QFontMetricsF exact(metrics);
    for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        widest = qMax(widest, int(std::ceil(exact.horizontalAdvance(word))));
    return widest;
}

// Every header and cell of the tables shown in `window` holds its text: a cell's words wrap within its column and its
// row is tall enough for them (a word longer than the column counts as cut: a reference broken in two is misread),
// a header's text is as wide as its section at most, and no column lies beyond the view's right edge without a
// scroll bar to reach it.
QStringList clippedInTables(QWidget *window, const QString &where)
{
    QStringList problems;
    for (QTableView *view : window->findChildren<QTableView *>()) {
        if (!shown(view, window) || !view->model())
            continue;
        const QAbstractItemModel *model = view->model();
        QHeaderView *header = view->horizontalHeader();
        const QFontMetrics cellMetrics(view->font());
        const int textMargin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
        const bool canScroll = view->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff;
        const int right = view->viewport()->width();
        const QString table = QStringLiteral("%1: table %2").arg(where, view->accessibleName());
        for (int column = 0; column < model->columnCount(); ++column) {
            if (view->isColumnHidden(column))
                continue;
            const int width = view->columnWidth(column);
            const int end = header->sectionViewportPosition(column) + width;
            if (!canScroll && end > right + 1)
                problems << QStringLiteral("%1: column %2 ends at %3 px, beyond the view's %4 px and no scroll bar")
                                .arg(table)
                                .arg(column)
                                .arg(end)
                                .arg(right);
            const QString title = model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
            if (header->isVisible() && !title.isEmpty()) {
                const QFontMetrics headerMetrics(header->font());
                // The style's margins and the theme's padding: what the header asks beyond its text on one line.
                const int margin = (header->sectionSizeHint(column) - headerMetrics.horizontalAdvance(title) + 1) / 2;
                const bool wraps =
                    (header->defaultAlignment() & Qt::TextWordWrap) && header->textElideMode() == Qt::ElideNone;
                const QRect needed = headerMetrics.boundingRect(QRect(0, 0, width - 2 * margin, 100000),
                                                                wraps ? int(Qt::TextWordWrap) : 0, title);
                // On one line as wide as the style asks, or wrapped at its words within the section.
                const bool fits = width >= header->sectionSizeHint(column) ||
                                  (needed.width() <= width - 2 * margin + 1 && needed.height() <= header->height() &&
                                   widestWord(headerMetrics, title) <= width - 2 * margin + 1);
                if (!fits)
                    problems << QStringLiteral("%1: header \"%2\" needs %3×%4 px, has %5×%6")
                                    .arg(table, title)
                                    .arg(needed.width() + 2 * margin)
                                    .arg(needed.height())
                                    .arg(width)
                                    .arg(header->height());
            }
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex index = model->index(row, column);
                const QString text = index.data(Qt::DisplayRole).toString();
                if (text.isEmpty() || view->isRowHidden(row))
                    continue;
                const int room = width - 2 * textMargin - (view->showGrid() ? 1 : 0); // the grid's line is the cell's
                const QRect needed =
                    cellMetrics.boundingRect(QRect(0, 0, room, 100000),
                                             view->wordWrap() ? int(Qt::TextWordWrap) : int(Qt::TextSingleLine), text);
                const bool fits = needed.width() <= room + 1 && needed.height() <= view->rowHeight(row) + 1 &&
                                  widestWord(cellMetrics, text) <= room + 1;
                if (!fits)
                    problems << QStringLiteral("%1: cell %2,%3 needs %4×%5 px, has %6×%7")
                                    .arg(table)
                                    .arg(row)
                                    .arg(column)
                                    .arg(needed.width() + 2 * textMargin)
                                    .arg(needed.height())
                                    .arg(width)
                                    .arg(view->rowHeight(row));
            }
        }
    }
    return problems;
}

} // namespace

class TestTextFits : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    qint64 m_person = 0;

private Q_SLOTS:
    void initTestCase();
    void everyScreenAt200Percent_data();
    void everyScreenAt200Percent();
    void windowFitsTheScreenWithItsFrame();
};

void TestTextFits::initTestCase()
{
    ui::installKeyboardConventions(qApp);
    Vault setup(m_dir.path(), &m_clock);
    // A demo store, as in training sessions: the banner above everything takes its share of the height.
    QVERIFY(setup.initialize(Structure, aliceLogin(), QStringLiteral("Alice"), secret(alicePassword()), true,
                             KdfParams::interactive()));
    const Account admin = setup.account(aliceLogin()).value();
    const QSqlDatabase db = setup.database()->connection();
    Citizen c;
    // Synthetic, with what the CAF démarche prefills (NIR, phone) and a name as long as real ones get.
    c.birthName = QStringLiteral("Lefèvre-Dumoulin");
    c.givenNames = QStringLiteral("Marie-Hélène Jeanne");
    c.birthDate = QDate(1953, 7, 14);
    c.nir = QStringLiteral("253072A07300443");
    c.phone = QStringLiteral("+33612345678");
    c.street = QStringLiteral("3 place du Marché");
    c.postalCode = QStringLiteral("12400");
    c.commune = QStringLiteral("Saint-Affrique");
    Result<Citizen> made = CitizenRepository(db, &setup.journal(), &m_clock).create(admin, c);
    QVERIFY(made);
    m_person = made->id;
    QVERIFY(Consents(db, &setup.journal(), &m_clock).give(admin, made.value(), ConsentPurpose::File));
    QVERIFY(Mandates(db, &setup.journal(), &m_clock)
                .create(admin, made.value(), {QStringLiteral("housing")}, MandateDuration::OneYear,
                        QStringLiteral("MFS Test"), QStringLiteral("Alice")));
    SubmissionRepository submissions(db, &setup.journal(), &m_clock);
    const qint64 id = submissions.createDraft(admin, Demarche, 1, m_person)->id;
    QVERIFY(submissions.queue(admin, id, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1")}}));
}

void TestTextFits::everyScreenAt200Percent_data()
{
    addThemeAndLanguageRows();
}

void TestTextFits::everyScreenAt200Percent()
{
    QFETCH(int, theme);
    QFETCH(QString, language);
    installTranslations(language);
    ui::Theme::apply(ui::ThemeKind(theme), 200);
    const auto cleanup = qScopeGuard([] { ui::Theme::apply(ui::ThemeKind::Standard, 100); });
    Vault vault(m_dir.path(), &m_clock);
    Session session(&m_clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.resize(1366, 768); // a mediation bus laptop: the smallest screen Relais is used on
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString tag = QStringLiteral("%1-%2").arg(ui::Theme::id(ui::ThemeKind(theme)), language);
    QStringList problems;
    const auto look = [&](const QString &where) {
        QCoreApplication::processEvents();
        QTest::qWait(20); // queued re-layouts (columns fitted to the text)
        problems << clipped(&window, where) << clippedInTables(&window, where) << overlapping(&window, where);
        saveScreenshot(&window, QStringLiteral("200-%1-%2").arg(tag, where));
    };
    look(QStringLiteral("sign-in"));

    auto *password = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(password);
    QTest::keyClicks(password, QString::fromUtf8(alicePassword()));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.loginPage()->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
    ui::ShellPage *shell = window.shellPage();
    // The structure's name on one line, cut when short of room: whole for the screen reader and in its tooltip.
    const auto *structure = shell->findChild<QLabel *>(QStringLiteral("structureName"));
    if (!structure || structure->accessibleName() != Structure || structure->toolTip() != Structure ||
        (structure->text() != Structure &&
         !(structure->text().endsWith(QStringLiteral("…")) && Structure.startsWith(structure->text().chopped(1)))))
        problems << QStringLiteral("top bar: the structure's name is not one line with the whole name for screen "
                                   "readers and in its tooltip");
    for (int row = 0; row < shell->rail()->count(); ++row) {
        shell->rail()->setCurrentRow(row);
        look(QStringLiteral("page%1").arg(row));
    }
    shell->rail()->setCurrentRow(1);
    QVERIFY(shell->citizensPage()->openFile(m_person));
    look(QStringLiteral("file"));
    // From the file, as a mediator does: the person becomes the one accompanied, the Démarches page opens.
    shell->citizensPage()->filePage()->startButton()->click();
    ui::DemarchesPage *demarches = shell->demarchesPage();
    QVERIFY(demarches->isVisible());
    QVERIFY(shell->findChild<QWidget *>(QStringLiteral("accompanimentBar"))->isVisible());
    // Done with the person present (the question's default answer, Return).
    bool how = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &how);
    QVERIFY(demarches->start(Demarche));
    QVERIFY(how);
    QApplication::setActiveWindow(&window); // the question closed (a window manager does this)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::FormWizard *form = demarches->wizard();
    QVERIFY(form && form->isVisible());
    QVERIFY(form->prefilledNote()->isVisible()); // the first step holds the NIR and the phone from the file
    QCOMPARE(window.size(), QSize(1366, 768));   // its content never pushes the window past the screen
    // A tenant: the rent appears, and the documents step with its lease to attach or tick.
    form->goToStep(QStringLiteral("nouvelle_adresse"));
    const QList<QRadioButton *> occupation = form->editor(QStringLiteral("occupation"))->findChildren<QRadioButton *>();
    QVERIFY(!occupation.isEmpty());
    occupation.first()->click();
    QVERIFY(form->steps().contains(ui::FormWizard::documentsStep()));
    // A person living with them: the new entry's answers, and the keyboard in the first one, in view.
    form->goToStep(QStringLiteral("foyer"));
    auto *add = form->editor(QStringLiteral("membres"))->findChild<QPushButton *>();
    QVERIFY(add);
    add->click();
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QWidget *inEntry = QApplication::focusWidget();
    QVERIFY(inEntry && form->editor(QStringLiteral("membres"))->isAncestorOf(inEntry) && inEntry != add);
    if (seenRect(inEntry, &window).size() != inEntry->size())
        problems << QStringLiteral("form-foyer: the new entry's first answer has the focus out of view");
    // The area the step scrolls in (none in older forms, which were checked at their top only).
    auto *scroll = form->findChild<QScrollArea *>(QStringLiteral("formScroll"));
    for (const QString &step : form->steps()) {
        form->goToStep(step);
        const QString where = QStringLiteral("form-") + QString(step).remove(QLatin1Char('#'));
        // From the top of the step, then scrolled to its end: what it holds is read by scrolling, never cut.
        for (const bool end : {false, true}) {
            if (end && !scroll)
                continue;
            if (end)
                scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
            look(end ? where + QStringLiteral("-end") : where);
            // On arriving, the keyboard's place is in view (the first answer, or the button to send).
            QWidget *focus = QApplication::focusWidget();
            if (!end && (!focus || seenRect(focus, &window).size() != focus->size()))
                problems << QStringLiteral("%1: the focus is out of view (%2)")
                                .arg(where, focus ? describe(focus) : QStringLiteral("nowhere"));
            // The way on stays on screen, whole, however much the step holds.
            for (QPushButton *button :
                 {form->closeButton(), form->backButton(), form->nextButton(), form->sendButton()})
                if (button->isVisibleTo(&window) && seenRect(button, &window).size() != button->size())
                    problems << QStringLiteral("%1: %2 is cut or off screen").arg(where, describe(button));
        }
    }
    session.lock();
    look(QStringLiteral("lock"));
    problems.removeDuplicates();
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem; // all of them: QVERIFY2 cuts a long message
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s), listed above").arg(problems.size())));
}

// The window and its frame fit in the area the screen leaves to windows: the status bar is never below the edge.
void TestTextFits::windowFitsTheScreenWithItsFrame()
{
    // Under a window manager: a title bar of 30 px and borders of 4 px, a panel of 40 px at the top.
    const QRect available(0, 40, 1920, 1040);
    const QRect inner = ui::MainWindow::fittedGeometry(available, QMargins(4, 30, 4, 4));
    QCOMPARE(inner.marginsAdded(QMargins(4, 30, 4, 4)), available);

    Vault vault(m_dir.path(), &m_clock);
    Session session(&m_clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.showOnScreen();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect screen = window.screen()->availableGeometry();
    QVERIFY2(screen.contains(window.frameGeometry()), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                     .arg(window.frameGeometry().x())
                                                                     .arg(window.frameGeometry().y())
                                                                     .arg(window.frameGeometry().width())
                                                                     .arg(window.frameGeometry().height())));
    QCOMPARE(window.frameGeometry().size(), screen.size()); // and uses all of it
    QStatusBar *status = window.findChild<QStatusBar *>();
    QVERIFY(status && status->isVisible());
    const QRect bar(status->mapToGlobal(QPoint(0, 0)), status->size());
    QVERIFY(screen.contains(bar));
}

QTEST_MAIN(TestTextFits)
#include "TestTextFits.moc"
