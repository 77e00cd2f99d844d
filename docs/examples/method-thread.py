# Which start method? Python has no 'thread' start method: a threading.Thread runs the same
# target in this process, sharing its GIL.
import os
import threading
import time


def where_am_i(method):
    name = threading.current_thread().name
    print(f"{method}: {name} runs in pid {os.getpid()}, thread {threading.get_native_id()}")


if __name__ == "__main__":
    begun = time.perf_counter()
    child = threading.Thread(target=where_am_i, args=("thread",))
    child.start()
    child.join()
    ms = round((time.perf_counter() - begun) * 1000)
    print(f"ended after {ms} ms; the parent is pid {os.getpid()}")
