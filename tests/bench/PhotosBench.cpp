// `relais-bench photos`: what reducing a phone photo of a document costs and saves. Synthetic document photos as a
// phone takes them (3024 × 4032, JPEG 92, 3-4 MB) go through PhotoDownscaler at its defaults and at other sizes and
// qualities; the figures are the bytes each leaves. `--out DIR` also writes the before/after pair shown in
// docs/photos.md: the same piece of the form, cut from the photo as taken and from the reduced one.
#include "BenchSuite.h"

#include "SyntheticDocument.h"
#include "domain/PhotoDownscaler.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QImageWriter>
#include <QTextStream>

namespace relais::bench {
namespace {

bool writeJpeg(const QImage &image, const QString &path, int quality)
{
    QImageWriter writer(path, QByteArrayLiteral("jpeg"));
    writer.setQuality(quality);
    return writer.write(image);
}

int runPhotos(const QStringList &options)
{
    QTextStream err(stderr);
    QStringList rest = options;
    QString out;
    const qsizetype at = rest.indexOf(QStringLiteral("--out"));
    if (at >= 0 && at + 1 < rest.size()) {
        out = rest.at(at + 1);
        rest.remove(at, 2);
    }
    QHash<QString, int> values{{QStringLiteral("photos"), 3}};
    if (!parseIntOptions(rest, values.keys(), values)) {
        err << "usage: relais-bench photos [--photos 3] [--out DIR]" << Qt::endl;
        return 2;
    }
    const int count = values.value(QStringLiteral("photos"));
    struct Setting
    {
        int side;
        int quality;
    };
    const QList<Setting> settings{{2000, 85}, {1600, 70}, {1600, 60}, {1400, 70}};
    QVector<double> taken;
    QVector<QVector<double>> reduced(settings.size());
    QVector<double> defaultMs;
    for (int i = 0; i < count; ++i) {
        const QByteArray photo = test::documentPhotoJpeg(quint32(1000 + i));
        taken << double(photo.size());
        for (qsizetype s = 0; s < settings.size(); ++s) {
            PhotoDownscaler downscaler;
            downscaler.setMaxSide(settings.at(s).side);
            downscaler.setQuality(settings.at(s).quality);
            QElapsedTimer timer;
            timer.start();
            const auto result = downscaler.process(photo);
            if (!result) {
                err << "photos bench: " << result.message() << Qt::endl;
                return 1;
            }
            reduced[s] << double(result.value().bytes.size());
        }
        PhotoDownscaler defaults;
        QElapsedTimer timer;
        timer.start();
        const auto result = defaults.process(photo);
        defaultMs << double(timer.nsecsElapsed()) / 1e6;
        if (i == 0 && !out.isEmpty() && result) {
            // The same region of the form (the start of the text and the table's first rows) from both images.
            QImage before = QImage::fromData(photo, "JPEG");
            QImage after = QImage::fromData(result.value().bytes, "JPEG");
            const QRectF region(0.08, 0.17, 0.42, 0.1); // fractions of the page
            const auto cut = [&](const QImage &image) {
                return image.copy(QRectF(region.x() * image.width(), region.y() * image.height(),
                                         region.width() * image.width(), region.height() * image.height())
                                      .toRect());
            };
            QDir().mkpath(out);
            // The "as taken" crop is stored at its own pixels (quality 92 as taken); the reduced crop is the bytes
            // the platform receives, cut out and saved losslessly (PNG) so that no second compression is shown.
            if (!writeJpeg(cut(before), QDir(out).filePath(QStringLiteral("photo-as-taken.jpg")), 92) ||
                !cut(after).save(QDir(out).filePath(QStringLiteral("photo-reduced.png")))) {
                err << "photos bench: cannot write into " << out << Qt::endl;
                return 1;
            }
            err << "photos bench: wrote the before/after pair into " << out << Qt::endl;
        }
    }
    const auto mean = [](const QVector<double> &v) {
        double sum = 0;
        for (double x : v)
            sum += x;
        return v.isEmpty() ? 0.0 : sum / double(v.size());
    };
    printFigure("photo_as_taken_kb", mean(taken) / 1024.0);
    PhotoDownscaler defaults;
    printFigure("default_max_side", defaults.maxSide());
    printFigure("default_quality", defaults.quality());
    printFigure("reduce_ms", median(defaultMs));
    for (qsizetype s = 0; s < settings.size(); ++s) {
        const QByteArray name = QByteArray("photo_reduced_kb_") + QByteArray::number(settings.at(s).side) + "_q" +
                                QByteArray::number(settings.at(s).quality);
        printFigure(name.constData(), mean(reduced.at(s)) / 1024.0);
    }
    return 0;
}

const SuiteRegistration registration("photos",
                                     "phone photos of documents: size as taken and after PhotoDownscaler "
                                     "(--out DIR writes the before/after pair of the docs)",
                                     runPhotos, SuiteNeeds::Widgets);

} // namespace
} // namespace relais::bench
