// `relais-bench forms`: the catalogue and the form as a mediator meets them. Loading the whole bundled catalogue,
// opening and showing its largest démarche, and re-evaluating every condition after a keystroke on a 200-field
// synthetic démarche. Targets on a mediator's PC: < 100 ms, < 150 ms and < 5 ms.
#include "BenchSuite.h"

#include "catalogue/Catalogue.h"
#include "catalogue/FormEngine.h"
#include "common/Clock.h"
#include "common/SecureBytes.h"
#include "common/Translations.h"
#include "domain/AttachmentStore.h"
#include "domain/DraftEditor.h"
#include "domain/SubmissionRepository.h"
#include "forms/FormWizard.h"
#include "security/Vault.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace relais::bench {
namespace {

using catalogue::Catalogue;
using catalogue::DemarchePtr;
using catalogue::FormEngine;

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Nearest-rank percentile (0 < p <= 100) of the samples.
double percentile(QVector<double> samples, double p)
{
    if (samples.isEmpty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

void logCatalogueErrors(const Catalogue &catalogue)
{
    for (const catalogue::CatalogueError &error : catalogue.errors())
        log() << "forms bench:   " << error.toString() << Qt::endl;
}

// --- catalogue_load_ms -------------------------------------------------------------------------------------------

// Median of `loads` full loads of the bundled catalogue (every file parsed and checked, conditions compiled).
std::optional<double> catalogueLoadMs(int loads, Catalogue &loaded)
{
    QVector<double> samples;
    for (int i = 0; i < loads; ++i) {
        QElapsedTimer timer;
        timer.start();
        Catalogue catalogue = Catalogue::load(Catalogue::bundledPath());
        samples.append(elapsedMs(timer));
        if (!catalogue.isReadable() || !catalogue.errors().isEmpty() || catalogue.demarches().size() < 12) {
            log() << "forms bench: the bundled catalogue did not load cleanly (" << catalogue.demarches().size()
                  << " démarches, " << catalogue.errors().size() << " errors)" << Qt::endl;
            logCatalogueErrors(catalogue);
            return std::nullopt;
        }
        loaded = std::move(catalogue);
    }
    return median(samples);
}

// --- largest_form_ms ---------------------------------------------------------------------------------------------

DemarchePtr largestDemarche(const Catalogue &catalogue)
{
    DemarchePtr largest;
    for (const DemarchePtr &demarche : catalogue.demarches()) {
        if (!largest || demarche->fields.size() > largest->fields.size())
            largest = demarche;
    }
    return largest;
}

// Sees the first paint of the window it watches.
class PaintWatch : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

// Median of `renders` openings of `demarche` as DemarchesPage::open does it, on a fresh draft of a temporary encrypted
// store: from the DraftEditor and the FormWizard being made to the window shown, laid out and painted (the events
// that follow show() processed until the first paint is done). Creating the draft row is not counted.
std::optional<double> largestFormMs(const DemarchePtr &demarche, int renders)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        log() << "forms bench: no temporary directory" << Qt::endl;
        return std::nullopt;
    }
    const QString login = QStringLiteral("bench");
    const QByteArray password = "bench password of decent length";
    Vault vault(dir.path(), relais::SystemClock::instance());
    const auto initialized = vault.initialize(QStringLiteral("Bench"), login, QStringLiteral("Bench"),
                                              SecureBytes(password.constData(), static_cast<int>(password.size())),
                                              false, KdfParams::interactive());
    if (!initialized) {
        log() << "forms bench: cannot create the store: " << initialized.message() << Qt::endl;
        return std::nullopt;
    }
    const auto account = vault.account(login);
    if (!account) {
        log() << "forms bench: no account: " << account.message() << Qt::endl;
        return std::nullopt;
    }

    QVector<double> samples;
    {
        SubmissionRepository repository(vault.database()->connection(), &vault.journal(), vault.clock());
        AttachmentStore attachments(vault.database()->connection(), vault.clock());
        ui::FormContext context;
        context.attachments = &attachments;
        context.language = QStringLiteral("fr");
        for (int i = 0; i < renders; ++i) {
            const auto created = repository.createDraft(account.value(), demarche->id, demarche->version);
            if (!created) {
                log() << "forms bench: cannot create a draft: " << created.message() << Qt::endl;
                return std::nullopt;
            }
            PaintWatch watch;
            QElapsedTimer timer;
            timer.start();
            auto wizard = std::make_unique<ui::FormWizard>(
                std::make_unique<DraftEditor>(&repository, account.value(), demarche, created.value(), vault.clock()),
                context);
            wizard->installEventFilter(&watch);
            wizard->resize(1280, 900);
            wizard->show();
            wizard->focusFirstAnswer();
            while (!watch.painted && timer.elapsed() < 10000)
                QCoreApplication::processEvents();
            const double ms = elapsedMs(timer);
            if (!watch.painted) {
                log() << "forms bench: the form was never painted" << Qt::endl;
                return std::nullopt;
            }
            samples.append(ms);
            wizard.reset();
            QCoreApplication::processEvents(); // what the wizard left to deleteLater
        }
    }
    log() << "forms bench: " << demarche->id << " shown in";
    for (double ms : samples)
        log() << ' ' << QString::number(ms, 'f', 1);
    log() << " ms (the first one cold)" << Qt::endl;
    vault.close();
    return median(samples);
}

// --- keystroke_eval_ms -------------------------------------------------------------------------------------------

QJsonObject texts(const QString &text)
{
    return {{QStringLiteral("fr"), text}, {QStringLiteral("en"), text}};
}

QJsonObject leaf(const char *op, const QString &field, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject operand{{QStringLiteral("field"), field}};
    if (value.isArray())
        operand.insert(QStringLiteral("values"), value);
    else if (!value.isUndefined())
        operand.insert(QStringLiteral("value"), value);
    return {{QLatin1String(op), operand}};
}

QJsonObject isSet(const QString &field)
{
    return leaf("is_set", field);
}

QJsonObject combine(const char *op, const QJsonArray &conditions)
{
    return {{QLatin1String(op), conditions}};
}

QJsonObject makeField(const QString &id, const char *type, const QJsonObject &condition = {})
{
    QJsonObject field{{QStringLiteral("id"), id},
                      {QStringLiteral("type"), QLatin1String(type)},
                      {QStringLiteral("label"), texts(id)}};
    if (!condition.isEmpty())
        field.insert(QStringLiteral("condition"), condition);
    return field;
}

QJsonArray choices(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values)
        array.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("label"), texts(value)}});
    return array;
}

const QString KeyField = QStringLiteral("nom");
const QStringList TypedWords{QStringLiteral("dupont"), QStringLiteral("martin"),     QStringLiteral("lefebvre-moreau"),
                             QStringLiteral("durand"), QStringLiteral("nguyen van"), QStringLiteral("martin")};

// `fieldCount` fields (group children included) in 10 sections. Nearly every field depends on the text field "nom",
// the one typed in: is_set, equals, in, not_equals, inside any/all, alone or with a chain of yes/no switches (each
// shown when the previous one is yes), and a repeated group whose children read "nom" and their own item. Sections
// and required documents have conditions too, one of them quantified over the group.
DemarchePtr syntheticDemarche(int fieldCount)
{
    const int groupChildren = 10;
    const int generic = fieldCount - 3 - groupChildren; // "nom", "situation", the group
    const QJsonValue names = QJsonArray::fromStringList(TypedWords.mid(0, 4));
    QVector<QJsonArray> sectionFields(10);
    sectionFields[0].append(makeField(KeyField, "text"));
    QJsonObject situation = makeField(QStringLiteral("situation"), "single_choice");
    situation.insert(QStringLiteral("choices"),
                     choices({QStringLiteral("seul"), QStringLiteral("couple"), QStringLiteral("famille")}));
    sectionFields[0].append(situation);

    QString lastSwitch;
    for (int i = 0; i < generic; ++i) {
        const QString id = QStringLiteral("q%1").arg(i, 3, 10, QLatin1Char('0'));
        const QJsonObject afterSwitch =
            lastSwitch.isEmpty() ? isSet(KeyField) : leaf("equals", lastSwitch, QJsonValue(true));
        QJsonObject condition;
        const char *type = "text";
        switch (i % 4) {
        case 0: // the chain: shown when "nom" is given and the previous switch is yes
            type = "yes_no";
            condition = combine("all", {isSet(KeyField), afterSwitch});
            break;
        case 1:
            type = i % 3 == 0 ? "integer" : "text";
            condition = (i / 4) % 2 ? isSet(KeyField) : leaf("not_equals", KeyField, TypedWords.at(0));
            break;
        case 2:
            condition = i % 3 ? leaf("in", KeyField, names)
                              : combine("any", {leaf("equals", KeyField, TypedWords.at(1)),
                                                leaf("equals", QStringLiteral("situation"), QStringLiteral("couple"))});
            break;
        default:
            type = (i / 4) % 2 ? "date" : "text";
            condition = combine("all", {afterSwitch, combine("any", {leaf("not_equals", KeyField, TypedWords.at(3)),
                                                                     isSet(QStringLiteral("situation"))})});
            break;
        }
        QJsonObject field = makeField(id, type, condition);
        field.insert(QStringLiteral("required"), i % 2 == 0);
        if (i % 4 == 0)
            lastSwitch = id;
        sectionFields[i * 10 / generic].append(field);
    }

    const QString link = QStringLiteral("p_lien");
    QJsonObject linkField = makeField(link, "single_choice");
    linkField.insert(QStringLiteral("choices"),
                     choices({QStringLiteral("enfant"), QStringLiteral("conjoint"), QStringLiteral("autre")}));
    linkField.insert(QStringLiteral("required"), true);
    const QJsonArray children{
        linkField,
        makeField(QStringLiteral("p_prenom"), "text", isSet(KeyField)),
        makeField(QStringLiteral("p_nom"), "text",
                  combine("any", {leaf("equals", link, QStringLiteral("conjoint")),
                                  leaf("not_equals", KeyField, TypedWords.at(0))})),
        makeField(QStringLiteral("p_naissance"), "date"),
        makeField(QStringLiteral("p_revenu"), "money", leaf("not_equals", link, QStringLiteral("enfant"))),
        makeField(QStringLiteral("p_scolarise"), "yes_no",
                  combine("all", {leaf("equals", link, QStringLiteral("enfant")), isSet(KeyField)})),
        makeField(QStringLiteral("p_etablissement"), "text",
                  combine("all", {leaf("equals", QStringLiteral("p_scolarise"), QJsonValue(true)), isSet(KeyField)})),
        makeField(QStringLiteral("p_activite"), "text",
                  combine("all", {leaf("equals", link, QStringLiteral("conjoint")), leaf("in", KeyField, names)})),
        makeField(QStringLiteral("p_employeur"), "text",
                  combine("all", {isSet(QStringLiteral("p_activite")), isSet(KeyField)})),
        makeField(QStringLiteral("p_remarque"), "multiline", isSet(KeyField)),
    };
    QJsonObject group = makeField(QStringLiteral("personnes"), "repeated_group", isSet(KeyField));
    group.insert(QStringLiteral("fields"), children);
    sectionFields[5].append(group);

    QJsonArray sections;
    for (int s = 0; s < sectionFields.size(); ++s) {
        QJsonObject section{{QStringLiteral("id"), QStringLiteral("s%1").arg(s)},
                            {QStringLiteral("title"), texts(QStringLiteral("Section %1").arg(s))},
                            {QStringLiteral("fields"), sectionFields.at(s)}};
        if (s == 6)
            section.insert(QStringLiteral("condition"), leaf("equals", link, QStringLiteral("conjoint")));
        else if (s % 2)
            section.insert(QStringLiteral("condition"), isSet(KeyField));
        else if (s > 0)
            section.insert(QStringLiteral("condition"), leaf("not_equals", KeyField, TypedWords.at(s % 4)));
        sections.append(section);
    }
    const QJsonArray documents{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("justificatif")},
                    {QStringLiteral("label"), texts(QStringLiteral("Justificatif"))},
                    {QStringLiteral("condition"), isSet(KeyField)}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("certificat")},
                    {QStringLiteral("label"), texts(QStringLiteral("Certificat"))},
                    {QStringLiteral("condition"),
                     combine("all", {leaf("equals", link, QStringLiteral("enfant")), leaf("in", KeyField, names)})}}};
    const QJsonObject demarche{{QStringLiteral("id"), QStringLiteral("synthetic")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("operator"), QStringLiteral("caf")},
                               {QStringLiteral("title"), texts(QStringLiteral("Synthetic"))},
                               {QStringLiteral("summary"), texts(QStringLiteral("Synthetic"))},
                               {QStringLiteral("retention_days"), 30},
                               {QStringLiteral("required_documents"), documents},
                               {QStringLiteral("sections"), sections}};
    const QJsonObject document{{QStringLiteral("format"), QLatin1String(Catalogue::Format)},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("published"), QStringLiteral("2026-01-01")},
                               {QStringLiteral("demarches"), QJsonArray{demarche}}};
    const Catalogue catalogue = Catalogue::parse(QJsonDocument(document).toJson(), QStringLiteral("synthetic.json"));
    if (!catalogue.errors().isEmpty() || catalogue.demarches().size() != 1) {
        log() << "forms bench: the synthetic démarche was refused" << Qt::endl;
        logCatalogueErrors(catalogue);
        return nullptr;
    }
    return catalogue.demarches().constFirst();
}

// The p95 time of one keystroke in "nom": FormEngine::setValue (validation, then every condition that depends on
// the answer re-evaluated, in dependency order) and takeChanges(), as FormWizard does after each edit. Words are
// typed letter by letter then erased with Backspace, so "nom" keeps going from empty to set and back, and through
// values the conditions compare with: a few keystrokes re-evaluate most of the form, most only their direct readers.
std::optional<double> keystrokeEvalMs(int keystrokes)
{
    const int fieldCount = 200;
    const DemarchePtr demarche = syntheticDemarche(fieldCount);
    if (!demarche)
        return std::nullopt;
    if (demarche->fields.size() != fieldCount) {
        log() << "forms bench: the synthetic démarche has " << demarche->fields.size() << " fields" << Qt::endl;
        return std::nullopt;
    }
    FormEngine engine(demarche, relais::SystemClock::instance());
    // Every switch yes (the chain is as long as it gets), and six people in the group.
    engine.setValue(QStringLiteral("situation"), QStringLiteral("seul"));
    for (const catalogue::FieldDefinition &field : demarche->fields) {
        if (field.type == catalogue::FieldType::YesNo && !field.isGroupChild())
            engine.setValue(field.id, true);
    }
    const QStringList links{QStringLiteral("enfant"), QStringLiteral("conjoint"), QStringLiteral("autre")};
    for (int i = 0; i < 6; ++i) {
        const int item = engine.addItem(QStringLiteral("personnes"));
        const QString prefix = QStringLiteral("personnes[%1].").arg(item);
        engine.setValue(prefix + QStringLiteral("p_lien"), links.at(i % 3));
        engine.setValue(prefix + QStringLiteral("p_scolarise"), true);
        engine.setValue(prefix + QStringLiteral("p_activite"), QStringLiteral("salarié"));
    }
    (void)engine.takeChanges();

    QVector<double> samples;
    samples.reserve(keystrokes);
    int word = 0;
    int length = 0;
    bool erasing = false;
    int changed = 0;
    int mostEvaluations = 0;
    for (int k = 0; k < keystrokes; ++k) {
        const QString &target = TypedWords.at(word);
        length += erasing ? -1 : 1;
        const QString typed = target.left(length);
        QElapsedTimer timer;
        timer.start();
        engine.setValue(KeyField, typed);
        const catalogue::VisibilityChanges changes = engine.takeChanges();
        samples.append(elapsedMs(timer));
        changed += changes.isEmpty() ? 0 : 1;
        mostEvaluations = std::max(mostEvaluations, engine.lastEvaluationCount());
        if (!erasing && length == target.size())
            erasing = true;
        else if (erasing && length == 0) {
            erasing = false;
            word = (word + 1) % static_cast<int>(TypedWords.size());
        }
    }
    const auto slowest = std::max_element(samples.cbegin(), samples.cend());
    log() << "forms bench: synthetic démarche of " << fieldCount << " fields, " << keystrokes << " keystrokes, "
          << changed << " changed what is shown, up to " << mostEvaluations << " nodes re-evaluated; median "
          << QString::number(median(samples), 'f', 4) << " ms, max " << QString::number(*slowest, 'f', 4)
          << " ms (keystroke " << (slowest - samples.cbegin()) + 1 << ")" << Qt::endl;
    if (changed == 0) {
        log() << "forms bench: no keystroke changed what is shown: the synthetic démarche is wrong" << Qt::endl;
        return std::nullopt;
    }
    return percentile(samples, 95);
}

int runForms(const QStringList &options)
{
    QHash<QString, int> values{
        {QStringLiteral("loads"), 20}, {QStringLiteral("renders"), 7}, {QStringLiteral("keystrokes"), 2000}};
    if (!parseIntOptions(options, values.keys(), values)) {
        log() << "usage: relais-bench forms [--loads N] [--renders N] [--keystrokes N]" << Qt::endl;
        return 2;
    }
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        log() << "forms bench: needs a QApplication" << Qt::endl;
        return 1;
    }
    // As the kiosk starts: French, the standard theme.
    installTranslations(QStringLiteral("fr"));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);

    Catalogue catalogue;
    const auto loadMs = catalogueLoadMs(values.value(QStringLiteral("loads")), catalogue);
    if (!loadMs)
        return 1;
    const DemarchePtr largest = largestDemarche(catalogue);
    log() << "forms bench: " << catalogue.demarches().size() << " démarches; the largest is " << largest->id << " ("
          << largest->fields.size() << " fields, " << largest->sections.size() << " sections)" << Qt::endl;
    // The engine alone first: the threads and memory the widgets leave behind would only add noise to it.
    const auto keystrokeMs = keystrokeEvalMs(values.value(QStringLiteral("keystrokes")));
    if (!keystrokeMs)
        return 1;
    const auto formMs = largestFormMs(largest, values.value(QStringLiteral("renders")));
    if (!formMs)
        return 1;

    printFigure("catalogue_load_ms", *loadMs);
    printFigure("largest_form_ms", *formMs);
    printFigure("keystroke_eval_ms", *keystrokeMs);
    return 0;
}

const SuiteRegistration
    registration("forms", "bundled catalogue load, largest form shown, conditions re-evaluated per keystroke", runForms,
                 SuiteNeeds::Widgets);

} // namespace
} // namespace relais::bench
