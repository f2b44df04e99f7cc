#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace relais {

// Paper handed to a citizen or kept signed (consent form, mandate attestation, access export, récépissé):
// HTML laid out on A4 pages, with the structure and title at the top of each page and "Page n / N" and the
// print date at the bottom. QtGui only (QTextDocument + QPdfWriter), so the core can print without widgets;
// it needs a QGuiApplication (fonts), and says so instead of crashing without one.
class PrintedDocument
{
    Q_DECLARE_TR_FUNCTIONS(relais::PrintedDocument)

public:
    static constexpr int BodyPointSize = 11;
    // Pictures the HTML names in <img src="…"> (a QR code), by that name.
    using Images = QHash<QString, QImage>;

    // Writes the PDF atomically: on failure nothing (not even half a file) is left at `path`.
    static Status writePdf(const QString &path, const QString &title, const QString &structureName, const QString &html,
                           const QDateTime &printedAt, const Images &images = {});
    // The PDF bytes themselves, for callers that store or send the document instead of writing a file.
    static Result<QByteArray> renderPdf(const QString &title, const QString &structureName, const QString &html,
                                        const QDateTime &printedAt, const Images &images = {});
    // Lays the pages out on any paged device: a printer (the default way to hand a paper over: nothing stays on
    // disk) or a PDF writer. Keeps the device's paper size, sets the margins; the device must not be painted on yet.
    static Status print(QPagedPaintDevice *device, const QString &title, const QString &structureName,
                        const QString &html, const QDateTime &printedAt, const Images &images = {});

    // User text (names, answers) made safe to put into the HTML: <, >, &, quotes; line breaks kept.
    static QString escape(const QString &text);
    // Boxes side by side, each headed by its label (already translated) with room below to sign by hand.
    static QString signatureBoxes(const QStringList &labels);
    // A date and time as people read them in the interface language, in local time.
    static QString formatDateTime(const QDateTime &when);
    static QString formatDate(const QDate &date);
};

} // namespace relais
