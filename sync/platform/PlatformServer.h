#pragma once

#include "HttpMessage.h"
#include "PlatformStore.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QStringList>

namespace relais::platform {

struct ServerOptions
{
    QString platformName = QStringLiteral("Plateforme de démonstration");
    QStringList tusExtensions = {QStringLiteral("creation"), QStringLiteral("checksum"), QStringLiteral("termination"),
                                 QStringLiteral("expiration")};
    double uploadExpiryHours = 24;
};

inline constexpr qint64 MaxChunkBytes = qint64(8) << 20;
inline constexpr qint64 MaxJsonBytes = qint64(2) << 20;
inline constexpr int StatusPageSize = 500;

// Failed attempts per client address in a sliding window: past `maxFailures` within `windowMs`, the address waits
// until the oldest of them leaves the window. In memory: a restart forgets, which is fine for a slowing-down.
class AttemptLimiter
{
public:
    AttemptLimiter(int maxFailures, qint64 windowMs) : m_maxFailures(maxFailures), m_windowMs(windowMs)
    {
        m_clock.start();
    }
    qint64 secondsToWait(const QString &client); // 0: may try now
    void recordFailure(const QString &client);

private:
    int m_maxFailures;
    qint64 m_windowMs;
    QElapsedTimer m_clock; // monotonic: a clock set back does not lift the limit
    QHash<QString, QList<qint64>> m_failures;
};

inline constexpr int EnrolmentFailuresAllowed = 10;
inline constexpr qint64 EnrolmentWindowMs = 10 * 60 * 1000;

// The HTTP side of relais-platform (sync/protocol/README.md). Requests are handled one at a time on the event loop;
// each answer is written to the socket by handleRequest().
class PlatformServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    PlatformServer(PlatformStore &store, ServerOptions options, QObject *parent = nullptr);

    HttpResponse handle(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse route(const QHttpServerRequest &request, const QString &path);
    std::optional<Device> authenticate(const QHttpServerRequest &request, HttpResponse &refusal);

    HttpResponse enrol(const QHttpServerRequest &request);
    HttpResponse tusOptions();
    HttpResponse createUpload(const QHttpServerRequest &request, const Device &device);
    HttpResponse uploadRequest(const QHttpServerRequest &request, const Device &device, const QString &id);
    HttpResponse patchUpload(const QHttpServerRequest &request, const Upload &upload);
    HttpResponse putSubmission(const QHttpServerRequest &request, const Device &device, const QString &uuid);
    HttpResponse statusFeed(const QHttpServerRequest &request, const Device &device);
    HttpResponse catalogue(const QHttpServerRequest &request);
    HttpResponse putJournalHead(const QHttpServerRequest &request, const Device &device, const QString &seq);
    HttpResponse putActivity(const QHttpServerRequest &request, const Device &device, const QString &uuid);
    HttpResponse statusPage();

    bool hasExtension(const char *name) const;
    void addTusHeaders(HttpResponse &response) const;
    QByteArray uploadExpires(const Upload &upload) const;

    PlatformStore &m_store;
    ServerOptions m_options;
    QHostAddress m_peer; // of the request being handled
    AttemptLimiter m_enrolmentLimiter{EnrolmentFailuresAllowed, EnrolmentWindowMs};
};

} // namespace relais::platform
