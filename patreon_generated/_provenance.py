# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from."""

SPEC_SHA256 = "4a00c8a4b46689db950356881182793dc4837afa854bb8bd5d71ae56cc838bae"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
