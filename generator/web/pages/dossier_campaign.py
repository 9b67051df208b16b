"""The campaign (đợt thi đua) as a form: the campaign schema's fields, with editors for its three free shapes.

The fields come from schemas/dot-thi-dua.schema.json through the single-document form engine
(web/forms.py, form_data.py, form_bind.py), so a field added to the schema appears here too. Three shapes
the engine would show as YAML get an editor of their own, translated both ways here:
- `nguong`: one text input ("70%" or 0.5);
- `chi_tieu.tap_the|ca_nhan|tong`: a fixed number, or tiers by unit size (rows of dưới/từ/đến/trên/tối đa);
- `don_vi.chi_so`: rows of (tên, số).
The office profile is the page's chosen office and the table comes from the page's editor, so `co_quan`,
`de_nghi` and `trang_tinh` are not asked for.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from vanban.errors import Problem
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES
from vanban.web.form_bind import Bound, bind
from vanban.web.form_data import Parsed, form_to_data
from vanban.web.forms import FormField, schema_fields

__all__ = ["CAMPAIGN_SCHEMA", "bind_campaign", "campaign_fields", "parse_campaign", "sample_campaign", "sample_folder"]

CAMPAIGN_SCHEMA = "dot-thi-dua"
NOT_ASKED = ("co_quan", "de_nghi", "trang_tinh")
QUOTA_KINDS = ("tap_the", "ca_nhan", "tong")
MEASURES = ["so_cong_chuc", "so_phong_khu_vuc", "loai"]
_NUMBER = re.compile(r"^\s*\d+([.,]\d+)?\s*$")


def _quota_field(base: FormField) -> FormField:
    tier = FormField(
        key="",
        kind="group",
        label="Bậc",
        children=[
            FormField(key="duoi", kind="number", label="Dưới (<)"),
            FormField(key="tu", kind="number", label="Từ (≥)"),
            FormField(key="den", kind="number", label="Đến (≤)"),
            FormField(key="tren", kind="number", label="Trên (>)"),
            FormField(key="la", kind="text", label="Bằng (loại đơn vị)"),
            FormField(key="toi_da", kind="integer", label="Tối đa", required=True),
        ],
    )
    return FormField(
        key=base.key,
        kind="group",
        label=base.label,
        help="Ghi một số cố định, hoặc để trống ô đó và chọn 'Tính theo' với các bậc theo quy mô đơn vị.",
        children=[
            FormField(key="so", kind="integer", label="Số cố định", minimum=0),
            FormField(
                key="theo",
                kind="text",
                label="Tính theo",
                help="so_cong_chuc, so_phong_khu_vuc, loai hoặc tên một chỉ số khác của đơn vị.",
            ),
            FormField(key="bac", kind="repeat", label="Các bậc", item=tier, children=tier.children),
        ],
    )


def _adapt(f: FormField, path: str) -> FormField:
    """Return the field with the campaign's editors in place of the engine's YAML boxes."""
    if path.endswith("hinh_thuc.nguong"):
        return FormField(key=f.key, kind="text", label=f.label, help=f.help, required=f.required)
    if path == "don_vi.chi_so":
        row = FormField(
            key="",
            kind="group",
            label="Chỉ số",
            children=[
                FormField(key="ten", kind="text", label="Tên chỉ số"),
                FormField(key="so", kind="number", label="Số"),
            ],
        )
        return FormField(key=f.key, kind="repeat", label=f.label, help=f.help, item=row, children=row.children)
    if path.endswith("chi_tieu") and f.kind == "group":
        adapted = copy.copy(f)
        adapted.children = [_quota_field(c) if c.key in QUOTA_KINDS else c for c in f.children]
        return adapted
    if f.children:
        adapted = copy.copy(f)
        adapted.children = [_adapt(c, f"{path}.{c.key}") for c in f.children]
        if adapted.item is not None and adapted.kind == "repeat":
            adapted.item = copy.copy(adapted.item)
            adapted.item.children = adapted.children
        return adapted
    return f


@cache
def campaign_fields() -> tuple[FormField, ...]:
    """Return the campaign form's fields (schema order; the office, table and sheet are not asked)."""
    return tuple(_adapt(f, f.key) for f in schema_fields(CAMPAIGN_SCHEMA) if f.key not in NOT_ASKED)


def _number(text: Any) -> Any:
    if isinstance(text, str) and _NUMBER.match(text):
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    return text


def _to_schema(data: dict[str, Any]) -> dict[str, Any]:
    """Turn the editors' shapes back into the campaign file's shapes (a number, {theo, bac}, a mapping)."""
    unit = data.get("don_vi")
    if isinstance(unit, dict) and isinstance(unit.get("chi_so"), list):
        unit["chi_so"] = {r["ten"]: r.get("so") for r in unit["chi_so"] if isinstance(r, dict) and r.get("ten")}
    for form in data.get("hinh_thuc") or []:
        if not isinstance(form, dict):
            continue
        if "nguong" in form:
            form["nguong"] = _number(form["nguong"])
        quotas = form.get("chi_tieu")
        if not isinstance(quotas, dict):
            continue
        for kind, rule in list(quotas.items()):
            if isinstance(rule, dict) and "so" in rule and not rule.get("bac"):
                quotas[kind] = rule["so"]
            elif isinstance(rule, dict):
                quotas[kind] = {k: v for k, v in rule.items() if k != "so"}
    return data


def _to_form(data: dict[str, Any]) -> dict[str, Any]:
    """Turn a campaign's shapes into the editors' shapes (the inverse of `_to_schema`)."""
    data = copy.deepcopy(data)
    unit = data.get("don_vi")
    if isinstance(unit, dict) and isinstance(unit.get("chi_so"), dict):
        unit["chi_so"] = [{"ten": k, "so": v} for k, v in unit["chi_so"].items()]
    for form in data.get("hinh_thuc") or []:
        if not isinstance(form, dict):
            continue
        quotas = form.get("chi_tieu")
        if isinstance(quotas, dict):
            for kind, rule in list(quotas.items()):
                if not isinstance(rule, dict):
                    quotas[kind] = {"so": rule}
    return data


def parse_campaign(pairs: Iterable[tuple[str, str]]) -> Parsed:
    """Read the posted campaign inputs into the dict the campaign schema validates (office added later)."""
    parsed = form_to_data(campaign_fields(), pairs)
    parsed.data = _to_schema(parsed.data)
    return parsed


def bind_campaign(
    data: dict[str, Any] | None, problems: Iterable[Problem], raw: dict[str, str], suggestions: dict[str, list[str]]
) -> tuple[list[Bound], list[Problem]]:
    """Bind the campaign form to its data; return the bound fields and the problems no input took."""
    hints = {"theo": MEASURES, **suggestions}
    return bind(campaign_fields(), _to_form(data or {}), list(problems), raw, hints)


def bound_ids(bound: Iterable[Bound]) -> dict[str, str]:
    """Return every bound input's display path (`hinh_thuc[1].ten`) → its element id."""
    out: dict[str, str] = {}
    for b in bound:
        out[b.path] = b.id
        out.update(bound_ids(b.children))
        out.update(bound_ids(b.rows))
    return out


def sample_folder() -> Path | None:
    """Return the sample dossier's folder (samples/ho-so-khen-thuong); None in an installed wheel."""
    return Path(SAMPLES) / "ho-so-khen-thuong" if SAMPLES is not None else None


def sample_campaign() -> dict[str, Any] | None:
    """Return the sample campaign's data, without the fields this page does not ask for."""
    folder = sample_folder()
    if folder is None or not (folder / "campaign.yaml").is_file():
        return None
    data = load_data(folder / "campaign.yaml").data
    return {k: v for k, v in data.items() if k not in NOT_ASKED}


def bound_labels(bound: Iterable[Bound], parent: str = "") -> dict[str, str]:
    """Return every bound input's display path → its label as the page shows it ("Đợt thi đua › Tên")."""
    out: dict[str, str] = {}
    for b in bound:
        label = f"{parent} › {b.field.label}" if parent and b.field.label else b.field.label or parent
        out[b.path] = label
        out.update(bound_labels(b.children, label))
        for i, row in enumerate(b.rows, start=1):
            out[row.path] = f"{label} {i}"
            out.update(bound_labels(row.children, f"{label} {i}"))
    return out
