"""Personal certificates, PAdES signatures on the minutes, and their verification.

pyHanko does the PDF signing and validation; ``cryptography`` makes personal
keys.  Passwords and PINs never come from a command-line argument (they would
show in the process list and the shell history): see :mod:`.secrets`.
"""
