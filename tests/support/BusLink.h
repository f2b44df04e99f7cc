#pragma once

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

class QTcpSocket;

namespace relais::test {

// A mediation bus's 3G link between a kiosk and a platform on loopback, for tests (the kernel here has no netem).
// A TCP relay that, in each direction, lets bytes through at a given rate and a one-way delay, with TCP's view of
// packet loss: TCP hides a lost packet by sending it again, so the application sees a stall rather than a gap. Each
// 1460-byte segment is lost with probability `lossRate`; a loss holds the stream for one round trip (fast
// retransmit), and one loss in twenty for a whole second (a retransmission timeout). cut() is the bus entering a
// tunnel: every connection is reset and new ones are refused until heal().
//
// The model: 1 Mbit/s up, 4 Mbit/s down, 150 ms each way (300 ms round trip), 2 % loss, by default. At most 64 KiB
// wait in the relay per direction (the TCP window): beyond it, the relay stops reading and the sender waits.
class BusLink : public QObject
{
    Q_OBJECT

public:
    struct Model
    {
        qint64 upBytesPerSecond = 125000;   // 1 Mbit/s
        qint64 downBytesPerSecond = 500000; // 4 Mbit/s
        int oneWayDelayMs = 150;
        double lossRate = 0.02;
        quint32 seed = 20261206;
    };

    explicit BusLink(quint16 upstreamPort, Model model, QObject *parent = nullptr);
    explicit BusLink(quint16 upstreamPort, QObject *parent = nullptr) : BusLink(upstreamPort, Model(), parent) {}
    ~BusLink() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    // Once `patchBodyBytes()` reaches `bytes`, in the middle of a chunk, the link is cut.
    void cutAfterPatchBytes(qint64 bytes) { m_cutAt = bytes; }
    void cut();
    void heal() { m_broken = false; }
    bool isCut() const { return m_broken; }
    int cuts() const { return m_cuts; }

    // What reached the platform: every byte, and the bytes of tus PATCH bodies (a chunk cut short included).
    qint64 upBytes() const { return m_upBytes; }
    qint64 downBytes() const { return m_downBytes; }
    qint64 patchBodyBytes() const { return m_patchBytes; }
    qint64 largestPatchBody() const { return m_largestPatch; }
    int stalls() const { return m_stalls; }

private:
    struct Packet
    {
        qint64 dueMs;
        QByteArray bytes;
    };
    struct Direction
    {
        qint64 bytesPerSecond = 0;
        qint64 freeAtMs = 0; // when the link finishes sending what it already took
        std::deque<Packet> inFlight;
        qint64 queued = 0;
    };
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        Direction up;
        Direction down;
        QByteArray head;     // request head being read (kiosk -> platform)
        qint64 bodyLeft = 0; // bytes of the current request's body still to come
        bool patch = false;
        bool dead = false;
    };

    void accept();
    void pump();
    void take(Link &l, QTcpSocket *from, Direction &d, bool upstream);
    qint64 countPatch(Link &l, const QByteArray &data);
    qint64 nowMs() const;

    quint16 m_upstreamPort;
    Model m_model;
    QRandomGenerator m_rng;
    std::vector<std::unique_ptr<Link>> m_links;
    QTcpServer m_server; // after m_links: its sockets go before the links that point to them
    QTimer m_tick;
    qint64 m_startMs = 0;
    qint64 m_cutAt = -1;
    bool m_broken = false;
    int m_cuts = 0;
    qint64 m_upBytes = 0;
    qint64 m_downBytes = 0;
    qint64 m_patchBytes = 0;
    qint64 m_largestPatch = 0;
    qint64 m_currentPatch = 0;
    int m_stalls = 0;
};

} // namespace relais::test
