#pragma once

#include <QCoreApplication>

#include "common/Result.h"
#include "common/SecureBytes.h"
#include "store/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace relais {

class Clock;

// The encrypted store relais.db (DESIGN §3): opened only with the right data key, checked on open,
// migrated to the current schema, refused if it comes from a newer program.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(relais::Database)

public:
    static QString fileName() { return QStringLiteral("relais.db"); }

    // A new, empty, migrated store. Fails if the file already exists. `clock` dates the migrations.
    static Result<std::unique_ptr<Database>> create(const QString &dataDir, const SecureBytes &dataKey,
                                                    const Clock *clock);
    // An existing store. `upToVersion` (tests) stops migrations there; -1 means the latest.
    static Result<std::unique_ptr<Database>> open(const QString &dataDir, const SecureBytes &dataKey,
                                                  const Clock *clock, int upToVersion = -1);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The connection for the calling thread (SQL connections cannot cross threads).
    QSqlDatabase connection() const;
    // Closes the calling thread's connection, when that is not the thread that opened the store (whose connection
    // lives as long as this object): a worker thread calls it before it ends.
    void releaseThreadConnection() const;
    QString path() const { return m_path; }
    bool keyMatches(const SecureBytes &key) const { return key == m_key; }

    // Re-keying (Vault::rekey), in three steps so that a power cut anywhere leaves a store that opens:
    // 1. exportCopy: the whole store copied under `key` to pendingCopyPath(), flushed to disk; `onCopy` runs on the
    //    copy (schema SqlCipherDriver::CopySchema) in the same transaction. relais.db is unchanged.
    // 2. the caller commits the new key to keyslots.json: from then on only the copy opens.
    // 3. adoptCopy: the copy replaces relais.db, and this thread's connection reopens on it under `key` (the same
    //    QSqlDatabase, so every holder of it follows). finishPendingCopy does step 3 at the next unlock if a crash
    //    came between 2 and 3, and drops an unfinished copy if it came before 2.
    static QString pendingCopyName() { return QStringLiteral("relais.db.rekey"); }
    QString pendingCopyPath() const { return m_path.left(m_path.size() - fileName().size()) + pendingCopyName(); }
    Status exportCopy(const SecureBytes &key, const QStringList &onCopy,
                      const std::function<void(int percent)> &progress) const
    {
        return exportCopyTo(pendingCopyPath(), key, onCopy, progress, true);
    }
    // The same copy anywhere: consistent, whole, flushed. A backup passes keepWritersOut = false, so that the kiosk
    // goes on saving while it is taken (the copy is the store as it was when the copy began).
    Status exportCopyTo(const QString &path, const SecureBytes &key, const QStringList &onCopy,
                        const std::function<void(int percent)> &progress, bool keepWritersOut) const;
    Status adoptCopy(const SecureBytes &key);
    static Status finishPendingCopy(const QString &dataDir, const SecureBytes &key);

    int schemaVersion() const;
    Status migrate(int upToVersion = -1);
    // The version of a module's own schema in this store (schema_modules), 0 when none was applied.
    int moduleVersion(const QString &module) const;
    // PRAGMA integrity_check; the message lists what SQLite found, never row contents.
    Status integrityCheck() const;

    static Error sqlError(const QString &what, const class QSqlError &error);
    // Runs one statement that returns no rows, `values` bound to its placeholders in order; a failure is reported as
    // sqlError(what). The SQL stays with the class that owns the table, which calls this.
    static Status exec(QSqlDatabase db, const QString &sql, const QVariantList &values, const QString &what);
    // Runs `work` in one transaction on `db`: commits if it succeeds, rolls back otherwise. A failed
    // commit is reported with its own error (read before the rollback, which would overwrite it).
    static Status inTransaction(QSqlDatabase db, const std::function<Status()> &work);
    // What a commit changed is announced by the connection's own driver (SqlCipherDriver::addCommitListener).
    // The connection settings every store connection runs with (also used by relais-bench, so that it
    // measures what the product does): write-ahead log, full sync at each commit.
    // Returns the SQL error, invalid when every setting took.
    static QSqlError applyConnectionSettings(QSqlDatabase &db);

private:
    Database(QString path, SecureBytes key, const Clock *clock);
    Status migrateModule(const SchemaModule &module);
    Status openConnection(bool create);
    // One connection per thread: the one that opened the store reuses it instead of opening a second.
    QString connectionName() const;

    QString m_path;
    QString m_connectionPrefix;
    SecureBytes m_key;
    const Clock *m_clock;
};

} // namespace relais
