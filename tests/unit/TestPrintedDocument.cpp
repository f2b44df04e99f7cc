// Printed documents: A4 pages that a PDF reader opens, with header, "Page n / N" footer, and a clear error
// when the folder cannot be written.
#include "PdfText.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TinyTmpfs.h"

#include "common/PrintedDocument.h"

#include <QFile>
#include <QPageSize>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

const QDateTime PrintedAt(QDate(2026, 3, 14), QTime(10, 30), Qt::UTC);

// Enough paragraphs to fill about `pages` A4 pages at the body size, each one findable by its number.
QString longHtml(int paragraphs)
{
    QString html = QStringLiteral("<h1>Relevé</h1>");
    for (int i = 1; i <= paragraphs; ++i)
        html += QStringLiteral("<p>Paragraph %1: the mediator reads this sentence with the person, who agrees or "
                               "not, then both of them sign at the bottom of the last page.</p>")
                    .arg(i);
    return html;
}

} // namespace

class TestPrintedDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threePagesWithHeaderAndFooter();
    void pagesAreA4();
    void printsOnAnyPagedDeviceKeepingItsPaper();
    void escapesUserText();
    void readOnlyFolderIsRefused();
    void missingFolderIsRefused();

private:
    TempStoreDir m_dir;
};

void TestPrintedDocument::threePagesWithHeaderAndFooter()
{
    // Find how many paragraphs make exactly three pages, as a reader would count them.
    const QString path = m_dir.file(QStringLiteral("three.pdf"));
    int paragraphs = 20;
    PdfText pdf;
    for (; paragraphs < 400; paragraphs += 4) {
        const Status written =
            PrintedDocument::writePdf(path, QStringLiteral("Attestation de mandat"), QStringLiteral("MFS de Millau"),
                                      longHtml(paragraphs), PrintedAt);
        QVERIFY2(written, qPrintable(written.message()));
        pdf = readPdf(path);
        QCOMPARE(pdf.error, QPdfDocument::Error::None);
        if (pdf.pages >= 3)
            break;
    }
    QCOMPARE(pdf.pages, 3);
    const QString first = pdf.pageTexts.at(0).simplified();
    const QString second = pdf.pageTexts.at(1).simplified();
    const QString third = pdf.pageTexts.at(2).simplified();
    // Every page carries the structure and the title at the top, its number and the print date at the bottom.
    for (const QString &page : {first, second, third}) {
        QVERIFY2(page.contains(QStringLiteral("MFS de Millau")), qPrintable(page.left(200)));
        QVERIFY(page.contains(QStringLiteral("Attestation de mandat")));
        QVERIFY(page.contains(QStringLiteral("Printed on")));
    }
    QVERIFY(first.contains(QStringLiteral("Page 1 / 3")));
    QVERIFY2(second.contains(QStringLiteral("Page 2 / 3")), qPrintable(second.right(200)));
    QVERIFY(third.contains(QStringLiteral("Page 3 / 3")));
    QVERIFY(!second.contains(QStringLiteral("Page 1 / 3")));
    // The body flows on: the first paragraph on page 1, the last on page 3, and none is lost on the way.
    QVERIFY(first.contains(QStringLiteral("Paragraph 1:")));
    QVERIFY(third.contains(QStringLiteral("Paragraph %1:").arg(paragraphs)));
    const QString all = pdf.flat();
    for (int i = 1; i <= paragraphs; ++i)
        QVERIFY2(all.contains(QStringLiteral("Paragraph %1:").arg(i)), qPrintable(QString::number(i)));
    QVERIFY(all.contains(QStringLiteral("Relevé")));
}

void TestPrintedDocument::pagesAreA4()
{
    const QString path = m_dir.file(QStringLiteral("a4.pdf"));
    QVERIFY(PrintedDocument::writePdf(path, QStringLiteral("T"), QStringLiteral("S"), QStringLiteral("<p>x</p>"),
                                      PrintedAt));
    QPdfDocument document;
    QCOMPARE(document.load(path), QPdfDocument::Error::None);
    QCOMPARE(document.pageCount(), 1);
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Point);
    const QSizeF size = document.pagePointSize(0);
    QVERIFY2(qAbs(size.width() - a4.width()) < 1 && qAbs(size.height() - a4.height()) < 1,
             qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
}

void TestPrintedDocument::printsOnAnyPagedDeviceKeepingItsPaper()
{
    // A printer is a paged device like this writer: the document goes to it whole, on the paper the printer has.
    const QString path = m_dir.file(QStringLiteral("letter.pdf"));
    {
        QPdfWriter device(path);
        device.setPageSize(QPageSize(QPageSize::Letter));
        const Status printed = PrintedDocument::print(&device, QStringLiteral("Formulaire de consentement"),
                                                      QStringLiteral("MFS de Millau"), longHtml(40), PrintedAt);
        QVERIFY2(printed, qPrintable(printed.message()));
    }
    const PdfText pdf = readPdf(path);
    QCOMPARE(pdf.error, QPdfDocument::Error::None);
    QVERIFY(pdf.pages >= 2);
    for (const QString &page : pdf.pageTexts) {
        QVERIFY(page.simplified().contains(QStringLiteral("MFS de Millau")));
        QVERIFY(page.simplified().contains(QStringLiteral("Page ")));
    }
    QVERIFY(pdf.flat().contains(QStringLiteral("Paragraph 40:")));
    QPdfDocument document;
    QCOMPARE(document.load(path), QPdfDocument::Error::None);
    const QSizeF letter = QPageSize(QPageSize::Letter).size(QPageSize::Point);
    QVERIFY(qAbs(document.pagePointSize(0).width() - letter.width()) < 1);
}

void TestPrintedDocument::escapesUserText()
{
    QCOMPARE(PrintedDocument::escape(QStringLiteral("<b>Dupont & fils</b>\n\"2\"")),
             QStringLiteral("&lt;b&gt;Dupont &amp; fils&lt;/b&gt;<br>&quot;2&quot;"));
    // A name that looks like markup is printed as typed, not interpreted.
    const QString path = m_dir.file(QStringLiteral("escaped.pdf"));
    QVERIFY(PrintedDocument::writePdf(
        path, QStringLiteral("T"), QStringLiteral("S"),
        QStringLiteral("<p>%1</p>").arg(PrintedDocument::escape(QStringLiteral("<i>O'Brien</i> & <script>x</script>"))),
        PrintedAt));
    QVERIFY(readPdf(path).flat().contains(QStringLiteral("<i>O'Brien</i> & <script>x</script>")));
}

void TestPrintedDocument::readOnlyFolderIsRefused()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(1024 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    QVERIFY2(fs.setReadOnly(true), qPrintable(fs.error()));
    const QString path = fs.filePath(QStringLiteral("form.pdf"));
    const Status written = PrintedDocument::writePdf(path, QStringLiteral("T"), QStringLiteral("S"),
                                                     QStringLiteral("<p>x</p>"), PrintedAt);
    QVERIFY(!written);
    QCOMPARE(written.code(), ErrorCode::Io);
    QVERIFY2(written.message().contains(QStringLiteral("cannot be saved in")), qPrintable(written.message()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(dirEntries(fs.path()).isEmpty());
}

void TestPrintedDocument::missingFolderIsRefused()
{
    const QString path = m_dir.file(QStringLiteral("no-such-folder/form.pdf"));
    const Status written = PrintedDocument::writePdf(path, QStringLiteral("T"), QStringLiteral("S"),
                                                     QStringLiteral("<p>x</p>"), PrintedAt);
    QVERIFY(!written);
    QVERIFY2(written.message().contains(QStringLiteral("no-such-folder")), qPrintable(written.message()));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestPrintedDocument)
#include "TestPrintedDocument.moc"
