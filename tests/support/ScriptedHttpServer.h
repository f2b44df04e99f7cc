#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

namespace relais::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One scripted answer, including the broken ones a real network produces.
struct ScriptedReply
{
    enum class Kind
    {
        Normal,           // status line, headers, body
        Hang,             // read the request, never answer: the client must time out
        CloseBeforeReply, // read the request, close the connection without a byte
        TruncateBody,     // Content-Length announces body.size(), only sendBytes of it arrive, then the close
        DropRequestAfter  // close the connection once dropAfterRequestBytes of the request body were read
    };
    Kind kind = Kind::Normal;
    int status = 200;
    HeaderList headers; // Content-Length is added unless the kind needs it absent/wrong or one is given here
    QByteArray body;
    qint64 dropAfterRequestBytes = 0; // DropRequestAfter
    qint64 sendBytes = 0;             // TruncateBody: how many body bytes are really sent

    static ScriptedReply json(int status, const QJsonObject &o, HeaderList extra = {});
    // application/problem+json as the platform writes it: type https://relais.invalid/problems/<code>.
    static ScriptedReply problem(int status, const QString &code, const QString &detail);
    static ScriptedReply empty(int status, HeaderList headers = {});
    static ScriptedReply html(int status, const QByteArray &page); // e.g. a captive portal's 200
    static ScriptedReply hang();
    static ScriptedReply closeNow();
    static ScriptedReply truncated(int status, QByteArray body, qint64 sendBytes);
    static ScriptedReply dropMidRequest(qint64 afterBodyBytes);
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // with the query
    HeaderList headers;
    QByteArray body;      // for an incomplete request: the bytes that arrived before the connection ended
    bool complete = true; // false: the connection ended (or was dropped) before the whole body arrived
    bool matched = true;  // false: no script answered (599), or the server refused the request itself (411, 413)
    int connection = 0;   // 1 for the first connection accepted, 2 for the next…: shows keep-alive at work

    // Case-insensitive; repeated headers are joined with ", ". Empty when absent.
    QByteArray header(const QByteArray &nameCaseInsensitive) const;
    QByteArray pathWithoutQuery() const;
};

// An HTTP/1.1 server on 127.0.0.1 whose every answer is scripted. It parses requests itself (keep-alive, several
// requests per connection, Content-Length bodies up to 16 MiB) so a test controls each byte, and it never blocks
// the event loop: it only works while the test waits in it (QSignalSpy::wait, QTRY_*, a QEventLoop).
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<std::optional<ScriptedReply>(const RecordedRequest &)>;

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    bool listen();    // 127.0.0.1, free port
    QUrl url() const; // http://127.0.0.1:<port>

    // Who answers a complete request, in order: the handler; then one-shot queues (enqueue), first rule added
    // first; then `always` rules; else 599, recorded with matched = false. Rules match the method (empty = any)
    // and the whole path without its query against pathRegex. A one-shot reply queued for a path therefore wins
    // over an `always` default whatever the order they were added in.
    // DropRequestAfter is decided when the request's headers arrive (its body is never complete, so the handler
    // cannot see it): a drop at the head of a matching queue, or an `always` drop, wins over the handler. A drop
    // returned by the handler comes too late and acts as CloseBeforeReply.
    // QNetworkAccessManager resends a request (any verb) once by itself when the connection closes before the
    // first byte of an answer, and reads such a resend off the script too: a single closeNow(), or a drop of a
    // body small enough to fit the socket buffers, may never reach the client. Use always() to make it reach it.
    void enqueue(const QByteArray &method, const QString &pathRegex, ScriptedReply reply);
    // Answers every matching request with `reply`; calling it again for the same method and regex replaces it.
    void always(const QByteArray &method, const QString &pathRegex, ScriptedReply reply);
    void setHandler(Handler handler);

    QList<RecordedRequest> requests() const;           // every complete request seen, in order
    QList<RecordedRequest> incompleteRequests() const; // requests whose connection ended during the body
    int count(const QByteArray &method, const QString &pathRegex) const; // among requests()
    int connectionCount() const;                                         // connections accepted so far
    void clear();         // forgets scripts, handler and everything recorded; open connections stay
    void clearRequests(); // forgets what was recorded only

Q_SIGNALS:
    void requestReceived(const QByteArray &method, const QString &path); // a complete request arrived
    void requestAborted(const QByteArray &method, const QString &path);  // a request ended before its body

private:
    struct Rule
    {
        QByteArray method;
        QString pattern;
        QRegularExpression regex;
        QList<ScriptedReply> replies;
        bool repeat = false;
    };
    struct Connection;

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void process(QTcpSocket *socket, Connection &c);
    bool parseHead(QTcpSocket *socket, Connection &c);
    void finishRequest(QTcpSocket *socket, Connection &c);
    void abortRequest(QTcpSocket *socket, Connection &c, qint64 bodyBytes);
    void refuse(QTcpSocket *socket, Connection &c, int status, const QByteArray &why);
    Rule *findRule(const RecordedRequest &request, bool repeating);
    std::optional<ScriptedReply> peekScripted(const RecordedRequest &request);
    std::optional<ScriptedReply> takeScripted(const RecordedRequest &request);
    void send(QTcpSocket *socket, Connection &c, const ScriptedReply &reply);

    QTcpServer *m_server = nullptr;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    QList<Rule> m_rules;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QList<RecordedRequest> m_incomplete;
    int m_connectionCount = 0;
};

} // namespace relais::test
