# ERR_PROCESS_CLOSED's twin: Python raises ValueError with the same message.
import multiprocessing as mp


def answers():
    return 42


if __name__ == "__main__":
    p = mp.Process(target=answers)
    p.start()
    p.join()
    p.close()
    try:
        print(p.exitcode)
    except ValueError as error:
        print(f"ValueError: {error}")
