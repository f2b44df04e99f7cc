#pragma once

#include <QAbstractButton>
#include <QList>
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

// Saves a screenshot of `widget` into $RELAIS_SCREENSHOT_DIR (if set) for people to look at.
void saveScreenshot(QWidget *widget, const QString &name);

// Alt+letter must reach one thing: two visible controls with the same letter make the key cycle between them
// instead of acting. Returns each letter's clashing texts ("C&hange user / &High contrast"), empty when none.
QStringList duplicateMnemonics(QWidget *window);

} // namespace relais::test
