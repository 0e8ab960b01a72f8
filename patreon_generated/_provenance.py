# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from."""

SPEC_SHA256 = "5be5f6aa8777069611674551f7c6b694b0f9ed914dcd9ccae943f0f584f14912"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
