#include "SyntheticDocument.h"

#include <QBuffer>
#include <QFont>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>

namespace relais::test {

namespace {

constexpr int Width = 3024;
constexpr int Height = 4032;
// The A4 page fills most of the frame, as when a mediator holds the phone above it: about 13 pixels per millimetre.
constexpr double PxPerMm = 13.0;

const QStringList &words()
{
    static const QStringList list =
        QString::fromUtf8("le la les de du des un une et à au aux en pour par sur dans avec sans que "
                          "qui logement adresse domicile locataire propriétaire bail loyer charges "
                          "mois année commune département attestation certifie soussigné demeurant "
                          "depuis présente fait valoir droit déclaration exacte sincère pièce "
                          "justificative caisse allocations familiales dossier numéro montant euros")
            .split(QLatin1Char(' '));
    return list;
}

QString sentence(QRandomGenerator &rng, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << words().at(int(rng.bounded(quint32(words().size()))));
    QString s = out.join(QLatin1Char(' '));
    s[0] = s.at(0).toUpper();
    return s + QLatin1Char('.');
}

} // namespace

QImage documentPhotoImage(quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage image(Width, Height, QImage::Format_RGB32);
    image.fill(QColor(236, 232, 222)); // paper under indoor light, not pure white
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const auto mm = [](double v) {
        return int(v * PxPerMm);
    };
    // The page, a little turned, on a darker desk.
    p.fillRect(image.rect(), QColor(92, 80, 66));
    p.translate(Width / 2.0, Height / 2.0);
    p.rotate(-1.2);
    p.translate(-mm(105), -mm(148.5));
    p.fillRect(QRect(0, 0, mm(210), mm(297)), QColor(238, 235, 226));
    p.setPen(QColor(30, 30, 36));

    QFont title(QStringLiteral("DejaVu Sans"));
    title.setPixelSize(mm(7));
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRect(mm(20), mm(22), mm(170), mm(12)), Qt::AlignHCenter,
               QString::fromUtf8("ATTESTATION D'HÉBERGEMENT"));
    QFont body(QStringLiteral("DejaVu Serif"));
    body.setPixelSize(mm(3.6)); // about 10 pt
    p.setFont(body);
    int y = mm(45);
    const auto line = [&](const QString &text) {
        p.drawText(QRect(mm(20), y, mm(170), mm(6)), Qt::AlignLeft | Qt::AlignVCenter, text);
        y += mm(6.2);
    };
    line(QString::fromUtf8("Je soussigné(e) Camille Exemple, né(e) le 01/02/1970 à Villedémo (99),"));
    line(QString::fromUtf8("demeurant 12 rue des Essais, 99000 Villedémo, certifie sur l'honneur héberger"));
    line(QString::fromUtf8("à mon domicile Dominique Fictif depuis le %1/0%2/2024.")
             .arg(10 + rng.bounded(18))
             .arg(1 + rng.bounded(9)));
    y += mm(4);
    for (int paragraph = 0; paragraph < 3; ++paragraph) {
        for (int i = 0; i < 5; ++i)
            line(sentence(rng, 11));
        y += mm(4);
    }
    // A small table of figures, the part a reader must not misread.
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPixelSize(mm(3.2));
    p.setFont(mono);
    const int top = y;
    for (int row = 0; row < 6; ++row) {
        p.drawRect(QRect(mm(20), y, mm(170), mm(7)));
        p.drawText(QRect(mm(23), y, mm(80), mm(7)), Qt::AlignVCenter,
                   QString::fromUtf8("Mois %1/2024").arg(row + 1, 2, 10, QLatin1Char('0')));
        p.drawText(
            QRect(mm(110), y, mm(75), mm(7)), Qt::AlignVCenter | Qt::AlignRight,
            QString::fromUtf8("%1,%2 €").arg(300 + rng.bounded(600)).arg(rng.bounded(100), 2, 10, QLatin1Char('0')));
        y += mm(7);
    }
    p.drawLine(mm(105), top, mm(105), y);
    y += mm(10);
    p.setFont(body);
    line(QString::fromUtf8("Fait à Villedémo, le 23 novembre 2026."));
    // A signature: a scribble in blue ink.
    QPainterPath signature(QPointF(mm(130), y + mm(20)));
    for (int i = 0; i < 6; ++i)
        signature.cubicTo(mm(130 + i * 8 + 3), y + mm(5 + rng.bounded(10)), mm(130 + i * 8 + 6),
                          y + mm(25 + rng.bounded(10)), mm(130 + i * 8 + 8), y + mm(18));
    p.setPen(QPen(QColor(20, 40, 140), mm(0.5)));
    p.drawPath(signature);
    p.end();

    // Uneven light (brighter at the top left) and sensor noise, which is what makes a real photo weigh 3-4 MB.
    for (int yy = 0; yy < Height; ++yy) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(yy));
        for (int xx = 0; xx < Width; ++xx) {
            const double light = 1.04 - 0.16 * (double(xx) / Width + double(yy) / Height) / 2.0;
            const int noise = int(rng.bounded(13)) - 6;
            const auto channel = [&](int v) {
                return std::clamp(int(v * light) + noise, 0, 255);
            };
            const QRgb c = row[xx];
            row[xx] = qRgb(channel(qRed(c)), channel(qGreen(c)), channel(qBlue(c)));
        }
    }
    return image;
}

QByteArray documentPhotoJpeg(quint32 seed, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, QByteArrayLiteral("jpeg"));
    writer.setQuality(quality);
    writer.write(documentPhotoImage(seed));
    return bytes;
}

} // namespace relais::test
