#include "StoreAccess.h"

#include "domain/Workspace.h"
#include "store/Database.h"

namespace relais::sync {

SyncStore StoreAccess::store(const Workspace &workspace)
{
    return SyncStore(workspace.database({})->connection(), &workspace.journal(), workspace.clock());
}

Database *StoreAccess::database(const Workspace &workspace)
{
    return workspace.database({});
}

} // namespace relais::sync
