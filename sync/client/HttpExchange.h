#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace relais::sync {

// What came back for one request, read whole.
struct HttpResponse
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    bool viaProxy = false;                 // the request was for a proxy to carry

    // The request never got a complete HTTP answer: refused, reset, timed out, cut in the middle of the body.
    bool isNetworkFailure() const;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    bool isJson() const;
    // The answer carries `Relais-Platform: 1` (sync/protocol §1): anything else came from something on the way (a
    // proxy's error page, a captive portal), whatever its status says.
    bool isFromPlatform() const;
    // An HTTP answer without `Relais-Platform: 1`: a proxy (Qt reports its 407 as a proxy error), a firewall's page, a
    // captive portal. Never the platform's word, whatever its status.
    bool isFromSomethingElse() const;
    // The platform's own application/problem+json: the only answer that can refuse something (§6).
    bool isPlatformProblem() const;
    // The problem+json detail if there is one, else `fallback`.
    QString problemDetail(const QString &fallback) const;
    // What a person should know when the way to the platform failed before it could answer: a certificate that is
    // not trusted, a proxy that refused or is unreachable (translated); empty for any other outcome.
    QString transportProblem() const;
    // Seconds to wait from `now` asked by Retry-After (delta-seconds or HTTP-date); -1 when absent or unreadable.
    qint64 retryAfterSecs(const QDateTime &now) const;
};

// One HTTP exchange with the platform: the headers every request carries, a transfer timeout, no redirects, no
// cache, no cookies; the answer read whole and handed to `done` once.
class HttpExchange
{
public:
    HttpExchange() = default;
    void setNetworkAccessManager(QNetworkAccessManager *nam) { m_nam = nam; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setToken(const QByteArray &token) { m_token = token; }
    // The CA pinned at enrolment: when set, the platform's certificate must chain to it, and the system's CAs are not
    // used for the platform. Empty: the system's CAs.
    void setPlatformCa(const QList<QSslCertificate> &cas) { m_platformCa = cas; }

    QNetworkRequest request(const QUrl &url) const;
    // `context` owns the callback: if it goes, the callback is never called.
    QNetworkReply *send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
                        QObject *context, std::function<void(const HttpResponse &)> done);
    void abort();

    // base + "/v1/…": a platform URL may carry a path prefix.
    static QUrl endpoint(const QUrl &base, const QString &path, const QString &query = QString());

    // Qt's HTTP client leaves Nagle's algorithm on and writes a request body in 16 KiB pieces: the last piece of
    // every upload then waits for the platform's delayed acknowledgement (40 ms on Linux), which made a delivery
    // three times as long as curl's (relais-bench sync: 33 ms per chunk instead of 14). curl, browsers and nginx
    // send with TCP_NODELAY; QNetworkAccessManager has no such option, so after a reply that opened a connection,
    // this process's TCP connections to `peerPorts` (the platform's, or its proxy's) get it. Returns how many; Linux
    // only (elsewhere 0, and Nagle stays).
    static int sendWithoutDelay(const QSet<quint16> &peerPorts);

private:
    QNetworkAccessManager *m_nam = nullptr;
    int m_timeoutMs = 30000;
    QByteArray m_token;
    QList<QSslCertificate> m_platformCa;
    QPointer<QNetworkReply> m_current;
};

} // namespace relais::sync
