#!/usr/bin/perl
# openapi_valid: the protocol's OpenAPI document validates against the OpenAPI 3.0 specification, with Debian 12's
# JSON::Validator (libjson-validator-perl, which carries the specification's schemas; YAML through libyaml-libyaml-perl).
# An integrator generating a client stops at the first error such a validator finds; so does this test.
use strict;
use warnings;
use JSON::Validator::Schema::OpenAPIv3;

my $file = shift or die "usage: openapi-valid.pl openapi.yaml\n";
my $schema = JSON::Validator::Schema::OpenAPIv3->new($file);
my @errors = @{ $schema->errors };
print "$_\n" for @errors;
print @errors ? "openapi_valid: $file is not a valid OpenAPI document\n" : "openapi_valid: $file is valid\n";
exit(@errors ? 1 : 0);
