#include "RecoverySheet.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

namespace relais::ui {

namespace {} // namespace

QString RecoverySheet::html(const QString &structure, const QString &code, const QDateTime &when)
{
    const QString date = QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
    return QStringLiteral("<h1>%1</h1><p><b>%2</b> %3</p><p>%4</p>"
                          "<table border='1' cellpadding='14' cellspacing='0'><tr><td style='font-family: DejaVu Sans "
                          "Mono, monospace; font-size: 17pt; font-weight: bold; white-space: pre'>%5</td></tr></table>"
                          "<ul><li>%6</li><li>%7</li><li>%8</li></ul>")
        .arg(RecoverySheet::tr("Relais — recovery code").toHtmlEscaped(),
             RecoverySheet::tr("Structure:").toHtmlEscaped(), structure.toHtmlEscaped(),
             RecoverySheet::tr("Printed on %1.").arg(date).toHtmlEscaped(), code.toHtmlEscaped(),
             RecoverySheet::tr("This code opens every file of the structure if all administrator passwords are lost.")
                 .toHtmlEscaped(),
             RecoverySheet::tr(
                 "Keep this sheet locked away, apart from the computer. Never photograph it or send it by e-mail.")
                 .toHtmlEscaped(),
             RecoverySheet::tr(
                 "Once the code has been used, Relais replaces it: print the new sheet and destroy this one.")
                 .toHtmlEscaped());
}

void RecoverySheet::printWithDialog(QWidget *parent, const QString &structure, const QString &code,
                                    const QDateTime &when)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print the recovery sheet"));
    if (dialog.exec() == QDialog::Accepted)
        print(&printer, structure, code, when.toLocalTime());
}

bool RecoverySheet::print(QPagedPaintDevice *device, const QString &structure, const QString &code,
                          const QDateTime &when)
{
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 12));
    document.setHtml(html(structure, code, when));
    document.print(device);
    return true;
}

} // namespace relais::ui
