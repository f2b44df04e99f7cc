#include "Throttle.h"

#include "common/AtomicFile.h"
#include "common/Logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

Throttle::Throttle(QString path, const Clock *clock) : m_path(std::move(path)), m_clock(clock)
{
    load();
}

qint64 Throttle::delayAfter(int failures)
{
    if (failures < FreeTries)
        return 0;
    qint64 delay = FirstDelaySecs;
    for (int i = FreeTries; i < failures && delay < MaxDelaySecs; ++i)
        delay *= 2;
    return qMin(delay, MaxDelaySecs);
}

qint64 Throttle::secondsUntilAllowed(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    const qint64 delay = delayAfter(it->failures);
    if (delay == 0)
        return 0;
    const qint64 elapsed = it->lastFailure.secsTo(m_clock->now());
    // A clock set backwards must not lift the delay: count from the later of the two.
    if (elapsed < 0)
        return delay;
    return qMax<qint64>(0, delay - elapsed);
}

int Throttle::failures(const QString &key) const
{
    return m_entries.value(key).failures;
}

void Throttle::recordFailure(const QString &key)
{
    Entry &entry = m_entries[key];
    ++entry.failures;
    entry.lastFailure = m_clock->now();
    save();
}

void Throttle::recordSuccess(const QString &key)
{
    if (m_entries.remove(key) > 0)
        save();
}

void Throttle::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Entry entry;
        entry.failures = o.value(QStringLiteral("failures")).toInt();
        entry.lastFailure = QDateTime::fromString(o.value(QStringLiteral("last_failure")).toString(), Qt::ISODate);
        if (entry.failures > 0 && entry.lastFailure.isValid())
            m_entries.insert(it.key(), entry);
    }
}

void Throttle::save() const
{
    QJsonObject root;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        root.insert(it.key(), QJsonObject{{QStringLiteral("failures"), it->failures},
                                          {QStringLiteral("last_failure"), it->lastFailure.toString(Qt::ISODate)}});
    }
    if (Status s = writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Compact)); !s)
        qCWarning(lcSecurity) << "throttle state not saved";
}

} // namespace relais
