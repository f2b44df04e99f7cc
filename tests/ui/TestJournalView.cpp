// The security journal as an administrator reaches it from the administration page: filtered by event and person,
// the chain verified (and a cut-off end reported in plain words), the filtered rows exported, long journals paged.
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "UiFind.h"

#include "admin/AdminPage.h"
#include "admin/JournalView.h"
#include "common/Translations.h"
#include "security/Journal.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "store/Database.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace relais;
using namespace relais::test;

class TestJournalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void filterByEventShowsOnlyThoseRows();
    void filterByPersonAndObject();
    void verifyButtonReportsATruncatedJournal();
    void exportWritesTheFilteredRows();
    void longJournalIsFetchedPageByPage();

private:
    // Alice's day: she signs in, opens two files, changes a setting; Marc signs in and opens one file.
    void writeADay();
    ui::JournalView *openJournal();
    QStringList column(int column) const;
    QComboBox *combo(const QString &name) const;

    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ui::AdminPage> m_page;
};

void TestJournalView::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestJournalView::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault));
    m_session = std::make_unique<Session>(&m_clock);
    m_session->setTimerEnabled(false);
    m_session->start(m_vault->account(aliceLogin()).value());
    m_page = std::make_unique<ui::AdminPage>(m_vault.get(), m_session.get());
    m_page->resize(1100, 760);
    m_page->refresh();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestJournalView::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_vault.reset();
    m_dir.reset();
}

void TestJournalView::writeADay()
{
    const auto add = [this](const QString &actor, const QString &action, const QString &object = QString()) {
        m_clock.advanceSecs(90);
        QVERIFY(m_vault->journal().append(actor, action, object).ok());
    };
    add(QStringLiteral("alice"), QStringLiteral("sign_in"));
    add(QStringLiteral("alice"), QStringLiteral("citizen_opened"), QStringLiteral("3f2a9c1e-aaaa"));
    add(QStringLiteral("marc"), QStringLiteral("sign_in"));
    add(QStringLiteral("marc"), QStringLiteral("citizen_opened"), QStringLiteral("77b0d4e2-bbbb"));
    add(QStringLiteral("alice"), QStringLiteral("citizen_opened"), QStringLiteral("9c01aa5f-cccc"));
    add(QStringLiteral("alice"), QStringLiteral("setting_changed"), QStringLiteral("idle_lock_minutes"));
    add(QStringLiteral("alice"), QStringLiteral("something_future")); // an event this version does not know
}

ui::JournalView *TestJournalView::openJournal()
{
    QAbstractButton *button = findButton(m_page.get(), QStringLiteral("View the journal…"));
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ui::JournalView *view = m_page->journalView();
    return view->isVisible() ? view : nullptr;
}

QStringList TestJournalView::column(int column) const
{
    QStringList values;
    const ui::JournalModel *model = m_page->journalView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

QComboBox *TestJournalView::combo(const QString &name) const
{
    return findByAccessibleName<QComboBox>(m_page.get(), name);
}

void TestJournalView::filterByEventShowsOnlyThoseRows()
{
    writeADay();
    ui::JournalView *view = openJournal();
    QVERIFY(view);
    // initialize() and the sign-in wrote their own rows before the day's seven.
    const int all = view->model()->rowCount();
    QVERIFY2(all >= 7, qPrintable(QString::number(all)));
    QCOMPARE(column(ui::JournalModel::EventColumn).first(), QStringLiteral("something_future"));

    QComboBox *event = combo(QStringLiteral("Event"));
    QVERIFY(event);
    QVERIFY(event->findText(QStringLiteral("Citizen's file opened")) >= 0);
    QVERIFY(event->findText(QStringLiteral("citizen_opened")) < 0); // labels, not ids
    event->setFocus();
    QTest::keyClicks(event, QStringLiteral("Citizen's file opened"));
    QCOMPARE(event->currentText(), QStringLiteral("Citizen's file opened"));
    QCOMPARE(column(ui::JournalModel::EventColumn), QStringList(3, QStringLiteral("Citizen's file opened")));
    // Newest first.
    QCOMPARE(column(ui::JournalModel::ObjectColumn),
             (QStringList{QStringLiteral("9c01aa5f-cccc"), QStringLiteral("77b0d4e2-bbbb"),
                          QStringLiteral("3f2a9c1e-aaaa")}));
    bool counted = false;
    for (QLabel *label : view->findChildren<QLabel *>())
        counted = counted || label->text() == QStringLiteral("3 matching entries.");
    QVERIFY(counted);
    saveScreenshot(m_page.get(), QStringLiteral("40-journal-filtered"));

    // Back to everything.
    QTest::mouseClick(findButton(view, QStringLiteral("Clear filters")), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), all);
}

void TestJournalView::filterByPersonAndObject()
{
    writeADay();
    ui::JournalView *view = openJournal();
    QVERIFY(view);
    QComboBox *person = combo(QStringLiteral("Person"));
    QVERIFY(person);
    person->setCurrentIndex(person->findText(QStringLiteral("marc")));
    QCOMPARE(column(ui::JournalModel::PersonColumn), QStringList(2, QStringLiteral("marc")));
    QCOMPARE(column(ui::JournalModel::EventColumn),
             (QStringList{QStringLiteral("Citizen's file opened"), QStringLiteral("Signed in")}));
    person->setCurrentIndex(0);
    auto *object = findByAccessibleName<QLineEdit>(view, QStringLiteral("Object contains"));
    QVERIFY(object);
    QTest::keyClicks(object, QStringLiteral("CCCC"));
    QTest::keyClick(object, Qt::Key_Return);
    QCOMPARE(column(ui::JournalModel::ObjectColumn), QStringList{QStringLiteral("9c01aa5f-cccc")});
    // A day with nothing in it shows nothing.
    object->clear();
    auto *from = findByAccessibleName<QDateEdit>(view, QStringLiteral("From date"));
    QVERIFY(from);
    from->setDate(m_clock.now().toLocalTime().date().addDays(1));
    QCOMPARE(view->model()->rowCount(), 0);
}

void TestJournalView::verifyButtonReportsATruncatedJournal()
{
    writeADay();
    ui::JournalView *view = openJournal();
    QVERIFY(view);
    QAbstractButton *verify = findButton(view, QStringLiteral("Verify the chain"));
    QVERIFY(verify);
    QTest::mouseClick(verify, Qt::LeftButton);
    const qint64 rows = m_vault->journal().verify().rows;
    QCOMPARE(view->resultText(),
             QStringLiteral("The journal is intact: %1 entries, none changed or removed.").arg(rows));

    // Someone with the key and a SQLite shell removes the last three entries.
    QSqlDatabase db = m_vault->database()->connection();
    QCOMPARE(execSql(db, QStringLiteral("DROP TRIGGER journal_no_delete")), QString());
    QCOMPARE(execSql(db, QStringLiteral("DELETE FROM journal WHERE id > %1").arg(rows - 3)), QString());
    QTest::mouseClick(verify, Qt::LeftButton);
    const QString expected = QStringLiteral("The end of the journal was removed: entries from %1 on are missing (%2 "
                                            "recorded, %3 left).")
                                 .arg(rows - 2)
                                 .arg(rows)
                                 .arg(rows - 3);
    QCOMPARE(view->resultText(), expected);
    // Said to screen readers: the result label carries the sentence as its accessible name.
    auto *result = findByAccessibleName<QLabel>(view, expected);
    QVERIFY(result);
    QCOMPARE(result->property("role").toString(), QStringLiteral("error"));
    // The table shows what is left.
    QCOMPARE(view->model()->rowCount(), int(rows - 3));
    saveScreenshot(m_page.get(), QStringLiteral("41-journal-truncated"));
}

void TestJournalView::exportWritesTheFilteredRows()
{
    writeADay();
    ui::JournalView *view = openJournal();
    QVERIFY(view);
    QComboBox *person = combo(QStringLiteral("Person"));
    person->setCurrentIndex(person->findText(QStringLiteral("marc")));
    const QString path = m_dir->path() + QStringLiteral("/export.csv");
    QVERIFY(view->exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, the empty rest after the last CRLF
    QCOMPARE(lines.at(0), QByteArray("id,at_utc,actor,action,event,object\r"));
    QVERIFY2(lines.at(1).contains(",marc,citizen_opened,Citizen's file opened,77b0d4e2-bbbb\r"), lines.at(1));
    QVERIFY2(lines.at(2).contains(",marc,sign_in,Signed in,\r"), lines.at(2));
    QVERIFY(lines.at(3).isEmpty());
    QVERIFY2(view->resultText().startsWith(QStringLiteral("2 entries exported to")), qPrintable(view->resultText()));
}

void TestJournalView::longJournalIsFetchedPageByPage()
{
    // Ten thousand rows in one transaction (one commit, one anchor write).
    const Status s = Database::inTransaction(m_vault->database()->connection(), [this]() -> Status {
        for (int i = 0; i < 10000; ++i) {
            if (Status a = m_vault->journal().append(QStringLiteral("alice"), QStringLiteral("citizen_opened"),
                                                     QStringLiteral("file-%1").arg(i));
                !a)
                return a;
        }
        return {};
    });
    QVERIFY2(s.ok(), qPrintable(s.message()));
    ui::JournalView *view = openJournal();
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), ui::JournalModel::PageSize);
    QVERIFY(view->model()->total() > 10000);
    QCOMPARE(column(ui::JournalModel::ObjectColumn).first(), QStringLiteral("file-9999"));
    // Scrolling to the end asks for the next page, not for everything.
    view->table()->scrollToBottom();
    QTRY_COMPARE(view->model()->rowCount(), 2 * ui::JournalModel::PageSize);
    QCOMPARE(view->model()->entry(2 * ui::JournalModel::PageSize - 1).object,
             QStringLiteral("file-%1").arg(10000 - 2 * ui::JournalModel::PageSize));
    QVERIFY(m_vault->journal().verify().intact);
}

QTEST_MAIN(TestJournalView)
#include "TestJournalView.moc"
