"""The web app through FastAPI's TestClient: forms, downloads, errors next to fields, limits, safety."""

from __future__ import annotations

import re
import shutil
import time

import pytest
import yaml
from fastapi.testclient import TestClient
from vanban.documents import document_types
from vanban.errors import ConversionError
from vanban.pipeline.convert import INSTALL_COMMAND, FakeConverter
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import docx_text, open_client, post
from tests.web.formvalues import form_values

FORM = {"content-type": "application/x-www-form-urlencoded"}
CONG_VAN = [
    ("_co_quan", "cuc-thads"),
    ("so", "17"),
    ("ngay_ban_hanh", "05/4/2026"),
    ("don_vi_soan_thao", "VP"),
    ("trich_yeu", "đôn đốc báo cáo số liệu quý I"),
    ("kinh_gui[0]", "Trưởng THADS các tỉnh, thành phố"),
    ("noi_dung", "Đề nghị các đơn vị gửi báo cáo trước ngày 15/4/2026.\n\n# Yêu cầu\n- Đúng **mẫu**;\n- Đủ số liệu."),
    ("noi_nhan[0]", "Cục trưởng (để b/c)"),
    ("nguoi_ky", "Phạm Thu Hằng"),
]


class MissingOffice:
    def start(self) -> None:
        raise ConversionError(f"Không tìm thấy LibreOffice (soffice) để xuất PDF. Cài đặt bằng lệnh: {INSTALL_COMMAND}")


@pytest.fixture
def fake() -> FakeConverter:
    return FakeConverter()


@pytest.fixture
def client(fake: FakeConverter) -> TestClient:
    with open_client(create_app(Settings(max_upload_bytes=200_000, max_fields=300), pdf=PdfService(lambda: fake))) as c:
        yield c


def errors_of(html: str, input_id: str) -> list[str]:
    block = re.search(rf'<ul class="errors" id="{re.escape(input_id)}-err">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


@pytest.mark.parametrize("code", list(document_types()))
def test_form_renders_for_every_type(client: TestClient, code: str) -> None:
    r = client.get(f"/van-ban/{code}")
    assert r.status_code == 200
    assert document_types()[code].label in r.text
    assert 'name="nguoi_ky"' in r.text or code in ("bien-ban", "bao-cao-thanh-tich")
    assert "Tải DOCX" in r.text and "Tải dữ liệu (YAML)" in r.text


@pytest.mark.parametrize("code", list(document_types()))
def test_sample_through_the_form_gives_docx(client: TestClient, code: str) -> None:
    page = client.get(f"/van-ban/{code}?mau=1")
    assert page.status_code == 200
    r = post(client, f"/van-ban/{code}", [*form_values(page.text), ("_hanh_dong", "docx")])
    assert r.status_code == 200, re.findall(r'<ul class="errors"[^>]*>(.*?)</ul>', r.text, re.S)
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert docx_text(r.content)


def test_valid_post_downloads_docx_with_typed_values(client: TestClient) -> None:
    r = post(client, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "docx")])
    assert r.status_code == 200
    assert 'filename="cong-van.docx"' in r.headers["content-disposition"]
    text = docx_text(r.content)
    for typed in (
        "Trưởng THADS các tỉnh, thành phố",
        "Đề nghị các đơn vị gửi báo cáo trước ngày 15/4/2026.",
        "Đúng mẫu;",
        "Cục trưởng (để b/c)",
        "Phạm Thu Hằng",
        "17/CQLTHADS-VP",
    ):
        assert typed in text


def test_missing_field_shows_message_next_to_it_and_keeps_values(client: TestClient) -> None:
    pairs = [(k, v) for k, v in CONG_VAN if k != "trich_yeu"] + [("noi_nhan[5]", "Lưu hồ sơ"), ("_hanh_dong", "docx")]
    r = post(client, "/van-ban/cong-van", pairs)
    assert r.status_code == 422
    assert errors_of(r.text, "f-trich_yeu") == ["Thiếu trường bắt buộc."]
    kept = dict(form_values(r.text))
    assert kept["kinh_gui[0]"] == "Trưởng THADS các tỉnh, thành phố"
    assert kept["noi_nhan[1]"] == "Lưu hồ sơ"  # rows renumbered, nothing lost
    assert kept["noi_dung"] == dict(CONG_VAN)["noi_dung"]  # the outline exactly as typed
    assert kept["ngay_ban_hanh"] == "05/04/2026"
    assert "Có 1 lỗi cần sửa" in r.text


def test_bad_values_are_kept_and_named(client: TestClient) -> None:
    pairs = dict(CONG_VAN) | {"so": "mười bảy", "ngay_ban_hanh": "31/02/2026", "nguoi_ky": "Người Lạ"}
    r = post(client, "/van-ban/cong-van", [*pairs.items(), ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    assert errors_of(r.text, "f-so") == ["Phải là một số nguyên, nhưng đang là &#34;mười bảy&#34;."]
    assert errors_of(r.text, "f-ngay_ban_hanh")
    kept = dict(form_values(r.text))
    assert (kept["so"], kept["ngay_ban_hanh"]) == ("mười bảy", "31/02/2026")


def test_signer_problem_from_the_document_rules_sits_at_the_field(client: TestClient) -> None:
    pairs = dict(CONG_VAN) | {"nguoi_ky": "Người Lạ"}
    r = post(client, "/van-ban/cong-van", [*pairs.items(), ("_hanh_dong", "docx")])
    assert r.status_code == 422
    assert "Người ký &#39;Người Lạ&#39; không có trong hồ sơ cơ quan" in errors_of(r.text, "f-nguoi_ky")[0]


def test_nominee_row_error_names_the_row(client: TestClient) -> None:
    page = client.get("/van-ban/to-trinh?mau=1")
    pairs = [(k, "" if k == "de_nghi[1].hinh_thuc" else v) for k, v in form_values(page.text)]
    r = post(client, "/van-ban/to-trinh", [*pairs, ("_hanh_dong", "docx")])
    assert r.status_code == 422
    assert errors_of(r.text, "f-de_nghi-1--hinh_thuc") == ["Thiếu trường bắt buộc."]


def test_values_are_escaped(client: TestClient) -> None:
    evil = '<script>alert("x")</script>'
    pairs = [(k, evil if k in ("trich_yeu", "kinh_gui[0]") else v) for k, v in CONG_VAN if k != "nguoi_ky"]
    r = post(client, "/van-ban/cong-van", [*pairs, ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    assert "<script>alert" not in r.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in r.text
    assert dict(form_values(r.text))["trich_yeu"] == evil  # the browser shows it exactly as typed


def test_escaped_value_reaches_the_docx_intact(client: TestClient) -> None:
    pairs = dict(CONG_VAN) | {"trich_yeu": "A & B <c>"}
    r = post(client, "/van-ban/cong-van", [*pairs.items(), ("_hanh_dong", "docx")])
    assert r.status_code == 200
    assert "A & B <c>" in docx_text(r.content)


@pytest.mark.parametrize(
    ("method", "url", "pairs", "text"),
    [
        ("get", "/van-ban/khong-co", None, "Không có loại văn bản &#39;khong-co&#39;"),
        ("get", "/van-ban/cong-van?co_quan=khac", None, "Không có hồ sơ cơ quan &#39;khac&#39;"),
        ("get", "/van-ban/cong-van?co_quan=../co-quan/cuc-thads", None, "Không có hồ sơ cơ quan"),
        ("post", "/van-ban/cong-van", [("_co_quan", "/etc/passwd")], "Không có hồ sơ cơ quan"),
        ("post", "/van-ban/..%2F..%2Fetc", [("_co_quan", "cuc-thads")], "Không có"),
        ("get", "/khong-co-trang", None, "Không có trang này"),
        ("get", "/xem-truoc/khong-co", None, "Bản xem trước đã hết hạn"),
    ],
)
def test_unknown_names_give_a_vietnamese_404(client: TestClient, method: str, url: str, pairs, text: str) -> None:
    r = client.get(url) if method == "get" else post(client, url, pairs)
    assert r.status_code == 404
    assert text in r.text
    assert "Không tìm thấy" in r.text and "Traceback" not in r.text


def test_upload_size_limit(client: TestClient) -> None:
    big = "x" * 300_000
    r = post(client, "/van-ban/cong-van", [*CONG_VAN, ("trich_yeu", big), ("_hanh_dong", "docx")])
    assert r.status_code == 413
    assert "vượt quá giới hạn" in r.text
    r = client.post("/van-ban/cong-van/nap", files={"tep": ("a.yaml", b"a: " + b"x" * 300_000)})
    assert r.status_code == 413


def test_field_count_limit(client: TestClient) -> None:
    pairs = [*CONG_VAN, *((f"noi_nhan[{i}]", "x") for i in range(400))]
    r = post(client, "/van-ban/cong-van", pairs)
    assert r.status_code == 400
    assert "quá nhiều trường" in r.text


def test_yaml_download_then_upload_prefills(client: TestClient) -> None:
    r = post(client, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "yaml")])
    assert r.status_code == 200
    assert 'filename="cong-van.yaml"' in r.headers["content-disposition"]
    data = yaml.safe_load(r.content)
    assert data["co_quan"] == "cuc-thads.yaml"
    assert data["noi_dung"] == [
        "Đề nghị các đơn vị gửi báo cáo trước ngày 15/4/2026.",
        {"tieu_de": "Yêu cầu", "gach": ["Đúng **mẫu**;", "Đủ số liệu."]},
    ]
    up = client.post(
        "/van-ban/cong-van/nap", files={"tep": ("du lieu cua toi.yaml", r.content)}, data={"_co_quan": "cuc-thads"}
    )
    assert up.status_code == 200
    assert "Đã nạp dữ liệu từ tệp du lieu cua toi.yaml. Dữ liệu hợp lệ." in up.text
    kept = dict(form_values(up.text))
    assert kept["trich_yeu"] == "đôn đốc báo cáo số liệu quý I"
    assert kept["noi_dung"] == dict(CONG_VAN)["noi_dung"]


def test_yaml_download_of_incomplete_form_is_allowed(client: TestClient) -> None:
    r = post(client, "/van-ban/cong-van", [("_co_quan", "cuc-thads"), ("trich_yeu", "dở dang"), ("_hanh_dong", "yaml")])
    assert r.status_code == 200
    assert yaml.safe_load(r.content) == {"co_quan": "cuc-thads.yaml", "trich_yeu": "dở dang"}


@pytest.mark.parametrize(
    ("name", "content", "status", "text"),
    [
        ("x.yaml", b"trich_yeu: [unclosed", 400, "sai cú pháp YAML"),
        ("x.txt", b"a: 1", 400, "Chỉ nhận tệp .yaml, .yml hoặc .json"),
        (
            "../../etc/passwd.yaml",
            b"trich_yeu: abc\nla_gi: 1\n",
            422,
            "Trường &#39;la_gi&#39; không có trong mẫu dữ liệu",
        ),
    ],
)
def test_upload_problems(client: TestClient, name: str, content: bytes, status: int, text: str) -> None:
    r = client.post("/van-ban/cong-van/nap", files={"tep": (name, content)}, data={"_co_quan": "cuc-thads"})
    assert r.status_code == status
    assert text in r.text


def test_pdf_download_and_preview(client: TestClient, fake: FakeConverter) -> None:
    r = post(client, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "pdf")])
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    r = post(client, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "xem_pdf")])
    token = re.search(r'<iframe src="/xem-truoc/([^"]+)"', r.text).group(1)
    shown = client.get(f"/xem-truoc/{token}")
    assert shown.headers["content-disposition"].startswith("inline")
    assert len(fake.converted) == 2


def test_converter_closed_on_shutdown(fake: FakeConverter) -> None:
    with open_client(create_app(pdf=PdfService(lambda: fake))) as c:
        post(c, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "pdf")])
    assert fake.closed


def test_missing_libreoffice_gives_install_page() -> None:
    with open_client(create_app(pdf=PdfService(MissingOffice))) as c:
        r = post(c, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "pdf")])
    assert r.status_code == 503
    assert "Cài đặt LibreOffice" in r.text and "libreoffice-writer-nogui" in r.text


def test_unexpected_error_is_a_page_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("vanban.web.routes.render_prepared", boom)
    with open_client(create_app(), raise_server_exceptions=False) as c:
        r = post(c, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "docx")])
    assert r.status_code == 500
    assert "Phần mềm gặp lỗi không lường trước" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_pages_carry_safety_headers(client: TestClient) -> None:
    r = client.get("/van-ban/cong-van")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_serve_help_is_vietnamese() -> None:
    from vanban.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    text = sub.choices["serve"].format_help()
    assert "mặc định 127.0.0.1" in text and "--co-quan-dir" in text


@pytest.mark.libreoffice
def test_warm_converter_pdf_latency() -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) chưa cài")
    with open_client(create_app()) as c:
        first = post(c, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "pdf")])  # starts the converter
        assert first.status_code == 200 and first.content.startswith(b"%PDF")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            r = post(c, "/van-ban/cong-van", [*CONG_VAN, ("_hanh_dong", "pdf")])
            times.append(time.perf_counter() - start)
            assert r.status_code == 200
    assert sorted(times)[1] < 2.0, times  # about 0.5 s measured; generous for noisy machines


# --- dossier page -------------------------------------------------------------------------------------

# The dossier page's own tests (campaign by form, rows, achievements, errors, drafts) are in tests/web_dossier/.


def test_dossier_excel_template(client: TestClient) -> None:
    r = client.get("/ho-so/mau-excel")
    assert r.status_code == 200 and r.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("ref", "ok"),
    [
        ("a.md", True),
        ("thanh-tich/a.md", True),
        ("../a.md", False),
        ("/etc/passwd", False),
        ("thanh-tich/../../x.md", False),
        ("..\\x.md", False),
        ("a/b/c/d.md", False),
        ("Nguyễn Văn A.md", True),
    ],
)
def test_dossier_only_plain_relative_names(ref: str, ok: bool) -> None:
    from vanban.web.dossier import safe_relative

    assert (safe_relative(ref) is not None) is ok
