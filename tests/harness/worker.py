"""The student-side worker: runs a submission's code inside the sandbox.

It is started by the judge (``harness.submission``) with a working folder that holds
``cells.json`` (the notebook's code cells to run), ``probes.py`` (what to measure on the
student's objects, no answers in it) and the judge's input files. It never sees the
grader's references or checks.

Protocol (JSON lines; requests on stdin, replies on the original stdout):
  after start-up:        {"event": "ready", "cells": [{"index", "status", "error"}...]}
  {"probe": NAME, "input": FILE, "output": FILE, "timeout": SECONDS}
                      -> {"probe": NAME, "status": "ok" | "timeout" | "crashed", "detail": ...}

Every probe runs in a child forked from this process after the cells have run, so one
probe's crash, hang or state change never reaches another.

``worker.py --fork-server FD`` loads torch once and forks a fresh worker per submission instead
(``harness.submission.use_fork_server``); each forked worker then runs exactly as above.
"""
import json
import linecache
import os
import resource
import signal
import sys
import time
import traceback

CELL_TIMEOUT_S = float(os.environ.get("GRADER_CELL_TIMEOUT_S", "60"))
MEMORY_LIMIT_BYTES = int(os.environ.get("GRADER_MEMORY_LIMIT_BYTES", str(8 * 2**30)))
STUDENT_FILE_PREFIX = "<cell "


def student_traceback(exc):
    """The traceback of an exception, keeping only the frames from the student's cells."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(STUDENT_FILE_PREFIX)]
    lines = [f"  in {f.filename[1:-1]}, line {f.lineno}: {f.line}" for f in frames[-3:]]
    return "\n".join([f"{type(exc).__name__}: {exc}"] + lines)


class CellTimeout(BaseException):
    """Raised inside a cell that runs longer than its time limit."""


def _on_alarm(signum, frame):
    raise CellTimeout(f"the cell ran longer than {CELL_TIMEOUT_S:g} s")


def run_cells(cells, namespace, skip, progress):
    """Run every cell in order, recording errors; never lets a cell stop the worker."""
    results = []
    signal.signal(signal.SIGALRM, _on_alarm)
    for cell in cells:
        if cell["index"] in skip:
            results.append({"index": cell["index"], "status": "skipped", "error": skip[cell["index"]]})
            continue
        progress.write(f"{cell['index']}\n")
        progress.flush()
        status, error = "ok", None
        try:
            filename = f"<cell {cell['index']}>"
            linecache.cache[filename] = (len(cell["source"]), None, cell["source"].splitlines(True), filename)
            code = compile(cell["source"], filename, "exec")
            signal.setitimer(signal.ITIMER_REAL, CELL_TIMEOUT_S)
            try:
                exec(code, namespace)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except BaseException as exc:  # SystemExit and KeyboardInterrupt too: a cell must not stop grading
            status, error = "error", student_traceback(exc)
        results.append({"index": cell["index"], "grade_id": cell.get("grade_id"), "status": status, "error": error})
    return results


def strip_ipython(source):
    """Drop IPython-only lines (magics, shell escapes) that plain Python cannot compile."""
    return "\n".join("pass  # " + line if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


def run_probe(probes, namespace, request):
    """In a forked child: run one probe and save its facts for the judge."""
    os.environ["CUDA_VISIBLE_DEVICES"] = os.environ.get("GRADER_CUDA_DEVICES", "")
    if not os.environ["CUDA_VISIBLE_DEVICES"] and MEMORY_LIMIT_BYTES:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    import torch
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    torch.manual_seed(0)
    inputs = torch.load(request["input"], weights_only=True) if request.get("input") else {}
    try:
        facts = probes.PROBES[request["probe"]](namespace, inputs)
        if sys.modules["probe_tools"].not_implemented:
            facts = {"error": "NotImplementedError: this exercise is not done yet"}
    except BaseException as exc:
        facts = {"error": student_traceback(exc)}
    torch.save(facts, request["output"])


def serve(probes, namespace, replies):
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run_probe(probes, namespace, request)
            except BaseException:
                code = 3
            finally:
                os._exit(code)
        status, detail = wait_child(pid, float(request.get("timeout", 30)))
        replies.write(json.dumps({"probe": request["probe"], "status": status, "detail": detail}) + "\n")
        replies.flush()


SIGNAL_MEANING = {signal.SIGSEGV: ", a segmentation fault: native code accessed memory it does not own",
                  signal.SIGBUS: ", a bus error in native code", signal.SIGABRT: ": native code aborted",
                  signal.SIGKILL: ", most often by the system for running out of memory"}


def wait_child(pid, timeout):
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            if os.WIFSIGNALED(status):
                number = os.WTERMSIG(status)
                return "crashed", f"the process was killed by signal {number}{SIGNAL_MEANING.get(number, '')}"
            code = os.WEXITSTATUS(status)
            return ("ok", None) if code == 0 else ("crashed", f"the process exited with status {code}")
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout", f"no result within {timeout:g} s"
        time.sleep(0.005)


def prepare():
    """What every worker loads before the student's code runs."""
    # GRADER_CUDA_DEVICES (set by the judge) names the GPUs probes may use.
    # CUDA stays hidden while the cells run, so that it is first initialised in a probe's
    # child (CUDA cannot be used after a fork from a process that initialised it).
    os.environ["CUDA_VISIBLE_DEVICES"] = ""
    os.environ["PYTORCH_NVML_BASED_CUDA_CHECK"] = "1"
    import matplotlib
    matplotlib.use("Agg")
    import torch
    torch.set_num_threads(1)
    # The first operation on the meta device (probe_tools.on_other_device) loads its kernels, about
    # 1 s: once here, before the probes fork, instead of once in every probe.
    (torch.empty(2, device="meta") * 2).sum()


def run(workdir):
    """Run the cells in ``workdir``, report, then answer probe requests until stdin closes."""
    os.chdir(workdir)
    sys.path.insert(0, workdir)
    # The protocol keeps the real stdout; whatever the student prints goes to a log.
    replies = os.fdopen(os.dup(1), "w")
    log = os.open("student_output.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (2**30, 2**30))  # no file over 1 GiB (logs, saved tensors)
    import probes

    with open("cells.json") as f:
        spec = json.load(f)
    cells = [dict(c, source=strip_ipython(c["source"])) for c in spec["cells"]]
    skip = {int(k): v for k, v in spec.get("skip", {}).items()}
    namespace = {"__name__": "__main__"}
    with open("progress.log", "a") as progress:
        results = run_cells(cells, namespace, skip, progress)
    replies.write(json.dumps({"event": "ready", "cells": results}) + "\n")
    replies.flush()
    serve(probes, namespace, replies)


def fork_server(control_fd):
    """Prepare once, then fork one worker per request (the grader's proof grades hundreds of notebooks).

    Requests on the control socket (JSON): {"workdir": W} with a socket passed along, which becomes the
    new worker's stdin and stdout -> {"pid": P}; {"stop": P} -> the worker is killed if still running,
    and reaped -> {"code": its exit code, negative for a signal}.
    """
    import socket
    prepare()
    import matplotlib.pyplot  # noqa: F401  what the notebooks import anyway
    import torchvision  # noqa: F401
    control = socket.socket(fileno=control_fd)
    while True:
        message, fds, _, _ = socket.recv_fds(control, 65536, 1)
        if not message:
            return
        request = json.loads(message)
        if "stop" in request:
            pid = request["stop"]
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            except ChildProcessError:
                code = None
            control.send(json.dumps({"code": code}).encode())
            continue
        pid = os.fork()
        if pid == 0:
            try:
                control.close()
                os.setsid()
                os.dup2(fds[0], 0)
                os.dup2(fds[0], 1)
                os.close(fds[0])
                sys.stdin = os.fdopen(0, "r")
                run(request["workdir"])
            finally:
                os._exit(0)
        os.close(fds[0])
        control.send(json.dumps({"pid": pid}).encode())


def main():
    if sys.argv[1] == "--fork-server":
        fork_server(int(sys.argv[2]))
    else:
        prepare()
        run(sys.argv[1])


if __name__ == "__main__":
    main()
