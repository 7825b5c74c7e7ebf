"""Ingest, chunking, embeddings and the Chroma store: everything that builds and reads the index."""
