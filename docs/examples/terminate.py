# 3-3: ending a child: terminate() sends SIGTERM; a polite stop asks first.
import multiprocessing as mp
import time


def long_task():
    print(f"child: pid {mp.current_process().pid}, working for 20 seconds")
    time.sleep(20)
    print("child: finished")  # never printed


def polite_task(stop):
    print("polite child: working until asked to stop")
    stop.wait()
    print("polite child: asked to stop, cleaning up")


if __name__ == "__main__":
    child = mp.Process(target=long_task)
    child.start()
    time.sleep(1)  # give the child time to say hello
    child.terminate()  # sends SIGTERM and returns at once
    child.join()
    print(f"main: alive {child.is_alive()}, exit code {child.exitcode}")

    stop = mp.Event()
    polite = mp.Process(target=polite_task, args=(stop,))
    polite.start()
    time.sleep(1)
    stop.set()  # ask first...
    polite.join(2)
    if polite.is_alive():
        polite.terminate()  # ...and insist only if it does not listen
        polite.join()
    print(f"main: polite child ended with exit code {polite.exitcode}")
