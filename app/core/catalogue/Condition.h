#pragma once

#include <QJsonValue>
#include <QString>
#include <QVector>

namespace relais::catalogue {

// A condition of the catalogue, compiled once at load: field references are resolved to field indices and the
// compared values are converted to the type of the field they are compared with. Only FormEngine evaluates it.
struct Condition
{
    enum class Op
    {
        Equals,
        NotEquals,
        In,
        Lt,
        Gt,
        IsSet,
        All,
        Any,
    };

    Op op = Op::All;
    int field = -1;   // leaf: index of the field read
    QString fieldId;  // leaf: as written, for messages
    QJsonValue value; // equals, not_equals, lt, gt: normalised like the field's answers (see docs/catalogue.md)
    QVector<QJsonValue> values; // in
    // lt/gt on a date field with a relative bound ("-18y"): resolved against today when evaluated.
    bool relativeDate = false;
    int years = 0;
    int months = 0;
    int days = 0;
    QVector<Condition> children; // all, any
    // Root of a condition that reads fields of a repeated group from outside it: true when at least one item of that
    // group makes the whole condition true. -1 otherwise.
    int quantifiedGroup = -1;

    // Every field index this condition reads, for the dependency graph.
    void collectFields(QVector<int> &out) const
    {
        if (field >= 0 && !out.contains(field))
            out.append(field);
        for (const Condition &child : children)
            child.collectFields(out);
    }
};

} // namespace relais::catalogue
