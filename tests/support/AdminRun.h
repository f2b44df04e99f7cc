#pragma once

#include <QString>
#include <QStringList>

namespace relais::test {

// One run of the real relais-admin binary, in English, as an administrator's script would run it.
struct Run
{
    int code = -1; // -1 when it crashed or did not finish in time
    QString out;
    QString err;
};

Run runAdmin(const QStringList &args, const QString &stdinText = QString(), int timeoutMs = 60000);

} // namespace relais::test
