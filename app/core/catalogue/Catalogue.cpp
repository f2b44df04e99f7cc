#include "catalogue/Catalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>
#include <utility>

namespace relais::catalogue {

QString CatalogueError::toString() const
{
    QStringList parts{file};
    if (!demarche.isEmpty())
        parts << demarche;
    if (!field.isEmpty())
        parts << field;
    parts << reason;
    return parts.join(QLatin1String(": "));
}

DemarchePtr Catalogue::demarche(const QString &id) const
{
    for (const DemarchePtr &d : m_demarches) {
        if (d->id == id)
            return d;
    }
    return nullptr;
}

// Reads one catalogue document. Every message is a Catalogue translation (lupdate sees this class's context).
class CatalogueParser
{
    Q_DECLARE_TR_FUNCTIONS(relais::catalogue::Catalogue)

public:
    CatalogueParser(Catalogue &out, const QString &fileName) : m_out(out), m_file(fileName) {}

    void parseDocument(const QByteArray &json);

private:
    // A field as read in the first pass; its condition is compiled once every field of the démarche is known.
    struct PendingCondition
    {
        QJsonValue json;
        QString where;
        int field = -1;    // the field it belongs to, or -1
        int section = -1;  // the section it belongs to, or -1
        int document = -1; // the required document it belongs to, or -1
    };

    void fileError(const QString &reason) { m_out.m_errors.append({m_file, QString(), QString(), reason}); }
    void error(const QString &where, const QString &reason)
    {
        m_out.m_errors.append({m_file, m_demarcheId, where, reason});
        m_failed = true;
    }

    void parseDemarche(const QJsonValue &value, int position);
    bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where);
    bool readText(const QJsonObject &object, const QString &key, const QString &where, bool mandatory,
                  LocalizedText &out);
    bool readInt(const QJsonObject &object, const QString &key, const QString &where, int minimum, int &out);
    bool readId(const QJsonObject &object, const QString &where, QString &out);
    void parseSection(const QJsonValue &value, int position);
    void parseField(const QJsonValue &value, int position, const QString &parentPath, int section, int group);
    // "prefill" and "updates": what the field takes from the person's file, and gives back to it once sent.
    void parseFileLinks(const QJsonObject &object, const QString &where, FieldDefinition &field, int group);
    void parseChoices(const QJsonObject &object, const QString &where, FieldDefinition &field);
    bool readDateBound(const QJsonValue &value, DateBound &out) const;
    bool compile(const QJsonValue &json, const QString &where, Condition &out);
    bool compileOperand(const QJsonValue &json, const FieldDefinition &field, Condition::Op op, const QString &where,
                        QJsonValue &out, Condition *relative);
    void buildGraph();

    Catalogue &m_out;
    QString m_file;
    QString m_demarcheId;
    bool m_failed = false;
    Demarche *m_d = nullptr;
    QVector<PendingCondition> m_pending;
    QHash<int, QString> m_paths; // field index -> "section/group/field", for messages
};

namespace {

const QRegularExpression &demarcheIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(?:[-_][a-z0-9]+)*$"));
    return pattern;
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return pattern;
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= 9007199254740992.0;
}

int lineOf(const QByteArray &json, int offset)
{
    return int(json.left(offset).count('\n')) + 1;
}

bool comparable(FieldType type)
{
    return type == FieldType::Integer || type == FieldType::Decimal || type == FieldType::Money ||
           type == FieldType::Date || type == FieldType::RepeatedGroup;
}

} // namespace

void CatalogueParser::parseDocument(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fileError(tr("The file is not valid JSON (line %1: %2).")
                      .arg(lineOf(json, parseError.offset))
                      .arg(parseError.errorString()));
        return;
    }
    if (!document.isObject()) {
        fileError(tr("The file is not a Relais catalogue: it must be a JSON object."));
        return;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(Catalogue::Format)) {
        fileError(tr("The file is not a Relais catalogue: \"format\" must be \"relais-catalogue\"."));
        return;
    }
    const QStringList allowed{QStringLiteral("$schema"), QStringLiteral("format"), QStringLiteral("version"),
                              QStringLiteral("published"), QStringLiteral("demarches")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fileError(tr("Unknown property \"%1\" at the top of the catalogue.").arg(it.key()));
            return;
        }
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!isInteger(version) || version.toDouble() < 1 || version.toDouble() > std::numeric_limits<int>::max()) {
        fileError(tr("The catalogue's \"version\" must be a whole number, 1 or more."));
        return;
    }
    const QDate published = QDate::fromString(root.value(QLatin1String("published")).toString(), Qt::ISODate);
    if (!published.isValid()) {
        fileError(tr("The catalogue's \"published\" must be a date written YYYY-MM-DD."));
        return;
    }
    const QJsonValue demarches = root.value(QLatin1String("demarches"));
    if (!demarches.isArray()) {
        fileError(tr("The catalogue has no \"demarches\" list."));
        return;
    }
    m_out.m_readable = true;
    m_out.m_version = version.toInt();
    m_out.m_published = published;
    const QJsonArray list = demarches.toArray();
    for (int i = 0; i < list.size(); ++i)
        parseDemarche(list.at(i), i);
}

bool CatalogueParser::checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            error(where,
                  tr("Unknown property \"%1\" (allowed here: %2).").arg(it.key(), allowed.join(QLatin1String(", "))));
            ok = false;
        }
    }
    return ok;
}

bool CatalogueParser::readText(const QJsonObject &object, const QString &key, const QString &where, bool mandatory,
                               LocalizedText &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (mandatory)
            error(where, tr("\"%1\" is missing: give it in French and English ({\"fr\": …, \"en\": …}).").arg(key));
        return !mandatory;
    }
    const QJsonObject text = value.toObject();
    out.fr = text.value(QLatin1String("fr")).toString().trimmed();
    out.en = text.value(QLatin1String("en")).toString().trimmed();
    if (!value.isObject() || text.size() != 2 || out.fr.isEmpty() || out.en.isEmpty()) {
        error(where, tr("\"%1\" must give a non-empty text in French and in English, and nothing else "
                        "({\"fr\": …, \"en\": …}).")
                         .arg(key));
        return false;
    }
    return true;
}

bool CatalogueParser::readInt(const QJsonObject &object, const QString &key, const QString &where, int minimum,
                              int &out)
{
    const QJsonValue value = object.value(key);
    if (!isInteger(value) || value.toDouble() < minimum || value.toDouble() > std::numeric_limits<int>::max()) {
        error(where, tr("\"%1\" must be a whole number, %2 or more.").arg(key).arg(minimum));
        return false;
    }
    out = value.toInt();
    return true;
}

bool CatalogueParser::readId(const QJsonObject &object, const QString &where, QString &out)
{
    out = object.value(QLatin1String("id")).toString();
    if (!idPattern().match(out).hasMatch()) {
        error(where, tr("\"id\" must be lower-case letters, digits and _, starting with a letter (for example "
                        "\"birth_date\")."));
        return false;
    }
    return true;
}

void CatalogueParser::parseDemarche(const QJsonValue &value, int position)
{
    m_failed = false;
    m_pending.clear();
    m_paths.clear();
    auto demarche = std::make_shared<Demarche>();
    m_d = demarche.get();
    const QJsonObject object = value.toObject();
    m_demarcheId = QStringLiteral("#%1").arg(position + 1);
    if (!value.isObject()) {
        error(QString(), tr("A démarche must be a JSON object."));
        return;
    }
    const QString id = object.value(QLatin1String("id")).toString();
    if (!demarcheIdPattern().match(id).hasMatch()) {
        error(QString(), tr("The démarche's \"id\" must be lower-case letters and digits separated by - or _ (for "
                            "example \"caf-changement-adresse\")."));
    } else {
        m_demarcheId = id;
        if (m_out.demarche(id) || m_out.m_refusedIds.contains(id)) {
            error(QString(), tr("Another démarche of this catalogue already has this id."));
            return; // a duplicate must not replace the previous version of the first one
        }
    }
    demarche->id = m_demarcheId;
    checkKeys(object,
              {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("operator"), QStringLiteral("title"),
               QStringLiteral("summary"), QStringLiteral("service_public_fiche"), QStringLiteral("retention_days"),
               QStringLiteral("required_documents"), QStringLiteral("sections"), QStringLiteral("mandate_scope")},
              QString());
    readInt(object, QStringLiteral("version"), QString(), 1, demarche->version);
    demarche->operatorId = object.value(QLatin1String("operator")).toString();
    if (!knownOperators().contains(demarche->operatorId))
        error(QString(), tr("\"operator\" must be one of: %1.").arg(knownOperators().join(QLatin1String(", "))));
    readText(object, QStringLiteral("title"), QString(), true, demarche->title);
    readText(object, QStringLiteral("summary"), QString(), true, demarche->summary);
    const QJsonValue fiche = object.value(QLatin1String("service_public_fiche"));
    if (!fiche.isUndefined()) {
        demarche->servicePublicFiche = fiche.toString();
        static const QRegularExpression fichePattern(QStringLiteral("^[FNR][0-9]{1,6}$"));
        if (!fichePattern.match(demarche->servicePublicFiche).hasMatch())
            error(QString(), tr("\"service_public_fiche\" must be a service-public.fr fiche id such as \"F2443\"."));
    }
    readInt(object, QStringLiteral("retention_days"), QString(), 1, demarche->retentionDays);
    const QJsonValue scope = object.value(QLatin1String("mandate_scope"));
    if (!scope.isUndefined()) {
        demarche->mandateScope = scope.toString();
        if (!mandateScopes().contains(demarche->mandateScope))
            error(QString(),
                  tr("\"mandate_scope\" must be one of: %1.").arg(mandateScopes().join(QLatin1String(", "))));
    }

    const QJsonValue sections = object.value(QLatin1String("sections"));
    if (!sections.isArray() || sections.toArray().isEmpty()) {
        error(QString(), tr("A démarche needs a non-empty \"sections\" list."));
    } else {
        const QJsonArray list = sections.toArray();
        for (int i = 0; i < list.size(); ++i)
            parseSection(list.at(i), i);
    }

    const QJsonValue documents = object.value(QLatin1String("required_documents"));
    if (!documents.isUndefined() && !documents.isArray())
        error(QString(), tr("\"required_documents\" must be a list."));
    const QJsonArray documentList = documents.toArray();
    QSet<QString> documentIds;
    for (int i = 0; i < documentList.size(); ++i) {
        const QJsonObject doc = documentList.at(i).toObject();
        RequiredDocument required;
        QString where = QStringLiteral("documents/#%1").arg(i + 1);
        if (readId(doc, where, required.id)) {
            where = QStringLiteral("documents/") + required.id;
            if (documentIds.contains(required.id))
                error(where, tr("Two required documents have this id."));
            documentIds.insert(required.id);
        }
        checkKeys(doc, {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("condition")}, where);
        readText(doc, QStringLiteral("label"), where, true, required.label);
        if (doc.contains(QLatin1String("condition")))
            m_pending.append(
                {doc.value(QLatin1String("condition")), where, -1, -1, int(m_d->requiredDocuments.size())});
        m_d->requiredDocuments.append(required);
    }

    for (const PendingCondition &pending : m_pending) {
        Condition condition;
        if (!compile(pending.json, pending.where, condition))
            continue;
        QVector<int> read;
        condition.collectFields(read);
        if (pending.field >= 0 && read.contains(pending.field)) {
            error(pending.where, tr("A field's condition cannot read the field itself."));
            continue;
        }
        const int ownGroup = pending.field >= 0 ? m_d->fields.at(pending.field).group : -1;
        QVector<int> groups;
        for (int source : std::as_const(read)) {
            const int group = m_d->fields.at(source).group;
            if (group >= 0 && !groups.contains(group))
                groups.append(group);
        }
        if (ownGroup >= 0 && !groups.isEmpty() && !groups.contains(ownGroup))
            groups.append(ownGroup);
        if (groups.size() > 1) {
            QStringList ids;
            for (int group : std::as_const(groups))
                ids << m_d->fields.at(group).id;
            error(pending.where, tr("A condition can read the fields of one repeated group only (here: %1).")
                                     .arg(ids.join(QLatin1String(", "))));
            continue;
        }
        if (groups.size() == 1 && groups.first() != ownGroup)
            condition.quantifiedGroup = groups.first();
        if (pending.field >= 0)
            m_d->fields[pending.field].condition = condition;
        else if (pending.section >= 0)
            m_d->sections[pending.section].condition = condition;
        else
            m_d->requiredDocuments[pending.document].condition = condition;
    }
    if (!m_failed)
        buildGraph();

    if (m_failed) {
        if (m_demarcheId == id && !id.isEmpty())
            m_out.m_refusedIds.append(id);
        return;
    }
    m_out.m_demarches.append(demarche);
}

void CatalogueParser::parseSection(const QJsonValue &value, int position)
{
    Section section;
    section.index = int(m_d->sections.size());
    QString where = QStringLiteral("#%1").arg(position + 1);
    const QJsonObject object = value.toObject();
    if (!value.isObject()) {
        error(where, tr("A section must be a JSON object."));
        return;
    }
    if (readId(object, where, section.id)) {
        where = section.id;
        if (m_d->sectionById.contains(section.id))
            error(where, tr("Two sections of this démarche have this id."));
        m_d->sectionById.insert(section.id, section.index);
    }
    checkKeys(object,
              {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("condition"), QStringLiteral("fields")},
              where);
    readText(object, QStringLiteral("title"), where, true, section.title);
    if (object.contains(QLatin1String("condition")))
        m_pending.append({object.value(QLatin1String("condition")), where, -1, section.index, -1});
    m_d->sections.append(section);
    const QJsonValue fields = object.value(QLatin1String("fields"));
    if (!fields.isArray() || fields.toArray().isEmpty()) {
        error(where, tr("A section needs a non-empty \"fields\" list."));
        return;
    }
    const QJsonArray list = fields.toArray();
    for (int i = 0; i < list.size(); ++i)
        parseField(list.at(i), i, where, section.index, -1);
}

void CatalogueParser::parseField(const QJsonValue &value, int position, const QString &parentPath, int section,
                                 int group)
{
    FieldDefinition field;
    field.index = int(m_d->fields.size());
    field.section = section;
    field.group = group;
    QString where = parentPath + QStringLiteral("/#%1").arg(position + 1);
    const QJsonObject object = value.toObject();
    if (!value.isObject()) {
        error(where, tr("A field must be a JSON object."));
        return;
    }
    if (readId(object, where, field.id)) {
        where = parentPath + QLatin1Char('/') + field.id;
        if (m_d->fieldById.contains(field.id))
            error(where, tr("Another field of this démarche has this id (ids are unique in the whole démarche, "
                            "repeated groups included)."));
        else
            m_d->fieldById.insert(field.id, field.index);
    }
    const QString typeName = object.value(QLatin1String("type")).toString();
    const std::optional<FieldType> type = fieldTypeFromName(typeName);
    if (!type) {
        error(where,
              typeName.isEmpty() ? tr("The field has no \"type\".") : tr("Unknown field type \"%1\".").arg(typeName));
        return;
    }
    field.type = *type;

    QStringList allowed{QStringLiteral("id"),   QStringLiteral("type"),     QStringLiteral("label"),
                        QStringLiteral("help"), QStringLiteral("required"), QStringLiteral("condition")};
    if (field.holdsValue() && field.type != FieldType::Attachment)
        allowed << QStringLiteral("prefill") << QStringLiteral("updates");
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Multiline:
        allowed << QStringLiteral("max_length");
        break;
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::Money:
        allowed << QStringLiteral("min") << QStringLiteral("max");
        break;
    case FieldType::Date:
        allowed << QStringLiteral("min") << QStringLiteral("max") << QStringLiteral("birth_date");
        break;
    case FieldType::SingleChoice:
    case FieldType::MultipleChoice:
        allowed << QStringLiteral("choices");
        break;
    case FieldType::Attachment:
        allowed << QStringLiteral("accept") << QStringLiteral("max_bytes");
        break;
    case FieldType::RepeatedGroup:
        allowed << QStringLiteral("fields") << QStringLiteral("min_items") << QStringLiteral("max_items");
        break;
    default:
        break;
    }
    checkKeys(object, allowed, where);
    readText(object, QStringLiteral("label"), where, true, field.label);
    readText(object, QStringLiteral("help"), where, false, field.help);
    const QJsonValue required = object.value(QLatin1String("required"));
    if (!required.isUndefined() && !required.isBool())
        error(where, tr("\"required\" must be true or false."));
    field.required = required.toBool(false);
    if (field.required && field.type == FieldType::Explanation)
        error(where, tr("An explanation block holds no answer, so it cannot be required."));

    switch (field.type) {
    case FieldType::Text:
    case FieldType::Multiline:
        field.maxLength = field.type == FieldType::Text ? 200 : 4000;
        if (object.contains(QLatin1String("max_length")))
            readInt(object, QStringLiteral("max_length"), where, 1, field.maxLength);
        break;
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::Money:
        for (const QString &key : {QStringLiteral("min"), QStringLiteral("max")}) {
            const QJsonValue bound = object.value(key);
            if (bound.isUndefined())
                continue;
            const bool valid = field.type == FieldType::Integer ? isInteger(bound) : bound.isDouble();
            if (!valid) {
                error(where, field.type == FieldType::Integer ? tr("\"%1\" must be a whole number.").arg(key)
                                                              : tr("\"%1\" must be a number.").arg(key));
                continue;
            }
            (key == QLatin1String("min") ? field.min : field.max) = bound.toDouble();
        }
        if (field.min && field.max && *field.min > *field.max)
            error(where, tr("\"min\" is greater than \"max\"."));
        break;
    case FieldType::Date: {
        for (const QString &key : {QStringLiteral("min"), QStringLiteral("max")}) {
            const QJsonValue bound = object.value(key);
            if (!bound.isUndefined() &&
                !readDateBound(bound, key == QLatin1String("min") ? field.minDate : field.maxDate))
                error(where, tr("\"%1\" must be a date (YYYY-MM-DD), \"today\", or an offset from today such as "
                                "\"-18y\", \"+3m\" or \"-30d\".")
                                 .arg(key));
        }
        const QJsonValue birth = object.value(QLatin1String("birth_date"));
        if (!birth.isUndefined() && !birth.isBool())
            error(where, tr("\"birth_date\" must be true or false."));
        field.birthDate = birth.toBool(false);
        if (field.minDate.isSet() && field.maxDate.isSet() && !field.minDate.relative && !field.maxDate.relative &&
            field.minDate.fixed > field.maxDate.fixed)
            error(where, tr("\"min\" is later than \"max\"."));
        break;
    }
    case FieldType::SingleChoice:
    case FieldType::MultipleChoice:
        parseChoices(object, where, field);
        break;
    case FieldType::Attachment: {
        field.accept = {QStringLiteral("application/pdf"), QStringLiteral("image/jpeg"), QStringLiteral("image/png")};
        field.maxBytes = 20 * 1024 * 1024;
        if (object.contains(QLatin1String("accept"))) {
            static const QRegularExpression mime(QStringLiteral("^[a-z]+/[a-z0-9.+-]+$"));
            const QJsonArray accept = object.value(QLatin1String("accept")).toArray();
            field.accept.clear();
            for (const QJsonValue &entry : accept) {
                if (mime.match(entry.toString()).hasMatch())
                    field.accept << entry.toString();
            }
            if (accept.isEmpty() || field.accept.size() != accept.size())
                error(where, tr("\"accept\" must be a non-empty list of file types such as \"application/pdf\"."));
        }
        if (object.contains(QLatin1String("max_bytes"))) {
            const QJsonValue maxBytes = object.value(QLatin1String("max_bytes"));
            if (!isInteger(maxBytes) || maxBytes.toDouble() < 1 || maxBytes.toDouble() > 100.0 * 1024 * 1024)
                error(where, tr("\"max_bytes\" must be a whole number of bytes between 1 and 104857600 (100 MiB)."));
            else
                field.maxBytes = qint64(maxBytes.toDouble());
        }
        break;
    }
    default:
        break;
    }

    parseFileLinks(object, where, field, group);

    if (object.contains(QLatin1String("condition")))
        m_pending.append({object.value(QLatin1String("condition")), where, field.index, -1, -1});
    m_paths.insert(field.index, where);
    m_d->fields.append(field);
    if (group >= 0) {
        FieldDefinition &parent = m_d->fields[group];
        m_d->fields[field.index].positionInGroup = int(parent.children.size());
        parent.children.append(field.index);
    } else {
        m_d->sections[section].fields.append(field.index);
    }

    if (field.type == FieldType::RepeatedGroup) {
        FieldDefinition &self = m_d->fields[field.index];
        if (group >= 0) {
            error(where, tr("A repeated group cannot contain another repeated group."));
            return;
        }
        self.minItems = field.required ? 1 : 0;
        self.maxItems = 20;
        if (object.contains(QLatin1String("min_items")))
            readInt(object, QStringLiteral("min_items"), where, 0, m_d->fields[field.index].minItems);
        if (object.contains(QLatin1String("max_items")))
            readInt(object, QStringLiteral("max_items"), where, 1, m_d->fields[field.index].maxItems);
        if (m_d->fields[field.index].minItems > m_d->fields[field.index].maxItems)
            error(where, tr("\"min_items\" is greater than \"max_items\"."));
        const QJsonValue children = object.value(QLatin1String("fields"));
        if (!children.isArray() || children.toArray().isEmpty()) {
            error(where, tr("A repeated group needs a non-empty \"fields\" list."));
            return;
        }
        const QJsonArray list = children.toArray();
        for (int i = 0; i < list.size(); ++i)
            parseField(list.at(i), i, where, section, field.index);
    }
}

void CatalogueParser::parseFileLinks(const QJsonObject &object, const QString &where, FieldDefinition &field, int group)
{
    const QJsonValue prefill = object.value(QLatin1String("prefill"));
    const QJsonValue updates = object.value(QLatin1String("updates"));
    if ((!prefill.isUndefined() || !updates.isUndefined()) && group >= 0) {
        error(where, tr("\"prefill\" and \"updates\" are for fields outside repeated groups."));
        return;
    }
    if (!prefill.isUndefined()) {
        if (!prefillSources().contains(prefill.toString()))
            error(where, tr("\"prefill\" must be one of: %1.").arg(prefillSources().join(QLatin1String(", "))));
        else if (!prefillFits(prefill.toString(), field.type))
            error(where, tr("A field of type \"%1\" cannot take \"%2\" from the file.")
                             .arg(fieldTypeName(field.type), prefill.toString()));
        else
            field.prefill = prefill.toString();
    }
    if (!updates.isUndefined()) {
        if (!fileUpdateTargets().contains(updates.toString()))
            error(where, tr("\"updates\" must be one of: %1.").arg(fileUpdateTargets().join(QLatin1String(", "))));
        else if (!prefillFits(updates.toString(), field.type))
            error(where, tr("A field of type \"%1\" cannot update \"%2\" in the file.")
                             .arg(fieldTypeName(field.type), updates.toString()));
        else
            field.updates = updates.toString();
    }
}

void CatalogueParser::parseChoices(const QJsonObject &object, const QString &where, FieldDefinition &field)
{
    const QJsonValue choices = object.value(QLatin1String("choices"));
    const int minimum = field.type == FieldType::SingleChoice ? 2 : 1;
    if (!choices.isArray() || choices.toArray().size() < minimum) {
        error(where, field.type == FieldType::SingleChoice
                         ? tr("A single-choice field needs a \"choices\" list with at least 2 choices.")
                         : tr("A multiple-choice field needs a \"choices\" list with at least 1 choice."));
        return;
    }
    for (const QJsonValue &entry : choices.toArray()) {
        const QJsonObject choiceObject = entry.toObject();
        Choice choice;
        choice.value = choiceObject.value(QLatin1String("value")).toString();
        if (!entry.isObject() || choice.value.isEmpty()) {
            error(where, tr("Each choice needs a non-empty \"value\" text."));
            continue;
        }
        const QString choiceWhere = where + QStringLiteral(" (") + choice.value + QLatin1Char(')');
        checkKeys(choiceObject, {QStringLiteral("value"), QStringLiteral("label")}, choiceWhere);
        readText(choiceObject, QStringLiteral("label"), choiceWhere, true, choice.label);
        for (const Choice &other : std::as_const(field.choices)) {
            if (other.value == choice.value)
                error(where, tr("Two choices have the value \"%1\".").arg(choice.value));
        }
        field.choices.append(choice);
    }
}

bool CatalogueParser::readDateBound(const QJsonValue &value, DateBound &out) const
{
    const QString text = value.toString().trimmed();
    if (text == QLatin1String("today")) {
        out.relative = true;
        return true;
    }
    static const QRegularExpression offsets(QStringLiteral("^(?:[+-][0-9]{1,4}[ymd])+$"));
    if (offsets.match(text).hasMatch()) {
        static const QRegularExpression part(QStringLiteral("([+-][0-9]{1,4})([ymd])"));
        out.relative = true;
        auto it = part.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const int amount = match.captured(1).toInt();
            const QChar unit = match.captured(2).at(0);
            (unit == QLatin1Char('y') ? out.years : unit == QLatin1Char('m') ? out.months : out.days) += amount;
        }
        return true;
    }
    static const QRegularExpression iso(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    out.fixed = iso.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    return out.fixed.isValid();
}

bool CatalogueParser::compileOperand(const QJsonValue &json, const FieldDefinition &field, Condition::Op op,
                                     const QString &where, QJsonValue &out, Condition *relative)
{
    const bool ordering = op == Condition::Op::Lt || op == Condition::Op::Gt;
    switch (field.type) {
    case FieldType::YesNo:
        if (json.isBool()) {
            out = json;
            return true;
        }
        error(where, tr("Field \"%1\" is a yes/no question: compare it with true or false.").arg(field.id));
        return false;
    case FieldType::SingleChoice:
    case FieldType::MultipleChoice:
        for (const Choice &choice : field.choices) {
            if (json.isString() && choice.value == json.toString()) {
                out = json;
                return true;
            }
        }
        error(where, tr("\"%1\" is not one of the choices of field \"%2\".")
                         .arg(json.isString()
                                  ? json.toString()
                                  : QString::fromUtf8(QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact))
                                        .mid(1)
                                        .chopped(1),
                              field.id));
        return false;
    case FieldType::Integer:
    case FieldType::RepeatedGroup:
        if (isInteger(json)) {
            out = json;
            return true;
        }
        error(where, tr("Field \"%1\" holds a whole number: compare it with a whole number.").arg(field.id));
        return false;
    case FieldType::Decimal:
    case FieldType::Money:
        if (json.isDouble()) {
            out = json;
            return true;
        }
        error(where, tr("Field \"%1\" holds a number: compare it with a number.").arg(field.id));
        return false;
    case FieldType::Date: {
        DateBound bound;
        if (json.isString() && readDateBound(json, bound) && (!bound.relative || (ordering && relative))) {
            if (bound.relative) {
                relative->relativeDate = true;
                relative->years = bound.years;
                relative->months = bound.months;
                relative->days = bound.days;
            } else {
                out = bound.fixed.toString(Qt::ISODate);
            }
            return true;
        }
        error(where, ordering ? tr("Field \"%1\" is a date: compare it with a date (YYYY-MM-DD), \"today\" or an "
                                   "offset such as \"-18y\".")
                                    .arg(field.id)
                              : tr("Field \"%1\" is a date: compare it with a date written YYYY-MM-DD.").arg(field.id));
        return false;
    }
    case FieldType::PostalCodeCommune:
    case FieldType::Address:
    case FieldType::Attachment:
        error(where, tr("Field \"%1\" can only be tested with \"is_set\".").arg(field.id));
        return false;
    default:
        if (json.isString() && !ordering) {
            out = json;
            return true;
        }
        error(where, tr("Field \"%1\" holds a text: compare it with a text.").arg(field.id));
        return false;
    }
}

bool CatalogueParser::compile(const QJsonValue &json, const QString &where, Condition &out)
{
    static const QStringList operators{QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("in"),
                                       QStringLiteral("lt"),     QStringLiteral("gt"),         QStringLiteral("is_set"),
                                       QStringLiteral("all"),    QStringLiteral("any")};
    const QJsonObject object = json.toObject();
    if (!json.isObject() || object.size() != 1 || !operators.contains(object.begin().key())) {
        error(where,
              tr("A condition must be an object with exactly one of: %1.").arg(operators.join(QLatin1String(", "))));
        return false;
    }
    const QString name = object.begin().key();
    const QJsonValue operand = object.begin().value();
    out.op = Condition::Op(operators.indexOf(name));
    if (out.op == Condition::Op::All || out.op == Condition::Op::Any) {
        const QJsonArray list = operand.toArray();
        if (!operand.isArray() || list.isEmpty()) {
            error(where, tr("\"%1\" needs a non-empty list of conditions.").arg(name));
            return false;
        }
        bool ok = true;
        for (const QJsonValue &child : list) {
            Condition compiled;
            ok = compile(child, where, compiled) && ok;
            out.children.append(compiled);
        }
        return ok;
    }

    const QJsonObject args = operand.toObject();
    QStringList expected{QStringLiteral("field")};
    if (out.op == Condition::Op::In)
        expected << QStringLiteral("values");
    else if (out.op != Condition::Op::IsSet)
        expected << QStringLiteral("value");
    bool shapeOk = operand.isObject() && args.size() == expected.size();
    for (const QString &key : expected)
        shapeOk = shapeOk && args.contains(key);
    if (!shapeOk) {
        error(where, tr("\"%1\" needs exactly: %2.").arg(name, expected.join(QLatin1String(", "))));
        return false;
    }
    out.fieldId = args.value(QLatin1String("field")).toString();
    out.field = m_d->fieldIndex(out.fieldId);
    if (out.field < 0) {
        error(where, tr("The condition reads field \"%1\", which this démarche does not have.").arg(out.fieldId));
        return false;
    }
    const FieldDefinition &target = m_d->fields.at(out.field);
    if (target.type == FieldType::Explanation) {
        error(where, tr("The condition reads \"%1\", an explanation block that holds no answer.").arg(out.fieldId));
        return false;
    }
    if ((out.op == Condition::Op::Lt || out.op == Condition::Op::Gt) && !comparable(target.type)) {
        error(where, tr("\"%1\" compares numbers, dates or a number of items; field \"%2\" holds none of them.")
                         .arg(name, out.fieldId));
        return false;
    }
    switch (out.op) {
    case Condition::Op::IsSet:
        return true;
    case Condition::Op::In: {
        const QJsonArray values = args.value(QLatin1String("values")).toArray();
        if (values.isEmpty()) {
            error(where, tr("\"in\" needs a non-empty \"values\" list."));
            return false;
        }
        bool ok = true;
        for (const QJsonValue &v : values) {
            QJsonValue compiled;
            ok = compileOperand(v, target, out.op, where, compiled, nullptr) && ok;
            out.values.append(compiled);
        }
        return ok;
    }
    default:
        return compileOperand(args.value(QLatin1String("value")), target, out.op, where, out.value, &out);
    }
}

void CatalogueParser::buildGraph()
{
    Demarche &d = *m_d;
    const int fieldCount = int(d.fields.size());
    const int nodeCount = fieldCount + int(d.sections.size());
    d.dependents = QVector<QVector<int>>(nodeCount);
    auto addEdge = [&](int from, int to) {
        if (!d.dependents[from].contains(to))
            d.dependents[from].append(to);
    };
    auto addReads = [&](const Condition &condition, int node, int ownGroup) {
        QVector<int> read;
        condition.collectFields(read);
        for (int source : std::as_const(read)) {
            addEdge(source, node);
            const int sourceGroup = d.fields.at(source).group;
            if (sourceGroup >= 0 && sourceGroup != ownGroup)
                addEdge(sourceGroup, node); // read over every item: adding or removing one changes the answer
        }
    };
    for (const FieldDefinition &field : std::as_const(d.fields)) {
        if (field.condition)
            addReads(*field.condition, field.index, field.group);
        if (field.group >= 0)
            addEdge(field.group, field.index);
        else
            addEdge(d.sectionNode(field.section), field.index);
    }
    for (const Section &section : std::as_const(d.sections)) {
        if (section.condition)
            addReads(*section.condition, d.sectionNode(section.index), -1);
    }

    // Kahn's algorithm; what is left over lies on or behind a cycle.
    QVector<int> incoming(nodeCount, 0);
    for (const QVector<int> &targets : std::as_const(d.dependents)) {
        for (int target : targets)
            ++incoming[target];
    }
    QVector<int> ready;
    for (int n = 0; n < nodeCount; ++n) {
        if (incoming.at(n) == 0)
            ready.append(n);
    }
    d.order.clear();
    for (int i = 0; i < ready.size(); ++i) {
        const int n = ready.at(i);
        d.order.append(n);
        for (int target : std::as_const(d.dependents.at(n))) {
            if (--incoming[target] == 0)
                ready.append(target);
        }
    }
    if (d.order.size() == nodeCount) {
        d.rank = QVector<int>(nodeCount);
        for (int i = 0; i < nodeCount; ++i)
            d.rank[d.order.at(i)] = i;
        return;
    }
    // Name one cycle: walk backwards from a leftover node along leftover dependencies until a node repeats.
    auto nodeName = [&](int n) {
        return n < fieldCount ? d.fields.at(n).id : d.sections.at(n - fieldCount).id;
    };
    QVector<int> dependencyOf(nodeCount, -1);
    for (int from = 0; from < nodeCount; ++from) {
        for (int to : std::as_const(d.dependents.at(from))) {
            if (incoming.at(from) > 0 && incoming.at(to) > 0)
                dependencyOf[to] = from;
        }
    }
    int start = 0;
    while (incoming.at(start) == 0)
        ++start;
    QVector<int> walk;
    int n = start;
    while (!walk.contains(n) && n >= 0) {
        walk.append(n);
        n = dependencyOf.at(n);
    }
    QStringList names;
    const qsizetype from = n >= 0 ? walk.indexOf(n) : 0;
    for (qsizetype i = from; i < walk.size(); ++i)
        names << nodeName(walk.at(i)); // each one waits for the next
    names << names.first();
    const QString where = walk.at(from) < fieldCount ? m_paths.value(walk.at(from)) : nodeName(walk.at(from));
    error(where, tr("The conditions go round in a circle: %1. Each one waits for the other, so none can be "
                    "shown.")
                     .arg(names.join(QStringLiteral(" → "))));
}

Catalogue Catalogue::parse(const QByteArray &json, const QString &fileName)
{
    Catalogue catalogue;
    CatalogueParser parser(catalogue, fileName);
    parser.parseDocument(json);
    return catalogue;
}

Catalogue Catalogue::load(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        Catalogue merged;
        const QFileInfoList files = QDir(path).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            merged.m_errors.append({info.fileName(), QString(), QString(), tr("The folder holds no catalogue file.")});
        for (const QFileInfo &file : files)
            merged.merge(load(file.filePath()), file.fileName());
        return merged;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Catalogue unreadable;
        unreadable.m_errors.append({info.fileName(), QString(), QString(), tr("The file cannot be read.")});
        return unreadable;
    }
    return parse(file.readAll(), info.fileName());
}

void Catalogue::merge(const Catalogue &other, const QString &fileName)
{
    m_errors += other.m_errors;
    if (!other.m_readable)
        return;
    m_readable = true;
    m_version = qMax(m_version, other.m_version);
    m_published = m_published.isValid() ? qMax(m_published, other.m_published) : other.m_published;
    for (const QString &id : other.m_refusedIds) {
        if (!m_refusedIds.contains(id))
            m_refusedIds.append(id);
    }
    for (const DemarchePtr &d : other.m_demarches) {
        if (demarche(d->id)) {
            m_errors.append({fileName, d->id, QString(),
                             tr("Two catalogue files hold a démarche with this id; "
                                "only the first one is used.")});
            continue;
        }
        m_demarches.append(d);
    }
}

bool CatalogueStore::load(const QString &path)
{
    return install(Catalogue::load(path));
}

bool CatalogueStore::loadDocument(const QByteArray &json, const QString &fileName)
{
    return install(Catalogue::parse(json, fileName));
}

bool CatalogueStore::install(Catalogue candidate)
{
    m_errors = candidate.errors();
    if (!candidate.isReadable() || candidate.demarches().isEmpty()) {
        if (candidate.isReadable())
            m_errors.append(
                {QString(), QString(), QString(),
                 tr("No démarche of the new catalogue could be used; the previous catalogue stays in use.")});
        return false;
    }
    // A démarche refused by the update keeps its last valid definition.
    for (const QString &id : candidate.refusedIds()) {
        if (DemarchePtr previous = m_current.demarche(id)) {
            candidate.m_demarches.append(previous);
            m_errors.append({QString(), id, QString(),
                             tr("The previous version (%1) of this démarche stays in use.").arg(previous->version)});
        }
    }
    m_current = std::move(candidate);
    return true;
}

} // namespace relais::catalogue
