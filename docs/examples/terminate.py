# 3-3: ending a child: terminate() sends SIGTERM; a polite stop asks first.
import multiprocessing as mp
import time


def long_task(ready):
    print(f"child: pid {mp.current_process().pid}, working for 20 seconds", flush=True)
    ready.set()
    time.sleep(20)
    print("child: finished")  # never printed


def polite_task(ready, stop):
    print("polite child: working until asked to stop", flush=True)
    ready.set()
    stop.wait()
    print("polite child: asked to stop, cleaning up", flush=True)


if __name__ == "__main__":
    ready = mp.Event()
    child = mp.Process(target=long_task, args=(ready,))
    child.start()
    ready.wait()  # wait until the child has said hello
    child.terminate()  # sends SIGTERM and returns at once
    child.join()
    print(f"main: alive {child.is_alive()}, exit code {child.exitcode}")

    ready, stop = mp.Event(), mp.Event()
    polite = mp.Process(target=polite_task, args=(ready, stop))
    polite.start()
    ready.wait()
    stop.set()  # ask first...
    polite.join(2)
    if polite.is_alive():
        polite.terminate()  # ...and insist only if it does not listen
        polite.join()
    print(f"main: polite child ended with exit code {polite.exitcode}")
