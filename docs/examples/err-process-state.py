# ERR_PROCESS_STATE's twin: Python raises AssertionError with the same messages.
import multiprocessing as mp


def nothing():
    pass


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    try:
        p.join()
    except AssertionError as error:
        print(f"join() before start(): AssertionError: {error}")
    p.start()
    try:
        p.start()
    except AssertionError as error:
        print(f"start() twice: AssertionError: {error}")
    p.join()
