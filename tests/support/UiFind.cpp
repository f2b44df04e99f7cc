#include "UiFind.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
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

QStringList duplicateMnemonics(QWidget *window)
{
    QHash<QKeySequence, QStringList> owners;
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (b->isVisible() && !b->shortcut().isEmpty())
            owners[b->shortcut()] << b->text();
    for (QLabel *l : window->findChildren<QLabel *>())
        if (l->isVisible() && l->buddy() && !QKeySequence::mnemonic(l->text()).isEmpty())
            owners[QKeySequence::mnemonic(l->text())] << l->text();
    QStringList duplicates;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            duplicates << it.value().join(QStringLiteral(" / "));
    return duplicates;
}

} // namespace relais::test
