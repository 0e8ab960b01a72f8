# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from: the spec's hash, the pinned generators, the library version."""

SPEC_SHA256 = "669363f827d1a76a37840cc3a1607f82769c8e02b20f28d8473082513239bffd"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
