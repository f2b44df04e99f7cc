#pragma once

#include <QCoreApplication>

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace relais {

// One backup file of a store (DESIGN §8 `backup`/`restore`): the encrypted database copied under its own key, with
// its key file and journal anchor, so that it restores on another PC with an account's password or the recovery
// code. Nothing in it is in clear but the key file (which holds no secret in clear) and the anchor (counts and a
// hash). Layout: a first line "RELAIS-BACKUP 1", a second line of JSON naming the parts with their sizes and
// SHA-256, then the parts end to end.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(relais::Backup)

public:
    using Progress = std::function<void(int percent)>;

    // Writes `out` atomically (a temporary file renamed at the end): a cut leaves the old file or none.
    static Status write(const QString &out, const QByteArray &keySlots, const QByteArray &anchor,
                        const QString &databaseCopy, const Progress &progress = {});
    // Unpacks `in` into the empty data folder `dataDir`, each part checked against its SHA-256; on any failure
    // nothing is left in `dataDir`. Returns the names of the files written.
    static Result<QStringList> restore(const QString &in, const QString &dataDir);
    // The files restore() writes, to remove them when the restored store does not open.
    static QStringList partNames();
};

} // namespace relais
