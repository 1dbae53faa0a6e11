"""factdiff: find where news articles about the same story disagree.

The import package is `compare`; the distribution and the command are `factdiff`.
"""

__version__ = "0.3.4"
