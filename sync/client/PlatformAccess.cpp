#include "PlatformAccess.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace relais::sync::access {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("relais::sync::PlatformAccess", text);
}

bool isLoopbackHost(const QString &host)
{
    const QHostAddress address(host);
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           (!address.isNull() && address.isLoopback());
}

// Loopback never through a proxy (a local platform in tests and demos); everything else through the
// administrator's proxy, or else as the system says.
class PlatformProxyFactory : public QNetworkProxyFactory
{
public:
    explicit PlatformProxyFactory(const ProxySettings &proxy) : m_proxy(proxy) {}

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        if (m_proxy.isSet())
            return {QNetworkProxy(QNetworkProxy::HttpProxy, m_proxy.url.host(), quint16(m_proxy.url.port(8080)),
                                  m_proxy.user, m_proxy.password)};
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }

private:
    ProxySettings m_proxy;
};

} // namespace

void configureProxy(QNetworkAccessManager *nam, const ProxySettings &proxy)
{
    nam->setProxyFactory(new PlatformProxyFactory(proxy));
}

Result<QList<QSslCertificate>> readCa(const QByteArray &pem)
{
    QList<QSslCertificate> cas;
    for (const QSslCertificate &c : QSslCertificate::fromData(pem, QSsl::Pem)) {
        if (!c.isNull())
            cas.append(c);
    }
    if (cas.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("This file holds no certificate: give the platform's CA certificate in PEM format."));
    return cas;
}

Result<QUrl> parseProxyUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty() || url.port() <= 0 ||
        !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return makeError(ErrorCode::InvalidInput,
                         tr("A proxy address looks like http://proxy.example.org:3128 (the user name and the "
                            "password are given apart)."));
    return url.adjusted(QUrl::StripTrailingSlash);
}

} // namespace relais::sync::access
