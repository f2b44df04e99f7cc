#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_siren)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_siren", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::siren);
}
