#pragma once

#include <QtGlobal>

namespace relais {
class Clock;
}

namespace relais::sync {

// How long the next tus chunk is. On a bus's slow link a 4 MiB chunk can take a minute to be acknowledged: a cut
// then loses up to a minute of sending, and the outbox shows no progress meanwhile. After each acknowledged chunk the
// size follows the link: an acknowledgement that took longer than SlowMs at least halves it, down to what the link
// carries in about TargetMs (not below the minimum); one that
// came within FastMs doubles it back (up to the maximum, the configured chunk size). It also keeps a smoothed
// estimate of the link's rate, from which the outbox tells the time remaining. Time comes from the injected clock's
// monotonic milliseconds.
class ChunkSizer
{
public:
    static constexpr qint64 DefaultMaximum = 4 * 1024 * 1024;
    static constexpr qint64 DefaultMinimum = 256 * 1024;
    static constexpr qint64 SlowMs = 10000;
    static constexpr qint64 FastMs = 2500;
    static constexpr qint64 TargetMs = 5000;

    explicit ChunkSizer(const Clock *clock, qint64 maximum = DefaultMaximum, qint64 minimum = DefaultMinimum);

    // The configured size is the ceiling (and where a round starts); the floor never exceeds it.
    void setMaximum(qint64 bytes);
    qint64 maximum() const { return m_maximum; }
    qint64 minimum() const { return m_minimum; }
    qint64 chunkSize() const { return m_size; }

    // A chunk leaves now / its acknowledgement arrived now, for `bytes` bytes.
    void chunkSent();
    void chunkAcknowledged(qint64 bytes);
    // Bytes per second the link carried, smoothed over the last chunks; 0 while unknown.
    double bytesPerSecond() const { return m_rate; }
    // Seconds to send `bytes` at that rate; -1 while unknown.
    qint64 secondsFor(qint64 bytes) const;

private:
    const Clock *m_clock;
    qint64 m_maximum;
    qint64 m_minimum;
    qint64 m_size;
    qint64 m_sentAtMs = -1;
    double m_rate = 0;
};

} // namespace relais::sync
