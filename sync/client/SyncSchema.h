#pragma once

#include "store/Migrations.h"

namespace relais::sync {

// The sync module's own tables (uploads, sync_items, status_updates), numbered as module "sync" in schema_modules.
// Registered with the store when the module is linked in (SyncStore.cpp), so that every program that can send —
// the kiosk, relais-admin, the tests — opens a store with them; a store made by an earlier version, whose core
// migration 5 made them, keeps them and their rows.
namespace SyncSchema {
inline constexpr char ModuleName[] = "sync";
SchemaModule module();
// Idempotent; before any store is opened.
void registerWithStore();
} // namespace SyncSchema

} // namespace relais::sync
