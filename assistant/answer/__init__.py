"""Extractive answers: parse the question, rank passages, abstain or compose.

`question` parses a question once; `rank` scores the retrieved passages; `abstain` decides
whether they answer at all; `compose` writes the attributed, cited answer.
"""
