# Porting: Python's Process keeps no return value; a Queue pickles it back, and an instance of an
# importable class is unpickled as an instance of that class.
import multiprocessing as mp


class Reading:
    def __init__(self, sensor, values):
        self.sensor, self.values = sensor, values

    def mean(self):
        return sum(self.values) / len(self.values)


def measure(sensor, results):
    results.put(Reading(sensor, [3, 4, 8]))


if __name__ == "__main__":
    results = mp.Queue()
    p = mp.Process(target=measure, args=("north", results))
    p.start()
    reading = results.get()
    p.join()
    print(isinstance(reading, Reading), reading.sensor, reading.mean())
