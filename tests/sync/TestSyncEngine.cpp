#include "SyncFixture.h"
#include "TinyTmpfs.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <QElapsedTimer>

using namespace relais;
using namespace relais::test;

namespace {

// The state of a submission as the store has it right now (committed, seen from the test's connection).
QString committedState(Kiosk &k, qint64 id)
{
    QSqlQuery q(k.db());
    q.prepare(QStringLiteral("SELECT state FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

qint64 committedOffset(Kiosk &k, qint64 attachmentId)
{
    QSqlQuery q(k.db());
    q.prepare(QStringLiteral("SELECT \"offset\" FROM uploads WHERE attachment_id = ?"));
    q.addBindValue(attachmentId);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<RecordedRequest> requestsFor(const FakePlatform &p, const QByteArray &method, const QByteArray &prefix)
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : p.server.requests())
        if (r.method == method && r.pathWithoutQuery().startsWith(prefix))
            out.append(r);
    return out;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstDeliveryUploadsThenPuts();
    void noChecksumWhenServerDoesNotOfferIt();
    void lostResponseIsDeliveredOnce();
    void refusalsQuarantineAndQueueGoesOn();
    void damagedDocumentNeverLeavesWhole();
    void serverErrorBacksOff();
    void tooManyRequestsHonoursRetryAfter_data();
    void tooManyRequestsHonoursRetryAfter();
    void captivePortalSendsNothing();
    void droppedChunkResumesAfterRestart();
    void unauthorizedStopsUntilReEnrolment();
    void hangingRequestTimesOut();
    void truncatedReceiptIsRetried();
    void htmlReceiptIsNotDelivered();
    void catalogueIsVerifiedBeforeStoring();
    void fullDiskWhileReceivingACatalogueKeepsThePreviousOne();
    void statusUpdatesArePulledWithCursor();
    void journalHeadSentWhenItChanges();
    void journalReceiptNotSignedByThePlatformIsNotKept();
    void enrolmentWithAnotherPlatformStartsReceiptsAfresh();
    void uploadAddressOnAnotherOriginGetsNothing_data();
    void uploadAddressOnAnotherOriginGetsNothing();
    void olderSignedCatalogueIsRefusedAfterRestart();
    void notEnrolledDoesNothing();
    void cancelKeepsWhatWasConfirmed();
    void strictIntermediaryGetsNoExpectHeader();
    void onlyThePlatformCanRefuse_data();
    void onlyThePlatformCanRefuse();
    void proxyRefusalOfTheTokenDoesNotStopTheQueue();
    void nextSliceIsReadWhileOneIsOnTheWire();
    void resumedUploadIsVerifiedBeforeItsLastSlice();
    void jsonBodiesAreGzippedOnlyForAPlatformThatReadsThem();
    void nextDocumentIsReadWhileOneIsOnTheWire();

private:
    std::unique_ptr<Kiosk> m_kiosk;
    std::unique_ptr<FakePlatform> m_platform;
};

void TestSyncEngine::init()
{
    m_platform = std::make_unique<FakePlatform>();
    QVERIFY(m_platform->listen());
    m_kiosk = std::make_unique<Kiosk>();
    QVERIFY(m_kiosk->open());
    QVERIFY(m_kiosk->enrol(m_platform->url(), m_platform->token, m_platform->key.publicKey));
}

void TestSyncEngine::cleanup()
{
    m_kiosk.reset();
    m_platform.reset();
}

void TestSyncEngine::firstDeliveryUploadsThenPuts()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const QByteArray big = pdfBytes(150 * 1024, 1);
    const QByteArray small = pdfBytes(3000, 2);
    const qint64 id = k.queue(QStringLiteral("caf-changement-adresse"), {big, small});
    QVERIFY(id > 0);
    const QString uuid = k.uuid(id);
    const auto attachments = AttachmentStore(k.db(), &k.clock).list(k.alice(), id).value();
    QCOMPARE(attachments.size(), 2);

    // What the store holds at the moment each request arrives.
    QStringList statesSeen;
    QList<QPair<qint64, qint64>> patchOffsets; // (Upload-Offset sent, offset committed locally at that moment)
    bool readerConnectionOpen = false;         // the chunks are read on a worker thread's own connection
    const auto workerConnections = [] {
        QStringList names = QSqlDatabase::connectionNames();
        return names.filter(QRegularExpression(QStringLiteral("-t\\d+$")));
    };
    QVERIFY(workerConnections().isEmpty());
    p.observe = [&](const RecordedRequest &r) {
        if (r.method == "PATCH")
            readerConnectionOpen = readerConnectionOpen || !workerConnections().isEmpty();
        if (r.pathWithoutQuery().startsWith("/v1/uploads/") ||
            r.pathWithoutQuery() == QByteArray("/v1/submissions/" + uuid.toLatin1()))
            statesSeen.append(committedState(k, id));
        if (r.method == "PATCH") {
            const QString upload = QString::fromLatin1(r.pathWithoutQuery().mid(int(strlen("/v1/uploads/"))));
            const bool first = p.uploads.value(upload).metadata.value(QStringLiteral("filename")) ==
                               QLatin1String("justificatif-1.pdf");
            const qint64 attachment = first ? attachments.at(0).id : attachments.at(1).id;
            patchOffsets.append({r.header("Upload-Offset").toLongLong(), committedOffset(k, attachment)});
        }
    };

    auto engine = k.engine();
    engine->setChunkSize(64 * 1024);
    QSignalSpy progress(engine.get(), &SyncEngine::itemProgress);
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QVERIFY(summary.online);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(summary.waiting, 0);

    // "sending" was committed before the first byte of the item left, and stayed so until the receipt.
    QVERIFY(!statesSeen.isEmpty());
    for (const QString &s : statesSeen)
        QCOMPARE(s, QStringLiteral("sending"));
    // Offsets: each chunk leaves from the offset committed after the previous acknowledgement.
    QCOMPARE(patchOffsets.size(), 4); // 150 KiB in 64 KiB chunks, then the small file
    for (const auto &o : patchOffsets)
        QCOMPARE(o.first, o.second);
    // Read off the GUI thread, and that thread's connection is closed with the round.
    QVERIFY(readerConnectionOpen);
    QVERIFY(workerConnections().isEmpty());

    // The platform holds byte-identical files, announced with the right metadata.
    QCOMPARE(p.uploads.size(), 2);
    QMap<QString, QByteArray> received;
    for (auto it = p.uploads.cbegin(); it != p.uploads.cend(); ++it) {
        QCOMPARE(it->metadata.value(QStringLiteral("submission")), uuid);
        QCOMPARE(it->metadata.value(QStringLiteral("content_type")), QStringLiteral("application/pdf"));
        QCOMPARE(it->metadata.value(QStringLiteral("sha256")).toLatin1(), sha256Hex(it->data));
        received.insert(it->metadata.value(QStringLiteral("filename")), it->data);
    }
    QCOMPARE(received.value(QStringLiteral("justificatif-1.pdf")), big);
    QCOMPARE(received.value(QStringLiteral("justificatif-2.pdf")), small);

    // tus 1.0.0 on every upload request, checksums since the server offers them, no Expect header at all.
    for (const RecordedRequest &r : p.server.requests()) {
        if (r.pathWithoutQuery().startsWith("/v1/uploads/") && r.method != "OPTIONS")
            QCOMPARE(r.header("Tus-Resumable"), QByteArray("1.0.0"));
        if (r.method == "PATCH") {
            QCOMPARE(r.header("Content-Type"), QByteArray("application/offset+octet-stream"));
            QCOMPARE(r.header("Upload-Checksum"),
                     "sha256 " + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toBase64());
        }
        QVERIFY2(!carriesHeader(r, "Expect"), r.method.constData());
    }
    QCOMPARE(p.count("OPTIONS", QStringLiteral("/v1/uploads/")), 1);

    // The PUT came after the uploads and names them; the local attachment id is not sent.
    const QList<RecordedRequest> puts = requestsFor(p, "PUT", "/v1/submissions/");
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts.first().pathWithoutQuery(), "/v1/submissions/" + uuid.toLatin1());
    const QJsonObject body = p.bodies.value(uuid);
    QCOMPARE(body.value(QLatin1String("demarche")).toString(), QStringLiteral("caf-changement-adresse"));
    QCOMPARE(body.value(QLatin1String("demarche_version")).toInt(), 3);
    QVERIFY(body.value(QLatin1String("queued_at")).toString().endsWith(QLatin1Char('Z')));
    const QJsonObject piece =
        body.value(QLatin1String("answers")).toObject().value(QLatin1String("piece_1")).toObject();
    QVERIFY(!piece.contains(QLatin1String("id")));
    QCOMPARE(piece.value(QLatin1String("sha256")).toString().toLatin1(), sha256Hex(big));
    QVERIFY(p.uploads.contains(piece.value(QLatin1String("upload")).toString()));
    QCOMPARE(body.value(QLatin1String("attachments")).toArray().size(), 2);
    QCOMPARE(body.value(QLatin1String("attachments")).toArray().at(0).toObject().value(QLatin1String("field")),
             QJsonValue(QStringLiteral("piece_1")));

    // The mediator sees it delivered with the platform's reference; the journal says so.
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    const sync::OutboxItem item = k.item(id);
    QCOMPARE(item.reference, QStringLiteral("RLS-2026-000001"));
    QCOMPARE(item.deliveredAt, QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC));
    QCOMPARE(item.bytesSent, item.bytesTotal);
    QCOMPARE(item.bytesTotal, qint64(big.size() + small.size()));
    QVERIFY(k.journalActions().contains(QStringLiteral("submission_delivered")));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(big.size() + small.size()));
    QVERIFY(k.store().lastSuccess().isValid());
    QCOMPARE(k.store().waitingCount().value(), 0);
}

void TestSyncEngine::noChecksumWhenServerDoesNotOfferIt()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    p.checksumExtension = false;
    const QByteArray file = pdfBytes(20000, 3);
    const qint64 id = k.queue(QStringLiteral("cpam-c2s"), {file});
    auto engine = k.engine();
    engine->setChunkSize(8192);
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    const QList<RecordedRequest> patches = requestsFor(p, "PATCH", "/v1/uploads/");
    QCOMPARE(patches.size(), 3);
    for (const RecordedRequest &r : patches)
        QVERIFY(r.header("Upload-Checksum").isEmpty());
    QCOMPARE(p.uploads.first().data, file);
}

void TestSyncEngine::lostResponseIsDeliveredOnce()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-prime-activite"));
    const QString uuid = k.uuid(id);
    // During the first round the platform stores the submission, then every connection dies before the receipt
    // arrives (Qt itself may send an idempotent PUT again on a closed connection: those die too).
    bool cut = true;
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().startsWith("/v1/submissions/") && cut) {
            (void)p.submission(r, uuid);
            return ScriptedReply::closeNow();
        }
        return std::nullopt;
    };
    auto engine = k.engine();
    RoundSummary summary = runRound(*engine);
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(summary.retrying, 1);
    // Not assumed delivered: still being sent, with a retry planned.
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(k.item(id).attempts, 1);
    QVERIFY(k.item(id).nextAttemptAt > k.clock.now());
    QVERIFY(!k.item(id).lastError.isEmpty());
    const int putsInFirstRound = p.count("PUT", QStringLiteral("/v1/submissions/.*"));
    QVERIFY(putsInFirstRound >= 1);

    cut = false;
    summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.delivered, 1);
    const QList<RecordedRequest> puts = requestsFor(p, "PUT", "/v1/submissions/");
    QCOMPARE(puts.size(), putsInFirstRound + 1);
    for (const RecordedRequest &put : puts) {
        QCOMPARE(put.pathWithoutQuery(), "/v1/submissions/" + uuid.toLatin1());
        QCOMPARE(put.body, puts.first().body);
    }
    QCOMPARE(p.submissions.size(), 1);
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    QCOMPARE(k.item(id).reference, QStringLiteral("RLS-2026-000001"));
    QCOMPARE(k.journalActions().count(QStringLiteral("submission_delivered")), 1);
}

void TestSyncEngine::refusalsQuarantineAndQueueGoesOn()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 conflicting = k.queue(QStringLiteral("caf-a"));
    const qint64 refused = k.queue(QStringLiteral("caf-b"));
    const qint64 fine = k.queue(QStringLiteral("caf-c"));
    const QString conflictingUuid = k.uuid(conflicting);
    const QString refusedUuid = k.uuid(refused);
    p.submissions.insert(conflictingUuid, "another content"); // the platform already holds something else
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().endsWith(refusedUuid.toLatin1()))
            return p.problem(422, QStringLiteral("attachment-mismatch"),
                             QStringLiteral("La pièce jointe ne correspond pas à ce qui a été annoncé."));
        return std::nullopt;
    };
    auto engine = k.engine();
    QSignalSpy changed(engine.get(), &SyncEngine::itemChanged);
    const RoundSummary summary = runRound(*engine);
    QCOMPARE(summary.quarantined, 2);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(k.state(conflicting), QStringLiteral("quarantined"));
    QCOMPARE(k.state(refused), QStringLiteral("quarantined"));
    QCOMPARE(k.state(fine), QStringLiteral("delivered"));
    QCOMPARE(k.item(conflicting).quarantineReason,
             QStringLiteral("The platform already holds a different démarche with this number."));
    QCOMPARE(k.item(refused).quarantineReason,
             QStringLiteral("La pièce jointe ne correspond pas à ce qui a été annoncé."));
    QCOMPARE(k.journalActions().count(QStringLiteral("submission_quarantined")), 2);
    bool sawRefused = false;
    for (const QList<QVariant> &args : changed)
        sawRefused = sawRefused || args.first().toLongLong() == refused;
    QVERIFY(sawRefused);
    // A quarantined démarche is not sent again by later rounds.
    p.server.clearRequests();
    QVERIFY(runRound(*engine).error.isEmpty());
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 0);
}

// Chunks are read by range; the whole file's SHA-256 is checked before its last slice leaves. A document damaged
// in the store is quarantined with a sentence saying so, its upload is never completed, and the queue goes on.
void TestSyncEngine::damagedDocumentNeverLeavesWhole()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const QByteArray file = pdfBytes(200 * 1024, 3);
    const qint64 damaged = k.queue(QStringLiteral("caf-a"), {file});
    const qint64 fine = k.queue(QStringLiteral("caf-b"), {pdfBytes(5000, 4)});
    const qint64 attachment = AttachmentStore(k.db(), &k.clock).list(k.alice(), damaged).value().first().id;
    QSqlQuery q(k.db());
    QVERIFY(q.exec(QStringLiteral("UPDATE attachment_chunks SET data = CAST(substr(data, 1, 1000) ||"
                                  " x'00' || substr(data, 1002) AS BLOB) WHERE attachment_id = %1 AND seq = 0")
                       .arg(attachment)));
    auto engine = k.engine();
    engine->setChunkSize(64 * 1024);
    const RoundSummary summary = runRound(*engine);
    QCOMPARE(summary.quarantined, 1);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(k.state(damaged), QStringLiteral("quarantined"));
    QCOMPARE(k.state(fine), QStringLiteral("delivered"));
    QCOMPARE(k.item(damaged).quarantineReason, QStringLiteral("This document is damaged in the store: add it again."));
    bool sawIncomplete = false;
    for (const FakePlatform::Upload &u : std::as_const(p.uploads))
        if (u.length == file.size()) {
            QVERIFY(u.data.size() < u.length);
            QVERIFY(u.data.size() >= 3 * 64 * 1024); // the slices before the last did leave
            sawIncomplete = true;
        }
    QVERIFY(sawIncomplete);
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/") + k.uuid(damaged)), 0);
}

void TestSyncEngine::serverErrorBacksOff()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 failing = k.queue(QStringLiteral("cnav-retraite"));
    const qint64 other = k.queue(QStringLiteral("caf-apl"));
    const QString failingUuid = k.uuid(failing);
    int failures = 1;
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().endsWith(failingUuid.toLatin1()) && failures > 0) {
            --failures;
            return p.problem(500, QStringLiteral("internal"), QStringLiteral("Erreur interne."));
        }
        return std::nullopt;
    };
    auto engine = k.engine();
    const QDateTime before = k.clock.now();
    RoundSummary summary = runRound(*engine, false);
    QCOMPARE(summary.retrying, 1);
    QCOMPARE(summary.delivered, 1); // a 5xx on one item does not hold the others back
    QCOMPARE(k.state(failing), QStringLiteral("sending"));
    QCOMPARE(k.state(other), QStringLiteral("delivered"));
    const sync::OutboxItem item = k.item(failing);
    QCOMPARE(item.attempts, 1);
    // 10 s ± 20 %.
    QVERIFY2(item.nextAttemptAt >= before.addMSecs(8000) && item.nextAttemptAt <= before.addMSecs(12000),
             qPrintable(item.nextAttemptAt.toString(Qt::ISODateWithMs)));

    // An automatic round before that time leaves it alone.
    p.server.clearRequests();
    k.clock.advanceSecs(5);
    summary = runRound(*engine, false);
    QVERIFY(summary.online);
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 0);
    QCOMPARE(k.item(failing).attempts, 1);

    // After it, the item goes.
    k.clock.advanceSecs(8);
    summary = runRound(*engine, false);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(k.state(failing), QStringLiteral("delivered"));
    QVERIFY(k.item(failing).lastError.isEmpty());

    QCOMPARE(SyncEngine::backoffMs(0) >= 8000 && SyncEngine::backoffMs(0) <= 12000, true);
    for (int i = 0; i < 20; ++i)
        QVERIFY(SyncEngine::backoffMs(20) <= 36 * 60 * 1000 && SyncEngine::backoffMs(20) >= 24 * 60 * 1000);
}

void TestSyncEngine::tooManyRequestsHonoursRetryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("waitSecs");
    QTest::newRow("seconds") << QByteArray("120") << qint64(120);
    // The fake clock starts on Monday 5 January 2026, 09:00 UTC.
    QTest::newRow("HTTP date") << QByteArray("Mon, 05 Jan 2026 10:00:00 GMT") << qint64(3600);
}

void TestSyncEngine::tooManyRequestsHonoursRetryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, waitSecs);
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    k.clock = FakeClock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    const qint64 id = k.queue(QStringLiteral("france-travail"));
    k.clock = FakeClock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    int busy = 1;
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().startsWith("/v1/submissions/") && busy-- > 0) {
            ScriptedReply reply = p.problem(429, QStringLiteral("busy"), QStringLiteral("Trop de demandes."));
            reply.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
            return reply;
        }
        return std::nullopt;
    };
    auto engine = k.engine();
    RoundSummary summary = runRound(*engine, false);
    QCOMPARE(summary.retrying, 1);
    QCOMPARE(k.item(id).nextAttemptAt, k.clock.now().addSecs(waitSecs));

    p.server.clearRequests();
    k.clock.advanceSecs(waitSecs - 1);
    summary = runRound(*engine, false);
    QVERIFY(summary.online);
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 0);

    k.clock.advanceSecs(1);
    summary = runRound(*engine, false);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 1);
}

void TestSyncEngine::captivePortalSendsNothing()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-a"), {pdfBytes(5000, 4)});
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.pathWithoutQuery() == "/v1/health")
            return ScriptedReply::html(200, "<html><body>Connectez-vous au Wi-Fi de la mairie</body></html>");
        return std::nullopt;
    };
    auto engine = k.engine();
    QSignalSpy online(engine.get(), &SyncEngine::onlineChanged);
    const RoundSummary summary = runRound(*engine);
    QVERIFY(!summary.online);
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(online.size(), 1);
    QCOMPARE(online.first().first().toBool(), false);
    QCOMPARE(p.server.requests().size(), 1);
    QCOMPARE(k.state(id), QStringLiteral("queued"));
    QCOMPARE(k.item(id).attempts, 0);
}

void TestSyncEngine::droppedChunkResumesAfterRestart()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 chunk = 32 * 1024;
    const QByteArray file = pdfBytes(int(chunk * 4 + 1000), 5);
    const qint64 id = k.queue(QStringLiteral("cpam-ij"), {file});
    const qint64 attachmentId = AttachmentStore(k.db(), &k.clock).list(k.alice(), id)->first().id;
    // The second chunk's connection is cut halfway through its body, and so are the new connections Qt opens by
    // itself to send it again (it tries twice): the round gives up.
    int patches = 0;
    p.observe = [&](const RecordedRequest &r) {
        if (r.method == "PATCH" && ++patches == 1)
            p.server.always("PATCH", QStringLiteral("/v1/uploads/.*"), ScriptedReply::dropMidRequest(chunk / 2));
    };
    {
        auto engine = k.engine();
        engine->setChunkSize(chunk);
        const RoundSummary summary = runRound(*engine);
        QVERIFY(!summary.error.isEmpty());
        QCOMPARE(summary.retrying, 1);
    }
    QVERIFY(p.server.incompleteRequests().size() >= 2);
    for (const RecordedRequest &r : p.server.incompleteRequests()) {
        QCOMPARE(r.header("Upload-Offset"), QByteArray::number(chunk));
        QVERIFY(r.body.size() <= chunk);
    }
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(committedOffset(k, attachmentId), chunk);
    QCOMPARE(k.item(id).bytesSent, chunk);
    QCOMPARE(p.uploads.first().data.size(), chunk);

    // A new engine on the same store (the kiosk restarted): it asks the server where to go on from.
    p.observe = nullptr;
    p.reset(); // the network is good again
    auto engine = k.engine();
    engine->setChunkSize(chunk);
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(p.count("HEAD", QStringLiteral("/v1/uploads/.*")), 1);
    QCOMPARE(p.count("POST", QStringLiteral("/v1/uploads/")), 0);
    const QList<RecordedRequest> patchesAfter = requestsFor(p, "PATCH", "/v1/uploads/");
    QCOMPARE(patchesAfter.first().header("Upload-Offset"), QByteArray::number(chunk));
    // Only the cut chunk went again: what the server had confirmed was not resent.
    QCOMPARE(p.patchedBytes(), qint64(file.size()) - chunk);
    QCOMPARE(p.uploads.size(), 1);
    QCOMPARE(p.uploads.first().data, file);
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
}

void TestSyncEngine::unauthorizedStopsUntilReEnrolment()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 first = k.queue(QStringLiteral("caf-a"));
    const qint64 second = k.queue(QStringLiteral("caf-b"));
    p.token = "a-token-the-kiosk-does-not-have-0123456789abc"; // the device was revoked
    auto engine = k.engine();
    QSignalSpy stopped(engine.get(), &SyncEngine::stopped);
    RoundSummary summary = runRound(*engine);
    QVERIFY(summary.stopped);
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().first().toString(), QStringLiteral("Jeton inconnu."));
    QCOMPARE(k.store().stoppedReason(), QStringLiteral("Jeton inconnu."));
    QCOMPARE(summary.stoppedReason, QStringLiteral("Jeton inconnu."));
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/submissions/.*")), 0);
    // Nothing is quarantined or counted as a failure of the démarches themselves.
    QCOMPARE(k.item(first).attempts, 0);
    QVERIFY(k.state(second) == QStringLiteral("queued"));

    // Later rounds, even "synchronise now", send nothing at all.
    p.server.clearRequests();
    summary = runRound(*engine);
    QVERIFY(summary.stopped);
    QCOMPARE(p.server.requests().size(), 0);

    // An administrator enrols the kiosk again: the queue goes on.
    p.token = "a-new-token-after-re-enrolment-0123456789abcd";
    QVERIFY(k.enrol(p.url(), p.token, p.key.publicKey));
    QVERIFY(k.store().stoppedReason().isEmpty());
    summary = runRound(*engine);
    QVERIFY(!summary.stopped);
    QCOMPARE(summary.delivered, 2);
    QVERIFY(k.journalActions().contains(QStringLiteral("device_enrolled")));
}

void TestSyncEngine::hangingRequestTimesOut()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT")
            return ScriptedReply::hang();
        return std::nullopt;
    };
    auto engine = k.engine();
    engine->setRequestTimeoutMs(500);
    QElapsedTimer timer;
    timer.start();
    const RoundSummary summary = runRound(*engine, true, 10000);
    QVERIFY(summary.error != QLatin1String("timeout"));
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(summary.retrying, 1);
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(k.item(id).attempts, 1);
    QVERIFY(!engine->isRunning());
}

void TestSyncEngine::truncatedReceiptIsRetried()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    const QString uuid = k.uuid(id);
    bool cut = true; // for the whole first round (Qt may repeat an idempotent PUT by itself)
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && cut) {
            const QByteArray body = QJsonDocument(p.receipt(uuid)).toJson(QJsonDocument::Compact);
            ScriptedReply reply = ScriptedReply::truncated(201, body, 20);
            reply.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
            return reply;
        }
        return std::nullopt;
    };
    auto engine = k.engine();
    RoundSummary summary = runRound(*engine);
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(summary.retrying, 1);
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QVERIFY(k.item(id).reference.isEmpty());
    cut = false;
    summary = runRound(*engine);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
}

void TestSyncEngine::htmlReceiptIsNotDelivered()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT")
            return p.withPlatform(ScriptedReply::html(200, "<html><body>Merci !</body></html>"));
        return std::nullopt;
    };
    auto engine = k.engine();
    const RoundSummary summary = runRound(*engine);
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(summary.retrying, 1);
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(k.item(id).attempts, 1);
    QVERIFY(k.item(id).nextAttemptAt > k.clock.now());
    QVERIFY(!k.journalActions().contains(QStringLiteral("submission_delivered")));
}

void TestSyncEngine::fullDiskWhileReceivingACatalogueKeepsThePreviousOne()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(8 * 1024 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    FakePlatform &p = *m_platform;
    Kiosk k(fs.filePath(QStringLiteral("data")));
    QVERIFY(k.open());
    QVERIFY(k.enrol(p.url(), p.token, p.key.publicKey));
    const QByteArray first = R"({"version":"2026.01","demarches":[]})";
    p.publishCatalogue(first);
    auto engine = k.engine();
    QVERIFY(runRound(*engine).catalogueUpdated);
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    QVERIFY(id > 0);

    // A new catalogue of some size arrives while the disk is full.
    QByteArray big = R"({"version":"2026.02","demarches":[)";
    for (int i = 0; i < 2000; ++i)
        big += (i ? "," : "") + QByteArray(R"({"id":"d)") + QByteArray::number(i) + R"(","title":")" +
               QByteArray(400, 'x') + R"("})";
    big += "]}";
    p.publishCatalogue(big);
    QVERIFY(fs.fillLeaving(0));
    RoundSummary summary = runRound(*engine);
    QVERIFY(!summary.catalogueUpdated);
    const QStringList clear = {
        Database::tr("The disk is full: the last change was not saved. Free some space and try again."),
        Database::tr("The disk could not write the store (it may be full or failing): the last change was not saved. "
                     "Free some space and try again; if it goes on, ask your administrator.")};
    QVERIFY2(clear.contains(summary.catalogueError), qPrintable(summary.catalogueError));
    QCOMPARE(engine->verifiedCatalogue(), first); // the forms in use stay as they were

    // Space freed: nothing already saved was lost, and the next round takes the catalogue and delivers the démarche.
    QVERIFY(fs.removeFiller());
    QVERIFY(k.database()->integrityCheck());
    QVERIFY(k.journal()->verify().intact);
    QVERIFY(k.state(id) != QStringLiteral("draft"));
    summary = runRound(*engine);
    QVERIFY2(summary.catalogueUpdated, qPrintable(summary.catalogueError + summary.error));
    QCOMPARE(engine->verifiedCatalogue(), big);
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    QCOMPARE(p.submissions.size(), 1);
}

void TestSyncEngine::catalogueIsVerifiedBeforeStoring()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const QByteArray first = R"({"version":"2026.01","demarches":[]})";
    p.publishCatalogue(first);
    auto engine = k.engine();
    QSignalSpy received(engine.get(), &SyncEngine::catalogueReceived);
    RoundSummary summary = runRound(*engine);
    QVERIFY(summary.catalogueUpdated);
    QVERIFY(summary.catalogueError.isEmpty());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toByteArray(), first);
    QCOMPARE(engine->verifiedCatalogue(), first);

    // Unchanged: asked with its ETag, answered 304, nothing new.
    p.server.clearRequests();
    summary = runRound(*engine);
    QVERIFY(!summary.catalogueUpdated);
    QCOMPARE(requestsFor(p, "GET", "/v1/catalogue").first().header("If-None-Match"), '"' + sha256Hex(first) + '"');
    QCOMPARE(received.size(), 1);

    // Tampered on the way: the signature no longer matches the pinned key.
    const QByteArray second = R"({"version":"2026.02","demarches":[]})";
    p.publishCatalogue(second);
    p.catalogue = R"({"version":"2026.02","demarches":[{"id":"faux"}]})";
    summary = runRound(*engine);
    QVERIFY(!summary.catalogueUpdated);
    QVERIFY(!summary.catalogueError.isEmpty());
    QCOMPARE(received.size(), 1);
    QCOMPARE(engine->verifiedCatalogue(), first);

    // Signed, but by another key than the one pinned at enrolment.
    const protocol::SigningKey other = protocol::SigningKey::generate();
    p.catalogue = second;
    p.catalogueSignature = protocol::sign(second, other.secretKey);
    summary = runRound(*engine);
    QVERIFY(!summary.catalogueError.isEmpty());
    QCOMPARE(engine->verifiedCatalogue(), first);

    // Properly signed: taken.
    p.publishCatalogue(second);
    summary = runRound(*engine);
    QVERIFY(summary.catalogueUpdated);
    QCOMPARE(engine->verifiedCatalogue(), second);
}

void TestSyncEngine::statusUpdatesArePulledWithCursor()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 a = k.queue(QStringLiteral("caf-a"));
    const qint64 b = k.queue(QStringLiteral("caf-b"));
    auto engine = k.engine();
    QCOMPARE(runRound(*engine).delivered, 2);

    const auto change = [](const QString &uuid, const char *status, const QString &message, const char *at) {
        return QJsonObject{{QStringLiteral("uuid"), uuid},
                           {QStringLiteral("status"), QLatin1String(status)},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("at"), QLatin1String(at)}};
    };
    p.pageSize = 2;
    p.statusChanges = {
        change(k.uuid(a), "in_review", QStringLiteral("Dossier en cours d'examen."), "2026-01-06T08:00:00Z"),
        change(k.uuid(b), "incomplete", QStringLiteral("Il manque l'avis d'imposition."), "2026-01-06T08:05:00Z"),
        change(k.uuid(a), "accepted", QStringLiteral("Droits ouverts."), "2026-01-07T10:00:00Z"),
        change(QStringLiteral("6f1c0d7e-0000-4000-8000-000000000000"), "accepted", QString(), "2026-01-07T10:00:00Z")};
    p.server.clearRequests();
    QSignalSpy changed(engine.get(), &SyncEngine::itemChanged);
    RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.statusUpdates, 3);
    QCOMPARE(p.count("GET", QStringLiteral("/v1/submissions/status")), 2); // two pages
    QCOMPARE(k.state(a), QStringLiteral("accepted"));
    QCOMPARE(k.state(b), QStringLiteral("incomplete"));
    const sync::OutboxItem item = k.item(a);
    QCOMPARE(item.updates.size(), 2);
    QCOMPARE(item.updates.at(0).status, QStringLiteral("in_review"));
    QCOMPARE(item.updates.at(1).message, QStringLiteral("Droits ouverts."));
    QCOMPARE(item.updates.at(1).at, QDateTime(QDate(2026, 1, 7), QTime(10, 0), Qt::UTC));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(k.store().value(QLatin1String(SyncStore::StatusCursorKey)), QStringLiteral("4"));

    // The next round asks from the stored cursor and gets nothing twice.
    p.server.clearRequests();
    summary = runRound(*engine);
    QCOMPARE(summary.statusUpdates, 0);
    const QList<RecordedRequest> pulls = requestsFor(p, "GET", "/v1/submissions/status");
    QCOMPARE(pulls.size(), 1);
    QVERIFY(pulls.first().path.endsWith("?cursor=4"));
    QCOMPARE(k.item(a).updates.size(), 2);
}

void TestSyncEngine::journalHeadSentWhenItChanges()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    auto engine = k.engine();
    QVERIFY(runRound(*engine).error.isEmpty());
    const auto head = k.store().journalHead().value();
    QVERIFY(head.seq > 0);
    QVERIFY(p.journalHeads.contains(head.seq));
    QCOMPARE(p.journalHeads.value(head.seq).value(QLatin1String("hash")).toString().toLatin1(), head.hash);
    QCOMPARE(p.journalHeads.value(head.seq).value(QLatin1String("seq")).toInteger(), head.seq);
    // The platform's signed receipt is kept: the journal is anchored up to that head.
    QVERIFY(k.journal()->lastReceipt());
    QCOMPARE(k.journal()->lastReceipt()->seq, head.seq);
    Journal::Verification v = k.journal()->verify(p.key.publicKey);
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.receiptSeq, head.seq);

    // Unchanged journal: not sent again.
    p.server.clearRequests();
    QVERIFY(runRound(*engine).error.isEmpty());
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/journal-heads/.*")), 0);

    // A delivery journals an event: the new head goes at the end of that round.
    k.queue(QStringLiteral("caf-a"));
    QCOMPARE(runRound(*engine).delivered, 1);
    const auto newHead = k.store().journalHead().value();
    QVERIFY(newHead.seq > head.seq);
    QVERIFY(p.journalHeads.contains(newHead.seq));
    QCOMPARE(k.journal()->lastReceipt()->seq, newHead.seq);
}

void TestSyncEngine::journalReceiptNotSignedByThePlatformIsNotKept()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    p.receiptKey = protocol::SigningKey::generate(); // something on the way answers in the platform's name
    auto engine = k.engine();
    QVERIFY(runRound(*engine).error.isEmpty());
    const auto head = k.store().journalHead().value();
    QVERIFY(p.journalHeads.contains(head.seq));
    QVERIFY(!k.journal()->lastReceipt());
    QCOMPARE(k.journal()->verify(p.key.publicKey).receiptSeq, qint64(-1));
    // Not counted as sent: the next round asks again, and keeps the real platform's receipt.
    p.receiptKey = p.key;
    p.server.clearRequests();
    QVERIFY(runRound(*engine).error.isEmpty());
    QCOMPARE(p.count("PUT", QStringLiteral("/v1/journal-heads/.*")), 1);
    QVERIFY(k.journal()->lastReceipt());
    QCOMPARE(k.journal()->lastReceipt()->seq, head.seq);
}

void TestSyncEngine::enrolmentWithAnotherPlatformStartsReceiptsAfresh()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    auto engine = k.engine();
    QVERIFY(runRound(*engine).error.isEmpty());
    QVERIFY(k.journal()->lastReceipt());
    // Enrolled again with the same platform: its receipt still holds.
    QVERIFY(k.enrol(p.url(), p.token, p.key.publicKey));
    QVERIFY(k.journal()->lastReceipt());
    QVERIFY(k.journal()->verify(p.key.publicKey).intact);
    // With another platform: the old receipt is not taken for a forged one, the journal is simply not anchored yet.
    const protocol::SigningKey other = protocol::SigningKey::generate();
    QVERIFY(k.enrol(p.url(), p.token, other.publicKey));
    QVERIFY(!k.journal()->lastReceipt());
    const Journal::Verification v = k.journal()->verify(other.publicKey);
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.receiptSeq, qint64(-1));
}

void TestSyncEngine::uploadAddressOnAnotherOriginGetsNothing_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("another port") << QStringLiteral("http://127.0.0.1:%1/v1/uploads/abc");
    QTest::newRow("another host") << QStringLiteral("http://localhost:%1/v1/uploads/abc");
    QTest::newRow("protocol-relative") << QStringLiteral("//127.0.0.1:%1/v1/uploads/abc");
}

void TestSyncEngine::uploadAddressOnAnotherOriginGetsNothing()
{
    QFETCH(QString, where);
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    // Another listener on loopback, counting every byte that reaches it.
    QTcpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
    qint64 received = 0;
    int connections = 0;
    QObject::connect(&elsewhere, &QTcpServer::newConnection, &elsewhere, [&] {
        while (QTcpSocket *socket = elsewhere.nextPendingConnection()) {
            ++connections;
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [&received, socket] { received += socket->readAll().size(); });
        }
    });
    const QByteArray location = where.arg(elsewhere.serverPort()).toLatin1();
    p.before = [&p, location](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "POST" && r.pathWithoutQuery() == "/v1/uploads/")
            return p.withPlatform(ScriptedReply::empty(201, {{"Tus-Resumable", "1.0.0"}, {"Location", location}}));
        return std::nullopt;
    };
    const qint64 id = k.queue(QStringLiteral("caf-a"), {pdfBytes(20000, 7)});
    auto engine = k.engine();
    const RoundSummary summary = runRound(*engine);
    QTest::qWait(200); // a connection on its way would have arrived by now
    QCOMPARE(received, qint64(0));
    QCOMPARE(connections, 0);
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(summary.quarantined, 0);
    QCOMPARE(summary.retrying, 1);
    // A transport problem, said plainly; the démarche waits, nothing recorded toward the other address.
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(k.item(id).lastError, SyncEngine::tr("The platform gave an upload address on another server; nothing "
                                                  "was sent there. Sending will be tried again later; if this goes "
                                                  "on, tell the platform's administrator."));
    QSqlQuery uploads(k.db());
    QVERIFY(uploads.exec(QStringLiteral("SELECT count(*) FROM uploads")) && uploads.next());
    QCOMPARE(uploads.value(0).toInt(), 0);
    QCOMPARE(p.count("PATCH", QStringLiteral(".*")), 0);
}

void TestSyncEngine::olderSignedCatalogueIsRefusedAfterRestart()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const QByteArray newer =
        R"({"format":"relais-catalogue","version":4,"demarches":[{"id":"caf-a","version":3},{"id":"caf-b","version":1}]})";
    p.publishCatalogue(newer);
    {
        auto engine = k.engine();
        const RoundSummary summary = runRound(*engine);
        QVERIFY(summary.catalogueUpdated);
        QCOMPARE(engine->verifiedCatalogue(), newer);
    }
    // The kiosk restarts: the store is closed and opened again, a new engine runs.
    k.vault().close();
    QVERIFY(k.open());
    auto engine = k.engine();

    // A démarche brought back to an older version, in a catalogue the platform's key really signed.
    const QByteArray olderDemarche =
        R"({"format":"relais-catalogue","version":5,"demarches":[{"id":"caf-a","version":2},{"id":"caf-b","version":1}]})";
    p.publishCatalogue(olderDemarche);
    RoundSummary summary = runRound(*engine);
    QVERIFY(!summary.catalogueUpdated);
    QCOMPARE(summary.catalogueError, SyncStore::tr("The catalogue sent by the platform brings the démarche “%1” back "
                                                   "to version %2 after version %3: it was refused and the current "
                                                   "one is kept.")
                                         .arg(QStringLiteral("caf-a"))
                                         .arg(2)
                                         .arg(3));
    QCOMPARE(engine->verifiedCatalogue(), newer);

    // An older catalogue as a whole.
    const QByteArray olderCatalogue =
        R"({"format":"relais-catalogue","version":3,"demarches":[{"id":"caf-a","version":3}]})";
    p.publishCatalogue(olderCatalogue);
    summary = runRound(*engine);
    QVERIFY(!summary.catalogueUpdated);
    QVERIFY(!summary.catalogueError.isEmpty());
    QCOMPARE(engine->verifiedCatalogue(), newer);

    // The same versions again (published anew), or newer ones, and a démarche withdrawn: taken.
    const QByteArray next = R"({"format":"relais-catalogue","version":5,"demarches":[{"id":"caf-a","version":4}]})";
    p.publishCatalogue(next);
    summary = runRound(*engine);
    QVERIFY(summary.catalogueUpdated);
    QCOMPARE(engine->verifiedCatalogue(), next);
}

void TestSyncEngine::notEnrolledDoesNothing()
{
    FakePlatform &p = *m_platform;
    Kiosk fresh;
    QVERIFY(fresh.open());
    fresh.queue(QStringLiteral("caf-a"));
    auto engine = fresh.engine();
    QSignalSpy finished(engine.get(), &SyncEngine::finished);
    engine->start(true);
    QVERIFY(!engine->isRunning());
    QVERIFY(!finished.wait(300));
    QCOMPARE(p.server.requests().size(), 0);
}

void TestSyncEngine::cancelKeepsWhatWasConfirmed()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 chunk = 16 * 1024;
    const QByteArray file = pdfBytes(int(chunk * 6), 6);
    const qint64 id = k.queue(QStringLiteral("caf-a"), {file});
    auto engine = k.engine();
    engine->setChunkSize(chunk);
    p.observe = [&](const RecordedRequest &r) {
        if (r.method == "PATCH" && p.uploads.first().data.size() == chunk)
            engine->cancel(); // during the second chunk
    };
    RoundSummary summary = runRound(*engine);
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(k.state(id), QStringLiteral("sending"));
    QCOMPARE(k.item(id).attempts, 0);
    QCOMPARE(k.item(id).bytesSent, 2 * chunk); // the chunk in flight was confirmed, then it stopped
    QCOMPARE(p.count("PATCH", QStringLiteral("/v1/uploads/.*")), 2);

    p.observe = nullptr;
    summary = runRound(*engine);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(p.uploads.first().data, file);
}

// A strict HTTP/1.1 intermediary answers 417 to any request carrying an Expect header, even an empty one. The kiosk
// sends none, so everything goes through; had it sent one, the 417 page would still not be a refusal.
void TestSyncEngine::strictIntermediaryGetsNoExpectHeader()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 withFiles = k.queue(QStringLiteral("caf-a"), {pdfBytes(90 * 1024, 7), pdfBytes(2000, 8)});
    const qint64 plain = k.queue(QStringLiteral("caf-b"));
    p.before = [](const RecordedRequest &r) {
        return strictIntermediary(r);
    };
    auto engine = k.engine();
    engine->setChunkSize(32 * 1024);
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.quarantined, 0);
    QCOMPARE(summary.delivered, 2);
    QCOMPARE(k.state(withFiles), QStringLiteral("delivered"));
    QCOMPARE(k.state(plain), QStringLiteral("delivered"));
    for (const RecordedRequest &r : p.server.requests())
        QVERIFY2(!carriesHeader(r, "Expect"), qPrintable(QString::fromLatin1(r.method + ' ' + r.pathWithoutQuery())));
}

void TestSyncEngine::onlyThePlatformCanRefuse_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    const QList<QPair<QByteArray, QString>> paths = {
        {"GET", QStringLiteral("/v1/catalogue")},        {"OPTIONS", QStringLiteral("/v1/uploads/")},
        {"POST", QStringLiteral("/v1/uploads/")},        {"PATCH", QStringLiteral("/v1/uploads/.+")},
        {"PUT", QStringLiteral("/v1/submissions/.+")},   {"GET", QStringLiteral("/v1/submissions/status")},
        {"PUT", QStringLiteral("/v1/journal-heads/.+")},
    };
    for (const auto &path : paths)
        for (const int status : {200, 403, 407, 413, 417})
            QTest::addRow("%s %s %d", path.first.constData(), qPrintable(path.second), status)
                << path.first << path.second << status;
}

// A proxy's 403, 407, 413 or 417 page and a captive portal's 200 page, on each request of a round in turn: nothing is
// quarantined, nothing is taken for delivered, the round says what happened, and the next clean round delivers
// everything exactly once.
void TestSyncEngine::onlyThePlatformCanRefuse()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    p.publishCatalogue(QByteArrayLiteral("{\"format\":\"relais-catalogue\",\"version\":1,\"demarches\":[]}"));
    const QList<qint64> ids = {k.queue(QStringLiteral("caf-a"), {pdfBytes(40 * 1024, 9)}),
                               k.queue(QStringLiteral("caf-b"), {pdfBytes(3000, 10)})};
    const QRegularExpression intercepted(QRegularExpression::anchoredPattern(path));
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == method && intercepted.match(QString::fromLatin1(r.pathWithoutQuery())).hasMatch())
            return intermediaryPage(status);
        return std::nullopt;
    };
    auto engine = k.engine();
    engine->setChunkSize(16 * 1024);
    QSignalSpy stopped(engine.get(), &SyncEngine::stopped);
    RoundSummary summary = runRound(*engine);
    QVERIFY(summary.error != QLatin1String("timeout"));
    QCOMPARE(summary.quarantined, 0);
    QVERIFY(!summary.stopped);
    QCOMPARE(stopped.size(), 0);
    QVERIFY(k.store().stoppedReason().isEmpty());
    QVERIFY2(summary.catalogueError.isEmpty(), qPrintable(summary.catalogueError)); // not "badly signed"
    // The round says what happened, with the status the intermediary gave, and is not a success.
    QVERIFY2(summary.intercepted >= 1, qPrintable(summary.error));
    QVERIFY2(summary.error.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(summary.error));
    QCOMPARE(summary.networkProblem, summary.error);
    QVERIFY(!k.store().lastSuccess().isValid());
    const bool itemStep = method != "GET" && !path.startsWith(QLatin1String("/v1/journal-heads")); // tus, PUT
    for (const qint64 id : ids) {
        QVERIFY(k.state(id) != QLatin1String("quarantined"));
        if (itemStep) {
            // Nothing taken for delivered; the outbox row tells the administrator what answered.
            QCOMPARE(k.state(id), QStringLiteral("sending"));
            QVERIFY2(k.item(id).lastError.contains(QStringLiteral("HTTP %1").arg(status)),
                     qPrintable(k.item(id).lastError));
        }
    }
    if (path == QLatin1String("/v1/catalogue")) {
        QVERIFY(!summary.online); // a captive portal there means "not online"
        QVERIFY(engine->verifiedCatalogue().isEmpty());
    }
    if (path.startsWith(QLatin1String("/v1/journal-heads")))
        QVERIFY(!k.journal()->lastReceipt().has_value()); // no receipt taken from a portal's page

    // The network is clean again: everything arrives, once.
    p.before = nullptr;
    summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.intercepted, 0);
    for (const qint64 id : ids) {
        QCOMPARE(k.state(id), QStringLiteral("delivered"));
        QVERIFY(p.submissions.contains(k.uuid(id)));
    }
    QCOMPARE(p.submissions.size(), 2);
    QCOMPARE(k.journalActions().count(QStringLiteral("submission_delivered")), 2);
    QVERIFY(k.store().lastSuccess().isValid());
    QVERIFY(!p.journalHeads.isEmpty());
    QCOMPARE(engine->verifiedCatalogue(), p.catalogue);
}

// A proxy's own 401 or 403 page (its login, its filter) is not the platform withdrawing the kiosk's token.
void TestSyncEngine::proxyRefusalOfTheTokenDoesNotStopTheQueue()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 id = k.queue(QStringLiteral("caf-a"));
    for (const int status : {401, 403}) {
        p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
            if (r.method == "PUT" && r.pathWithoutQuery().startsWith("/v1/submissions/"))
                return intermediaryPage(status);
            return std::nullopt;
        };
        auto engine = k.engine();
        const RoundSummary summary = runRound(*engine);
        QVERIFY(!summary.stopped);
        QVERIFY(k.store().stoppedReason().isEmpty());
        QCOMPARE(k.state(id), QStringLiteral("sending"));
    }
    // The platform's own problem+json 401 still stops the queue.
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT")
            return p.problem(401, QStringLiteral("unauthenticated"), QStringLiteral("Poste inconnu."));
        return std::nullopt;
    };
    auto engine = k.engine();
    const RoundSummary summary = runRound(*engine);
    QVERIFY(summary.stopped);
    QCOMPARE(summary.stoppedReason, QStringLiteral("Poste inconnu."));
}

// The next slice is read and hashed while the current one is on the wire, and the whole file's SHA-256 is computed
// from the slices as they go: each byte is read from the store once.
void TestSyncEngine::nextSliceIsReadWhileOneIsOnTheWire()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 chunk = 32 * 1024;
    const QByteArray file = pdfBytes(int(chunk * 5 + 700), 31);
    const qint64 id = k.queue(QStringLiteral("caf-a"), {file});
    auto engine = k.engine();
    engine->setChunkSize(chunk);
    // Read ahead of what the platform had acknowledged when each chunk arrived there (its answer held meanwhile).
    QList<qint64> aheadWhenArrived;
    p.observe = [&](const RecordedRequest &r) {
        if (r.method != "PATCH")
            return;
        const qint64 end = r.header("Upload-Offset").toLongLong() + r.body.size();
        if (end < file.size())
            (void)QTest::qWaitFor([&] { return engine->storeBytesRead() > end; }, 3000);
        aheadWhenArrived.append(engine->storeBytesRead() - end);
    };
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    QCOMPARE(p.uploads.first().data, file);
    QCOMPARE(aheadWhenArrived.size(), 6);
    for (int i = 0; i < 5; ++i) // the next slice (the last one shorter) was ready before this one's answer
        QCOMPARE(aheadWhenArrived.at(i), i < 4 ? chunk : qint64(700));
    QCOMPARE(aheadWhenArrived.last(), qint64(0));
    QCOMPARE(engine->storeBytesRead(), qint64(file.size())); // no second pass over the file
}

// After a restart the upload goes on from the server's offset; the bytes sent before are read once more so that the
// whole file is still checked before its last slice leaves (and a damaged one never completes).
void TestSyncEngine::resumedUploadIsVerifiedBeforeItsLastSlice()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const qint64 chunk = 32 * 1024;
    const QByteArray file = pdfBytes(int(chunk * 3 + 100), 32);
    const qint64 id = k.queue(QStringLiteral("caf-a"), {file});
    const qint64 attachment = AttachmentStore(k.db(), &k.clock).list(k.alice(), id).value().first().id;
    // The first round stops after the first chunk (the platform is busy).
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PATCH" && r.header("Upload-Offset").toLongLong() > 0)
            return p.problem(503, QStringLiteral("busy"), QStringLiteral("Occupée."));
        return std::nullopt;
    };
    {
        auto engine = k.engine();
        engine->setChunkSize(chunk);
        QCOMPARE(runRound(*engine).retrying, 1);
    }
    QCOMPARE(committedOffset(k, attachment), chunk);
    // Meanwhile the first slice, already on the platform, is damaged in the store.
    QSqlQuery q(k.db());
    QVERIFY(q.exec(QStringLiteral("UPDATE attachment_chunks SET data = CAST(substr(data, 1, 10) || x'00' ||"
                                  " substr(data, 12) AS BLOB) WHERE attachment_id = %1 AND seq = 0")
                       .arg(attachment)));
    p.before = nullptr;
    p.server.clearRequests();
    auto engine = k.engine();
    engine->setChunkSize(chunk);
    const RoundSummary summary = runRound(*engine);
    QCOMPARE(summary.quarantined, 1);
    QCOMPARE(k.state(id), QStringLiteral("quarantined"));
    QCOMPARE(k.item(id).quarantineReason, QStringLiteral("This document is damaged in the store: add it again."));
    QVERIFY(p.uploads.first().data.size() < file.size()); // the last slice never left
    QCOMPARE(requestsFor(p, "PATCH", "/v1/uploads/").first().header("Upload-Offset"), QByteArray::number(chunk));
}

// A bus's link is slow: the démarche's JSON goes gzip-compressed, but only to a platform whose health answer says it
// reads that (Accept-Encoding: gzip, RFC 7694); an older platform gets it as before.
void TestSyncEngine::jsonBodiesAreGzippedOnlyForAPlatformThatReadsThem()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    bool readsGzip = true;
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "GET" && r.pathWithoutQuery() == "/v1/health")
            return ScriptedReply::empty(204,
                                        p.common(readsGzip ? HeaderList{{"Accept-Encoding", "gzip"}} : HeaderList{}));
        if (r.method == "PUT" && r.header("Content-Encoding") == "gzip") {
            const auto json = protocol::gunzip(r.body, 2 * 1024 * 1024);
            if (!json)
                return p.problem(400, QStringLiteral("invalid-json"), QStringLiteral("Illisible."));
            RecordedRequest inflated = r;
            inflated.body = *json;
            return p.submission(inflated, QString::fromLatin1(r.pathWithoutQuery().mid(16)));
        }
        return std::nullopt;
    };
    const qint64 first = k.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(5000, 1)});
    QVERIFY(first > 0);
    auto engine = k.engine();
    RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.delivered, 1);
    QList<RecordedRequest> puts = requestsFor(p, "PUT", "/v1/submissions/");
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts.first().header("Content-Encoding"), QByteArray("gzip"));
    const QJsonObject received = p.bodies.value(k.uuid(first));
    const QByteArray json = QJsonDocument(received).toJson(QJsonDocument::Compact);
    QVERIFY2(puts.first().body.size() < json.size(), "compressed on the wire");
    QCOMPARE(received.value(QLatin1String("attachments")).toArray().size(), 1);
    // Documents are never compressed on the way: their bytes are counted by the upload's offsets.
    for (const RecordedRequest &r : requestsFor(p, "PATCH", "/v1/uploads/"))
        QVERIFY(!carriesHeader(r, "Content-Encoding"));

    readsGzip = false;
    p.server.clearRequests();
    const qint64 second = k.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(5000, 2)});
    summary = runRound(*engine);
    QCOMPARE(summary.delivered, 1);
    puts = requestsFor(p, "PUT", "/v1/submissions/");
    QCOMPARE(puts.size(), 1);
    QVERIFY(!carriesHeader(puts.first(), "Content-Encoding"));
    QVERIFY(p.bodies.contains(k.uuid(second)));
}

// Most photos fit in one chunk: the next document (of this démarche, or of the next one) is read and hashed while
// the current one is on the wire, not after its upload is created.
void TestSyncEngine::nextDocumentIsReadWhileOneIsOnTheWire()
{
    Kiosk &k = *m_kiosk;
    FakePlatform &p = *m_platform;
    const QList<QByteArray> files{pdfBytes(20000, 41), pdfBytes(30000, 42), pdfBytes(25000, 43), pdfBytes(15000, 44)};
    const qint64 first = k.queue(QStringLiteral("caf-a"), {files.at(0), files.at(1)});
    const qint64 second = k.queue(QStringLiteral("caf-a"), {files.at(2), files.at(3)});
    auto engine = k.engine();
    // Read ahead of the files already on the wire when each one arrived at the platform (its answer held meanwhile).
    QList<qint64> aheadWhenArrived;
    qint64 sent = 0;
    p.observe = [&](const RecordedRequest &r) {
        if (r.method != "PATCH")
            return;
        sent += r.body.size();
        const qint64 all = 20000 + 30000 + 25000 + 15000;
        if (sent < all)
            (void)QTest::qWaitFor([&] { return engine->storeBytesRead() > sent; }, 3000);
        aheadWhenArrived.append(engine->storeBytesRead() - sent);
    };
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(k.state(first), QStringLiteral("delivered"));
    QCOMPARE(k.state(second), QStringLiteral("delivered"));
    // Each file's successor was ready before its answer, across démarches too; nothing was read twice.
    QCOMPARE(aheadWhenArrived, (QList<qint64>{30000, 25000, 15000, 0}));
    QCOMPARE(engine->storeBytesRead(), qint64(20000 + 30000 + 25000 + 15000));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
