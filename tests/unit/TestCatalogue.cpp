#include "TempStoreDir.h"
#include "catalogue/Catalogue.h"
#include "catalogue/FormEngine.h"
#include "common/Clock.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace relais::catalogue;

namespace {

QString bundledFolder()
{
    return QStringLiteral(RELAIS_SOURCE_DIR) + QStringLiteral("/resources/catalogue/demarches");
}

const QByteArray Good = R"({"id":"good","version":2,"operator":"caf","title":{"fr":"Bon","en":"Good"},
    "summary":{"fr":"S","en":"S"},"retention_days":30,"sections":[{"id":"main","title":{"fr":"M","en":"M"},
    "fields":[{"id":"name","type":"text","label":{"fr":"Nom","en":"Name"},"required":true}]}]})";

QByteArray document(const QByteArray &demarches)
{
    return R"({"format":"relais-catalogue","version":7,"published":"2025-03-01","demarches":[)" + demarches + "]}";
}

// A démarche "bad" whose sections are `sections`.
QByteArray bad(const QByteArray &sections)
{
    return R"({"id":"bad","version":1,"operator":"cpam","title":{"fr":"B","en":"B"},"summary":{"fr":"S","en":"S"},
        "retention_days":30,"sections":)" +
           sections + "}";
}

QByteArray oneSection(const QByteArray &fields)
{
    return R"([{"id":"sec","title":{"fr":"S","en":"S"},"fields":[)" + fields + "]}]";
}

const QByteArray YesNo = R"({"id":"flag","type":"yes_no","label":{"fr":"a","en":"a"}})";

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledDemarchesLoad();
    void errorKinds_data();
    void errorKinds();
    void duplicateDemarcheIdKeepsTheFirst();
    void fileLevelErrors_data();
    void fileLevelErrors();
    void storeKeepsPreviousCatalogueWhenNewOneIsInvalid();
    void storeKeepsPreviousVersionOfARefusedDemarche();
    void folderMergesFilesAndRefusesDuplicates();
    void errorMessagesAreTranslatable();
};

void TestCatalogue::bundledDemarchesLoad()
{
    const Catalogue catalogue = Catalogue::load(bundledFolder());
    for (const CatalogueError &error : catalogue.errors())
        qWarning("%s", qPrintable(error.toString()));
    QVERIFY(catalogue.errors().isEmpty());
    QVERIFY(catalogue.isReadable());
    QCOMPARE(catalogue.demarches().size(), QDir(bundledFolder()).entryList({QStringLiteral("*.json")}).size());
    for (const char *id : {"caf-changement-adresse", "cpam-c2s", "justice-aide-juridictionnelle"}) {
        const DemarchePtr demarche = catalogue.demarche(QLatin1String(id));
        QVERIFY2(demarche, id);
        QVERIFY(!demarche->title.fr.isEmpty() && !demarche->title.en.isEmpty());
        QVERIFY(demarche->retentionDays > 0);
        FormEngine engine(demarche, relais::SystemClock::instance());
        QVERIFY(!engine.isComplete()); // every bundled démarche asks something
        QCOMPARE(engine.demarche().order.size(), demarche->fields.size() + demarche->sections.size());
    }
    QCOMPARE(catalogue.demarche(QStringLiteral("cpam-c2s"))->servicePublicFiche, QStringLiteral("F10027"));
    // Every bundled démarche names the mandate area a mediator needs to do it on the person's behalf.
    for (const DemarchePtr &demarche : catalogue.demarches())
        QVERIFY2(!demarche->mandateScope.isEmpty(), qPrintable(demarche->id));
    QCOMPARE(catalogue.demarche(QStringLiteral("caf-changement-adresse"))->mandateScope, QStringLiteral("housing"));
    QCOMPARE(catalogue.demarche(QStringLiteral("ants-carte-grise-changement-adresse"))->mandateScope,
             QStringLiteral("transport"));
    QVERIFY(Catalogue::parse(document(Good), QStringLiteral("g.json"))
                .demarche(QStringLiteral("good"))
                ->mandateScope.isEmpty()); // optional
    // The CAF change of address takes the NIR and the phone from the file, and gives the new address back to it.
    const DemarchePtr caf = catalogue.demarche(QStringLiteral("caf-changement-adresse"));
    QCOMPARE(caf->fields.at(caf->fieldIndex(QStringLiteral("nir_allocataire"))).prefill, QStringLiteral("citizen.nir"));
    QCOMPARE(caf->fields.at(caf->fieldIndex(QStringLiteral("telephone"))).prefill, QStringLiteral("citizen.phone"));
    const FieldDefinition &address = caf->fields.at(caf->fieldIndex(QStringLiteral("adresse")));
    QVERIFY(address.prefill.isEmpty()); // the new home is not the one in the file
    QCOMPARE(address.updates, QStringLiteral("citizen.address"));
}

void TestCatalogue::errorKinds_data()
{
    QTest::addColumn<QByteArray>("demarche");
    QTest::addColumn<QString>("demarcheId");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    QTest::newRow("unknown prefill source")
        << bad(oneSection(R"({"id":"x","type":"text","label":{"fr":"a","en":"a"},"prefill":"citizen.iban"})")) << "bad"
        << "sec/x"
        << R"("prefill" must be one of: citizen.birth_name)";
    QTest::newRow("prefill into a field that cannot hold it")
        << bad(oneSection(R"({"id":"x","type":"date","label":{"fr":"a","en":"a"},"prefill":"citizen.nir"})")) << "bad"
        << "sec/x"
        << R"(A field of type "date" cannot take "citizen.nir" from the file)";
    QTest::newRow("file update of an entry the file does not take back")
        << bad(oneSection(R"({"id":"x","type":"nir","label":{"fr":"a","en":"a"},"updates":"citizen.nir"})")) << "bad"
        << "sec/x"
        << R"("updates" must be one of: citizen.phone, citizen.email, citizen.address)";
    QTest::newRow("prefill inside a repeated group")
        << bad(oneSection(R"({"id":"g","type":"repeated_group","label":{"fr":"a","en":"a"},
                              "fields":[{"id":"p","type":"phone_fr","label":{"fr":"a","en":"a"},
                                         "prefill":"citizen.phone"}]})"))
        << "bad"
        << "sec/g/p"
        << "are for fields outside repeated groups";
    QTest::newRow("prefill on an attachment")
        << bad(oneSection(R"({"id":"x","type":"attachment","label":{"fr":"a","en":"a"},"prefill":"citizen.nir"})"))
        << "bad"
        << "sec/x"
        << R"(Unknown property "prefill")";
    QTest::newRow("unknown type") << bad(oneSection(R"({"id":"x","type":"colour","label":{"fr":"a","en":"a"}})"))
                                  << "bad"
                                  << "sec/x"
                                  << R"(Unknown field type "colour")";
    QTest::newRow("missing type") << bad(oneSection(R"({"id":"x","label":{"fr":"a","en":"a"}})")) << "bad"
                                  << "sec/x"
                                  << "no \"type\"";
    QTest::newRow("duplicate field id") << bad(oneSection(YesNo + "," + YesNo)) << "bad"
                                        << "sec/flag"
                                        << "Another field of this démarche has this id";
    QTest::newRow("duplicate id inside a group")
        << bad(oneSection(YesNo + R"(,{"id":"g","type":"repeated_group","label":{"fr":"a","en":"a"},
                                     "fields":[{"id":"flag","type":"text","label":{"fr":"a","en":"a"}}]})"))
        << "bad"
        << "sec/g/flag"
        << "Another field of this démarche has this id";
    QTest::newRow("unknown field in condition")
        << bad(oneSection(R"({"id":"x","type":"text","label":{"fr":"a","en":"a"},
                              "condition":{"equals":{"field":"ghost","value":"1"}}})"))
        << "bad"
        << "sec/x"
        << R"(reads field "ghost", which this démarche does not have)";
    QTest::newRow("condition reads itself")
        << bad(oneSection(
               R"({"id":"x","type":"text","label":{"fr":"a","en":"a"},"condition":{"is_set":{"field":"x"}}})"))
        << "bad"
        << "sec/x"
        << "cannot read the field itself";
    QTest::newRow("cycle between two fields")
        << bad(oneSection(R"({"id":"a","type":"text","label":{"fr":"a","en":"a"},"condition":{"is_set":{"field":"b"}}},
                             {"id":"b","type":"text","label":{"fr":"a","en":"a"},"condition":{"is_set":{"field":"a"}}})"))
        << "bad"
        << "sec/a"
        << "go round in a circle: a → b → a";
    QTest::newRow("section reads its own field")
        << bad(R"([{"id":"sec","title":{"fr":"S","en":"S"},"condition":{"is_set":{"field":"inner"}},
                    "fields":[{"id":"inner","type":"text","label":{"fr":"a","en":"a"}}]}])")
        << "bad"
        << "sec/inner"
        << "go round in a circle: inner → sec → inner";
    QTest::newRow("choices missing") << bad(oneSection(
                                            R"({"id":"c","type":"single_choice","label":{"fr":"a","en":"a"}})"))
                                     << "bad"
                                     << "sec/c"
                                     << "needs a \"choices\" list with at least 2 choices";
    QTest::newRow("duplicate choice") << bad(oneSection(
                                             R"({"id":"c","type":"single_choice","label":{"fr":"a","en":"a"},"choices":[
               {"value":"v","label":{"fr":"a","en":"a"}},{"value":"v","label":{"fr":"b","en":"b"}}]})"))
                                      << "bad"
                                      << "sec/c"
                                      << "Two choices have the value \"v\"";
    QTest::newRow("condition with two operators")
        << bad(oneSection(YesNo + R"(,{"id":"x","type":"text","label":{"fr":"a","en":"a"},
               "condition":{"is_set":{"field":"flag"},"equals":{"field":"flag","value":true}}})"))
        << "bad"
        << "sec/x"
        << "exactly one of";
    QTest::newRow("unknown operator") << bad(oneSection(YesNo + R"(,{"id":"x","type":"text","label":{"fr":"a","en":"a"},
               "condition":{"matches":{"field":"flag","value":true}}})"))
                                      << "bad"
                                      << "sec/x"
                                      << "exactly one of";
    QTest::newRow("empty all")
        << bad(oneSection(YesNo + R"(,{"id":"x","type":"text","label":{"fr":"a","en":"a"},"condition":{"all":[]}})"))
        << "bad"
        << "sec/x"
        << "\"all\" needs a non-empty list";
    QTest::newRow("yes/no compared with text")
        << bad(oneSection(YesNo + R"(,{"id":"x","type":"text","label":{"fr":"a","en":"a"},
               "condition":{"equals":{"field":"flag","value":"oui"}}})"))
        << "bad"
        << "sec/x"
        << "compare it with true or false";
    QTest::newRow("value not among choices")
        << bad(oneSection(R"({"id":"c","type":"single_choice","label":{"fr":"a","en":"a"},"choices":[
               {"value":"v","label":{"fr":"a","en":"a"}},{"value":"w","label":{"fr":"b","en":"b"}}]},
               {"id":"x","type":"text","label":{"fr":"a","en":"a"},"condition":{"in":{"field":"c","values":["v","z"]}}})"))
        << "bad"
        << "sec/x"
        << R"("z" is not one of the choices of field "c")";
    QTest::newRow("lt on a text") << bad(oneSection(R"({"id":"t","type":"text","label":{"fr":"a","en":"a"}},
               {"id":"x","type":"text","label":{"fr":"a","en":"a"},"condition":{"lt":{"field":"t","value":3}}})"))
                                  << "bad"
                                  << "sec/x"
                                  << "compares numbers, dates or a number of items";
    QTest::newRow("is_set with a value") << bad(oneSection(YesNo +
                                                           R"(,{"id":"x","type":"text","label":{"fr":"a","en":"a"},
               "condition":{"is_set":{"field":"flag","value":true}}})"))
                                         << "bad"
                                         << "sec/x"
                                         << "needs exactly: field";
    QTest::newRow("two repeated groups in one condition")
        << bad(oneSection(R"({"id":"g1","type":"repeated_group","label":{"fr":"a","en":"a"},
                               "fields":[{"id":"a1","type":"text","label":{"fr":"a","en":"a"}}]},
                             {"id":"g2","type":"repeated_group","label":{"fr":"a","en":"a"},
                               "fields":[{"id":"a2","type":"text","label":{"fr":"a","en":"a"}}]},
                             {"id":"x","type":"text","label":{"fr":"a","en":"a"},
                               "condition":{"all":[{"is_set":{"field":"a1"}},{"is_set":{"field":"a2"}}]}})"))
        << "bad"
        << "sec/x"
        << "one repeated group only (here: g1, g2)";
    QTest::newRow("nested repeated group")
        << bad(oneSection(R"({"id":"g","type":"repeated_group","label":{"fr":"a","en":"a"},"fields":[
               {"id":"h","type":"repeated_group","label":{"fr":"a","en":"a"},
                "fields":[{"id":"t","type":"text","label":{"fr":"a","en":"a"}}]}]})"))
        << "bad"
        << "sec/g/h"
        << "cannot contain another repeated group";
    QTest::newRow("unknown property") << bad(oneSection(R"({"id":"x","type":"text","requierd":true,
                                                            "label":{"fr":"a","en":"a"}})"))
                                      << "bad"
                                      << "sec/x"
                                      << R"(Unknown property "requierd")";
    QTest::newRow("property of another type")
        << bad(oneSection(R"({"id":"x","type":"text","choices":[],"label":{"fr":"a","en":"a"}})")) << "bad"
        << "sec/x"
        << R"(Unknown property "choices")";
    QTest::newRow("label without English") << bad(oneSection(R"({"id":"x","type":"text","label":{"fr":"a"}})")) << "bad"
                                           << "sec/x"
                                           << "in French and in English";
    QTest::newRow("bad id") << bad(oneSection(R"({"id":"Birth Date","type":"text","label":{"fr":"a","en":"a"}})"))
                            << "bad"
                            << "sec/#1"
                            << "lower-case letters";
    QTest::newRow("min above max") << bad(oneSection(
                                          R"({"id":"n","type":"integer","min":5,"max":2,"label":{"fr":"a","en":"a"}})"))
                                   << "bad"
                                   << "sec/n"
                                   << "\"min\" is greater than \"max\"";
    QTest::newRow("bad relative date")
        << bad(oneSection(R"({"id":"d","type":"date","min":"-18 years","label":{"fr":"a","en":"a"}})")) << "bad"
        << "sec/d"
        << "offset from today";
    QTest::newRow("explanation required")
        << bad(oneSection(R"({"id":"e","type":"explanation","required":true,"label":{"fr":"a","en":"a"}})")) << "bad"
        << "sec/e"
        << "cannot be required";
    QTest::newRow("condition on a document")
        << QByteArray(R"({"id":"bad","version":1,"operator":"cpam","title":{"fr":"B","en":"B"},
            "summary":{"fr":"S","en":"S"},"retention_days":30,"sections":)" +
                      oneSection(YesNo) + R"(,"required_documents":[{"id":"doc","label":{"fr":"a","en":"a"},
            "condition":{"equals":{"field":"nope","value":true}}}]})")
        << "bad"
        << "documents/doc"
        << "which this démarche does not have";
    QTest::newRow("unknown operator name")
        << QByteArray(R"({"id":"bad","version":1,"operator":"urssaf","title":{"fr":"B","en":"B"},
            "summary":{"fr":"S","en":"S"},"retention_days":30,"sections":)" +
                      oneSection(YesNo) + "}")
        << "bad"
        << ""
        << "\"operator\" must be one of";
    QTest::newRow("unknown mandate scope")
        << QByteArray(R"({"id":"bad","version":1,"operator":"caf","title":{"fr":"B","en":"B"},
            "summary":{"fr":"S","en":"S"},"retention_days":30,"mandate_scope":"logement","sections":)" +
                      oneSection(YesNo) + "}")
        << "bad"
        << ""
        << "\"mandate_scope\" must be one of: social_health, work, family, housing";
    QTest::newRow("no version") << QByteArray(R"({"id":"bad","operator":"caf","title":{"fr":"B","en":"B"},
            "summary":{"fr":"S","en":"S"},"retention_days":30,"sections":)" +
                                              oneSection(YesNo) + "}")
                                << "bad"
                                << ""
                                << "\"version\" must be a whole number, 1 or more";
    QTest::newRow("no sections") << bad("[]") << "bad"
                                 << ""
                                 << "non-empty \"sections\" list";
    QTest::newRow("not an object") << QByteArray("42") << "#2"
                                   << ""
                                   << "must be a JSON object";
    QTest::newRow("bad démarche id") << QByteArray(R"({"id":"Mauvais Id","version":1})") << "#2"
                                     << ""
                                     << "lower-case letters and digits";
}

void TestCatalogue::errorKinds()
{
    QFETCH(QByteArray, demarche);
    QFETCH(QString, demarcheId);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const Catalogue catalogue = Catalogue::parse(document(Good + "," + demarche), QStringLiteral("update.json"));
    QVERIFY(catalogue.isReadable());
    // the good démarche still loads, the bad one alone is refused
    QCOMPARE(catalogue.demarches().size(), 1);
    QCOMPARE(catalogue.demarches().first()->id, QStringLiteral("good"));
    QVERIFY(!catalogue.errors().isEmpty());
    bool found = false;
    for (const CatalogueError &error : catalogue.errors()) {
        QCOMPARE(error.file, QStringLiteral("update.json"));
        QCOMPARE(error.demarche, demarcheId);
        if (error.field == field && error.reason.contains(reason))
            found = true;
    }
    if (!found) {
        for (const CatalogueError &error : catalogue.errors())
            qWarning("%s", qPrintable(error.toString()));
    }
    QVERIFY2(found, qPrintable(field + QStringLiteral(": ") + reason));
}

void TestCatalogue::duplicateDemarcheIdKeepsTheFirst()
{
    QByteArray second = Good;
    second.replace(R"("version":2)", R"("version":3)");
    const Catalogue catalogue = Catalogue::parse(document(Good + "," + second), QStringLiteral("c.json"));
    QCOMPARE(catalogue.demarches().size(), 1);
    QCOMPARE(catalogue.demarches().first()->version, 2);
    QCOMPARE(catalogue.errors().size(), 1);
    QCOMPARE(catalogue.errors().first().demarche, QStringLiteral("good"));
    QVERIFY(catalogue.errors().first().reason.contains(QStringLiteral("already has this id")));
}

void TestCatalogue::fileLevelErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"relais-catalogue\",\n  \"version\": 1,,\n}")
                              << "not valid JSON (line 2";
    QTest::newRow("array") << QByteArray("[]") << "must be a JSON object";
    QTest::newRow("wrong format") << QByteArray(R"({"format":"other","version":1})") << "\"format\" must be";
    QTest::newRow("bad version") << QByteArray(R"({"format":"relais-catalogue","version":"1","published":"2025-01-01",
                                                    "demarches":[]})")
                                 << "\"version\" must be a whole number";
    QTest::newRow("bad date") << QByteArray(R"({"format":"relais-catalogue","version":1,"published":"01/02/2025",
                                                 "demarches":[]})")
                              << "YYYY-MM-DD";
    QTest::newRow("no démarches") << QByteArray(R"({"format":"relais-catalogue","version":1,"published":"2025-01-01"})")
                                  << "no \"demarches\" list";
    QTest::newRow("unknown top-level key")
        << QByteArray(R"({"format":"relais-catalogue","version":1,"published":"2025-01-01","demarches":[],"x":1})")
        << "Unknown property \"x\"";
}

void TestCatalogue::fileLevelErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const Catalogue catalogue = Catalogue::parse(json, QStringLiteral("broken.json"));
    QVERIFY(!catalogue.isReadable());
    QVERIFY(catalogue.demarches().isEmpty());
    QCOMPARE(catalogue.errors().size(), 1);
    const CatalogueError &error = catalogue.errors().first();
    QCOMPARE(error.file, QStringLiteral("broken.json"));
    QVERIFY(error.demarche.isEmpty());
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
}

void TestCatalogue::storeKeepsPreviousCatalogueWhenNewOneIsInvalid()
{
    CatalogueStore store;
    QVERIFY(store.load(bundledFolder()));
    const qsizetype bundled = store.current().demarches().size();
    QVERIFY(bundled >= 12);
    QVERIFY(store.errors().isEmpty());

    QVERIFY(!store.loadDocument("not json", QStringLiteral("update.json")));
    QCOMPARE(store.current().demarches().size(), bundled);
    QCOMPARE(store.errors().size(), 1);
    QCOMPARE(store.errors().first().file, QStringLiteral("update.json"));

    // readable, but every démarche refused: still the previous catalogue
    QVERIFY(!store.loadDocument(document(bad("[]")), QStringLiteral("update.json")));
    QCOMPARE(store.current().demarches().size(), bundled);
    QVERIFY(store.errors().size() >= 2);

    // a valid update replaces it
    QVERIFY(store.loadDocument(document(Good), QStringLiteral("update.json")));
    QCOMPARE(store.current().demarches().size(), 1);
    QCOMPARE(store.current().version(), 7);
    QVERIFY(store.errors().isEmpty());
}

void TestCatalogue::storeKeepsPreviousVersionOfARefusedDemarche()
{
    CatalogueStore store;
    const QByteArray other = QByteArray(Good).replace(R"("id":"good")", R"("id":"other")");
    QVERIFY(store.loadDocument(document(Good + "," + other), QStringLiteral("v1.json")));
    // v2 breaks "good" (unknown type) and bumps "other"
    QByteArray broken = QByteArray(Good).replace(R"("type":"text")", R"("type":"txt")");
    broken.replace(R"("version":2)", R"("version":3)");
    const QByteArray otherV3 = QByteArray(other).replace(R"("version":2)", R"("version":3)");
    QVERIFY(store.loadDocument(document(broken + "," + otherV3), QStringLiteral("v2.json")));
    QCOMPARE(store.current().demarches().size(), 2);
    QCOMPARE(store.current().demarche(QStringLiteral("other"))->version, 3);
    QCOMPARE(store.current().demarche(QStringLiteral("good"))->version, 2); // the last valid definition
    QCOMPARE(store.errors().size(), 2);
    QCOMPARE(store.errors().at(0).field, QStringLiteral("main/name"));
    QVERIFY(store.errors().at(1).reason.contains(QStringLiteral("previous version (2)")));
}

void TestCatalogue::folderMergesFilesAndRefusesDuplicates()
{
    relais::test::TempStoreDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.file(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write(QStringLiteral("a.json"), document(Good));
    write(QStringLiteral("b.json"), document(Good));
    write(QStringLiteral("c.json"), "garbage");
    const Catalogue catalogue = Catalogue::load(dir.path());
    QCOMPARE(catalogue.demarches().size(), 1);
    QCOMPARE(catalogue.errors().size(), 2);
    QCOMPARE(catalogue.errors().at(0).file, QStringLiteral("b.json"));
    QCOMPARE(catalogue.errors().at(0).demarche, QStringLiteral("good"));
    QCOMPARE(catalogue.errors().at(1).file, QStringLiteral("c.json"));
}

void TestCatalogue::errorMessagesAreTranslatable()
{
    // Messages go through the Catalogue context: without a translator the English source text is shown.
    const Catalogue catalogue = Catalogue::parse("[]", QStringLiteral("x.json"));
    QCOMPARE(catalogue.errors().first().reason,
             QCoreApplication::translate("relais::catalogue::Catalogue",
                                         "The file is not a Relais catalogue: it must be a JSON object."));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "TestCatalogue.moc"
