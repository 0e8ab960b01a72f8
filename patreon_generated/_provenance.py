# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from."""

SPEC_SHA256 = "21e2a19343f9c1b583dbbe01ef98616113231ec0abc48ab4ef0250ccb22117fc"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
