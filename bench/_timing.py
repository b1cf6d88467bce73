"""Shared timing helper for the bench scripts: best and median of repeated runs."""

import statistics
import time


def report(name, func, *, number, repeat=7):
    """Run ``func`` ``number`` times per round, ``repeat`` rounds; print per-call times.

    The best round is the least disturbed by the rest of the machine; the median says
    how typical it is.
    """
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    best, median = min(rounds), statistics.median(rounds)
    print(f"{name:<48} best {best * 1e6:10.1f} µs   median {median * 1e6:10.1f} µs")
    return best
