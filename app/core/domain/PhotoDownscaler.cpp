#include "PhotoDownscaler.h"

#include "common/DataSize.h"
#include "common/Logging.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>

namespace relais {

namespace {
constexpr qint64 ReadChunk = 256 * 1024;
constexpr qint64 MiB = 1024 * 1024;
} // namespace

Result<DownscaledPhoto> PhotoDownscaler::process(QIODevice *source, qint64 maxInputBytes) const
{
    if (!source || !source->isReadable())
        return makeError(ErrorCode::Io, tr("The file cannot be read."));
    QByteArray bytes;
    for (;;) {
        const QByteArray chunk = source->read(ReadChunk);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > maxInputBytes)
            return makeError(ErrorCode::InvalidInput,
                             tr("The file is too large: at most %1 here.").arg(DataSize::format(maxInputBytes)));
    }
    return process(bytes);
}

Result<DownscaledPhoto> PhotoDownscaler::process(const QByteArray &bytes) const
{
    if (bytes.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The file is empty."));
    DownscaledPhoto out;
    out.bytes = bytes;
    out.contentType = QMimeDatabase().mimeTypeForData(bytes).name();
    if (out.contentType == QLatin1String("application/pdf"))
        return out;
    const bool jpeg = out.contentType == QLatin1String("image/jpeg");
    if (!jpeg && out.contentType != QLatin1String("image/png"))
        return makeError(ErrorCode::InvalidInput, tr("This kind of file is not accepted here. Use a PDF, a JPEG or a "
                                                     "PNG image."));
    const Error damaged = makeError(ErrorCode::InvalidInput, tr("This image cannot be read: the file is damaged or "
                                                                "incomplete. Take the photo or the scan again."));

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, jpeg ? QByteArrayLiteral("jpeg") : QByteArrayLiteral("png"));
    reader.setAutoTransform(true);
    // Header only: nothing is decoded before the size is known to be reasonable.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return damaged;
    const qint64 pixels = qint64(stored.width()) * stored.height();
    if (pixels > m_maxPixels)
        return makeError(ErrorCode::InvalidInput,
                         tr("This image is too large to be opened: %1 megapixels, at most %2. Take the photo "
                            "again at a lower resolution.")
                             .arg(QLocale().toString(double(pixels) / 1e6, 'f', 0))
                             .arg(QLocale().toString(double(m_maxPixels) / 1e6, 'f', 0)));

    const QImageIOHandler::Transformations transformation = reader.transformation();
    const bool turned = transformation != QImageIOHandler::TransformationNone;
    const bool quarterTurn = transformation.testFlag(QImageIOHandler::TransformationRotate90);
    out.originalSize = quarterTurn ? stored.transposed() : stored;
    QSize target = stored;
    if (qMax(stored.width(), stored.height()) > m_maxSide) {
        target = stored.scaled(m_maxSide, m_maxSide, Qt::KeepAspectRatio);
        target = target.expandedTo(QSize(1, 1));
    }
    if (target == stored && !turned) {
        out.size = out.originalSize;
        return out;
    }

    // The JPEG decoder scales while decoding (less memory); quality 100 makes it finish smoothly.
    if (target != stored)
        reader.setScaledSize(target);
    reader.setQuality(100);
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        const int limit = QImageReader::allocationLimit();
        if (limit > 0 && pixels * 4 > qint64(limit) * MiB)
            return makeError(ErrorCode::InvalidInput, tr("This image is too large to be opened. Take the photo again "
                                                         "at a lower resolution."));
        return damaged;
    }
    const QSize wanted = quarterTurn ? target.transposed() : target;
    if (image.size() != wanted) // a decoder that ignored the scaled size
        image = image.scaled(wanted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (image.hasAlphaChannel()) { // JPEG has no transparency: lay the image on white paper
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = flat;
    }

    QByteArray encoded;
    QBuffer sink(&encoded);
    sink.open(QIODevice::WriteOnly);
    QImageWriter writer(&sink, QByteArrayLiteral("jpeg"));
    writer.setQuality(m_quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image)) {
        qCWarning(lcDomain) << "photo re-encoding failed:" << writer.error();
        return makeError(ErrorCode::Internal, tr("The photo could not be reduced. Try again, or turn off photo "
                                                 "reduction."));
    }
    out.bytes = encoded;
    out.contentType = QStringLiteral("image/jpeg");
    out.changed = true;
    out.size = image.size();
    return out;
}

} // namespace relais
