# Porting: if __name__ == '__main__'. A spawned child imports this module to find its target, so the
# module's top level runs there too, and the guarded block does not.
import multiprocessing as mp

print(f"top level runs in {mp.current_process().name}")


def task():
    print(f"task runs in {mp.current_process().name}")


if __name__ == "__main__":
    mp.set_start_method("spawn")  # fork would copy the parent instead of importing this module
    print(f"guarded block runs in {mp.current_process().name} only")
    p = mp.Process(target=task)
    p.start()
    p.join()
