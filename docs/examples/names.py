# 3-3: naming processes makes logs readable; unnamed ones get Process-1, Process-2, ...
import multiprocessing


def report():
    print(f"{multiprocessing.current_process().name} did its part")


if __name__ == "__main__":
    named = multiprocessing.Process(target=report, name="image-resizer")
    unnamed = multiprocessing.Process(target=report)
    print("names before start:", named.name, unnamed.name)
    for p in (named, unnamed):
        p.start()
        p.join()
