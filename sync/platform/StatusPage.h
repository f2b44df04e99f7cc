#pragma once

#include "PlatformStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace relais::platform {

// The operator's read-only page at GET /: what arrived, never an answer. French, accessible, readable without CSS.
QByteArray renderStatusPage(const QString &platformName, const QList<StoredSubmission> &submissions);

} // namespace relais::platform
