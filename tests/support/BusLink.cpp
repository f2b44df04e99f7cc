#include "BusLink.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <algorithm>

namespace relais::test {

namespace {
constexpr qint64 Segment = 1460;
constexpr qint64 Window = 64 * 1024;
constexpr int RtoMs = 1000;
} // namespace

BusLink::BusLink(quint16 upstreamPort, Model model, QObject *parent)
    : QObject(parent), m_upstreamPort(upstreamPort), m_model(model), m_rng(model.seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &BusLink::accept);
    m_tick.setInterval(5);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &BusLink::pump);
    m_startMs = QDateTime::currentMSecsSinceEpoch();
}

BusLink::~BusLink()
{
    m_tick.stop();
    for (const auto &l : m_links) {
        l->client->abort();
        l->server->abort();
    }
}

bool BusLink::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_tick.start();
    return true;
}

qint64 BusLink::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() - m_startMs;
}

void BusLink::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_broken) {
            client->abort(); // in the tunnel: nothing gets through
            client->deleteLater();
            continue;
        }
        auto link = std::make_unique<Link>();
        Link *l = link.get();
        l->client = client;
        l->server = new QTcpSocket(&m_server);
        l->up.bytesPerSecond = m_model.upBytesPerSecond;
        l->down.bytesPerSecond = m_model.downBytesPerSecond;
        m_links.push_back(std::move(link));
        connect(client, &QTcpSocket::readyRead, this, [this, l] { take(*l, l->client, l->up, true); });
        connect(l->server, &QTcpSocket::readyRead, this, [this, l] { take(*l, l->server, l->down, false); });
        connect(l->server, &QTcpSocket::connected, this, [this, l] { take(*l, l->client, l->up, true); });
        // A side that closes: the other one is told once what is in flight has arrived (pump()).
        connect(client, &QTcpSocket::disconnected, this, [l] { l->dead = true; });
        connect(l->server, &QTcpSocket::disconnected, this, [l] { l->dead = true; });
        l->server->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

// Bytes read from one side enter the link: each segment leaves when the link is free at its rate, and arrives one
// delay later, or later still when it was lost and sent again.
void BusLink::take(Link &l, QTcpSocket *from, Direction &d, bool upstream)
{
    if (m_broken || l.dead || l.server->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 room = Window - d.queued;
    if (room <= 0)
        return; // the window is full: the sender waits (pump() reads again)
    QByteArray data = from->read(room);
    if (data.isEmpty())
        return;
    if (upstream) {
        const qint64 allowed = countPatch(l, data);
        if (allowed < data.size()) {
            cut(); // in the middle of a chunk: its bytes in flight never arrive
            return;
        }
    }
    const qint64 now = nowMs();
    for (qint64 at = 0; at < data.size(); at += Segment) {
        const QByteArray segment = data.mid(at, Segment);
        d.freeAtMs = std::max(d.freeAtMs, now) + std::max<qint64>(1, segment.size() * 1000 / d.bytesPerSecond);
        qint64 due = d.freeAtMs + m_model.oneWayDelayMs;
        if (m_rng.generateDouble() < m_model.lossRate) {
            ++m_stalls;
            // Lost: sent again after a round trip (three duplicate acknowledgements), or after a timeout.
            const qint64 stall = m_rng.bounded(20) == 0 ? RtoMs : 2 * m_model.oneWayDelayMs;
            d.freeAtMs += stall;
            due += stall;
        }
        // In order, like TCP: nothing overtakes a stalled segment.
        if (!d.inFlight.empty())
            due = std::max(due, d.inFlight.back().dueMs);
        d.inFlight.push_back({due, segment});
        d.queued += segment.size();
    }
}

qint64 BusLink::countPatch(Link &l, const QByteArray &data)
{
    const qint64 n = data.size();
    qint64 i = 0;
    while (i < n) {
        if (l.bodyLeft > 0) {
            qint64 takeBytes = std::min(l.bodyLeft, n - i);
            if (l.patch) {
                if (m_cutAt >= 0 && m_patchBytes + takeBytes >= m_cutAt) {
                    takeBytes = m_cutAt - m_patchBytes;
                    m_patchBytes += takeBytes;
                    m_cutAt = -1;
                    return i + takeBytes;
                }
                m_patchBytes += takeBytes;
                m_currentPatch += takeBytes;
                m_largestPatch = std::max(m_largestPatch, m_currentPatch);
            }
            l.bodyLeft -= takeBytes;
            i += takeBytes;
            continue;
        }
        const qint64 before = l.head.size();
        l.head.append(data.constData() + i, n - i);
        const qint64 end = l.head.indexOf("\r\n\r\n");
        if (end < 0) {
            i = n;
            continue;
        }
        i += end + 4 - before;
        const QList<QByteArray> lines = l.head.left(end).split('\n');
        l.patch = lines.value(0).startsWith("PATCH ");
        m_currentPatch = 0;
        l.bodyLeft = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                l.bodyLeft = line.mid(15).trimmed().toLongLong();
        }
        l.head.clear();
    }
    return n;
}

void BusLink::pump()
{
    const qint64 now = nowMs();
    for (const auto &link : m_links) {
        Link &l = *link;
        const auto deliver = [&](Direction &d, QTcpSocket *to, qint64 &counter) {
            while (!d.inFlight.empty() && d.inFlight.front().dueMs <= now) {
                const QByteArray bytes = d.inFlight.front().bytes;
                d.inFlight.pop_front();
                d.queued -= bytes.size();
                if (to->state() == QAbstractSocket::ConnectedState) {
                    to->write(bytes);
                    counter += bytes.size();
                }
            }
        };
        deliver(l.up, l.server, m_upBytes);
        deliver(l.down, l.client, m_downBytes);
        if (l.dead) {
            if (l.up.inFlight.empty() && l.down.inFlight.empty()) {
                l.client->disconnectFromHost();
                l.server->disconnectFromHost();
            }
            continue;
        }
        // Room again in the window: read what waited.
        if (l.client->bytesAvailable() > 0)
            take(l, l.client, l.up, true);
        if (l.server->bytesAvailable() > 0)
            take(l, l.server, l.down, false);
    }
}

void BusLink::cut()
{
    m_broken = true;
    ++m_cuts;
    for (const auto &l : m_links) {
        l->up.inFlight.clear();
        l->down.inFlight.clear();
        l->up.queued = l->down.queued = 0;
        l->dead = true;
        l->client->abort();
        l->server->abort();
    }
}

} // namespace relais::test
