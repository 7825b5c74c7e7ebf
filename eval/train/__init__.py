"""Training the learned parts of isnad from the dev sets: the weights shipped under
assistant/data/, each rebuilt by one deterministic command."""
