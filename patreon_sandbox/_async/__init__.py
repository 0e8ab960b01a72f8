"""The async halves of the sandbox's sync/async twins: the source the sync halves are generated from."""
