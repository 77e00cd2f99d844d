# 3-3: subclassing Process. start() runs run() in the child; calling run() runs it here.
import multiprocessing as mp


class Greeter(mp.Process):
    def __init__(self, greeting="hello"):
        super().__init__()
        self.greeting = greeting

    def run(self):
        me = mp.current_process()
        print(f"{self.greeting} from {me.name}, pid {me.pid}")


if __name__ == "__main__":
    print(f"main: pid {mp.current_process().pid}")
    greeter = Greeter("hi")
    greeter.start()  # run() in a new process
    greeter.join()
    greeter.run()  # run() called directly: an ordinary method call, in this process
