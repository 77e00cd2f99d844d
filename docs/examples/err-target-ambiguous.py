# ERR_TARGET_AMBIGUOUS's nearest twin: two functions under one name, and pickle refuses the one
# that the name no longer holds.
import multiprocessing as mp
import pickle
import re


def job():
    print("the first job")


first = job


def job():  # noqa: F811
    print("another job")


if __name__ == "__main__":
    try:
        mp.get_context("spawn").Process(target=first).start()
    except pickle.PicklingError as error:
        print(f"PicklingError: {re.sub(' at 0x[0-9a-f]+', '', str(error))}")
