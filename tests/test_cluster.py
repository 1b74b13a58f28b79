"""The extract step on a Dask cluster, the merge on this machine: on a LocalCluster of two
worker processes, the records come back, `generate` only merges, and the content is
byte-identical to a plain run's. Skipped, with the reason, where dask is not installed
(the optional extra: pip install -e ".[dask]")."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

from dask.distributed import Client, LocalCluster  # noqa: E402

from generator import batch  # noqa: E402
from generator import generate as gen  # noqa: E402
from generator.cli import main  # noqa: E402
from generator.cluster import extract_on_dask  # noqa: E402
from tests.test_batch import files_of, write_articles  # noqa: E402

pytestmark = pytest.mark.slow


def test_extract_on_a_local_cluster_then_merge_here_gives_the_plain_run_s_content(tmp_path, monkeypatch):
    paths = write_articles(tmp_path / "in")
    plain, clustered = tmp_path / "plain", tmp_path / "clustered"
    gen.run_generate(paths, plain)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        lines = extract_on_dask(paths, clustered, partitions=2)
    assert [line.rsplit(" ", 1)[-1] for line in lines] == ["(extracted)"] * len(paths)

    def no_extraction(articles, *args):
        assert not articles, "generate extracted an article the cluster had extracted"
        return iter(())

    monkeypatch.setattr(batch, "extract_texts", no_extraction)
    gen.run_generate(paths, clustered)
    assert files_of(clustered) == files_of(plain)


def test_the_dask_option_of_extract_on_a_local_cluster(tmp_path):
    paths = write_articles(tmp_path / "in", ["talks", "border"])
    content = tmp_path / "content"
    result = CliRunner().invoke(main, ["extract", "--dask", "local", "--jobs", "2", "--content", str(content),
                                       *map(str, paths)])
    assert result.exit_code == 0, result.output
    assert result.output.count("(extracted)") == 2
    records = sorted(p.name for p in (content / ".briefing" / "extracted").iterdir())
    assert records == ["border.json", "talks.json"]


@pytest.mark.parametrize("address, expected", [
    ("garbage", "not a scheduler's address; expected tcp://HOST:PORT"),
    ("", "not a scheduler's address"),
    ("tcp://127.0.0.1:1", "no Dask scheduler answered within"),
])
def test_a_bad_scheduler_address_is_one_clear_line(tmp_path, address, expected):
    paths = write_articles(tmp_path / "in", ["talks"])
    result = CliRunner().invoke(main, ["extract", "--dask", address, "--content", str(tmp_path / "c"),
                                       *map(str, paths)])
    assert result.exit_code == 1
    assert f"error: --dask {address!r}" in result.output or f"error: --dask {address}:" in result.output
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "c").exists()
