// Sync on a real network: a strict HTTP/1.1 intermediary of the test's own (a relay on loopback) stands between the
// kiosk and the real relais-platform. It answers 417 to any request carrying an Expect header, and in turn puts a
// proxy's 403, 407 or 413 page, or a captive portal's 200 page, on each request of a round. Nothing may be
// quarantined or taken for delivered, the round and the outbox say what happened, relais-admin sync exits non-zero
// with one line, and the next clean round delivers everything exactly once.
#ifdef RELAIS_PLATFORM_PATH
#include "../platform/PlatformHarness.h"
#endif
#include "SyncFixture.h"

#include "client/Enrolment.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpSocket>

using namespace relais;
using namespace relais::test;

namespace {

bool hopByHop(const QByteArray &name)
{
    static const QList<QByteArray> names = {
        "connection", "keep-alive", "transfer-encoding", "content-length", "host", "proxy-connection", "expect"};
    return names.contains(name.toLower());
}

// Passes one request to the platform on `port` and reads its whole answer (Connection: close). Blocking on purpose:
// the relay answers from inside ScriptedHttpServer's handler, and the kiosk waits meanwhile.
ScriptedReply forward(const RecordedRequest &r, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return ScriptedReply::closeNow();
    QByteArray out = r.method + ' ' + r.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                     "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    for (const auto &h : r.headers)
        if (!hopByHop(h.first))
            out += h.first + ": " + h.second + "\r\n";
    out += "\r\n" + r.body;
    socket.write(out);
    QByteArray in;
    while (socket.waitForReadyRead(10000))
        in += socket.readAll();
    in += socket.readAll();
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return ScriptedReply::closeNow();
    const QList<QByteArray> lines = in.left(end).split('\n');
    ScriptedReply reply;
    reply.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && !hopByHop(line.left(colon).trimmed()))
            reply.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    reply.body = in.mid(end + 4);
    return reply;
}

// One fault of the intermediary: its page answers every request of `method` on `path` (a regular expression).
struct Fault
{
    QByteArray method;
    QString path;
    int status = 0;
};

} // namespace

class TestStrictIntermediary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsRefusedOrTakenForSent();

private:
#ifdef RELAIS_PLATFORM_PATH
    int submissionsOnPlatform(platformtest::Platform &platform)
    {
        return int(platform.list().size());
    }
#endif
};

void TestStrictIntermediary::nothingIsRefusedOrTakenForSent()
{
#ifndef RELAIS_PLATFORM_PATH
    QFAIL("relais-platform is not part of this build");
#else
    platformtest::Platform platform;
    QVERIFY2(platform.start(), platform.standardError().constData());
    const quint16 platformPort = quint16(platform.url(QString()).port());

    ScriptedHttpServer relay;
    QVERIFY(relay.listen());
    std::optional<Fault> fault;
    int expectSeen = 0;
    relay.setHandler([&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (auto refused = strictIntermediary(r)) {
            ++expectSeen;
            return refused;
        }
        if (fault && r.method == fault->method &&
            QRegularExpression(QRegularExpression::anchoredPattern(fault->path))
                .match(QString::fromLatin1(r.pathWithoutQuery()))
                .hasMatch())
            return intermediaryPage(fault->status);
        return forward(r, platformPort);
    });

    // Enrolment goes through the same intermediary.
    Kiosk k;
    QVERIFY(k.open());
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    std::optional<Result<SyncSettings>> enrolled;
    enrolment.enrol(relay.url(), platform.enrolmentCode(), QStringLiteral("Kiosque du bus"),
                    [&](Result<SyncSettings> r) { enrolled = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return enrolled.has_value(); }, 15000));
    QVERIFY2(enrolled->ok(), qPrintable(enrolled->message()));
    QVERIFY(k.store().saveEnrolment(enrolled->value(), aliceLogin()));

    const QList<QByteArray> big = {pdfBytes(150 * 1024, 21), pdfBytes(4000, 22)};
    const QList<QByteArray> small = {pdfBytes(9000, 23)};
    const QList<QByteArray> tiny = {pdfBytes(700, 24)};
    const QList<qint64> ids = {k.queue(QStringLiteral("caf-changement-adresse"), big),
                               k.queue(QStringLiteral("cpam-c2s"), small), k.queue(QStringLiteral("caf-apl"), tiny)};
    for (const qint64 id : ids)
        QVERIFY(id > 0);

    // Faults that keep every démarche from arriving, in the order a round meets them. The PATCH fault leaves
    // committed upload addresses behind, so the next round asks HEAD, which meets the portal.
    const QList<Fault> blocking = {
        {"GET", QStringLiteral("/v1/health"), 200},         {"GET", QStringLiteral("/v1/catalogue"), 200},
        {"OPTIONS", QStringLiteral("/v1/uploads/"), 403},   {"POST", QStringLiteral("/v1/uploads/"), 407},
        {"PATCH", QStringLiteral("/v1/uploads/.+"), 413},   {"HEAD", QStringLiteral("/v1/uploads/.+"), 200},
        {"PUT", QStringLiteral("/v1/submissions/.+"), 403}, {"PUT", QStringLiteral("/v1/submissions/.+"), 200},
    };
    for (const Fault &f : blocking) {
        const QString what = QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(f.method), f.path).arg(f.status);
        fault = f;
        relay.clearRequests();
        auto engine = k.engine();
        engine->setChunkSize(64 * 1024);
        const RoundSummary summary = runRound(*engine);
        QVERIFY2(relay.count(f.method, f.path) >= 1, qPrintable(what));
        QVERIFY2(summary.error.contains(QStringLiteral("HTTP %1").arg(f.status)),
                 qPrintable(what + QStringLiteral(": ") + summary.error));
        QVERIFY2(summary.quarantined == 0 && summary.delivered == 0 && !summary.stopped, qPrintable(what));
        QVERIFY2(summary.waiting == ids.size(), qPrintable(what));
        QVERIFY(k.store().stoppedReason().isEmpty());
        QVERIFY(!k.store().lastSuccess().isValid());
        for (const qint64 id : ids) {
            QVERIFY2(k.state(id) == QLatin1String("queued") || k.state(id) == QLatin1String("sending"),
                     qPrintable(what + QStringLiteral(": ") + k.state(id)));
            if (k.state(id) == QLatin1String("sending")) // the outbox row says what answered
                QVERIFY2(k.item(id).lastError.contains(QStringLiteral("HTTP %1").arg(f.status)),
                         qPrintable(what + QStringLiteral(": ") + k.item(id).lastError));
        }
        QCOMPARE(submissionsOnPlatform(platform), 0);
    }
    QVERIFY(k.item(ids.first()).attempts >= 1);

    // relais-admin sync behind a captive portal on every submission: a non-zero code and one line saying why.
    fault = Fault{"PUT", QStringLiteral("/v1/submissions/.+"), 200};
    const QString dataDir = k.vault().dataDir();
    k.vault().close();
    QProcess admin;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    admin.setProcessEnvironment(env);
    admin.start(QStringLiteral(RELAIS_ADMIN_PATH),
                {QStringLiteral("sync"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--as"), aliceLogin(),
                 QStringLiteral("--password-stdin")});
    QVERIFY(admin.waitForStarted(10000));
    admin.write(alicePassword() + '\n');
    admin.closeWriteChannel();
    // The relay answers only while this thread's event loop runs.
    QTRY_VERIFY_WITH_TIMEOUT(admin.state() == QProcess::NotRunning, 90000);
    const QString out = QString::fromUtf8(admin.readAllStandardOutput());
    const QString err = QString::fromUtf8(admin.readAllStandardError()).trimmed();
    QVERIFY2(admin.exitStatus() == QProcess::NormalExit && admin.exitCode() != 0, qPrintable(out + err));
    QVERIFY2(err.startsWith(QLatin1String("relais-admin: ")) && !err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("HTTP 200")), qPrintable(err));
    QVERIFY2(out.contains(QLatin1String("delivered 0")) && out.contains(QLatin1String("quarantined 0")),
             qPrintable(out));
    QCOMPARE(submissionsOnPlatform(platform), 0);
    QVERIFY(k.open());

    // Round-level steps after the deliveries: the démarches arrive, the round still says what it met.
    for (const Fault &f : {Fault{"GET", QStringLiteral("/v1/submissions/status"), 407},
                           Fault{"PUT", QStringLiteral("/v1/journal-heads/.+"), 200}}) {
        fault = f;
        auto engine = k.engine();
        const RoundSummary summary = runRound(*engine);
        QVERIFY2(summary.error.contains(QStringLiteral("HTTP %1").arg(f.status)), qPrintable(summary.error));
        QCOMPARE(summary.quarantined, 0);
        QVERIFY(!k.store().lastSuccess().isValid());
    }
    // relais-admin's round above recorded a receipt; the deliveries since moved the head, and the portal's page that
    // answered it is no receipt.
    QVERIFY(k.journal()->lastReceipt().has_value());
    QVERIFY(k.journal()->lastReceipt()->seq < k.store().journalHead()->seq);

    // A clean network: everything arrives exactly once, byte for byte, and the round is a success.
    fault.reset();
    auto engine = k.engine();
    const RoundSummary clean = runRound(*engine);
    QVERIFY2(clean.error.isEmpty(), qPrintable(clean.error));
    QCOMPARE(clean.waiting, 0);
    QVERIFY(k.store().lastSuccess().isValid());
    QCOMPARE(k.journal()->lastReceipt()->seq, k.store().journalHead()->seq);
    QCOMPARE(expectSeen, 0); // no request ever carried an Expect header
    const QJsonArray list = platform.list();
    QCOMPARE(list.size(), ids.size());
    QSet<QString> uuids;
    QList<QByteArray> stored;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        uuids.insert(o.value(QLatin1String("uuid")).toString());
        for (const QJsonValue &a : o.value(QLatin1String("attachments")).toArray())
            stored.append(a.toObject().value(QLatin1String("sha256")).toString().toLatin1());
    }
    for (const qint64 id : ids) {
        QCOMPARE(k.state(id), QStringLiteral("delivered"));
        QVERIFY(uuids.contains(k.uuid(id)));
    }
    QList<QByteArray> sent;
    for (const QByteArray &file : big + small + tiny)
        sent.append(sha256Hex(file));
    std::sort(stored.begin(), stored.end());
    std::sort(sent.begin(), sent.end());
    QCOMPARE(stored, sent);
    QCOMPARE(k.journalActions().count(QStringLiteral("submission_delivered")), ids.size());
#endif
}

QTEST_GUILESS_MAIN(TestStrictIntermediary)
#include "TestStrictIntermediary.moc"
