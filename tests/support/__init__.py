"""Code only the tests use: the project's own copy of the scorer's matching rules."""
