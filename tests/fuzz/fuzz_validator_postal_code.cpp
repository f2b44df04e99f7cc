#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_postal_code)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_postal_code", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::postalCode);
}
