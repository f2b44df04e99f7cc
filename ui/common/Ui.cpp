#include "Ui.h"

#include "common/SecureBytes.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStorageInfo>
#include <QStyle>

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
