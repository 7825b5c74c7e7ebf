"""Claim verification as small named steps, in the shape of ragas' faithfulness metric.

`claim` analyses the claim (step 1); `stance` judges each retrieved passage (step 2);
`aggregate` turns the stances into a verdict (step 3, plain Python); `verdict` writes the
contract's Verdict with its explanation; `numbers` reads quantities in both languages.
"""
