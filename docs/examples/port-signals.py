# Porting: terminate() and kill() send SIGTERM and SIGKILL; exitcode is -N.
import multiprocessing as mp
import os
import signal
import time


def waits():
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # end on SIGINT as Node does, not with KeyboardInterrupt
    while True:
        time.sleep(1)


if __name__ == "__main__":
    for how in ("terminate", "kill", "interrupt"):
        p = mp.Process(target=waits, name=how)
        p.start()
        if how == "interrupt":
            time.sleep(0.2)  # let the child set its SIGINT handler
            os.kill(p.pid, signal.SIGINT)  # Python 3.14 adds p.interrupt() for this
        else:
            getattr(p, how)()
        p.join()
        print(f"{how}(): exitcode {p.exitcode}, {p!r}")
