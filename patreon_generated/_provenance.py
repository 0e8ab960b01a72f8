# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from: the spec's hash, the pinned generators, the library version."""

SPEC_SHA256 = "dd5f09e80c9326c48fafacdb6bd11919ed978e41d3a4211cc8e26ef02ec1fea9"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
