#pragma once

namespace relais {

// Called first thing by both programs' main(): the process can no longer leave a core file (RLIMIT_CORE 0) nor be
// read by another program of the same account through ptrace or /proc/<pid>/mem (not dumpable). A crash would
// otherwise write the open store's key and the citizens on screen to disk. Failures are logged, not fatal: a kiosk
// that cannot harden itself still works, and says so in its log.
void hardenProcess();

} // namespace relais
