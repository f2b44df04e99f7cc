#pragma once

#include <QLoggingCategory>

// One category per room. Log ids and states only: never a name, a password, a key or an answer.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
