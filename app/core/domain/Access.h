#pragma once

#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

namespace relais {

namespace sync {
class ChunkReader;
class SyncEngine;
class SyncStore;
} // namespace sync

// Who may reach a person's data (DESIGN §4): the one rule every repository of the core applies to the acting
// account it is given, as CitizenRepository does for files. One store is one structure, so administrators and
// mediators see all of it; a volunteer sees the people they created, and the démarches and documents of those
// people or that they started themselves. Only administrators read the journal (Journal::mayRead).
class Access
{
    Q_DECLARE_TR_FUNCTIONS(relais::Access)

public:
    // personCreatedBy: the account that created the person's file.
    static bool seesPerson(const Account &actor, qint64 personCreatedBy);
    // personCreatedBy 0: the démarche has no file (done without one, or its person was erased).
    static bool seesDemarche(const Account &actor, qint64 demarcheCreatedBy, qint64 personCreatedBy);
    // A condition on the submissions table aliased `alias` that keeps only what `actor` sees ("1" for everyone but
    // a volunteer); its values are appended to `binds`.
    static QString demarcheCondition(const Account &actor, const QString &alias, QVariantList *binds);

    static Error demarcheRefused();
};

// The sync engine's way in. It delivers every queued démarche whoever is signed in — or nobody, while the session
// is locked (DESIGN §4) — so it cannot act as a person, and no person's account may be taken for it: the system
// overloads take this token instead of an Account. Only the sync classes below can make one (the constructor is
// user-provided and private, so not even `SystemAccess{}` compiles elsewhere); a page holding an Account cannot.
class SystemAccess
{
    friend class sync::ChunkReader;
    friend class sync::SyncEngine;
    friend class sync::SyncStore;
    SystemAccess() {}
};

} // namespace relais
