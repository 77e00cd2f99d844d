# 3-1: a child process has its own interpreter, and so its own GIL.
import multiprocessing


def child_task():
    me = multiprocessing.current_process()
    print(f"child: running in {me.name}")
    print("child: this interpreter has its own GIL")


if __name__ == "__main__":
    print("main: creating the child process")
    # Pass the function itself. `target=child_task()` would call it right here,
    # in the parent, and hand its return value (None) to Process as the target.
    child = multiprocessing.Process(target=child_task)
    child.start()
    child.join()
    print(f"main: the child ended with exit code {child.exitcode}")
