# ERR_TARGET_NOT_FOUND's nearest twin: with spawn, a lambda cannot be pickled by name.
# (Python pickles a functools.partial or a bound method, which proclife cannot send.)
import multiprocessing as mp
import pickle
import re


def greet(greeting, who):
    print(f"{greeting}, {who}")


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    try:
        ctx.Process(target=lambda who: greet("hello", who), args=("reader",)).start()
    except pickle.PicklingError as error:
        print(f"PicklingError: {re.sub(' at 0x[0-9a-f]+', '', str(error))}")
    p = ctx.Process(target=greet, args=("hello", "reader"))
    p.start()
    p.join()
