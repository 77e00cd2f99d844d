# Porting: close() frees the Process; it raises while the child runs, and most members raise after it.
import multiprocessing as mp


def answers():
    return 42


if __name__ == "__main__":
    p = mp.Process(target=answers)
    p.start()
    try:
        p.close()
    except ValueError as error:
        print(f"close() while running: {error}")
    p.join()
    p.close()
    print(f"closed: name {p.name}, {p!r}")
    try:
        p.exitcode
    except ValueError as error:
        print(f"exitcode after close(): {error}")
