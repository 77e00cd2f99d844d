# Porting: name, daemon, pid and ident, before and after start().
import multiprocessing as mp


def nothing():
    pass


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    print(f"before start: name {p.name}, daemon {p.daemon}, pid {p.pid}, ident {p.ident}")
    p.start()
    print(f"after start: pid {p.pid}, ident equals pid: {p.ident == p.pid}")
    p.join()
