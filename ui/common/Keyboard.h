#pragma once

#include <functional>

class QCoreApplication;
class QLineEdit;

namespace relais::ui {

// Keyboard conventions the whole kiosk follows, whatever the page: Enter (or Return) on a focused button presses it,
// as Space does. Qt only does so for the buttons of a dialog (auto-default); a page's buttons ignored Enter, which
// people who do not use a mouse press first. Installed once on the application (MainWindow); calling it again is
// harmless.
void installKeyboardConventions(QCoreApplication *app);

// Down in a search box goes to the results: `enterList` selects the first one and gives the list the keyboard
// (it returns false when there is nothing to go to, and the key then does nothing).
void downLeadsToList(QLineEdit *search, std::function<bool()> enterList);

} // namespace relais::ui
