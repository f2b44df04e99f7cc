#include "ScriptedHttpServer.h"

#include "client/HttpExchange.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

using namespace relais;
using namespace relais::test;
using relais::sync::HttpExchange;
using relais::sync::HttpResponse;

namespace {

#ifdef Q_OS_LINUX
// TCP_NODELAY of one descriptor: 1 on, 0 off, -1 unreadable.
int noDelay(int fd)
{
    int value = 0;
    socklen_t length = sizeof value;
    return ::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &length) == 0 ? (value ? 1 : 0) : -1;
}

// TCP_NODELAY of each of this process's connections to 127.0.0.1:`port`, found the way a reader of /proc would.
QList<int> noDelayTowards(quint16 port)
{
    QList<int> found;
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return found;
    while (const dirent *entry = ::readdir(dir)) {
        bool ok = false;
        const int fd = QByteArray(entry->d_name).toInt(&ok);
        sockaddr_in peer{};
        socklen_t length = sizeof peer;
        if (ok && ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0 && peer.sin_family == AF_INET &&
            ntohs(peer.sin_port) == port)
            found.append(noDelay(fd));
    }
    ::closedir(dir);
    return found;
}
#endif

std::optional<HttpResponse> exchange(HttpExchange &http, const QUrl &url)
{
    std::optional<HttpResponse> answer;
    QObject context;
    http.send(http.request(url), "GET", {}, &context, [&](const HttpResponse &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return std::nullopt;
    return answer;
}

// A platform answering its health check, and the kiosk's client for it (no proxy), as the sync engine sets it up.
struct HealthyPlatform
{
    HealthyPlatform()
    {
        server.always("GET", QStringLiteral("/v1/health"), ScriptedReply::empty(204, {{"Relais-Platform", "1"}}));
        nam.setProxy(QNetworkProxy::NoProxy);
        http.setNetworkAccessManager(&nam);
    }
    QUrl url() const { return server.url(); }
    int connectionCount() const { return server.connectionCount(); }

    ScriptedHttpServer server;
    QNetworkAccessManager nam;
    HttpExchange http;
};

} // namespace

// Qt's HTTP client keeps Nagle's algorithm on; with the platform's delayed acknowledgements, the last piece of every
// uploaded chunk waited 40 ms (relais-bench sync: a delivery three times as long as curl's). A duration is never
// asserted (DESIGN, tests): what is checked is the socket option the delay depends on, on the kiosk's connection.
class TestHttpExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void platformConnectionSendsWithoutDelay();
    void otherConnectionsAreLeftAlone();
};

void TestHttpExchange::platformConnectionSendsWithoutDelay()
{
#ifndef Q_OS_LINUX
    QSKIP("the kiosk sets TCP_NODELAY on Linux only");
#else
    HealthyPlatform platform;
    QVERIFY(platform.server.listen());
    HttpExchange &http = platform.http;
    const QUrl health = HttpExchange::endpoint(platform.url(), QStringLiteral("/v1/health"));

    const auto first = exchange(http, health);
    QVERIFY(first);
    QCOMPARE(first->status, 204);
    const QList<int> options = noDelayTowards(quint16(platform.url().port()));
    QCOMPARE(options.size(), 1); // the kept-alive connection to the platform
    QCOMPARE(options.first(), 1);

    // The next request goes on the same connection, still without delay.
    const auto second = exchange(http, health);
    QVERIFY(second);
    QCOMPARE(second->status, 204);
    QCOMPARE(platform.connectionCount(), 1);
    QCOMPARE(noDelayTowards(quint16(platform.url().port())), QList<int>{1});
#endif
}

void TestHttpExchange::otherConnectionsAreLeftAlone()
{
#ifndef Q_OS_LINUX
    QSKIP("the kiosk sets TCP_NODELAY on Linux only");
#else
    // Another program's part in the same process, connected elsewhere: its sockets are not the kiosk's to tune.
    QTcpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress::LocalHost, 0));
    QTcpSocket bystander;
    bystander.connectToHost(QHostAddress::LocalHost, elsewhere.serverPort());
    QVERIFY(bystander.waitForConnected(5000));
    QCOMPARE(noDelay(int(bystander.socketDescriptor())), 0);

    HealthyPlatform platform;
    QVERIFY(platform.server.listen());
    HttpExchange &http = platform.http;
    const auto answer = exchange(http, HttpExchange::endpoint(platform.url(), QStringLiteral("/v1/health")));
    QVERIFY(answer);
    QCOMPARE(answer->status, 204);
    QCOMPARE(noDelayTowards(quint16(platform.url().port())), QList<int>{1});
    QCOMPARE(noDelay(int(bystander.socketDescriptor())), 0);
#endif
}

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "TestHttpExchange.moc"
