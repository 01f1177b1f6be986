#!/usr/bin/env bash
# Records the lobby's fallback voice clips (renderer/public/voice/*.wav) for machines without a
# Mandarin speech voice. Needs Debian's espeak-ng and sox. Mandarin is spoken from pinyin with
# tone numbers (espeak-ng's cmn-latn-pinyin voice; plain cmn misreads tones); letters are read
# as their English names, as Chinese halls say them. Each clip is trimmed of silence and kept
# small (mono, 16 kHz, 16 bit). Re-run after changing a clip; the set must match ALL_CLIPS in
# shared/domain/announce.ts (a unit test checks it).
set -euo pipefail
out="$(dirname "$0")/../../renderer/public/voice"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # name voice text
  espeak-ng -v "$2" -s 150 -w "$tmp/raw.wav" "$3"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$out/$1.wav" gain -n -1 silence 1 0.02 0.3% reverse silence 1 0.02 0.3% reverse pad 0 0.08
}

say qing cmn-latn-pinyin "qing3"
say hao cmn-latn-pinyin "hao4"
say dao cmn-latn-pinyin "dao4"
say shi cmn-latn-pinyin "shi2"
say hao-chuangkou cmn-latn-pinyin "hao4 chuang1 kou3"
say banli cmn-latn-pinyin "ban4 li3"
digits=(ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3)
for d in "${!digits[@]}"; do say "d$d" cmn-latn-pinyin "${digits[$d]}"; done
for l in {A..Z}; do say "l$l" en "$l"; done
echo "voice clips written to $out"
