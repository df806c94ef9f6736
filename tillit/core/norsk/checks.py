"""A system check: without Apertium's dictionaries the search still works, with Snowball
stems only (no compounds, no bokmål/nynorsk), and the people running the portal should know."""

from django.core import checks

from .analyser import analyser


@checks.register(checks.Tags.compatibility)
def dictionaries_installed(app_configs, **kwargs):
    found = analyser()
    warnings = []
    if not found.available:
        warnings.append(
            checks.Warning(
                f"Apertium's nynorsk-bokmål files are missing in {found.apertium_dir}: search "
                "falls back to Snowball stems (no compound words, bokmål and nynorsk do not "
                "find each other).",
                hint="Run scripts/norsk-deps.sh (apt-get install apertium-nno-nob hunspell-no "
                "libhunspell-1.7-0), then manage.py reindex_search.",
                id="norsk.W001",
            )
        )
    if not found.hunspell:
        warnings.append(
            checks.Warning(
                f"No hunspell dictionaries in {found.hunspell_dir}: words Apertium does not know "
                "get Snowball stems.",
                hint="apt-get install hunspell-no libhunspell-1.7-0",
                id="norsk.W002",
            )
        )
    return warnings
