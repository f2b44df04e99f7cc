#include "DemoData.h"

#include "AttachmentStore.h"
#include "CitizenRepository.h"
#include "Consents.h"
#include "DraftEditor.h"
#include "Mandates.h"
#include "SearchText.h"
#include "SubmissionRepository.h"
#include "catalogue/Catalogue.h"
#include "catalogue/FormEngine.h"
#include "catalogue/Validators.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QSqlQuery>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

using catalogue::FieldDefinition;
using catalogue::FieldType;
using catalogue::Validators;

// Common French surnames, most frequent first (the draw follows this order), with the accented, compound,
// hyphenated and apostrophe names a search must cope with.
const char *const SurnameList[] = {
    "Martin",   "Bernard",    "Thomas",          "Petit",         "Robert",
    "Richard",  "Durand",     "Dubois",          "Moreau",        "Laurent",
    "Simon",    "Michel",     "Lefèvre",         "Leroy",         "Roux",
    "David",    "Bertrand",   "Morel",           "Fournier",      "Girard",
    "Bonnet",   "Dupont",     "Lambert",         "Fontaine",      "Rousseau",
    "Vincent",  "Muller",     "Faure",           "André",         "Mercier",
    "Blanc",    "Guérin",     "Boyer",           "Garnier",       "Chevalier",
    "François", "Legrand",    "Gauthier",        "Garcia",        "Perrin",
    "Robin",    "Clément",    "Morin",           "Nicolas",       "Henry",
    "Roussel",  "Mathieu",    "Masson",          "Marchand",      "Duval",
    "Denis",    "Dumont",     "Marie",           "Lemaire",       "Noël",
    "Meyer",    "Dufour",     "Meunier",         "Brun",          "Blanchard",
    "Giraud",   "Joly",       "Rivière",         "Lucas",         "Brunet",
    "Gaillard", "Barbier",    "Arnaud",          "Martinez",      "Gérard",
    "Roche",    "Renard",     "Schmitt",         "Roy",           "Leroux",
    "Colin",    "Vidal",      "Caron",           "Picard",        "Roger",
    "Fabre",    "Aubert",     "Lemoine",         "Renaud",        "Dumas",
    "Lacroix",  "Olivier",    "Philippe",        "Bourgeois",     "Pierre",
    "Benoît",   "Rey",        "Leclerc",         "Payet",         "Rolland",
    "Leclercq", "Guillaume",  "Lecomte",         "Lopez",         "Jean",
    "Dupuy",    "Guillot",    "Hubert",          "Berger",        "Carpentier",
    "Sanchez",  "Dupuis",     "Moulin",          "Louis",         "Deschamps",
    "Huet",     "Vasseur",    "Perez",           "Boucher",       "Fleury",
    "Royer",    "Klein",      "Jacquet",         "Adam",          "Poirier",
    "Marty",    "Aubry",      "Guyot",           "Carré",         "Charles",
    "Renault",  "Ménard",     "Maillard",        "Hervé",         "Le Gall",
    "Léger",    "Bouvier",    "Prévost",         "Le Roux",       "Le Goff",
    "Lévêque",  "Hébert",     "Bérard",          "Lemaître",      "Étienne",
    "Maréchal", "Barthélemy", "Da Silva",        "De Sousa",      "Dos Santos",
    "Ferreira", "N'Diaye",    "Diallo",          "Traoré",        "Nguyen",
    "Benali",   "Haddad",     "Saint-Jean",      "Martin-Dubois", "Le Bihan",
    "Grondin",  "Hoarau",     "Boulanger-Petit", "D'Angelo",      "Cordier",
};

const char *const FemaleList[] = {
    "Marie",   "Nathalie", "Isabelle",  "Sylvie",       "Catherine",   "Françoise",    "Christine",  "Monique",
    "Valérie", "Sandrine", "Véronique", "Martine",      "Nicole",      "Sophie",       "Céline",     "Stéphanie",
    "Hélène",  "Élodie",   "Chloé",     "Zoé",          "Noémie",      "Gaëlle",       "Anaïs",      "Maëlys",
    "Léa",     "Manon",    "Camille",   "Emma",         "Inès",        "Jeanne",       "Louise",     "Juliette",
    "Léna",    "Clémence", "Aurélie",   "Émilie",       "Laëtitia",    "Mélanie",      "Océane",     "Justine",
    "Pauline", "Brigitte", "Danielle",  "Josiane",      "Geneviève",   "Jacqueline",   "Annie",      "Chantal",
    "Agnès",   "Béatrice", "Corinne",   "Karine",       "Fatima",      "Aïcha",        "Yasmine",    "Amélie",
    "Thérèse", "Odette",   "Lucie",     "Marie-Hélène", "Anne-Sophie", "Marie-Claire", "Anne-Marie", "Marie-Christine",
};

const char *const MaleList[] = {
    "Jean",     "Pierre",      "Michel",    "André",         "Philippe",   "Alain",    "Bernard",  "Jacques",
    "Daniel",   "Patrick",     "Nicolas",   "Christophe",    "Thierry",    "Stéphane", "Laurent",  "Frédéric",
    "Éric",     "Olivier",     "David",     "Sébastien",     "Julien",     "Jérôme",   "François", "Benoît",
    "Joël",     "Loïc",        "Gaël",      "Noël",          "Hervé",      "Rémi",     "Mathéo",   "Théo",
    "Lucas",    "Hugo",        "Louis",     "Raphaël",       "Gabriel",    "Arthur",   "Nathan",   "Enzo",
    "Maxime",   "Thomas",      "Antoine",   "Mickaël",       "Cédric",     "Grégory",  "Fabrice",  "Gérard",
    "René",     "Roger",       "Marcel",    "Mohamed",       "Karim",      "Mamadou",  "Yannick",  "Jean-Pierre",
    "Jean-Luc", "Jean-Claude", "Jean-Marc", "Jean-François", "Paul-Henri",
};

// Where people live: communes around the demo structure (Saint-Affrique, Aveyron) and a few further away.
struct Place
{
    const char *commune;
    const char *postalCode;
    const char *inseeCode; // département (2) + commune (3), for the NIR
};

const Place Homes[] = {
    {"Saint-Affrique", "12400", "12208"},
    {"Millau", "12100", "12145"},
    {"Roquefort-sur-Soulzon", "12250", "12203"},
    {"Belmont-sur-Rance", "12370", "12025"},
    {"Camarès", "12360", "12049"},
    {"Vabres-l'Abbaye", "12400", "12286"},
    {"Saint-Rome-de-Tarn", "12490", "12244"},
    {"Réquista", "12170", "12197"},
    {"Saint-Sernin-sur-Rance", "12380", "12248"},
    {"Cornus", "12540", "12076"},
    {"Rodez", "12000", "12202"},
    {"Albi", "81000", "81004"},
    {"Montpellier", "34000", "34172"},
    {"Toulouse", "31000", "31555"},
};

// Where people were born (INSEE place code for the NIR: "99" + country for a birth abroad).
const Place Births[] = {
    {"Saint-Affrique", "", "12208"},
    {"Millau", "", "12145"},
    {"Rodez", "", "12202"},
    {"Albi", "", "81004"},
    {"Toulouse", "", "31555"},
    {"Montpellier", "", "34172"},
    {"Paris", "", "75056"},
    {"Lyon", "", "69123"},
    {"Marseille", "", "13055"},
    {"Bordeaux", "", "33063"},
    {"Lille", "", "59350"},
    {"Nantes", "", "44109"},
    {"Strasbourg", "", "67482"},
    {"Brest", "", "29019"},
    {"Clermont-Ferrand", "", "63113"},
    {"Ajaccio", "", "2A004"},
    {"Bastia", "", "2B033"},
    {"Saint-Denis (La Réunion)", "", "97411"},
    {"Pointe-à-Pitre", "", "97120"},
    {"Perpignan", "", "66136"},
    {"Limoges", "", "87085"},
    {"Casablanca (Maroc)", "", "99350"},
    {"Alger (Algérie)", "", "99352"},
    {"Tunis (Tunisie)", "", "99351"},
    {"Porto (Portugal)", "", "99139"},
    {"Dakar (Sénégal)", "", "99341"},
};
constexpr int BirthsAbroadFrom = 21; // Births[21…] are abroad

const char *const Streets[] = {
    "rue de la République", "avenue Jean Jaurès",       "rue Victor Hugo",       "place de la Mairie",
    "chemin des Vignes",    "rue du Général de Gaulle", "boulevard Pasteur",     "impasse des Lilas",
    "allée des Tilleuls",   "route de Millau",          "rue de l'Église",       "rue des Écoles",
    "rue du Moulin",        "avenue de la Gare",        "rue Nationale",         "rue Voltaire",
    "rue Jean Moulin",      "place du Foirail",         "rue Saint-Jean",        "chemin de la Croix",
    "rue des Aubépines",    "lotissement les Chênes",   "avenue Alphonse Pezet", "rue du Pont-Vieux",
};

// ARCEP reserves these blocks for fiction (films, books, demos): 10 000 numbers each, none given to anyone.
const char *const FictionMobile = "063998";
const char *const FictionLandlines[] = {"019900", "026191", "035301", "046571", "053649", "097210"};

QStringList toList(const char *const *begin, const char *const *end)
{
    QStringList list;
    for (auto it = begin; it != end; ++it)
        list << QString::fromUtf8(*it);
    return list;
}

// The long tail: in France about 1.3 million surnames are in use and the 160 most common above are borne by under
// 3 % of people. Rare names are made here from French-sounding stems and endings (a fixed, deterministic list), so
// that a search by the first letters meets as many matches as at a real counter, not a handful of huge names.
const char *const TailStems[] = {
    "Bouss", "Chab",  "Delm",   "Fauc",  "Gren", "Lamb",   "Pell", "Roul",  "Tess",  "Vign",  "Castel", "Mont",
    "Bel",   "Beau",  "Cham",   "Cour",  "Four", "Gauth",  "Lar",  "Marc",  "Moul",  "Pons",  "Riv",    "Sarr",
    "Vall",  "Barr",  "Bess",   "Bouch", "Brou", "Chaum",  "Coud", "Cros",  "Desch", "Esc",   "Fav",    "Ferr",
    "Gal",   "Gouj",  "Guill",  "Jacqu", "Lab",  "Lap",    "Lesc", "Mal",   "Mass",  "Mich",  "Mor",    "Pag",
    "Pich",  "Plan",  "Poul",   "Rab",   "Ray",  "Rich",   "Ross", "Sauv",  "Tard",  "Teyss", "Thib",   "Vas",
    "Verd",  "Vial",  "Bonn",   "Cabr",  "Carr", "Daub",   "Duch", "Estr",  "Fourn", "Garr",  "Gross",  "Hug",
    "Jouv",  "Laf",   "Lang",   "Laval", "Lebr", "Maur",   "Merc", "Nogu",  "Oliv",  "Peyr",  "Prad",   "Souch",
    "Tourn", "Vaill", "Villen", "Aug",   "Clav", "Boud",   "Cail", "Chauv", "Coll",  "Delp",  "Mén",    "Bér",
    "Fér",   "Gér",   "Lév",    "Prév",  "Thév", "Sénéch", "Crém", "Hér",   "Aub",   "Ival",  "Orl",    "Ulr",
};
const char *const TailEndings[] = {"et",  "ot",   "ard", "eau",  "in",  "on",  "at",  "oux",  "ès",  "ac",
                                   "el",  "ou",   "and", "ault", "ier", "aud", "ey",  "elle", "ade", "ias",
                                   "ieu", "ette", "enc", "ol",   "é",   "ère", "ant", "is"};
constexpr int TailSize = 3000;

const QStringList &tailSurnames()
{
    static const QStringList list = [] {
        QRandomGenerator random(20261123); // fixed: the same tail on every machine, whatever the demo seed
        QStringList names;
        QSet<QString> seen;
        const auto simple = [&random]() -> QString {
            return QString::fromUtf8(TailStems[random.bounded(int(std::size(TailStems)))]) +
                   QString::fromUtf8(TailEndings[random.bounded(int(std::size(TailEndings)))]);
        };
        while (names.size() < TailSize) {
            QString name = simple();
            const int kind = random.bounded(100);
            if (kind < 5)
                name = QStringLiteral("Le ") + name;
            else if (kind < 7)
                name = QStringLiteral("De ") + name;
            else if (kind < 8)
                name = QStringLiteral("La ") + name;
            else if (kind < 11)
                name += QLatin1Char('-') + simple(); // double names
            if (!seen.contains(name)) {
                seen.insert(name);
                names << name;
            }
        }
        return names;
    }();
    return list;
}

// Cumulative weights over head + tail: Martin about 0.5 % of people, the n-th common name 0.5 % / n (Zipf), the
// whole head under 3 %; the tail shares the rest, gently skewed so that some rare names still recur.
const QVector<double> &surnameWeights()
{
    static const QVector<double> cumulative = [] {
        QVector<double> c;
        double total = 0;
        for (size_t i = 0; i < std::size(SurnameList); ++i) {
            total += 0.005 / double(i + 1);
            c << total;
        }
        const double head = total;
        double tailTotal = 0;
        QVector<double> tail;
        for (int j = 0; j < TailSize; ++j) {
            tail << 1.0 / std::pow(double(j + 10), 0.7);
            tailTotal += tail.last();
        }
        for (const double w : tail) {
            total += w / tailTotal * (1.0 - head);
            c << total;
        }
        return c;
    }();
    return cumulative;
}

QString ascii(const QString &text)
{
    return search::words(text).join(QString());
}

qint64 mod(const QString &digits, qint64 m)
{
    qint64 r = 0;
    for (const QChar c : digits)
        r = (r * 10 + (c.unicode() - u'0')) % m;
    return r;
}

QString digits(QRandomGenerator &random, int count)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += QChar(u'0' + random.bounded(10));
    return s;
}

} // namespace

DemoData::DemoData(quint32 seed, const QDate &today) : m_random(seed), m_today(today) {}

const QStringList &DemoData::surnames()
{
    static const QStringList list = toList(std::begin(SurnameList), std::end(SurnameList)) + tailSurnames();
    return list;
}

const QStringList &DemoData::femaleGivenNames()
{
    static const QStringList list = toList(std::begin(FemaleList), std::end(FemaleList));
    return list;
}

const QStringList &DemoData::maleGivenNames()
{
    static const QStringList list = toList(std::begin(MaleList), std::end(MaleList));
    return list;
}

QString DemoData::pickSurname()
{
    const QVector<double> &cumulative = surnameWeights();
    const double x = m_random.generateDouble() * cumulative.last();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return surnames().at(std::min<qsizetype>(it - cumulative.begin(), surnames().size() - 1));
}

QString DemoData::pickGivenName(bool female)
{
    const QStringList &names = female ? femaleGivenNames() : maleGivenNames();
    // Mildly skewed towards the head of the list, which holds the most common names.
    const double x = m_random.generateDouble();
    return names.at(std::min<qsizetype>(qsizetype(x * x * double(names.size())), names.size() - 1));
}

QString DemoData::phoneNumber()
{
    const bool mobile = m_random.bounded(100) < 70;
    const QString block = QString::fromLatin1(
        mobile ? FictionMobile : FictionLandlines[m_random.bounded(int(std::size(FictionLandlines)))]);
    return block + digits(m_random, 4);
}

QString DemoData::nir(bool female, const QDate &birthDate, const QString &placeCode)
{
    QString n = QString::number(female ? 2 : 1) + birthDate.toString(QStringLiteral("yyMM")) + placeCode +
                QStringLiteral("%1").arg(1 + m_random.bounded(999), 3, 10, QLatin1Char('0'));
    // Corsica: the key is computed with 2A read as 19 and 2B as 18.
    QString keyed = n;
    if (keyed.mid(5, 2) == QLatin1String("2A"))
        keyed.replace(5, 2, QStringLiteral("19"));
    else if (keyed.mid(5, 2) == QLatin1String("2B"))
        keyed.replace(5, 2, QStringLiteral("18"));
    n += QStringLiteral("%1").arg(97 - mod(keyed, 97), 2, 10, QLatin1Char('0'));
    return n;
}

DemoPerson DemoData::nextPerson()
{
    DemoPerson p;
    Citizen &c = p.citizen;
    p.female = m_random.bounded(2) == 0;
    c.birthName = pickSurname();
    c.givenNames = pickGivenName(p.female);
    if (m_random.bounded(100) < 12) { // a second given name, as on the civil status record
        const QString second = pickGivenName(p.female);
        if (second != c.givenNames)
            c.givenNames += QLatin1Char(' ') + second;
    }
    // About a quarter of women use their spouse's name.
    if (p.female && m_random.bounded(100) < 25) {
        do {
            c.usageName = pickSurname();
        } while (c.usageName == c.birthName);
    }
    const QDate first(1935, 1, 1);
    const QDate last = std::min(QDate(2007, 12, 31), m_today.addYears(-18));
    c.birthDate = first.addDays(m_random.bounded(int(first.daysTo(last)) + 1));
    const int birthIndex = m_random.bounded(100) < 10
                               ? BirthsAbroadFrom + m_random.bounded(int(std::size(Births)) - BirthsAbroadFrom)
                               : m_random.bounded(BirthsAbroadFrom);
    const Place &birth = Births[birthIndex];
    c.birthPlace = QString::fromUtf8(birth.commune);
    if (m_random.bounded(100) < 85)
        c.phone = phoneNumber();
    if (m_random.bounded(100) < 60) {
        const QString domain = m_random.bounded(2) ? QStringLiteral("example.org") : QStringLiteral("example.net");
        QString local = ascii(c.givenNames.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                        ascii(c.usageName.isEmpty() ? c.birthName : c.usageName);
        if (m_random.bounded(3) == 0)
            local += QString::number(c.birthDate.year() % 100);
        c.email = local + QLatin1Char('@') + domain;
    }
    if (m_random.bounded(100) < 90) {
        const Place &home = Homes[m_random.bounded(int(std::size(Homes)))];
        c.street = QStringLiteral("%1 %2")
                       .arg(1 + m_random.bounded(120))
                       .arg(QString::fromUtf8(Streets[m_random.bounded(int(std::size(Streets)))]));
        c.postalCode = QString::fromLatin1(home.postalCode);
        c.commune = QString::fromUtf8(home.commune);
    }
    if (m_random.bounded(100) < 30)
        c.nir = nir(p.female, c.birthDate, QString::fromLatin1(birth.inseeCode));
    return p;
}

QList<Citizen> DemoData::nextCitizens(int count)
{
    QList<Citizen> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list << nextPerson().citizen;
    return list;
}

Result<int> DemoData::seedCitizens(CitizenRepository &repository, const Account &actor, int count, quint32 seed,
                                   const QDate &today, const std::function<void(int)> &progress)
{
    DemoData data(seed, today);
    int done = 0;
    while (done < count) {
        const int batch = std::min(BatchSize, count - done);
        const auto created = repository.createMany(actor, data.nextCitizens(batch));
        if (!created)
            return created.error();
        done += batch;
        if (progress)
            progress(done);
    }
    return done;
}

namespace {

// Fills démarche forms with answers that are plausible for the person, as a mediator would have typed them.
class FormFiller
{
public:
    FormFiller(QRandomGenerator &random, const DemoPerson &person, const QDate &today)
        : m_random(random), m_person(person), m_today(today)
    {}

    // Answers every visible field of the sections [0, lastSection]; repeated groups get their minimum of items.
    // With `attachments`, required attachment fields get a small synthetic document stored for `submissionId`.
    void fill(DraftEditor &editor, int lastSection, AttachmentStore *attachments, qint64 submissionId)
    {
        const catalogue::Demarche &d = editor.engine().demarche();
        // Conditions depend on earlier answers: a second pass answers what the first one revealed.
        for (int pass = 0; pass < 2; ++pass) {
            for (const FieldDefinition &field : d.fields) {
                if (field.isGroupChild() || field.section > lastSection)
                    continue;
                if (field.type == FieldType::RepeatedGroup) {
                    if (!editor.engine().isVisible(field.id))
                        continue;
                    const int wanted = std::max(field.minItems, field.required ? 1 : 0);
                    while (editor.engine().itemCount(field.id) < wanted && editor.addItem(field.id) >= 0) {
                    }
                    for (int item = 0; item < editor.engine().itemCount(field.id); ++item) {
                        for (const int child : field.children) {
                            const FieldDefinition &c = d.fields.at(child);
                            answer(editor, c, QStringLiteral("%1[%2].%3").arg(field.id).arg(item).arg(c.id),
                                   attachments, submissionId);
                        }
                    }
                    continue;
                }
                answer(editor, field, field.id, attachments, submissionId);
            }
        }
    }

private:
    void answer(DraftEditor &editor, const FieldDefinition &field, const QString &path, AttachmentStore *attachments,
                qint64 submissionId)
    {
        if (!field.holdsValue() || !editor.engine().isVisible(path) || editor.engine().value(path).isValid())
            return;
        QVariant v = valueFor(field, path);
        if (field.type == FieldType::Attachment) {
            if (!attachments || !field.required)
                return;
            v = document(*attachments, editor.actor(), submissionId, field, path);
        }
        if (v.isValid())
            editor.setValue(path, v);
    }

    QString surname() { return DemoData::surnames().at(m_random.bounded(int(DemoData::surnames().size()))); }

    QVariant valueFor(const FieldDefinition &field, const QString &path)
    {
        const Citizen &c = m_person.citizen;
        const QString id = field.id;
        const bool self = !path.contains(QLatin1Char('[')) && !id.contains(QLatin1String("conjoint")) &&
                          !id.contains(QLatin1String("mandataire")) && !id.contains(QLatin1String("hebergeant"));
        const bool isName = id.contains(QLatin1String("nom")) || id.contains(QLatin1String("last_name"));
        const bool isGiven = id.contains(QLatin1String("prenom")) || id.contains(QLatin1String("first_name"));
        switch (field.type) {
        case FieldType::Text: {
            QString text;
            if (isGiven)
                text = self ? c.givenNames : DemoData::maleGivenNames().at(m_random.bounded(40));
            else if (id.contains(QLatin1String("usage")) && isName)
                text = self ? c.usageName : QString();
            else if (isName)
                text = self ? c.birthName : surname();
            else if (id.contains(QLatin1String("naissance")) || id.contains(QLatin1String("lieu")))
                text = self ? c.birthPlace : QStringLiteral("Rodez");
            else if (id.contains(QLatin1String("allocataire")))
                text = digits(m_random, 7);
            else if (id.contains(QLatin1String("immatriculation")))
                text = QStringLiteral("GH-%1-KL").arg(100 + m_random.bounded(900));
            else if (id.contains(QLatin1String("pays")))
                text = QStringLiteral("France");
            else if (!field.required)
                return {};
            else
                text = QStringLiteral("Réponse de démonstration");
            if (field.maxLength > 0)
                text.truncate(field.maxLength);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        case FieldType::Multiline:
            return field.required ? QVariant(QStringLiteral("Situation expliquée au médiateur (démonstration)."))
                                  : QVariant();
        case FieldType::Integer:
        case FieldType::Decimal:
        case FieldType::Money: {
            const double low = field.min.value_or(0);
            const double high = field.max.value_or(std::max(low, 0.0) + 1500);
            const double v = low + (high - low) * (0.2 + 0.3 * m_random.generateDouble());
            return field.type == FieldType::Integer ? QVariant(int(std::ceil(v)))
                                                    : QVariant(QString::number(std::floor(v * 100) / 100, 'f', 2));
        }
        case FieldType::Date: {
            if (field.birthDate || id.contains(QLatin1String("naissance")) || id.contains(QLatin1String("birth")))
                return self && c.birthDate.isValid()
                           ? c.birthDate
                           : m_today.addYears(-20 - m_random.bounded(40)).addDays(-m_random.bounded(365));
            const QDate low = field.minDate.resolve(m_today);
            const QDate high = field.maxDate.resolve(m_today);
            if (low.isValid() && high.isValid())
                return low.addDays(low.daysTo(high) / 2);
            if (high.isValid())
                return high.addDays(-30);
            if (low.isValid())
                return low.addDays(30);
            return m_today.addDays(-60);
        }
        case FieldType::YesNo:
            return id.contains(QLatin1String("ne_en_france"));
        case FieldType::SingleChoice:
            return field.choices.isEmpty() ? QVariant() : QVariant(field.choices.first().value);
        case FieldType::MultipleChoice:
            return field.choices.isEmpty() ? QVariant() : QVariant(QStringList{field.choices.first().value});
        case FieldType::Email:
            return self && !c.email.isEmpty() ? QVariant(c.email) : QVariant();
        case FieldType::PhoneFr:
            return self && !c.phone.isEmpty() ? QVariant(c.phone) : QVariant();
        case FieldType::PostalCodeCommune:
        case FieldType::Address: {
            QVariantMap map{
                {QStringLiteral("postal_code"), c.postalCode.isEmpty() ? QStringLiteral("12400") : c.postalCode},
                {QStringLiteral("commune"), c.commune.isEmpty() ? QStringLiteral("Saint-Affrique") : c.commune}};
            if (field.type == FieldType::Address)
                map.insert(QStringLiteral("street"),
                           c.street.isEmpty() ? QStringLiteral("2 place de la Mairie") : c.street);
            return map;
        }
        case FieldType::Iban: {
            const QString bban = digits(m_random, 23);
            const qint64 check = 98 - mod(bban + QStringLiteral("152700"), 97); // "FR00" read as digits
            return QStringLiteral("FR%1%2").arg(check, 2, 10, QLatin1Char('0')).arg(bban);
        }
        case FieldType::Nir:
            if (self && !c.nir.isEmpty())
                return c.nir;
            return field.required ? QVariant(otherNir()) : QVariant();
        case FieldType::Siret:
            return siret();
        case FieldType::Spi: {
            const QString head = QString::number(m_random.bounded(4)) + digits(m_random, 9);
            return QString(head + QStringLiteral("%1").arg(mod(head, 511), 3, 10, QLatin1Char('0')));
        }
        case FieldType::Attachment:
        case FieldType::Explanation:
        case FieldType::RepeatedGroup:
            return {};
        }
        return {};
    }

    QString otherNir()
    {
        const QDate born = m_today.addYears(-25 - m_random.bounded(40)).addDays(-m_random.bounded(365));
        QString n = QString::number(1 + m_random.bounded(2)) + born.toString(QStringLiteral("yyMM")) +
                    QStringLiteral("12202") +
                    QStringLiteral("%1").arg(1 + m_random.bounded(999), 3, 10, QLatin1Char('0'));
        return n + QStringLiteral("%1").arg(97 - mod(n, 97), 2, 10, QLatin1Char('0'));
    }

    QString siret()
    {
        for (;;) {
            const QString head = QString::number(1 + m_random.bounded(9)) + digits(m_random, 7);
            for (int d = 0; d < 10; ++d) {
                const QString siren = head + QString::number(d);
                if (!Validators::siren(siren).ok)
                    continue;
                const QString establishment = siren + digits(m_random, 4);
                for (int e = 0; e < 10; ++e) {
                    if (Validators::siret(establishment + QString::number(e)).ok)
                        return establishment + QString::number(e);
                }
            }
        }
    }

    // A small scan-like document, of a type the field accepts.
    QVariant document(AttachmentStore &store, const Account &actor, qint64 submissionId, const FieldDefinition &field,
                      const QString &path)
    {
        const QStringList accepted = field.accept.isEmpty() ? AttachmentStore::defaultAcceptedTypes() : field.accept;
        QByteArray bytes;
        QString name;
        if (accepted.contains(QLatin1String("application/pdf"))) {
            bytes = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                    "trailer<</Root 1 0 R>>\n%%EOF\n";
            name = QStringLiteral("document-demo.pdf");
        } else {
            QImage image(64, 48, QImage::Format_RGB32);
            image.fill(QColor(230, 230, 220));
            QBuffer out(&bytes);
            out.open(QIODevice::WriteOnly);
            const bool png = accepted.contains(QLatin1String("image/png"));
            image.save(&out, png ? "PNG" : "JPEG");
            name = png ? QStringLiteral("photo-demo.png") : QStringLiteral("photo-demo.jpg");
        }
        QBuffer source(&bytes);
        source.open(QIODevice::ReadOnly);
        const auto added = store.add(actor, submissionId, path, name, &source,
                                     field.maxBytes > 0 ? field.maxBytes : AttachmentStore::DefaultMaxBytes, accepted);
        return added ? QVariant(added->fieldValue()) : QVariant();
    }

    QRandomGenerator &m_random;
    const DemoPerson &m_person;
    QDate m_today;
};

} // namespace

Result<DemoCounts> DemoData::seed(Vault &vault, const Account &admin, int count, quint32 seed)
{
    if (!vault.isOpen())
        return makeError(ErrorCode::StoreMissing, tr("Open the store first."));
    if (!admin.isAdmin())
        return makeError(ErrorCode::PermissionDenied, tr("Only an administrator can add demo data."));
    if (!vault.keySlots().isDemo())
        return makeError(ErrorCode::InvalidInput,
                         tr("This store was not created as a demo store (init --demo): demo people are never mixed "
                            "with real citizens' files."));
    if (count <= 0)
        return makeError(ErrorCode::InvalidInput, tr("Give a number of demo people greater than zero."));

    QSqlDatabase db = vault.database()->connection();
    // Hundreds of small transactions: each would wait for its own disk flush (synchronous = FULL), which makes a
    // demo start take seconds. Demo data need not survive a power cut commit by commit; FULL is restored after.
    struct Relaxed
    {
        QSqlDatabase db;
        explicit Relaxed(QSqlDatabase d) : db(std::move(d))
        {
            QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        }
        ~Relaxed() { QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL")); }
        Relaxed(const Relaxed &) = delete;
        Relaxed &operator=(const Relaxed &) = delete;
    } relaxed(db);
    const Clock *clock = vault.clock();
    const QDate today = clock->now().date();
    Journal &journal = vault.journal();
    auto accounts = vault.accounts();
    if (!accounts)
        return accounts.error();
    // Files are spread over the active accounts, so that each one's lists look lived in; a volunteer sees only
    // the few made for them.
    QList<Account> staff;
    QList<Account> volunteers;
    for (const Account &a : accounts.value()) {
        if (a.disabled)
            continue;
        (a.role == Role::Volunteer ? volunteers : staff) << a;
    }
    if (staff.isEmpty())
        staff << admin;

    DemoData data(seed, today);
    QRandomGenerator random(seed ^ 0x5eed);
    QList<DemoPerson> people;
    people.reserve(count);
    for (int i = 0; i < count; ++i)
        people << data.nextPerson();
    QHash<qint64, Account> byId;
    QHash<qint64, QList<int>> indicesByAccount; // account id → indices in people
    for (int i = 0; i < count; ++i) {
        const Account &a = !volunteers.isEmpty() && random.bounded(100) < 10
                               ? volunteers.at(random.bounded(int(volunteers.size())))
                               : staff.at(random.bounded(int(staff.size())));
        byId.insert(a.id, a);
        indicesByAccount[a.id] << i;
    }
    CitizenRepository citizens(db, &journal, clock);
    DemoCounts counts;
    QList<qint64> accountIds = indicesByAccount.keys();
    std::sort(accountIds.begin(), accountIds.end());
    for (const qint64 accountId : accountIds) {
        const QList<int> &indices = indicesByAccount.value(accountId);
        for (qsizetype start = 0; start < indices.size(); start += BatchSize) {
            QList<Citizen> batch;
            const qsizetype end = std::min<qsizetype>(indices.size(), start + BatchSize);
            for (qsizetype k = start; k < end; ++k)
                batch << people.at(indices.at(k)).citizen;
            auto created = citizens.createMany(byId.value(accountId), batch);
            if (!created)
                return created.error();
            for (qsizetype k = start; k < end; ++k) {
                people[indices.at(k)].citizen = created->at(k - start);
                ++counts.citizens;
            }
        }
    }

    // Consents, mandates and démarches for some of them, each as the kiosk records it.
    const catalogue::Catalogue catalogue = catalogue::Catalogue::load(catalogue::Catalogue::bundledPath());
    const QVector<catalogue::DemarchePtr> &demarches = catalogue.demarches();
    Consents consents(db, &journal, clock);
    Mandates mandates(db, &journal, clock);
    SubmissionRepository submissions(db, &journal, clock);
    AttachmentStore attachments(db, clock);
    const QString structure = vault.keySlots().structureName();
    const int active = std::min(count, MaxPeopleWithActivity);
    for (int i = 0; i < active; ++i) {
        const DemoPerson &person = people.at(i);
        const Account actor = byId.value(person.citizen.createdBy, admin);
        if (random.bounded(100) >= 70)
            continue; // no consent yet: a file opened at the counter, nothing more
        if (Status s = consents.give(actor, person.citizen, ConsentPurpose::File); !s)
            return s.error();
        ++counts.consents;
        for (const auto &[purpose, share] : {std::pair{ConsentPurpose::Documents, 45}, {ConsentPurpose::Contact, 60}}) {
            if (random.bounded(100) < share) {
                if (Status s = consents.give(actor, person.citizen, purpose); !s)
                    return s.error();
                ++counts.consents;
            }
        }
        if (actor.role != Role::Volunteer && random.bounded(100) < 8) {
            const QStringList all = Mandates::allScopes();
            QStringList scopes{all.at(random.bounded(int(all.size())))};
            if (random.bounded(2))
                scopes << all.at(random.bounded(int(all.size())));
            scopes.removeDuplicates();
            const MandateDuration duration = random.bounded(2) ? MandateDuration::SixMonths : MandateDuration::OneYear;
            if (auto m = mandates.create(actor, person.citizen, scopes, duration, structure, actor.displayName); !m)
                return m.error();
            ++counts.mandates;
        }
        const int roll = random.bounded(100);
        if (roll >= 30 || demarches.isEmpty())
            continue;
        const catalogue::DemarchePtr demarche = demarches.at(random.bounded(int(demarches.size())));
        auto draft = submissions.createDraft(actor, demarche->id, demarche->version, person.citizen.id);
        if (!draft)
            return draft.error();
        DraftEditor editor(&submissions, actor, demarche, draft.value(), clock);
        FormFiller filler(random, person, today);
        const bool toQueue = roll < 12;
        const int sections = int(demarche->sections.size());
        const int lastSection = toQueue ? sections - 1 : random.bounded(std::max(1, sections));
        filler.fill(editor, lastSection, toQueue ? &attachments : nullptr, draft->id);
        if (toQueue) {
            for (const catalogue::RequiredDocument &document : editor.engine().requiredDocuments())
                editor.setDocumentChecked(document.id, true);
            if (editor.engine().isComplete()) {
                if (Status s = editor.send(); !s)
                    return s.error();
                ++counts.queued;
                continue;
            }
        }
        // Not complete (or not meant to be sent yet): it stays a draft, where the mediator stopped.
        editor.setCurrentSection(demarche->sections.at(std::min(lastSection, sections - 1)).id);
        if (Status s = editor.saveNow(); !s)
            return s.error();
        ++counts.drafts;
    }
    if (Status s = journal.append(admin.login, QStringLiteral("demo_data_seeded"),
                                  QStringLiteral("citizens=%1 consents=%2 mandates=%3 drafts=%4 queued=%5")
                                      .arg(counts.citizens)
                                      .arg(counts.consents)
                                      .arg(counts.mandates)
                                      .arg(counts.drafts)
                                      .arg(counts.queued));
        !s)
        return s.error();
    return counts;
}

} // namespace relais
