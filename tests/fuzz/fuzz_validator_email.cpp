#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_email)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_email", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::email);
}
