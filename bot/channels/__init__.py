"""Rasa input channels of the product (see credentials.yml)."""

# Rasa loads this package for our channels: the speed patches ride along (bot/rasa_patches.py).
import bot.rasa_patches  # noqa: F401
