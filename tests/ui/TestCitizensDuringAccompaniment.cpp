// Usagers while a person is accompanied, through the real shell and the keyboard alone: the search would list other
// people's names beside the person being helped, so it is put away; the page offers the person's own file and says
// that ending the accompaniment brings the search back. Once « End the accompaniment » is pressed, the other person
// is found again.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "UiFind.h"
#include "citizens/CitizenFilePage.h"
#include "citizens/CitizenListModel.h"
#include "citizens/CitizensPage.h"
#include "common/Translations.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Workspace.h"
#include "forms/DemarchesPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"
#include "shell/ShellPage.h"
#include "theme/Theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace relais;
using namespace relais::test;

namespace {

const QString Other = QStringLiteral("LEFEBVRE"); // another citizen, whose name must not show during the accompaniment

// Every text a person can see in `root`: labels, buttons, fields, and the rows of visible lists.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->isVisible())
            texts << l->text();
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->isVisible())
            texts << b->text();
    for (QLineEdit *e : root->findChildren<QLineEdit *>())
        if (e->isVisible())
            texts << e->text();
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model())
            continue;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            texts << view->model()->index(row, 0).data().toString();
    }
    return texts;
}

} // namespace

class TestCitizensDuringAccompaniment : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ui::ShellPage> m_shell;
    Account m_admin;
    qint64 m_helene = 0;
    qint64 m_marc = 0;

    ui::CitizensPage *citizens() const { return m_shell->citizensPage(); }
    qint64 seed(const QString &birthName, const QString &givenNames);
    QStringList otherShown() const { return visibleTexts(m_shell.get()).filter(Other, Qt::CaseInsensitive); }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void searchPutAwayWhileAccompanyingAndBackAfterward();
};

void TestCitizensDuringAccompaniment::initTestCase()
{
    installTranslations(QStringLiteral("en"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

void TestCitizensDuringAccompaniment::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS Test")));
    m_admin = m_vault->account(aliceLogin()).value();
    m_session = std::make_unique<Session>(&m_clock);
    m_session->setTimerEnabled(false);
    m_helene = seed(QStringLiteral("Lefèvre"), QStringLiteral("Hélène"));
    m_marc = seed(QStringLiteral("Lefebvre"), QStringLiteral("Marc"));
    QVERIFY(m_helene != 0 && m_marc != 0);
    m_session->start(m_admin);
    m_shell = std::make_unique<ui::ShellPage>(m_vault.get(), m_session.get());
    m_shell->resize(1280, 900);
    m_shell->show();
    QApplication::setActiveWindow(m_shell.get());
    QVERIFY(QTest::qWaitForWindowActive(m_shell.get()));
    m_workspace = std::make_unique<Workspace>(m_vault.get(), m_admin);
    m_shell->enter(m_workspace.get());
}

void TestCitizensDuringAccompaniment::cleanup()
{
    if (m_shell)
        m_shell->leave();
    m_shell.reset();
    m_workspace.reset();
    m_session.reset();
    m_vault.reset();
    m_dir.reset();
}

qint64 TestCitizensDuringAccompaniment::seed(const QString &birthName, const QString &givenNames)
{
    Citizen c;
    c.birthName = birthName;
    c.givenNames = givenNames;
    c.birthDate = QDate(1953, 7, 14);
    CitizenRepository repository(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    Result<Citizen> made = repository.create(m_admin, c);
    if (!made)
        return 0;
    Consents consents(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    return consents.give(m_admin, made.value(), ConsentPurpose::File) ? made->id : 0;
}

void TestCitizensDuringAccompaniment::searchPutAwayWhileAccompanyingAndBackAfterward()
{
    // Hélène's file from the search, then « Start a démarche »: she is the person in context.
    pressMnemonic(Qt::Key_Z);
    QCOMPARE(focused(), citizens()->searchField());
    typeHere(QStringLiteral("helene"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_COMPARE_WITH_TIMEOUT(citizens()->results()->rowCount(), 1, 2000);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QVERIFY(citizens()->filePage()->isVisible());
    pressMnemonic(Qt::Key_A); // Start a démarche
    QVERIFY(m_shell->accompaniment()->isActive());
    QCOMPARE(m_shell->accompaniment()->citizenId(), m_helene);

    // Back in Citizens: her file is still there; « Back to the search » shows no search, only her.
    pressMnemonic(Qt::Key_Z);
    QVERIFY(citizens()->filePage()->isVisible());
    QCOMPARE(citizens()->filePage()->citizenId(), m_helene);
    pressMnemonic(Qt::Key_B);
    QVERIFY(citizens()->contextPane()->isVisible());
    QVERIFY(!citizens()->searchField()->isVisible());
    auto *open = citizens()->contextPane()->findChild<QPushButton *>(QStringLiteral("openContextFile"));
    QCOMPARE(focused(), open);
    saveScreenshot(m_shell.get(), QStringLiteral("61-citizens-during-accompaniment"));
    QVERIFY2(duplicateMnemonics(m_shell.get()).isEmpty(), qPrintable(duplicateMnemonics(m_shell.get()).join(u' ')));
    auto *person = citizens()->contextPane()->findChild<QLabel *>(QStringLiteral("contextPerson"));
    QCOMPARE(person->text(), ui::CitizensPage::tr("You are accompanying %1.").arg(QStringLiteral("LEFÈVRE Hélène")));
    // Typing the other person's name reaches no search.
    typeHere(QStringLiteral("lefebvre"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QVERIFY2(otherShown().isEmpty(), "Citizens during the accompaniment");
    QCOMPARE(citizens()->results()->rowCount(), 0);

    // « Open the file » brings her file back.
    QCOMPARE(focused(), open);
    press(Qt::Key_Space);
    QVERIFY(citizens()->filePage()->isVisible());
    QCOMPARE(citizens()->filePage()->citizenId(), m_helene);

    // « Change the person » in Démarches leads here too, and still lists nobody else.
    m_shell->rail()->setFocus(); // her file has its own Alt+M (a new mandate)
    press(Qt::Key_Down);
    QVERIFY(m_shell->demarchesPage()->isVisible());
    pressMnemonic(Qt::Key_P);
    QVERIFY(citizens()->isVisible());
    QVERIFY(citizens()->contextPane()->isVisible());
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
    QVERIFY(citizens()->searchField()->isVisible());
    QCOMPARE(focused(), citizens()->searchField());
    QVERIFY(person->text().isEmpty());
    typeHere(QStringLiteral("lefebvre"));
    QTest::qWait(ui::CitizensPage::SearchDelayMs + 100);
    QTRY_COMPARE_WITH_TIMEOUT(citizens()->results()->rowCount(), 1, 2000);
    QVERIFY(!otherShown().isEmpty());
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QCOMPARE(citizens()->filePage()->citizenId(), m_marc);
}

QTEST_MAIN(TestCitizensDuringAccompaniment)
#include "TestCitizensDuringAccompaniment.moc"
