#pragma once

#include <QLabel>
#include <QString>

class QAbstractScrollArea;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QWidget;

namespace relais::ui {

// The language catalogue texts are shown in: the interface's ("en" or "fr").
QString catalogueLanguage();

// A label styled by the theme: "title", "subtitle", "hint", "error", "info", "code".
QLabel *makeLabel(const QString &text, const char *role, QWidget *parent = nullptr);
// A list (or tree) as tall as what it holds (at least `minimumRows` lines, at most the room left): a search with one
// answer shows one row and the buttons right under it, not a tall empty box. The layout puts a stretch after it.
void fitToContents(QAbstractScrollArea *view, int minimumRows = 3);
// A page that scrolls rather than squeeze its labels when the text is large (200 %) or the screen small: the area
// around `content` sizes it to its width, has no frame, and never takes the focus itself (Tab goes to what it holds,
// and it follows the focus).
QScrollArea *makePageScroll(QWidget *content);
// Fills `page` with such an area, edge to edge, around a new content widget, returned for the page's layout.
QWidget *scrollingContent(QWidget *page);
// A button that erases, discards or disables: the theme shows it in the danger colour, apart from the others.
void markDestructive(QPushButton *button);
// An error label, hidden until showError() puts a message in it.
QLabel *makeErrorLabel(QWidget *parent = nullptr);
// Shows `message` in an error label next to the field and tells screen readers at once (RGAA 11.10).
void showError(QLabel *label, const QString &message, QWidget *field = nullptr);
void clearError(QLabel *label, QWidget *field = nullptr);
// A password field with an accessible name; never echoes its text.
QLineEdit *makePasswordField(const QString &accessibleName, QWidget *parent = nullptr);
// Whether a new password was typed the same twice, in `first` then `again`. The copies compared are wiped. When they
// differ, both fields are emptied and the message is shown under `first`, which gets the keyboard.
bool typedTwiceAlike(QLineEdit *first, QLineEdit *again, QLabel *error);
// Where file dialogs open: the first USB key (or other removable volume) plugged in, else where they are mounted.
// Never the home folder: citizens' papers must not gather there.
QString removableMediaFolder();

} // namespace relais::ui
