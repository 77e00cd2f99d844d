# Porting: start(), join(timeout) and is_alive(). join() takes seconds and blocks.
import multiprocessing as mp
import time


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    p = mp.Process(target=nap, args=(1,))
    p.start()  # returns None
    print("alive after start:", p.is_alive())
    p.join(0.1)  # join() returns None: read exitcode to see whether it ended
    print("after join(0.1), exitcode is", p.exitcode)
    p.join()
    print("after join(), exitcode is", p.exitcode)
    print("alive after join:", p.is_alive())
