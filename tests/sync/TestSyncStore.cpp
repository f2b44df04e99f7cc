#include "SyncFixture.h"

#include <QUuid>

using namespace relais;
using namespace relais::test;

class TestSyncStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enrolmentIsStoredAndJournaledWithoutToken();
    void incompleteEnrolmentIsRefused();
    void outboxShowsWaitingAndRecentItems();
    void volunteerSeesOnlyTheirOutboxLines();
    void dueItemsFollowBackoff();
    void quarantineIsJournaledAndReopenKeepsUuid();
    void reopenRefusedUnlessQuarantined();

private:
    std::unique_ptr<Kiosk> m_kiosk;
};

void TestSyncStore::init()
{
    m_kiosk = std::make_unique<Kiosk>();
    QVERIFY(m_kiosk->open());
}

void TestSyncStore::cleanup()
{
    m_kiosk.reset();
}

void TestSyncStore::enrolmentIsStoredAndJournaledWithoutToken()
{
    Kiosk &k = *m_kiosk;
    QVERIFY(!k.store().settings()->isEnrolled());
    QVERIFY(k.store().setStopped(QStringLiteral("révoqué")));
    QVERIFY(k.store().setValue(QLatin1String(SyncStore::StatusCursorKey), QStringLiteral("12")));
    const protocol::SigningKey key = protocol::SigningKey::generate();
    const QByteArray token = "secret-token-0123456789-abcdefghijklmnopqrstu";
    QVERIFY(k.enrol(QUrl(QStringLiteral("https://plateforme.example/relais")), token, key.publicKey));

    const SyncSettings s = k.store().settings().value();
    QVERIFY(s.isEnrolled());
    QCOMPARE(s.platformUrl, QUrl(QStringLiteral("https://plateforme.example/relais")));
    QCOMPARE(s.token, token);
    QCOMPARE(s.platformKey, key.publicKey);
    QCOMPARE(s.platformName, QStringLiteral("Plateforme de test"));
    // A new identity lifts the stop and restarts the status feed.
    QVERIFY(k.store().stoppedReason().isEmpty());
    QVERIFY(k.store().value(QLatin1String(SyncStore::StatusCursorKey)).isEmpty());

    QSqlQuery q(k.db());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, action, object FROM journal WHERE action = 'device_enrolled'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), aliceLogin());
    QCOMPARE(q.value(2).toString(), QStringLiteral("device:") + s.deviceId);
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(actor || action || object) FROM journal")));
    QVERIFY(q.next());
    QVERIFY(!q.value(0).toString().contains(QString::fromLatin1(token)));
}

void TestSyncStore::incompleteEnrolmentIsRefused()
{
    Kiosk &k = *m_kiosk;
    SyncSettings s;
    s.platformUrl = QUrl(QStringLiteral("https://plateforme.example"));
    s.deviceId = QStringLiteral("d");
    s.token = "t";
    s.platformKey = QByteArray(31, 'k'); // not an Ed25519 key
    const Status saved = k.store().saveEnrolment(s, aliceLogin());
    QVERIFY(!saved);
    QVERIFY(!saved.message().isEmpty());
    QVERIFY(!k.store().settings()->isEnrolled());
    QVERIFY(!k.journalActions().contains(QStringLiteral("device_enrolled")));
}

void TestSyncStore::outboxShowsWaitingAndRecentItems()
{
    Kiosk &k = *m_kiosk;
    const QByteArray file = pdfBytes(4000, 9);
    const qint64 waiting = k.queue(QStringLiteral("caf-a"), {file});
    const qint64 old = k.queue(QStringLiteral("caf-b"));
    const qint64 recent = k.queue(QStringLiteral("caf-c"));
    const Account alice = k.vault().account(aliceLogin()).value();
    const qint64 draft = k.submissions().createDraft(alice, QStringLiteral("caf-d"), 1)->id;
    const QJsonObject receipt{{QStringLiteral("uuid"), k.uuid(old)},
                              {QStringLiteral("reference"), QStringLiteral("RLS-2026-000007")},
                              {QStringLiteral("received_at"), QStringLiteral("2026-01-05T09:00:05Z")}};
    QVERIFY(k.store().markSending(old));
    QVERIFY(k.store().recordDelivery(old, receipt));
    k.clock.advanceSecs(31 * 24 * 3600);
    QVERIFY(k.store().markSending(recent));
    QVERIFY(k.store().recordDelivery(recent, QJsonObject{{QStringLiteral("reference"), QStringLiteral("RLS-9")}}));
    const qint64 attachmentId = AttachmentStore(k.db(), &k.clock).list(k.alice(), waiting)->first().id;
    QVERIFY(k.store().markSending(waiting));
    sync::UploadState upload;
    upload.attachmentId = attachmentId;
    upload.submissionId = waiting;
    upload.url = QUrl(QStringLiteral("http://127.0.0.1:1/v1/uploads/abc"));
    upload.offset = 1000;
    upload.length = file.size();
    QVERIFY(k.store().saveUpload(upload));

    const QList<sync::OutboxItem> items = k.store().outbox(k.alice()).value();
    QList<qint64> ids;
    for (const sync::OutboxItem &i : items)
        ids.append(i.submissionId);
    // Delivered more than 30 days ago, and drafts, are not in the outbox.
    QVERIFY(ids.contains(waiting));
    QVERIFY(ids.contains(recent));
    QVERIFY(!ids.contains(old));
    QVERIFY(!ids.contains(draft));
    const sync::OutboxItem w = k.item(waiting);
    QCOMPARE(w.state, relais::SubmissionState::Sending);
    QCOMPARE(w.bytesTotal, qint64(file.size()));
    QCOMPARE(w.bytesSent, qint64(1000));
    QCOMPARE(w.demarcheId, QStringLiteral("caf-a"));
    QCOMPARE(w.demarcheVersion, 3);
    QVERIFY(w.queuedAt.isValid());
    QCOMPARE(k.item(old).reference, QStringLiteral("RLS-2026-000007"));
    QCOMPARE(k.item(old).deliveredAt, QDateTime(QDate(2026, 1, 5), QTime(9, 0, 5), Qt::UTC));
    QCOMPARE(k.item(recent).reference, QStringLiteral("RLS-9"));
    QCOMPARE(k.store().waitingCount().value(), 1);
    // Delivery drops the upload bookkeeping; everything counts as sent.
    QVERIFY(k.store().recordDelivery(waiting, QJsonObject{{QStringLiteral("reference"), QStringLiteral("RLS-10")}}));
    QVERIFY(!k.store().upload(attachmentId).has_value());
    QCOMPARE(k.item(waiting).bytesSent, qint64(file.size()));
    QCOMPARE(k.store().waitingCount().value(), 0);
}

void TestSyncStore::volunteerSeesOnlyTheirOutboxLines()
{
    Kiosk &k = *m_kiosk;
    const qint64 alices = k.queue(QStringLiteral("caf-a"));
    QVERIFY(k.vault().addAccount(k.alice(), QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                                 secret("a long enough password here")));
    const Account vera = k.vault().account(QStringLiteral("vera")).value();
    SubmissionRepository submissions = k.submissions();
    const qint64 veras = submissions.createDraft(vera, QStringLiteral("caf-b"), 1)->id;
    QVERIFY(submissions.queue(vera, veras, QJsonObject{{QStringLiteral("motif"), QStringLiteral("x")}}));

    QList<qint64> ids;
    for (const sync::OutboxItem &i : k.store().outbox(vera).value())
        ids.append(i.submissionId);
    QCOMPARE(ids, QList<qint64>{veras});
    const Result<sync::OutboxItem> line = k.store().item(vera, alices);
    QCOMPARE(line.code(), ErrorCode::PermissionDenied);
    QCOMPARE(line.message(), Access::tr("Volunteers can only open the démarches they started or those of the people "
                                        "whose file they created."));
    QVERIFY(k.store().item(vera, veras));
    QCOMPARE(k.store().reopenForCorrection(vera, alices).code(), ErrorCode::PermissionDenied);
    // An administrator sees the whole outbox, and the engine still has both to send.
    QCOMPARE(k.store().outbox(k.alice())->size(), 2);
    QCOMPARE(k.store().dueItems(true)->size(), 2);
}

void TestSyncStore::dueItemsFollowBackoff()
{
    Kiosk &k = *m_kiosk;
    const qint64 a = k.queue(QStringLiteral("caf-a"));
    const qint64 b = k.queue(QStringLiteral("caf-b"));
    QCOMPARE(k.store().dueItems(false).value(), (QList<qint64>{a, b}));
    QVERIFY(k.store().markSending(a));
    QVERIFY(k.store().scheduleRetry(a, QStringLiteral("busy"), k.clock.now().addSecs(60)));
    QCOMPARE(k.store().attempts(a), 1);
    QCOMPARE(k.store().dueItems(false).value(), QList<qint64>{b});
    QCOMPARE(k.store().dueItems(true).value(), (QList<qint64>{a, b}));
    k.clock.advanceSecs(60);
    QCOMPARE(k.store().dueItems(false).value(), (QList<qint64>{a, b}));
}

void TestSyncStore::quarantineIsJournaledAndReopenKeepsUuid()
{
    Kiosk &k = *m_kiosk;
    const qint64 id = k.queue(QStringLiteral("caf-a"), {pdfBytes(3000, 1)});
    const QString oldUuid = k.uuid(id);
    QVERIFY(k.store().markSending(id));
    QVERIFY(k.store().quarantine(id, QStringLiteral("Pièce illisible.")));
    QCOMPARE(k.state(id), QStringLiteral("quarantined"));
    QCOMPARE(k.item(id).quarantineReason, QStringLiteral("Pièce illisible."));
    QVERIFY(k.store().dueItems(true)->isEmpty());
    QVERIFY(k.journalActions().contains(QStringLiteral("submission_quarantined")));

    QVERIFY(k.store().reopenForCorrection(k.alice(), id));
    const Submission reopened = k.submissions().load(k.alice(), id).value();
    QCOMPARE(reopened.state, relais::SubmissionState::Draft);
    // The same UUID: the platform may hold the first sending, and must answer the resend with that record.
    QCOMPARE(reopened.uuid, oldUuid);
    QCOMPARE(reopened.answers.value(QLatin1String("motif")).toString(), QStringLiteral("déménagement"));
    QCOMPARE(AttachmentStore(k.db(), &k.clock).list(k.alice(), id)->size(), 1); // the documents stay for the correction
    QVERIFY(k.journalActions().contains(QStringLiteral("submission_reopened")));
    // Queued again, it goes without the old quarantine.
    QVERIFY(k.submissions().queue(k.alice(), id, reopened.answers));
    QVERIFY(k.item(id).quarantineReason.isEmpty());
    QCOMPARE(k.store().dueItems(false).value(), QList<qint64>{id});
}

void TestSyncStore::reopenRefusedUnlessQuarantined()
{
    Kiosk &k = *m_kiosk;
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    const QString uuid = k.uuid(id);
    const Status s = k.store().reopenForCorrection(k.alice(), id);
    QVERIFY(!s);
    QVERIFY(!s.message().isEmpty());
    QCOMPARE(k.state(id), QStringLiteral("queued"));
    QCOMPARE(k.uuid(id), uuid);
    QVERIFY(!k.journalActions().contains(QStringLiteral("submission_reopened")));
}

QTEST_GUILESS_MAIN(TestSyncStore)
#include "TestSyncStore.moc"
