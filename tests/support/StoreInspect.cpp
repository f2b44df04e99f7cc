#include "StoreInspect.h"

#include "store/SqlCipherDriver.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace relais::test {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

QStringList dirEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QString dumpTables(const QSqlDatabase &db)
{
    QStringList tables;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
            return QStringLiteral("<cannot list tables: %1>").arg(q.lastError().text());
        while (q.next())
            tables.append(q.value(0).toString());
    }
    QString out;
    for (const QString &table : tables) {
        QSqlQuery q(db);
        // WITHOUT ROWID tables have no rowid: they come in primary-key order.
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table)) &&
            !q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
            out += QStringLiteral("%1: <unreadable: %2>\n").arg(table, q.lastError().text());
            continue;
        }
        while (q.next()) {
            QStringList fields;
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i) {
                const QVariant value = q.value(i);
                const QString text = value.typeId() == QMetaType::QByteArray
                                         ? QString::fromLatin1(value.toByteArray().toHex())
                                         : (value.isNull() ? QStringLiteral("NULL") : value.toString());
                fields.append(record.fieldName(i) + QLatin1Char('=') + text);
            }
            out += table + QStringLiteral(": ") + fields.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return out;
}

bool createPlainSqlite(const QString &path)
{
    SqlCipherDriver::registerDriver();
    const QString name = QStringLiteral("plain-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(SqlCipherDriver::Name), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("RELAIS_CREATE"));
        if (db.open()) {
            ok = execSql(db, QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")).isEmpty() &&
                 execSql(db, QStringLiteral("INSERT INTO notes (text) VALUES ('synthetic note')")).isEmpty();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return QString();
    const QString text = q.lastError().text();
    return text.isEmpty() ? QStringLiteral("failed") : text;
}

} // namespace relais::test
