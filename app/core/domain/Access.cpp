#include "Access.h"

#include "CitizenRepository.h"

namespace relais {

bool Access::seesPerson(const Account &actor, qint64 personCreatedBy)
{
    return actor.role != Role::Volunteer || personCreatedBy == actor.id;
}

bool Access::seesDemarche(const Account &actor, qint64 demarcheCreatedBy, qint64 personCreatedBy)
{
    return actor.role != Role::Volunteer || demarcheCreatedBy == actor.id ||
           (personCreatedBy != 0 && personCreatedBy == actor.id);
}

QString Access::demarcheCondition(const Account &actor, const QString &alias, QVariantList *binds)
{
    if (actor.role != Role::Volunteer)
        return QStringLiteral("1");
    *binds << actor.id << actor.id;
    return QStringLiteral("(%1.created_by = ? OR %1.citizen_id IN (%2))")
        .arg(alias, CitizenRepository::createdBySubquery());
}

Error Access::demarcheRefused()
{
    return makeError(ErrorCode::PermissionDenied,
                     tr("Volunteers can only open the démarches they started or those of the people whose file "
                        "they created."));
}

} // namespace relais
