"""The builder: articles -> clean text -> NLP -> facts -> resolution -> RDF.

Articles stream through ``nlp.pipe`` in batches; each stage is a function
from the previous stage's records (see kg/records.py)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from .extract import describe, extract
from .ingest import IngestError, iter_articles
from .nlp import Models, load_pipeline
from .rdf import to_rdf
from .records import Extraction
from .resolve import Resolver, infer


@dataclass
class BuildResult:
    graph: Graph
    articles: int
    problems: list[str] = field(default_factory=list)

    def entity_counts(self) -> Counter:
        from .namespaces import KG, RDF
        classes = ("Person", "MusicGroup", "Song", "Album", "TVSeries", "Film", "Broadcaster", "Platform",
                   "Chart", "Organization", "Place", "ChartEntry", "ViewershipRating")
        return Counter({c: n for c in classes if (n := len(set(self.graph.subjects(RDF.type, KG[c]))))})


def extractions(inputs: Iterable[Path], model: Models | None = None, on_error: Callable[[IngestError], None] = print,
                batch_size: int = 32, jobs: int = 1) -> Iterator[Extraction]:
    nlp = load_pipeline(model)
    articles = iter_articles(inputs, on_error)
    pairs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size, n_process=jobs)
    for doc, article in pairs:
        try:
            extraction = extract(article, doc)
        except Exception as error:  # noqa: BLE001 - one article's failure must not end the batch
            on_error(IngestError(article.source, f"article {article.id!r}: extraction failed ({describe(error)})"))
            continue
        yield extraction


def build(inputs: Iterable[Path], model: Models | None = None, jobs: int = 1,
          on_error: Callable[[IngestError], None] | None = None) -> BuildResult:
    """``on_error`` sees each skipped input as it happens (it may raise
    ``kg.ingest.StopBatch`` to stop the build); all are also collected in
    ``BuildResult.problems``."""
    problems: list[str] = []

    def report(error: IngestError) -> None:
        problems.append(str(error))
        if on_error is not None:
            on_error(error)

    resolver = Resolver()
    for extraction in extractions(inputs, model, report, jobs=jobs):
        resolver.add(extraction)
    resolved = resolver.graph
    infer(resolved)
    return BuildResult(to_rdf(resolved), len(resolved.articles), problems)
