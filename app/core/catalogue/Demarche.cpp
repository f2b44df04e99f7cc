#include "catalogue/Demarche.h"

#include <iterator>

namespace relais::catalogue {

QStringList mandateScopes()
{
    return {QStringLiteral("social_health"),
            QStringLiteral("work"),
            QStringLiteral("family"),
            QStringLiteral("housing"),
            QStringLiteral("transport"),
            QStringLiteral("money_taxes"),
            QStringLiteral("papers_citizenship"),
            QStringLiteral("foreigners"),
            QStringLiteral("leisure"),
            QStringLiteral("justice")};
}

namespace {

struct TypeName
{
    FieldType type;
    const char *name;
};

constexpr TypeName TypeNames[] = {
    {FieldType::Text, "text"},
    {FieldType::Multiline, "multiline"},
    {FieldType::Integer, "integer"},
    {FieldType::Decimal, "decimal"},
    {FieldType::Money, "money"},
    {FieldType::Date, "date"},
    {FieldType::YesNo, "yes_no"},
    {FieldType::SingleChoice, "single_choice"},
    {FieldType::MultipleChoice, "multiple_choice"},
    {FieldType::Email, "email"},
    {FieldType::PhoneFr, "phone_fr"},
    {FieldType::PostalCodeCommune, "postal_code_commune"},
    {FieldType::Address, "address"},
    {FieldType::Iban, "iban"},
    {FieldType::Nir, "nir"},
    {FieldType::Siret, "siret"},
    {FieldType::Spi, "spi"},
    {FieldType::Attachment, "attachment"},
    {FieldType::Explanation, "explanation"},
    {FieldType::RepeatedGroup, "repeated_group"},
};

} // namespace

QString fieldTypeName(FieldType type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.name);
    }
    return QString();
}

std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    for (const TypeName &entry : TypeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QStringList prefillSources()
{
    return {QStringLiteral("citizen.birth_name"),  QStringLiteral("citizen.usage_name"),
            QStringLiteral("citizen.given_names"), QStringLiteral("citizen.birth_date"),
            QStringLiteral("citizen.birth_place"), QStringLiteral("citizen.nir"),
            QStringLiteral("citizen.phone"),       QStringLiteral("citizen.email"),
            QStringLiteral("citizen.address")};
}

bool prefillFits(const QString &source, FieldType type)
{
    if (source == QLatin1String("citizen.birth_date"))
        return type == FieldType::Date;
    if (source == QLatin1String("citizen.nir"))
        return type == FieldType::Nir || type == FieldType::Text;
    if (source == QLatin1String("citizen.phone"))
        return type == FieldType::PhoneFr || type == FieldType::Text;
    if (source == QLatin1String("citizen.email"))
        return type == FieldType::Email || type == FieldType::Text;
    if (source == QLatin1String("citizen.address"))
        return type == FieldType::Address || type == FieldType::PostalCodeCommune;
    return prefillSources().contains(source) && type == FieldType::Text; // names, place of birth
}

QStringList fileUpdateTargets()
{
    return {QStringLiteral("citizen.phone"), QStringLiteral("citizen.email"), QStringLiteral("citizen.address")};
}

QStringList knownOperators()
{
    return {QStringLiteral("caf"),
            QStringLiteral("cpam"),
            QStringLiteral("cnav_carsat"),
            QStringLiteral("msa"),
            QStringLiteral("france_travail"),
            QStringLiteral("dgfip"),
            QStringLiteral("justice"),
            QStringLiteral("interieur_france_titres"),
            QStringLiteral("la_poste")};
}

} // namespace relais::catalogue
