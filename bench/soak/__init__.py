"""The soak: the whole service under a mixed load from many shops, with faults in the middle, checked for
anything lost, stuck, counted twice or left behind. Run ``python -m bench.soak --help``; see bench/README.md."""
