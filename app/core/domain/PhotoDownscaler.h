#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>

class QIODevice;

namespace relais {

struct DownscaledPhoto
{
    QByteArray bytes;    // what to store: the new JPEG, or the original bytes when `changed` is false
    QString contentType; // sniffed from the bytes: application/pdf, image/jpeg or image/png
    bool changed = false;
    QSize originalSize; // as displayed (orientation applied); invalid for a PDF
    QSize size;         // of `bytes`, as displayed; invalid for a PDF
};

// Makes phone photos of documents reasonable to store and send, all in memory (never a temporary
// file: the bytes are a citizen's document). A JPEG or PNG whose longest side is above maxSide(), or
// whose EXIF orientation says it is displayed turned, is decoded upright, scaled down smoothly
// (aspect ratio kept) and re-encoded as a JPEG of quality() (metadata, GPS position included, is not
// carried over). A PDF, and an image already small enough and upright, are returned byte for byte.
// Images declaring more than maxPixels() are refused from their header, before anything is decoded
// (decompression bombs); damaged images and other kinds of files are refused with a message. On
// failure the caller still holds the original bytes: nothing is lost.
class PhotoDownscaler
{
    Q_DECLARE_TR_FUNCTIONS(relais::PhotoDownscaler)

public:
    static constexpr int DefaultMaxSide = 2000;
    static constexpr int DefaultQuality = 85;
    static constexpr qint64 DefaultMaxPixels = 100'000'000;
    static constexpr qint64 DefaultMaxInputBytes = 64 * 1024 * 1024;

    void setMaxSide(int pixels) { m_maxSide = qMax(1, pixels); }
    int maxSide() const { return m_maxSide; }
    void setQuality(int quality) { m_quality = qBound(1, quality, 100); }
    int quality() const { return m_quality; }
    void setMaxPixels(qint64 pixels) { m_maxPixels = qMax<qint64>(1, pixels); }
    qint64 maxPixels() const { return m_maxPixels; }

    Result<DownscaledPhoto> process(const QByteArray &bytes) const;
    // Reads `source` to its end, refusing more than `maxInputBytes`.
    Result<DownscaledPhoto> process(QIODevice *source, qint64 maxInputBytes = DefaultMaxInputBytes) const;

private:
    int m_maxSide = DefaultMaxSide;
    int m_quality = DefaultQuality;
    qint64 m_maxPixels = DefaultMaxPixels;
};

} // namespace relais
