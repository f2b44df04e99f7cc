#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace relais {

// Replaces `path` with `contents` so that a crash leaves either the old or the new file, never half
// of one: temporary file, fsync, rename, fsync of the directory.
Status writeFileAtomically(const QString &path, const QByteArray &contents);

} // namespace relais
