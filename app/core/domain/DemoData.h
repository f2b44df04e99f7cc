#pragma once

#include "Citizen.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <functional>

namespace relais {

class Vault;
class CitizenRepository;

// One synthetic person: a citizen's file that looks French and real but belongs to nobody.
struct DemoPerson
{
    Citizen citizen;
    bool female = false;
};

// What a seed created, in counts only (these are printed and journaled: never a name).
struct DemoCounts
{
    int citizens = 0;
    int consents = 0;
    int mandates = 0;
    int drafts = 0;
    int queued = 0;
};

// Synthetic demo data (relais-admin seed-demo, relais-bench citizens, tests). Names are drawn from common French
// surnames with a Zipf-like frequency, phone numbers from the ranges ARCEP reserves for fiction, e-mails at
// example.org / example.net only, NIRs with a valid key consistent with the person. The same seed gives the same
// people, so demos and measurements can be repeated.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(relais::DemoData)

public:
    static constexpr quint32 DefaultSeed = 20260105;
    // Consents, mandates and démarches are made for at most this many people: they cost one transaction each.
    static constexpr int MaxPeopleWithActivity = 2000;
    static constexpr int BatchSize = 5000;

    DemoData(quint32 seed, const QDate &today);

    DemoPerson nextPerson();
    QList<Citizen> nextCitizens(int count);

    // Every surname the generator can produce: the common French ones, then the synthetic long tail.
    static const QStringList &surnames();
    static const QStringList &femaleGivenNames();
    static const QStringList &maleGivenNames();

    // Creates `count` people through CitizenRepository::createMany, BatchSize per transaction, all by `actor`.
    // `progress` (may be empty) is told how many are done after each batch.
    static Result<int> seedCitizens(CitizenRepository &repository, const Account &actor, int count, quint32 seed,
                                    const QDate &today, const std::function<void(int done)> &progress = {});

    // A populated demo store: `count` people spread over the store's active accounts (a volunteer gets a few), and
    // for some of them consents, mandates, drafts and queued démarches of the bundled catalogue. Journaled by
    // `admin` as "demo_data_seeded" with the counts. Refused unless the store was created as a demo store.
    static Result<DemoCounts> seed(Vault &vault, const Account &admin, int count, quint32 seed = DefaultSeed);

private:
    QString pickSurname();
    QString pickGivenName(bool female);
    QString phoneNumber();
    QString nir(bool female, const QDate &birthDate, const QString &placeCode);

    QRandomGenerator m_random;
    QDate m_today;
};

} // namespace relais
