#pragma once

#include "common/Clock.h"

#include <QHash>
#include <QString>

namespace relais {

// Sign-in throttling: 5 free tries, then a delay that doubles with each further failure (30 s, 60 s,
// ... capped at one hour). Kept in throttle.json beside the store, outside the database, so that a
// locked store still throttles and a restart does not reset the count.
class Throttle
{
public:
    static constexpr int FreeTries = 5;
    static constexpr qint64 FirstDelaySecs = 30;
    static constexpr qint64 MaxDelaySecs = 3600;

    Throttle(QString path, const Clock *clock);

    // Seconds to wait before `key` may try again; 0 when a try is allowed now.
    qint64 secondsUntilAllowed(const QString &key) const;
    int failures(const QString &key) const;
    void recordFailure(const QString &key);
    void recordSuccess(const QString &key);

    static qint64 delayAfter(int failures);

private:
    struct Entry
    {
        int failures = 0;
        QDateTime lastFailure;
    };
    void load();
    void save() const;

    QString m_path;
    const Clock *m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace relais
