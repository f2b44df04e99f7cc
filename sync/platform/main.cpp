#include "PlatformCli.h"

#include <QCoreApplication>

#include <sys/stat.h>

int main(int argc, char *argv[])
{
    // Everything the platform writes (database, uploads, submissions) is readable by its own account only.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("relais-platform"));
    return relais::platform::runPlatformCli(QCoreApplication::arguments());
}
