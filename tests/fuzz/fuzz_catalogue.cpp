// The catalogue loader over arbitrary bytes: never a crash, every refusal has a reason, nothing accepted
// with a condition cycle, and an accepted démarche can be driven by the form engine.
#include "FuzzTarget.h"

#include "catalogue/Catalogue.h"
#include "catalogue/FormEngine.h"
#include "common/Clock.h"

RELAIS_FUZZ_TARGET(fuzz_catalogue)
{
    using namespace relais::catalogue;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Catalogue catalogue = Catalogue::parse(bytes, QStringLiteral("fuzz.json"));
    for (const CatalogueError &e : catalogue.errors()) {
        if (e.reason.isEmpty())
            relais::fuzz::fail("fuzz_catalogue", "error without a reason", QString::fromUtf8(bytes));
    }
    for (const DemarchePtr &d : catalogue.demarches()) {
        if (d->order.size() != d->fields.size() + d->sections.size())
            relais::fuzz::fail("fuzz_catalogue", "accepted with a cycle", QString::fromUtf8(bytes));
        FormEngine engine(d, relais::SystemClock::instance());
        for (const FieldDefinition &f : d->fields) {
            if (f.group < 0)
                engine.setValue(f.id, QStringLiteral("1"));
        }
        (void)engine.canonicalJson();
        (void)engine.requiredDocuments();
    }
}
