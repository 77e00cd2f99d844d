# Porting: repr(p), before start, while running and after the end.
import multiprocessing as mp
import time


def nothing():
    pass


def waits():
    time.sleep(60)


if __name__ == "__main__":
    p = mp.Process(target=nothing, name="it's")
    print(repr(p))
    p.start()
    print(repr(p))
    p.join()
    print(repr(p))
    killed = mp.Process(target=waits, daemon=True)
    killed.start()
    killed.kill()
    killed.join()
    print(repr(killed))
