#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>

class QPagedPaintDevice;
class QPrinter;
class QWidget;

namespace relais::ui {

// How a page hands a paper to the person (récépissé, mandate attestation): to the printer by default, nothing staying
// on this computer; or, as an explicit choice, as a PDF into a folder the mediator picks (the person's USB key), after
// a warning that the file is not protected. The same words and steps as the papers of the citizen's file.
class PaperOutput
{
public:
    // The system's print dialog, replaced in tests. False: cancelled.
    using PrinterChooser = std::function<bool(QWidget *parent, QPrinter *printer)>;
    // The system's folder dialog, replaced in tests. Empty: cancelled.
    using PathChooser = std::function<QString(QWidget *parent, const QString &caption, const QString &suggestion)>;

    PaperOutput();

    void setPrinterChooser(PrinterChooser chooser) { m_choosePrinter = std::move(chooser); }
    void setFolderChooser(PathChooser chooser) { m_chooseFolder = std::move(chooser); }

    // True once printed; false when cancelled (`error` empty) or refused (`error` says why, translated).
    bool print(QWidget *owner, const std::function<Status(QPagedPaintDevice *)> &paint, QString *error) const;
    // Warns that a saved file is not protected, then asks for the folder (the person's USB key). Empty: cancelled.
    QString chooseFolder(QWidget *owner) const;
    // The path written, or empty when cancelled (`error` empty) or refused (`error` says why).
    QString saveToFolder(QWidget *owner, const QString &fileName,
                         const std::function<Status(const QString &path)> &write, QString *error) const;

private:
    PrinterChooser m_choosePrinter;
    PathChooser m_chooseFolder;
};

} // namespace relais::ui
