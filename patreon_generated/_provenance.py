# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Where this package came from."""

SPEC_SHA256 = "0dececbc95d6a5dbe3c939fe04f52e9db8f0001026b28ec9ce3bb2e6cde3124a"
GENERATOR_VERSION = "openapi-python-client 0.29.1, datamodel-code-generator 0.89.0"
LIBRARY_VERSION = "0.1.0"
