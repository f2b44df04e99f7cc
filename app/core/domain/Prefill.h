#pragma once

#include "catalogue/FormEngine.h"
#include "domain/Citizen.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace relais {

class DraftEditor;

// What the catalogue's "prefill" and "updates" mean for a person's file (docs/catalogue.md): the answers a new form
// takes from the file, and the answers of a sent démarche that the file may take back (a new address, a new phone).
class Prefill
{
    Q_DECLARE_TR_FUNCTIONS(relais::Prefill)

public:
    // The value of `source` ("citizen.nir"…) in the file, as the form engine takes it; null when the file has none.
    static QVariant valueOf(const Citizen &citizen, const QString &source, catalogue::FieldType type);
    // Fills the empty top-level fields that declare a "prefill" with what the file knows; the paths filled, in the
    // order of the form.
    static QStringList apply(DraftEditor &draft, const Citizen &citizen);

    // One entry of the file that a sent answer would change.
    struct FileUpdate
    {
        QString target; // "citizen.address"…
        QString label;  // the entry, in words ("Address")
        QString value;  // the new value, as the mediator reads it
    };
    // The answers (of fields that "update" the file, or prefilled phone, e-mail and address the person corrected)
    // that differ from the file, one per entry of the file.
    static QList<FileUpdate> updatesFor(const catalogue::FormEngine &engine, const Citizen &citizen);
    // The file with those answers written in.
    static Citizen withUpdates(Citizen citizen, const catalogue::FormEngine &engine);

private:
    static QString targetOf(const catalogue::FieldDefinition &field);
};

} // namespace relais
