// Drafts and the queue: transactional saves, survival of a kill -9 in the middle of saving.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "TinyTmpfs.h"

#include "SyncStore.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <type_traits>

using namespace relais;
using namespace relais::test;

namespace {
// The sync engine's way in (SystemAccess) cannot be made here, nor from a person's account: only the sync classes can.
static_assert(!std::is_default_constructible_v<SystemAccess>);
static_assert(!std::is_constructible_v<SystemAccess, Account>);

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
    void fullDiskWhileSavingKeepsTheLastSave();
    void volunteerReachesOnlyTheirOwnDemarches();
    void erasedPersonsAnswersGoAtDelivery();

private:
    Account account(const QString &login, Role role);
};

Account TestSubmissionRepository::account(const QString &login, Role role)
{
    if (!m_vault->account(login))
        (void)m_vault->addAccount(m_admin, login, login, role, secret("a long enough password here"));
    return m_vault->account(login).value();
}

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
    QCOMPARE(draft->state, relais::SubmissionState::Draft);
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
    QCOMPARE(queued->state, relais::SubmissionState::Queued);
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

void TestSubmissionRepository::volunteerReachesOnlyTheirOwnDemarches()
{
    const QSqlDatabase db = m_vault->database()->connection();
    SubmissionRepository repo(db, &m_vault->journal(), &m_clock);
    CitizenRepository citizens(db, &m_vault->journal(), &m_clock);
    const Account vera = account(QStringLiteral("vera"), Role::Volunteer);
    const Account marc = account(QStringLiteral("marc"), Role::Mediator);
    Citizen someone;
    someone.birthName = QStringLiteral("Autre");
    someone.givenNames = QStringLiteral("Personne");
    const qint64 notHers = citizens.create(m_admin, someone)->id;
    Citizen hers = someone;
    hers.birthName = QStringLiteral("Sienne");
    const qint64 hersId = citizens.create(vera, hers)->id;

    // The administrator's démarche for a person Vera did not create.
    const qint64 other = repo.createDraft(m_admin, QStringLiteral("caf-rsa"), 1, notHers)->id;
    QVERIFY(repo.saveDraft(m_admin, other, QJsonObject{{QStringLiteral("revenus"), 1200}}, QStringLiteral("s")));
    const QString refused = Access::tr("Volunteers can only open the démarches they started or those of the people "
                                       "whose file they created.");
    const Result<Submission> peek = repo.load(vera, other);
    QCOMPARE(peek.code(), ErrorCode::PermissionDenied);
    QCOMPARE(peek.message(), refused);
    QCOMPARE(repo.saveDraft(vera, other, QJsonObject{}, QString()).code(), ErrorCode::PermissionDenied);
    QCOMPARE(repo.adoptVersion(vera, other, 2).code(), ErrorCode::PermissionDenied);
    QCOMPARE(repo.queue(vera, other, QJsonObject{}).code(), ErrorCode::PermissionDenied);
    QCOMPARE(repo.discard(vera, other).code(), ErrorCode::PermissionDenied);
    QCOMPARE(repo.createDraft(vera, QStringLiteral("caf-rsa"), 1, notHers).code(), ErrorCode::PermissionDenied);
    QVERIFY(repo.forCitizen(vera, notHers).value().isEmpty());
    for (const Submission &s : repo.drafts(vera).value())
        QVERIFY(s.id != other);
    for (const Submission &s : repo.drafts(vera, m_admin.id).value())
        QVERIFY(s.id != other);
    // Nothing of it changed.
    const Submission untouched = repo.load(m_admin, other).value();
    QCOMPARE(untouched.state, relais::SubmissionState::Draft);
    QCOMPARE(untouched.answers.value(QStringLiteral("revenus")).toInt(), 1200);
    QCOMPARE(untouched.demarcheVersion, 1);

    // Her own: one she started, and one a colleague started for the person she created.
    const Result<Submission> mine = repo.createDraft(vera, QStringLiteral("caf-rsa"), 1, hersId);
    QVERIFY2(mine, qPrintable(mine.message()));
    QVERIFY(repo.saveDraft(vera, mine->id, QJsonObject{{QStringLiteral("revenus"), 900}}, QStringLiteral("s")));
    QCOMPARE(repo.load(vera, mine->id)->answers.value(QStringLiteral("revenus")).toInt(), 900);
    const qint64 forHerPerson = repo.createDraft(marc, QStringLiteral("cpam-c2s"), 1, hersId)->id;
    QVERIFY(repo.load(vera, forHerPerson));
    QCOMPARE(repo.forCitizen(vera, hersId).value().size(), 2);
    QVERIFY(repo.queue(vera, mine->id, QJsonObject{{QStringLiteral("revenus"), 900}}));
    // A mediator and an administrator reach every démarche of the structure.
    QVERIFY(repo.load(marc, other));
    QVERIFY(repo.load(marc, mine->id));
    QVERIFY(repo.load(m_admin, mine->id));
}

void TestSubmissionRepository::erasedPersonsAnswersGoAtDelivery()
{
    const QSqlDatabase db = m_vault->database()->connection();
    SubmissionRepository repo(db, &m_vault->journal(), &m_clock);
    CitizenRepository citizens(db, &m_vault->journal(), &m_clock);
    AttachmentStore attachments(db, &m_clock);
    sync::SyncStore outbox(db, &m_vault->journal(), &m_clock);
    const auto queueFor = [&](qint64 person, qint64 *attachment) -> qint64 {
        const qint64 id = repo.createDraft(m_admin, QStringLiteral("caf-rsa"), 1, person)->id;
        QByteArray pdf("%PDF-1.4\nbulletin de salaire\n%%EOF\n");
        QBuffer source(&pdf);
        source.open(QIODevice::ReadOnly);
        *attachment =
            attachments.add(m_admin, id, QStringLiteral("salaire"), QStringLiteral("salaire.pdf"), &source)->id;
        return repo.queue(m_admin, id, QJsonObject{{QStringLiteral("revenus"), 1200}}) ? id : 0;
    };
    const auto chunks = [&](qint64 attachment) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM attachment_chunks WHERE attachment_id = %1").arg(attachment));
        return q.next() ? q.value(0).toInt() : -1;
    };
    Citizen person;
    person.birthName = QStringLiteral("Partie");
    person.givenNames = QStringLiteral("Personne");
    const qint64 leaving = citizens.create(m_admin, person)->id;
    person.birthName = QStringLiteral("Restante");
    const qint64 staying = citizens.create(m_admin, person)->id;
    qint64 erasedDocument = 0, keptDocument = 0;
    const qint64 erased = queueFor(leaving, &erasedDocument);
    const qint64 control = queueFor(staying, &keptDocument);
    QVERIFY(erased && control);

    QCOMPARE(SubmissionRepository::waitingForPerson(db, leaving).value(), 1);
    QCOMPARE(CitizenRepository::waitingOnErasureNotice(1),
             CitizenRepository::tr("%n démarche(s) of this person are still waiting to be sent; their answers and "
                                   "documents stay encrypted on this PC until delivery, then are removed at once.",
                                   nullptr, 1));
    QVERIFY(CitizenRepository::waitingOnErasureNotice(1).contains(QLatin1Char('1')));
    QVERIFY(citizens.erase(m_admin, leaving, CitizenRepository::QueuedOnErasure::DeliverFirst));
    // Until delivery, everything it needs to reach the platform stays.
    Submission waiting = repo.load(m_admin, erased).value();
    QCOMPARE(waiting.state, relais::SubmissionState::Queued);
    QCOMPARE(waiting.answers.value(QStringLiteral("revenus")).toInt(), 1200);
    QVERIFY(attachments.readAll(m_admin, erasedDocument));

    // Delivered the way the sync engine records it: the answers and the document go at once.
    const QJsonObject receipt{{QStringLiteral("reference"), QStringLiteral("PF-2026-0007")},
                              {QStringLiteral("received_at"), QStringLiteral("2026-12-01T10:00:00Z")}};
    for (const qint64 id : {erased, control}) {
        QVERIFY(outbox.markSending(id));
        QVERIFY(outbox.recordDelivery(id, receipt));
    }
    const Submission delivered = repo.load(m_admin, erased).value();
    QCOMPARE(delivered.state, relais::SubmissionState::Delivered);
    QVERIFY(delivered.answers.isEmpty());
    QVERIFY(delivered.reducedAt.isValid());
    QCOMPARE(attachments.readAll(m_admin, erasedDocument).code(), ErrorCode::InvalidInput);
    QCOMPARE(chunks(erasedDocument), 0);
    QVERIFY(attachments.list(m_admin, erased)->isEmpty());
    // What the outbox shows stays: the state, the platform's reference, the dates.
    QCOMPARE(delivered.receipt.value(QStringLiteral("reference")).toString(), QStringLiteral("PF-2026-0007"));
    QVERIFY(delivered.deliveredAt.isValid());
    QVERIFY(delivered.queuedAt.isValid());
    const sync::OutboxItem line = outbox.item(m_admin, erased).value();
    QCOMPARE(line.reference, QStringLiteral("PF-2026-0007"));
    QCOMPARE(line.state, relais::SubmissionState::Delivered);
    QVERIFY(line.deliveredAt.isValid());

    // A démarche of a person who stays keeps its answers and documents until the operator decides.
    const Submission kept = repo.load(m_admin, control).value();
    QCOMPARE(kept.answers.value(QStringLiteral("revenus")).toInt(), 1200);
    QVERIFY(!kept.reducedAt.isValid());
    QVERIFY(attachments.readAll(m_admin, keptDocument));
    QVERIFY(m_vault->journal().verify().intact);
}

void TestSubmissionRepository::draftSurvivesKillDuringSaves()
{
    SubmissionRepository repo(m_vault->database()->connection(), &m_vault->journal(), &m_clock);
    auto draft = repo.createDraft(m_admin, QStringLiteral("kill"), 1);
    QVERIFY(draft);
    m_vault.reset(); // the child owns the store while it saves
    // A power cut at any point of a save: 20 of them, at random moments (issue 18).
    for (int round = 0; round < 20; ++round) {
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

void TestSubmissionRepository::fullDiskWhileSavingKeepsTheLastSave()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(8 * 1024 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    auto vault = std::make_unique<Vault>(fs.filePath(QStringLiteral("data")), &m_clock);
    QVERIFY(openAsAlice(*vault));
    const Account alice = vault->account(aliceLogin()).value();
    auto repo = std::make_unique<SubmissionRepository>(vault->database()->connection(), &vault->journal(), &m_clock);
    auto draft = repo->createDraft(alice, QStringLiteral("caf-changement-adresse"), 3);
    QVERIFY(draft);
    const QJsonObject saved{{QStringLiteral("commune"), QStringLiteral("Millau")}, {QStringLiteral("enfants"), 2}};
    QVERIFY(repo->saveDraft(alice, draft->id, saved, QStringLiteral("logement")));

    // The disk fills up (another program, a scanner's folder): the mediator goes on typing.
    QVERIFY(fs.fillLeaving(0));
    const QStringList clear = {
        Database::tr("The disk is full: the last change was not saved. Free some space and try again."),
        Database::tr("The disk could not write the store (it may be full or failing): the last change was not saved. "
                     "Free some space and try again; if it goes on, ask your administrator.")};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject typed{{QStringLiteral("commune"), QStringLiteral("Rodez")},
                                {QStringLiteral("notes"), QString(200 * 1024 + i, QLatin1Char('n'))}};
        const Status s = repo->saveDraft(alice, draft->id, typed, QStringLiteral("revenus"));
        QVERIFY2(!s, "a save on a full disk cannot have succeeded");
        QVERIFY2(clear.contains(s.message()), qPrintable(s.message()));
    }
    // What was saved before is still what a reader sees, in this program and after a restart.
    QCOMPARE(repo->load(alice, draft->id)->answers, saved);
    QVERIFY(fs.removeFiller());
    repo.reset();
    vault.reset();
    Vault reopened(fs.filePath(QStringLiteral("data")), &m_clock);
    QVERIFY(openAsAlice(reopened));
    QVERIFY(reopened.database()->integrityCheck());
    SubmissionRepository after(reopened.database()->connection(), &reopened.journal(), &m_clock);
    auto loaded = after.load(alice, draft->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->answers, saved);
    QCOMPARE(loaded->currentSection, QStringLiteral("logement"));
    QVERIFY(reopened.journal().verify().intact);
    // Space freed: saving works again.
    QVERIFY(after.saveDraft(alice, draft->id, QJsonObject{{QStringLiteral("commune"), QStringLiteral("Rodez")}},
                            QStringLiteral("revenus")));
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
