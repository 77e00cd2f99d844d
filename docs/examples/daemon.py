# 3-3: a daemonic child is ended as soon as its parent ends.
import multiprocessing
import time


def background_task():
    print("daemon: started as", multiprocessing.current_process())
    time.sleep(5)
    # Never printed: the parent ends after two seconds and takes the daemon with it.
    print("daemon: finished")


if __name__ == "__main__":
    child = multiprocessing.Process(target=background_task, daemon=True)
    child.start()
    print("main: the daemon runs in the background while we carry on")
    time.sleep(2)
    print("main: done; the daemon ends with us")
