# Porting: Process(target=, args=, name=, daemon=) becomes one options object.
import multiprocessing as mp


def greet(who, times):
    me = mp.current_process()
    for _ in range(times):
        print(f"hello {who} from {me.name}, daemon {me.daemon}")


if __name__ == "__main__":
    p = mp.Process(target=greet, args=("reader", 2), name="greeter", daemon=True)
    p.start()
    p.join()
