// Retention rules with a fake clock: inactive files erased, decided démarches reduced to their receipt,
// expired démarches and abandoned drafts removed, queued ones never touched, all journaled by counts.
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "SyncStore.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Retention.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {
constexpr qint64 Day = 24 * 3600;
}

class TestRetention : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStoreDir> m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;

    QSqlDatabase db() { return m_vault->database()->connection(); }
    CitizenRepository citizens() { return {db(), &m_vault->journal(), m_clock.get()}; }
    SubmissionRepository submissions() { return {db(), &m_vault->journal(), m_clock.get()}; }
    Retention retention() { return {db(), &m_vault->journal(), m_clock.get(), nullptr}; }
    // Delivery and the operator's decisions arrive the way the sync engine records them.
    sync::SyncStore outbox() { return {db(), &m_vault->journal(), m_clock.get()}; }
    bool operatorSays(qint64 id, const QString &status)
    {
        const QString uuid = submissions().load(m_admin, id)->uuid;
        const auto applied =
            outbox().applyStatusChanges({{uuid, {status, QStringLiteral(""), m_clock->now()}}}, QStringLiteral("c"));
        if (!applied)
            qWarning("%s", qPrintable(applied.message()));
        return applied && applied->size() == 1;
    }
    qint64 person(const QString &name);
    qint64 queued(qint64 citizen, const QString &answer);
    int rows(const QString &sql);
    QStringList planned(int horizonDays);

private Q_SLOTS:
    void init();
    void cleanup();
    void inactiveFilesAreErasedAfterThePeriod();
    void inactivityPeriodIsASetting();
    void decidedDemarchesAreReducedToTheirReceipt();
    void waitingDemarchesAreNeverTouched();
    void abandonedDraftsGo();
    void erasedPersonsDemarcheGoesOnceDelivered();
};

void TestRetention::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_clock = std::make_unique<FakeClock>();
    m_vault = std::make_unique<Vault>(m_dir->path(), m_clock.get());
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS")));
    m_admin = m_vault->account(aliceLogin()).value();
}

void TestRetention::cleanup()
{
    m_vault.reset();
    m_dir.reset();
}

qint64 TestRetention::person(const QString &name)
{
    Citizen c;
    c.birthName = name;
    c.givenNames = QStringLiteral("Anne");
    const auto created = citizens().create(m_admin, c);
    return created ? created->id : 0;
}

qint64 TestRetention::queued(qint64 citizen, const QString &answer)
{
    auto repo = submissions();
    auto draft = repo.createDraft(m_admin, QStringLiteral("caf-x"), 1, citizen);
    if (!draft || !repo.queue(m_admin, draft->id, QJsonObject{{QStringLiteral("nom"), answer}}))
        return 0;
    return draft->id;
}

int TestRetention::rows(const QString &sql)
{
    QSqlQuery q(db());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

QStringList TestRetention::planned(int horizonDays)
{
    QStringList out;
    const auto plan = retention().plan(horizonDays);
    if (!plan)
        return {QStringLiteral("<error>")};
    for (const RetentionItem &item : plan.value())
        out << QStringLiteral("%1:%2").arg(int(item.kind)).arg(item.label);
    return out;
}

void TestRetention::inactiveFilesAreErasedAfterThePeriod()
{
    const qint64 idle = person(QStringLiteral("Dormant"));
    const qint64 busy = person(QStringLiteral("Actif"));
    QVERIFY(idle && busy);
    m_clock->advanceSecs(200 * Day);
    QVERIFY(citizens().touch(busy)); // a démarche for this person, 200 days later
    m_clock->advanceSecs(150 * Day); // 350 days after creation
    QCOMPARE(planned(0), QStringList{});
    // The administrator sees it coming: due in about 15 days.
    const auto soon = retention().plan(30);
    QVERIFY(soon);
    QCOMPARE(soon->size(), 1);
    QCOMPARE(soon->first().kind, RetentionItem::Kind::InactiveFile);
    QCOMPARE(soon->first().objectId, idle);
    QCOMPARE(soon->first().label, QStringLiteral("DORMANT Anne"));
    QCOMPARE(soon->first().due, QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).addMonths(12));
    m_clock->advanceSecs(20 * Day);
    const auto report = retention().purge(QStringLiteral("system"));
    QVERIFY2(report, qPrintable(report.message()));
    QCOMPARE(report->filesErased, 1);
    QCOMPARE(citizens().load(m_admin, idle).code(), ErrorCode::InvalidInput);
    QVERIFY(citizens().load(m_admin, busy));
    QVERIFY(!dumpTables(db()).contains(QStringLiteral("dormant"), Qt::CaseInsensitive));
    // Journaled by counts, never by name.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, object FROM journal WHERE action = 'retention_purge'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("system"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("files:1 reduced:0 demarches:0 drafts:0"));
    QVERIFY(m_vault->journal().verify().intact);
    // Nothing left to do: a second purge changes nothing and journals nothing.
    QCOMPARE(retention().purge(QStringLiteral("system"))->filesErased, 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM journal WHERE action = 'retention_purge'")), 1);
}

void TestRetention::inactivityPeriodIsASetting()
{
    QCOMPARE(retention().inactivityMonths(), Retention::DefaultInactivityMonths);
    person(QStringLiteral("Court"));
    QVERIFY(m_vault->setSetting(m_admin, Retention::inactivitySettingKey(), QStringLiteral("3")));
    QCOMPARE(retention().inactivityMonths(), 3);
    m_clock->advanceSecs(80 * Day);
    QCOMPARE(planned(0), QStringList{});
    QCOMPARE(planned(15).size(), 1);
    m_clock->advanceSecs(15 * Day);
    QCOMPARE(retention().purge(m_admin.login)->filesErased, 1);
}

void TestRetention::decidedDemarchesAreReducedToTheirReceipt()
{
    // The file itself stays longer than the receipt here, so that only the démarche rules apply.
    QVERIFY(m_vault->setSetting(m_admin, Retention::inactivitySettingKey(), QStringLiteral("36")));
    const qint64 who = person(QStringLiteral("Receveur"));
    const qint64 id = queued(who, QStringLiteral("Réponse-Zygomar"));
    QVERIFY(id);
    AttachmentStore attachments(db(), m_clock.get());
    QByteArray pdf("%PDF-1.4\nZygomarpiece\n%%EOF\n");
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(attachments.add(m_admin, id, QStringLiteral("piece"), QStringLiteral("justificatif.pdf"), &buffer));
    auto repo = submissions();
    QVERIFY(outbox().markSending(id)); // the engine claims it before the first byte leaves
    QVERIFY(outbox().recordDelivery(id, QJsonObject{{QStringLiteral("reference"), QStringLiteral("PF-2026-0042")}}));
    m_clock->advanceSecs(3 * Day);
    QVERIFY(operatorSays(id, QStringLiteral("in_review")));
    QCOMPARE(planned(0), QStringList{}); // no decision yet: the answers may still be needed
    m_clock->advanceSecs(10 * Day);
    QVERIFY(operatorSays(id, QStringLiteral("accepted")));
    const auto report = retention().purge(m_admin.login);
    QVERIFY(report);
    QCOMPARE(report->payloadsReduced, 1);
    QCOMPARE(report->demarchesRemoved, 0);
    const Submission reduced = repo.load(m_admin, id).value();
    QCOMPARE(reduced.state, relais::SubmissionState::Accepted);
    QVERIFY(reduced.answers.isEmpty());
    QVERIFY(reduced.reducedAt.isValid());
    QCOMPARE(reduced.receipt.value(QStringLiteral("reference")).toString(), QStringLiteral("PF-2026-0042"));
    QCOMPARE(attachments.list(m_admin, id)->size(), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM attachment_chunks")), 0);
    const QString dump = dumpTables(db());
    QVERIFY(!dump.contains(QStringLiteral("Zygomar")));
    QVERIFY(!dump.contains(QString::fromLatin1(QByteArray("Zygomar").toHex())));
    // The receipt stays for the démarche's retention period (365 days without a catalogue), then goes.
    m_clock->advanceSecs(364 * Day);
    QCOMPARE(retention().purge(m_admin.login)->demarchesRemoved, 0);
    m_clock->advanceSecs(2 * Day);
    QCOMPARE(retention().purge(m_admin.login)->demarchesRemoved, 1);
    QCOMPARE(repo.load(m_admin, id).code(), ErrorCode::InvalidInput);
}

void TestRetention::waitingDemarchesAreNeverTouched()
{
    const qint64 who = person(QStringLiteral("Patient"));
    const qint64 id = queued(who, QStringLiteral("en attente"));
    m_clock->advanceSecs(3 * 365 * Day); // the bus was offline for a very long time
    const auto report = retention().purge(m_admin.login);
    QVERIFY(report);
    QCOMPARE(report->filesErased, 1); // the file goes, the démarche waits for delivery
    const Submission waiting = submissions().load(m_admin, id).value();
    QCOMPARE(waiting.state, relais::SubmissionState::Queued);
    QCOMPARE(waiting.answers.value(QStringLiteral("nom")).toString(), QStringLiteral("en attente"));
    QCOMPARE(rows(QStringLiteral("SELECT erase_after_delivery FROM submissions WHERE id = %1").arg(id)), 1);
}

void TestRetention::abandonedDraftsGo()
{
    const qint64 who = person(QStringLiteral("Brouillon"));
    auto draft = submissions().createDraft(m_admin, QStringLiteral("caf-x"), 1, who);
    QVERIFY(draft);
    m_clock->advanceSecs(300 * Day);
    QVERIFY(citizens().touch(who));
    m_clock->advanceSecs(66 * Day);
    const auto report = retention().purge(m_admin.login);
    QCOMPARE(report->draftsRemoved, 1);
    QCOMPARE(report->filesErased, 0);
    QCOMPARE(submissions().load(m_admin, draft->id).code(), ErrorCode::InvalidInput);
}

void TestRetention::erasedPersonsDemarcheGoesOnceDelivered()
{
    const qint64 who = person(QStringLiteral("Parti"));
    const qint64 id = queued(who, QStringLiteral("à livrer"));
    QVERIFY(citizens().erase(m_admin, who, CitizenRepository::QueuedOnErasure::DeliverFirst));
    QCOMPARE(retention().purge(m_admin.login)->demarchesRemoved, 0);
    QVERIFY(outbox().markSending(id)); // the engine claims it before the first byte leaves
    QVERIFY(outbox().recordDelivery(id, QJsonObject{{QStringLiteral("reference"), QStringLiteral("R1")}}));
    QCOMPARE(planned(0).size(), 1);
    QCOMPARE(retention().purge(m_admin.login)->demarchesRemoved, 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM submissions")), 0);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "TestRetention.moc"
