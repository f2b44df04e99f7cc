#include "HttpMessage.h"

#include "protocol/Protocol.h"

#include <QHttpServerRequest>
#include <QJsonDocument>

namespace relais::platform {

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    r.setHeader("Content-Type", protocol::JsonContentType);
    return r;
}

HttpResponse HttpResponse::problem(int status, const QString &code, const QString &title, const QString &detail)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(protocol::problem(status, code, title, detail)).toJson(QJsonDocument::Compact);
    r.setHeader("Content-Type", QByteArray(protocol::ProblemContentType) + "; charset=utf-8");
    return r;
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second.trimmed();
    }
    return {};
}

QByteArray serialise(const HttpResponse &response, bool headRequest)
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + protocol::reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += QByteArray(protocol::PlatformHeader) + ": 1\r\n";
    // Every body is what its Content-Type says: no browser guesses HTML in a JSON answer or an uploaded file.
    out += "X-Content-Type-Options: nosniff\r\n";
    // 204 and 304 carry no body and no length; a HEAD answer announces none either (tus HEAD is headers only).
    if (response.status != 204 && response.status != 304)
        out += "Content-Length: " + QByteArray::number(headRequest ? 0 : response.body.size()) + "\r\n";
    out += "\r\n";
    if (!headRequest && response.status != 204 && response.status != 304)
        out += response.body;
    return out;
}

} // namespace relais::platform
