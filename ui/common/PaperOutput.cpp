#include "PaperOutput.h"

#include "common/Ui.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>

namespace relais::ui {

PaperOutput::PaperOutput()
{
    m_choosePrinter = [](QWidget *owner, QPrinter *printer) {
        if (QPrinterInfo::availablePrinters().isEmpty())
            return true; // print() says that no printer is ready
        QPrintDialog dialog(printer, owner);
        // "Print to file" would leave the paper wherever the dialog suggests: saving is the separate choice.
        dialog.setOption(QAbstractPrintDialog::PrintToFile, false);
        return dialog.exec() == QDialog::Accepted;
    };
    m_chooseFolder = [](QWidget *owner, const QString &caption, const QString &suggestion) {
        return QFileDialog::getExistingDirectory(owner, caption, suggestion);
    };
}

// The papers of the citizen's file and the others (récépissé, attestation from Démarches) say the same things: one
// translation each, in the file's context, written out at each call where lupdate reads it.

bool PaperOutput::print(QWidget *owner, const std::function<Status(QPagedPaintDevice *)> &paint, QString *error) const
{
    error->clear();
    QPrinter printer(QPrinter::HighResolution);
    // The job's name shows in the print queue, which every account of the computer can list: never a name.
    printer.setDocName(QStringLiteral("Relais"));
    if (!m_choosePrinter(owner, &printer))
        return false;
    if (printer.printerName().isEmpty() && printer.outputFileName().isEmpty()) {
        *error = QCoreApplication::translate(
            "relais::ui::CitizenFilePage",
            "No printer is ready on this computer. Ask your administrator to install one, or save the "
            "document on the person's USB key.");
        return false;
    }
    if (Status s = paint(&printer); !s) {
        *error = s.message();
        return false;
    }
    return true;
}

QString PaperOutput::chooseFolder(QWidget *owner) const
{
    QMessageBox ask(QMessageBox::Warning,
                    QCoreApplication::translate("relais::ui::CitizenFilePage", "Save to a folder"),
                    QCoreApplication::translate(
                        "relais::ui::CitizenFilePage",
                        "The file will not be protected (it is not encrypted): anyone who has the folder or the "
                        "USB key can read it. Save it only on the person's own USB key, and give it to them."),
                    QMessageBox::NoButton, owner);
    QPushButton *choose = ask.addButton(
        QCoreApplication::translate("relais::ui::CitizenFilePage", "Choose the folder…"), QMessageBox::AcceptRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(choose);
    ask.exec();
    if (ask.clickedButton() != choose)
        return QString();
    return m_chooseFolder(
        owner, QCoreApplication::translate("relais::ui::CitizenFilePage", "Folder to save in (the person's USB key)"),
        removableMediaFolder());
}

QString PaperOutput::saveToFolder(QWidget *owner, const QString &fileName,
                                  const std::function<Status(const QString &path)> &write, QString *error) const
{
    error->clear();
    const QString folder = chooseFolder(owner);
    if (folder.isEmpty())
        return QString();
    const QString path = QDir(folder).filePath(fileName);
    if (Status s = write(path); !s) {
        *error = s.message();
        return QString();
    }
    return path;
}

} // namespace relais::ui
