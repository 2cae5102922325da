"""China's calendar, shared by the action server (overtime pay) and the backend (deadlines,
opening hours): statutory holidays and holiday breaks by rule (``holidays``), working days
with the make-up working weekends (``workdays``), Beijing time (``beijing``)."""
