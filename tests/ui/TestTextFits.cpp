// Text at 200 % as a person with low vision sets it: on every screen (sign-in, the lock, each page of the rail, the
// citizen's file, the form's steps) no label, button or box is narrower than its text, the status bar included; in
// tables (Envois) no header and no cell is cut (an ellipsis in a cell is a cut too: a tool tip is no help to
// someone who reads the screen at 200 % with the keyboard) nor pushed off the page without a scroll bar.
// Screenshots of each screen at 200 % go to $RELAIS_SCREENSHOT_DIR.
#include "FakeClock.h"
#include "ModalAnswer.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "UiFind.h"

#include "citizens/CitizensPage.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "forms/DemarchesPage.h"
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

const QString Demarche = QStringLiteral("caf-changement-adresse");

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
    QVERIFY(Mandates(db, &setup.journal(), &m_clock)
                .create(admin, made.value(), {QStringLiteral("housing")}, MandateDuration::OneYear,
                        QStringLiteral("MFS Test"), QStringLiteral("Alice")));
    SubmissionRepository submissions(db, &setup.journal(), &m_clock);
    const qint64 id = submissions.createDraft(admin, Demarche, 1, m_person)->id;
    QVERIFY(submissions.queue(admin, id, QJsonObject{{QStringLiteral("numero_allocataire"), QStringLiteral("1")}}));
}

void TestTextFits::everyScreenAt200Percent_data()
{
    QTest::addColumn<int>("theme");
    QTest::addColumn<QString>("language");
    for (const ui::ThemeKind theme : {ui::ThemeKind::Standard, ui::ThemeKind::HighContrast})
        for (const char *language : {"fr", "en"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(ui::Theme::id(theme), QLatin1String(language))))
                << int(theme) << QString::fromLatin1(language);
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
        problems << clipped(&window, where) << clippedInTables(&window, where);
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
    for (int row = 0; row < shell->rail()->count(); ++row) {
        shell->rail()->setCurrentRow(row);
        look(QStringLiteral("page%1").arg(row));
    }
    shell->rail()->setCurrentRow(1);
    QVERIFY(shell->citizensPage()->openFile(m_person));
    look(QStringLiteral("file"));
    // Done with the person present (the question's default answer, Return).
    bool how = false;
    whenModal<QMessageBox>([](QMessageBox *) { press(Qt::Key_Return); }, &how);
    QVERIFY(shell->demarchesPage()->startFor(Demarche, m_person));
    QVERIFY(how);
    QApplication::setActiveWindow(&window); // the question closed (a window manager does this)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::FormWizard *form = shell->demarchesPage()->wizard();
    QVERIFY(form);
    for (const QString &step : form->steps()) {
        form->goToStep(step);
        look(QStringLiteral("form-") + QString(step).remove(QLatin1Char('#')));
    }
    session.lock();
    look(QStringLiteral("lock"));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
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
