#include "SyncScheduler.h"

#include "SyncEngine.h"

#include <QNetworkInformation>

namespace relais::sync {

SyncScheduler::SyncScheduler(SyncEngine *engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    m_timer.setInterval(5 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::tick);
    m_busyRetry.setSingleShot(true);
    m_busyRetry.setInterval(30 * 1000);
    connect(&m_busyRetry, &QTimer::timeout, this, &SyncScheduler::tick);
    connect(engine, &SyncEngine::finished, this, [this](const RoundSummary &summary) {
        // Sooner than the next period: the other program's round usually ends within seconds.
        if (summary.busyElsewhere && m_timer.isActive())
            m_busyRetry.start();
    });
}

void SyncScheduler::setBusyRetry(int ms)
{
    m_busyRetry.setInterval(qMax(10, ms));
}

void SyncScheduler::setInterval(int ms)
{
    m_timer.setInterval(qMax(10, ms));
}

void SyncScheduler::startTimers()
{
    m_timer.start();
    QTimer::singleShot(0, this, &SyncScheduler::tick);
    if (m_following)
        return;
    // Optional: without a backend (no NetworkManager), the timer alone drives the rounds.
    if (QNetworkInformation::instance() || QNetworkInformation::loadDefaultBackend()) {
        m_following = true;
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (m_timer.isActive() && r == QNetworkInformation::Reachability::Online)
                        tick();
                });
    }
}

void SyncScheduler::stopTimers()
{
    m_timer.stop();
    m_busyRetry.stop();
}

void SyncScheduler::tick()
{
    if (m_timer.isActive())
        m_engine->start(false);
}

} // namespace relais::sync
