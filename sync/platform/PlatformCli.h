#pragma once

#include <QStringList>

namespace relais::platform {

// `relais-platform [serve options]` or `relais-platform <code|set-status|publish-catalogue|list|revoke-device> …`.
// Returns the process exit code; a failure prints one line on standard error. Serving runs the event loop of the
// QCoreApplication that must already exist.
int runPlatformCli(const QStringList &arguments);

} // namespace relais::platform
