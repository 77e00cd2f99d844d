# Porting: cpu_count(). Python's counts every CPU; os.sched_getaffinity(0) counts those this process may use.
import multiprocessing as mp
import os

if __name__ == "__main__":
    print(f"cpu_count(): {mp.cpu_count()}")
    print(f"CPUs this process may use: {len(os.sched_getaffinity(0))}")
