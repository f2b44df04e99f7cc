#include "HttpExchange.h"

#include "protocol/Protocol.h"

#include <QLocale>
#include <QNetworkAccessManager>

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
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        HttpResponse r;
        r.error = reply->error();
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
