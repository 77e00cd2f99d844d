# ERR_RESULT_NOT_CLONEABLE's nearest twin: Python drops return values, so sending one back is up
# to you, and pickle refuses a lambda there.
import multiprocessing as mp
import pickle
import re


def make_doubler(conn):
    try:
        conn.send(lambda n: n * 2)
    except (pickle.PicklingError, AttributeError) as error:
        print(f"in the child: {type(error).__name__}: {re.sub(' at 0x[0-9a-f]+', '', str(error))}")


if __name__ == "__main__":
    ours, theirs = mp.Pipe()
    p = mp.Process(target=make_doubler, args=(theirs,))
    p.start()
    p.join()
    print(f"exitcode {p.exitcode}")
