"""The optional LLM path: an OpenAI-compatible chat model behind a citation guard.

`client` talks to the server; `prompts` loads the prompt files; `answer` builds prompts and
turns replies into guarded answers and verdict explanations; `guard` checks every statement
against its cited passages; `translate` renders cited passages in the reader's language.
"""
