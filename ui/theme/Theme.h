#pragma once

#include <QString>

class QApplication;

namespace relais::ui {

enum class ThemeKind
{
    Standard,
    HighContrast
};

// Applies the Relais style sheet and the text size (100 to 200 %) to the whole application.
class Theme
{
public:
    static void apply(ThemeKind kind, int textScalePercent);
    static ThemeKind current();
    static int textScalePercent();
    static ThemeKind fromId(const QString &id);
    static QString id(ThemeKind kind);
};

} // namespace relais::ui
