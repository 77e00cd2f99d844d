# 3-3: every process has its own PID, and knows its parent's.
import multiprocessing
import os
import time


def child_task():
    print(f"child: pid {multiprocessing.current_process().pid}, parent pid {os.getppid()}")
    time.sleep(0.5)
    print("child: done")


if __name__ == "__main__":
    print(f"main: pid {multiprocessing.current_process().pid}")
    child = multiprocessing.Process(target=child_task)
    child.start()
    print(f"main: started a child with pid {child.pid}")
    child.join()
