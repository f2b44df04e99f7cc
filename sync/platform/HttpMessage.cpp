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

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 460:
        return "Checksum Mismatch";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray serialise(const HttpResponse &response, bool headRequest)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += QByteArray(protocol::PlatformHeader) + ": 1\r\n";
    // 204 and 304 carry no body and no length; a HEAD answer announces none either (tus HEAD is headers only).
    if (response.status != 204 && response.status != 304)
        out += "Content-Length: " + QByteArray::number(headRequest ? 0 : response.body.size()) + "\r\n";
    out += "\r\n";
    if (!headRequest && response.status != 204 && response.status != 304)
        out += response.body;
    return out;
}

} // namespace relais::platform
