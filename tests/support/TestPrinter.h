#pragma once

// For ui tests only (it names ui/common/PaperOutput, which the test support library does not link).

#include "common/PaperOutput.h"

#include <QPrinter>
#include <QString>

namespace relais::test {

// The test's printer: the print dialog accepted, the sheet written as a PDF at `path`.
inline ui::PaperOutput::PrinterChooser printerTo(const QString &path)
{
    return [path](QWidget *, QPrinter *printer) {
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(path);
        return true;
    };
}

} // namespace relais::test
