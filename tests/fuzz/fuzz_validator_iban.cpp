#include "ValidatorInvariants.h"

RELAIS_FUZZ_TARGET(fuzz_validator_iban)
{
    relais::fuzz::checkValidatorInvariants("fuzz_validator_iban", relais::fuzz::utf8(data, size),
                                           &relais::catalogue::Validators::iban);
}
