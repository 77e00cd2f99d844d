# Porting: exitcode's values. Python keeps no return value or exception: send them back yourself.
import multiprocessing as mp
import os
import sys
import time


def answers():
    return 42  # lost: Process does not keep it


def fails():
    sys.stderr = open(os.devnull, "w")  # keep the child's traceback off this page
    raise ValueError("no such page")


def exits():
    sys.exit(3)


def waits():
    while True:
        time.sleep(1)


if __name__ == "__main__":
    for target in (answers, fails, exits, waits):
        p = mp.Process(target=target)
        p.start()
        if target is waits:
            p.kill()
        p.join()
        print(f"{target.__name__}: exitcode {p.exitcode}")
