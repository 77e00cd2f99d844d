# 3-2: the start methods this platform offers, and a child started by each.
import multiprocessing as mp


def hello(method):
    print(f"hello from a child started with '{method}'")


if __name__ == "__main__":
    methods = mp.get_all_start_methods()
    print("available:", methods)
    for method in methods:
        ctx = mp.get_context(method)  # an explicit context; no global state is changed
        child = ctx.Process(target=hello, args=(method,))
        child.start()
        child.join()
