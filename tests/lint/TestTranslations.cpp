#include "common/Translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>

using namespace relais;

// The process runs with an English OS locale (see tests/lint/CMakeLists.txt): French must still be the default.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QString french() { return QCoreApplication::translate("Translations", "French"); }

private Q_SLOTS:
    void init() { qunsetenv("RELAIS_LANG"); }

    void osLocaleIsEnglish()
    {
        // Guards the meaning of the next test: the environment really asks for English.
        QCOMPARE(QLocale::system().language(), QLocale::English);
    }

    void frenchByDefault()
    {
        QVERIFY(installTranslations());
        QCOMPARE(currentLanguage(), QStringLiteral("fr"));
        QCOMPARE(french(), QStringLiteral("Français"));
        QCOMPARE(languageDisplayName(QStringLiteral("fr")), QStringLiteral("Français"));
        QCOMPARE(languageDisplayName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(QLocale().language(), QLocale::French);
        QCOMPARE(QLocale().territory(), QLocale::France);
        QCOMPARE(QLocale().toString(2.5, 'f', 1), QStringLiteral("2,5"));
    }

    void qtOwnStringsFollow()
    {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/qtbase_fr.qm")),
                 "qtbase_fr.qm missing: install qt6-translations-l10n (scripts/setup)");
        QVERIFY(installTranslations());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    }

    void englishFromEnvironment()
    {
        qputenv("RELAIS_LANG", "en");
        QVERIFY(installTranslations());
        QCOMPARE(currentLanguage(), QStringLiteral("en"));
        QCOMPARE(french(), QStringLiteral("French"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(QLocale().territory(), QLocale::UnitedKingdom);
        QCOMPARE(QLocale().toString(2.5, 'f', 1), QStringLiteral("2.5"));
    }

    void explicitLanguageWinsOverEnvironment()
    {
        qputenv("RELAIS_LANG", "en");
        QVERIFY(installTranslations(QStringLiteral("fr")));
        QCOMPARE(french(), QStringLiteral("Français"));
    }

    void regionSuffixIsAccepted()
    {
        QVERIFY(installTranslations(QStringLiteral("en_US.UTF-8")));
        QCOMPARE(currentLanguage(), QStringLiteral("en"));
        QVERIFY(installTranslations(QStringLiteral("fr-FR")));
        QCOMPARE(currentLanguage(), QStringLiteral("fr"));
    }

    void unknownLanguageFallsBackToFrench()
    {
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(!installTranslations(QStringLiteral("de")));
        QCOMPARE(currentLanguage(), QStringLiteral("fr"));
        QCOMPARE(french(), QStringLiteral("Français"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
