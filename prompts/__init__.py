"""Every text isnad sends to a language model, as <name>.md files (loaded by assistant.prompts)."""
