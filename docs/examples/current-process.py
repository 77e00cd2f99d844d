# 3-3: the current process, seen from the main program and from a child.
import multiprocessing as mp


def show(where):
    me = mp.current_process()
    parent = mp.parent_process()
    print(f"{where}: name {me.name}, pid {me.pid}, parent {parent.name if parent else None}")


if __name__ == "__main__":
    show("main")
    child = mp.Process(target=show, args=("child",))
    child.start()
    print("main: active children", [p.name for p in mp.active_children()])
    child.join()
    print("main: active children after join", mp.active_children())
