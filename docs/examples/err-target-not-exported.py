# ERR_TARGET_NOT_EXPORTED's nearest twin: with spawn, a function defined inside another cannot be
# pickled, because the child could not import it by name.
import multiprocessing as mp


def make_work():
    def work():
        print("work ran in the child")

    return work


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    try:
        ctx.Process(target=make_work()).start()
    except AttributeError as error:
        print(f"AttributeError: {error}")
