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
