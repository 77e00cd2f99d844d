# ERR_UNSUPPORTED_NODE has no Python twin: multiprocessing ships with Python itself. A program
# that needs a newer Python checks for it itself, as this one does.
import sys

NEEDED = (3, 8)


def check(version):
    if version < NEEDED:
        raise RuntimeError(f"Python {version[0]}.{version[1]} is not supported: this program needs 3.8 or newer")


if __name__ == "__main__":
    print(f"this Python is supported: {sys.version_info >= NEEDED}")
    try:
        check((3, 6))
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
