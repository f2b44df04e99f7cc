#include "DefaultCatalogue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais::platform {

QByteArray defaultCatalogue(const QDate &today)
{
    const QDir dir(QStringLiteral(":/platform/catalogue/demarches"));
    QJsonArray demarches;
    int version = 1;
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        version = qMax(version, document.value(QLatin1String("version")).toInt());
        for (const QJsonValue &demarche : document.value(QLatin1String("demarches")).toArray())
            demarches.append(demarche);
    }
    const QJsonObject catalogue{{QStringLiteral("format"), QStringLiteral("relais-catalogue")},
                                {QStringLiteral("version"), version},
                                {QStringLiteral("published"), today.toString(Qt::ISODate)},
                                {QStringLiteral("demarches"), demarches}};
    return QJsonDocument(catalogue).toJson(QJsonDocument::Compact);
}

} // namespace relais::platform
