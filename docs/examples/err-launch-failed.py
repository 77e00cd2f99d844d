# ERR_LAUNCH_FAILED has no Python twin: Python's spawn forks first and then runs the new program,
# so start() returns as if all were well; the refusal shows only as the child's exitcode, 255.
import multiprocessing as mp
import os


def work():
    print("never printed")


if __name__ == "__main__":
    os.environ["HUGE"] = "x" * 200_000
    p = mp.get_context("spawn").Process(target=work)
    p.start()
    p.join()
    print(f"start() raised nothing; exitcode {p.exitcode}")
