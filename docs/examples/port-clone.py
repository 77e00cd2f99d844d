# Porting: arguments cross by pickle; instances of importable classes stay instances.
import math
import multiprocessing as mp


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def length(self):
        return math.hypot(self.x, self.y)


def measure(points, tags, results):
    kinds = [type(p).__name__ for p in points]
    lengths = [p.length() for p in points]
    results.put(f"{', '.join(kinds)}; lengths {lengths}; tags {sorted(tags)}")


if __name__ == "__main__":
    results = mp.Queue()
    p = mp.Process(target=measure, args=([Point(3, 4), Point(6, 8)], {"a", "b"}, results))
    p.start()
    print(results.get())
    p.join()
