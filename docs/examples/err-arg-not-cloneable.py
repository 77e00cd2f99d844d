# ERR_ARG_NOT_CLONEABLE's twin: with spawn, pickle refuses a lambda among the arguments.
import multiprocessing as mp
import pickle
import re


def apply(values, transform):
    return [transform(n) for n in values]


if __name__ == "__main__":
    try:
        mp.get_context("spawn").Process(target=apply, args=([1, 2, 3], lambda n: n * 2)).start()
    except pickle.PicklingError as error:
        print(f"PicklingError: {re.sub(' at 0x[0-9a-f]+', '', str(error))}")
