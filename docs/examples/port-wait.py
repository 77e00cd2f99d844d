# Porting: multiprocessing.connection.wait() over the processes' sentinels.
import multiprocessing as mp
import time
from multiprocessing.connection import wait


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    quick = mp.Process(target=nap, args=(0.2,), name="quick")
    slow = mp.Process(target=nap, args=(3,), name="slow")
    quick.start()
    slow.start()
    ready = wait([quick.sentinel, slow.sentinel], 2)  # the sentinels of those that ended within 2 s
    print("ended first:", [p.name for p in (quick, slow) if p.sentinel in ready])
    print("still running:", slow.is_alive())
    slow.join()
