# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from."""

SPEC_SHA256 = "f8e81d25a01051a259eb544e75641313eaf7f1c346a354c47afec1c64107c3c8"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
