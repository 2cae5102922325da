"""Rasa input channels of the product (see credentials.yml)."""
