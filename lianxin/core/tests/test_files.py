"""core.files: what a channel takes from the public is judged by its content."""

import pytest

from lianxin.core import files, samples
from lianxin.core.errors import ApplicationError


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("照片.png", samples.png(), "image/png"),
        ("IMG_0001.JPG", samples.jpeg(), "image/jpeg"),
        ("扫描件.pdf", samples.pdf(), "application/pdf"),
        ("no-ending", samples.jpeg(), "image/jpeg"),
    ],
)
def test_photos_and_pdfs_are_taken_by_their_content(name, data, kind):
    assert files.check(name, data) == kind


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.jpg", b"MZ\x90\x00This program cannot be run in DOS mode", "不是我们接收的文件"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "不是我们接收的文件"),
        ("photo.jpg", samples.pdf(), "与文件名不符"),
        ("scan.pdf", samples.png(), "与文件名不符"),
        ("cut.png", samples.png()[:40], "不是我们接收的文件"),
        ("fake.pdf", b"%PDF-1.7\nnot really a pdf", "不是我们接收的文件"),
        ("evil.exe", samples.png(), "不是我们接收的文件"),
        ("empty.png", b"", "是空文件"),
        ("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * files.MAX_FILE, "大于 10 MB"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused_by_name(name, data, message):
    with pytest.raises(ApplicationError) as err:
        files.check(name, data)
    assert message in str(err.value.message) and name in str(err.value.message)


def test_one_bad_file_refuses_the_lot_and_stores_nothing(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    with pytest.raises(ApplicationError):
        files.accept([("a.png", samples.png()), ("b.jpg", b"MZ not a picture")])
    assert not (tmp_path / "files").exists()
    with pytest.raises(ApplicationError) as err:
        files.accept([(f"{i}.png", samples.png()) for i in range(files.MAX_FILES + 1)])
    assert "最多" in str(err.value.message)


def test_a_stored_file_is_named_by_its_digest_outside_the_web_root(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    [kept] = files.accept([("../../etc/passwd.png", samples.png())])
    assert kept.name == "passwd.png"
    assert kept.path.parent.parent == tmp_path / "files"
    assert kept.path.read_bytes() == samples.png()
    [again] = files.accept([("again.png", samples.png())])
    assert again.path == kept.path  # the same photo twice is stored once
