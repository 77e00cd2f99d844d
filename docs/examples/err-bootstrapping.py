# ERR_BOOTSTRAPPING's twin: Python raises RuntimeError with the same opening words, in the child.
import multiprocessing as mp


def task():
    print(f"task runs in {mp.current_process().name}")


try:
    p = mp.get_context("spawn").Process(target=task)
    p.start()
    p.join()
    print(f"{mp.current_process().name}: the child ended with exitcode {p.exitcode}")
except RuntimeError as error:
    print(f"in {mp.current_process().name}: RuntimeError: {str(error).split(chr(10))[1].strip()}")
