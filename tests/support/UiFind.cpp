#include "UiFind.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QPixmap>
#include <QTest>

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

QWidget *focused()
{
    return QApplication::focusWidget();
}

void typeHere(const QString &text)
{
    QWidget *w = focused();
    QVERIFY(w);
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(w, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

void press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *w = focused();
    QVERIFY(w);
    QTest::keyClick(w, Qt::Key(key), modifiers);
}

void pressMnemonic(int key)
{
    press(key, Qt::AltModifier);
    QTest::qWait(250);
}

} // namespace relais::test
