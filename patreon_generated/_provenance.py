# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from: the spec's hash, the pinned generators, the library version."""

SPEC_SHA256 = "7783faaaef5f92b0a423f139cbbfe0b2ab6fa520eb56718b81ab8d55be639739"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
