# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from: the spec's hash, the pinned generators, the library version."""

SPEC_SHA256 = "be3026684962be63215dbbb59bb43aa61f2f5d80a10be9af71436ae5a32b2d78"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
