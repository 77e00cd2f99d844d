# ERR_TARGET_MISMATCH has no Python twin: Python sends a function by its name, and a spawned
# child runs whatever its own import finds under that name, without a word.
import multiprocessing as mp


def task():
    print("the original task")


if __name__ == "__main__":

    def task():  # noqa: F811 (redefined in the parent only)
        print("a replacement, made in the parent only")

    p = mp.get_context("spawn").Process(target=task)
    p.start()
    p.join()
    print(f"exitcode {p.exitcode}, no error: the child ran the original")
