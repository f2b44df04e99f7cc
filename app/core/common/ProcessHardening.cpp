#include "ProcessHardening.h"

#include "common/Logging.h"

#include <cerrno>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace relais {

void hardenProcess()
{
    // Both limits to zero: a child or a later setrlimit() cannot raise the soft limit back.
    const rlimit noCore{0, 0};
    if (::setrlimit(RLIMIT_CORE, &noCore) != 0)
        qCWarning(lcDomain) << "core files could not be disabled, errno" << errno;
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        qCWarning(lcDomain) << "the process could not be made non-dumpable, errno" << errno;
}

} // namespace relais
