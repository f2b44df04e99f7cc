#pragma once

#include <QCoreApplication>

#include <QDateTime>
#include <QString>

class QPagedPaintDevice;
class QWidget;

namespace relais::ui {

// The printed page that carries the recovery code: what it is, where to keep it, what to do with it.
class RecoverySheet
{
    Q_DECLARE_TR_FUNCTIONS(relais::ui::RecoverySheet)

public:
    static QString html(const QString &structure, const QString &code, const QDateTime &when);
    // Prints (or writes a PDF, for a QPdfWriter) the sheet; returns false if the device could not paint.
    static bool print(QPagedPaintDevice *device, const QString &structure, const QString &code, const QDateTime &when);
    // Asks where to print (a printer or a PDF file) and prints the sheet, dated `when` (now, by the store's clock).
    static void printWithDialog(QWidget *parent, const QString &structure, const QString &code, const QDateTime &when);
};

} // namespace relais::ui
