#include "ScriptedHttpServer.h"

#include "protocol/Protocol.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>

namespace relais::test {

namespace {

constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;
constexpr qsizetype maxHeadBytes = 64 * 1024;

// 599 is this fake server's own answer to a request no script matched.
QByteArray reasonPhrase(int status)
{
    return status == 599 ? QByteArray("Unscripted") : protocol::reasonPhrase(status);
}

bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (sameName(h.first, name))
            return true;
    }
    return false;
}

// RFC 9110: these answers never carry a body, so they must not announce one either.
bool statusForbidsBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

QRegularExpression anchored(const QString &pathRegex)
{
    QRegularExpression re(QRegularExpression::anchoredPattern(pathRegex));
    if (!re.isValid())
        qWarning("ScriptedHttpServer: invalid path pattern %s", qPrintable(pathRegex));
    return re;
}

bool methodMatches(const QByteArray &wanted, const QByteArray &method)
{
    return wanted.isEmpty() || wanted == method;
}

} // namespace

ScriptedReply ScriptedReply::json(int status, const QJsonObject &o, HeaderList extra)
{
    ScriptedReply r;
    r.status = status;
    if (!hasHeader(extra, "Content-Type"))
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    r.headers.append(extra);
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

ScriptedReply ScriptedReply::problem(int status, const QString &code, const QString &detail)
{
    ScriptedReply r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/problem+json")));
    const QJsonObject o{{QStringLiteral("type"), QString(QStringLiteral("https://relais.invalid/problems/") + code)},
                        {QStringLiteral("title"), QString::fromLatin1(reasonPhrase(status))},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("detail"), detail}};
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

ScriptedReply ScriptedReply::empty(int status, HeaderList headers)
{
    ScriptedReply r;
    r.status = status;
    r.headers = std::move(headers);
    return r;
}

ScriptedReply ScriptedReply::html(int status, const QByteArray &page)
{
    ScriptedReply r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html; charset=utf-8")));
    r.body = page;
    return r;
}

ScriptedReply ScriptedReply::hang()
{
    ScriptedReply r;
    r.kind = Kind::Hang;
    return r;
}

ScriptedReply ScriptedReply::closeNow()
{
    ScriptedReply r;
    r.kind = Kind::CloseBeforeReply;
    return r;
}

ScriptedReply ScriptedReply::truncated(int status, QByteArray body, qint64 sendBytes)
{
    ScriptedReply r;
    r.kind = Kind::TruncateBody;
    r.status = status;
    r.body = std::move(body);
    r.sendBytes = qBound<qint64>(0, sendBytes, r.body.size());
    return r;
}

ScriptedReply ScriptedReply::dropMidRequest(qint64 afterBodyBytes)
{
    ScriptedReply r;
    r.kind = Kind::DropRequestAfter;
    r.dropAfterRequestBytes = qMax<qint64>(0, afterBodyBytes);
    return r;
}

QByteArray RecordedRequest::header(const QByteArray &nameCaseInsensitive) const
{
    QByteArray value;
    bool found = false;
    for (const auto &h : headers) {
        if (!sameName(h.first, nameCaseInsensitive))
            continue;
        if (found)
            value += ", ";
        value += h.second;
        found = true;
    }
    return value;
}

QByteArray RecordedRequest::pathWithoutQuery() const
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? path : path.left(q);
}

struct ScriptedHttpServer::Connection
{
    enum class State
    {
        Head,  // waiting for a request line and headers
        Body,  // reading contentLength bytes
        Hung,  // a Hang reply: everything further is ignored
        Closed // closing or closed: nothing more is parsed
    };
    int serial = 0;
    State state = State::Head;
    QByteArray buffer; // bytes received and not parsed yet
    RecordedRequest request;
    qint64 contentLength = 0;
    bool closeAfterReply = false;
    std::optional<ScriptedReply> drop;
};

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

ScriptedHttpServer::~ScriptedHttpServer()
{
    // The sockets die with m_server; they must not call back into a half-destroyed server.
    for (auto &entry : m_connections)
        entry.first->disconnect(this);
    m_connections.clear();
    delete m_server;
}

bool ScriptedHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_server->serverPort());
    return u;
}

void ScriptedHttpServer::enqueue(const QByteArray &method, const QString &pathRegex, ScriptedReply reply)
{
    for (Rule &r : m_rules) {
        if (!r.repeat && r.method == method && r.pattern == pathRegex) {
            r.replies.append(std::move(reply));
            return;
        }
    }
    m_rules.append(Rule{method, pathRegex, anchored(pathRegex), {std::move(reply)}, false});
}

void ScriptedHttpServer::always(const QByteArray &method, const QString &pathRegex, ScriptedReply reply)
{
    for (Rule &r : m_rules) {
        if (r.repeat && r.method == method && r.pattern == pathRegex) {
            r.replies = {std::move(reply)};
            return;
        }
    }
    m_rules.append(Rule{method, pathRegex, anchored(pathRegex), {std::move(reply)}, true});
}

void ScriptedHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

QList<RecordedRequest> ScriptedHttpServer::requests() const
{
    return m_requests;
}

QList<RecordedRequest> ScriptedHttpServer::incompleteRequests() const
{
    return m_incomplete;
}

int ScriptedHttpServer::count(const QByteArray &method, const QString &pathRegex) const
{
    const QRegularExpression re = anchored(pathRegex);
    int n = 0;
    for (const RecordedRequest &r : m_requests) {
        if (methodMatches(method, r.method) && re.match(QString::fromUtf8(r.pathWithoutQuery())).hasMatch())
            ++n;
    }
    return n;
}

int ScriptedHttpServer::connectionCount() const
{
    return m_connectionCount;
}

void ScriptedHttpServer::clear()
{
    m_rules.clear();
    m_handler = nullptr;
    clearRequests();
}

void ScriptedHttpServer::clearRequests()
{
    m_requests.clear();
    m_incomplete.clear();
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto c = std::make_unique<Connection>();
        c->serial = ++m_connectionCount;
        m_connections[socket] = std::move(c);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        // Erased only once the socket is gone, so a Connection never vanishes while process() uses it.
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.erase(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it->second;
    const QByteArray data = socket->readAll();
    if (c.state == Connection::State::Hung || c.state == Connection::State::Closed)
        return;
    c.buffer.append(data);
    process(socket, c);
}

void ScriptedHttpServer::onDisconnected(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it != m_connections.end()) {
        Connection &c = *it->second;
        if (c.state == Connection::State::Body)
            abortRequest(socket, c, qMin<qint64>(c.buffer.size(), c.contentLength));
        c.state = Connection::State::Closed;
    }
    socket->deleteLater();
}

void ScriptedHttpServer::process(QTcpSocket *socket, Connection &c)
{
    for (;;) {
        if (c.state == Connection::State::Head && !parseHead(socket, c))
            return;
        if (c.state != Connection::State::Body)
            return;
        const qint64 available = c.buffer.size();
        if (c.drop && c.drop->dropAfterRequestBytes < c.contentLength) {
            if (available >= c.drop->dropAfterRequestBytes) {
                abortRequest(socket, c, c.drop->dropAfterRequestBytes);
                socket->abort();
            }
            return;
        }
        if (available < c.contentLength)
            return;
        c.request.body = c.buffer.left(c.contentLength);
        c.buffer.remove(0, c.contentLength);
        finishRequest(socket, c);
    }
}

bool ScriptedHttpServer::parseHead(QTcpSocket *socket, Connection &c)
{
    // Robust servers ignore empty lines before a request line (RFC 9112 §2.2).
    while (c.buffer.startsWith("\r\n"))
        c.buffer.remove(0, 2);
    const qsizetype end = c.buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (c.buffer.size() > maxHeadBytes) {
            c.request = RecordedRequest();
            refuse(socket, c, 431, "request head too large");
        }
        return false;
    }
    const QByteArray head = c.buffer.left(end);
    c.buffer.remove(0, end + 4);

    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    c.request = RecordedRequest();
    c.request.connection = c.serial;
    c.contentLength = 0;
    c.drop.reset();
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        refuse(socket, c, 400, "malformed request line");
        return false;
    }
    c.request.method = requestLine.at(0);
    c.request.path = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(socket, c, 400, "malformed header line");
            return false;
        }
        c.request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const QByteArray connection = c.request.header("Connection").toLower();
    c.closeAfterReply =
        requestLine.at(2) == "HTTP/1.0" ? !connection.contains("keep-alive") : connection.contains("close");
    if (!c.request.header("Transfer-Encoding").isEmpty()) {
        refuse(socket, c, 411, "chunked request bodies are not supported, send Content-Length");
        return false;
    }
    const QByteArray length = c.request.header("Content-Length");
    if (!length.isEmpty()) {
        bool ok = false;
        c.contentLength = length.toLongLong(&ok);
        if (!ok || c.contentLength < 0) {
            refuse(socket, c, 400, "invalid Content-Length");
            return false;
        }
        if (c.contentLength > maxBodyBytes) {
            refuse(socket, c, 413, "request body larger than 16 MiB");
            return false;
        }
    }

    const std::optional<ScriptedReply> next = peekScripted(c.request);
    if (next && next->kind == ScriptedReply::Kind::DropRequestAfter)
        c.drop = takeScripted(c.request);
    if (c.request.header("Expect").toLower() == "100-continue")
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    c.state = Connection::State::Body;
    return true;
}

void ScriptedHttpServer::finishRequest(QTcpSocket *socket, Connection &c)
{
    RecordedRequest request = c.request;
    std::optional<ScriptedReply> reply;
    if (c.drop) {
        // The whole body arrived before the drop point: the connection still ends without an answer.
        reply = ScriptedReply::closeNow();
    }
    if (!reply && m_handler)
        reply = m_handler(request);
    if (!reply)
        reply = takeScripted(request);
    if (!reply) {
        qWarning("ScriptedHttpServer: no scripted reply for %s %s", request.method.constData(),
                 request.pathWithoutQuery().constData());
        request.matched = false;
        reply = ScriptedReply();
        reply->status = 599;
        reply->headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; charset=utf-8")));
        reply->body = "no scripted reply for " + request.method + ' ' + request.pathWithoutQuery() + '\n';
    }
    if (reply->kind == ScriptedReply::Kind::DropRequestAfter)
        reply->kind = ScriptedReply::Kind::CloseBeforeReply; // too late to drop: the body is all here
    m_requests.append(request);
    c.drop.reset();
    c.state = Connection::State::Head;
    send(socket, c, *reply);
    emit requestReceived(request.method, QString::fromUtf8(request.path));
}

void ScriptedHttpServer::abortRequest(QTcpSocket *socket, Connection &c, qint64 bodyBytes)
{
    Q_UNUSED(socket)
    RecordedRequest request = c.request;
    request.body = c.buffer.left(bodyBytes);
    request.complete = false;
    m_incomplete.append(request);
    c.buffer.clear();
    c.drop.reset();
    c.state = Connection::State::Closed;
    emit requestAborted(request.method, QString::fromUtf8(request.path));
}

void ScriptedHttpServer::refuse(QTcpSocket *socket, Connection &c, int status, const QByteArray &why)
{
    if (!c.request.method.isEmpty()) {
        RecordedRequest request = c.request;
        request.matched = false;
        m_requests.append(request);
    }
    ScriptedReply reply;
    reply.status = status;
    reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Connection", "close"}};
    reply.body = why + '\n';
    c.buffer.clear();
    send(socket, c, reply);
}

ScriptedHttpServer::Rule *ScriptedHttpServer::findRule(const RecordedRequest &request, bool repeating)
{
    const QString path = QString::fromUtf8(request.pathWithoutQuery());
    for (Rule &r : m_rules) {
        if (r.repeat != repeating || r.replies.isEmpty() || !methodMatches(r.method, request.method))
            continue;
        if (r.regex.match(path).hasMatch())
            return &r;
    }
    return nullptr;
}

std::optional<ScriptedReply> ScriptedHttpServer::peekScripted(const RecordedRequest &request)
{
    if (Rule *r = findRule(request, false))
        return r->replies.first();
    if (Rule *r = findRule(request, true))
        return r->replies.first();
    return std::nullopt;
}

std::optional<ScriptedReply> ScriptedHttpServer::takeScripted(const RecordedRequest &request)
{
    if (Rule *r = findRule(request, false))
        return r->replies.takeFirst();
    if (Rule *r = findRule(request, true))
        return r->replies.first();
    return std::nullopt;
}

void ScriptedHttpServer::send(QTcpSocket *socket, Connection &c, const ScriptedReply &reply)
{
    using Kind = ScriptedReply::Kind;
    if (reply.kind == Kind::Hang) {
        c.state = Connection::State::Hung;
        return;
    }
    if (reply.kind == Kind::CloseBeforeReply || reply.kind == Kind::DropRequestAfter) {
        c.state = Connection::State::Closed;
        socket->disconnectFromHost();
        return;
    }

    const bool noBody = statusForbidsBody(reply.status);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!noBody && !hasHeader(reply.headers, "Content-Length"))
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += "\r\n";
    if (!noBody && c.request.method != "HEAD")
        out += reply.kind == Kind::TruncateBody ? reply.body.left(reply.sendBytes) : reply.body;
    socket->write(out);

    bool closeAnswered = false;
    for (const auto &h : reply.headers) {
        if (sameName(h.first, "Connection") && h.second.toLower().contains("close"))
            closeAnswered = true;
    }
    if (reply.kind == Kind::TruncateBody || c.closeAfterReply || closeAnswered) {
        c.state = Connection::State::Closed;
        socket->disconnectFromHost();
    }
}

} // namespace relais::test
