#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Runs lupdate over today's sources into copies of the shipped .ts files, so that a tr() string added without
// updating translations/ shows up as unfinished here. The shipped files are never written.
class TestTranslationsComplete : public QObject
{
    Q_OBJECT

private:
    struct Problem
    {
        QString where; // app/x.cpp:42, when lupdate knows it
        QString context;
        QString source;
        QString type;
    };

    static QList<Problem> problems(const QString &tsPath, const QStringList &badTypes, QString *error)
    {
        QList<Problem> found;
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read ") + tsPath;
            return found;
        }
        const QString sourceRoot = QDir(QStringLiteral(RELAIS_SOURCE_DIR)).absolutePath() + QLatin1Char('/');
        const QDir tsDir = QFileInfo(tsPath).absoluteDir();
        QXmlStreamReader xml(&file);
        QString context;
        Problem current;
        bool inMessage = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Problem{QString(), context, QString(), QString()};
            } else if (name == QLatin1String("location") && inMessage && current.where.isEmpty()) {
                // lupdate writes file names relative to the .ts file, here the temporary copy
                QString path = QDir::cleanPath(
                    tsDir.absoluteFilePath(xml.attributes().value(QLatin1String("filename")).toString()));
                if (path.startsWith(sourceRoot))
                    path = path.mid(sourceRoot.size());
                current.where = path + QLatin1Char(':') + xml.attributes().value(QLatin1String("line")).toString();
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (badTypes.contains(current.type))
                    found.append(current);
                inMessage = false;
            }
        }
        if (xml.hasError())
            *error = tsPath + QStringLiteral(": ") + xml.errorString();
        return found;
    }

private Q_SLOTS:
    void shippedTranslationsAreComplete_data()
    {
        QTest::addColumn<QString>("tsName");
        QTest::addColumn<QStringList>("extraOptions");
        QTest::addColumn<QStringList>("badTypes");
        const QStringList stale{QStringLiteral("vanished"), QStringLiteral("obsolete")};
        // French: every string translated. English (-pluralonly): only plural forms, and those must be filled.
        QTest::newRow("fr") << QStringLiteral("relais_fr.ts") << QStringList()
                            << (QStringList{QStringLiteral("unfinished")} + stale);
        QTest::newRow("en") << QStringLiteral("relais_en.ts") << QStringList{QStringLiteral("-pluralonly")}
                            << (QStringList{QStringLiteral("unfinished")} + stale);
    }

    void shippedTranslationsAreComplete()
    {
        QFETCH(QString, tsName);
        QFETCH(QStringList, extraOptions);
        QFETCH(QStringList, badTypes);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shipped = QStringLiteral(RELAIS_TS_DIR "/") + tsName;
        const QString copy = dir.filePath(tsName);
        QVERIFY2(QFile::copy(shipped, copy), qPrintable(QStringLiteral("missing ") + shipped));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        // The same include paths as the relais_lupdate target: without them lupdate cannot find a header included
        // as "catalogue/X.h" and files the class's strings under another context than the program looks up.
        QStringList includes;
        for (const QString &include : QStringLiteral(RELAIS_I18N_INCLUDES).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            includes << QStringLiteral("-I") << include;
        const QStringList args = QStringList{QStringLiteral("-locations"), QStringLiteral("absolute")} + includes +
                                 extraOptions +
                                 QStringList{QStringLiteral("@" RELAIS_I18N_LIST_FILE), QStringLiteral("-ts"), copy};
        lupdate.start(QStringLiteral(RELAIS_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(QStringLiteral("lupdate failed:\n") + output));

        QString error;
        const QList<Problem> found = problems(copy, badTypes, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (!found.isEmpty()) {
            QStringList lines;
            for (const Problem &p : found) {
                lines.append(QStringLiteral("  %1: %2: %3: \"%4\" [%5]")
                                 .arg(tsName,
                                      p.where.isEmpty() ? QStringLiteral("(no longer in the sources)") : p.where,
                                      p.context, p.source, p.type));
            }
            const QString message = QStringLiteral("%1 entr%2 of translations/%3 need work (run `cmake --build <dir> "
                                                   "--target relais_lupdate`, then translate in Qt Linguist):\n")
                                        .arg(QString::number(found.size()),
                                             found.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"), tsName) +
                                    lines.join(QLatin1Char('\n'));
            QFAIL(qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "TestTranslationsComplete.moc"
