#include "ScriptedHttpServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace relais::test;

namespace {

// What a QNetworkAccessManager user sees of one exchange.
struct Seen
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

} // namespace

class TestScriptedHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void normalReplyCarriesStatusHeadersAndBody();
    void emptyReplyHasNoBody();
    void problemHelperIsProblemJson();
    void captivePortalAnswersHtml();
    void hangMakesTheClientTimeOut();
    void closeBeforeReplyIsRemoteHostClosed();
    void truncatedBodyIsAnErrorWithPartialBody();
    void droppedUploadFailsAndIsRecordedIncomplete();
    void handlerThenQueuesThenAlways();
    void qtResendsOnceAfterASilentClose();
    void scriptedDropWinsOverHandler();
    void unscriptedRequestGets599();
    void keepAliveServesSequentialRequestsOnOneConnection();
    void headersAreRecordedCaseInsensitively();
    void chunkedRequestBodyIsRefusedWith411();
    void oversizedRequestBodyIsRefusedWith413();
    void pipelinedRequestsAreAnsweredInOrder();

private:
    Seen exchange(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, int transferTimeoutMs = 0);
    QByteArray rawExchange(const QByteArray &bytes);

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestScriptedHttpServer::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void TestScriptedHttpServer::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

Seen TestScriptedHttpServer::exchange(const QByteArray &method, const QString &path, const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers, int transferTimeoutMs)
{
    QNetworkRequest request(m_server->url().resolved(QUrl(path)));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);
    // head() rather than a custom verb: only then does Qt know the answer has no body.
    QNetworkReply *reply = method == "HEAD" ? m_nam->head(request) : m_nam->sendCustomRequest(request, method, body);
    Seen seen;
    // Read as it arrives: after a broken transfer, what came before the break is still what the user got.
    connect(reply, &QIODevice::readyRead, reply, [&seen, reply] { seen.body += reply->readAll(); });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000)) {
        qWarning("no answer within 10 s");
        reply->abort();
        seen.status = -1; // fails every test that expects an answer
        reply->deleteLater();
        return seen;
    }
    if (reply->isOpen())
        seen.body += reply->readAll();
    seen.error = reply->error();
    seen.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    seen.contentType = reply->rawHeader("Content-Type");
    seen.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return seen;
}

// Speaks to the server with a bare socket, for what QNetworkAccessManager never sends; returns all it answered
// until it closed the connection.
QByteArray TestScriptedHttpServer::rawExchange(const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    if (socket.state() != QAbstractSocket::ConnectedState && !connected.wait(5000))
        return {};
    socket.write(bytes);
    // Every exchange here ends with the server closing; the event loop must turn for it (same thread) to answer.
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    if (socket.state() != QAbstractSocket::UnconnectedState)
        disconnected.wait(5000);
    const QByteArray answer = socket.readAll();
    return answer;
}

void TestScriptedHttpServer::normalReplyCarriesStatusHeadersAndBody()
{
    const QJsonObject catalogue{{QStringLiteral("version"), 7}, {QStringLiteral("name"), QStringLiteral("Démarches")}};
    m_server->enqueue("GET", QStringLiteral("/v1/catalogue"),
                      ScriptedReply::json(200, catalogue, {{"ETag", "\"abc\""}, {"Relais-Platform", "1"}}));

    const Seen seen = exchange("GET", QStringLiteral("/v1/catalogue?cursor=12"));
    QCOMPARE(seen.error, QNetworkReply::NoError);
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.contentType, QByteArray("application/json; charset=utf-8"));
    QCOMPARE(seen.header("ETag"), QByteArray("\"abc\""));
    QCOMPARE(seen.header("Relais-Platform"), QByteArray("1"));
    QCOMPARE(QJsonDocument::fromJson(seen.body).object(), catalogue);
    QCOMPARE(seen.header("Content-Length"), QByteArray::number(seen.body.size()));

    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().method, QByteArray("GET"));
    QCOMPARE(requests.first().path, QByteArray("/v1/catalogue?cursor=12"));
    QVERIFY(requests.first().complete);
    QVERIFY(requests.first().matched);
    QCOMPARE(m_server->count("GET", QStringLiteral("/v1/catalogue")), 1);
    QCOMPARE(m_server->count("POST", QStringLiteral("/v1/catalogue")), 0);
    QCOMPARE(m_server->count("GET", QStringLiteral("/v1/cat")), 0); // anchored: a prefix is not a match
}

void TestScriptedHttpServer::emptyReplyHasNoBody()
{
    m_server->enqueue("GET", QStringLiteral("/v1/health"), ScriptedReply::empty(204, {{"Relais-Platform", "1"}}));
    const Seen seen = exchange("GET", QStringLiteral("/v1/health"));
    QCOMPARE(seen.error, QNetworkReply::NoError);
    QCOMPARE(seen.status, 204);
    QCOMPARE(seen.header("Relais-Platform"), QByteArray("1"));
    QVERIFY(seen.body.isEmpty());
}

void TestScriptedHttpServer::problemHelperIsProblemJson()
{
    m_server->enqueue("PUT", QStringLiteral("/v1/submissions/[0-9a-f-]+"),
                      ScriptedReply::problem(409, QStringLiteral("submission-conflict"),
                                             QStringLiteral("La plateforme détient déjà une autre démarche.")));
    const Seen seen = exchange("PUT", QStringLiteral("/v1/submissions/0b5e0c1e-8f55-4a4c-9a55-3c1f2d6a7b10"), "{}",
                               {{"Content-Type", "application/json"}});
    QCOMPARE(seen.error, QNetworkReply::ContentConflictError);
    QCOMPARE(seen.status, 409);
    QCOMPARE(seen.contentType, QByteArray("application/problem+json"));
    const QJsonObject problem = QJsonDocument::fromJson(seen.body).object();
    QCOMPARE(problem.value(QStringLiteral("type")).toString(),
             QStringLiteral("https://relais.invalid/problems/submission-conflict"));
    QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 409);
    QCOMPARE(problem.value(QStringLiteral("title")).toString(), QStringLiteral("Conflict"));
    QCOMPARE(problem.value(QStringLiteral("detail")).toString(),
             QStringLiteral("La plateforme détient déjà une autre démarche."));
    QCOMPARE(m_server->requests().first().body, QByteArray("{}"));
}

void TestScriptedHttpServer::captivePortalAnswersHtml()
{
    const QByteArray page = "<!doctype html><html><body><h1>Wi-Fi gratuit</h1><form>Accepter</form></body></html>";
    m_server->enqueue("GET", QStringLiteral("/v1/health"), ScriptedReply::html(200, page));
    const Seen seen = exchange("GET", QStringLiteral("/v1/health"));
    QCOMPARE(seen.error, QNetworkReply::NoError);
    QCOMPARE(seen.status, 200); // not the 204 the platform gives: a client must not take this for "online"
    QCOMPARE(seen.contentType, QByteArray("text/html; charset=utf-8"));
    QCOMPARE(seen.body, page);
    QVERIFY(seen.header("Relais-Platform").isEmpty());
}

void TestScriptedHttpServer::hangMakesTheClientTimeOut()
{
    m_server->enqueue("GET", QStringLiteral("/v1/health"), ScriptedReply::hang());
    const Seen seen = exchange("GET", QStringLiteral("/v1/health"), {}, {}, 300);
    QVERIFY2(seen.error == QNetworkReply::OperationCanceledError || seen.error == QNetworkReply::TimeoutError,
             qPrintable(QString::number(seen.error)));
    QCOMPARE(seen.status, 0);
    QVERIFY(seen.body.isEmpty());
    QCOMPARE(m_server->count("GET", QStringLiteral("/v1/health")), 1); // it did arrive; only the answer never came
}

void TestScriptedHttpServer::closeBeforeReplyIsRemoteHostClosed()
{
    // `always`: QNetworkAccessManager resends an idempotent request once when a connection closes without a byte.
    m_server->always("GET", QStringLiteral("/v1/health"), ScriptedReply::closeNow());
    const Seen seen = exchange("GET", QStringLiteral("/v1/health"));
    QCOMPARE(seen.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(seen.status, 0);
    QVERIFY(seen.body.isEmpty());
    QVERIFY(m_server->count("GET", QStringLiteral("/v1/health")) >= 1);
}

void TestScriptedHttpServer::truncatedBodyIsAnErrorWithPartialBody()
{
    QByteArray document(100000, Qt::Uninitialized);
    for (qsizetype i = 0; i < document.size(); ++i)
        document[i] = char('a' + i % 26);
    m_server->enqueue("GET", QStringLiteral("/v1/catalogue"), ScriptedReply::truncated(200, document, 40000));
    const Seen seen = exchange("GET", QStringLiteral("/v1/catalogue"));
    QVERIFY2(seen.error != QNetworkReply::NoError, "a short body must not look like a whole one");
    QVERIFY(seen.body.size() < document.size());
    QCOMPARE(seen.body, document.left(seen.body.size()));
}

void TestScriptedHttpServer::droppedUploadFailsAndIsRecordedIncomplete()
{
    const qint64 dropAt = 64 * 1024;
    m_server->always("PATCH", QStringLiteral("/v1/uploads/[0-9a-f]{32}"), ScriptedReply::dropMidRequest(dropAt));
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = char(i * 7 % 251);
    const QString path = QStringLiteral("/v1/uploads/0123456789abcdef0123456789abcdef");
    const Seen seen =
        exchange("PATCH", path, chunk, {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}});
    QVERIFY2(seen.error != QNetworkReply::NoError, qPrintable(QString::number(seen.error)));
    QCOMPARE(seen.status, 0);

    QCOMPARE(m_server->count("PATCH", QStringLiteral("/v1/uploads/.*")), 0); // never a complete request
    const QList<RecordedRequest> incomplete = m_server->incompleteRequests();
    QVERIFY(!incomplete.isEmpty());
    const RecordedRequest &first = incomplete.first();
    QVERIFY(!first.complete);
    QCOMPARE(first.method, QByteArray("PATCH"));
    QCOMPARE(first.header("upload-offset"), QByteArray("0"));
    QCOMPARE(first.header("Content-Length"), QByteArray::number(chunk.size()));
    QCOMPARE(first.body, chunk.left(dropAt)); // exactly what the server took in before the drop
}

void TestScriptedHttpServer::handlerThenQueuesThenAlways()
{
    // The default is scripted first, the one-shot answers after: the one-shot answers still come first.
    m_server->always("GET", QStringLiteral("/v1/submissions/status"), ScriptedReply::empty(200));
    m_server->enqueue("GET", QStringLiteral("/v1/submissions/status"), ScriptedReply::empty(201));
    m_server->enqueue("GET", QStringLiteral("/v1/submissions/status"), ScriptedReply::empty(202));
    m_server->enqueue("GET", QStringLiteral("/v1/health"), ScriptedReply::empty(503));
    int handled = 0;
    m_server->setHandler([&handled](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.pathWithoutQuery() != "/v1/health")
            return std::nullopt;
        ++handled;
        return ScriptedReply::empty(204);
    });

    QCOMPARE(exchange("GET", QStringLiteral("/v1/health")).status, 204);
    QCOMPARE(exchange("GET", QStringLiteral("/v1/submissions/status?cursor=a")).status, 201);
    QCOMPARE(exchange("GET", QStringLiteral("/v1/submissions/status?cursor=b")).status, 202);
    QCOMPARE(exchange("GET", QStringLiteral("/v1/submissions/status")).status, 200);
    QCOMPARE(exchange("GET", QStringLiteral("/v1/submissions/status")).status, 200);
    QCOMPARE(handled, 1);

    // Without the handler, the queue it was hiding answers.
    m_server->setHandler(nullptr);
    QCOMPARE(exchange("GET", QStringLiteral("/v1/health")).status, 503);
    QCOMPARE(m_server->count("GET", QStringLiteral("/v1/submissions/status")), 4);
    QCOMPARE(m_server->count({}, QStringLiteral("/v1/.*")), 6);

    // always() again for the same rule replaces its answer.
    m_server->always("GET", QStringLiteral("/v1/submissions/status"),
                     ScriptedReply::empty(429, {{"Retry-After", "5"}}));
    const Seen limited = exchange("GET", QStringLiteral("/v1/submissions/status"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("5"));
}

void TestScriptedHttpServer::unscriptedRequestGets599()
{
    m_server->enqueue("GET", QStringLiteral("/v1/health"), ScriptedReply::empty(204));
    QTest::ignoreMessage(QtWarningMsg, "ScriptedHttpServer: no scripted reply for POST /v1/enrolments");
    const Seen seen = exchange("POST", QStringLiteral("/v1/enrolments"), "{}");
    QCOMPARE(seen.status, 599);
    QVERIFY(seen.body.contains("no scripted reply"));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QVERIFY(!requests.first().matched);

    // clear() forgets the scripts too: the health answer queued above is gone.
    m_server->clear();
    QVERIFY(m_server->requests().isEmpty());
    QTest::ignoreMessage(QtWarningMsg, "ScriptedHttpServer: no scripted reply for GET /v1/health");
    QCOMPARE(exchange("GET", QStringLiteral("/v1/health")).status, 599);
}

void TestScriptedHttpServer::keepAliveServesSequentialRequestsOnOneConnection()
{
    m_server->enqueue("GET", QStringLiteral("/one"), ScriptedReply::html(200, "first"));
    // A HEAD answer announces a length but sends no body: a stray body would corrupt the next answer.
    m_server->enqueue("HEAD", QStringLiteral("/two"), [] {
        ScriptedReply r = ScriptedReply::html(200, "never sent");
        r.headers.append(qMakePair(QByteArray("Upload-Offset"), QByteArray("42")));
        return r;
    }());
    m_server->enqueue("POST", QStringLiteral("/three"), ScriptedReply::html(201, "third"));

    const Seen one = exchange("GET", QStringLiteral("/one"));
    const Seen two = exchange("HEAD", QStringLiteral("/two"));
    const Seen three = exchange("POST", QStringLiteral("/three"), "payload");
    QCOMPARE(one.body, QByteArray("first"));
    QCOMPARE(two.status, 200);
    QCOMPARE(two.header("Upload-Offset"), QByteArray("42"));
    QVERIFY(two.body.isEmpty());
    QCOMPARE(three.status, 201);
    QCOMPARE(three.body, QByteArray("third"));

    QCOMPARE(m_server->connectionCount(), 1);
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    for (const RecordedRequest &r : requests)
        QCOMPARE(r.connection, 1);
    QCOMPARE(requests.at(2).body, QByteArray("payload"));
}

void TestScriptedHttpServer::headersAreRecordedCaseInsensitively()
{
    m_server->always("POST", QStringLiteral("/v1/uploads/"),
                     ScriptedReply::empty(201, {{"Location", "/v1/uploads/x"}}));
    const Seen seen = exchange("POST", QStringLiteral("/v1/uploads/"), {},
                               {{"Tus-Resumable", "1.0.0"},
                                {"Authorization", "Bearer tok"},
                                {"Upload-Metadata", "filename YS5wZGY="},
                                {"upload-length", "12"}});
    QCOMPARE(seen.status, 201);
    QCOMPARE(seen.header("location"), QByteArray("/v1/uploads/x"));
    const RecordedRequest r = m_server->requests().first();
    QCOMPARE(r.header("tus-resumable"), QByteArray("1.0.0"));
    QCOMPARE(r.header("TUS-RESUMABLE"), QByteArray("1.0.0"));
    QCOMPARE(r.header("authorization"), QByteArray("Bearer tok"));
    QCOMPARE(r.header("Upload-Length"), QByteArray("12"));
    QCOMPARE(r.header("upload-metadata"), QByteArray("filename YS5wZGY="));
    QVERIFY(r.header("Upload-Checksum").isEmpty());
}

void TestScriptedHttpServer::chunkedRequestBodyIsRefusedWith411()
{
    m_server->always("PUT", QStringLiteral("/v1/submissions/.*"), ScriptedReply::empty(201));
    const QByteArray answer = rawExchange("PUT /v1/submissions/u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                          "\r\n2\r\n{}\r\n0\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 411 "), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!m_server->requests().first().matched);
}

void TestScriptedHttpServer::oversizedRequestBodyIsRefusedWith413()
{
    m_server->always("PATCH", QStringLiteral("/v1/uploads/.*"), ScriptedReply::empty(204));
    const QByteArray answer =
        rawExchange("PATCH /v1/uploads/u HTTP/1.1\r\nHost: x\r\nContent-Length: 16777217\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());

    // 16 MiB exactly is accepted, and arrives byte for byte.
    const QByteArray big(16 * 1024 * 1024, 'z');
    const Seen seen = exchange("PATCH", QStringLiteral("/v1/uploads/u"), big);
    QCOMPARE(seen.status, 204);
    QCOMPARE(m_server->requests().last().body.size(), big.size());
    QVERIFY(m_server->requests().last().body == big);
}

void TestScriptedHttpServer::pipelinedRequestsAreAnsweredInOrder()
{
    m_server->enqueue("GET", QStringLiteral("/a"), ScriptedReply::html(200, "AAA"));
    m_server->enqueue("POST", QStringLiteral("/b"), ScriptedReply::html(201, "BBB"));
    m_server->enqueue("GET", QStringLiteral("/c"), ScriptedReply::html(202, "CCC"));
    const QByteArray answer =
        rawExchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const qsizetype a = answer.indexOf("HTTP/1.1 200 OK");
    const qsizetype b = answer.indexOf("HTTP/1.1 201 Created");
    const qsizetype c = answer.indexOf("HTTP/1.1 202 Accepted");
    QVERIFY2(a == 0 && a < b && b < c, answer.constData());
    QVERIFY(answer.endsWith("CCC"));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests().at(1).body, QByteArray("hello"));
}

void TestScriptedHttpServer::qtResendsOnceAfterASilentClose()
{
    // Worth knowing when scripting faults: QNetworkAccessManager resends a request (even a PUT) once by itself when
    // a connection closes before the first byte of the answer. One closeNow() is then invisible to the client;
    // always(closeNow()) is what makes the failure reach it (see closeBeforeReplyIsRemoteHostClosed).
    m_server->enqueue("PUT", QStringLiteral("/v1/submissions/.*"), ScriptedReply::closeNow());
    m_server->always("PUT", QStringLiteral("/v1/submissions/.*"), ScriptedReply::empty(201));
    const Seen seen = exchange("PUT", QStringLiteral("/v1/submissions/u1"), "{\"a\":1}");
    QCOMPARE(seen.error, QNetworkReply::NoError);
    QCOMPARE(seen.status, 201);
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 2); // the same submission arrived twice
    QCOMPARE(requests.at(0).body, requests.at(1).body);
    QVERIFY(requests.at(0).connection != requests.at(1).connection);
}

void TestScriptedHttpServer::scriptedDropWinsOverHandler()
{
    int handled = 0;
    m_server->setHandler([&handled](const RecordedRequest &) -> std::optional<ScriptedReply> {
        ++handled;
        return ScriptedReply::empty(204, {{"Upload-Offset", "4096"}});
    });
    // `always`, because a body small enough to sit whole in the socket buffers is resent by Qt after the close.
    m_server->always("PATCH", QStringLiteral("/v1/uploads/.*"), ScriptedReply::dropMidRequest(1024));
    const QByteArray chunk(512 * 1024, 'c');

    const Seen dropped = exchange("PATCH", QStringLiteral("/v1/uploads/abc"), chunk);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QCOMPARE(dropped.status, 0);
    QCOMPARE(handled, 0); // the handler never saw a request whose body never came
    QVERIFY(m_server->requests().isEmpty());
    QVERIFY(!m_server->incompleteRequests().isEmpty());
    for (const RecordedRequest &r : m_server->incompleteRequests())
        QCOMPARE(r.body, chunk.left(1024));

    // Once the path's script is no longer a drop, the handler answers again.
    m_server->always("PATCH", QStringLiteral("/v1/uploads/.*"), ScriptedReply::empty(500));
    const Seen next = exchange("PATCH", QStringLiteral("/v1/uploads/abc"), chunk.left(4096));
    QCOMPARE(next.status, 204);
    QCOMPARE(next.header("Upload-Offset"), QByteArray("4096"));
    QCOMPARE(handled, 1);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().body, chunk.left(4096));
}

QTEST_GUILESS_MAIN(TestScriptedHttpServer)
#include "TestScriptedHttpServer.moc"
