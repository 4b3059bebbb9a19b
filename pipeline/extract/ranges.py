"""Character ranges already taken (by a number, a URL …) with logarithmic look-ups."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort


class Occupied:
    """Character ranges already taken by a number, with logarithmic look-ups (a text with
    tens of thousands of numbers made the linear scans quadratic)."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []
        self._longest = 0

    def add(self, s: int, e: int) -> None:
        insort(self._ranges, (s, e))
        self._longest = max(self._longest, e - s)

    def contains(self, pos: int) -> bool:
        """Is ``pos`` inside a range (``a <= pos < b``)?"""
        i = bisect_right(self._ranges, (pos, float("inf")))
        while i > 0 and self._ranges[i - 1][0] >= pos - self._longest:
            i -= 1
            if self._ranges[i][1] > pos:
                return True
        return False

    def overlaps(self, s: int, e: int) -> bool:
        """Does ``[s, e)`` overlap a range?"""
        i = bisect_left(self._ranges, (e, -1))
        while i > 0 and self._ranges[i - 1][0] >= s - self._longest:
            i -= 1
            if self._ranges[i][1] > s:
                return True
        return False
