# 3-3: several subclassed processes at once; then run() called directly on each.
import multiprocessing as mp


class Worker(mp.Process):
    def run(self):
        me = mp.current_process()
        print(f"run() in {me.name}, pid {me.pid}")


if __name__ == "__main__":
    workers = [Worker() for _ in range(4)]  # the source used os.cpu_count()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("main: all joined; now calling run() directly")
    for w in workers:
        w.run()  # prints the main process's name and pid each time
