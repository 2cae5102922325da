"""Trainer tools: data checks, the new-intent scaffold, model deployment."""
