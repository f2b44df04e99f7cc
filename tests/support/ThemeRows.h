#pragma once

// For ui tests only (it names ui/common/Theme, which the test support library does not link).

#include "theme/Theme.h"

#include <QTest>

namespace relais::test {

// Data rows for a test run in both themes and both languages: columns "theme" (int of ui::ThemeKind) and "language".
inline void addThemeAndLanguageRows()
{
    QTest::addColumn<int>("theme");
    QTest::addColumn<QString>("language");
    for (const ui::ThemeKind theme : {ui::ThemeKind::Standard, ui::ThemeKind::HighContrast})
        for (const char *language : {"fr", "en"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(ui::Theme::id(theme), QLatin1String(language))))
                << int(theme) << QString::fromLatin1(language);
}

} // namespace relais::test
