// The bundled catalogue as the kiosk ships it: every démarche loads, the compiled-in copy matches the source folder,
// and a scripted filling of each démarche (tests/data/fills/<démarche id>.json) reaches the queue of a real
// encrypted store.
//
// Fill script: {"demarche": "<id>", "steps": [step, …]}, steps applied in order to a FormEngine:
//   {"set": "<path>", "value": <json>}  FormEngine::setValue(path, value) (docs/catalogue.md lists the values)
//   {"add": "<group id>"}               FormEngine::addItem(group)
//   {"attach": "<path>", "kind": "pdf"|"jpeg"|"png", "filename": "…"}
//                                       a small file of that kind, stored with AttachmentStore, set as the answer
// Paths are "field" or "group[i].field". Scripts are read as if filled in on FillDay (below), so relative date
// bounds ("today", "-2y") never drift. Synthetic people only: invented names, valid-checksum but invented numbers.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "catalogue/Catalogue.h"
#include "catalogue/FormEngine.h"
#include "domain/AttachmentStore.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace relais;
using namespace relais::catalogue;
using namespace relais::test;

namespace {

// The day the fill scripts are "filled in" (noon UTC: the same date in every time zone).
const QDateTime FillDay(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

QString sourceDir()
{
    return qEnvironmentVariable("RELAIS_SOURCE_DIR", QStringLiteral(RELAIS_SOURCE_DIR));
}

QString sourceCatalogueFolder()
{
    return sourceDir() + QStringLiteral("/resources/catalogue/demarches");
}

QString fillsFolder()
{
    return sourceDir() + QStringLiteral("/tests/data/fills");
}

const Catalogue &bundled()
{
    static const Catalogue catalogue = Catalogue::load(Catalogue::bundledPath());
    return catalogue;
}

// A small but well-formed file of the given kind; empty for an unknown kind.
QByteArray sampleFile(const QString &kind)
{
    if (kind == QLatin1String("pdf")) {
        return QByteArrayLiteral("%PDF-1.4\n"
                                 "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                 "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                                 "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }
    const char *format = kind == QLatin1String("jpeg") ? "JPEG" : kind == QLatin1String("png") ? "PNG" : nullptr;
    if (!format)
        return {};
    QImage image(120, 80, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 10; y < 30; ++y) {
        for (int x = 10; x < 110; ++x)
            image.setPixelColor(x, y, QColor(20, 40, 120)); // a "title" bar on a white page
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return image.save(&buffer, format) ? bytes : QByteArray();
}

// "group[2].field" -> "field"
QString fieldIdOf(const QString &path)
{
    return path.section(QLatin1Char('.'), -1);
}

// Paths and messages only: answers are never printed, even synthetic ones.
QString describe(const QVector<FieldError> &errors)
{
    QString out;
    for (const FieldError &error : errors)
        out += QStringLiteral("\n    %1: %2").arg(error.path, error.message);
    return out;
}

QStringList jsonFilesOf(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

} // namespace

class TestBundledCatalogue : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock{FillDay};
    std::unique_ptr<Vault> m_vault;
    Account m_admin;

    void openStore();
    void fillAndQueue(const DemarchePtr &demarche, const QJsonArray &steps, qint64 &submissionId, QJsonObject &answers,
                      int &attached);
    QSqlDatabase db() const { return m_vault->database()->connection(); }

private Q_SLOTS:
    void init() { openStore(); }
    void cleanup() { m_vault.reset(); }
    void everyDemarcheLoads();
    void resourceMatchesSourceFolder();
    void everyFillScriptNamesABundledDemarche();
    void scriptedFillingReachesTheQueue_data();
    void scriptedFillingReachesTheQueue();
};

void TestBundledCatalogue::openStore()
{
    m_vault = std::make_unique<Vault>(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS")));
    m_admin = m_vault->account(QStringLiteral("alice")).value();
}

void TestBundledCatalogue::everyDemarcheLoads()
{
    const Catalogue &catalogue = bundled();
    for (const CatalogueError &error : catalogue.errors())
        qWarning("%s", qPrintable(error.toString()));
    QVERIFY(catalogue.isReadable());
    QVERIFY(catalogue.errors().isEmpty());
    QVERIFY2(
        catalogue.demarches().size() >= 12,
        qPrintable(QStringLiteral("%1 démarches bundled, 12 expected at least").arg(catalogue.demarches().size())));
    QSet<QString> operators;
    for (const DemarchePtr &demarche : catalogue.demarches()) {
        const QByteArray idBytes = demarche->id.toUtf8();
        const char *id = idBytes.constData();
        operators.insert(demarche->operatorId);
        QVERIFY2(!demarche->servicePublicFiche.isEmpty(), id);
        QVERIFY2(!demarche->title.fr.isEmpty() && !demarche->title.en.isEmpty(), id);
        QVERIFY2(!demarche->summary.fr.isEmpty() && !demarche->summary.en.isEmpty(), id);
        QVERIFY2(demarche->retentionDays > 0, id);
        QVERIFY2(demarche->version >= 1, id);
    }
    QStringList missing;
    for (const QString &op : knownOperators()) {
        if (!operators.contains(op))
            missing << op;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("No démarche for: ") + missing.join(QLatin1String(", "))));
}

// The catalogue compiled into relais-core is the one in the source tree: a file added, removed or edited without
// rebuilding shows up here.
void TestBundledCatalogue::resourceMatchesSourceFolder()
{
    const QStringList compiled = QDir(Catalogue::bundledPath()).entryList(QDir::Files, QDir::Name);
    const QStringList onDisk = jsonFilesOf(sourceCatalogueFolder());
    QVERIFY(!onDisk.isEmpty());
    QStringList onlyCompiled;
    QStringList onlyOnDisk;
    for (const QString &name : compiled) {
        if (!onDisk.contains(name))
            onlyCompiled << name;
    }
    for (const QString &name : onDisk) {
        if (!compiled.contains(name))
            onlyOnDisk << name;
    }
    QVERIFY2(onlyCompiled.isEmpty() && onlyOnDisk.isEmpty(),
             qPrintable(QStringLiteral("Rebuild relais-core: only in the resource: [%1]; only on disk: [%2]")
                            .arg(onlyCompiled.join(QLatin1String(", ")), onlyOnDisk.join(QLatin1String(", ")))));
    for (const QString &name : onDisk) {
        QFile source(sourceCatalogueFolder() + QLatin1Char('/') + name);
        QFile resource(Catalogue::bundledPath() + QLatin1Char('/') + name);
        QVERIFY(source.open(QIODevice::ReadOnly) && resource.open(QIODevice::ReadOnly));
        QVERIFY2(source.readAll() == resource.readAll(),
                 qPrintable(QStringLiteral("Rebuild relais-core: %1 changed since it was compiled in").arg(name)));
    }
}

// A script whose démarche is gone (or misspelt) would silently stop being run.
void TestBundledCatalogue::everyFillScriptNamesABundledDemarche()
{
    for (const QString &name : jsonFilesOf(fillsFolder())) {
        const QString id = name.chopped(5);
        QVERIFY2(bundled().demarche(id), qPrintable(QStringLiteral("%1: no bundled démarche has this id").arg(name)));
    }
}

// Applies the steps to a new draft and queues it; the repository and the attachment store are gone on return, so
// the store can be closed.
void TestBundledCatalogue::fillAndQueue(const DemarchePtr &demarche, const QJsonArray &steps, qint64 &submissionId,
                                        QJsonObject &answers, int &attached)
{
    SubmissionRepository repo(db(), &m_vault->journal(), &m_clock);
    auto draft = repo.createDraft(m_admin, demarche->id, demarche->version);
    QVERIFY2(draft, qPrintable(draft.message()));
    FormEngine engine(demarche, &m_clock);
    // Otherwise the completeness checked below would prove nothing.
    QVERIFY2(!engine.isComplete(), "An empty form must not be complete");

    AttachmentStore attachments(db(), &m_clock);
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        const QString where = QStringLiteral("%1.json, step %2").arg(demarche->id).arg(i + 1);
        QString path;
        if (step.contains(QLatin1String("set"))) {
            path = step.value(QLatin1String("set")).toString();
            QVERIFY2(step.contains(QLatin1String("value")), qPrintable(where + QStringLiteral(": no \"value\"")));
            QVERIFY2(engine.setValue(path, step.value(QLatin1String("value")).toVariant()),
                     qPrintable(where + QStringLiteral(": no field holds a value at ") + path));
        } else if (step.contains(QLatin1String("add"))) {
            const QString group = step.value(QLatin1String("add")).toString();
            QVERIFY2(engine.addItem(group) >= 0,
                     qPrintable(where + QStringLiteral(": cannot add an item to ") + group));
        } else if (step.contains(QLatin1String("attach"))) {
            path = step.value(QLatin1String("attach")).toString();
            const int index = demarche->fieldIndex(fieldIdOf(path));
            QVERIFY2(index >= 0 && demarche->fields.at(index).type == FieldType::Attachment,
                     qPrintable(where + QStringLiteral(": no attachment field at ") + path));
            const FieldDefinition &field = demarche->fields.at(index);
            QByteArray bytes = sampleFile(step.value(QLatin1String("kind")).toString());
            QVERIFY2(!bytes.isEmpty(), qPrintable(where + QStringLiteral(": \"kind\" must be pdf, jpeg or png")));
            QBuffer source(&bytes);
            QVERIFY(source.open(QIODevice::ReadOnly));
            const auto info =
                attachments.add(m_admin, draft->id, path, step.value(QLatin1String("filename")).toString(), &source,
                                field.maxBytes, field.accept);
            QVERIFY2(info, qPrintable(where + QStringLiteral(": ") + info.message()));
            QVERIFY2(engine.setValue(path, info->fieldValue()), qPrintable(where));
            ++attached;
        } else {
            QFAIL(qPrintable(where + QStringLiteral(": a step is {\"set\"…}, {\"add\"…} or {\"attach\"…}")));
        }
        // A refused value is reported where it was typed, not at the end.
        if (!path.isEmpty()) {
            const QString problem = engine.errorFor(path);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1: %2: %3").arg(where, path, problem)));
        }
    }

    const QVector<FieldError> errors = engine.errors();
    QVERIFY2(errors.isEmpty(), qPrintable(demarche->id + QStringLiteral(" is not complete:") + describe(errors)));

    // Completeness really depends on the answers: emptying any visible required answer breaks it.
    int requiredChecked = 0;
    for (const FieldDefinition &field : demarche->fields) {
        if (!field.required || !field.holdsValue())
            continue;
        QStringList paths;
        if (field.isGroupChild()) {
            const QString group = demarche->fields.at(field.group).id;
            for (int item = 0; item < engine.itemCount(group); ++item)
                paths << QStringLiteral("%1[%2].%3").arg(group).arg(item).arg(field.id);
        } else {
            paths << field.id;
        }
        for (const QString &path : std::as_const(paths)) {
            if (!engine.isVisible(path))
                continue;
            const QVariant answer = engine.value(path);
            QVERIFY(engine.setValue(path, QVariant()));
            QVERIFY2(!engine.isComplete() && !engine.errorFor(path).isEmpty(),
                     qPrintable(demarche->id + QStringLiteral(": complete without ") + path));
            QVERIFY(engine.setValue(path, answer));
            ++requiredChecked;
        }
    }
    QVERIFY2(engine.isComplete(),
             qPrintable(demarche->id + QStringLiteral(": restoring answers") + describe(engine.errors())));
    QVERIFY(requiredChecked > 0);

    QString lastSection;
    for (const Section &section : demarche->sections) {
        if (engine.isSectionVisible(section.id))
            lastSection = section.id;
    }
    const Status saved = repo.saveDraft(m_admin, draft->id, engine.draft(), lastSection);
    QVERIFY2(saved, qPrintable(saved.message()));
    answers = engine.answers();
    const Status queued = repo.queue(m_admin, draft->id, answers);
    QVERIFY2(queued, qPrintable(queued.message()));
    submissionId = draft->id;
    int shown = 0;
    for (const Section &section : demarche->sections)
        shown += engine.isSectionVisible(section.id) ? 1 : 0;
    qInfo("%s: %d steps, %d of %d sections shown, %d answers, %d files", qPrintable(demarche->id), int(steps.size()),
          shown, int(demarche->sections.size()), int(answers.size()), attached);
}

void TestBundledCatalogue::scriptedFillingReachesTheQueue_data()
{
    QTest::addColumn<QString>("demarcheId");
    for (const DemarchePtr &demarche : bundled().demarches())
        QTest::newRow(qPrintable(demarche->id)) << demarche->id;
}

void TestBundledCatalogue::scriptedFillingReachesTheQueue()
{
    QFETCH(QString, demarcheId);
    const DemarchePtr demarche = bundled().demarche(demarcheId);
    QVERIFY(demarche);

    QFile scriptFile(fillsFolder() + QLatin1Char('/') + demarcheId + QStringLiteral(".json"));
    QVERIFY2(
        scriptFile.exists(),
        qPrintable(QStringLiteral("Démarche %1 has no fill script: write tests/data/fills/%1.json").arg(demarcheId)));
    QVERIFY(scriptFile.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(scriptFile.readAll(), &parseError);
    QVERIFY2(document.isObject(), qPrintable(QStringLiteral("%1.json: %2").arg(demarcheId, parseError.errorString())));
    const QJsonObject script = document.object();
    QCOMPARE(script.value(QLatin1String("demarche")).toString(), demarcheId);
    const QJsonArray steps = script.value(QLatin1String("steps")).toArray();
    QVERIFY(!steps.isEmpty());

    qint64 submissionId = 0;
    QJsonObject answers;
    int attached = 0;
    fillAndQueue(demarche, steps, submissionId, answers, attached);
    if (QTest::currentTestFailed())
        return;

    // After closing and reopening the store.
    m_vault.reset();
    openStore();
    SubmissionRepository reopened(db(), &m_vault->journal(), &m_clock);
    const auto loaded = reopened.load(m_admin, submissionId);
    QVERIFY2(loaded, qPrintable(loaded.message()));
    QCOMPARE(loaded->state, relais::SubmissionState::Queued);
    QCOMPARE(loaded->demarcheId, demarcheId);
    QCOMPARE(loaded->demarcheVersion, demarche->version);
    QStringList differing;
    for (const QString &key : answers.keys() + loaded->answers.keys()) {
        if (answers.value(key) != loaded->answers.value(key) && !differing.contains(key))
            differing << key;
    }
    QVERIFY2(differing.isEmpty(),
             qPrintable(QStringLiteral("Stored answers differ at: ") + differing.join(QLatin1String(", "))));
    const auto stored = AttachmentStore(db(), &m_clock).list(m_admin, submissionId);
    QVERIFY(stored);
    QCOMPARE(int(stored->size()), attached);
}

QTEST_GUILESS_MAIN(TestBundledCatalogue)

#include "TestBundledCatalogue.moc"
