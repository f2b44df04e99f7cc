#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_nir)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_nir", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::nir);
}
