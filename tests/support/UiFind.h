#pragma once

#include <QAbstractButton>
#include <QList>
#include <QStringList>
#include <QWidget>

namespace relais::test {

// Finds a widget the way a screen reader user would: by its accessible name, or a button by its text
// (mnemonic '&' ignored). Only visible widgets count, so a test cannot press what a person cannot see.
template <typename T> T *findByAccessibleName(QWidget *root, const QString &name)
{
    const QList<T *> all = root->findChildren<T *>();
    for (T *w : all) {
        if (w->accessibleName() == name && w->isVisible())
            return w;
    }
    return nullptr;
}

inline QAbstractButton *findButton(QWidget *root, const QString &text)
{
    const QList<QAbstractButton *> all = root->findChildren<QAbstractButton *>();
    for (QAbstractButton *b : all) {
        QString t = b->text();
        t.remove(QLatin1Char('&'));
        if (t == text && b->isVisible())
            return b;
    }
    return nullptr;
}

// The keyboard, as a person uses it: everything goes to the widget that has the focus.
QWidget *focused();
// Types as a keyboard does, accented letters included (QTest::keyClicks knows only ASCII).
void typeHere(const QString &text);
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
// Alt+letter: a button's mnemonic "clicks" it with a short animation, as it shows the press to the person.
void pressMnemonic(int key);

// Every text a person can read under `root`: visible labels, buttons and fields, and every cell of the visible
// lists and tables. Tests that a name is not on screen look in here.
QStringList visibleTexts(QWidget *root);

// Saves a screenshot of `widget` into $RELAIS_SCREENSHOT_DIR (if set) for people to look at.
void saveScreenshot(QWidget *widget, const QString &name);

// Alt+letter must reach one thing: two visible controls with the same letter make the key cycle between them
// instead of acting. Returns each letter's clashing texts ("C&hange user / &High contrast"), empty when none.
QStringList duplicateMnemonics(QWidget *window);

} // namespace relais::test
