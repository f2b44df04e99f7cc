#pragma once

#include "common/SecureBytes.h"

#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlResult>

#include <functional>
#include <map>

struct sqlite3;

namespace relais {

// Qt SQL driver over the SQLCipher C API: the only SQLite engine in the process (DESIGN §3).
//
// With a key (constructor or setKey before open) the database is encrypted with that raw 256-bit
// key; without one it is a plain SQLite file, for benchmarks and the reference platform.
// Connect options (QSqlDatabase::setConnectOptions, ';'-separated):
//   RELAIS_CREATE      create the file if it does not exist (otherwise a missing file is an error)
//   RELAIS_READONLY    open read-only
// lastError().nativeErrorCode() carries the SQLite result code so callers can classify failures.
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT
public:
    static constexpr const char *Name = "RELAISCIPHER";
    static constexpr int PageSize = 4096;
    static constexpr int KeySize = 32;

    explicit SqlCipherDriver(QObject *parent = nullptr);
    explicit SqlCipherDriver(const SecureBytes &rawKey, QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    // Registers the driver under Name; safe to call more than once.
    static void registerDriver();
    // The library's cipher version, empty when the linked SQLite is not SQLCipher.
    static QString cipherVersion();

    void setKey(const SecureBytes &rawKey);

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host, int port,
              const QString &connOpts) override;
    void close() override;
    QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QVariant handle() const override;

    sqlite3 *connection() const { return m_db; }

    // What one commit of this connection changed in the main database: table name -> rowids of the rows inserted,
    // updated or deleted. A set holding TooManyRows stands for more rows than are listed.
    using CommittedRows = QHash<QString, QSet<qint64>>;
    static constexpr qint64 TooManyRows = -1;
    // Called on this connection's thread once a change is committed (an explicit transaction's COMMIT, or a write
    // statement in autocommit mode), with the connection back in autocommit mode so that what it reads is
    // committed. Listeners are per connection, never under a lock: one may read or even commit on the connection
    // (its own commit is announced after it returns). Nothing is announced for a rolled-back transaction.
    using CommitListener = std::function<void(const CommittedRows &)>;
    int addCommitListener(CommitListener listener);
    void removeCommitListener(int id);
    // After each statement: announces what a finished transaction committed (called by the driver's results).
    void announceCommitted() const;

    // Writes a copy of the whole open database to `path` under `rawKey` (sqlcipher_export, inside one transaction:
    // a consistent snapshot), runs `onCopy` on it (schema name CopySchema) in the same transaction, and reports
    // progress in percent from the copy's size. With `keepWritersOut` the transaction holds the main database's
    // write lock (a re-key: nothing may commit meanwhile); without, other connections go on writing and the copy is
    // the state when it began (a backup). On failure the copy is removed and lastError() says why.
    static constexpr const char *CopySchema = "relais_copy";
    bool exportCopy(const QString &path, const SecureBytes &rawKey, const QStringList &onCopy,
                    const std::function<void(int)> &progress, bool keepWritersOut);

private:
    static QString queryCipherVersion();
    // SQLCipher's raw-key form "x'<64 hex>'": no key derivation, the bytes are the key.
    static SecureBytes keyLiteral(const SecureBytes &rawKey);
    void abortOpen();
    bool execSimple(const char *sql, QSqlError::ErrorType type, const QString &what);
    void fail(const QString &what, QSqlError::ErrorType type, int code);

    static void noteChange(void *driver, int operation, const char *database, const char *table, long long rowid);
    static void dropChanges(void *driver);

    sqlite3 *m_db = nullptr;
    SecureBytes m_key;
    std::map<int, CommitListener> m_commitListeners;
    int m_lastListenerId = 0;
    mutable CommittedRows m_uncommitted; // changed since the last commit, while anyone listens
    mutable bool m_announcing = false;
    QByteArray m_lastTable; // noteChange's last table, and its name as a key of m_uncommitted
    QString m_lastTableName;
};

} // namespace relais
