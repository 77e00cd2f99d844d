# Getting started: run a function in a child process, wait for it, read how it ended.
import multiprocessing as mp


def child_task(label, results):
    me = mp.current_process()
    print(f"{label} in {me.name}, pid {me.pid}")
    results.put(42)  # Python's Process keeps no return value: send it back yourself


if __name__ == "__main__":
    results = mp.Queue()
    p = mp.Process(target=child_task, args=("hello", results), name="worker-1")
    p.start()
    value = results.get()
    p.join()
    print(p.exitcode, value)
