#include "FakeClock.h"
#include "TempStoreDir.h"
