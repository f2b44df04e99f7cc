#include "StatusPage.h"

#include <QLocale>

namespace relais::platform {

namespace {

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("delivered"))
        return QStringLiteral("reçue");
    if (status == QLatin1String("in_review"))
        return QStringLiteral("en cours d'examen");
    if (status == QLatin1String("accepted"))
        return QStringLiteral("acceptée");
    if (status == QLatin1String("rejected_by_operator"))
        return QStringLiteral("refusée par l'organisme");
    if (status == QLatin1String("incomplete"))
        return QStringLiteral("incomplète");
    return status;
}

QString sizeLabel(qint64 bytes)
{
    const QLocale french(QLocale::French, QLocale::France);
    if (bytes < 1024)
        return QStringLiteral("%1 o").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 Kio").arg(french.toString(double(bytes) / 1024, 'f', 1));
    return QStringLiteral("%1 Mio").arg(french.toString(double(bytes) / (1024 * 1024), 'f', 1));
}

} // namespace

QByteArray renderStatusPage(const QString &platformName, const QList<StoredSubmission> &submissions)
{
    const QString name = platformName.toHtmlEscaped();
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta http-equiv=\"refresh\" content=\"10\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html += QStringLiteral("<title>Démarches reçues — %1</title>\n").arg(name);
    html += QStringLiteral("<style>body{font-family:sans-serif;margin:1.5rem;color:#1a1a1a}"
                           "table{border-collapse:collapse}th,td{border:1px solid #666;padding:.4rem .6rem;"
                           "text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;"
                           "margin-bottom:.5rem}</style>\n</head>\n<body>\n<main>\n");
    html += QStringLiteral("<h1>%1</h1>\n").arg(name);
    html += QStringLiteral("<p>Cette page se met à jour toutes les 10 secondes. Elle ne montre jamais le contenu des "
                           "démarches.</p>\n");
    if (submissions.isEmpty()) {
        html += QStringLiteral("<p>Aucune démarche reçue pour l'instant.</p>\n");
    } else {
        html += QStringLiteral("<table>\n<caption>Démarches reçues (%1)</caption>\n<thead>\n<tr>"
                               "<th scope=\"col\">Référence</th><th scope=\"col\">Reçue le (UTC)</th>"
                               "<th scope=\"col\">Démarche</th><th scope=\"col\">Version</th>"
                               "<th scope=\"col\">Statut</th><th scope=\"col\">Message</th>"
                               "<th scope=\"col\">Poste</th><th scope=\"col\">Pièces jointes</th>"
                               "<th scope=\"col\">Taille totale</th></tr>\n</thead>\n<tbody>\n")
                    .arg(submissions.size());
        for (const StoredSubmission &s : submissions) {
            qint64 total = 0;
            for (const StoredAttachment &a : s.attachments)
                total += a.size;
            html += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                   "<td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>\n")
                        .arg(s.reference.toHtmlEscaped(), s.receivedAt.toHtmlEscaped(), s.demarche.toHtmlEscaped(),
                             QString::number(s.demarcheVersion), statusLabel(s.status).toHtmlEscaped(),
                             s.message.toHtmlEscaped(), s.deviceName.toHtmlEscaped(),
                             QString::number(s.attachments.size()), sizeLabel(total));
        }
        html += QStringLiteral("</tbody>\n</table>\n");
    }
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

} // namespace relais::platform
