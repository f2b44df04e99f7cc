#include "Enrolment.h"

#include "HttpExchange.h"

#include "protocol/Protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace relais::sync {

Enrolment::Enrolment(QNetworkAccessManager *nam, QObject *parent) : QObject(parent), m_nam(nam) {}

void Enrolment::enrol(const QUrl &platform, const QString &code, const QString &deviceName,
                      std::function<void(Result<SyncSettings>)> done)
{
    const auto later = [this, done](Error e) {
        QMetaObject::invokeMethod(
            this, [done, e] { done(e); }, Qt::QueuedConnection);
    };
    const QString scheme = platform.scheme();
    if (!platform.isValid() || platform.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        later(makeError(ErrorCode::InvalidInput, tr("This is not a platform address (it starts with https://).")));
        return;
    }
    if (scheme == QLatin1String("http") && !protocol::isLoopbackUrl(platform)) {
        later(makeError(ErrorCode::InvalidInput, tr("The platform address must start with https://: plain http is only "
                                                    "allowed to a platform on this computer.")));
        return;
    }
    const QString normalised = code.trimmed().toUpper();
    if (!QRegularExpression(QStringLiteral("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")).match(normalised).hasMatch()) {
        later(makeError(ErrorCode::InvalidInput, tr("An enrolment code looks like ABCD-EFGH-IJKL.")));
        return;
    }
    if (deviceName.trimmed().isEmpty()) {
        later(makeError(ErrorCode::InvalidInput, tr("Give this kiosk a name, for example \"Kiosk 1\".")));
        return;
    }

    QList<QSslCertificate> cas;
    if (!m_platformCa.isEmpty()) {
        auto read = access::readCa(m_platformCa);
        if (!read) {
            later(read.error());
            return;
        }
        cas = read.value();
    }

    HttpExchange http;
    http.setNetworkAccessManager(m_nam);
    http.setTimeoutMs(m_timeoutMs);
    http.setPlatformCa(cas);
    access::configureProxy(m_nam, m_proxy);
    QNetworkRequest request = http.request(HttpExchange::endpoint(platform, QStringLiteral("/v1/enrolments")));
    request.setRawHeader("Content-Type", protocol::JsonContentType);
    const QJsonObject body{{QStringLiteral("code"), normalised}, {QStringLiteral("device_name"), deviceName.trimmed()}};
    http.send(
        request, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact), this,
        [platform, done, ca = m_platformCa](const HttpResponse &r) {
            if (const QString problem = r.transportProblem(); !problem.isEmpty()) {
                done(makeError(ErrorCode::Io, problem));
                return;
            }
            if (r.isFromSomethingElse()) {
                // A proxy's error page or a captive portal: the platform never saw the code, nothing was refused.
                done(makeError(ErrorCode::Io,
                               tr("Something on the network answered instead of the platform (HTTP %1): a proxy, a "
                                  "firewall or a Wi-Fi login page may be in the way. Check the network, then try "
                                  "again.")
                                   .arg(r.status)));
                return;
            }
            if (r.isNetworkFailure()) {
                done(makeError(ErrorCode::Io, tr("The platform cannot be reached. Check the address and the "
                                                 "network, then try again.")));
                return;
            }
            if (r.status != 201) {
                done(makeError(ErrorCode::InvalidInput,
                               r.problemDetail(tr("The platform refused the enrolment (error %1).").arg(r.status))));
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            SyncSettings s;
            s.platformUrl = platform.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
            s.deviceId = o.value(QLatin1String("device_id")).toString();
            s.token = o.value(QLatin1String("token")).toString().toUtf8();
            s.platformName = o.value(QLatin1String("platform_name")).toString();
            s.platformCa = ca;
            s.platformKey = QByteArray::fromBase64(o.value(QLatin1String("platform_key")).toString().toLatin1(),
                                                   QByteArray::AbortOnBase64DecodingErrors);
            if (!r.isJson() || s.deviceId.isEmpty() || s.token.size() < 43 || s.platformKey.size() != 32) {
                done(makeError(ErrorCode::InvalidInput, tr("The platform's answer to the enrolment is "
                                                           "incomplete: this may not be a Relais platform.")));
                return;
            }
            done(s);
        });
}

} // namespace relais::sync
