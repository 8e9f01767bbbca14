"""Python modules that sit beside an assignment's notebook (``networks.py``, ``solver.py``, ``utils.py``).

A module is a *student module* when it holds solution regions (``### BEGIN SOLUTION`` ...
``### END SOLUTION``), exactly like a notebook cell. nbgrader only clears solutions in notebooks,
so ``ClearModuleSolutions`` (nbgrader_plugins.py) writes the student version of every such module
into release/ with the same markers and the same stub, through nbgrader's own ClearSolutions;
autograde keeps the submitted version instead of overwriting it with the instructor's.
Every other ``.py`` beside the notebook is provided code, released as it is.
"""
import ast
import os
import stat
from pathlib import Path

from nbformat import NotebookNode

BEGIN_SOLUTION = "### BEGIN SOLUTION"
MAX_MODULE_BYTES = 1 * 2**20
# names the grader's worker uses for its own files: a course module may not take them
RESERVED = {"worker.py", "probes.py", "probe_tools.py", "cells.json"}


def module_names(assignment_folder):
    """The ``.py`` files beside an assignment's notebook, by name (provided and student modules)."""
    folder = Path(assignment_folder)
    names = sorted(p.name for p in folder.glob("*.py") if p.is_file()) if folder.is_dir() else []
    clash = RESERVED.intersection(names)
    if clash:
        raise ValueError(f"{folder}: module names reserved by the grader: {', '.join(sorted(clash))}")
    return names


def student_module_names(assignment_folder):
    """The modules with solution regions: students write parts of them."""
    folder = Path(assignment_folder)
    return [name for name in module_names(folder) if BEGIN_SOLUTION in (folder / name).read_text()]


def clear_solutions(text, clear_solutions_preprocessor):
    """The student version of a module: each solution region replaced by nbgrader's code stub."""
    cell = NotebookNode(cell_type="code", source=text, metadata={}, outputs=[], execution_count=None)
    while clear_solutions_preprocessor._replace_solution_region(cell, "python"):
        pass
    return cell.source.rstrip("\n") + "\n"


def read_submitted(path):
    """A submitted module's text, or None: only a regular file (never a link) of sensible size."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MODULE_BYTES:
        return None
    return Path(path).read_bytes()


def definition_lines(text, qualname):
    """(first, last) line numbers (1-based) of the class, function or method ``qualname`` ("Solver.train")."""
    body = ast.parse(text).body
    node = None
    for part in qualname.split("."):
        matches = [n for n in body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == part]
        if len(matches) != 1:
            raise LookupError(f"no single definition '{qualname}'")
        node = matches[0]
        body = node.body
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return first, node.end_lineno
