#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

class QThread;
class QTimer;

namespace relais {

class Vault;
struct Account;

// The daily backup (issue 18): once a day, when due, an encrypted backup of the open store (Vault::writeBackup) in
// a configured folder, named by date (relais-YYYY-MM-DD.rbk), keeping the `keep` most recent of those files. Taken
// on a worker thread: the kiosk goes on working. Its outcome is kept in the store (settings below) so that Home and
// `relais-admin check` can say when it failed.
class BackupScheduler : public QObject
{
    Q_OBJECT

public:
    struct Schedule
    {
        QString folder;
        int keep = 0;
        bool isOn() const { return !folder.isEmpty() && keep > 0; }
    };
    static constexpr int MaxKeep = 366;

    // The schedule and its last outcome, as kept in the store's settings.
    static Schedule schedule(const Vault &vault);
    // Administrators only; journaled. `folder` must be absolute, 1 <= keep <= MaxKeep.
    static Status configure(Vault &vault, const Account &actor, const QString &folder, int keep);
    static Status turnOff(Vault &vault, const Account &actor);
    // When the last scheduled backup was written (invalid: never), and why the last try failed (empty: it did not).
    static QDateTime lastScheduled(const Vault &vault);
    static QString lastFailure(const Vault &vault);

    // Due when no scheduled backup was written yet on `now`'s local day.
    static bool isDue(const QDateTime &lastScheduled, const QDateTime &now);
    static QString fileNameFor(const QDate &day);
    // Removes the oldest relais-YYYY-MM-DD.rbk files of `folder` until `keep` are left; other files are never
    // touched. Returns the names removed.
    static Result<QStringList> prune(const QString &folder, int keep);

    BackupScheduler(Vault *vault, const Clock *clock, QObject *parent = nullptr);
    ~BackupScheduler() override; // waits for a backup under way

    // Checks now, then every `intervalMs` (a failed try is retried at the next check).
    void start(int intervalMs = DefaultIntervalMs);
    // Starts a backup on a worker thread if one is due and none is under way; true if it started one.
    bool runIfDue();
    bool isRunning() const { return m_thread != nullptr; }
    // Waits for a backup under way and stops the checks: before the store closes.
    void stop();
    static constexpr int DefaultIntervalMs = 3600 * 1000;

Q_SIGNALS:
    // After each try, on the scheduler's thread, once its outcome is in the store. `message` is empty on success.
    void finished(bool ok, const QString &message);

private:
    void done(const Status &status);

    Vault *m_vault;
    const Clock *m_clock;
    QTimer *m_timer;
    QThread *m_thread = nullptr;
};

} // namespace relais
