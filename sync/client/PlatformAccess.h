#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace relais::sync {

// A forward proxy an administrator set (relais-admin proxy set), kept in the encrypted store with its password.
struct ProxySettings
{
    QUrl url; // http://host:port; HTTPS goes through it with CONNECT
    QString user;
    QString password;
    bool isSet() const { return url.isValid() && !url.host().isEmpty(); }
};

// How this kiosk reaches its platform, for the enrolment and the sync engine alike.
namespace access {

// Proxies: the administrator's when set, else the system's (https_proxy, http_proxy, no_proxy and the desktop's
// settings, through QNetworkProxyFactory::systemProxyForQuery); never one towards loopback. `nam` keeps it.
void configureProxy(QNetworkAccessManager *nam, const ProxySettings &proxy);

// The certificates of a PEM file (the platform's CA); a translated reason when there is none.
Result<QList<QSslCertificate>> readCa(const QByteArray &pem);

// An http:// proxy address with a host and a port; a translated reason otherwise.
Result<QUrl> parseProxyUrl(const QString &text);

} // namespace access

} // namespace relais::sync
