"""``make bench``: the product's speed and memory figures (run ``python -m bench``)."""
