# Targets: pickle finds the function by module and qualified name, or start() refuses.
import multiprocessing as mp


def work(label):
    print(f'work({label}) ran in the child')


def make_worker():
    # Named like the module-level function, but local: pickle cannot find it by name.
    def work():
        print('never printed')
    return work


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    a = ctx.Process(target=work, args=('exported',))
    a.start()
    a.join()
    try:
        ctx.Process(target=make_worker()).start()
    except Exception as error:
        print(type(error).__name__)
