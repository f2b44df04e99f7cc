#include "Prefill.h"

#include "catalogue/Validators.h"
#include "domain/DraftEditor.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QVariantMap>

namespace relais {

using catalogue::FieldDefinition;
using catalogue::FieldType;

QVariant Prefill::valueOf(const Citizen &citizen, const QString &source, FieldType type)
{
    auto text = [](const QString &value) {
        return value.isEmpty() ? QVariant() : QVariant(value);
    };
    if (source == QLatin1String("citizen.birth_name"))
        return text(citizen.birthName);
    if (source == QLatin1String("citizen.usage_name"))
        return text(citizen.usageName);
    if (source == QLatin1String("citizen.given_names"))
        return text(citizen.givenNames);
    if (source == QLatin1String("citizen.birth_place"))
        return text(citizen.birthPlace);
    if (source == QLatin1String("citizen.birth_date"))
        return citizen.birthDate.isValid() ? QVariant(citizen.birthDate) : QVariant();
    if (source == QLatin1String("citizen.nir"))
        return text(citizen.nir);
    if (source == QLatin1String("citizen.phone")) // as the person says it; the field normalises it again
        return text(catalogue::Validators::phoneForDisplay(citizen.phone));
    if (source == QLatin1String("citizen.email"))
        return text(citizen.email);
    if (source == QLatin1String("citizen.address")) {
        if (citizen.postalCode.isEmpty() && citizen.commune.isEmpty())
            return QVariant();
        QVariantMap address{{QStringLiteral("postal_code"), citizen.postalCode},
                            {QStringLiteral("commune"), citizen.commune}};
        if (type == FieldType::Address)
            address.insert(QStringLiteral("street"), citizen.street);
        return address;
    }
    return QVariant();
}

QStringList Prefill::apply(DraftEditor &draft, const Citizen &citizen)
{
    QStringList filled;
    const catalogue::Demarche &demarche = draft.engine().demarche();
    for (const FieldDefinition &field : demarche.fields) {
        if (field.prefill.isEmpty() || field.isGroupChild())
            continue;
        const QVariant current = draft.engine().value(field.id);
        if (current.isValid() && !current.toString().isEmpty() && current.typeId() != QMetaType::QVariantMap)
            continue; // an answer already there is the person's
        if (current.typeId() == QMetaType::QVariantMap && !current.toMap().isEmpty())
            continue;
        const QVariant value = valueOf(citizen, field.prefill, field.type);
        if (value.isValid() && draft.setValue(field.id, value))
            filled << field.id;
    }
    return filled;
}

QString Prefill::targetOf(const FieldDefinition &field)
{
    if (!field.updates.isEmpty())
        return field.updates;
    if (catalogue::fileUpdateTargets().contains(field.prefill))
        return field.prefill;
    return QString();
}

QList<Prefill::FileUpdate> Prefill::updatesFor(const catalogue::FormEngine &engine, const Citizen &citizen)
{
    QList<FileUpdate> updates;
    const QJsonObject answers = engine.answers(); // visible and valid only: a hidden or wrong answer is not offered
    const Citizen updated = withUpdates(citizen, engine);
    QStringList seen;
    for (const FieldDefinition &field : engine.demarche().fields) {
        const QString target = targetOf(field);
        if (target.isEmpty() || field.isGroupChild() || !answers.contains(field.id) || seen.contains(target))
            continue;
        seen << target;
        if (target == QLatin1String("citizen.phone") && updated.phone != citizen.phone)
            updates.append({target, tr("Phone"), updated.phone});
        else if (target == QLatin1String("citizen.email") && updated.email != citizen.email)
            updates.append({target, tr("E-mail"), updated.email});
        else if (target == QLatin1String("citizen.address") &&
                 (updated.street != citizen.street || updated.postalCode != citizen.postalCode ||
                  updated.commune != citizen.commune))
            updates.append({target, tr("Address"),
                            QStringList{updated.street, updated.postalCode + QLatin1Char(' ') + updated.commune}
                                .filter(QRegularExpression(QStringLiteral("\\S")))
                                .join(QStringLiteral(", "))});
    }
    return updates;
}

Citizen Prefill::withUpdates(Citizen citizen, const catalogue::FormEngine &engine)
{
    const QJsonObject answers = engine.answers();
    QStringList seen;
    for (const FieldDefinition &field : engine.demarche().fields) {
        const QString target = targetOf(field);
        if (target.isEmpty() || field.isGroupChild() || !answers.contains(field.id) || seen.contains(target))
            continue;
        seen << target; // the first field of the form that gives an entry wins
        const QJsonValue answer = answers.value(field.id);
        if (target == QLatin1String("citizen.phone")) {
            citizen.phone = answer.toString();
        } else if (target == QLatin1String("citizen.email")) {
            citizen.email = answer.toString();
        } else if (target == QLatin1String("citizen.address")) {
            const QJsonObject o = answer.toObject();
            if (field.type == FieldType::Address) {
                QStringList street{o.value(QLatin1String("street")).toString()};
                if (const QString complement = o.value(QLatin1String("complement")).toString(); !complement.isEmpty())
                    street << complement;
                citizen.street = street.join(QStringLiteral(", "));
            }
            citizen.postalCode = o.value(QLatin1String("postal_code")).toString();
            citizen.commune = o.value(QLatin1String("commune")).toString();
        }
    }
    return citizen;
}

} // namespace relais
