#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

class QHttpServerRequest;

namespace relais::platform {

// One answer, written to the socket by hand: QHttpServer 6.4 aborts on a status it has no reason phrase for (tus
// uses 460), and the wire contract needs every header under our control.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse empty(int status);
    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse problem(int status, const QString &code, const QString &title, const QString &detail);
};

// Header names are case-insensitive (QHttpServerRequest::value() is not in Qt 6.4).
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);

// Status line, headers (with Content-Length and Relais-Platform) and, unless the request was HEAD, the body.
QByteArray serialise(const HttpResponse &response, bool headRequest);

} // namespace relais::platform
