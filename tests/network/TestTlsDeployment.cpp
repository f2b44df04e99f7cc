// The documented deployment (sync/protocol/README.md §13): relais-platform behind nginx ending TLS with a
// certificate from a CA made for the test, the kiosk (relais-admin) pinning that CA. What an administrator would
// check: enrolment, a full sync with documents byte for byte, a cut in the middle and a resume, all over TLS; and a
// platform certificate from another CA refused with a clear sentence, nothing sent, nothing quarantined.
#include "NetworkHarness.h"

#include <QSslConfiguration>
#include <QSslSocket>

using namespace networktest;

class TestTlsDeployment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void enrolSyncCutAndResumeThroughNginx();
    void certificateFromAnotherCaIsRefused();
    void nginxAnswersExpectAndLimitsAndKeepsAlive();
    void readmeShowsTheConfigurationUsed();
};

namespace {

// A TLS connection to the front that trusts only its test CA, for requests written by hand.
std::unique_ptr<QSslSocket> connectTo(TlsFront &front)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(front.caPath()));
    socket->setSslConfiguration(tls);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(front.url().port()));
    if (!socket->waitForEncrypted(10000))
        return nullptr;
    return socket;
}

// Reads until `until` appears (or 10 s pass); returns what came.
QByteArray readUntil(QSslSocket &socket, const QByteArray &until)
{
    QByteArray in;
    QDeadlineTimer deadline(10000);
    while (!in.contains(until) && !deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(200);
        in += socket.readAll();
    }
    return in;
}

} // namespace

void TestTlsDeployment::initTestCase()
{
    clearProxyEnvironment();
    NETWORK_REQUIRE(!nginxPath().isEmpty(), "nginx is not installed (scripts/setup installs it)");
    NETWORK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
                    "openssl is not installed (scripts/setup installs it)");
}

void TestTlsDeployment::enrolSyncCutAndResumeThroughNginx()
{
    platformtest::Platform platform;
    QVERIFY(platform.start());
    TempStoreDir work;
    TlsFront front(work.file(QStringLiteral("nginx")));
    const quint16 port = freePort();
    QVERIFY2(front.start(quint16(platform.url(QStringLiteral("/")).port()), port), qPrintable(front.diagnostics()));

    const QString store = work.file(QStringLiteral("kiosk"));
    QVERIFY(makeStore(store));
    // Documents of 1 to 4 MiB in 64 KiB chunks: dozens of requests each, so the cut lands in the middle.
    QVERIFY(queueDemarches(store, 4, 1024 * 1024));
    const QMap<QString, QStringList> expected = localDocuments(store, {QStringLiteral("queued")});
    QCOMPARE(expected.size(), 4);

    const Run enrolled = enrol(store, front.url(), platform.enrolmentCode(), front.caPath());
    QVERIFY2(enrolled.code == 0, qPrintable(enrolled.err));
    QVERIFY2(enrolled.out.startsWith(QLatin1String("Enrolled with ")), qPrintable(enrolled.out));
    QVERIFY2(front.accessLog().contains(QLatin1String("\"POST /v1/enrolments\" 201")), qPrintable(front.accessLog()));

    // A sync cut by nginx going away in the middle of the uploads.
    QProcess cut;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    cut.setProcessEnvironment(env);
    cut.start(QStringLiteral(RELAIS_ADMIN_PATH),
              QStringList{QStringLiteral("sync"), QStringLiteral("--chunk-size"), QStringLiteral("65536")} + as(store));
    QVERIFY(cut.waitForStarted(5000));
    cut.write(adminPassword().toUtf8());
    cut.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(front.accessLog().count(QLatin1String("\"PATCH /v1/uploads/")) >= 12 ||
                                 cut.state() == QProcess::NotRunning,
                             60000);
    QVERIFY2(cut.state() == QProcess::Running, "the sync ended before the cut");
    front.stop();
    QVERIFY(cut.waitForFinished(60000));
    const QString cutOut = QString::fromUtf8(cut.readAllStandardOutput());
    QCOMPARE(cut.exitCode(), 1);
    QCOMPARE(summaryCount(cutOut, QStringLiteral("quarantined")), 0);
    const int deliveredBeforeCut = int(platformDocuments(platform).size());
    QVERIFY2(deliveredBeforeCut < expected.size(), qPrintable(cutOut));

    // nginx back on the same address: the next round resumes where the platform says it stopped.
    QVERIFY2(front.start(quint16(platform.url(QStringLiteral("/")).port()), port), qPrintable(front.diagnostics()));
    const Run resumed = networktest::sync(store);
    QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
    QCOMPARE(summaryCount(resumed.out, QStringLiteral("waiting")), 0);
    QCOMPARE(summaryCount(resumed.out, QStringLiteral("quarantined")), 0);
    QCOMPARE(summaryCount(resumed.out, QStringLiteral("delivered")), int(expected.size()) - deliveredBeforeCut);
    // The upload cut in the middle was resumed from the platform's offset, not started again.
    QVERIFY2(front.accessLog().contains(QRegularExpression(QStringLiteral("\"HEAD /v1/uploads/[^\"]+\" 200"))),
             qPrintable(front.accessLog().right(3000)));

    // Every démarche once, every document byte for byte.
    QCOMPARE(platformDocuments(platform), expected);
    QCOMPARE(localDocuments(store, {QStringLiteral("delivered")}), expected);
}

void TestTlsDeployment::certificateFromAnotherCaIsRefused()
{
    platformtest::Platform platform;
    QVERIFY(platform.start());
    const quint16 upstream = quint16(platform.url(QStringLiteral("/")).port());
    TempStoreDir work;
    TlsFront front(work.file(QStringLiteral("nginx")));
    TlsFront impostor(work.file(QStringLiteral("other-nginx"))); // its own CA, made at its start
    const quint16 port = freePort();
    QVERIFY2(impostor.start(upstream, port), qPrintable(impostor.diagnostics()));
    impostor.stop();
    QVERIFY2(front.start(upstream, port), qPrintable(front.diagnostics()));

    const QString store = work.file(QStringLiteral("kiosk"));
    QVERIFY(makeStore(store));

    // Enrolment with another CA, or with the system's CAs (which do not know the test CA): refused in one sentence,
    // before any request.
    const QString code = platform.enrolmentCode();
    for (const QString &ca : {impostor.caPath(), QString()}) {
        const Run refused = enrol(store, front.url(), code, ca);
        QCOMPARE(refused.code, 1);
        QCOMPARE(refused.err.trimmed(), QStringLiteral("relais-admin: ") + QString::fromUtf8(UntrustedCertificate));
        QVERIFY(refused.out.isEmpty());
    }
    QVERIFY2(!front.accessLog().contains(QLatin1String("/v1/enrolments")), qPrintable(front.accessLog()));
    const Run notEnrolled = networktest::sync(store);
    QVERIFY2(notEnrolled.err.contains(QLatin1String("not enrolled")), qPrintable(notEnrolled.err));

    // Enrolled with the right CA, then the platform's address answers with a certificate from another CA.
    const Run enrolled = enrol(store, front.url(), code, front.caPath());
    QVERIFY2(enrolled.code == 0, qPrintable(enrolled.err));
    QVERIFY(queueDemarches(store, 1, 64 * 1024));
    front.stop();
    QVERIFY2(impostor.start(upstream, port), qPrintable(impostor.diagnostics()));
    const Run round = networktest::sync(store);
    QCOMPARE(round.code, 1);
    QCOMPARE(round.err.trimmed(), QStringLiteral("relais-admin: ") + QString::fromUtf8(UntrustedCertificate));
    QCOMPARE(summaryCount(round.out, QStringLiteral("quarantined")), 0);
    QCOMPARE(summaryCount(round.out, QStringLiteral("waiting")), 1);
    QVERIFY2(impostor.accessLog().isEmpty(), qPrintable(impostor.accessLog())); // not one request
    QVERIFY(platform.list().isEmpty());
    QVERIFY(localDocuments(store, {QStringLiteral("quarantined")}).isEmpty());
    QCOMPARE(localDocuments(store, {QStringLiteral("queued"), QStringLiteral("sending")}).size(), 1);

    // The right certificate again: the démarche goes.
    impostor.stop();
    QVERIFY2(front.start(upstream, port), qPrintable(front.diagnostics()));
    const Run again = networktest::sync(store);
    QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
    QCOMPARE(summaryCount(again.out, QStringLiteral("delivered")), 1);
    QCOMPARE(platform.list().size(), 1);
}

void TestTlsDeployment::nginxAnswersExpectAndLimitsAndKeepsAlive()
{
    platformtest::Platform platform;
    QVERIFY(platform.start());
    TempStoreDir work;
    TlsFront front(work.file(QStringLiteral("nginx")));
    QVERIFY2(front.start(quint16(platform.url(QStringLiteral("/")).port()), freePort()),
             qPrintable(front.diagnostics()));

    // Over the limit: refused from the headers alone, before one byte of the body is read.
    auto big = connectTo(front);
    QVERIFY(big);
    big->write("PATCH /v1/uploads/0123 HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
               "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
               "Content-Length: 10485760\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(readUntil(*big, "\r\n\r\n").startsWith("HTTP/1.1 413 "));

    // A full 8 MiB chunk with its headers is within the limit (nginx's default, 1 MiB, would refuse it).
    auto chunk = connectTo(front);
    QVERIFY(chunk);
    chunk->write("PATCH /v1/uploads/0123 HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                 "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                 "Content-Length: 8388608\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(readUntil(*chunk, "\r\n\r\n").startsWith("HTTP/1.1 100 Continue"));

    // "Expect: 100-continue" answered by nginx at once (QHttpServer never would); the platform then answers the
    // request, and the same connection carries the next one (keep-alive).
    auto socket = connectTo(front);
    QVERIFY(socket);
    const QByteArray body(4096, 'x');
    socket->write("PUT /v1/submissions/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(readUntil(*socket, "\r\n\r\n").startsWith("HTTP/1.1 100 Continue"));
    socket->write(body);
    const QByteArray answer = readUntil(*socket, "\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.left(200).constData()); // no token: the platform's answer
    QVERIFY(answer.contains("Relais-Platform: 1"));
    QVERIFY(!answer.toLower().contains("connection: close"));
    socket->readAll(); // the problem body
    socket->write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QByteArray health = readUntil(*socket, "\r\n\r\n");
    QVERIFY2(health.startsWith("HTTP/1.1 204 "), health.left(200).constData());
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void TestTlsDeployment::readmeShowsTheConfigurationUsed()
{
    // What an operator copies from the protocol's page is what these tests ran.
    const QString conf = readText(sourceDir() + QStringLiteral("/sync/protocol/deploy/nginx.conf"));
    QVERIFY(conf.contains(QLatin1String("client_max_body_size 9m;")));
    QVERIFY(readText(sourceDir() + QStringLiteral("/sync/protocol/README.md"))
                .contains(QStringLiteral("```nginx\n") + conf + QStringLiteral("```")));
}

QTEST_GUILESS_MAIN(TestTlsDeployment)
#include "TestTlsDeployment.moc"
