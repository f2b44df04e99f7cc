#pragma once

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace relais::test {

// What a person reading a printed paper sees, through the tools they would use: the text as `pdftotext` extracts
// it (poppler-utils), and the QR code as a phone would read it, decoded by `zbarimg` (zbar-tools) from the first
// page rendered to an image by `pdftoppm`. Empty strings when a tool is missing or fails (the test then fails).
inline QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The text as a reader reads it: the font's ligatures (« ﬁ » in « fichier », « ﬀ » in a hash) come back from
// pdftotext as one character each, and are read as their letters.
inline QString pdfText(const QString &pdfPath)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")})
        .normalized(QString::NormalizationForm_KC);
}

// Text as read from a PDF, without its spaces: a long reference (a uuid) may wrap at any of its hyphens on the page,
// which pdftotext gives back as a space.
inline QString withoutSpaces(QString text)
{
    return text.remove(QLatin1Char(' '));
}

inline QString pdfQrCode(const QString &pdfPath)
{
    const QString stem = QFileInfo(pdfPath).absolutePath() + QStringLiteral("/qr-page");
    if (run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"),
                                         QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                         QStringLiteral("1"), QStringLiteral("-singlefile"), pdfPath, stem})
            .isNull() &&
        !QFileInfo::exists(stem + QStringLiteral(".png")))
        return QString();
    return run(QStringLiteral("zbarimg"),
               {QStringLiteral("--raw"), QStringLiteral("-q"), stem + QStringLiteral(".png")})
        .trimmed();
}

} // namespace relais::test
