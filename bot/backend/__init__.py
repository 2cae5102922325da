"""The union services backend: the system of record the assistant and staff work from."""
