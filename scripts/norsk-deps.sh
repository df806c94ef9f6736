#!/usr/bin/env bash
# The Norwegian search's dictionaries (Debian packages): Apertium's nynorsk-bokmål analysers
# and bilingual dictionaries, hunspell's nb/nn dictionaries and the hunspell library. Installs
# what is missing when run as root, and otherwise prints the command. The portal runs without
# them (a warning, and plain Snowball stems), so a missing package never fails the build.
set -u
need=()
[ -f /usr/share/apertium/apertium-nno-nob/nob-nno.automorf.bin ] || need+=(apertium-nno-nob)
[ -f /usr/share/hunspell/nb_NO.dic ] || need+=(hunspell-no)
[ -e /usr/lib/x86_64-linux-gnu/libhunspell-1.7.so.0 ] || need+=(libhunspell-1.7-0)
[ ${#need[@]} -eq 0 ] && exit 0
command="apt-get install -y -qq --no-install-recommends ${need[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the Norwegian search's dictionaries: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && $command && exit 0
  echo "Could not install ${need[*]}: search falls back to Snowball stems." >&2
else
  echo "The Norwegian search lacks ${need[*]} (it falls back to Snowball stems)."
  echo "Install them with: sudo $command   (then: .venv/bin/python manage.py reindex_search)"
fi
exit 0
