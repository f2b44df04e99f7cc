// The session Workspace (issue 14): it owns the session's repositories and announces what was committed, by typed
// signals from the event loop, for this process's changes and for another connection's (another program's).
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/CitizenRepository.h"
#include "domain/Workspace.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void announcesACommittedCitizenAfterTheCommit();
    void saysNothingOfARolledBackChange();
    void announcesAnotherConnectionsChange();

private:
    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_alice;
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault));
    m_alice = m_vault->account(aliceLogin()).value();
}

void TestWorkspace::cleanup()
{
    m_vault.reset();
    m_dir.reset();
}

void TestWorkspace::announcesACommittedCitizenAfterTheCommit()
{
    Workspace workspace(m_vault.get(), m_alice);
    QCOMPARE(workspace.account().login, aliceLogin());
    QSignalSpy citizens(&workspace, &Workspace::citizenChanged);
    QSignalSpy submissions(&workspace, &Workspace::submissionChanged);
    Citizen person;
    person.birthName = QStringLiteral("Fictif");
    person.givenNames = QStringLiteral("Léa");
    const Result<Citizen> made = workspace.citizens().create(m_alice, person);
    QVERIFY(made);
    // Never in the middle of the caller's own work: from the event loop, once.
    QCOMPARE(citizens.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(citizens.count(), 1, 100);
    QCOMPARE(citizens.at(0).at(0).toLongLong(), made->id);
    QCOMPARE(submissions.count(), 0);
}

void TestWorkspace::saysNothingOfARolledBackChange()
{
    Workspace workspace(m_vault.get(), m_alice);
    QSignalSpy citizens(&workspace, &Workspace::citizenChanged);
    QSignalSpy accounts(&workspace, &Workspace::accountsChanged);
    const Status s = Database::inTransaction(m_vault->database()->connection(), [&]() -> Status {
        QSqlQuery q(m_vault->database()->connection());
        if (!q.exec(QStringLiteral("UPDATE accounts SET display_name = 'X'")))
            return makeError(ErrorCode::Internal, QStringLiteral("update"));
        return makeError(ErrorCode::InvalidInput, QStringLiteral("changed my mind"));
    });
    QVERIFY(!s);
    QTest::qWait(150);
    QCOMPARE(accounts.count(), 0);
    QCOMPARE(citizens.count(), 0);
}

void TestWorkspace::announcesAnotherConnectionsChange()
{
    Workspace workspace(m_vault.get(), m_alice);
    QSignalSpy elsewhere(&workspace, &Workspace::changedElsewhere);
    QSignalSpy citizens(&workspace, &Workspace::citizenChanged);
    // A second opening of the same store: its own connection, as relais-admin would have.
    Vault other(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(other));
    Citizen person;
    person.birthName = QStringLiteral("Ailleurs");
    person.givenNames = QStringLiteral("Paul");
    QVERIFY(CitizenRepository(other.database()->connection(), &other.journal(), &m_clock).create(m_alice, person));
    QTRY_COMPARE_WITH_TIMEOUT(elsewhere.count(), 1, 2 * Workspace::PollIntervalMs + 500);
    QVERIFY(citizens.count() >= 1);
    QCOMPARE(citizens.last().at(0).toLongLong(), 0); // which one is not known: the page reads again
}

QTEST_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
