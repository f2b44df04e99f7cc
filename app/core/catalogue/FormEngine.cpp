#include "catalogue/FormEngine.h"

#include "common/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

namespace relais::catalogue {

namespace {

bool isBlank(const QVariant &value)
{
    if (!value.isValid())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().trimmed().isEmpty();
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        const QStringList list = value.toStringList();
        for (const QString &entry : list) {
            if (!entry.trimmed().isEmpty())
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!isBlank(it.value()))
                return false;
        }
        return true;
    }
    case QMetaType::QDate:
        return !value.toDate().isValid();
    case QMetaType::Nullptr:
        return true;
    default:
        return false;
    }
}

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

QString withoutSpaces(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

double numberOf(const QJsonValue &value)
{
    return value.isString() ? value.toString().toDouble() : value.toDouble();
}

QJsonValue rawToJson(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDate)
        return value.toDate().toString(Qt::ISODate);
    return QJsonValue::fromVariant(value);
}

QString mimeName(const QString &mime)
{
    if (mime == QLatin1String("application/pdf"))
        return QStringLiteral("PDF");
    if (mime == QLatin1String("image/jpeg"))
        return QStringLiteral("JPEG");
    if (mime == QLatin1String("image/png"))
        return QStringLiteral("PNG");
    return mime;
}

} // namespace

FormEngine::FormEngine(DemarchePtr demarche, const Clock *clock) : m_demarche(std::move(demarche)), m_clock(clock)
{
    Q_ASSERT(m_clock);
    const int fieldCount = int(m_demarche->fields.size());
    m_answers = QVector<Answer>(fieldCount);
    m_items = QVector<QVector<Item>>(fieldCount);
    m_visible = QVector<char>(fieldCount + int(m_demarche->sections.size()), 0);
    for (int node : m_demarche->order)
        recompute(node);
    m_changes = VisibilityChanges();
}

QDate FormEngine::today() const
{
    return m_clock->now().toLocalTime().date();
}

FormEngine::Ref FormEngine::resolve(const QString &path) const
{
    const Demarche &d = *m_demarche;
    const qsizetype bracket = path.indexOf(QLatin1Char('['));
    if (bracket < 0) {
        const int field = d.fieldIndex(path);
        if (field < 0 || d.fields.at(field).group >= 0)
            return {};
        return {field, -1};
    }
    const qsizetype close = path.indexOf(QLatin1String("]."), bracket);
    if (close < 0)
        return {};
    const int group = d.fieldIndex(path.left(bracket));
    bool ok = false;
    const int item = path.mid(bracket + 1, close - bracket - 1).toInt(&ok);
    const int field = d.fieldIndex(path.mid(close + 2));
    if (group < 0 || field < 0 || !ok || d.fields.at(field).group != group || item < 0 ||
        item >= m_items.at(group).size())
        return {};
    return {field, item};
}

QString FormEngine::itemPath(int group, int item, int child) const
{
    return m_demarche->fields.at(group).id + QLatin1Char('[') + QString::number(item) + QLatin1String("].") +
           m_demarche->fields.at(child).id;
}

FormEngine::Answer FormEngine::validate(const FieldDefinition &field, const QVariant &raw) const
{
    Answer answer;
    answer.raw = raw;
    if (isBlank(raw))
        return answer;
    answer.empty = false;
    auto accept = [&answer](const QJsonValue &canonical) {
        answer.canonical = canonical;
    };
    auto refuse = [&answer](const QString &message) {
        answer.problem = message;
    };
    auto fromValidator = [&](const Validation &check) {
        if (check.ok)
            accept(check.normalized);
        else
            refuse(check.message);
    };
    const QString text = raw.toString();

    switch (field.type) {
    case FieldType::Text:
    case FieldType::Multiline: {
        const QString normalised = field.type == FieldType::Text
                                       ? text.simplified()
                                       : QString(text).replace(QLatin1String("\r\n"), QLatin1String("\n")).trimmed();
        if (normalised.size() > field.maxLength)
            refuse(tr("This answer is too long: at most %n characters.", nullptr, field.maxLength));
        else
            accept(normalised);
        break;
    }
    case FieldType::Integer: {
        qint64 number = 0;
        if (isNumber(raw)) {
            const double d = raw.toDouble();
            if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 1e15) {
                refuse(tr("Enter a whole number, without a decimal part."));
                break;
            }
            number = qint64(d);
        } else {
            static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]{1,15}$"));
            const QString compact = withoutSpaces(text);
            if (!digits.match(compact).hasMatch()) {
                refuse(tr("Enter a whole number, with digits only."));
                break;
            }
            number = compact.toLongLong();
        }
        if (field.min && double(number) < *field.min)
            refuse(tr("The number must be at least %1.").arg(*field.min));
        else if (field.max && double(number) > *field.max)
            refuse(tr("The number must be at most %1.").arg(*field.max));
        else
            accept(QJsonValue(number));
        break;
    }
    case FieldType::Decimal: {
        static const QRegularExpression decimal(QStringLiteral("^([+-]?)([0-9]{1,15})(?:\\.([0-9]{1,9}))?$"));
        const QString compact = isNumber(raw) ? QString::number(raw.toDouble(), 'f', 6)
                                              : withoutSpaces(text).replace(QLatin1Char(','), QLatin1Char('.'));
        const QRegularExpressionMatch match = decimal.match(compact);
        if (!match.hasMatch()) {
            refuse(tr("Enter a number, for example 12,5."));
            break;
        }
        QString whole = match.captured(2);
        while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
            whole.remove(0, 1);
        QString fraction = match.captured(3);
        while (fraction.endsWith(QLatin1Char('0')))
            fraction.chop(1);
        QString normalised = fraction.isEmpty() ? whole : whole + QLatin1Char('.') + fraction;
        if (match.captured(1) == QLatin1String("-") && normalised != QLatin1String("0"))
            normalised.prepend(QLatin1Char('-'));
        const double number = normalised.toDouble();
        if (field.min && number < *field.min)
            refuse(tr("The number must be at least %1.").arg(*field.min));
        else if (field.max && number > *field.max)
            refuse(tr("The number must be at most %1.").arg(*field.max));
        else
            accept(normalised);
        break;
    }
    case FieldType::Money:
        fromValidator(Validators::amount(isNumber(raw) ? QString::number(raw.toDouble(), 'f', 2) : text,
                                         field.min.value_or(0.0),
                                         field.max.value_or(std::numeric_limits<double>::infinity())));
        break;
    case FieldType::Date: {
        QDate date;
        if (raw.typeId() == QMetaType::QDate) {
            date = raw.toDate();
        } else {
            const Validation typed = Validators::dateText(text);
            if (!typed.ok) {
                refuse(typed.message);
                break;
            }
            date = QDate::fromString(typed.normalized, Qt::ISODate);
        }
        const QDate now = today();
        if (field.birthDate) {
            const Validation birth = Validators::birthDate(date, now);
            if (!birth.ok) {
                refuse(birth.message);
                break;
            }
        }
        fromValidator(Validators::dateInRange(date, field.minDate.resolve(now), field.maxDate.resolve(now)));
        break;
    }
    case FieldType::YesNo: {
        if (raw.typeId() == QMetaType::Bool) {
            accept(raw.toBool());
            break;
        }
        const QString word = text.trimmed().toLower();
        if (word == QLatin1String("yes") || word == QLatin1String("oui") || word == QLatin1String("true"))
            accept(true);
        else if (word == QLatin1String("no") || word == QLatin1String("non") || word == QLatin1String("false"))
            accept(false);
        else
            refuse(tr("Answer yes or no."));
        break;
    }
    case FieldType::SingleChoice: {
        bool known = false;
        for (const Choice &choice : field.choices)
            known = known || choice.value == text;
        if (known)
            accept(text);
        else
            refuse(tr("Choose one of the proposed answers."));
        break;
    }
    case FieldType::MultipleChoice: {
        const QStringList ticked = raw.toStringList();
        QJsonArray canonical;
        int known = 0;
        for (const Choice &choice : field.choices) {
            if (ticked.contains(choice.value)) {
                canonical.append(choice.value);
                known += int(ticked.count(choice.value));
            }
        }
        if (known != ticked.size() - int(ticked.count(QString())))
            refuse(tr("Choose among the proposed answers only."));
        else
            accept(canonical);
        break;
    }
    case FieldType::Email:
        fromValidator(Validators::email(text));
        break;
    case FieldType::PhoneFr:
        fromValidator(Validators::frenchPhone(text));
        break;
    case FieldType::Iban:
        fromValidator(Validators::iban(text));
        break;
    case FieldType::Nir:
        fromValidator(Validators::nir(text));
        break;
    case FieldType::Siret:
        fromValidator(Validators::siret(text));
        break;
    case FieldType::Spi:
        fromValidator(Validators::spi(text));
        break;
    case FieldType::PostalCodeCommune:
    case FieldType::Address: {
        const QVariantMap map = raw.toMap();
        const QString street = map.value(QStringLiteral("street")).toString().simplified();
        const QString complement = map.value(QStringLiteral("complement")).toString().simplified();
        const QString commune = map.value(QStringLiteral("commune")).toString().simplified();
        const Validation postalCode = Validators::postalCode(map.value(QStringLiteral("postal_code")).toString());
        if (field.type == FieldType::Address && street.isEmpty()) {
            refuse(tr("Enter the number and street."));
            break;
        }
        if (!postalCode.ok) {
            refuse(postalCode.message);
            break;
        }
        if (commune.isEmpty()) {
            refuse(tr("Enter the commune."));
            break;
        }
        QJsonObject canonical{{QStringLiteral("commune"), commune},
                              {QStringLiteral("postal_code"), postalCode.normalized}};
        if (field.type == FieldType::Address) {
            canonical.insert(QStringLiteral("street"), street);
            if (!complement.isEmpty())
                canonical.insert(QStringLiteral("complement"), complement);
        }
        accept(canonical);
        break;
    }
    case FieldType::Attachment: {
        const QVariantMap map = raw.toMap();
        const QString contentType = map.value(QStringLiteral("content_type")).toString();
        const qint64 size = map.value(QStringLiteral("size")).toLongLong();
        if (isBlank(map.value(QStringLiteral("id"))) || map.value(QStringLiteral("sha256")).toString().isEmpty()) {
            refuse(tr("The file was not kept: add it again."));
            break;
        }
        if (!field.accept.contains(contentType)) {
            QStringList names;
            for (const QString &mime : field.accept)
                names << mimeName(mime);
            refuse(tr("This kind of file is not accepted here. Accepted: %1.").arg(names.join(QLatin1String(", "))));
            break;
        }
        if (size <= 0 || size > field.maxBytes) {
            refuse(tr("The file is too large: at most %1 MB.").arg(double(field.maxBytes) / (1024 * 1024), 0, 'f', 1));
            break;
        }
        accept(QJsonObject{{QStringLiteral("content_type"), contentType},
                           {QStringLiteral("filename"), map.value(QStringLiteral("filename")).toString()},
                           {QStringLiteral("id"), rawToJson(map.value(QStringLiteral("id")))},
                           {QStringLiteral("sha256"), map.value(QStringLiteral("sha256")).toString()},
                           {QStringLiteral("size"), size}});
        break;
    }
    case FieldType::Explanation:
    case FieldType::RepeatedGroup:
        break;
    }
    return answer;
}

QString FormEngine::problemOf(const FieldDefinition &field, const Answer &answer) const
{
    if (answer.empty)
        return field.required ? tr("This answer is required.") : QString();
    return answer.problem;
}

bool FormEngine::matches(const FieldDefinition &field, const QJsonValue &answer, const QJsonValue &expected) const
{
    switch (field.type) {
    case FieldType::MultipleChoice:
        return answer.toArray().contains(expected);
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::Money:
    case FieldType::RepeatedGroup:
        return numberOf(answer) == expected.toDouble();
    default:
        return answer == expected;
    }
}

bool FormEngine::evaluateLeaf(const Condition &condition, const QJsonValue &value) const
{
    const FieldDefinition &field = m_demarche->fields.at(condition.field);
    const bool set = !value.isUndefined() && !value.isNull();
    switch (condition.op) {
    case Condition::Op::IsSet:
        return set;
    case Condition::Op::Equals:
        return set && matches(field, value, condition.value);
    case Condition::Op::NotEquals:
        return !(set && matches(field, value, condition.value));
    case Condition::Op::In:
        for (const QJsonValue &expected : condition.values) {
            if (set && matches(field, value, expected))
                return true;
        }
        return false;
    case Condition::Op::Lt:
    case Condition::Op::Gt: {
        if (!set)
            return false;
        if (field.type == FieldType::Date) {
            const QString bound = condition.relativeDate ? today()
                                                               .addYears(condition.years)
                                                               .addMonths(condition.months)
                                                               .addDays(condition.days)
                                                               .toString(Qt::ISODate)
                                                         : condition.value.toString();
            const int order = value.toString().compare(bound);
            return condition.op == Condition::Op::Lt ? order < 0 : order > 0;
        }
        const double number = numberOf(value);
        const double bound = condition.value.toDouble();
        return condition.op == Condition::Op::Lt ? number < bound : number > bound;
    }
    case Condition::Op::All:
    case Condition::Op::Any:
        break;
    }
    return false;
}

bool FormEngine::evaluate(const Condition &condition, int group, int item) const
{
    if (condition.op == Condition::Op::All || condition.op == Condition::Op::Any) {
        const bool all = condition.op == Condition::Op::All;
        for (const Condition &child : condition.children) {
            if (evaluate(child, group, item) != all)
                return !all;
        }
        return all;
    }
    const FieldDefinition &field = m_demarche->fields.at(condition.field);
    if (field.type == FieldType::RepeatedGroup) {
        const QJsonValue count = m_visible.at(field.index) ? QJsonValue(qint64(m_items.at(field.index).size()))
                                                           : QJsonValue(QJsonValue::Undefined);
        return evaluateLeaf(condition, count);
    }
    if (field.group < 0)
        return evaluateLeaf(condition, m_visible.at(field.index) ? m_answers.at(field.index).canonical
                                                                 : QJsonValue(QJsonValue::Undefined));
    if (field.group == group && item >= 0) {
        const Item &own = m_items.at(group).at(item);
        return evaluateLeaf(condition, own.visible.at(field.positionInGroup)
                                           ? own.answers.at(field.positionInGroup).canonical
                                           : QJsonValue(QJsonValue::Undefined));
    }
    return evaluateLeaf(condition,
                        QJsonValue(QJsonValue::Undefined)); // unreachable: the loader refuses such a reference
}

bool FormEngine::evaluateRoot(const Condition &condition, int group, int item) const
{
    if (condition.quantifiedGroup < 0)
        return evaluate(condition, group, item);
    // Reads a repeated group from outside: true when one of its items makes the whole condition true.
    if (!m_visible.at(condition.quantifiedGroup))
        return false;
    const int count = int(m_items.at(condition.quantifiedGroup).size());
    for (int i = 0; i < count; ++i) {
        if (evaluate(condition, condition.quantifiedGroup, i))
            return true;
    }
    return false;
}

bool FormEngine::computeVisible(int fieldIndex, int item) const
{
    const FieldDefinition &field = m_demarche->fields.at(fieldIndex);
    const bool container =
        field.group >= 0 ? m_visible.at(field.group) : m_visible.at(m_demarche->sectionNode(field.section));
    return container && (!field.condition || evaluateRoot(*field.condition, field.group, item));
}

bool FormEngine::recompute(int node)
{
    const Demarche &d = *m_demarche;
    const int fieldCount = int(d.fields.size());
    if (node >= fieldCount) {
        const Section &section = d.sections.at(node - fieldCount);
        const bool visible = !section.condition || evaluateRoot(*section.condition, -1, -1);
        if (bool(m_visible.at(node)) == visible)
            return false;
        m_visible[node] = visible;
        m_changes.sections.append(section.id);
        return true;
    }
    const FieldDefinition &field = d.fields.at(node);
    if (field.group < 0) {
        const bool visible = computeVisible(node, -1);
        if (bool(m_visible.at(node)) == visible)
            return false;
        m_visible[node] = visible;
        m_changes.fields.append(field.id);
        return true;
    }
    bool changed = false;
    QVector<Item> &items = m_items[field.group];
    for (int i = 0; i < items.size(); ++i) {
        const bool visible = computeVisible(node, i);
        char &current = items[i].visible[field.positionInGroup];
        if (bool(current) != visible) {
            current = visible;
            changed = true;
            m_changes.fields.append(itemPath(field.group, i, node));
        }
    }
    return changed;
}

void FormEngine::propagate(int changedNode)
{
    const Demarche &d = *m_demarche;
    // Dependencies first: a node is re-evaluated once, after everything it reads.
    std::priority_queue<std::pair<int, int>, std::vector<std::pair<int, int>>, std::greater<>> pending;
    QVector<char> queued(d.rank.size(), 0);
    auto enqueueDependents = [&](int node) {
        for (int dependent : d.dependents.at(node)) {
            if (!queued.at(dependent)) {
                queued[dependent] = 1;
                pending.emplace(d.rank.at(dependent), dependent);
            }
        }
    };
    enqueueDependents(changedNode);
    while (!pending.empty()) {
        const int node = pending.top().second;
        pending.pop();
        ++m_lastEvaluations;
        if (recompute(node))
            enqueueDependents(node);
    }
}

bool FormEngine::setValue(const QString &path, const QVariant &value)
{
    const Ref ref = resolve(path);
    if (ref.field < 0)
        return false;
    const FieldDefinition &field = m_demarche->fields.at(ref.field);
    if (!field.holdsValue())
        return false;
    Answer &slot = ref.item < 0 ? m_answers[ref.field] : m_items[field.group][ref.item].answers[field.positionInGroup];
    Answer next = validate(field, value);
    const bool changed = slot.canonical != next.canonical;
    slot = std::move(next);
    m_lastEvaluations = 0;
    if (changed)
        propagate(ref.field);
    return true;
}

QVariant FormEngine::value(const QString &path) const
{
    const Ref ref = resolve(path);
    if (ref.field < 0)
        return QVariant();
    const FieldDefinition &field = m_demarche->fields.at(ref.field);
    return ref.item < 0 ? m_answers.at(ref.field).raw
                        : m_items.at(field.group).at(ref.item).answers.at(field.positionInGroup).raw;
}

int FormEngine::addItem(const QString &groupId)
{
    const int group = m_demarche->fieldIndex(groupId);
    if (group < 0 || m_demarche->fields.at(group).type != FieldType::RepeatedGroup)
        return -1;
    const FieldDefinition &field = m_demarche->fields.at(group);
    if (m_items.at(group).size() >= field.maxItems)
        return -1;
    Item item;
    item.answers = QVector<Answer>(field.children.size());
    item.visible = QVector<char>(field.children.size(), 0);
    m_items[group].append(item);
    m_lastEvaluations = 0;
    propagate(group);
    return int(m_items.at(group).size()) - 1;
}

bool FormEngine::removeItem(const QString &groupId, int item)
{
    const int group = m_demarche->fieldIndex(groupId);
    if (group < 0 || m_demarche->fields.at(group).type != FieldType::RepeatedGroup || item < 0 ||
        item >= m_items.at(group).size())
        return false;
    m_items[group].removeAt(item);
    m_lastEvaluations = 0;
    propagate(group);
    return true;
}

int FormEngine::itemCount(const QString &groupId) const
{
    const int group = m_demarche->fieldIndex(groupId);
    return group < 0 ? 0 : int(m_items.at(group).size());
}

bool FormEngine::isSectionVisible(const QString &sectionId) const
{
    const int section = m_demarche->sectionIndex(sectionId);
    return section >= 0 && m_visible.at(m_demarche->sectionNode(section));
}

bool FormEngine::isVisible(const QString &path) const
{
    const Ref ref = resolve(path);
    if (ref.field < 0)
        return false;
    if (ref.item < 0)
        return m_visible.at(ref.field);
    const FieldDefinition &field = m_demarche->fields.at(ref.field);
    return m_items.at(field.group).at(ref.item).visible.at(field.positionInGroup);
}

VisibilityChanges FormEngine::takeChanges()
{
    return std::exchange(m_changes, VisibilityChanges());
}

QString FormEngine::errorFor(const QString &path) const
{
    const Ref ref = resolve(path);
    if (ref.field < 0 || !isVisible(path))
        return QString();
    const FieldDefinition &field = m_demarche->fields.at(ref.field);
    if (field.type == FieldType::RepeatedGroup) {
        const int count = int(m_items.at(ref.field).size());
        if (count < field.minItems)
            return tr("Add at least %n entries.", nullptr, field.minItems);
        if (count > field.maxItems)
            return tr("At most %n entries can be given.", nullptr, field.maxItems);
        return QString();
    }
    if (!field.holdsValue())
        return QString();
    return problemOf(field, ref.item < 0 ? m_answers.at(ref.field)
                                         : m_items.at(field.group).at(ref.item).answers.at(field.positionInGroup));
}

QVector<FieldError> FormEngine::errors(const QString &sectionId) const
{
    const Demarche &d = *m_demarche;
    QVector<FieldError> out;
    for (const Section &section : d.sections) {
        if ((!sectionId.isEmpty() && section.id != sectionId) || !m_visible.at(d.sectionNode(section.index)))
            continue;
        for (int index : section.fields) {
            const FieldDefinition &field = d.fields.at(index);
            if (!m_visible.at(index))
                continue;
            const QString problem = errorFor(field.id);
            if (!problem.isEmpty())
                out.append({field.id, problem});
            if (field.type != FieldType::RepeatedGroup)
                continue;
            const QVector<Item> &items = m_items.at(index);
            for (int i = 0; i < items.size(); ++i) {
                for (int child : field.children) {
                    const FieldDefinition &childField = d.fields.at(child);
                    if (!items.at(i).visible.at(childField.positionInGroup) || !childField.holdsValue())
                        continue;
                    const QString childProblem =
                        problemOf(childField, items.at(i).answers.at(childField.positionInGroup));
                    if (!childProblem.isEmpty())
                        out.append({itemPath(index, i, child), childProblem});
                }
            }
        }
    }
    return out;
}

QVector<RequiredDocument> FormEngine::requiredDocuments() const
{
    QVector<RequiredDocument> out;
    for (const RequiredDocument &document : m_demarche->requiredDocuments) {
        if (!document.condition || evaluateRoot(*document.condition, -1, -1))
            out.append(document);
    }
    return out;
}

QJsonObject FormEngine::answers() const
{
    const Demarche &d = *m_demarche;
    QJsonObject out;
    for (const Section &section : d.sections) {
        if (!m_visible.at(d.sectionNode(section.index)))
            continue;
        for (int index : section.fields) {
            const FieldDefinition &field = d.fields.at(index);
            if (!m_visible.at(index))
                continue;
            if (field.type == FieldType::RepeatedGroup) {
                QJsonArray items;
                for (const Item &item : m_items.at(index)) {
                    QJsonObject entry;
                    for (int child : field.children) {
                        const int position = d.fields.at(child).positionInGroup;
                        if (item.visible.at(position) && !item.answers.at(position).canonical.isUndefined())
                            entry.insert(d.fields.at(child).id, item.answers.at(position).canonical);
                    }
                    items.append(entry);
                }
                out.insert(field.id, items);
            } else if (!m_answers.at(index).canonical.isUndefined()) {
                out.insert(field.id, m_answers.at(index).canonical);
            }
        }
    }
    return out;
}

QByteArray FormEngine::canonicalJson() const
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical for the ASCII ids the catalogue allows.
    const QJsonObject submission{{QStringLiteral("answers"), answers()},
                                 {QStringLiteral("demarche"), m_demarche->id},
                                 {QStringLiteral("version"), m_demarche->version}};
    return QJsonDocument(submission).toJson(QJsonDocument::Compact);
}

QJsonObject FormEngine::draft() const
{
    const Demarche &d = *m_demarche;
    QJsonObject values;
    for (const FieldDefinition &field : d.fields) {
        if (field.group >= 0)
            continue;
        if (field.type == FieldType::RepeatedGroup) {
            QJsonArray items;
            for (const Item &item : m_items.at(field.index)) {
                QJsonObject entry;
                for (int child : field.children) {
                    const QVariant &raw = item.answers.at(d.fields.at(child).positionInGroup).raw;
                    if (raw.isValid())
                        entry.insert(d.fields.at(child).id, rawToJson(raw));
                }
                items.append(entry);
            }
            values.insert(field.id, items);
        } else if (m_answers.at(field.index).raw.isValid()) {
            values.insert(field.id, rawToJson(m_answers.at(field.index).raw));
        }
    }
    return QJsonObject{
        {QStringLiteral("demarche"), d.id}, {QStringLiteral("version"), d.version}, {QStringLiteral("values"), values}};
}

QStringList FormEngine::restoreDraft(const QJsonObject &draft)
{
    const Demarche &d = *m_demarche;
    m_answers = QVector<Answer>(d.fields.size());
    m_items = QVector<QVector<Item>>(d.fields.size());
    m_visible.fill(0);
    for (int node : d.order)
        recompute(node);
    QStringList dropped;
    const QJsonObject values = draft.value(QLatin1String("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        const int index = d.fieldIndex(it.key());
        if (index < 0 || d.fields.at(index).group >= 0) {
            dropped << it.key();
            continue;
        }
        if (d.fields.at(index).type != FieldType::RepeatedGroup) {
            if (!setValue(it.key(), it.value().toVariant()))
                dropped << it.key();
            continue;
        }
        const QJsonArray items = it.value().toArray();
        for (int i = 0; i < items.size(); ++i) {
            const int item = addItem(it.key());
            if (item < 0) {
                dropped << QStringLiteral("%1[%2]").arg(it.key()).arg(i);
                continue;
            }
            const QJsonObject entry = items.at(i).toObject();
            for (auto child = entry.begin(); child != entry.end(); ++child) {
                const QString childPath =
                    it.key() + QLatin1Char('[') + QString::number(item) + QLatin1String("].") + child.key();
                if (!setValue(childPath, child.value().toVariant()))
                    dropped << childPath;
            }
        }
    }
    m_changes = VisibilityChanges();
    return dropped;
}

} // namespace relais::catalogue
