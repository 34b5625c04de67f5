"""`python -m ecom_models ...`: run the command line, quietly when the reader goes away.

`python -m ecom_models summary --json | head -1` closes our stdout early. Python ignores
SIGPIPE, so the next write raises BrokenPipeError; without care the user sees a traceback
(or "Exception ignored ... BrokenPipeError" when the final flush fails at exit).

Recipe from the Python documentation (library/signal.html, "Note on SIGPIPE"): flush inside
the try, and on BrokenPipeError point stdout at /dev/null so the interpreter's own flush at
exit cannot fail again.

Exit status on a closed pipe: 141 (= 128 + SIGPIPE), what a shell reports for a Unix tool
killed by SIGPIPE (`yes | head -1`). A plain pipeline still succeeds (its status is the last
command's); under `set -o pipefail` the truncated output shows as it would for `cat`.
"""
from __future__ import annotations

import os
import sys

from .cli import main

EXIT_BROKEN_PIPE = 141


def run() -> int | str | None:
    """Run the CLI; out: its exit status, or EXIT_BROKEN_PIPE when stdout was closed early."""
    try:
        try:
            status = main()
        except SystemExit:
            sys.stdout.flush()  # argparse's --help/usage exit: write out while we can catch
            raise
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


raise SystemExit(run())
