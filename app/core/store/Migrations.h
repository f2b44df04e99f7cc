#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace relais {

// One numbered schema step. Applied in a single transaction; never edited once shipped.
struct Migration
{
    int version;
    const char *description;
    QStringList statements;
};

// All migrations in order. Version N is the schema after applying migrations 1..N.
const QVector<Migration> &migrations();
int latestSchemaVersion();

// The numbered schema of a module above the core that owns its own tables (the sync module: sync/client/SyncSchema).
// Its versions are its own, recorded per module in schema_modules; Database applies them, one transaction each,
// after the core's migrations whenever a store is created or opened at the latest core version. A module's first
// migration must accept a store whose tables an earlier core migration already made (CREATE … IF NOT EXISTS).
struct SchemaModule
{
    QString name;
    QVector<Migration> migrations;
};
// Called once by the module before any store is opened (the sync module does it when it is linked in).
void registerSchemaModule(const SchemaModule &module);
QVector<SchemaModule> schemaModules();

} // namespace relais
