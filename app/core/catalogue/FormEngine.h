#pragma once

#include "catalogue/Demarche.h"
#include "catalogue/Validators.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace relais {
class Clock;
}

namespace relais::catalogue {

// An invalid answer, to show next to its field. `path` is "field" or "group[2].field" (items count from 0).
struct FieldError
{
    QString path;
    QString message; // translated; never repeats the answer
};

// Visibility that changed since the last takeChanges(): section ids, and field paths ("group[2].field" per item).
struct VisibilityChanges
{
    QStringList sections;
    QStringList fields;
    bool isEmpty() const { return sections.isEmpty() && fields.isEmpty(); }
};

// The form model of one démarche being filled in: answers, visibility, validation, completeness, required documents
// and the canonical submission. The only place in Relais where conditions and validators are evaluated.
//
// Answers are QVariants keyed by path: "field" at the top level, "group[i].field" inside item i of a repeated
// group. Accepted values per type are listed in docs/catalogue.md (text as typed; dates as QDate or "YYYY-MM-DD";
// yes/no as bool; multiple choice as a QStringList; postal code + commune, address and attachment as a QVariantMap).
// Hiding a field never clears its answer: the answer is kept (for the draft) but ignored by conditions, validation
// and the submission until the field is shown again.
class FormEngine
{
    Q_DECLARE_TR_FUNCTIONS(relais::catalogue::FormEngine)

public:
    FormEngine(DemarchePtr demarche, const Clock *clock);
    const Clock *clock() const { return m_clock; }

    const Demarche &demarche() const { return *m_demarche; }
    DemarchePtr demarchePtr() const { return m_demarche; }

    // False when the path names no field that holds a value (unknown id, group, explanation, item out of range).
    bool setValue(const QString &path, const QVariant &value);
    QVariant value(const QString &path) const;
    // Adds an empty item at the end of a repeated group; its index, or -1 (unknown group, or max_items reached).
    int addItem(const QString &groupId);
    bool removeItem(const QString &groupId, int item);
    int itemCount(const QString &groupId) const;

    bool isSectionVisible(const QString &sectionId) const;
    bool isVisible(const QString &path) const; // a field, a group, or "group[i].field"
    VisibilityChanges takeChanges();
    // How many visibility nodes the last change re-evaluated (dependency tracking; for tests and the bench).
    int lastEvaluationCount() const { return m_lastEvaluations; }

    // The message to show next to a visible field; empty when its answer is fine (or it is hidden).
    QString errorFor(const QString &path) const;
    // Every problem of the visible fields, in the order of the form (optionally of one section).
    QVector<FieldError> errors(const QString &sectionId = QString()) const;
    bool isComplete() const { return errors().isEmpty(); }
    QVector<RequiredDocument> requiredDocuments() const;

    // The visible, valid answers, normalised ({"field": value, "group": [{"child": value}, …]}).
    QJsonObject answers() const;
    // {"answers": …, "demarche": id, "version": n} as compact JSON with sorted keys: same answers, same bytes.
    QByteArray canonicalJson() const;

    // Every answer as typed, hidden ones included, for drafts; restoreDraft() returns the paths it could not place
    // (a field removed by a newer version of the démarche).
    QJsonObject draft() const;
    QStringList restoreDraft(const QJsonObject &draft);

private:
    struct Answer
    {
        QVariant raw;
        QJsonValue canonical{QJsonValue::Undefined}; // undefined when empty or invalid
        QString problem;                             // the validator's message when the answer is not empty and invalid
        bool empty = true;
    };
    struct Item
    {
        QVector<Answer> answers; // by position in the group
        QVector<char> visible;
    };
    struct Ref
    {
        int field = -1;
        int item = -1; // -1 at the top level
    };

    Ref resolve(const QString &path) const;
    Answer validate(const FieldDefinition &field, const QVariant &raw) const;
    QString problemOf(const FieldDefinition &field, const Answer &answer) const;
    QDate today() const;

    bool evaluateRoot(const Condition &condition, int group, int item) const;
    bool evaluate(const Condition &condition, int group, int item) const;
    bool evaluateLeaf(const Condition &condition, const QJsonValue &value) const;
    bool matches(const FieldDefinition &field, const QJsonValue &answer, const QJsonValue &expected) const;
    bool computeVisible(int field, int item) const;
    bool recompute(int node);
    void propagate(int changedNode);
    QString itemPath(int group, int item, int child) const;

    DemarchePtr m_demarche;
    const Clock *m_clock;
    QVector<Answer> m_answers;      // top-level answers by field index
    QVector<QVector<Item>> m_items; // by field index: items of each repeated group
    QVector<char> m_visible;        // by node: fields then sections (group children: see Item::visible)
    VisibilityChanges m_changes;
    int m_lastEvaluations = 0;
};

} // namespace relais::catalogue
