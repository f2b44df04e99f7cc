#include "UiFind.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
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

namespace {

// Where a key goes: an open list (a completer's) takes the keyboard before the field under it, as on a real screen.
QWidget *keyTarget()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup;
    return focused();
}

// A key sent: the offscreen platform activates a popup's window asynchronously, and an activation still pending when
// the popup closes would leave the kiosk's window inactive (where a window manager keeps it active): while a popup is
// open, its activation is taken at once, as Qt ignores it in popup mode.
void keySent()
{
    if (QApplication::activePopupWidget())
        QCoreApplication::processEvents();
}

} // namespace

void typeHere(const QString &text)
{
    QVERIFY(focused());
    for (const QChar ch : text) {
        QWidget *w = keyTarget();
        if (ch.unicode() < 0x80)
            QTest::keyClick(w, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        keySent();
    }
}

void press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *w = keyTarget();
    QVERIFY(w);
    QTest::keyClick(w, Qt::Key(key), modifiers);
    keySent();
}

void pressMnemonic(int key)
{
    press(key, Qt::AltModifier);
    QTest::qWait(250);
}

QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->isVisible())
            texts << l->text();
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->isVisible())
            texts << b->text();
    for (QLineEdit *e : root->findChildren<QLineEdit *>())
        if (e->isVisible())
            texts << e->text();
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model())
            continue;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            for (int column = 0; column < view->model()->columnCount(); ++column)
                texts << view->model()->index(row, column).data().toString();
    }
    return texts;
}

} // namespace relais::test
