# ERR_WORKER_OUT_OF_MEMORY has no Python twin (Python threads have no heap of their own). The
# nearest: a child process under a memory limit (RLIMIT_AS) raises MemoryError and exits with 1.
import multiprocessing as mp
import os
import resource
import sys


def hoard():
    resource.setrlimit(resource.RLIMIT_AS, (256 * 2**20, 256 * 2**20))
    sys.stderr = open(os.devnull, "w")  # keep the child's traceback off this page
    kept = []
    while True:
        kept.append(bytearray(2**20))


if __name__ == "__main__":
    p = mp.Process(target=hoard)
    p.start()
    p.join()
    print(f"exitcode {p.exitcode}")
    print("the parent carries on")
