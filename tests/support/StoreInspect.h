#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace relais::test {

// Whole content of a file; empty when it cannot be read.
QByteArray fileBytes(const QString &path);
// Writes (replaces) a file directly, for planting damaged or foreign files in a data folder.
bool writeBytes(const QString &path, const QByteArray &bytes);
// Names of the files in `dir` (hidden ones too), sorted: to prove nothing was left behind.
QStringList dirEntries(const QString &dir);

// Every table of an open (decrypted) database, one line per row, tables in name order and rows in
// rowid order; BLOBs in hex. For asserting "the data is still there" and "no secret in any row".
QString dumpTables(const QSqlDatabase &db);

// Creates an unencrypted SQLite file with one table and one row through the project's own driver
// (never Qt's QSQLITE plugin: one SQLite engine per process).
bool createPlainSqlite(const QString &path);

// Executes one SQL statement on `db`; returns the driver's text on failure, empty on success.
QString execSql(const QSqlDatabase &db, const QString &sql);

} // namespace relais::test
