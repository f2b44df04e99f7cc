#include "DataSize.h"

#include <QLocale>

namespace relais {

QString DataSize::format(qint64 bytes)
{
    constexpr qint64 Kilo = 1024;
    constexpr qint64 Mega = Kilo * 1024;
    constexpr qint64 Giga = Mega * 1024;
    const QLocale locale;
    bytes = qMax<qint64>(0, bytes);
    if (bytes < Mega)
        return tr("%1 KB").arg(locale.toString((bytes + Kilo - 1) / Kilo));
    // One decimal is what a person compares; a whole number from 100 on.
    const auto oneDecimal = [&locale](double value) {
        return locale.toString(value, 'f', value < 100 ? 1 : 0);
    };
    if (bytes < Giga)
        return tr("%1 MB").arg(oneDecimal(double(bytes) / double(Mega)));
    return tr("%1 GB").arg(oneDecimal(double(bytes) / double(Giga)));
}

} // namespace relais
