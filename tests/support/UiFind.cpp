#include "UiFind.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>

namespace relais::test {

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RELAIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents(); // pending layouts, as a person would see them a moment later
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace relais::test
