#include "Theme.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontMetrics>

namespace relais::ui {

namespace {
ThemeKind s_kind = ThemeKind::Standard;
int s_scale = 100;
qreal s_basePointSize = 0;
} // namespace

void Theme::apply(ThemeKind kind, int textScalePercent)
{
    s_kind = kind;
    s_scale = qBound(100, textScalePercent, 200);
    QFont font = QApplication::font();
    if (s_basePointSize <= 0)
        s_basePointSize = font.pointSizeF() > 0 ? qMax<qreal>(font.pointSizeF(), 11.0) : 11.0;
    font.setPointSizeF(s_basePointSize * s_scale / 100.0);
    QApplication::setFont(font);
    QFile qss(kind == ThemeKind::HighContrast ? QStringLiteral(":/themes/high-contrast.qss")
                                              : QStringLiteral(":/themes/relais.qss"));
    if (!qss.open(QIODevice::ReadOnly))
        return;
    // Style sheets take no relative sizes: headings are computed from the chosen text size.
    QString sheet = QString::fromUtf8(qss.readAll());
    const qreal base = font.pointSizeF();
    const auto pt = [base](qreal factor) {
        return QString::number(qRound(base * factor * 10) / 10.0);
    };
    sheet.replace(QLatin1String("{{title}}"), pt(1.6));
    sheet.replace(QLatin1String("{{subtitle}}"), pt(1.25));
    sheet.replace(QLatin1String("{{code}}"), pt(1.5));
    sheet.replace(QLatin1String("{{rail}}"), pt(1.1));
    // A box to tick as tall as the capital letters beside it, so that at 200 % it is not a speck next to the text.
    const int indicator = qMax(14, qRound(QFontMetrics(font).height() * 0.9));
    sheet.replace(QLatin1String("{{indicatorRadius}}"), QString::number((indicator + 6) / 2)); // round with its border
    sheet.replace(QLatin1String("{{indicator}}"), QString::number(indicator));
    qApp->setStyleSheet(sheet);
}

ThemeKind Theme::current()
{
    return s_kind;
}

int Theme::textScalePercent()
{
    return s_scale;
}

ThemeKind Theme::fromId(const QString &id)
{
    return id == QLatin1String("high-contrast") ? ThemeKind::HighContrast : ThemeKind::Standard;
}

QString Theme::id(ThemeKind kind)
{
    return kind == ThemeKind::HighContrast ? QStringLiteral("high-contrast") : QStringLiteral("standard");
}

} // namespace relais::ui
