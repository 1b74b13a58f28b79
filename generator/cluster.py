"""The extract step on a Dask cluster, the merge on this machine: how a newsroom's
briefing outgrows one machine.

Extraction is a function of one article and the extractor (`extraction/record.py`), so
it can run anywhere; only the merge needs the content folder and one writer. Here the
articles' paths go into a `dask.bag`; each partition loads the pipeline once (and each
worker process keeps it for its next partitions), reads its articles, and returns their
records' text; this process writes the records under `content/.briefing/extracted/`.
`briefing generate` with the same articles then finds every record and only merges:

    briefing extract --dask tcp://scheduler:8786 --content content articles/*.txt
    briefing generate --content content articles/*.txt

The workers read the articles by absolute path, so they must see the same files (a shared
folder); the records come back to this process, so they need no access to content/.
A record made by a worker whose extractor differs from this machine's (another version
of the package, of the rules or of the model) does not match here, and `generate`
extracts that article again: it is reported.

This module imports dask at the top: only `briefing extract --dask` reaches it, so the
rest of the package never needs dask; without it, importing this module raises an
ImportError that says how to install the extra.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from generator.batch import find_work, read_inputs, record_file, save_record
from generator.extraction.record import article_key, extract_record, extractor_key, read_record
from generator.nlp import load_pipeline
from generator.reading import Article, read_article
from generator.sheets.report import GenerateError

try:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster, as_completed, get_client
except ImportError as exc:  # the optional extra; the message is the CLI's error line
    raise ImportError("the Dask path needs the dask extra: "
                      "pip install -c constraints.txt -e '.[dask]' (dask and distributed)") from exc


PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx")  # Dask's comm protocols with a host and a port
CONNECT_TIMEOUT = 10  # seconds to wait for a scheduler to answer


def extract_on_cluster(paths: list[Path], content: Path, published: str | None = None,
                       scheduler: str = "local", workers: int = 2) -> list[str]:
    """`briefing extract --dask`: connect to the scheduler at `scheduler` (or start a
    local cluster of `workers` processes for 'local'), then `extract_on_dask`.
    GenerateError for an address that is not one, a scheduler that cannot be reached, or
    Ctrl-C (the records already back are kept)."""
    try:
        with dask_client(scheduler, workers) as client:
            return extract_on_dask(paths, content, published, partitions=max(1, len(client.nthreads())))
    except KeyboardInterrupt:
        raise GenerateError("interrupted; the records made so far are kept") from None


@contextmanager
def dask_client(scheduler: str, workers: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a local one of `workers` processes
    with one thread each (the pipeline is not made for threads)."""
    if scheduler != "local":
        with connect(scheduler) as client:
            yield client
        return
    with warnings.catch_warnings():  # "port 8787 in use": the dashboard, which is not wanted
        warnings.simplefilter("ignore", UserWarning)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


def connect(scheduler: str) -> Client:
    """A client of the scheduler at `scheduler` (`tcp://HOST:PORT`, or another of Dask's
    protocols); GenerateError saying why when it is no address or cannot be reached in
    CONNECT_TIMEOUT seconds."""
    parts = urlsplit(scheduler)
    if parts.scheme not in PROTOCOLS or not parts.hostname or parts.port is None:
        raise GenerateError(f"--dask {scheduler!r}: not a scheduler's address; expected tcp://HOST:PORT "
                            "(or 'local' for a cluster on this machine)")
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except Exception as exc:  # OSError, TimeoutError, and whatever a non-Dask server answers with
        raise GenerateError(f"--dask {scheduler}: no Dask scheduler answered within {CONNECT_TIMEOUT} s "
                            f"({type(exc).__name__}); expected the address of a running scheduler") from None


def extract_on_dask(paths: list[Path], content: Path, published: str | None = None,
                    partitions: int = 2) -> list[str]:
    """Every article read and checked here, then those without a matching record
    extracted on the current Dask scheduler (the Client made last) in `partitions`
    partitions, their records written here. One line per article, as `briefing extract`."""
    work = find_work(read_inputs(paths, published), content)
    made = extract_todo(work.todo, content, published, partitions) if work.todo else {}
    lines = []
    for article in work.articles:
        path = record_file(content, article.id)
        if article.id not in made:
            lines.append(f"{path} (kept: unchanged)")
            continue
        matches = read_record(made[article.id], article.id, work.keys[article.id]) is not None
        lines.append(f"{path} (extracted)" if matches else
                     f"{path} (extracted by a worker with another extractor: generate extracts it again)")
    return lines


def extract_todo(todo: list[Article], content: Path, published: str | None,
                 partitions: int) -> dict[str, str]:
    """The articles extracted on the current scheduler in `partitions` partitions; each
    partition's records written here as soon as it is back, so an interrupted run keeps them.
    Returns the record text by article id."""
    by_id = {a.id: a for a in todo}
    bag = db.from_sequence([str(a.path.resolve()) for a in todo], npartitions=min(partitions, len(todo)))
    futures = get_client().compute(bag.map_partitions(extract_partition, published).to_delayed())
    made: dict[str, str] = {}
    for future in as_completed(futures):
        for article_id, text in future.result():
            save_record(content, by_id[article_id], text)
            made[article_id] = text
    return made


def extract_partition(paths: list[str], published: str | None) -> list[tuple[str, str]]:
    """On a worker: the pipeline loaded once, then (article id, record text) per path."""
    nlp = load_pipeline()
    key = extractor_key()
    out = []
    for path in paths:
        article = read_article(Path(path), published)
        out.append((article.id, extract_record(article, nlp, article_key(article, key))))
    return out
