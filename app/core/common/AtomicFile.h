#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace relais {

// Replaces `path` with `contents` so that a crash leaves either the old or the new file, never half
// of one: temporary file, fsync, rename, fsync of the directory.
Status writeFileAtomically(const QString &path, const QByteArray &contents);
// Flushes a file written by someone else (SQLite) to the disk.
Status syncFileToDisk(const QString &path);
// rename(2) of `from` over `to`, then fsync of the directory: after it returns, a power cut leaves `to` new.
Status renameDurably(const QString &from, const QString &to);

} // namespace relais
