#include "ChunkSizer.h"

#include "common/Clock.h"

#include <cmath>

namespace relais::sync {

ChunkSizer::ChunkSizer(const Clock *clock, qint64 maximum, qint64 minimum)
    : m_clock(clock), m_maximum(qMax<qint64>(1, maximum)), m_minimum(qBound<qint64>(1, minimum, m_maximum)),
      m_size(m_maximum)
{}

void ChunkSizer::setMaximum(qint64 bytes)
{
    m_maximum = qMax<qint64>(1, bytes);
    m_minimum = qMin(DefaultMinimum, m_maximum);
    m_size = m_maximum;
}

void ChunkSizer::chunkSent()
{
    m_sentAtMs = m_clock->monotonicMs();
}

void ChunkSizer::chunkAcknowledged(qint64 bytes)
{
    if (m_sentAtMs < 0 || bytes <= 0)
        return;
    const qint64 elapsedMs = m_clock->monotonicMs() - m_sentAtMs;
    m_sentAtMs = -1;
    // The rate counts the whole exchange (request, platform's write, answer): what the outbox will wait for.
    const double rate = double(bytes) * 1000.0 / double(qMax<qint64>(1, elapsedMs));
    m_rate = m_rate <= 0 ? rate : 0.7 * m_rate + 0.3 * rate;
    if (elapsedMs > SlowMs) // at least halved, or straight to what this link carries in about TargetMs
        m_size = qMax(m_minimum, qMin(m_size / 2, qint64(rate * double(TargetMs) / 1000.0)));
    else if (elapsedMs < FastMs && bytes >= m_size)
        m_size = qMin(m_maximum, m_size * 2); // a short last slice says nothing about a larger one
}

qint64 ChunkSizer::secondsFor(qint64 bytes) const
{
    if (m_rate <= 0)
        return -1;
    return qint64(std::ceil(double(qMax<qint64>(0, bytes)) / m_rate));
}

} // namespace relais::sync
