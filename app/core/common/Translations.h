#pragma once

#include <QString>
#include <QStringList>

namespace relais {

// Languages the interface ships, as ISO 639-1 codes; the first one is the default ("fr").
QStringList availableLanguages();

// The language's name for a language picker, in the current interface language ("Français", "English").
QString languageDisplayName(const QString &language);

// The language installed by the last installTranslations() call ("fr" before any call).
QString currentLanguage();

// Installs the interface language on the running QCoreApplication: Relais's own catalogue (:/i18n/relais_<lang>.qm),
// Qt's own (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath) and the default QLocale (fr_FR or en_GB) so dates
// and numbers follow. French is the default whatever the OS locale: the language is `language` if given (a --lang
// option or a stored setting), else the environment variable RELAIS_LANG, else "fr". Region suffixes are accepted
// ("en_US", "fr-FR"). Calling it again replaces the previous language.
// Returns false if no QCoreApplication exists, if the requested language is not shipped (French is installed
// instead), or if Relais's catalogue could not be loaded.
bool installTranslations(const QString &language = QString());

} // namespace relais
