#include "TempStoreDir.h"
#include "common/SecureBytes.h"
#include "store/SqlCipherDriver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QTest>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using relais::SecureBytes;
using relais::SqlCipherDriver;

namespace {

constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADb = 26;

SecureBytes patternKey(unsigned char seed)
{
    SecureBytes key(SqlCipherDriver::KeySize);
    for (int i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(seed + i * 7);
    return key;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QStringList dirEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray syntheticBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qsizetype i = (size / 4) * 4; i < size; ++i)
        bytes[i] = static_cast<char>(generator.generate());
    return bytes;
}

} // namespace

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void boundValueRoundTrip_data();
    void boundValueRoundTrip();
    void largeBlobRoundTrip();
    void namedPlaceholdersReused();
    void positionalPlaceholders();
    void preparedStatementReexecuted();
    void transactionCommitAndRollback();
    void lastInsertIdAndRowsAffected();
    void nativeErrorCodeOnConstraint();
    void scrollableQuerySeeksBack();
    void forwardOnlyQueryStreams();
    void queryModelShowsAllRows();
    void tableModelEdits();
    void wrongKeyFailsWithoutTouchingFile();
    void keyOfWrongSizeRefused();
    void plainFileOpenedWithKeyFails();
    void encryptedFileOpenedWithoutKeyFails();
    void randomBytesFileFails();
    void truncatedFileRefused_data();
    void truncatedFileRefused();
    void missingFileNotCreated_data();
    void missingFileNotCreated();
    void readOnlyRefusesWrites();
    void fileNeverHoldsClearText();
    void cipherPageSizeIs4096();
    void twoConnectionsShareCommittedData();

private:
    QSqlDatabase addKeyed(const QString &path, const SecureBytes &key, const QString &options = u"RELAIS_CREATE"_s);
    QSqlDatabase addPlain(const QString &path, const QString &options = u"RELAIS_CREATE"_s);
    QString newConnectionName();
    // Creates `path` with one table `t(id, payload)` of `rows` rows, then closes it.
    void createStore(const QString &path, const SecureBytes *key, int rows, int payloadSize);

    std::unique_ptr<relais::test::TempStoreDir> m_dir;
    QStringList m_connections;
    int m_counter = 0;
};

// Runs a statement and fails the test (returning from it) with the driver's message if it fails.
#define EXEC(query, sql) QVERIFY2((query).exec(sql), qPrintable((query).lastError().text()))
#define EXEC_PREPARED(query) QVERIFY2((query).exec(), qPrintable((query).lastError().text()))

// Reads one value; the query is destroyed on return, releasing its read lock.
static QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QVariant(u"<error: "_s + q.lastError().text() + u">"_s);
    return q.value(0);
}

QString TestSqlCipherDriver::newConnectionName()
{
    const QString name = u"test-"_s + QString::number(++m_counter);
    m_connections.append(name);
    return name;
}

QSqlDatabase TestSqlCipherDriver::addKeyed(const QString &path, const SecureBytes &key, const QString &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(new SqlCipherDriver(key), newConnectionName());
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    return db;
}

QSqlDatabase TestSqlCipherDriver::addPlain(const QString &path, const QString &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(SqlCipherDriver::Name), newConnectionName());
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    return db;
}

void TestSqlCipherDriver::createStore(const QString &path, const SecureBytes *key, int rows, int payloadSize)
{
    QSqlDatabase db = key ? addKeyed(path, *key) : addPlain(path);
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)"_s);
    QVERIFY(db.transaction());
    QVERIFY(q.prepare(u"INSERT INTO t(payload) VALUES (?)"_s));
    for (int i = 0; i < rows; ++i) {
        q.bindValue(0, syntheticBytes(payloadSize, static_cast<quint32>(i)));
        EXEC_PREPARED(q);
    }
    QVERIFY(db.commit());
    q = QSqlQuery();
    db.close();
}

void TestSqlCipherDriver::initTestCase()
{
    SqlCipherDriver::registerDriver();
    QVERIFY2(!SqlCipherDriver::cipherVersion().isEmpty(), "the linked SQLite must be SQLCipher");
}

void TestSqlCipherDriver::init()
{
    m_dir = std::make_unique<relais::test::TempStoreDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqlCipherDriver::cleanup()
{
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
    m_connections.clear();
    m_dir.reset();
}

void TestSqlCipherDriver::cleanupTestCase()
{
    // One SQLite engine per process (DESIGN §3): neither Qt's QSQLITE plugin nor libsqlite3 got mapped.
    const QByteArray maps = fileBytes(u"/proc/self/maps"_s);
    QVERIFY(!maps.isEmpty());
    QVERIFY(maps.contains("libsqlcipher"));
    QVERIFY(!maps.contains("libqsqlite"));
    QVERIFY(!maps.contains("libsqlite3.so"));
}

void TestSqlCipherDriver::boundValueRoundTrip_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QVariant>("bound");
    QTest::addColumn<QString>("storage"); // typeof() as SQLite stored it
    QTest::addColumn<QVariant>("expected");

    const QString emptyText = QStringLiteral("");
    QVERIFY(!emptyText.isNull());
    const QByteArray emptyBlob("", 0);
    QVERIFY(!emptyBlob.isNull());
    const QString accents = u"Zoé Ångström · naïve café ✓ 😀 œuvre"_s;
    const QByteArray withZeros("\0\x01\xff\0abc\0", 8);
    const QDateTime utc(QDate(2026, 3, 1), QTime(10, 20, 30, 123), Qt::UTC);
    const QDateTime offset(QDate(2026, 7, 14), QTime(23, 59, 58, 7), Qt::OffsetFromUTC, 2 * 3600);

    QTest::newRow("null text") << u"TEXT"_s << QVariant() << u"null"_s << QVariant();
    QTest::newRow("null integer") << u"INTEGER"_s << QVariant(QMetaType(QMetaType::Int)) << u"null"_s << QVariant();
    QTest::newRow("null QString") << u"TEXT"_s << QVariant(QString()) << u"null"_s << QVariant();
    QTest::newRow("null QByteArray") << u"BLOB"_s << QVariant(QByteArray()) << u"null"_s << QVariant();
    QTest::newRow("invalid QDateTime") << u"TEXT"_s << QVariant(QDateTime()) << u"null"_s << QVariant();
    QTest::newRow("invalid QDate") << u"TEXT"_s << QVariant(QDate()) << u"null"_s << QVariant();
    QTest::newRow("empty string") << u"TEXT"_s << QVariant(emptyText) << u"text"_s << QVariant(emptyText);
    QTest::newRow("empty blob") << u"BLOB"_s << QVariant(emptyBlob) << u"blob"_s << QVariant(emptyBlob);
    QTest::newRow("int") << u"INTEGER"_s << QVariant(42) << u"integer"_s << QVariant(42);
    QTest::newRow("negative int") << u"INTEGER"_s << QVariant(-7) << u"integer"_s << QVariant(-7);
    QTest::newRow("uint") << u"INTEGER"_s << QVariant(4000000000u) << u"integer"_s << QVariant(4000000000u);
    QTest::newRow("int64 max") << u"INTEGER"_s << QVariant(std::numeric_limits<qint64>::max()) << u"integer"_s
                               << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << u"INTEGER"_s << QVariant(std::numeric_limits<qint64>::min()) << u"integer"_s
                               << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("double") << u"REAL"_s << QVariant(3.141592653589793) << u"real"_s << QVariant(3.141592653589793);
    QTest::newRow("tiny double") << u"REAL"_s << QVariant(-2.5e-300) << u"real"_s << QVariant(-2.5e-300);
    QTest::newRow("bool true") << u"BOOLEAN"_s << QVariant(true) << u"integer"_s << QVariant(true);
    QTest::newRow("bool false") << u"BOOLEAN"_s << QVariant(false) << u"integer"_s << QVariant(false);
    QTest::newRow("accents and emoji") << u"TEXT"_s << QVariant(accents) << u"text"_s << QVariant(accents);
    QTest::newRow("blob with zero bytes") << u"BLOB"_s << QVariant(withZeros) << u"blob"_s << QVariant(withZeros);
    QTest::newRow("date") << u"TEXT"_s << QVariant(QDate(2026, 2, 28)) << u"text"_s << QVariant(QDate(2026, 2, 28));
    QTest::newRow("datetime utc") << u"TEXT"_s << QVariant(utc) << u"text"_s << QVariant(utc);
    QTest::newRow("datetime offset") << u"TEXT"_s << QVariant(offset) << u"text"_s << QVariant(offset);
    QTest::newRow("time") << u"TEXT"_s << QVariant(QTime(8, 5, 3, 250)) << u"text"_s << QVariant(QTime(8, 5, 3, 250));
}

void TestSqlCipherDriver::boundValueRoundTrip()
{
    QFETCH(QString, declared);
    QFETCH(QVariant, bound);
    QFETCH(QString, storage);
    QFETCH(QVariant, expected);

    QSqlDatabase db = addKeyed(m_dir->file(u"types.db"_s), patternKey(1));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE v(x "_s + declared + u")"_s);
    QVERIFY(q.prepare(u"INSERT INTO v(x) VALUES (?)"_s));
    q.addBindValue(bound);
    EXEC_PREPARED(q);

    EXEC(q, u"SELECT x, typeof(x) FROM v"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), storage);
    QVariant read = q.value(0);
    if (!expected.isValid()) {
        QVERIFY(read.isNull());
        QVERIFY(q.isNull(0));
        return;
    }
    QVERIFY(!read.isNull());
    QVERIFY(!q.isNull(0));
    QVERIFY2(read.convert(expected.metaType()), read.typeName());
    QCOMPARE(read, expected);
    // An empty string or BLOB read back must stay non-null, or writing it again would store NULL.
    if (expected.typeId() == QMetaType::QString)
        QVERIFY(!read.toString().isNull());
    if (expected.typeId() == QMetaType::QByteArray)
        QVERIFY(!read.toByteArray().isNull());
    QVERIFY(!q.next());
}

void TestSqlCipherDriver::largeBlobRoundTrip()
{
    QByteArray blob = syntheticBytes(5 * 1024 * 1024, 77);
    for (qsizetype i = 0; i < blob.size(); i += 4093)
        blob[i] = '\0';
    QSqlDatabase db = addKeyed(m_dir->file(u"blob.db"_s), patternKey(2));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE b(id INTEGER PRIMARY KEY, data BLOB)"_s);
    QVERIFY(q.prepare(u"INSERT INTO b(data) VALUES (?)"_s));
    q.addBindValue(blob);
    EXEC_PREPARED(q);
    q = QSqlQuery();
    db.close();

    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery r(db);
    EXEC(r, u"SELECT data, length(data) FROM b"_s);
    QVERIFY(r.next());
    QCOMPARE(r.value(1).toLongLong(), blob.size());
    const QByteArray read = r.value(0).toByteArray();
    QCOMPARE(read.size(), blob.size());
    QVERIFY(read == blob);
}

void TestSqlCipherDriver::namedPlaceholdersReused()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"named.db"_s), patternKey(3));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE n(a TEXT, b INTEGER, c TEXT)"_s);
    QVERIFY(q.prepare(u"INSERT INTO n(a, b, c) VALUES (:label, :count, :label)"_s));
    q.bindValue(u":count"_s, 7); // bound out of textual order on purpose
    q.bindValue(u":label"_s, u"first"_s);
    EXEC_PREPARED(q);
    q.bindValue(u":label"_s, u"second"_s);
    q.bindValue(u":count"_s, 8);
    EXEC_PREPARED(q);

    QSqlQuery s(db);
    QVERIFY(s.prepare(u"SELECT a, b, c FROM n WHERE a = :label OR c = :label ORDER BY b"_s));
    s.bindValue(u":label"_s, u"second"_s);
    EXEC_PREPARED(s);
    QVERIFY(s.next());
    QCOMPARE(s.value(0).toString(), u"second"_s);
    QCOMPARE(s.value(1).toInt(), 8);
    QCOMPARE(s.value(2).toString(), u"second"_s);
    QVERIFY(!s.next());

    EXEC(s, u"SELECT a, b, c FROM n ORDER BY b"_s);
    QVERIFY(s.next());
    QCOMPARE(s.value(0).toString(), u"first"_s);
    QCOMPARE(s.value(1).toInt(), 7);
    QCOMPARE(s.value(2).toString(), u"first"_s);
}

void TestSqlCipherDriver::positionalPlaceholders()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"positional.db"_s), patternKey(4));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE p(a TEXT, b INTEGER, c TEXT)"_s);
    QVERIFY(q.prepare(u"INSERT INTO p(a, b, c) VALUES (?, ?, ?)"_s));
    q.addBindValue(u"p0"_s);
    q.addBindValue(1);
    q.addBindValue(u"p2"_s);
    EXEC_PREPARED(q);
    q.bindValue(2, u"q2"_s); // bound by index, in reverse order
    q.bindValue(1, 2);
    q.bindValue(0, u"q0"_s);
    EXEC_PREPARED(q);

    EXEC(q, u"SELECT a, b, c FROM p ORDER BY b"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"p0"_s);
    QCOMPARE(q.value(1).toInt(), 1);
    QCOMPARE(q.value(2).toString(), u"p2"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"q0"_s);
    QCOMPARE(q.value(1).toInt(), 2);
    QCOMPARE(q.value(2).toString(), u"q2"_s);
    QVERIFY(!q.next());

    // A statement with placeholders left unbound is an error, not a silent NULL.
    QVERIFY(q.prepare(u"INSERT INTO p(a, b) VALUES (?, ?)"_s));
    q.addBindValue(u"only one"_s);
    QVERIFY(!q.exec());
    QCOMPARE(scalar(db, u"SELECT count(*) FROM p"_s).toInt(), 2);
}

void TestSqlCipherDriver::preparedStatementReexecuted()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"reexec.db"_s), patternKey(5));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE r(k TEXT PRIMARY KEY, v INTEGER)"_s);
    QVERIFY(q.prepare(u"INSERT INTO r(k, v) VALUES (?, ?)"_s));
    for (int i = 0; i < 100; ++i) {
        q.bindValue(0, QString(u"key-"_s + QString::number(i)));
        q.bindValue(1, i * 3);
        EXEC_PREPARED(q);
    }
    QCOMPARE(scalar(db, u"SELECT count(*) FROM r"_s).toInt(), 100);
    QCOMPARE(scalar(db, u"SELECT sum(v) FROM r"_s).toInt(), 3 * 99 * 100 / 2);

    // The same prepared SELECT, re-run while its previous result set is still mid-way.
    QSqlQuery s(db);
    QVERIFY(s.prepare(u"SELECT v FROM r WHERE k = ?"_s));
    for (int i : {17, 4, 99, 0}) {
        s.bindValue(0, QString(u"key-"_s + QString::number(i)));
        EXEC_PREPARED(s);
        QVERIFY(s.next());
        QCOMPARE(s.value(0).toInt(), i * 3);
    }
    s.bindValue(0, u"no such key"_s);
    EXEC_PREPARED(s);
    QVERIFY(!s.next());
}

void TestSqlCipherDriver::transactionCommitAndRollback()
{
    const QString path = m_dir->file(u"tx.db"_s);
    {
        QSqlDatabase db = addKeyed(path, patternKey(6));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(db.driver()->hasFeature(QSqlDriver::Transactions));
        QSqlQuery q(db);
        EXEC(q, u"CREATE TABLE x(v INTEGER)"_s);

        QVERIFY(db.transaction());
        EXEC(q, u"INSERT INTO x VALUES (1)"_s);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM x"_s).toInt(), 1);
        QVERIFY2(db.rollback(), qPrintable(db.lastError().text()));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM x"_s).toInt(), 0);

        QVERIFY(db.transaction());
        EXEC(q, u"INSERT INTO x VALUES (2)"_s);
        EXEC(q, u"INSERT INTO x VALUES (3)"_s);
        QVERIFY2(db.commit(), qPrintable(db.lastError().text()));
        // Neither commit nor rollback is accepted outside a transaction.
        QVERIFY(!db.rollback());
        db.close();
    }
    QSqlDatabase again = addKeyed(path, patternKey(6));
    QVERIFY2(again.open(), qPrintable(again.lastError().text()));
    QCOMPARE(scalar(again, u"SELECT group_concat(v) FROM x"_s).toString(), u"2,3"_s);
}

void TestSqlCipherDriver::lastInsertIdAndRowsAffected()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"ids.db"_s), patternKey(7));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE l(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"_s);
    EXEC(q, u"INSERT INTO l(v) VALUES ('a')"_s);
    QCOMPARE(q.lastInsertId().toLongLong(), 1);
    EXEC(q, u"INSERT INTO l(v) VALUES ('b')"_s);
    QCOMPARE(q.lastInsertId().toLongLong(), 2);
    EXEC(q, u"INSERT INTO l(id, v) VALUES (40, 'c')"_s);
    QCOMPARE(q.lastInsertId().toLongLong(), 40);
    QCOMPARE(q.numRowsAffected(), 1);

    EXEC(q, u"UPDATE l SET v = 'z' WHERE id <= 2"_s);
    QCOMPARE(q.numRowsAffected(), 2);
    EXEC(q, u"UPDATE l SET v = 'z' WHERE id > 1000"_s);
    QCOMPARE(q.numRowsAffected(), 0);
    EXEC(q, u"DELETE FROM l"_s);
    QCOMPARE(q.numRowsAffected(), 3);
}

void TestSqlCipherDriver::nativeErrorCodeOnConstraint()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"constraint.db"_s), patternKey(8));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE u(k TEXT PRIMARY KEY)"_s);
    EXEC(q, u"INSERT INTO u VALUES ('dup')"_s);
    QVERIFY(!q.exec(u"INSERT INTO u VALUES ('dup')"_s));
    QCOMPARE(q.lastError().nativeErrorCode(), u"19"_s); // SQLITE_CONSTRAINT
    QCOMPARE(q.lastError().type(), QSqlError::StatementError);
    QVERIFY(!q.exec(u"SELECT * FROM no_such_table"_s));
    QCOMPARE(q.lastError().nativeErrorCode(), u"1"_s); // SQLITE_ERROR
    QVERIFY(q.lastError().databaseText().contains(u"no_such_table"_s));
}

void TestSqlCipherDriver::scrollableQuerySeeksBack()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"scroll.db"_s), patternKey(9));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE s(n INTEGER)"_s);
    QVERIFY(q.prepare(u"INSERT INTO s VALUES (?)"_s));
    for (int i = 0; i < 10; ++i) {
        q.bindValue(0, i);
        EXEC_PREPARED(q);
    }

    QSqlQuery s(db);
    s.setForwardOnly(false);
    EXEC(s, u"SELECT n FROM s ORDER BY n"_s);
    QCOMPARE(s.size(), -1); // the driver does not claim QuerySize
    for (int i = 0; i < 5; ++i)
        QVERIFY(s.next());
    QCOMPARE(s.value(0).toInt(), 4);
    QVERIFY(s.seek(2));
    QCOMPARE(s.value(0).toInt(), 2);
    QVERIFY(s.previous());
    QCOMPARE(s.value(0).toInt(), 1);
    QVERIFY(s.last());
    QCOMPARE(s.at(), 9);
    QCOMPARE(s.value(0).toInt(), 9);
    QVERIFY(s.first());
    QCOMPARE(s.value(0).toInt(), 0);
    QVERIFY(s.seek(7));
    QCOMPARE(s.value(0).toInt(), 7);
    QVERIFY(s.seek(-3, true));
    QCOMPARE(s.value(0).toInt(), 4);
    QVERIFY(!s.seek(10));

    // last() straight after exec, before any next().
    EXEC(s, u"SELECT n FROM s ORDER BY n DESC"_s);
    QVERIFY(s.last());
    QCOMPARE(s.value(0).toInt(), 0);
    QVERIFY(s.first());
    QCOMPARE(s.value(0).toInt(), 9);
}

void TestSqlCipherDriver::forwardOnlyQueryStreams()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"forward.db"_s), patternKey(10));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE f(n INTEGER, label TEXT)"_s);
    QVERIFY(q.prepare(u"INSERT INTO f VALUES (?, ?)"_s));
    for (int i = 0; i < 1000; ++i) {
        q.bindValue(0, i);
        q.bindValue(1, QString(u"row "_s + QString::number(i)));
        EXEC_PREPARED(q);
    }

    QSqlQuery f(db);
    f.setForwardOnly(true);
    EXEC(f, u"SELECT n, label FROM f ORDER BY n"_s);
    QCOMPARE(f.record().count(), 2);
    QCOMPARE(f.record().fieldName(1), u"label"_s);
    int expected = 0;
    while (f.next()) {
        QCOMPARE(f.value(0).toInt(), expected);
        QCOMPARE(f.value(1).toString(), u"row "_s + QString::number(expected));
        ++expected;
    }
    QCOMPARE(expected, 1000);
    QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::seek: cannot seek backwards in a forward only query");
    QVERIFY(!f.previous());
    QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::seek: cannot seek backwards in a forward only query");
    QVERIFY(!f.first());

    EXEC(f, u"SELECT n FROM f ORDER BY n"_s);
    QVERIFY(f.next());
    QVERIFY(f.next());
    QCOMPARE(f.value(0).toInt(), 1);
    QVERIFY(!f.seek(0)); // backwards is refused
    QVERIFY(f.last());
    QCOMPARE(f.value(0).toInt(), 999);

    EXEC(f, u"SELECT n FROM f WHERE n < 0"_s);
    QVERIFY(f.isActive());
    QVERIFY(f.isSelect());
    QVERIFY(!f.next());
}

void TestSqlCipherDriver::queryModelShowsAllRows()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"qmodel.db"_s), patternKey(11));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE m(id INTEGER PRIMARY KEY, label TEXT)"_s);
    QVERIFY(db.transaction());
    QVERIFY(q.prepare(u"INSERT INTO m(label) VALUES (?)"_s));
    for (int i = 0; i < 300; ++i) { // more than the model's first batch of 255 rows
        q.bindValue(0, QString(u"row "_s + QString::number(i)));
        EXEC_PREPARED(q);
    }
    QVERIFY(db.commit());

    QSqlQueryModel model;
    QSqlQuery select(db);
    EXEC(select, u"SELECT id, label FROM m ORDER BY id"_s);
    model.setQuery(std::move(select));
    QVERIFY2(!model.lastError().isValid(), qPrintable(model.lastError().text()));
    while (model.canFetchMore())
        model.fetchMore();
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"label"_s);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"row 0"_s);
    QCOMPARE(model.data(model.index(299, 0)).toInt(), 300);
    QCOMPARE(model.data(model.index(150, 1)).toString(), u"row 150"_s);
    QCOMPARE(model.record(299).value(u"label"_s).toString(), u"row 299"_s);
}

void TestSqlCipherDriver::tableModelEdits()
{
    QSqlDatabase db = addKeyed(m_dir->file(u"tmodel.db"_s), patternKey(12));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    EXEC(q, u"CREATE TABLE people(id INTEGER PRIMARY KEY, label TEXT NOT NULL, score INTEGER DEFAULT 0)"_s);
    EXEC(q, u"CREATE TABLE pairs(b TEXT, a TEXT, v BLOB, PRIMARY KEY(a, b))"_s);
    EXEC(q, u"CREATE VIEW high AS SELECT * FROM people WHERE score > 15"_s);
    EXEC(q, u"INSERT INTO people(id, label, score) VALUES (1, 'alpha', 10), (2, 'beta', 20)"_s);

    QCOMPARE(db.tables(QSql::Tables), QStringList({u"pairs"_s, u"people"_s}));
    QCOMPARE(db.tables(QSql::Views), QStringList({u"high"_s}));

    const QSqlIndex pk = db.primaryIndex(u"people"_s);
    QCOMPARE(pk.count(), 1);
    QCOMPARE(pk.fieldName(0), u"id"_s);
    const QSqlIndex pairKey = db.primaryIndex(u"pairs"_s);
    QCOMPARE(pairKey.count(), 2);
    QCOMPARE(pairKey.fieldName(0), u"a"_s); // key order, not column order
    QCOMPARE(pairKey.fieldName(1), u"b"_s);

    const QSqlRecord rec = db.record(u"people"_s);
    QCOMPARE(rec.count(), 3);
    QCOMPARE(rec.fieldName(0), u"id"_s);
    QCOMPARE(rec.fieldName(1), u"label"_s);
    QCOMPARE(rec.fieldName(2), u"score"_s);
    QCOMPARE(rec.field(0).metaType().id(), QMetaType::LongLong);
    QCOMPARE(rec.field(1).metaType().id(), QMetaType::QString);
    QVERIFY(rec.field(0).isAutoValue());
    QCOMPARE(rec.field(1).requiredStatus(), QSqlField::Required);
    QCOMPARE(rec.field(2).requiredStatus(), QSqlField::Optional);

    QSqlTableModel model(nullptr, db);
    model.setTable(u"people"_s);
    model.setEditStrategy(QSqlTableModel::OnManualSubmit);
    model.setSort(0, Qt::AscendingOrder);
    QVERIFY2(model.select(), qPrintable(model.lastError().text()));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.primaryKey().fieldName(0), u"id"_s);

    QVERIFY(model.setData(model.index(1, 1), u"beta edited"_s));
    const int row = model.rowCount();
    QVERIFY(model.insertRow(row));
    QVERIFY(model.setData(model.index(row, 1), u"gamma"_s));
    QVERIFY(model.setData(model.index(row, 2), 30));
    QVERIFY(model.insertRow(row + 1));
    QVERIFY(model.setData(model.index(row + 1, 1), u"delta"_s)); // score left to the column default
    QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));

    {
        QSqlQuery check(db);
        EXEC(check, u"SELECT id, label, score FROM people ORDER BY id"_s);
        QStringList rows;
        while (check.next())
            rows << check.value(0).toString() + u'|' + check.value(1).toString() + u'|' + check.value(2).toString();
        QCOMPARE(rows, QStringList({u"1|alpha|10"_s, u"2|beta edited|20"_s, u"3|gamma|30"_s, u"4|delta|0"_s}));
    }

    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(2, 0)).toInt(), 3);
    QCOMPARE(model.data(model.index(2, 1)).toString(), u"gamma"_s);

    QVERIFY(model.removeRow(0));
    QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
    QCOMPARE(scalar(db, u"SELECT group_concat(label, ',') FROM (SELECT label FROM people ORDER BY id)"_s).toString(),
             u"beta edited,gamma,delta"_s);
}

void TestSqlCipherDriver::wrongKeyFailsWithoutTouchingFile()
{
    const QString path = m_dir->file(u"store.db"_s);
    const SecureBytes right = patternKey(20);
    createStore(path, &right, 20, 100);
    const QByteArray before = fileBytes(path);
    const QStringList entriesBefore = dirEntries(m_dir->path());
    QVERIFY(before.size() > 0);

    SecureBytes almost = right;
    almost.data()[SqlCipherDriver::KeySize - 1] ^= 0x01; // one bit away from the right key
    for (const SecureBytes &wrong : {almost, patternKey(99)}) {
        QSqlDatabase db = addKeyed(path, wrong, u"RELAIS_CREATE"_s);
        QVERIFY(!db.open());
        QVERIFY(!db.isOpen());
        QVERIFY(db.isOpenError());
        QCOMPARE(db.lastError().nativeErrorCode(), QString::number(SqliteNotADb));
        QCOMPARE(db.lastError().type(), QSqlError::ConnectionError);
        QSqlQuery q(db);
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
        QVERIFY(!q.exec(u"SELECT count(*) FROM t"_s));
    }
    QCOMPARE(dirEntries(m_dir->path()), entriesBefore);
    QVERIFY(fileBytes(path) == before);

    QSqlDatabase good = addKeyed(path, right, QString());
    QVERIFY2(good.open(), qPrintable(good.lastError().text()));
    QCOMPARE(scalar(good, u"SELECT count(*) FROM t"_s).toInt(), 20);
}

void TestSqlCipherDriver::keyOfWrongSizeRefused()
{
    const QString path = m_dir->file(u"short.db"_s);
    QSqlDatabase db = addKeyed(path, SecureBytes("0123456789abcdef", 16));
    QVERIFY(!db.open());
    QCOMPARE(db.lastError().nativeErrorCode(), u"21"_s); // SQLITE_MISUSE
    QVERIFY(!QFileInfo::exists(path));
}

void TestSqlCipherDriver::plainFileOpenedWithKeyFails()
{
    const QString path = m_dir->file(u"plain.db"_s);
    createStore(path, nullptr, 5, 100);
    const QByteArray before = fileBytes(path);
    QVERIFY(before.startsWith(QByteArray("SQLite format 3\0", 16))); // the driver without a key writes plain SQLite

    QSqlDatabase db = addKeyed(path, patternKey(21));
    QVERIFY(!db.open());
    QCOMPARE(db.lastError().nativeErrorCode(), QString::number(SqliteNotADb));
    QVERIFY(fileBytes(path) == before);

    QSqlDatabase plain = addPlain(path, QString());
    QVERIFY2(plain.open(), qPrintable(plain.lastError().text()));
    QCOMPARE(scalar(plain, u"SELECT count(*) FROM t"_s).toInt(), 5);
}

void TestSqlCipherDriver::encryptedFileOpenedWithoutKeyFails()
{
    const QString path = m_dir->file(u"cipher.db"_s);
    const SecureBytes key = patternKey(22);
    createStore(path, &key, 5, 100);
    const QByteArray before = fileBytes(path);

    QSqlDatabase db = addPlain(path);
    QVERIFY(!db.open());
    QCOMPARE(db.lastError().nativeErrorCode(), QString::number(SqliteNotADb));
    QVERIFY(fileBytes(path) == before);
}

void TestSqlCipherDriver::randomBytesFileFails()
{
    const QString path = m_dir->file(u"random.db"_s);
    const QByteArray noise = syntheticBytes(64 * 1024, 4242);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(noise), noise.size());
    }
    QSqlDatabase keyed = addKeyed(path, patternKey(23));
    QVERIFY(!keyed.open());
    QCOMPARE(keyed.lastError().nativeErrorCode(), QString::number(SqliteNotADb));
    QSqlDatabase plain = addPlain(path);
    QVERIFY(!plain.open());
    QCOMPARE(plain.lastError().nativeErrorCode(), QString::number(SqliteNotADb));
    QVERIFY(fileBytes(path) == noise);
}

void TestSqlCipherDriver::truncatedFileRefused_data()
{
    QTest::addColumn<bool>("keyed");
    QTest::addColumn<int>("keepPages");  // of the whole file's pages: -1 = half of them, -2 = all but the last
    QTest::addColumn<int>("extraBytes"); // cut inside the next page
    QTest::newRow("encrypted, half, mid-page") << true << -1 << 1234;
    QTest::newRow("encrypted, half, page boundary") << true << -1 << 0;
    QTest::newRow("encrypted, last page missing") << true << -2 << 0;
    QTest::newRow("plain, half, mid-page") << false << -1 << 1234;
    QTest::newRow("plain, half, page boundary") << false << -1 << 0;
    QTest::newRow("plain, last page missing") << false << -2 << 0;
}

void TestSqlCipherDriver::truncatedFileRefused()
{
    QFETCH(bool, keyed);
    QFETCH(int, keepPages);
    QFETCH(int, extraBytes);
    const QString path = m_dir->file(u"truncated.db"_s);
    const SecureBytes key = patternKey(24);
    createStore(path, keyed ? &key : nullptr, 200, 1500);
    const qint64 fullSize = QFileInfo(path).size();
    const qint64 pages = fullSize / SqlCipherDriver::PageSize;
    QCOMPARE(fullSize % SqlCipherDriver::PageSize, 0);
    QVERIFY2(pages > 50, qPrintable(QString::number(pages)));
    const qint64 kept = keepPages == -1 ? pages / 2 : pages - 1;
    const qint64 cut = kept * SqlCipherDriver::PageSize + extraBytes;
    QVERIFY(QFile::resize(path, cut));

    QSqlDatabase db = keyed ? addKeyed(path, key, QString()) : addPlain(path, QString());
    const bool opened = db.open();
    // Measured on SQLCipher 3.4 / SQLite 3.15: every cut is refused by the key proof at open, with
    // SQLITE_CORRUPT, because reading page 1 compares the page count in the header with the file size.
    // Were a build to accept it, the first read of a missing page fails instead and Database's
    // quick_check on open is the backstop; this test then fails and says so.
    QVERIFY2(!opened, "a truncated store opened; the Database class must rely on quick_check");
    QCOMPARE(db.lastError().nativeErrorCode(), QString::number(SqliteCorrupt));
    QCOMPARE(QFileInfo(path).size(), cut); // the refused open neither repaired nor extended the file
}

void TestSqlCipherDriver::missingFileNotCreated_data()
{
    QTest::addColumn<bool>("keyed");
    QTest::addColumn<QString>("options");
    QTest::newRow("encrypted") << true << QString();
    QTest::newRow("plain") << false << QString();
    QTest::newRow("encrypted, read-only") << true << u"RELAIS_READONLY"_s;
    QTest::newRow("plain, read-only and create") << false << u"RELAIS_READONLY;RELAIS_CREATE"_s;
}

void TestSqlCipherDriver::missingFileNotCreated()
{
    QFETCH(bool, keyed);
    QFETCH(QString, options);
    const QString path = m_dir->file(u"missing.db"_s);
    QSqlDatabase db = keyed ? addKeyed(path, patternKey(25), options) : addPlain(path, options);
    QVERIFY(!db.open());
    QCOMPARE(db.lastError().nativeErrorCode(), QString::number(SqliteCantOpen));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(dirEntries(m_dir->path()).isEmpty());
}

void TestSqlCipherDriver::readOnlyRefusesWrites()
{
    const QString path = m_dir->file(u"ro.db"_s);
    const SecureBytes key = patternKey(26);
    createStore(path, &key, 3, 10);
    const QByteArray before = fileBytes(path);
    QSqlDatabase db = addKeyed(path, key, u"RELAIS_READONLY"_s);
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QCOMPARE(scalar(db, u"SELECT count(*) FROM t"_s).toInt(), 3);
    QSqlQuery q(db);
    QVERIFY(!q.exec(u"INSERT INTO t(payload) VALUES (x'00')"_s));
    QCOMPARE(q.lastError().nativeErrorCode(), u"8"_s); // SQLITE_READONLY
    db.close();
    QVERIFY(fileBytes(path) == before);
}

void TestSqlCipherDriver::fileNeverHoldsClearText()
{
    const QByteArray canary = "QZJX-relais-canary-7781";
    const QString canaryText = QString::fromLatin1(canary);
    const QByteArray tableName = "qzjx_canary_table";
    const SecureBytes key = patternKey(27);
    for (const bool keyed : {true, false}) {
        const QString path = m_dir->file(keyed ? u"canary-cipher.db"_s : u"canary-plain.db"_s);
        QSqlDatabase db = keyed ? addKeyed(path, key) : addPlain(path);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QByteArray journal;
        {
            QSqlQuery q(db);
            EXEC(q, u"CREATE TABLE "_s + QString::fromLatin1(tableName) +
                        u"(id INTEGER PRIMARY KEY, note TEXT, raw BLOB)"_s);
            EXEC(q, u"CREATE INDEX canary_note ON "_s + QString::fromLatin1(tableName) + u"(note)"_s);
            QVERIFY(db.transaction());
            QVERIFY(q.prepare(u"INSERT INTO "_s + QString::fromLatin1(tableName) + u"(note, raw) VALUES (?, ?)"_s));
            for (int i = 0; i < 2000; ++i) {
                q.bindValue(0, QString(canaryText + u' ' + QString::number(i)));
                q.bindValue(1, canary);
                EXEC_PREPARED(q);
            }
            QVERIFY(db.commit());
            // While a transaction is open, the rollback journal holds the old pages: they must be encrypted too.
            QVERIFY(db.transaction());
            EXEC(q, u"UPDATE "_s + QString::fromLatin1(tableName) + u" SET note = 'changed' WHERE id % 2 = 0"_s);
            journal = fileBytes(path + u"-journal"_s);
            QVERIFY(db.commit());
            EXEC(q, u"DELETE FROM "_s + QString::fromLatin1(tableName) + u" WHERE id % 3 = 0"_s);
        }
        db.close();
        const QByteArray raw = fileBytes(path);
        QVERIFY(raw.size() > 100 * 1024);
        QVERIFY(journal.size() > 0);
        QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
        // The plain run is the control: it proves the search would find clear text if it were there.
        QCOMPARE(raw.contains("SQLite format 3"), !keyed);
        QCOMPARE(raw.contains(canary), !keyed);
        QCOMPARE(raw.contains(tableName), !keyed);
        QCOMPARE(journal.contains(canary), !keyed);
    }
}

void TestSqlCipherDriver::cipherPageSizeIs4096()
{
    const QString path = m_dir->file(u"pages.db"_s);
    const SecureBytes key = patternKey(28);
    {
        QSqlDatabase db = addKeyed(path, key);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        // SQLCipher 3 defaults to 1024-byte pages: 4096 here means the driver set it.
        QCOMPARE(scalar(db, u"PRAGMA cipher_page_size"_s).toInt(), 4096);
        QSqlQuery q(db);
        EXEC(q, u"CREATE TABLE p(v TEXT)"_s);
        EXEC(q, u"INSERT INTO p VALUES ('x')"_s);
        QCOMPARE(scalar(db, u"PRAGMA page_size"_s).toInt(), 4096);
        db.close();
    }
    const qint64 size = QFileInfo(path).size();
    QCOMPARE(size % 4096, 0);
    QCOMPARE(size, 2 * 4096); // sqlite_master and one table, one page each

    QSqlDatabase again = addKeyed(path, key, QString());
    QVERIFY2(again.open(), qPrintable(again.lastError().text()));
    QCOMPARE(scalar(again, u"PRAGMA cipher_page_size"_s).toInt(), 4096);
    QCOMPARE(scalar(again, u"SELECT v FROM p"_s).toString(), u"x"_s);
}

void TestSqlCipherDriver::twoConnectionsShareCommittedData()
{
    const QString path = m_dir->file(u"shared.db"_s);
    const SecureBytes key = patternKey(29);
    QSqlDatabase a = addKeyed(path, key);
    QVERIFY2(a.open(), qPrintable(a.lastError().text()));
    QSqlDatabase b = addKeyed(path, key, QString());
    QVERIFY2(b.open(), qPrintable(b.lastError().text()));
    QVERIFY(a.connectionName() != b.connectionName());

    {
        QSqlQuery q(a);
        EXEC(q, u"CREATE TABLE s(v TEXT)"_s);
        EXEC(q, u"INSERT INTO s VALUES ('from a')"_s);
    }
    QCOMPARE(scalar(b, u"SELECT group_concat(v) FROM s"_s).toString(), u"from a"_s);

    QVERIFY(b.transaction());
    {
        QSqlQuery q(b);
        EXEC(q, u"INSERT INTO s VALUES ('from b')"_s);
    }
    QCOMPARE(scalar(a, u"SELECT count(*) FROM s"_s).toInt(), 1); // not committed yet
    QVERIFY2(b.commit(), qPrintable(b.lastError().text()));
    QCOMPARE(scalar(a, u"SELECT group_concat(v) FROM (SELECT v FROM s ORDER BY rowid)"_s).toString(),
             u"from a,from b"_s);

    // A reader stopped half-way holds a read lock until finish(); after it, the other connection commits.
    QSqlQuery reader(a);
    reader.setForwardOnly(true);
    EXEC(reader, u"SELECT v FROM s"_s);
    QVERIFY(reader.next());
    reader.finish();
    QVERIFY(!reader.isActive());
    QSqlQuery writer(b);
    EXEC(writer, u"INSERT INTO s VALUES ('after finish')"_s);
    QCOMPARE(scalar(a, u"SELECT count(*) FROM s"_s).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "TestSqlCipherDriver.moc"
