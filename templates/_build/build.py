"""Write templates/<loai>.docx from the builders in this folder (developer tool).

Run: .venv/bin/python templates/_build/build.py [loai ...]
The committed .docx files are the source of truth for users; an office edits its own copy in Word.
Re-running this overwrites the built-in templates.
"""

from __future__ import annotations

import importlib
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT)]

BUILDERS = {
    "cong-van": "cong_van",
    "ke-hoach": "ke_hoach",
    "to-trinh": "to_trinh",
    "danh-sach": "danh_sach",
    "bien-ban": "bien_ban",
    "bao-cao-thanh-tich": "bao_cao_thanh_tich",
    "quyet-dinh": "quyet_dinh",
    "thong-bao": "thong_bao",
    "danh-sach-tong-hop": "danh_sach_tong_hop",
}


def slim(doc) -> None:
    """Drop what python-docx's default package carries but a template does not use.

    Its styles.xml (350 KB) and stylesWithEffects.xml (440 KB) hold hundreds of unused styles and its
    thumbnail shows a generic page in file browsers. Templates use direct formatting, so only the
    default styles are kept.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:default")) != "1":
            styles.remove(style)


# Every zip member gets this timestamp so that rebuilding an unchanged template gives the same bytes
# (rendered documents copy the template's zip entries, so the build time would reach them too).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def save_reproducibly(doc, out: Path) -> None:
    """Save a document with every zip member stamped ZIP_TIME, in python-docx's member order."""
    buffer = io.BytesIO()
    doc.save(buffer)
    result = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), source.read(info.filename), zipfile.ZIP_DEFLATED
            )
    out.write_bytes(result.getvalue())


def main(names: list[str]) -> None:
    for kind in names or list(BUILDERS):
        module_name = BUILDERS[kind]
        if not (HERE / f"{module_name}.py").exists():
            print(f"skip {kind}: no builder yet")
            continue
        doc = importlib.import_module(module_name).build()
        out = ROOT / "templates" / f"{kind}.docx"
        doc.core_properties.title = ""
        doc.core_properties.author = "vanban"
        slim(doc)
        save_reproducibly(doc, out)
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
