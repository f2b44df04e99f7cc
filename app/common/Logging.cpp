#include "Logging.h"

Q_LOGGING_CATEGORY(lcStore, "relais.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "relais.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "relais.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "relais.cli", QtInfoMsg)
