// scripts/guide-screenshots, run as a writer of the guide runs it (into a temporary folder here): every picture that
// docs/guide-mediateur.md shows must come out of it, none blank (one colour: a page that did not paint), the screens
// at the fixed size that makes two runs comparable; every picture it makes is used by the guide, and the pictures
// committed in docs/images/guide/ are the ones it makes. So the guide cannot point at a screen the kiosk no longer
// reaches, and the script cannot rot unnoticed.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The size relais-guide-shots gives the window (the récépissés are pages, of their own size).
constexpr int Width = 1366;
constexpr int Height = 768;

QString sourceDir()
{
    return QStringLiteral(RELAIS_SOURCE_DIR);
}

// The pictures the guide shows: ![text](images/guide/NAME.png).
QSet<QString> referencedByGuide()
{
    QFile guide(sourceDir() + QStringLiteral("/docs/guide-mediateur.md"));
    if (!guide.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(guide.readAll());
    QSet<QString> names;
    static const QRegularExpression image(QStringLiteral(R"(\]\(images/guide/([^)\s]+\.png)\))"));
    for (auto it = image.globalMatch(text); it.hasNext();)
        names.insert(it.next().captured(1));
    return names;
}

QSet<QString> pngsIn(const QString &folder)
{
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.png")}, QDir::Files);
    return QSet<QString>(files.cbegin(), files.cend());
}

bool oneColour(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}

QString listed(QSet<QString> names)
{
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted.join(QStringLiteral(", "));
}

} // namespace

class TestGuideScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theScriptMakesEveryPictureOfTheGuide();
};

void TestGuideScreenshots::theScriptMakesEveryPictureOfTheGuide()
{
    const QSet<QString> referenced = referencedByGuide();
    QVERIFY2(referenced.size() >= 10,
             "the guide shows fewer than ten screenshots: is it still the guide that walks the "
             "mediator's day?");

    QTemporaryDir out;
    QVERIFY(out.isValid());
    QString build = qEnvironmentVariable("RELAIS_BINARY_DIR");
    if (build.isEmpty())
        build = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../.."));
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(sourceDir() + QStringLiteral("/scripts/guide-screenshots"),
                 {QStringLiteral("--build"), build, QStringLiteral("--out"), out.path()});
    QVERIFY(script.waitForStarted());
    const bool finished = script.waitForFinished(240000);
    const QByteArray said = script.readAll();
    QVERIFY2(finished, said.constData());
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0, said.constData());

    const QSet<QString> made = pngsIn(out.path());
    QVERIFY2(
        (referenced - made).isEmpty(),
        qPrintable(QStringLiteral("the guide shows pictures the script does not make: ") + listed(referenced - made)));
    QVERIFY2(
        (made - referenced).isEmpty(),
        qPrintable(QStringLiteral("the script makes pictures the guide does not show: ") + listed(made - referenced)));
    const QSet<QString> committed = pngsIn(sourceDir() + QStringLiteral("/docs/images/guide"));
    QVERIFY2(committed == made, qPrintable(QStringLiteral("docs/images/guide/ is not what the script makes: run "
                                                          "scripts/guide-screenshots (extra: %1; missing: %2)")
                                               .arg(listed(committed - made), listed(made - committed))));

    for (const QString &name : made) {
        const QImage image(QDir(out.path()).filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QVERIFY2(!oneColour(image), qPrintable(name + QStringLiteral(" is blank")));
        if (!name.startsWith(QStringLiteral("recepisse")))
            QVERIFY2(image.size() == QSize(Width, Height),
                     qPrintable(QStringLiteral("%1 is %2×%3").arg(name).arg(image.width()).arg(image.height())));
    }
}

QTEST_GUILESS_MAIN(TestGuideScreenshots)
#include "TestGuideScreenshots.moc"
