#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_siret)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_siret", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::siret);
}
