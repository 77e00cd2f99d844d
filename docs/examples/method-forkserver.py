# Which start method? 'forkserver' in Python's multiprocessing.
import multiprocessing as mp
import os
import time


def where_am_i(method):
    print(f"{method}: {mp.current_process().name} runs in pid {os.getpid()}")


if __name__ == "__main__":
    begun = time.perf_counter()
    child = mp.get_context("forkserver").Process(target=where_am_i, args=("forkserver",))
    child.start()
    child.join()
    ms = round((time.perf_counter() - begun) * 1000)
    print(f"exit code {child.exitcode} after {ms} ms; the parent is pid {os.getpid()}")
