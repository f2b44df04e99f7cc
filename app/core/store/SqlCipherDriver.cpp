#include "SqlCipherDriver.h"

#include "common/Logging.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <algorithm>
#include <utility>

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

namespace relais {

namespace {

// SQLITE_TRANSIENT is an old-style cast in sqlite3.h; spell it once here.
const sqlite3_destructor_type Transient = reinterpret_cast<sqlite3_destructor_type>(-1);

QString errorText(sqlite3 *db)
{
    // SQLite's own messages name tables and constraints, never bound values.
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
}

QMetaType typeFromDeclared(const QString &declared)
{
    const QString t = declared.toLower();
    if (t.contains(QLatin1String("int")))
        return QMetaType(QMetaType::LongLong);
    if (t.contains(QLatin1String("real")) || t.contains(QLatin1String("floa")) || t.contains(QLatin1String("doub")) ||
        t.contains(QLatin1String("numeric")) || t.contains(QLatin1String("decimal")))
        return QMetaType(QMetaType::Double);
    if (t.contains(QLatin1String("blob")))
        return QMetaType(QMetaType::QByteArray);
    if (t.contains(QLatin1String("bool")))
        return QMetaType(QMetaType::Bool);
    return QMetaType(QMetaType::QString);
}

// Qt's drivers treat a null QString/QByteArray and an invalid date as SQL NULL; so do we, so that a value read
// back and written again keeps its NULL, and an empty string stays distinct from NULL.
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime *>(value.constData())->isValid();
    case QMetaType::QDate:
        return !static_cast<const QDate *>(value.constData())->isValid();
    case QMetaType::QTime:
        return !static_cast<const QTime *>(value.constData())->isValid();
    default:
        return false;
    }
}

QMetaType typeFromStorage(int sqliteType)
{
    switch (sqliteType) {
    case SQLITE_INTEGER:
        return QMetaType(QMetaType::LongLong);
    case SQLITE_FLOAT:
        return QMetaType(QMetaType::Double);
    case SQLITE_BLOB:
        return QMetaType(QMetaType::QByteArray);
    default:
        return QMetaType(QMetaType::QString);
    }
}

class SqlCipherResult final : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver) : QSqlResult(driver), m_driver(driver) {}
    ~SqlCipherResult() override { finalize(); }

    QVariant handle() const override { return QVariant::fromValue(static_cast<void *>(m_stmt)); }

protected:
    bool reset(const QString &query) override
    {
        if (!prepare(query))
            return false;
        return exec();
    }

    bool prepare(const QString &query) override
    {
        finalize();
        clearRows();
        setSelect(false);
        setAt(QSql::BeforeFirstRow);
        sqlite3 *db = m_driver->connection();
        if (!db || !m_driver->isOpen()) {
            setLastError(QSqlError(QString(), QStringLiteral("Database is not open"), QSqlError::ConnectionError));
            return false;
        }
        const QByteArray sql = query.toUtf8();
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v2(db, sql.constData(), static_cast<int>(sql.size()) + 1, &m_stmt, &tail);
        if (rc != SQLITE_OK) {
            setError(QStringLiteral("Unable to prepare statement"), QSqlError::StatementError, rc);
            finalize();
            return false;
        }
        if (tail && *tail && QByteArray(tail).trimmed().size() > 0) {
            setLastError(QSqlError(QString(), QStringLiteral("Only one statement can be executed at a time"),
                                   QSqlError::StatementError));
            finalize();
            return false;
        }
        return true;
    }

    bool exec() override
    {
        if (!m_stmt) {
            setLastError(QSqlError(QString(), QStringLiteral("No statement prepared"), QSqlError::StatementError));
            return false;
        }
        clearRows();
        setAt(QSql::BeforeFirstRow);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        const QVariantList &values = boundValues();
        const int paramCount = sqlite3_bind_parameter_count(m_stmt);
        if (paramCount != values.size()) {
            setLastError(QSqlError(
                QString(),
                QStringLiteral("Parameter count mismatch: %1 expected, %2 bound").arg(paramCount).arg(values.size()),
                QSqlError::StatementError));
            return false;
        }
        for (int i = 0; i < paramCount; ++i) {
            const int rc = bind(i + 1, values.at(i));
            if (rc != SQLITE_OK) {
                setError(QStringLiteral("Unable to bind a value"), QSqlError::StatementError, rc);
                return false;
            }
        }
        m_columns = sqlite3_column_count(m_stmt);
        setSelect(m_columns > 0);
        m_done = false;
        m_pendingRow = false;
        // Step once: this runs DML to completion and tells a query apart from an empty result.
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            m_pendingRow = true;
        } else if (rc == SQLITE_DONE) {
            m_done = true;
            m_changes = isSelect() ? 0 : sqlite3_changes(m_driver->connection());
        } else {
            setError(QStringLiteral("Unable to execute statement"), QSqlError::StatementError, rc);
            sqlite3_reset(m_stmt);
            m_driver->announceCommitted();
            return false;
        }
        buildRecord();
        setActive(true);
        if (!isSelect())
            sqlite3_reset(m_stmt); // release locks held by a finished write at once
        m_driver->announceCommitted();
        return true;
    }

    bool fetch(int index) override
    {
        if (index < 0 || !isSelect())
            return false;
        if (isForwardOnly()) {
            // Forward-only queries keep a single row, the current one, and cannot go back.
            if (index < m_fetched - 1)
                return false;
            while (m_fetched - 1 < index) {
                if (!stepRow())
                    return false;
            }
        } else {
            while (index >= m_rows.size()) {
                if (!stepRow())
                    return false;
            }
        }
        setAt(index);
        return true;
    }

    bool fetchNext() override { return fetch(at() < 0 ? 0 : at() + 1); }
    bool fetchFirst() override
    {
        if (isForwardOnly() && at() >= 0)
            return false;
        return fetch(0);
    }
    bool fetchLast() override
    {
        if (!isSelect())
            return false;
        if (isForwardOnly()) {
            bool any = false;
            while (stepRow())
                any = true;
            if (any)
                setAt(m_fetched - 1);
            return any;
        }
        while (stepRow()) {
        }
        if (m_rows.isEmpty())
            return false;
        setAt(static_cast<int>(m_rows.size()) - 1);
        return true;
    }

    QVariant data(int field) override
    {
        const QVector<QVariant> *row = currentRow();
        if (!row || field < 0 || field >= row->size())
            return QVariant();
        return row->at(field);
    }

    bool isNull(int field) override
    {
        const QVector<QVariant> *row = currentRow();
        return !row || field < 0 || field >= row->size() || row->at(field).isNull();
    }

    int size() override { return -1; }
    int numRowsAffected() override { return m_changes; }
    QVariant lastInsertId() const override
    {
        const qint64 id = sqlite3_last_insert_rowid(m_driver->connection());
        return id ? QVariant(id) : QVariant();
    }
    QSqlRecord record() const override { return isActive() && isSelect() ? m_record : QSqlRecord(); }

    void detachFromResultSet() override
    {
        if (m_stmt)
            sqlite3_reset(m_stmt);
    }

    void virtual_hook(int id, void *data) override { QSqlResult::virtual_hook(id, data); }

private:
    int bind(int index, const QVariant &value)
    {
        if (isNullValue(value))
            return sqlite3_bind_null(m_stmt, index);
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::Long:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
            return sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        case QMetaType::ULong:
        case QMetaType::ULongLong:
            return sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(value.toULongLong()));
        case QMetaType::Double:
        case QMetaType::Float:
            return sqlite3_bind_double(m_stmt, index, value.toDouble());
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            return sqlite3_bind_blob64(m_stmt, index, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                                       Transient);
        }
        case QMetaType::QDateTime:
            return bindText(index, value.toDateTime().toString(Qt::ISODateWithMs));
        case QMetaType::QDate:
            return bindText(index, value.toDate().toString(Qt::ISODate));
        case QMetaType::QTime:
            return bindText(index, value.toTime().toString(Qt::ISODateWithMs));
        default:
            return bindText(index, value.toString());
        }
    }

    int bindText(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        return sqlite3_bind_text64(m_stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()), Transient,
                                   SQLITE_UTF8);
    }

    // Moves the statement one row on; the first row was already stepped by exec().
    bool stepRow()
    {
        if (m_done || !m_stmt)
            return false;
        if (!m_pendingRow) {
            const int rc = sqlite3_step(m_stmt);
            if (rc == SQLITE_DONE) {
                m_done = true;
                sqlite3_reset(m_stmt);
                return false;
            }
            if (rc != SQLITE_ROW) {
                setError(QStringLiteral("Unable to fetch row"), QSqlError::StatementError, rc);
                m_done = true;
                sqlite3_reset(m_stmt);
                return false;
            }
        }
        m_pendingRow = false;
        QVector<QVariant> row(m_columns);
        for (int c = 0; c < m_columns; ++c)
            row[c] = columnValue(c);
        if (isForwardOnly()) {
            m_rows.resize(1);
            m_rows[0] = std::move(row);
        } else {
            m_rows.append(std::move(row));
        }
        ++m_fetched;
        return true;
    }

    QVariant columnValue(int c) const
    {
        switch (sqlite3_column_type(m_stmt, c)) {
        case SQLITE_INTEGER:
            return QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_stmt, c)));
        case SQLITE_FLOAT:
            return QVariant(sqlite3_column_double(m_stmt, c));
        case SQLITE_BLOB: {
            const void *blob = sqlite3_column_blob(m_stmt, c);
            const int size = sqlite3_column_bytes(m_stmt, c);
            // SQLite hands out a null pointer for a zero-length BLOB; it is still not NULL.
            return QVariant(size > 0 ? QByteArray(static_cast<const char *>(blob), size) : QByteArray("", 0));
        }
        case SQLITE_NULL:
            return QVariant(m_record.field(c).metaType());
        default: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
            const int size = sqlite3_column_bytes(m_stmt, c);
            return QVariant(QString::fromUtf8(text, size));
        }
        }
    }

    const QVector<QVariant> *currentRow() const
    {
        if (at() < 0 || m_rows.isEmpty())
            return nullptr;
        if (isForwardOnly())
            return &m_rows.first();
        return at() < m_rows.size() ? &m_rows.at(at()) : nullptr;
    }

    void buildRecord()
    {
        m_record.clear();
        for (int c = 0; c < m_columns; ++c) {
            const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, c));
            const char *declared = sqlite3_column_decltype(m_stmt, c);
            const QString table = QString::fromUtf8(sqlite3_column_table_name(m_stmt, c));
            QMetaType type = declared ? typeFromDeclared(QString::fromUtf8(declared))
                                      : typeFromStorage(m_pendingRow ? sqlite3_column_type(m_stmt, c) : SQLITE_TEXT);
            QSqlField field(name, type, table);
            m_record.append(field);
        }
    }

    void setError(const QString &what, QSqlError::ErrorType type, int rc)
    {
        setLastError(QSqlError(what, errorText(m_driver->connection()), type, QString::number(rc)));
    }

    void clearRows()
    {
        m_rows.clear();
        m_fetched = 0;
        m_changes = 0;
        m_done = true;
        m_pendingRow = false;
    }

    void finalize()
    {
        if (m_stmt) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
    }

    const SqlCipherDriver *m_driver;
    sqlite3_stmt *m_stmt = nullptr;
    QVector<QVector<QVariant>> m_rows;
    QSqlRecord m_record;
    int m_columns = 0;
    int m_fetched = 0;
    int m_changes = 0;
    bool m_done = true;
    bool m_pendingRow = false;
};

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject *parent) : QSqlDriver(parent) {}

SqlCipherDriver::SqlCipherDriver(const SecureBytes &rawKey, QObject *parent) : QSqlDriver(parent), m_key(rawKey) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

void SqlCipherDriver::registerDriver()
{
    static const bool done = [] {
        QSqlDatabase::registerSqlDriver(QLatin1String(Name), new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(done);
}

QString SqlCipherDriver::cipherVersion()
{
    // The library cannot change while the process runs; ask it once.
    static const QString version = queryCipherVersion();
    return version;
}

QString SqlCipherDriver::queryCipherVersion()
{
    sqlite3 *db = nullptr;
    QString version;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            version = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version;
}

void SqlCipherDriver::setKey(const SecureBytes &rawKey)
{
    m_key = rawKey;
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case FinishQuery:
    case LowPrecisionNumbers:
        return true;
    case QuerySize:
    case NamedPlaceholders:
    case BatchOperations:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

SecureBytes SqlCipherDriver::keyLiteral(const SecureBytes &rawKey)
{
    SecureBytes literal(3 + KeySize * 2);
    const SecureBytes hex = rawKey.toHex();
    literal.data()[0] = 'x';
    literal.data()[1] = '\'';
    std::copy(hex.data(), hex.data() + hex.size(), literal.data() + 2);
    literal.data()[literal.size() - 1] = '\'';
    return literal;
}

namespace {

struct CopyProgress
{
    const std::function<void(int)> *report;
    QString copyPath;
    qint64 sourceBytes;
    int last;
};

int reportCopyProgress(void *context)
{
    auto *p = static_cast<CopyProgress *>(context);
    const int percent =
        p->sourceBytes > 0
            ? static_cast<int>(std::min<qint64>(99, QFileInfo(p->copyPath).size() * 100 / p->sourceBytes))
            : 0;
    if (percent != p->last) {
        p->last = percent;
        (*p->report)(percent);
    }
    return 0; // never interrupts: a re-key cut short is finished at the next unlock anyway
}

} // namespace

bool SqlCipherDriver::exportCopy(const QString &path, const SecureBytes &rawKey, const QStringList &onCopy,
                                 const std::function<void(int)> &progress, bool keepWritersOut)
{
    if (!isOpen() || rawKey.size() != KeySize) {
        fail(QStringLiteral("Unable to copy the database"), QSqlError::StatementError, SQLITE_MISUSE);
        return false;
    }
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    // ATTACH opens with the main connection's flags, which do not create files: an empty file is an empty database.
    if (QFile empty(path); !empty.open(QIODevice::WriteOnly)) {
        fail(QStringLiteral("Unable to create the copy"), QSqlError::StatementError, SQLITE_CANTOPEN);
        return false;
    }
    // The key is bound, never spelled into SQL text.
    const SecureBytes literal = keyLiteral(rawKey);
    const QByteArray file = path.toUtf8();
    const QByteArray attachSql = QByteArray("ATTACH DATABASE ?1 AS ") + CopySchema + " KEY ?2";
    sqlite3_stmt *attach = nullptr;
    int rc = sqlite3_prepare_v2(m_db, attachSql.constData(), -1, &attach, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(attach, 1, file.constData(), static_cast<int>(file.size()), Transient);
        sqlite3_bind_blob(attach, 2, literal.data(), literal.size(), SQLITE_STATIC);
        rc = sqlite3_step(attach) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(m_db);
    }
    sqlite3_finalize(attach);
    if (rc != SQLITE_OK) {
        fail(QStringLiteral("Unable to create the copy"), QSqlError::StatementError, rc);
        QFile::remove(path);
        return false;
    }
    const QString what = QStringLiteral("Unable to copy the database");
    const QByteArray pageSize =
        QByteArray("PRAGMA ") + CopySchema + ".cipher_page_size = " + QByteArray::number(PageSize);
    // A small cache for the copy: its pages reach the file as they are made, so its size tells the progress.
    const QByteArray cacheSize = QByteArray("PRAGMA ") + CopySchema + ".cache_size = 256";
    bool ok = execSimple(pageSize.constData(), QSqlError::StatementError, what) &&
              execSimple(cacheSize.constData(), QSqlError::StatementError, what) &&
              execSimple(keepWritersOut ? "BEGIN IMMEDIATE" : "BEGIN", QSqlError::TransactionError, what);
    if (ok) {
        CopyProgress context{&progress, path, QFileInfo(QString::fromUtf8(sqlite3_db_filename(m_db, "main"))).size(),
                             -1};
        if (progress)
            sqlite3_progress_handler(m_db, 1000, reportCopyProgress, &context);
        const QByteArray exportSql = QByteArray("SELECT sqlcipher_export('") + CopySchema + "')";
        ok = execSimple(exportSql.constData(), QSqlError::StatementError, what);
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        for (const QString &statement : onCopy) {
            if (ok)
                ok = execSimple(statement.toUtf8().constData(), QSqlError::StatementError, what);
        }
        if (ok)
            ok = execSimple("COMMIT", QSqlError::TransactionError, what);
        if (!ok) {
            const QSqlError error = lastError();
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            setLastError(error); // the cause, not the rollback's answer
        }
    }
    const QByteArray detachSql = QByteArray("DETACH DATABASE ") + CopySchema;
    sqlite3_exec(m_db, detachSql.constData(), nullptr, nullptr, nullptr);
    if (!ok) {
        for (const char *suffix : {"", "-journal"})
            QFile::remove(path + QLatin1String(suffix));
        return false;
    }
    if (progress)
        progress(100);
    return true;
}

void SqlCipherDriver::fail(const QString &what, QSqlError::ErrorType type, int code)
{
    setLastError(QSqlError(what, errorText(m_db), type, QString::number(code)));
}

bool SqlCipherDriver::execSimple(const char *sql, QSqlError::ErrorType type, const QString &what)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) {
        fail(what, type, rc);
        return false;
    }
    return true;
}

bool SqlCipherDriver::open(const QString &db, const QString &, const QString &, const QString &, int,
                           const QString &connOpts)
{
    if (isOpen())
        close();

    bool create = false;
    bool readOnly = false;
    for (const QString &option : connOpts.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString o = option.trimmed();
        if (o == QLatin1String("RELAIS_CREATE"))
            create = true;
        else if (o == QLatin1String("RELAIS_READONLY"))
            readOnly = true;
    }

    // Checked before sqlite3_open_v2, which would otherwise already have created the file.
    if (!m_key.isEmpty() && m_key.size() != KeySize) {
        setLastError(QSqlError(QStringLiteral("Invalid key"), QStringLiteral("The key must be 32 bytes"),
                               QSqlError::ConnectionError, QString::number(SQLITE_MISUSE)));
        setOpenError(true);
        return false;
    }
    // Refuse a build linked to plain SQLite: it would silently ignore the key.
    if (cipherVersion().isEmpty()) {
        setLastError(QSqlError(QStringLiteral("SQLCipher is missing"),
                               QStringLiteral("The SQLite library in use has no encryption support"),
                               QSqlError::ConnectionError, QString::number(SQLITE_MISUSE)));
        setOpenError(true);
        return false;
    }

    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_FULLMUTEX;

    const QByteArray path = db.toUtf8();
    int rc = sqlite3_open_v2(path.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        fail(QStringLiteral("Unable to open the database file"), QSqlError::ConnectionError, rc);
        abortOpen();
        return false;
    }
    sqlite3_extended_result_codes(m_db, 0);
    // Before the key proof too: a proof that meets another connection's commit must wait, not fail.
    sqlite3_busy_timeout(m_db, 5000);

    // The key must be applied before any other statement touches the file.
    if (!m_key.isEmpty()) {
        const SecureBytes literal = keyLiteral(m_key);
        rc = sqlite3_key_v2(m_db, "main", literal.data(), literal.size());
        if (rc != SQLITE_OK) {
            fail(QStringLiteral("Unable to apply the key"), QSqlError::ConnectionError, rc);
            abortOpen();
            return false;
        }
        const QByteArray pageSize = "PRAGMA cipher_page_size = " + QByteArray::number(PageSize);
        if (!execSimple(pageSize.constData(), QSqlError::ConnectionError, QStringLiteral("Unable to set page size"))) {
            abortOpen();
            return false;
        }
    }

    // A wrong key only shows at the first read: prove it now rather than hand out an empty database.
    const QString proofFailure = m_key.isEmpty() ? QStringLiteral("Unable to read the database")
                                                 : QStringLiteral("Unable to unlock the database");
    if (!execSimple("SELECT count(*) FROM sqlite_master", QSqlError::ConnectionError, proofFailure)) {
        abortOpen();
        return false;
    }

    // SQLCipher picks the salt of a new database when its first page is written; until then another
    // connection opening the still-empty file would choose a different salt and never read this one's
    // pages. Writing the header now fixes the salt before anyone else can open the file.
    if (!m_key.isEmpty() && !readOnly) {
        sqlite3_stmt *stmt = nullptr;
        int pages = -1;
        if (sqlite3_prepare_v2(m_db, "PRAGMA page_count", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            pages = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        if (pages == 0 && !execSimple("PRAGMA user_version = 0", QSqlError::ConnectionError,
                                      QStringLiteral("Unable to initialise the database"))) {
            abortOpen();
            return false;
        }
    }

    // Rows changed are noted as they change and announced at the commit (addCommitListener).
    sqlite3_update_hook(m_db, &SqlCipherDriver::noteChange, this);
    sqlite3_rollback_hook(m_db, &SqlCipherDriver::dropChanges, this);

    const char *setup[] = {"PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON"};
    for (const char *sql : setup) {
        if (!execSimple(sql, QSqlError::ConnectionError, QStringLiteral("Unable to configure the connection"))) {
            abortOpen();
            return false;
        }
    }

    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::abortOpen()
{
    close();
    setOpenError(true);
}

void SqlCipherDriver::close()
{
    if (m_db) {
        // Statements still alive belong to QSqlQuery objects; close_v2 defers until they finalize.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_uncommitted.clear();
    if (isOpen()) {
        setOpen(false);
        setOpenError(false);
    }
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::beginTransaction()
{
    return isOpen() &&
           execSimple("BEGIN IMMEDIATE", QSqlError::TransactionError, QStringLiteral("Unable to begin transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    if (!isOpen() || !execSimple("COMMIT", QSqlError::TransactionError, QStringLiteral("Unable to commit")))
        return false;
    announceCommitted();
    return true;
}

int SqlCipherDriver::addCommitListener(CommitListener listener)
{
    m_commitListeners.emplace(++m_lastListenerId, std::move(listener));
    return m_lastListenerId;
}

void SqlCipherDriver::removeCommitListener(int id)
{
    m_commitListeners.erase(id);
}

void SqlCipherDriver::noteChange(void *driver, int, const char *database, const char *table, long long rowid)
{
    // Called by SQLite in the middle of a statement: only note, never touch the connection here.
    auto *self = static_cast<SqlCipherDriver *>(driver);
    if (self->m_commitListeners.empty() || qstrcmp(database, "main") != 0)
        return; // a re-key or backup copy (attached) is not a change of this store
    // Rows come in runs of one table: its name is converted once per run, not once per row.
    if (self->m_lastTable != table) {
        self->m_lastTable = table;
        self->m_lastTableName = QString::fromUtf8(table);
    }
    QSet<qint64> &rows = self->m_uncommitted[self->m_lastTableName];
    constexpr int MostListed = 256; // an import or a purge need not be listed row by row
    if (rows.contains(TooManyRows))
        return;
    if (rows.size() >= MostListed)
        rows = {TooManyRows};
    else
        rows.insert(rowid);
}

void SqlCipherDriver::dropChanges(void *driver)
{
    static_cast<SqlCipherDriver *>(driver)->m_uncommitted.clear();
}

void SqlCipherDriver::announceCommitted() const
{
    if (m_uncommitted.isEmpty() || m_announcing || !m_db || !sqlite3_get_autocommit(m_db))
        return; // nothing changed, already announcing (a listener's own commit follows), or a transaction is open
    // A listener that commits adds its rows to m_uncommitted: they are announced in the next turn of this loop.
    m_announcing = true;
    while (!m_uncommitted.isEmpty()) {
        const CommittedRows committed = std::exchange(m_uncommitted, {});
        const std::map<int, CommitListener> listeners = m_commitListeners; // one may remove itself
        for (const auto &entry : listeners)
            entry.second(committed);
    }
    m_announcing = false;
}

bool SqlCipherDriver::rollbackTransaction()
{
    return isOpen() && execSimple("ROLLBACK", QSqlError::TransactionError, QStringLiteral("Unable to roll back"));
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    if (!isOpen())
        return result;
    QString sql;
    if (type & QSql::Tables)
        sql = QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    if (type & QSql::Views) {
        if (!sql.isEmpty())
            sql += QStringLiteral(" UNION ALL ");
        sql += QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'view'");
    }
    if (!sql.isEmpty()) {
        QSqlQuery q(createResult());
        q.setForwardOnly(true);
        if (q.exec(sql + QStringLiteral(" ORDER BY 1"))) {
            while (q.next())
                result.append(q.value(0).toString());
        }
    }
    if (type & QSql::SystemTables)
        result.append(QStringLiteral("sqlite_master"));
    return result;
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord rec;
    if (!isOpen())
        return rec;
    QSqlQuery q(createResult());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(tableName, TableName))))
        return rec;
    while (q.next()) {
        const QString name = q.value(1).toString();
        const QString declared = q.value(2).toString();
        QSqlField field(name, typeFromDeclared(declared), tableName);
        field.setRequired(q.value(3).toInt() != 0);
        if (!q.value(4).isNull())
            field.setDefaultValue(q.value(4));
        const bool pk = q.value(5).toInt() != 0;
        // An INTEGER PRIMARY KEY is the rowid: SQLite fills it in.
        if (pk && declared.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
            field.setAutoValue(true);
        rec.append(field);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    QSqlIndex index(tableName);
    if (!isOpen())
        return index;
    const QSqlRecord fields = record(tableName);
    QSqlQuery q(createResult());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(tableName, TableName))))
        return index;
    QVector<QPair<int, QString>> keyColumns;
    while (q.next()) {
        const int pkOrder = q.value(5).toInt();
        if (pkOrder > 0)
            keyColumns.append({pkOrder, q.value(1).toString()});
    }
    std::sort(keyColumns.begin(), keyColumns.end());
    for (const auto &column : keyColumns)
        index.append(fields.field(column.second));
    if (!index.isEmpty())
        index.setName(tableName);
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    QString escaped = identifier;
    if (escaped.startsWith(QLatin1Char('"')) && escaped.endsWith(QLatin1Char('"')) && escaped.size() > 1)
        return escaped;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_db));
}

} // namespace relais
