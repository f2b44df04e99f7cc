#pragma once

#include "catalogue/Condition.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace relais::catalogue {

// The areas a mandate can cover (the catalogue's "mandate_scope", and the scopes of domain/Mandates), in the order
// shown to people. Defined here so that the catalogue does not depend on the domain layer.
QStringList mandateScopes();

// A text given in both catalogue languages (French is the default UI language).
struct LocalizedText
{
    QString fr;
    QString en;

    // The text in `language` ("fr" or "en"), falling back to French.
    QString text(const QString &language) const { return language == QLatin1String("en") && !en.isEmpty() ? en : fr; }
    bool isEmpty() const { return fr.isEmpty() && en.isEmpty(); }
};

enum class FieldType
{
    Text,
    Multiline,
    Integer,
    Decimal,
    Money,
    Date,
    YesNo,
    SingleChoice,
    MultipleChoice,
    Email,
    PhoneFr,
    PostalCodeCommune,
    Address,
    Iban,
    Nir,
    Siret,
    Spi,
    Attachment,
    Explanation,
    RepeatedGroup,
};

// What a field may take from the person's file ("citizen.nir"…), in the order of docs/catalogue.md; and whether a
// field of `type` can hold it. The file keeps no bank details today, so none is offered.
QStringList prefillSources();
bool prefillFits(const QString &source, FieldType type);
// The file's entries a sent answer may replace, once the mediator agrees (a new address, a new phone…).
QStringList fileUpdateTargets();

// The catalogue spelling of each type ("phone_fr"), and back; nullopt for an unknown spelling.
QString fieldTypeName(FieldType type);
std::optional<FieldType> fieldTypeFromName(const QString &name);

struct Choice
{
    QString value;
    LocalizedText label;
};

// A date bound as written in the catalogue: an ISO date, "today", or an offset from today ("-18y", "+3m", "-30d").
struct DateBound
{
    QDate fixed;           // set for an ISO date
    bool relative = false; // set for "today" and offsets
    int years = 0;
    int months = 0;
    int days = 0;

    bool isSet() const { return relative || fixed.isValid(); }
    QDate resolve(const QDate &today) const
    {
        if (!relative)
            return fixed;
        return today.addYears(years).addMonths(months).addDays(days);
    }
};

// One field, flattened: every field of a démarche (including those inside repeated groups) has an index in
// Demarche::fields, in document order.
struct FieldDefinition
{
    int index = -1;
    QString id;
    FieldType type = FieldType::Text;
    LocalizedText label;
    LocalizedText help;
    bool required = false;
    std::optional<Condition> condition;
    int section = -1; // index in Demarche::sections
    int group = -1;   // index of the enclosing repeated group, -1 at the top level
    int positionInGroup = -1;
    QVector<int> children; // repeated group: indices of its fields, in order

    QVector<Choice> choices;
    std::optional<double> min; // integer, decimal, money
    std::optional<double> max;
    DateBound minDate;
    DateBound maxDate;
    bool birthDate = false; // date: also checked as a plausible date of birth
    int maxLength = 0;      // text, multiline: 0 means no limit beyond the default
    int minItems = 0;       // repeated group
    int maxItems = 0;       // repeated group: 0 means no limit
    QStringList accept;     // attachment: MIME types
    qint64 maxBytes = 0;    // attachment: 0 means the store's default
    QString prefill;        // "citizen.nir"…: a new form for a person takes this answer from their file
    QString updates;        // "citizen.address"…: once sent, the answer is offered to the person's file

    bool isGroupChild() const { return group >= 0; }
    bool holdsValue() const { return type != FieldType::Explanation && type != FieldType::RepeatedGroup; }
};

struct Section
{
    int index = -1;
    QString id;
    LocalizedText title;
    std::optional<Condition> condition;
    QVector<int> fields; // top-level fields of the section, in order
};

struct RequiredDocument
{
    QString id;
    LocalizedText label;
    std::optional<Condition> condition;
};

// The catalogue's operators (DESIGN §5).
QStringList knownOperators();

// One démarche as loaded and checked by Catalogue: every condition is compiled (fields resolved to indices) and
// the evaluation order of visibility is known. Immutable once loaded; shared by every form filled with it.
struct Demarche
{
    QString id;
    int version = 0;
    QString operatorId;
    LocalizedText title;
    LocalizedText summary;
    QString servicePublicFiche;
    int retentionDays = 0;
    // The mandate area (Mandates::allScopes()) a mediator needs to do it on someone's behalf; empty if none.
    QString mandateScope;
    QVector<RequiredDocument> requiredDocuments;
    QVector<Section> sections;
    QVector<FieldDefinition> fields; // flattened, document order

    // Visibility dependency graph, computed at load. Nodes are fields (0..fields.size()-1) followed by sections
    // (fields.size() + section index). dependents[n]: the nodes whose visibility must be recomputed when the value or
    // the visibility of n changes. order: every node, dependencies first; rank[n]: n's position in order.
    QVector<QVector<int>> dependents;
    QVector<int> order;
    QVector<int> rank;

    QHash<QString, int> fieldById;   // field id -> index in fields
    QHash<QString, int> sectionById; // section id -> index in sections

    int fieldIndex(const QString &fieldId) const { return fieldById.value(fieldId, -1); }
    int sectionIndex(const QString &sectionId) const { return sectionById.value(sectionId, -1); }
    int sectionNode(int sectionIndex) const { return int(fields.size()) + sectionIndex; }
};

using DemarchePtr = std::shared_ptr<const Demarche>;

} // namespace relais::catalogue
