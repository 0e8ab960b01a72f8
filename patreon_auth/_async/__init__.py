"""The async halves of the sync/async twins: the source the sync halves are generated from."""
