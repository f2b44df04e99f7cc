#pragma once

// The real relais-platform process on a free loopback port, and a small synchronous HTTP client to talk to it.

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <csignal>

namespace platformtest {

struct Reply
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isProblem() const { return header("Content-Type").startsWith("application/problem+json"); }
    QString problemType() const
    {
        return json()
            .value(QLatin1String("type"))
            .toString()
            .remove(QStringLiteral("https://relais.invalid/problems/"));
    }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

class Http
{
public:
    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const Headers &headers = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
            request.setRawHeader("Content-Type", "application/json; charset=utf-8");
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply out;
        if (reply->isFinished()) {
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            out.body = reply->readAll();
            out.headers = reply->rawHeaderPairs();
        }
        reply->deleteLater();
        return out;
    }

private:
    QNetworkAccessManager m_nam;
};

inline QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

// One platform process. The data directory outlives a stop(), so a test can restart on the same data.
class Platform
{
public:
    explicit Platform(QStringList extraArguments = {}) : m_extra(std::move(extraArguments)) {}
    ~Platform() { stop(); }

    QString dataDir() const { return m_dir.path(); }

    bool start(const QStringList &moreArguments = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.reset(new QProcess);
        m_out.clear(); // a restart prints its own port and code
        m_err.clear();
        m_process->setProcessEnvironment(environment);
        m_process->start(
            QStringLiteral(RELAIS_PLATFORM_PATH),
            QStringList{QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--port"), QStringLiteral("0")} +
                m_extra + moreArguments);
        if (!m_process->waitForStarted(5000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        static const QRegularExpression code(QStringLiteral("enrolment code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})"));
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            m_out += m_process->readAllStandardOutput();
            const QString text = QString::fromUtf8(m_out);
            const auto l = listening.match(text);
            const auto c = code.match(text);
            if (l.hasMatch() && c.hasMatch()) {
                m_base = QUrl(l.captured(1));
                m_code = c.captured(1);
                return true;
            }
            if (m_process->state() == QProcess::NotRunning)
                return false;
            m_process->waitForReadyRead(100);
        }
        return false;
    }

    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
        m_out += m_process->readAllStandardOutput();
        m_err += m_process->readAllStandardError();
    }

    int exitCode() const { return m_process ? m_process->exitCode() : -1; }
    QByteArray standardError()
    {
        if (m_process)
            m_err += m_process->readAllStandardError();
        return m_err;
    }
    QByteArray standardOutput() const { return m_out; }

    QUrl url(const QString &path) const { return m_base.resolved(QUrl(path)); }
    QString enrolmentCode() const { return m_code; }

    // An operator subcommand on this data directory; returns the exit code.
    int command(const QString &name, const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral(RELAIS_PLATFORM_PATH),
                QStringList{name, QStringLiteral("--data-dir"), dataDir()} + arguments);
        p.waitForFinished(15000);
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    QJsonArray list()
    {
        QByteArray out;
        if (command(QStringLiteral("list"), {QStringLiteral("--json")}, &out) != 0)
            return {};
        return QJsonDocument::fromJson(out).array();
    }

    QString newCode()
    {
        QByteArray out;
        command(QStringLiteral("code"), {}, &out);
        return QString::fromLatin1(out.trimmed());
    }

    struct Device
    {
        QString id;
        QString token;
        QByteArray platformKey;
    };
    // Enrols with `code`, or else a fresh one; an empty token says it failed.
    Device enrol(Http &http, const QString &name = QStringLiteral("Kiosque test"), QString code = {})
    {
        if (code.isEmpty())
            code = newCode();
        const Reply r =
            http.send("POST", url(QStringLiteral("/v1/enrolments")),
                      QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("device_name"), name}})
                          .toJson(QJsonDocument::Compact));
        const QJsonObject o = r.json();
        return {o.value(QLatin1String("device_id")).toString(), o.value(QLatin1String("token")).toString(),
                QByteArray::fromBase64(o.value(QLatin1String("platform_key")).toString().toLatin1())};
    }

private:
    QStringList m_extra;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    QUrl m_base;
    QString m_code;
};

inline QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline QByteArray tusMetadata(const QByteArray &filename, const QByteArray &contentType, const QByteArray &sha256,
                              const QByteArray &submission)
{
    return "filename " + filename.toBase64() + ",content_type " + contentType.toBase64() + ",sha256 " +
           sha256.toBase64() + ",submission " + submission.toBase64();
}

// Creates an upload; returns its path (/v1/uploads/<id>) or an empty string.
inline QString createUpload(Http &http, const Platform &platform, const QString &token, qint64 length,
                            const QByteArray &sha256, const QByteArray &submission,
                            const QByteArray &filename = "justificatif.pdf")
{
    const Reply r = http.send("POST", platform.url(QStringLiteral("/v1/uploads/")), {},
                              {{"Authorization", bearer(token)},
                               {"Tus-Resumable", "1.0.0"},
                               {"Upload-Length", QByteArray::number(length)},
                               {"Upload-Metadata", tusMetadata(filename, "application/pdf", sha256, submission)}});
    if (r.status != 201)
        return {};
    return QString::fromLatin1(r.header("Location"));
}

inline Reply patch(Http &http, const Platform &platform, const QString &token, const QString &location, qint64 offset,
                   const QByteArray &chunk, const QByteArray &checksum = {})
{
    Headers headers{{"Authorization", bearer(token)},
                    {"Tus-Resumable", "1.0.0"},
                    {"Content-Type", "application/offset+octet-stream"},
                    {"Upload-Offset", QByteArray::number(offset)}};
    if (!checksum.isEmpty())
        headers.append({"Upload-Checksum", checksum});
    return http.send("PATCH", platform.url(location), chunk, headers);
}

inline Reply head(Http &http, const Platform &platform, const QString &token, const QString &location)
{
    return http.send("HEAD", platform.url(location), {},
                     {{"Authorization", bearer(token)}, {"Tus-Resumable", "1.0.0"}});
}

// A whole upload in one PATCH; returns the upload id, or an empty string.
inline QString uploadBytes(Http &http, const Platform &platform, const QString &token, const QByteArray &bytes,
                           const QByteArray &submission)
{
    const QString location = createUpload(http, platform, token, bytes.size(), sha256Hex(bytes), submission);
    if (location.isEmpty() || patch(http, platform, token, location, 0, bytes).status != 204)
        return {};
    return location.section(QLatin1Char('/'), -1);
}

} // namespace platformtest
