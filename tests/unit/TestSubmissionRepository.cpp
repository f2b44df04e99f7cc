// Drafts and the queue: transactional saves, survival of a kill -9 in the middle of saving.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace relais;
using namespace relais::test;

namespace {
const QByteArray AdminPassword = alicePassword(); // also typed by the child process below
} // namespace

class TestSubmissionRepository : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;

private Q_SLOTS:
    void init();
    void cleanup() { m_vault.reset(); }
    void draftSavesAndReopens();
    void draftsAreListedPerAccount();
    void queueFreezesAndJournals();
    void draftSurvivesKillDuringSaves();
};

void TestSubmissionRepository::init()
{
    m_vault = std::make_unique<Vault>(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS")));
    m_admin = m_vault->account(QStringLiteral("alice")).value();
}

void TestSubmissionRepository::draftSavesAndReopens()
{
    SubmissionRepository repo(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    auto draft = repo.createDraft(m_admin, QStringLiteral("caf-changement-adresse"), 3);
    QVERIFY2(draft, qPrintable(draft.message()));
    QCOMPARE(draft->state, QStringLiteral("draft"));
    QCOMPARE(draft->demarcheVersion, 3);
    QVERIFY(!QUuid::fromString(draft->uuid).isNull());
    const QJsonObject answers{{QStringLiteral("commune"), QStringLiteral("Millau")}, {QStringLiteral("enfants"), 2}};
    QVERIFY(repo.saveDraft(m_admin, draft->id, answers, QStringLiteral("logement")));
    // After a restart of the program, the draft comes back with its answers and section.
    m_vault.reset();
    init();
    SubmissionRepository reopened(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    auto loaded = reopened.load(m_admin, draft->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->answers, answers);
    QCOMPARE(loaded->currentSection, QStringLiteral("logement"));
    QCOMPARE(loaded->uuid, draft->uuid);
}

void TestSubmissionRepository::draftsAreListedPerAccount()
{
    SubmissionRepository repo(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    QVERIFY(m_vault->addAccount(m_admin, QStringLiteral("marc"), QStringLiteral("Marc"), Role::Mediator,
                                secret("mediator password 42")));
    const Account marcAccount = m_vault->account(QStringLiteral("marc")).value();
    const qint64 marc = marcAccount.id;
    const int before = repo.drafts(m_admin).value().size();
    QVERIFY(repo.createDraft(m_admin, QStringLiteral("a"), 1));
    m_clock.advanceSecs(5);
    auto marcs = repo.createDraft(marcAccount, QStringLiteral("b"), 1);
    QVERIFY(marcs);
    QCOMPARE(repo.drafts(m_admin).value().size(), before + 2);
    const auto onlyMarc = repo.drafts(m_admin, marc).value();
    QCOMPARE(onlyMarc.size(), 1);
    QCOMPARE(onlyMarc.first().demarcheId, QStringLiteral("b"));
    // Most recent first.
    QCOMPARE(repo.drafts(m_admin).value().first().id, marcs->id);
}

void TestSubmissionRepository::queueFreezesAndJournals()
{
    SubmissionRepository repo(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    auto draft = repo.createDraft(m_admin, QStringLiteral("c2s"), 7);
    QVERIFY(draft);
    const QJsonObject canonical{{QStringLiteral("nir"), QStringLiteral("synthetic")}};
    QVERIFY(repo.queue(m_admin, draft->id, canonical));
    auto queued = repo.load(m_admin, draft->id);
    QCOMPARE(queued->state, QStringLiteral("queued"));
    QCOMPARE(queued->answers, canonical);
    QCOMPARE(queued->demarcheVersion, 7);
    QVERIFY(queued->queuedAt.isValid());
    // It left the draft list and can no longer be edited or queued twice.
    for (const Submission &s : repo.drafts(m_admin).value())
        QVERIFY(s.id != draft->id);
    const Status edit = repo.saveDraft(m_admin, draft->id, QJsonObject{}, QString());
    QCOMPARE(edit.code(), ErrorCode::InvalidInput);
    QVERIFY(!edit.message().isEmpty());
    QCOMPARE(repo.queue(m_admin, draft->id, canonical).code(), ErrorCode::InvalidInput);
    QSqlQuery q(m_vault->database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM journal WHERE action = 'submission_queued' AND object = "
                                  "'submission:%1'")
                       .arg(draft->id)) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(m_vault->journal().verify().intact);
}

void TestSubmissionRepository::draftSurvivesKillDuringSaves()
{
    SubmissionRepository repo(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    auto draft = repo.createDraft(m_admin, QStringLiteral("kill"), 1);
    QVERIFY(draft);
    m_vault.reset(); // the child owns the store while it saves
    for (int round = 0; round < 5; ++round) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_TEST_CHILD_SAVER"), m_dir.path());
        env.insert(QStringLiteral("RELAIS_TEST_DRAFT_ID"), QString::number(draft->id));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(20000)); // "saving" once the store is open
        QTest::qWait(50 + int(QRandomGenerator::global()->bounded(400)));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        // Reopen: the answers and the section come from one and the same save.
        init();
        SubmissionRepository after(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
        auto loaded = after.load(m_admin, draft->id);
        QVERIFY(loaded);
        const int n = loaded->answers.value(QStringLiteral("n")).toInt(-1);
        QCOMPARE(loaded->currentSection, QStringLiteral("section-%1").arg(n));
        QCOMPARE(loaded->answers.value(QStringLiteral("copy")).toInt(-2), n);
        QVERIFY(m_vault->database()->integrityCheck());
        m_vault.reset();
    }
}

// Child mode: opens the store and saves the draft in a tight loop until killed.
static int runChildSaver(const QString &dir, qint64 draftId)
{
    FakeClock clock;
    Vault vault(dir, &clock);
    if (!vault.signIn(QStringLiteral("alice"), secret(AdminPassword)))
        return 3;
    SubmissionRepository repo(vault.database()->connection(), &vault.journal(), &clock);
    const Account alice = vault.account(QStringLiteral("alice")).value();
    fputs("saving\n", stdout);
    fflush(stdout);
    for (int n = 0;; ++n) {
        QJsonObject answers{{QStringLiteral("n"), n},
                            {QStringLiteral("copy"), n},
                            {QStringLiteral("padding"), QString(2000 + n % 3000, QLatin1Char('x'))}};
        if (!repo.saveDraft(alice, draftId, answers, QStringLiteral("section-%1").arg(n)))
            return 4;
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString childDir = qEnvironmentVariable("RELAIS_TEST_CHILD_SAVER");
    if (!childDir.isEmpty())
        return runChildSaver(childDir, qEnvironmentVariable("RELAIS_TEST_DRAFT_ID").toLongLong());
    TestSubmissionRepository test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSubmissionRepository.moc"
