# ERR_DAEMON_CHILDREN's twin: Python raises AssertionError with the same message.
import multiprocessing as mp


def helper():
    pass


def daemon_task():
    try:
        mp.Process(target=helper).start()
    except AssertionError as error:
        print(f"in {mp.current_process().name}: AssertionError: {error}")


if __name__ == "__main__":
    p = mp.Process(target=daemon_task, daemon=True, name="the-daemon")
    p.start()
    p.join()
