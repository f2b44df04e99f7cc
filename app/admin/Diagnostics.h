#pragma once

#include "common/Result.h"

#include <QString>
#include <QTextStream>

namespace relais {

class Workspace;
struct Account;

// What relais-admin check and support-bundle tell an administrator or a support desk about a kiosk: versions,
// store, journal, key slots, queue, sync, backup, disk. Counts, states and dates only: never a person's data.
namespace Diagnostics {

enum class Severity
{
    Ok,
    Warning,
    Error
};

// One line per topic, each marked OK, warning or error; returns the worst mark written.
Severity writeCheckReport(const Workspace &workspace, const QString &dataDir, QTextStream &out);

// A tar.gz for support at `outPath`: versions, the check report, the end of the technical logs, settings that are
// not personal, counts. No name, no NIR, no IBAN, no e-mail, no password, no key, no token.
Status writeSupportBundle(const Workspace &workspace, const QString &dataDir, const QString &outPath);

} // namespace Diagnostics

} // namespace relais
