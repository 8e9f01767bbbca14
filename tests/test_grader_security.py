"""Student code cannot change its own grade, and a broken exercise costs only itself.

Each case is a submission that tries something (patch torch, return a tensor subclass, ship
files named like the grader, read or overwrite the grader's references, exit, hang, allocate
without limit); it is graded by the real checks and compared with what it deserves.
"""
import os
from pathlib import Path

import pytest

from harness import notebook as nbtools
from harness import proof, sandbox
from checks.vision_models import CHECKPOINT_EXERCISES
from harness.grade import grade

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "vision_models"
REFERENCE_PY = ROOT / "tests" / "checks" / ASSIGNMENT / "reference.py"


def graded(tmp_path, replacements=(), extra_files=None):
    """Per-exercise fractions for the reference with some cells replaced ({grade_id: code})."""
    fixtures = [proof.Fixture(Path(f"{gid}.py"), "mutant", gid, "", code, whole_cell=True) for gid, code in replacements]
    path = proof.write_submission(tmp_path / "submission", ASSIGNMENT, fixtures)
    for rel, text in (extra_files or {}).items():
        (path.parent / rel).parent.mkdir(parents=True, exist_ok=True)
        (path.parent / rel).write_text(text)
    return {ex: r.fraction for ex, r in grade(ASSIGNMENT, path).items()}


def only_loses(scores, lost):
    """Full points everywhere except the exercises in ``lost``, which get less.

    The ViT checkpoint is graded on the student's own architecture, so a broken attention may
    rightly cost it too: exercises graded from checkpoints are not judged here.
    """
    for exercise, fraction in scores.items():
        if exercise in CHECKPOINT_EXERCISES and exercise not in lost:
            continue
        if exercise in lost:
            assert fraction < 1, f"{exercise} should lose points, got {fraction}"
        else:
            assert fraction == 1, f"{exercise} should keep full points, got {fraction}"


def whole_cell(fixture_name):
    """The full solution cell a fixture stands for (provided code and student regions)."""
    fixture = proof.fixture_named(ASSIGNMENT, fixture_name)
    (cell,) = [c for c in nbtools.load(proof.source_notebook(ASSIGNMENT))["cells"]
               if nbtools.grading(c).get("grade_id") == fixture.exercise]
    return proof.fill_regions(nbtools.source(cell), fixture.code.split(proof.NEXT_REGION), fixture_name)


WRONG_ATTENTION = whole_cell("attention_head-softmax_over_queries")


@pytest.fixture(autouse=True)
def short_limits(monkeypatch):
    monkeypatch.setenv("GRADER_CELL_TIMEOUT_S", "10")
    monkeypatch.setenv("GRADER_PROBE_TIMEOUT_S", "15")


def test_patching_torch_comparisons_does_not_help(tmp_path):
    cheat = WRONG_ATTENTION + """
import torch, numpy, builtins
torch.allclose = lambda *a, **k: True
torch.equal = lambda *a, **k: True
torch.Tensor.__eq__ = lambda self, other: torch.ones((), dtype=torch.bool)
numpy.allclose = lambda *a, **k: True
builtins.isinstance = lambda obj, cls: True
"""
    # Patching builtins may break the student's own other exercises; it can never earn a point.
    scores = graded(tmp_path, [("attention_head", cheat)])
    assert scores["attention_head"] == 0, scores


def test_tensor_subclass_output_does_not_help(tmp_path):
    cheat = WRONG_ATTENTION.replace("class AttentionHead", "class _Head") + """
class Sneaky(torch.Tensor):
    def __eq__(self, other):
        return True
    def allclose(self, *args, **kwargs):
        return True
    def as_subclass(self, cls):
        return self

class AttentionHead(_Head):
    def forward(self, tokens):
        return super().forward(tokens).as_subclass(Sneaky)
"""
    only_loses(graded(tmp_path, [("attention_head", cheat)]), {"attention_head"})


def test_files_named_like_the_grader_change_nothing(tmp_path):
    fake = "def fact(*a, **k):\n    return True\nnot_implemented = []\nPROBES = {}\n"
    scores = graded(tmp_path, [("attention_head", WRONG_ATTENTION)],
                    extra_files={"probe_tools.py": fake, "probes.py": fake, "harness/__init__.py": fake,
                                 "harness/checking.py": fake, "conftest.py": "raise SystemExit(0)\n"})
    only_loses(scores, {"attention_head"})


@pytest.mark.skipif(not sandbox.available(), reason="needs bubblewrap")
def test_grader_references_are_out_of_reach(tmp_path):
    before = REFERENCE_PY.read_text()
    cheat = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
try:
    open({str(REFERENCE_PY)!r}, 'a').write('\\nBROKEN = True\\n')
except OSError:
    pass
from checks.vision_models.reference import attention as _attention

class AttentionHead(nn.Module):
    def __init__(self, input_dim, head_dim):
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(input_dim, head_dim) for _ in range(3))
        self.head_dim = head_dim

    def forward(self, tokens):
        weights = {{n: (getattr(self, n).weight, getattr(self, n).bias) for n in ('query', 'key', 'value')}}
        return _attention(tokens, weights, self.head_dim).to(tokens.dtype)
"""
    only_loses(graded(tmp_path, [("attention_head", cheat)]), {"attention_head"})
    assert REFERENCE_PY.read_text() == before


def test_exit_and_crash_cost_only_their_exercise(tmp_path):
    exits = "import sys\ncnn_strides = None\nsys.exit(0)\n"
    crashes = "import os\nos._exit(3)\n"
    scores = graded(tmp_path, [("cnn_strides", exits), ("pos_enc_cached", crashes)])
    only_loses(scores, {"cnn_strides", "pos_enc_cached"})


def test_hangs_and_huge_allocations_cost_only_their_exercise(tmp_path):
    hang_in_forward = WRONG_ATTENTION.replace("q, k, v = self.query(tokens)", "while True: pass\n        q, k, v = self.query(tokens)")
    hang_in_cell = "while True:\n    pass\n"
    huge = "import torch\nclass GlobalAvgPool2d(nn.Module):\n    def forward(self, x):\n        return torch.empty(2**40).sum() + x.mean((2, 3))\n"
    scores = graded(tmp_path, [("attention_head", hang_in_forward), ("lr_decay", hang_in_cell),
                               ("global_avg_pool_layer", huge)])
    only_loses(scores, {"attention_head", "lr_decay", "global_avg_pool_layer"})


def test_same_submission_same_grade(tmp_path):
    first = graded(tmp_path / "a", [("attention_head", WRONG_ATTENTION)])
    second = graded(tmp_path / "b", [("attention_head", WRONG_ATTENTION)])
    assert first == second
