// Photos reduced before they are stored: smaller but the same picture, upright whatever the phone's
// EXIF says, PDFs and small images untouched, damaged files and decompression bombs refused.
#include "domain/PhotoDownscaler.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using namespace relais;

namespace {
// A sheet of paper with grain, a red block in its top-left quarter and a blue one in its bottom-right.
QImage documentPhoto(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int grain = int(random.bounded(40u));
            line[x] = qRgb(200 + grain, 200 + grain, 190 + grain);
        }
    }
    QPainter painter(&image);
    const int w = size.width(), h = size.height();
    painter.fillRect(QRect(w / 16, h / 16, w / 4, h / 4), Qt::red);
    painter.fillRect(QRect(w - w / 16 - w / 4, h - h / 16 - h / 4, w / 4, h / 4), Qt::blue);
    return image;
}

// Left half red, right half blue: which way up it is shows at a glance.
QImage halves(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(QRect(0, 0, size.width() / 2, size.height()), Qt::red);
    return image;
}

QByteArray encode(const QImage &image, const char *format, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(image) ? bytes : QByteArray();
}

// Decodes as a viewer that ignores EXIF would: the pixels themselves must be upright.
QImage decodeRaw(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(false);
    return reader.read();
}

// An APP1 Exif segment holding only the Orientation tag (0x0112), as phones write it.
QByteArray withOrientation(QByteArray jpeg, quint16 orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);                  // little endian, first IFD at 8
    tiff += QByteArray("\x01\0", 2);                        // one entry
    tiff += QByteArray("\x12\x01\x03\0\x01\0\0\0", 8);      // Orientation, SHORT, count 1
    tiff += char(orientation & 0xff) + QByteArray(3, '\0'); // value, padded to 4 bytes
    tiff += QByteArray(4, '\0');                            // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray segment("\xff\xe1", 2);
    segment += char((length >> 8) & 0xff);
    segment += char(length & 0xff);
    jpeg.insert(2, segment + payload); // right after SOI
    return jpeg;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
    }
    return ~crc;
}

QByteArray bigEndian32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char((v >> (24 - 8 * i)) & 0xff);
    return b;
}

// A PNG whose header declares width × height and whose data holds a few rows of zeros: a bomb's shape.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    QByteArray ihdr = "IHDR" + bigEndian32(width) + bigEndian32(height) + QByteArray("\x08\x02\0\0\0", 5);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += bigEndian32(13) + ihdr + bigEndian32(crc32(ihdr));
    const QByteArray idat = QByteArray("IDAT") + qCompress(QByteArray(4096, '\0')).mid(4); // zlib stream
    png += bigEndian32(quint32(idat.size() - 4)) + idat + bigEndian32(crc32(idat));
    png += bigEndian32(0) + QByteArray("IEND") + bigEndian32(crc32("IEND"));
    return png;
}

// A real small JPEG whose frame header (SOF0) is made to declare width × height.
QByteArray jpegDeclaring(quint16 width, quint16 height)
{
    QByteArray jpeg = encode(halves(QSize(64, 48)), "jpeg");
    const qsizetype sof = jpeg.indexOf(QByteArray("\xff\xc0", 2));
    if (sof < 0)
        return {};
    jpeg[sof + 5] = char(height >> 8);
    jpeg[sof + 6] = char(height & 0xff);
    jpeg[sof + 7] = char(width >> 8);
    jpeg[sof + 8] = char(width & 0xff);
    return jpeg;
}

bool isRed(QRgb c)
{
    return qRed(c) > 180 && qGreen(c) < 90 && qBlue(c) < 90;
}
bool isBlue(QRgb c)
{
    return qBlue(c) > 180 && qRed(c) < 90 && qGreen(c) < 90;
}
} // namespace

class TestPhotoDownscaler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largePhotoIsReducedKeepingThePicture();
    void smallImagesAreUntouched();
    void turnedPhotoComesOutUpright_data();
    void turnedPhotoComesOutUpright();
    void largeTurnedPhotoIsReducedAndUpright();
    void transparentPngLiesOnWhite();
    void pdfPassesThroughUnchanged();
    void damagedFilesAreRefused();
    void hugeDeclaredSizeIsRefusedFromTheHeader_data();
    void hugeDeclaredSizeIsRefusedFromTheHeader();
    void readsFromADevice();
};

void TestPhotoDownscaler::largePhotoIsReducedKeepingThePicture()
{
    const QByteArray original = encode(documentPhoto(QSize(4000, 3000)), "jpeg", 92);
    QVERIFY(!original.isEmpty());
    const auto result = PhotoDownscaler().process(original);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QVERIFY(result->changed);
    QCOMPARE(result->contentType, QStringLiteral("image/jpeg"));
    QCOMPARE(result->originalSize, QSize(4000, 3000));
    QCOMPARE(result->size, QSize(2000, 1500));
    QVERIFY2(result->bytes.size() < original.size() / 2,
             qPrintable(QStringLiteral("%1 -> %2 bytes").arg(original.size()).arg(result->bytes.size())));

    const QImage out = decodeRaw(result->bytes);
    QCOMPARE(out.size(), QSize(2000, 1500)); // proportions kept: 4:3 still
    // The same page, scaled and not cropped: the blocks are where they were, relative to the page.
    QVERIFY(isRed(out.pixel(2000 * 3 / 16, 1500 * 3 / 16)));
    QVERIFY(isBlue(out.pixel(2000 * 13 / 16, 1500 * 13 / 16)));
    QVERIFY(!isRed(out.pixel(2000 / 2, 1500 / 2)) && !isBlue(out.pixel(2000 / 2, 1500 / 2)));
}

void TestPhotoDownscaler::smallImagesAreUntouched()
{
    const QByteArray jpeg = encode(documentPhoto(QSize(1600, 1200)), "jpeg");
    const auto jpegResult = PhotoDownscaler().process(jpeg);
    QVERIFY2(jpegResult.ok(), qPrintable(jpegResult.message()));
    QVERIFY(!jpegResult->changed);
    QCOMPARE(jpegResult->bytes, jpeg); // byte for byte: no needless loss of quality
    QCOMPARE(jpegResult->contentType, QStringLiteral("image/jpeg"));
    QCOMPARE(jpegResult->size, QSize(1600, 1200));

    const QByteArray png = encode(halves(QSize(2000, 800)), "png"); // exactly at the limit
    const auto pngResult = PhotoDownscaler().process(png);
    QVERIFY2(pngResult.ok(), qPrintable(pngResult.message()));
    QVERIFY(!pngResult->changed);
    QCOMPARE(pngResult->bytes, png);
    QCOMPARE(pngResult->contentType, QStringLiteral("image/png"));

    // The limit is a setting.
    PhotoDownscaler smaller;
    smaller.setMaxSide(800);
    const auto reduced = smaller.process(png);
    QVERIFY(reduced.ok());
    QVERIFY(reduced->changed);
    QCOMPARE(decodeRaw(reduced->bytes).size(), QSize(800, 320));
}

void TestPhotoDownscaler::turnedPhotoComesOutUpright_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("redAt");
    QTest::addColumn<QPoint>("blueAt");
    // Stored 400×200, red on the left. EXIF 6: turn 90° clockwise to display, so red comes on top.
    QTest::newRow("6: 90° clockwise") << 6 << QSize(200, 400) << QPoint(100, 50) << QPoint(100, 350);
    QTest::newRow("3: 180°") << 3 << QSize(400, 200) << QPoint(350, 100) << QPoint(50, 100);
    QTest::newRow("8: 90° anticlockwise") << 8 << QSize(200, 400) << QPoint(100, 350) << QPoint(100, 50);
}

void TestPhotoDownscaler::turnedPhotoComesOutUpright()
{
    QFETCH(int, orientation);
    QFETCH(QSize, size);
    QFETCH(QPoint, redAt);
    QFETCH(QPoint, blueAt);
    const QByteArray turned = withOrientation(encode(halves(QSize(400, 200)), "jpeg"), quint16(orientation));
    QVERIFY(isRed(decodeRaw(turned).pixel(50, 100))); // the pixels as stored: red on the left

    const auto result = PhotoDownscaler().process(turned);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QVERIFY(result->changed); // small, but re-encoded so that every viewer shows it upright
    QCOMPARE(result->size, size);
    const QImage out = decodeRaw(result->bytes);
    QCOMPARE(out.size(), size);
    QVERIFY(isRed(out.pixel(redAt)));
    QVERIFY(isBlue(out.pixel(blueAt)));
}

void TestPhotoDownscaler::largeTurnedPhotoIsReducedAndUpright()
{
    const QByteArray turned = withOrientation(encode(halves(QSize(4000, 3000)), "jpeg"), 6);
    const auto result = PhotoDownscaler().process(turned);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(result->originalSize, QSize(3000, 4000));
    const QImage out = decodeRaw(result->bytes);
    QCOMPARE(out.size(), QSize(1500, 2000)); // portrait, not squeezed
    QVERIFY(isRed(out.pixel(750, 400)));
    QVERIFY(isBlue(out.pixel(750, 1600)));
}

void TestPhotoDownscaler::transparentPngLiesOnWhite()
{
    QImage image(QSize(3000, 1000), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter(&image).fillRect(QRect(0, 0, 1000, 1000), Qt::red);
    const auto result = PhotoDownscaler().process(encode(image, "png"));
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(result->contentType, QStringLiteral("image/jpeg"));
    const QImage out = decodeRaw(result->bytes);
    QCOMPARE(out.size(), QSize(2000, 666));
    const QRgb background = out.pixel(1500, 300);
    QVERIFY2(qRed(background) > 240 && qGreen(background) > 240 && qBlue(background) > 240,
             "the transparent part must be white paper, not black");
    QVERIFY(isRed(out.pixel(300, 300)));
}

void TestPhotoDownscaler::pdfPassesThroughUnchanged()
{
    QByteArray pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";
    pdf += QByteArray(3 * 1024 * 1024, 'p') + "\n%%EOF\n";
    const auto result = PhotoDownscaler().process(pdf);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QVERIFY(!result->changed);
    QCOMPARE(result->bytes, pdf);
    QCOMPARE(result->contentType, QStringLiteral("application/pdf"));
}

void TestPhotoDownscaler::damagedFilesAreRefused()
{
    QByteArray garbage(64 * 1024, '\0');
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    const auto random = PhotoDownscaler().process(garbage);
    QCOMPARE(random.code(), ErrorCode::InvalidInput);
    QVERIFY(!random.message().isEmpty());

    // Looks like a JPEG from its first bytes, but is not one.
    const QByteArray fakeJpeg = QByteArray("\xff\xd8\xff\xe0", 4) + garbage;
    const auto damaged = PhotoDownscaler().process(fakeJpeg);
    QCOMPARE(damaged.code(), ErrorCode::InvalidInput);
    QVERIFY2(damaged.message().contains(QStringLiteral("damaged")), qPrintable(damaged.message()));

    // A PNG cut in the middle of its pixels.
    const QByteArray png = encode(documentPhoto(QSize(2400, 1800)), "png");
    const auto cut = PhotoDownscaler().process(png.left(png.size() / 2));
    QCOMPARE(cut.code(), ErrorCode::InvalidInput);
    QVERIFY2(cut.message().contains(QStringLiteral("damaged")), qPrintable(cut.message()));

    QCOMPARE(PhotoDownscaler().process(QByteArray()).code(), ErrorCode::InvalidInput);
}

void TestPhotoDownscaler::hugeDeclaredSizeIsRefusedFromTheHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("JPEG 65000×65000") << jpegDeclaring(65000, 65000);
    QTest::newRow("PNG 60000×60000") << pngDeclaring(60000, 60000);
}

void TestPhotoDownscaler::hugeDeclaredSizeIsRefusedFromTheHeader()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!bytes.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const auto result = PhotoDownscaler().process(bytes);
    QCOMPARE(result.code(), ErrorCode::InvalidInput);
    // Said from the header ("megapixels"), not found out by trying to decode gigabytes.
    QVERIFY2(result.message().contains(QStringLiteral("megapixels")), qPrintable(result.message()));
    QVERIFY(timer.elapsed() < 2000);

    // The limit is a setting: a plain 12 MP photo is refused under a 10 MP limit.
    PhotoDownscaler strict;
    strict.setMaxPixels(10'000'000);
    QCOMPARE(strict.process(encode(halves(QSize(4000, 3000)), "jpeg")).code(), ErrorCode::InvalidInput);
}

void TestPhotoDownscaler::readsFromADevice()
{
    const QByteArray jpeg = encode(documentPhoto(QSize(3000, 2000)), "jpeg");
    QBuffer source;
    source.setData(jpeg);
    source.open(QIODevice::ReadOnly);
    const auto result = PhotoDownscaler().process(&source);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(result->size, QSize(2000, 1333));

    QBuffer tooBig;
    tooBig.setData(jpeg);
    tooBig.open(QIODevice::ReadOnly);
    const auto refused = PhotoDownscaler().process(&tooBig, jpeg.size() - 1);
    QCOMPARE(refused.code(), ErrorCode::InvalidInput);
    QVERIFY(refused.message().contains(QStringLiteral("too large")));

    QBuffer closed;
    QCOMPARE(PhotoDownscaler().process(&closed).code(), ErrorCode::Io);
}

QTEST_MAIN(TestPhotoDownscaler)
#include "TestPhotoDownscaler.moc"
