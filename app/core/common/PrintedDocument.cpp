#include "PrintedDocument.h"

#include "common/AtomicFile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace relais {

namespace {

constexpr int Dpi = 300;
constexpr int SmallPointSize = 9;

QFont documentFont(int pointSize)
{
    // DejaVu Sans: installed with Qt on Debian, wide Unicode coverage (accents, ☐ ☒), embedded in the PDF.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSize(pointSize);
    return font;
}

} // namespace

QString PrintedDocument::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString PrintedDocument::signatureBoxes(const QStringList &labels)
{
    QString cells;
    const int width = 100 / int(qMax<qsizetype>(1, labels.size()));
    // QTextDocument ignores a cell's height: blank lines make the room to sign.
    for (const QString &label : labels)
        cells += QStringLiteral("<td width=\"%1%\" valign=\"top\">%2<br><br><br><br><br>&nbsp;</td>")
                     .arg(width)
                     .arg(escape(label));
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" border=\"1\""
                          " style=\"border-collapse: collapse;\"><tr>%1</tr></table>")
        .arg(cells);
}

QString PrintedDocument::formatDateTime(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString PrintedDocument::formatDate(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

Status PrintedDocument::print(QPagedPaintDevice *device, const QString &title, const QString &structureName,
                              const QString &html, const QDateTime &printedAt, const Images &images)
{
    // Laying out text needs the font database, which only exists with a QGuiApplication.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(
            ErrorCode::Internal,
            tr("PDF documents cannot be made here: this program was started without its graphical part (fonts)."));
    Q_ASSERT(device);
    device->setPageOrientation(QPageLayout::Portrait);
    device->setPageMargins(QMarginsF(18, 14, 18, 14), QPageLayout::Millimeter);

    const QFont smallFont = documentFont(SmallPointSize);
    const QFontMetricsF small(smallFont, device);
    const QRectF area(0, 0, device->width(), device->height());
    // Header and footer bands: one line of small text, a rule, and some air before the body.
    const qreal band = small.height() * 2.2;
    const QRectF body(area.left(), area.top() + band, area.width(), area.height() - 2 * band);

    QTextDocument document;
    document.documentLayout()->setPaintDevice(device);
    document.setDefaultFont(documentFont(BodyPointSize));
    document.setDocumentMargin(0);
    for (auto it = images.cbegin(); it != images.cend(); ++it)
        document.addResource(QTextDocument::ImageResource, QUrl(it.key()), it.value());
    document.setHtml(html);
    document.setPageSize(body.size());
    const int pages = qMax(1, document.pageCount());

    QPainter painter;
    if (!painter.begin(device))
        return makeError(ErrorCode::Internal, tr("The document could not be prepared for printing."));
    QPen rule(Qt::black);
    rule.setWidthF(device->logicalDpiY() / 150.0); // about half a point
    const QString printedOn = tr("Printed on %1").arg(formatDateTime(printedAt));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device->newPage();
        painter.setFont(smallFont);
        painter.setPen(Qt::black);
        const QRectF header(area.left(), area.top(), area.width(), small.height());
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                         small.elidedText(structureName, Qt::ElideRight, area.width() * 0.48));
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter,
                         small.elidedText(title, Qt::ElideRight, area.width() * 0.48));
        painter.setPen(rule);
        const qreal headerRule = area.top() + small.height() * 1.4;
        painter.drawLine(QPointF(area.left(), headerRule), QPointF(area.right(), headerRule));

        painter.save();
        painter.translate(body.left(), body.top() - page * body.height());
        document.drawContents(&painter, QRectF(0, page * body.height(), body.width(), body.height()));
        painter.restore();

        const QRectF footer(area.left(), area.bottom() - small.height(), area.width(), small.height());
        const qreal footerRule = footer.top() - small.height() * 0.4;
        painter.setPen(rule);
        painter.drawLine(QPointF(area.left(), footerRule), QPointF(area.right(), footerRule));
        painter.setPen(Qt::black);
        painter.setFont(smallFont);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, printedOn);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 / %2").arg(page + 1).arg(pages));
    }
    if (!painter.end())
        return makeError(ErrorCode::Internal, tr("The document could not be prepared for printing."));
    return {};
}

Result<QByteArray> PrintedDocument::renderPdf(const QString &title, const QString &structureName, const QString &html,
                                              const QDateTime &printedAt, const Images &images)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(Dpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Relais"));
        if (Status s = print(&writer, title, structureName, html, printedAt, images); !s)
            return s.error();
    }
    return bytes;
}

Status PrintedDocument::writePdf(const QString &path, const QString &title, const QString &structureName,
                                 const QString &html, const QDateTime &printedAt, const Images &images)
{
    const Result<QByteArray> pdf = renderPdf(title, structureName, html, printedAt, images);
    if (!pdf)
        return pdf.error();
    const Status written = writeFileAtomically(path, pdf.value());
    if (!written && written.code() != ErrorCode::DiskFull)
        return makeError(written.code(),
                         tr("The document cannot be saved in %1. Check that the folder exists and that you may "
                            "write there, or choose another folder.")
                             .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    return written;
}

} // namespace relais
