"""A marking guide for teaching assistants: every written question with its model answer and mark scheme.

    python scripts/marking_guide.py vision_models      -> demo/marking_guide_vision_models.md

Formgrader shows each student's answer; this guide, made from the source notebook, sits beside it.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===(.*?)=== END MARK SCHEME ===", re.S)
SOLUTION = re.compile(r"### BEGIN SOLUTION(.*?)### END SOLUTION", re.S)


def guide(assignment):
    cells = json.loads((ROOT / "source" / assignment / f"{assignment}.ipynb").read_text())["cells"]
    lines = [f"# Marking guide: {assignment}", ""]
    for previous, cell in zip([None] + cells, cells):
        meta = cell["metadata"].get("nbgrader", {})
        if not (meta.get("grade") and meta.get("solution")):
            continue
        text = "".join(cell["source"])
        answer = SOLUTION.search(text).group(1) if SOLUTION.search(text) else text
        scheme = SCHEME.search(answer)
        question = "".join(previous["source"]) if previous and previous["cell_type"] == "markdown" else ""
        lines += [f"## `{meta['grade_id']}` ({meta['points']:g} points)", "", "**Question**", "", question.strip(), "",
                  "**Model answer**", "", SCHEME.sub("", answer).strip(), "",
                  "**Mark scheme**", "", scheme.group(1).strip() if scheme else "(grade the plot or code shown)", ""]
    return "\n".join(lines)


def main(argv):
    out = ROOT / "demo"
    out.mkdir(exist_ok=True)
    for assignment in argv or ["vision_models"]:
        path = out / f"marking_guide_{assignment}.md"
        path.write_text(guide(assignment))
        print(f"Marking guide: {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
