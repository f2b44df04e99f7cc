#include "Ui.h"

#include "common/SecureBytes.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStorageInfo>
#include <QStyle>
#include <QVBoxLayout>

namespace relais::ui {

QString catalogueLanguage()
{
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("fr");
}

QLabel *makeLabel(const QString &text, const char *role, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("role", QLatin1String(role));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QScrollArea *makePageScroll(QWidget *content)
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(content);
    return scroll;
}

QWidget *scrollingContent(QWidget *page)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *content = new QWidget;
    outer->addWidget(makePageScroll(content));
    return content;
}

void fitToContents(QAbstractScrollArea *view, int minimumRows)
{
    const int minimum = view->fontMetrics().lineSpacing() * minimumRows + 2 * view->frameWidth();
    view->setMinimumHeight(minimum);
    auto *items = qobject_cast<QListView *>(view);
    if (!items || !items->model()) {
        // A tree (or any other area) says how tall its content is itself.
        view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        return;
    }
    // As tall as its rows (the layout's stretch takes the rest), never taller: its rows come and go, the limit
    // follows once the view has laid them out.
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    const auto follow = [items, minimum] {
        QMetaObject::invokeMethod(
            items,
            [items, minimum] {
                items->doItemsLayout();
                int height = 0;
                // As laid out: a word-wrapped row is as tall as its lines at the view's width.
                for (int row = 0; row < items->model()->rowCount(items->rootIndex()); ++row)
                    height += qMax(items->visualRect(items->model()->index(row, 0, items->rootIndex())).height(),
                                   items->sizeHintForRow(row)) +
                              2 * items->spacing();
                // A line to spare: the width may still change (a row then wraps once more).
                height += 2 * items->frameWidth() + items->fontMetrics().lineSpacing();
                items->setMaximumHeight(qMax(minimum, height));
            },
            Qt::QueuedConnection);
    };
    QAbstractItemModel *model = items->model();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, items, follow);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, items, follow);
    QObject::connect(model, &QAbstractItemModel::modelReset, items, follow);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, items, follow);
    follow();
}

void markDestructive(QPushButton *button)
{
    button->setProperty("danger", true);
}

QLabel *makeErrorLabel(QWidget *parent)
{
    QLabel *label = makeLabel(QString(), "error", parent);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &message, QWidget *field)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (field) {
        field->setProperty("invalid", true);
        field->setAccessibleDescription(message);
        field->style()->unpolish(field);
        field->style()->polish(field);
    }
    QAccessibleEvent event(label, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void clearError(QLabel *label, QWidget *field)
{
    label->clear();
    label->hide();
    if (field) {
        field->setProperty("invalid", false);
        field->setAccessibleDescription(QString());
        field->style()->unpolish(field);
        field->style()->polish(field);
    }
}

QLineEdit *makePasswordField(const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    return edit;
}

bool typedTwiceAlike(QLineEdit *first, QLineEdit *again, QLabel *error)
{
    QString typed = first->text();
    QString retyped = again->text();
    const bool same = typed == retyped;
    wipe(typed);
    wipe(retyped);
    if (same)
        return true;
    first->clear();
    again->clear();
    showError(error, QCoreApplication::translate("relais::ui::Ui", "The two passwords are different. Type them again."),
              first);
    first->setFocus();
    return false;
}

QString removableMediaFolder()
{
    const QStringList mountRoots = {QStringLiteral("/media/"), QStringLiteral("/run/media/")};
    for (const QStorageInfo &volume : QStorageInfo::mountedVolumes()) {
        if (!volume.isValid() || !volume.isReady() || volume.isReadOnly())
            continue;
        for (const QString &root : mountRoots)
            if (volume.rootPath().startsWith(root))
                return volume.rootPath();
    }
    return QDir(QStringLiteral("/media")).exists() ? QStringLiteral("/media") : QStringLiteral("/");
}

} // namespace relais::ui
