"""A Simple Temporal Network (Dechter, Meiri and Pearl 1991): time points and difference constraints.

A constraint says x_v - x_u <= w; it is the edge u -> v of weight w. Shortest paths from the origin give
every point's latest time, shortest paths to it the earliest; a negative cycle is a contradiction. The
networks newsline builds are small (two points an event per story), so Bellman-Ford (queue-based) is enough,
and it lets a constraint be tried and refused when it would contradict those already accepted.
"""

from __future__ import annotations

from collections import deque

from newsline.model import INF

ORIGIN = 0


class STN:
    def __init__(self, size: int) -> None:
        self.size = size
        self.out: list[dict[int, float]] = [{} for _ in range(size)]

    def add(self, u: int, v: int, w: float) -> None:
        """x_v - x_u <= w (keeps the tighter one when the edge exists)."""
        if w == INF:
            return
        if w < self.out[u].get(v, INF):
            self.out[u][v] = w

    def add_range(self, u: int, v: int, lo: float, hi: float) -> None:
        """lo <= x_v - x_u <= hi."""
        self.add(u, v, hi)
        self.add(v, u, -lo)

    def _distances(self, source: int, reverse: bool) -> list[float] | None:
        adj = self.out
        if reverse:
            adj = [{} for _ in range(self.size)]
            for u, edges in enumerate(self.out):
                for v, w in edges.items():
                    adj[v][u] = w
        dist = [INF] * self.size
        dist[source] = 0.0
        count = [0] * self.size
        queue = deque([source])
        queued = [False] * self.size
        queued[source] = True
        while queue:
            u = queue.popleft()
            queued[u] = False
            du = dist[u]
            for v, w in adj[u].items():
                nd = du + w
                if nd < dist[v] - 1e-9:
                    dist[v] = nd
                    if not queued[v]:
                        count[v] += 1
                        if count[v] > self.size:
                            return None  # a negative cycle: the constraints contradict each other
                        queued[v] = True
                        queue.append(v)
        return dist

    def bounds(self) -> list[tuple[float, float]] | None:
        """(earliest, latest) of every point relative to the origin, or None when inconsistent."""
        upper = self._distances(ORIGIN, reverse=False)
        lower = self._distances(ORIGIN, reverse=True)
        if upper is None or lower is None:
            return None
        return [(-lower[i], upper[i]) for i in range(self.size)]

    def consistent(self) -> bool:
        return self._distances(ORIGIN, reverse=False) is not None and self._has_no_cycle()

    def _has_no_cycle(self) -> bool:
        # Points unreachable from the origin can still sit on a negative cycle: check from every component.
        dist = [0.0] * self.size
        for _ in range(self.size):
            changed = False
            for u, edges in enumerate(self.out):
                for v, w in edges.items():
                    if dist[u] + w < dist[v] - 1e-9:
                        dist[v] = dist[u] + w
                        changed = True
            if not changed:
                return True
        return False

    def _shortest(self, source: int, target: int) -> float:
        """Shortest path length from `source` to `target` (INF when unreachable); the network must be
        consistent (no negative cycle), which `try_add` keeps true."""
        dist = {source: 0.0}
        queue = deque([source])
        queued = {source}
        while queue:
            u = queue.popleft()
            queued.discard(u)
            du = dist[u]
            for v, w in self.out[u].items():
                nd = du + w
                if nd < dist.get(v, INF) - 1e-9:
                    dist[v] = nd
                    if v not in queued:
                        queued.add(v)
                        queue.append(v)
        return dist.get(target, INF)

    def try_add(self, edges: list[tuple[int, int, float]]) -> bool:
        """Add the edges if the network stays consistent; otherwise leave it unchanged and say no.

        A new edge u -> v of weight w closes a negative cycle exactly when the shortest path from v back to
        u is shorter than -w, so each check is one single-source search, not a pass over the network.
        """
        saved = [(u, v, self.out[u].get(v)) for u, v, _ in edges]
        ok = True
        for u, v, w in edges:
            if w == INF:
                continue
            if self._shortest(v, u) + w < -1e-9:
                ok = False
                break
            self.add(u, v, w)
        if ok:
            return True
        for u, v, old in saved:
            if old is None:
                self.out[u].pop(v, None)
            else:
                self.out[u][v] = old
        return False
