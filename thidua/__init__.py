"""thidua: Vietnamese trade-union emulation campaign plans as data in git."""

__version__ = "0.1.0"
