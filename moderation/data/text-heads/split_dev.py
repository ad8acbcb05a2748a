#!/usr/bin/env python3
"""Splits the I2P development prompts into the two halves the semantic stage was measured on.

Half A was looked at while the example prompts were written; half B was held out and decides.

    python3 moderation/data/text-heads/split_dev.py ../shared/data/prompts/i2p_dev.csv /tmp
    # writes /tmp/i2p_A.csv and /tmp/i2p_B.csv (columns prompt, categories, inappropriate_percentage)

The files stay outside the repository: I2P is public data for evaluation only.
"""
import csv
import random
import sys

def main():
    source, out = sys.argv[1], sys.argv[2]
    rows = list(csv.DictReader(open(source, newline="", encoding="utf-8")))
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    half_a = set(order[: len(rows) // 2])
    for name, keep in (("A", lambda i: i in half_a), ("B", lambda i: i not in half_a)):
        with open(f"{out}/i2p_{name}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=["prompt", "categories", "inappropriate_percentage"])
            w.writeheader()
            for i, r in enumerate(rows):
                if keep(i):
                    w.writerow({k: r[k] for k in ["prompt", "categories", "inappropriate_percentage"]})

if __name__ == "__main__":
    main()
