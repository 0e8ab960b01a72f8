"""The async halves of the token stores: the source their sync halves (stores/_sync) are generated from."""
