#pragma once

#include "SyncStore.h"

namespace relais {
class Database;
class Workspace;
} // namespace relais

namespace relais::sync {

// How the sync module reaches the store of a session. relais-sync builds on the core, so the core's Workspace cannot
// hold the sync tables' owner (SyncStore): the Workspace hands its store only to this class (Workspace::SyncKey),
// which builds a SyncStore for the pages, relais-admin and the engine, and gives the engine alone the store itself
// (its worker thread reads attachments on a connection of its own).
class StoreAccess
{
public:
    static SyncStore store(const Workspace &workspace);

private:
    friend class SyncEngine;
    static Database *database(const Workspace &workspace);
};

} // namespace relais::sync
