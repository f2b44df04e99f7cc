#pragma once

#include <QObject>
#include <QTimer>

namespace relais::sync {

class SyncEngine;

// Automatic rounds: every `interval` (default 5 min) and as soon as the network comes back, when a
// QNetworkInformation backend loads. "Synchronise now" is engine.start(true), which ignores the backoff.
// A round that found another program synchronising the store is run again after `busyRetry` (default 30 s).
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    SyncScheduler(SyncEngine *engine, QObject *parent = nullptr);

    void setInterval(int ms);
    int interval() const { return m_timer.interval(); }
    void setBusyRetry(int ms);
    // Starts the periodic timer, runs a first round at once, and follows the network's reachability.
    void startTimers();
    void stopTimers();

private:
    void tick();

    SyncEngine *m_engine;
    QTimer m_timer;
    QTimer m_busyRetry;
    bool m_following = false;
};

} // namespace relais::sync
