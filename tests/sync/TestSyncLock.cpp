// One synchronisation at a time per store, across processes (issue 14): relais-admin sync and the kiosk's own engine
// against the real reference platform, with the store's sync lock held by one of them at a time.
#ifdef RELAIS_PLATFORM_PATH
#include "../platform/PlatformHarness.h"
#endif
#include "SyncFixture.h"

#include "client/Enrolment.h"
#include "client/SyncScheduler.h"
#include "store/ProcessLock.h"

#include <QNetworkAccessManager>
#include <QProcess>

using namespace relais;
using namespace relais::test;

namespace {

const QString Busy = QStringLiteral("A synchronisation is running from another program");

QStringList adminSync(const QString &dir, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("sync"),
                       QStringLiteral("--chunk-size"),
                       QStringLiteral("65536"),
                       QStringLiteral("--data-dir"),
                       dir,
                       QStringLiteral("--as"),
                       aliceLogin(),
                       QStringLiteral("--password-stdin")} +
           extra;
}

// relais-admin, started and left running (the test's event loop keeps turning meanwhile), in English.
std::unique_ptr<QProcess> startAdmin(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(RELAIS_ADMIN_PATH), args);
    if (p->waitForStarted(5000)) {
        p->write(alicePassword() + '\n');
        p->closeWriteChannel();
    }
    return p;
}

bool finishes(QProcess &p, int timeoutMs)
{
    return QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
}

struct Queued
{
    qint64 id = 0;
    QString uuid;
    QList<QByteArray> files;
};

} // namespace

class TestSyncLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anotherProgramsRoundIsWaitedForOrRefused();
    void fourAdminSyncsAndTheKioskDeliverEachDemarcheOnce();

private:
    bool startAndEnrol();
    Queued queue(int index, int files);

    std::unique_ptr<TempStoreDir> m_dir;
    std::unique_ptr<Vault> m_vault; // on the system clock, as the kiosk and relais-admin run
#ifdef RELAIS_PLATFORM_PATH
    std::unique_ptr<platformtest::Platform> m_platform;
#endif
};

void TestSyncLock::init()
{
#ifndef RELAIS_PLATFORM_PATH
    QFAIL("relais-platform is not part of this build");
#else
    m_platform = std::make_unique<platformtest::Platform>();
    m_dir = std::make_unique<TempStoreDir>();
    m_vault = std::make_unique<Vault>(m_dir->path(), SystemClock::instance());
    QVERIFY(openAsAlice(*m_vault));
#endif
}

void TestSyncLock::cleanup()
{
    m_vault.reset();
    m_dir.reset();
#ifdef RELAIS_PLATFORM_PATH
    m_platform.reset();
#endif
}

bool TestSyncLock::startAndEnrol()
{
#ifdef RELAIS_PLATFORM_PATH
    if (!m_platform->start())
        return false;
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    std::optional<Result<SyncSettings>> result;
    enrolment.enrol(m_platform->url(QString()), m_platform->enrolmentCode(), QStringLiteral("Kiosque 1"),
                    [&](Result<SyncSettings> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return false;
    return bool(SyncStore(m_vault->database()->connection(), &m_vault->journal(), m_vault->clock())
                    .saveEnrolment(result->value(), aliceLogin()));
#else
    return false;
#endif
}

Queued TestSyncLock::queue(int index, int files)
{
    const QSqlDatabase db = m_vault->database()->connection();
    SubmissionRepository submissions(db, &m_vault->journal(), m_vault->clock());
    AttachmentStore attachments(db, m_vault->clock());
    const Account alice = m_vault->account(aliceLogin()).value();
    Queued q;
    auto draft = submissions.createDraft(alice, QStringLiteral("caf-changement-adresse"), 3);
    if (!draft)
        return q;
    QJsonObject answers{{QStringLiteral("motif"), QStringLiteral("déménagement")}};
    for (int i = 0; i < files; ++i) {
        // Several 64 KiB chunks each, so that rounds last long enough to meet each other.
        const QByteArray bytes = pdfBytes(250 * 1024 + index * 997 + i * 31, quint32(index * 10 + i));
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        const QString field = QStringLiteral("piece_%1").arg(i + 1);
        auto added =
            attachments.add(alice, draft->id, field, QStringLiteral("justificatif-%1.pdf").arg(i + 1), &buffer);
        if (!added)
            return q;
        answers.insert(field, QJsonObject::fromVariantMap(added->fieldValue()));
        q.files.append(bytes);
    }
    if (!submissions.queue(alice, draft->id, answers))
        return q;
    q.id = draft->id;
    q.uuid = submissions.load(alice, draft->id)->uuid;
    return q;
}

// Another program holds the lock: relais-admin gives way at once with its own exit code (--wait 0) or waits its turn;
// the kiosk's engine gives way with the sentence the Envois page shows. Nothing leaves twice.
void TestSyncLock::anotherProgramsRoundIsWaitedForOrRefused()
{
#ifdef RELAIS_PLATFORM_PATH
    QVERIFY(startAndEnrol());
    const Queued item = queue(1, 1);
    QVERIFY(item.id > 0);

    ProcessLock other(QDir(m_dir->path()).filePath(sync::SyncEngine::lockFileName()));
    QCOMPARE(other.tryLock(), ProcessLock::Outcome::Acquired);

    auto refused = startAdmin(adminSync(m_dir->path(), {QStringLiteral("--wait"), QStringLiteral("0")}));
    QVERIFY(finishes(*refused, 60000));
    const QString err = QString::fromUtf8(refused->readAllStandardError()).trimmed();
    QCOMPARE(refused->exitCode(), 6);
    QCOMPARE(err, QStringLiteral("relais-admin: ") + Busy);

    sync::SyncEngine engine(m_vault->database(), &m_vault->journal(), m_vault->clock());
    const RoundSummary given = runRound(engine);
    QVERIFY(given.busyElsewhere);
    QCOMPARE(given.error, sync::SyncEngine::tr("A synchronisation is running from another program"));
    QCOMPARE(given.delivered, 0);
    QCOMPARE(m_platform->list().size(), 0);
    QCOMPARE(SubmissionRepository(m_vault->database()->connection(), &m_vault->journal(), m_vault->clock())
                 .load(m_vault->account(aliceLogin()).value(), item.id)
                 ->state,
             SubmissionState::Queued); // never marked "sending" by a round that did not run

    // With time to wait, relais-admin runs its round as soon as the other program is done.
    auto waiting = startAdmin(adminSync(m_dir->path(), {QStringLiteral("--wait"), QStringLiteral("30")}));
    QVERIFY(!finishes(*waiting, 1500));
    other.unlock();
    QVERIFY(finishes(*waiting, 60000));
    QVERIFY2(waiting->exitCode() == 0, waiting->readAllStandardError().constData());
    QVERIFY(QString::fromUtf8(waiting->readAllStandardOutput()).contains(QLatin1String("delivered 1")));
    QCOMPARE(m_platform->list().size(), 1);

    // The lock died with the process that held it: the kiosk's engine runs its round.
    const RoundSummary after = runRound(engine);
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    QVERIFY(!after.busyElsewhere);
#endif
}

// Four relais-admin sync started 0.2 s apart and the kiosk's engine on its scheduler, all on one store with 30 queued
// démarches: each démarche on the platform exactly once, its documents byte for byte, nothing quarantined.
void TestSyncLock::fourAdminSyncsAndTheKioskDeliverEachDemarcheOnce()
{
#ifdef RELAIS_PLATFORM_PATH
    QVERIFY(startAndEnrol());
    QList<Queued> queued;
    for (int i = 0; i < 30; ++i) {
        queued.append(queue(i, 1 + i % 2));
        QVERIFY(queued.last().id > 0);
    }

    // The kiosk's engine, driven as the kiosk drives it, in this process.
    sync::SyncEngine engine(m_vault->database(), &m_vault->journal(), m_vault->clock());
    engine.setChunkSize(64 * 1024);
    sync::SyncScheduler scheduler(&engine);
    scheduler.setInterval(700);
    scheduler.setBusyRetry(300);
    int kioskRounds = 0;
    int kioskGaveWay = 0;
    int kioskQuarantined = 0;
    int kioskDelivered = 0;
    connect(&engine, &sync::SyncEngine::finished, this, [&](const RoundSummary &s) {
        ++kioskRounds;
        kioskDelivered += s.delivered;
        kioskGaveWay += s.busyElsewhere ? 1 : 0;
        kioskQuarantined += s.quarantined;
    });

    // Two of them give way at once when another program syncs, two wait their turn (default wait). The kiosk joins
    // in between, while the first ones are under way.
    // 0.2 s apart: since the kiosk sends without Nagle's delay, one round delivers the 30 démarches in well under a
    // second, so programs started 0.8 s apart no longer met.
    std::vector<std::unique_ptr<QProcess>> admins;
    for (int i = 0; i < 4; ++i) {
        admins.push_back(startAdmin(adminSync(
            m_dir->path(), i % 2 ? QStringList{} : QStringList{QStringLiteral("--wait"), QStringLiteral("0")})));
        QTest::qWait(100);
        if (i == 1)
            scheduler.startTimers();
        QTest::qWait(100);
    }
    int adminGaveWay = 0;
    int adminDelivered = 0;
    for (auto &p : admins) {
        QVERIFY(finishes(*p, 240000));
        const QString out = QString::fromUtf8(p->readAllStandardOutput());
        const QString err = QString::fromUtf8(p->readAllStandardError()).trimmed();
        QVERIFY2(p->exitStatus() == QProcess::NormalExit, qPrintable(err));
        QVERIFY2(p->exitCode() == 0 || p->exitCode() == 6, qPrintable(err));
        if (p->exitCode() == 6) {
            QCOMPARE(err, QStringLiteral("relais-admin: ") + Busy);
            ++adminGaveWay;
        } else {
            QVERIFY2(out.contains(QLatin1String("quarantined 0")), qPrintable(out));
            const auto m = QRegularExpression(QStringLiteral("^delivered (\\d+)$"), QRegularExpression::MultilineOption)
                               .match(out);
            adminDelivered += m.hasMatch() ? m.captured(1).toInt() : 0;
        }
    }
    // The kiosk finishes what is left.
    const QSqlDatabase db = m_vault->database()->connection();
    SyncStore store(db, &m_vault->journal(), m_vault->clock());
    QVERIFY(QTest::qWaitFor([&] { return store.waitingCount().value() == 0 && !engine.isRunning(); }, 120000));
    scheduler.stopTimers();
    QVERIFY(QTest::qWaitFor([&] { return !engine.isRunning(); }, 30000));
    qInfo("relais-admin: %d delivered, %d gave way; kiosk: %d rounds, %d delivered, %d gave way", adminDelivered,
          adminGaveWay, kioskRounds, kioskDelivered, kioskGaveWay);
    // The runs really met: some program found another one's round under way.
    QVERIFY(adminGaveWay + kioskGaveWay > 0);
    QCOMPARE(kioskQuarantined, 0);

    // The platform: each démarche exactly once, each document with the very bytes the kiosk queued.
    const QJsonArray stored = m_platform->list();
    QHash<QString, QJsonObject> byUuid;
    for (const QJsonValue &v : stored) {
        const QJsonObject o = v.toObject();
        const QString uuid = o.value(QLatin1String("uuid")).toString().toLower();
        QVERIFY2(!byUuid.contains(uuid), "a démarche arrived twice");
        byUuid.insert(uuid, o);
    }
    QCOMPARE(stored.size(), queued.size());
    SubmissionRepository submissions(db, &m_vault->journal(), m_vault->clock());
    const Account alice = m_vault->account(aliceLogin()).value();
    for (const Queued &q : queued) {
        // Delivered, not quarantined, with the platform's reference.
        const auto local = submissions.load(alice, q.id);
        QVERIFY(local);
        QCOMPARE(local->state, SubmissionState::Delivered);
        const QJsonObject remote = byUuid.value(q.uuid.toLower());
        QVERIFY2(!remote.isEmpty(), "a queued démarche is missing on the platform");
        QCOMPARE(local->receipt.value(QLatin1String("reference")).toString(),
                 remote.value(QLatin1String("reference")).toString());
        const QJsonArray documents = remote.value(QLatin1String("attachments")).toArray();
        QCOMPARE(documents.size(), q.files.size());
        for (const QJsonValue &d : documents) {
            const QJsonObject o = d.toObject();
            const int index = o.value(QLatin1String("field")).toString().section(QLatin1Char('_'), 1).toInt() - 1;
            QVERIFY(index >= 0 && index < q.files.size());
            QFile file(o.value(QLatin1String("path")).toString());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(file.readAll() == q.files.at(index), "the platform's copy differs from the kiosk's document");
        }
    }
#endif
}

QTEST_GUILESS_MAIN(TestSyncLock)
#include "TestSyncLock.moc"
