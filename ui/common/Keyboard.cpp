#include "Keyboard.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace relais::ui {

namespace {

class EnterPressesButtons : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) ||
            (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier || key->isAutoRepeat())
            return false;
        auto *button = qobject_cast<QAbstractButton *>(watched);
        if (!button || !button->hasFocus() || !button->isEnabled())
            return false;
        if (auto *push = qobject_cast<QPushButton *>(button)) {
            if (push->autoDefault() || push->isDefault())
                return false; // a dialog's button: Qt presses it already
        } else if (!qobject_cast<QToolButton *>(button)) {
            return false; // check boxes and radio buttons: Enter is the dialog's, Space ticks
        }
        button->click();
        return true;
    }
};

class DownToList : public QObject
{
public:
    DownToList(QLineEdit *search, std::function<bool()> enterList) : QObject(search), m_enterList(std::move(enterList))
    {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress || static_cast<QKeyEvent *>(event)->key() != Qt::Key_Down ||
            static_cast<QKeyEvent *>(event)->modifiers() != Qt::NoModifier)
            return false;
        (void)m_enterList(); // nothing found: Down stays in the search, as at the end of any list
        return true;
    }

private:
    std::function<bool()> m_enterList;
};

} // namespace

void installKeyboardConventions(QCoreApplication *app)
{
    if (!app || app->findChild<QObject *>(QStringLiteral("relaisEnterPressesButtons"), Qt::FindDirectChildrenOnly))
        return;
    auto *filter = new EnterPressesButtons(app);
    filter->setObjectName(QStringLiteral("relaisEnterPressesButtons"));
    app->installEventFilter(filter);
}

void downLeadsToList(QLineEdit *search, std::function<bool()> enterList)
{
    search->installEventFilter(new DownToList(search, std::move(enterList)));
}

} // namespace relais::ui
