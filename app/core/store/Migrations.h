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

} // namespace relais
