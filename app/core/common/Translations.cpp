#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "relais.i18n", QtInfoMsg)

namespace relais {

namespace {

const char *const LanguageContext = "Translations";

// Names shown by the language picker; relais_fr.ts keeps "English" as is, so a reader of either language finds theirs.
const char *const LanguageNames[][2] = {
    {"fr", QT_TRANSLATE_NOOP("Translations", "French")},
    {"en", QT_TRANSLATE_NOOP("Translations", "English")},
};

QString s_current = QStringLiteral("fr");
QPointer<QTranslator> s_relaisTranslator;
QPointer<QTranslator> s_qtTranslator;

QString normalized(const QString &language)
{
    // "en_US.UTF-8", "fr-FR" -> "en", "fr"
    QString code = language.trimmed().toLower();
    for (qsizetype i = 0; i < code.size(); ++i) {
        if (QStringView(u"_.@-").contains(code.at(i))) {
            code.truncate(i);
            break;
        }
    }
    return code;
}

void removeTranslator(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    translator.clear();
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages;
    for (const auto &entry : LanguageNames)
        languages.append(QLatin1String(entry[0]));
    return languages;
}

QString languageDisplayName(const QString &language)
{
    const QString code = normalized(language);
    for (const auto &entry : LanguageNames) {
        if (code == QLatin1String(entry[0]))
            return QCoreApplication::translate(LanguageContext, entry[1]);
    }
    return language;
}

QString currentLanguage()
{
    return s_current;
}

bool installTranslations(const QString &language)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        qCWarning(lcI18n) << "installTranslations() called before QCoreApplication exists";
        return false;
    }

    QString requested = language;
    if (requested.isEmpty())
        requested = qEnvironmentVariable("RELAIS_LANG");
    QString code = requested.isEmpty() ? availableLanguages().constFirst() : normalized(requested);
    bool honoured = true;
    if (!availableLanguages().contains(code)) {
        qCWarning(lcI18n) << "language not shipped, using French:" << requested;
        code = availableLanguages().constFirst();
        honoured = false;
    }

    removeTranslator(s_relaisTranslator);
    removeTranslator(s_qtTranslator);

    QLocale::setDefault(code == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                    : QLocale(QLocale::French, QLocale::France));
    s_current = code;

    // Qt's own strings (standard buttons, dialogs); missing only means they stay in English.
    auto *qtTranslator = new QTranslator(app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qtTranslator->load(QStringLiteral("qtbase_") + code, qtDir)) {
        QCoreApplication::installTranslator(qtTranslator);
        s_qtTranslator = qtTranslator;
    } else {
        qCInfo(lcI18n) << "Qt's own translation not found:" << code << "in" << qtDir;
        delete qtTranslator;
    }

    auto *relaisTranslator = new QTranslator(app);
    if (!relaisTranslator->load(QStringLiteral(":/i18n/relais_") + code)) {
        qCWarning(lcI18n) << "cannot load the Relais catalogue for" << code;
        delete relaisTranslator;
        return false;
    }
    QCoreApplication::installTranslator(relaisTranslator);
    s_relaisTranslator = relaisTranslator;
    return honoured;
}

} // namespace relais
