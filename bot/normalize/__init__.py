"""Normalisation of worker text and of the values it carries.

Shared by the NLU pipeline (bot.nlu) and the action server's validators, so a
value means the same thing wherever it is read.
"""
