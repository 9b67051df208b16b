"""The cluster's message format and task ids: a prepared context crosses unchanged, nothing else is built."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup
from vanban.jobs.dossier.assemble import dossier_plan, plan_dossier
from vanban.pipeline.celery_codec import dumps, loads
from vanban.pipeline.celery_executor import task_id
from vanban.pipeline.execute import render_step
from vanban.resources import SAMPLES


@pytest.fixture(scope="module")
def dossier_steps():
    checked = plan_dossier(SAMPLES / "ho-so-khen-thuong" / "campaign.yaml", today=date(2026, 11, 25))
    return list(dossier_plan(checked, "/tmp/unused", pdf=False, pdfa=False, make_zip=False).documents)


def test_every_dossier_step_crosses_unchanged_and_renders_the_same_bytes(dossier_steps):
    assert len(dossier_steps) > 10
    for step in dossier_steps:
        back = loads(dumps(step))
        assert back == step
        assert render_step(back) == render_step(step)


@pytest.mark.parametrize(
    "value",
    [Markup("<w:br/>a &amp; b"), ("a", 1), Path("/x/y.docx"), date(2026, 1, 2), {"k": [None, True, 1.5]}],
)
def test_values_keep_their_type(value):
    back = loads(dumps(value))
    assert back == value and type(back) is type(value)


@dataclass
class Foreign:
    x: int


def test_a_dataclass_from_outside_vanban_is_neither_sent_nor_built():
    with pytest.raises(TypeError):
        dumps(Foreign(1))
    forged = json.dumps({"__vanban__": "dataclass", "cls": "subprocess:Popen", "v": {"args": ["true"]}})
    with pytest.raises(ValueError):
        loads(forged)


def test_task_id_comes_from_the_plan(dossier_steps):
    step = dossier_steps[0]
    docx = Path("/shared/a") / step.file_name
    same = task_id(step, docx, None, False)
    assert same == task_id(loads(dumps(step)), docx, None, False)
    assert same != task_id(step, Path("/shared/b") / step.file_name, None, False)
    assert same != task_id(step, docx, Path("/shared/a/x.pdf"), False)
    assert same != task_id(replace(step, context={**step.context, "so": "99"}), docx, None, False)
