# ERR_NO_FORK has no Python twin: on Linux, Python forks (its default there before 3.14).
import multiprocessing as mp


def hello():
    print(f"hello from {mp.current_process().name}, a forked copy of the parent")


if __name__ == "__main__":
    p = mp.get_context("fork").Process(target=hello)
    p.start()
    p.join()
