"""The async half of the member mirror: the source its sync half is generated from."""
