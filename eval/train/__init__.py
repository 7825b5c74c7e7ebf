"""Training scripts: the learned weights shipped under assistant/data/, rebuilt by one command."""
