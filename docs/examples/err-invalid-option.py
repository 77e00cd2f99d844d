# ERR_INVALID_OPTION's twin: Python refuses an unknown keyword (TypeError), and a name that is not
# a str when it is set (AssertionError).
import multiprocessing as mp


def work():
    pass


if __name__ == "__main__":
    try:
        mp.Process(tagret=work)
    except TypeError as error:
        print(f"TypeError: {error}")
    p = mp.Process(target=work)
    try:
        p.name = 42  # Process(name=42) is taken as it is; the setter checks
    except AssertionError as error:
        print(f"AssertionError: {error}")
