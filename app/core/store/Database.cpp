#include "Database.h"

#include "Migrations.h"
#include "SqlCipherDriver.h"
#include "common/AtomicFile.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace relais {

namespace {

constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;
constexpr int SqliteFull = 13;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteReadOnly = 8;

bool looksLikePlainSqlite(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

Database::Database(QString path, SecureBytes key, const Clock *clock)
    : m_path(std::move(path)),
      m_connectionPrefix(QStringLiteral("relais-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_key(std::move(key)), m_clock(clock)
{
    Q_ASSERT(m_clock);
}

Database::~Database()
{
    // Connections of other threads are closed by their owners; this thread's one goes here.
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
    m_key.clear();
}

Status Database::exec(QSqlDatabase db, const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return sqlError(what, q.lastError());
    return {};
}

Error Database::sqlError(const QString &what, const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    if (code == SqliteFull)
        return makeError(ErrorCode::DiskFull,
                         Database::tr("The disk is full: the last change was not saved. Free some space "
                                      "and try again."));
    // With the write-ahead log, a disk that fills up mid-write reports a plain I/O error.
    if (code == SqliteIoErr)
        return makeError(ErrorCode::Io, tr("The disk could not write the store (it may be full or failing): the last "
                                           "change was not saved. Free some space and try again; if it goes on, ask "
                                           "your administrator."));
    if (code == SqliteCorrupt || code == SqliteNotADb)
        return makeError(ErrorCode::StoreCorrupt,
                         Database::tr("The store is damaged. Restore it from a backup, or ask your "
                                      "administrator."));
    // SQLite's text names the table or constraint, never a bound value.
    qCWarning(lcStore) << what << "failed:" << error.nativeErrorCode() << error.databaseText();
    return makeError(ErrorCode::Internal, Database::tr("The store could not complete an operation (%1).").arg(what));
}

Status Database::inTransaction(QSqlDatabase db, const std::function<Status()> &work)
{
    if (!db.transaction())
        return sqlError(QStringLiteral("begin"), db.lastError());
    Status s = work();
    if (!s) {
        db.rollback();
        return s;
    }
    if (!db.commit()) {
        const Error e = sqlError(QStringLiteral("commit"), db.lastError());
        db.rollback();
        return e;
    }
    return {};
}

QSqlError Database::applyConnectionSettings(QSqlDatabase &db)
{
    // WAL writes each changed page once (not twice, as the rollback journal does), which halves the
    // encryption work of a commit, and lets the sync thread read while the mediator writes. Its frames
    // are encrypted pages like the database's. FULL: a commit is on disk before it is reported done.
    // 16 MiB of page cache: pages read back from the OS cache are decrypted again, so keep more at hand.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return q.lastError();
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        // SQLite keeps the old mode without an error when it cannot create the log file: a full disk or a
        // folder it may not write in.
        return QSqlError(QStringLiteral("journal_mode"), QStringLiteral("write-ahead log not available"),
                         QSqlError::ConnectionError, QString::number(SqliteFull));
    }
    for (const char *sql : {"PRAGMA synchronous = FULL", "PRAGMA cache_size = -16000"}) {
        if (!q.exec(QLatin1String(sql)))
            return q.lastError();
    }
    return QSqlError();
}

Status Database::openConnection(bool create)
{
    SqlCipherDriver::registerDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(new SqlCipherDriver(m_key), connectionName());
    db.setDatabaseName(m_path);
    if (create)
        db.setConnectOptions(QStringLiteral("RELAIS_CREATE"));
    if (db.open()) {
        const QSqlError settings = applyConnectionSettings(db);
        if (settings.isValid())
            return sqlError(QStringLiteral("connection settings"), settings);
        return {};
    }
    const QSqlError error = db.lastError();
    const int code = error.nativeErrorCode().toInt();
    qCWarning(lcStore) << "open failed, SQLite code" << code;
    if (code == SqliteNotADb) {
        if (looksLikePlainSqlite(m_path))
            return makeError(ErrorCode::NotAStore,
                             Database::tr("The file relais.db is an unencrypted SQLite database, not a "
                                          "Relais store. It was left untouched."));
        return makeError(
            ErrorCode::NotAStore,
            Database::tr("The file relais.db cannot be unlocked with this key: it is damaged or belongs to "
                         "another installation. It was left untouched."));
    }
    if (code == SqliteCorrupt)
        return makeError(ErrorCode::StoreCorrupt, Database::tr("The store is damaged. Restore it from a backup."));
    if (code == SqliteCantOpen || code == SqliteReadOnly)
        return makeError(ErrorCode::Io,
                         Database::tr("The store cannot be opened: check that the data folder exists and "
                                      "that this account may write there."));
    if (code == SqliteFull)
        return makeError(ErrorCode::DiskFull, Database::tr("The disk is full: the store could not be created."));
    return makeError(ErrorCode::Internal, Database::tr("The store cannot be opened (%1).").arg(error.driverText()));
}

Result<std::unique_ptr<Database>> Database::create(const QString &dataDir, const SecureBytes &dataKey,
                                                   const Clock *clock)
{
    const QString path = QDir(dataDir).filePath(fileName());
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::StoreExists,
                         Database::tr("A store already exists in this folder; it was left untouched."));
    std::unique_ptr<Database> db(new Database(path, dataKey, clock));
    if (Status s = db->openConnection(true); !s) {
        db.reset();
        QFile::remove(path);
        return s.error();
    }
    if (Status s = db->migrate(); !s) {
        db.reset();
        // A half-made store would later look like a damaged one.
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        return s.error();
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::open(const QString &dataDir, const SecureBytes &dataKey, const Clock *clock,
                                                 int upToVersion)
{
    const QString path = QDir(dataDir).filePath(fileName());
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::StoreMissing, Database::tr("There is no store (relais.db) in the data folder %1.")
                                                      .arg(QDir::toNativeSeparators(dataDir)));
    // Pages are 4096 bytes: any other size means a cut-off copy.
    if (info.size() == 0 || info.size() % SqlCipherDriver::PageSize != 0)
        return makeError(ErrorCode::StoreCorrupt,
                         Database::tr("The store file relais.db is truncated (incomplete copy or "
                                      "disk error). Restore it from a backup."));
    std::unique_ptr<Database> db(new Database(path, dataKey, clock));
    if (Status s = db->openConnection(false); !s)
        return s.error();
    QSqlQuery quick(db->connection());
    if (!quick.exec(QStringLiteral("PRAGMA quick_check")) || !quick.next() ||
        quick.value(0).toString() != QLatin1String("ok")) {
        qCWarning(lcStore) << "quick_check failed";
        return makeError(ErrorCode::StoreCorrupt, Database::tr("The store is damaged. Restore it from a backup."));
    }
    quick.finish();
    const int version = db->schemaVersion();
    if (version > latestSchemaVersion())
        return makeError(
            ErrorCode::StoreTooNew,
            Database::tr("This store was made by a newer version of Relais (schema %1; this program knows up to "
                         "%2). Install the newer version; the store was left untouched.")
                .arg(version)
                .arg(latestSchemaVersion()));
    if (Status s = db->migrate(upToVersion); !s)
        return s.error();
    return db;
}

QString Database::connectionName() const
{
    return m_connectionPrefix + (QThread::currentThread() == qApp->thread()
                                     ? QStringLiteral("-main")
                                     : QStringLiteral("-t%1").arg(quintptr(QThread::currentThreadId())));
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(new SqlCipherDriver(m_key), name);
    db.setDatabaseName(m_path);
    if (db.open()) {
        const QSqlError settings = applyConnectionSettings(db);
        if (settings.isValid())
            qCWarning(lcStore) << "connection settings not applied:" << settings.nativeErrorCode();
    }
    return db;
}

void Database::releaseThreadConnection() const
{
    if (QThread::currentThread() == qApp->thread())
        return;
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

Status Database::exportCopyTo(const QString &copy, const SecureBytes &key, const QStringList &onCopy,
                              const std::function<void(int)> &progress, bool keepWritersOut) const
{
    QSqlDatabase db = connection();
    auto *driver = qobject_cast<SqlCipherDriver *>(db.driver());
    Q_ASSERT(driver);
    if (!driver->exportCopy(copy, key, onCopy, progress, keepWritersOut))
        return sqlError(QStringLiteral("re-key copy"), driver->lastError());
    if (Status s = syncFileToDisk(copy); !s) {
        QFile::remove(copy);
        return s;
    }
    return {};
}

namespace {

// The write-ahead log and its index belong to the file they were written for: never let them meet another one.
void removeLogsOf(const QString &path)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

Status Database::adoptCopy(const SecureBytes &key)
{
    QSqlDatabase db = connection();
    auto *driver = qobject_cast<SqlCipherDriver *>(db.driver());
    Q_ASSERT(driver);
    db.close();
    Status moved = renameDurably(pendingCopyPath(), m_path);
    if (moved) {
        removeLogsOf(m_path);
        m_key = key;
    }
    // Reopened under whichever key relais.db now has: a failed rename leaves the old store working.
    driver->setKey(m_key);
    if (!db.open())
        return sqlError(QStringLiteral("reopen after re-key"), db.lastError());
    const QSqlError settings = applyConnectionSettings(db);
    if (settings.isValid())
        return sqlError(QStringLiteral("connection settings"), settings);
    return moved;
}

namespace {

// True when `key` opens the database at `path` and it holds a schema: an empty file opens with any key.
bool opensWithKey(const QString &path, const SecureBytes &key)
{
    if (QFileInfo(path).size() < SqlCipherDriver::PageSize)
        return false;
    bool opened = false;
    const QString name = QStringLiteral("relais-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        SqlCipherDriver::registerDriver();
        QSqlDatabase probe = QSqlDatabase::addDatabase(new SqlCipherDriver(key), name);
        probe.setDatabaseName(path);
        probe.setConnectOptions(QStringLiteral("RELAIS_READONLY"));
        if (probe.open()) {
            QSqlQuery q(probe);
            opened = q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() && q.value(0).toInt() > 0;
        }
        probe.close();
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

} // namespace

Status Database::finishPendingCopy(const QString &dataDir, const SecureBytes &key)
{
    const QString path = QDir(dataDir).filePath(fileName());
    const QString copy = QDir(dataDir).filePath(pendingCopyName());
    if (!QFileInfo::exists(copy))
        return {};
    // The key file decides: if its key still opens relais.db, the re-key never reached its commit point and the
    // copy is unfinished (it may even be empty, which would open with any key); otherwise the copy is the store.
    if (opensWithKey(path, key)) {
        qCInfo(lcStore) << "unfinished re-key copy removed";
        QFile::remove(copy);
        removeLogsOf(copy);
        return {};
    }
    if (!opensWithKey(copy, key))
        return {}; // neither opens: Database::open says why, and nothing is removed
    qCInfo(lcStore) << "re-key completed at unlock";
    removeLogsOf(path);
    removeLogsOf(copy);
    return renameDurably(copy, path);
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) ||
        !q.next())
        return 0;
    if (q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

Status Database::migrate(int upToVersion)
{
    const int target = upToVersion < 0 ? latestSchemaVersion() : upToVersion;
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                               " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")))
        return sqlError(QStringLiteral("schema_version"), q.lastError());
    const int current = schemaVersion();
    for (const Migration &m : migrations()) {
        if (m.version <= current || m.version > target)
            continue;
        const Status applied = inTransaction(db, [&]() -> Status {
            const QString what = QStringLiteral("migration %1").arg(m.version);
            for (const QString &statement : m.statements) {
                if (!q.exec(statement))
                    return sqlError(what, q.lastError());
            }
            q.prepare(QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(QString::fromLatin1(m.description));
            q.addBindValue(m_clock->now().toUTC().toString(Qt::ISODate));
            if (!q.exec())
                return sqlError(what, q.lastError());
            return {};
        });
        if (!applied)
            return applied;
        qCInfo(lcStore) << "schema migrated to version" << m.version;
    }
    // The modules' own tables need the core's latest schema (they point at its tables).
    if (target != latestSchemaVersion())
        return {};
    for (const SchemaModule &module : schemaModules())
        if (Status s = migrateModule(module); !s)
            return s;
    return {};
}

int Database::moduleVersion(const QString &module) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT max(version) FROM schema_modules WHERE module = ?"));
    q.addBindValue(module);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

Status Database::migrateModule(const SchemaModule &module)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_modules (module TEXT NOT NULL, version INTEGER NOT"
                               " NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module,"
                               " version))")))
        return sqlError(QStringLiteral("schema_modules"), q.lastError());
    const int current = moduleVersion(module.name);
    for (const Migration &m : module.migrations) {
        if (m.version <= current)
            continue;
        const Status applied = inTransaction(db, [&]() -> Status {
            const QString what = QStringLiteral("%1 migration %2").arg(module.name).arg(m.version);
            for (const QString &statement : m.statements)
                if (!q.exec(statement))
                    return sqlError(what, q.lastError());
            q.prepare(QStringLiteral(
                "INSERT INTO schema_modules (module, version, description, applied_at) VALUES (?, ?, ?, ?)"));
            q.addBindValue(module.name);
            q.addBindValue(m.version);
            q.addBindValue(QString::fromLatin1(m.description));
            q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (!q.exec())
                return sqlError(what, q.lastError());
            return {};
        });
        if (!applied)
            return applied;
        qCInfo(lcStore) << "schema of module" << module.name << "migrated to version" << m.version;
    }
    return {};
}

Status Database::integrityCheck() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(QStringLiteral("integrity_check"), q.lastError());
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::StoreCorrupt, Database::tr("The store's integrity check found %n problem(s).",
                                                               nullptr, static_cast<int>(problems.size())));
    return {};
}

} // namespace relais
