#include "Account.h"

#include <QCoreApplication>

namespace relais {

QString roleId(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Mediator:
        return QStringLiteral("mediator");
    case Role::Volunteer:
        return QStringLiteral("volunteer");
    }
    return QString();
}

bool roleFromId(const QString &id, Role *role)
{
    for (Role r : {Role::Admin, Role::Mediator, Role::Volunteer}) {
        if (roleId(r) == id) {
            *role = r;
            return true;
        }
    }
    return false;
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Admin:
        return QCoreApplication::translate("relais::Account", "Administrator");
    case Role::Mediator:
        return QCoreApplication::translate("relais::Account", "Mediator");
    case Role::Volunteer:
        return QCoreApplication::translate("relais::Account", "Volunteer");
    }
    return QString();
}

} // namespace relais
