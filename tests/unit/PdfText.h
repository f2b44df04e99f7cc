#pragma once

#include <QPdfDocument>
#include <QPdfSelection>
#include <QString>
#include <QStringList>

namespace relais::test {

// What a reader of a PDF sees: its page count and the text of each page, read back with QtPdf (pdfium).
struct PdfText
{
    QPdfDocument::Error error = QPdfDocument::Error::Unknown;
    int pages = 0;
    QStringList pageTexts;

    QString all() const { return pageTexts.join(QLatin1Char('\n')); }
    // Line breaks and runs of spaces as one space: the layout decides where lines break, not the test.
    QString flat() const { return all().simplified(); }
};

inline PdfText readPdf(const QString &path)
{
    PdfText out;
    QPdfDocument document;
    out.error = document.load(path);
    if (out.error != QPdfDocument::Error::None)
        return out;
    out.pages = document.pageCount();
    for (int page = 0; page < out.pages; ++page)
        out.pageTexts << document.getAllText(page).text();
    return out;
}

} // namespace relais::test
