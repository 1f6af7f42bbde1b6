"""Scale benchmark: `make bench` (not part of `make test`). See bench/README.md."""
