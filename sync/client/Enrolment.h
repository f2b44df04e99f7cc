#pragma once

#include "SyncStore.h"

#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace relais::sync {

// Enrols this kiosk with a platform: POST /v1/enrolments with the one-time code an administrator read on the
// platform. The caller stores the result with SyncStore::saveEnrolment. Plain http:// is refused unless the
// platform is on this machine (loopback). Asynchronous; relais-admin waits for `done` with a local event loop.
class Enrolment : public QObject
{
    Q_OBJECT

public:
    explicit Enrolment(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The platform's CA (PEM): trusted alone for the enrolment, then kept with it. Empty: the system's CAs.
    void setPlatformCa(const QByteArray &pem) { m_platformCa = pem; }
    // The administrator's proxy; unset: the system's. Applied to the access manager given at construction.
    void setProxy(const ProxySettings &proxy) { m_proxy = proxy; }
    // `done` is called exactly once (never from inside enrol() itself).
    void enrol(const QUrl &platform, const QString &code, const QString &deviceName,
               std::function<void(Result<SyncSettings>)> done);

private:
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 30000;
    QByteArray m_platformCa;
    ProxySettings m_proxy;
};

} // namespace relais::sync
