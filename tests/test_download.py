"""The download path, for real, against a small zip served on 127.0.0.1."""

import functools
import hashlib
import http.server
import threading
import zipfile

import pytest

from seq2seq_lib import data
from seq2seq_lib.download import DownloadError, download_fra_eng


@pytest.fixture()
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    with zipfile.ZipFile(root / "fra-eng.zip", "w") as z:
        z.writestr("fra.txt", "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org\nHi.\tSalut !\tCC-BY\n")
        z.writestr("_about.txt", "test archive\n")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root / "fra-eng.zip"
    httpd.shutdown()


def test_download_extract_and_read(server, tmp_path):
    url, archive = server
    sha = hashlib.sha256(archive.read_bytes()).hexdigest()
    path = download_fra_eng(url + "/fra-eng.zip", cache_dir=tmp_path / "cache", file_hash=sha)
    assert path.name == "fra.txt"
    assert data.read_pairs(path) == [("Go.", "Va !"), ("Hi.", "Salut !")]
    # Cached: a second call succeeds with the server gone.
    again = download_fra_eng("http://127.0.0.1:9/fra-eng.zip", cache_dir=tmp_path / "cache", file_hash=sha)
    assert again == path


def test_hash_mismatch_is_refused(server, tmp_path):
    url, _ = server
    with pytest.raises(DownloadError, match="by hand"):
        download_fra_eng(url + "/fra-eng.zip", cache_dir=tmp_path / "cache", file_hash="0" * 64)


def test_offline_fails_fast_with_a_hint(tmp_path):
    # Port 9 (discard) on 127.0.0.1 has no server: the connection is refused at once.
    with pytest.raises(DownloadError, match="SEQ2SEQ_DATA"):
        download_fra_eng("http://127.0.0.1:9/fra-eng.zip", cache_dir=tmp_path / "cache", timeout=5)
    assert not list((tmp_path / "cache").rglob("fra.txt"))


def test_default_origin_is_https():
    from seq2seq_lib import download

    assert download.FRA_ENG_URL.startswith("https://")


def _zip(path, members, symlink=None):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777 << 16)  # a symbolic link
            z.writestr(info, "/etc/passwd")
    return path


GOOD = "Go.\tVa !\nHi.\tSalut !\n"


@pytest.mark.parametrize("members, symlink, why", [
    ({"fra.txt": GOOD, "evil.sh": "rm -rf /"}, None, "unexpected member 'evil.sh'"),
    ({"fra.txt": GOOD, "../fra.txt": GOOD}, None, "unexpected member '../fra.txt'"),
    ({"sub/fra.txt": GOOD}, None, "unexpected member"),
    ({"_about.txt": "x"}, None, "holds no fra.txt"),
    ({"fra.txt": GOOD}, "_about.txt", "unexpected member '_about.txt'"),
    ({"fra.txt": "Go. Va !\n"}, None, "not a fra-eng file"),
    ({"fra.txt": "\n\n"}, None, "holds no pairs"),
])
def test_archive_is_checked_before_use(tmp_path, members, symlink, why):
    from seq2seq_lib.download import unpack_fra_txt

    archive = _zip(tmp_path / "fra-eng.zip", members, symlink)
    with pytest.raises(DownloadError, match=why.replace("(", r"\(").replace(".", r"\.")):
        unpack_fra_txt(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "fra.txt").exists()
    assert not list(tmp_path.rglob("evil.sh")) and not (tmp_path / "fra.txt").exists()


def test_not_a_zip_is_refused(tmp_path):
    from seq2seq_lib.download import unpack_fra_txt

    bad = tmp_path / "fra-eng.zip"
    bad.write_text("<html>a captive portal</html>")
    with pytest.raises(DownloadError, match="not a readable zip"):
        unpack_fra_txt(bad, tmp_path / "out")


def test_only_fra_txt_is_written(tmp_path):
    from seq2seq_lib.download import unpack_fra_txt

    archive = _zip(tmp_path / "fra-eng.zip", {"fra.txt": GOOD, "_about.txt": "about\n"})
    path = unpack_fra_txt(archive, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["fra.txt"]
    assert data.read_pairs(path) == [("Go.", "Va !"), ("Hi.", "Salut !")]
