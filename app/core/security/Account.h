#pragma once

#include <QString>

namespace relais {

enum class Role
{
    Admin,
    Mediator,
    Volunteer
};

QString roleId(Role role); // "admin", "mediator", "volunteer": stored and used on the command line
bool roleFromId(const QString &id, Role *role);
QString roleLabel(Role role); // translated, for people

struct Account
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Volunteer;
    bool disabled = false;
    bool mustChangePassword = false;

    bool isAdmin() const { return role == Role::Admin; }
};

} // namespace relais
