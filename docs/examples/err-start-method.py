# ERR_START_METHOD's twin: Python raises ValueError for a start method it does not know.
import multiprocessing as mp

if __name__ == "__main__":
    try:
        mp.get_context("thread")
    except ValueError as error:
        print(f"ValueError: {error}")
