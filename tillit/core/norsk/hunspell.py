"""The stems of a word from Debian's libhunspell through ctypes (nothing to compile).
Only the second opinion on words Apertium does not know."""

from __future__ import annotations

import ctypes
import threading
from pathlib import Path

LIBRARY = "libhunspell-1.7.so.0"
_STRINGS = ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p))


def _load_library():
    library = ctypes.CDLL(LIBRARY)
    library.Hunspell_create.restype = ctypes.c_void_p
    library.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    library.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
    library.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
    library.Hunspell_stem.restype = ctypes.c_int
    library.Hunspell_stem.argtypes = [ctypes.c_void_p, _STRINGS, ctypes.c_char_p]
    library.Hunspell_free_list.argtypes = [ctypes.c_void_p, _STRINGS, ctypes.c_int]
    return library


class Hunspell:
    """One dictionary (``base``.aff and ``base``.dic); stems(word) is thread-safe."""

    def __init__(self, base: Path):
        self.library = _load_library()
        aff, dic = base.with_suffix(".aff"), base.with_suffix(".dic")
        if not (aff.exists() and dic.exists()):
            raise OSError(f"no hunspell dictionary {base}")
        self.handle = self.library.Hunspell_create(str(aff).encode(), str(dic).encode())
        self.encoding = self.library.Hunspell_get_dic_encoding(self.handle).decode()
        self.lock = threading.Lock()

    def stems(self, word: str) -> list[str]:
        try:
            raw = word.encode(self.encoding)
        except UnicodeEncodeError:
            return []
        found = ctypes.POINTER(ctypes.c_char_p)()
        with self.lock:
            count = self.library.Hunspell_stem(self.handle, ctypes.byref(found), raw)
            stems = [found[i].decode(self.encoding) for i in range(count)]
            self.library.Hunspell_free_list(self.handle, ctypes.byref(found), count)
        return stems
