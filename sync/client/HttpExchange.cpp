#include "HttpExchange.h"

#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSet>
#include <QSslConfiguration>

#include <memory>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#endif

Q_LOGGING_CATEGORY(lcHttp, "relais.sync.http", QtInfoMsg)

namespace relais::sync {

bool HttpResponse::isNetworkFailure() const
{
    // Connection and proxy errors (1..199) mean no trustworthy HTTP answer, even if a status line came first
    // (a body cut short).
    const int e = int(error);
    return status == 0 || (e >= 1 && e < 200);
}

bool HttpResponse::isJson() const
{
    const QByteArray type = header("content-type").toLower();
    return type.startsWith("application/json") || type.startsWith("application/problem+json");
}

bool HttpResponse::isFromPlatform() const
{
    return !isNetworkFailure() && header(protocol::PlatformHeader).trimmed() == "1";
}

bool HttpResponse::isFromSomethingElse() const
{
    return status != 0 && header(protocol::PlatformHeader).trimmed() != "1";
}

bool HttpResponse::isPlatformProblem() const
{
    return isFromPlatform() && protocol::parseProblem(body, header("content-type")).has_value();
}

QString HttpResponse::problemDetail(const QString &fallback) const
{
    const auto problem = protocol::parseProblem(body, header("content-type"));
    if (problem && !problem->detail.trimmed().isEmpty())
        return problem->detail.trimmed();
    return fallback;
}

QString HttpResponse::transportProblem() const
{
    const char *const context = "relais::sync::HttpExchange";
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        return QCoreApplication::translate(context, "The platform's certificate is not trusted by this kiosk: nothing "
                                                    "was sent. Check the platform address, or enrol again with the "
                                                    "platform's CA certificate.");
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QCoreApplication::translate(context, "The proxy refused the user name or the password (407): nothing "
                                                    "was sent. Check the proxy settings.");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    // Qt 6.4 reports a refused or unknown HTTP proxy as an unknown network error.
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::HostNotFoundError:
        if (!viaProxy && (error == QNetworkReply::UnknownNetworkError || error == QNetworkReply::HostNotFoundError))
            return {};
        return QCoreApplication::translate(context, "The proxy cannot be reached or closed the connection: the "
                                                    "démarches stay in the outbox. Check the proxy settings.");
    default:
        return {};
    }
}

qint64 HttpResponse::retryAfterSecs(const QDateTime &now) const
{
    const QByteArray value = header("retry-after").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 secs = value.toLongLong(&ok);
    if (ok)
        return secs < 0 ? -1 : secs;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2026 07:28:00 GMT" (RFC 7231).
    QString text = QString::fromLatin1(value);
    if (text.endsWith(QLatin1String(" GMT")))
        text.chop(4);
    QDateTime at = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!at.isValid())
        return -1;
    at.setTimeSpec(Qt::UTC);
    return qMax<qint64>(0, now.secsTo(at));
}

namespace {

bool carriedByProxy(QNetworkAccessManager *nam, const QUrl &url)
{
    if (!nam)
        return false;
    if (QNetworkProxyFactory *factory = nam->proxyFactory()) {
        const QList<QNetworkProxy> proxies = factory->queryProxy(QNetworkProxyQuery(url));
        return !proxies.isEmpty() && proxies.first().type() != QNetworkProxy::NoProxy;
    }
    const QNetworkProxy::ProxyType type = nam->proxy().type();
    return type != QNetworkProxy::DefaultProxy && type != QNetworkProxy::NoProxy;
}

// The ports a connection for `url` goes to: the platform's own, or the proxy's that carries it.
QSet<quint16> connectionPorts(QNetworkAccessManager *nam, const QUrl &url)
{
    QSet<quint16> ports{quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80))};
    QList<QNetworkProxy> proxies;
    if (nam && nam->proxyFactory())
        proxies = nam->proxyFactory()->queryProxy(QNetworkProxyQuery(url));
    else if (nam)
        proxies = {nam->proxy().type() == QNetworkProxy::DefaultProxy ? QNetworkProxy::applicationProxy()
                                                                      : nam->proxy()};
    for (const QNetworkProxy &proxy : std::as_const(proxies)) {
        if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy)
            ports.insert(proxy.port());
    }
    return ports;
}

} // namespace

int HttpExchange::sendWithoutDelay(const QSet<quint16> &peerPorts)
{
    int switched = 0;
#ifdef Q_OS_LINUX
    // QNetworkAccessManager does not hand out its sockets: they are found among this process's descriptors, by
    // their peer. A descriptor closed and reused meanwhile by another TCP connection only gets the same option.
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return 0;
    const int own = ::dirfd(dir);
    while (const dirent *entry = ::readdir(dir)) {
        bool ok = false;
        const int fd = QByteArray(entry->d_name).toInt(&ok);
        struct stat info = {};
        if (!ok || fd == own || ::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        int type = 0;
        socklen_t typeLength = sizeof type;
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof peer;
        if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeLength) != 0 || type != SOCK_STREAM ||
            ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        quint16 port = 0;
        if (peer.ss_family == AF_INET)
            port = ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
        else if (peer.ss_family == AF_INET6)
            port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
        else
            continue;
        const int one = 1;
        if (peerPorts.contains(port) && ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0)
            ++switched;
    }
    ::closedir(dir);
#else
    Q_UNUSED(peerPorts)
#endif
    return switched;
}

QNetworkRequest HttpExchange::request(const QUrl &url) const
{
    QNetworkRequest r(url);
    // A captive portal's redirect must read as "not online", never be followed.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setTransferTimeout(m_timeoutMs);
    if (!m_platformCa.isEmpty()) {
        // Only the pinned CA: a certificate from any other authority, system ones included, is refused.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_platformCa);
        r.setSslConfiguration(tls);
    }
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token);
    return r;
}

QNetworkReply *HttpExchange::send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
                                  QObject *context, std::function<void(const HttpResponse &)> done)
{
    QNetworkReply *reply = nullptr;
    if (verb == "GET")
        reply = m_nam->get(request);
    else if (verb == "HEAD")
        reply = m_nam->head(request);
    else
        reply = m_nam->sendCustomRequest(request, verb, body);
    m_current = reply;
    // This reply opened a connection: once it is answered, that connection sends without waiting (see the header).
    auto opened = std::make_shared<bool>(false);
    QObject::connect(reply, &QNetworkReply::socketStartedConnecting, context, [opened] { *opened = true; });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, opened, done = std::move(done)] {
        if (*opened) {
            const int switched = sendWithoutDelay(connectionPorts(reply->manager(), reply->url()));
            qCDebug(lcHttp) << "connections to the platform without Nagle's delay:" << switched;
        }
        HttpResponse r;
        r.error = reply->error();
        // Asked only after a failure: a proxy lookup may cost (libproxy), and only a failure needs to know.
        r.viaProxy = r.error != QNetworkReply::NoError && carriedByProxy(reply->manager(), reply->url());
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->isOpen() ? reply->readAll() : QByteArray();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        done(r);
    });
    return reply;
}

void HttpExchange::abort()
{
    if (m_current)
        m_current->abort();
}

QUrl HttpExchange::endpoint(const QUrl &base, const QString &path, const QString &query)
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(query.isEmpty() ? QString() : query);
    url.setFragment(QString());
    return url;
}

} // namespace relais::sync
