"""The async halves of the runtime's sync/async twins: the source the sync halves are generated from."""
