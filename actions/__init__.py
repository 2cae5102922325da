"""The rasa_sdk action server: one module per service domain, one class per action."""
