#!/usr/bin/env bash
# Makes the PDF fonts under src/main/resources/fonts/: Noto Sans TC (SIL OFL 1.1, static TrueType-outline .ttf
# from the npm package @expo-google-fonts/noto-sans-tc) cut down to what statements need:
#   ASCII and Latin-1, general punctuation, arrows, maths operators, box and geometric shapes, CJK symbols and
#   punctuation, full-width forms, every character of Big5 (cp950: symbols, 常用字 level 1 and 次常用字 level 2),
#   and every character of messages*.properties, the templates and the court case file.
# Needs npm (the registry) and pyftsubset (Debian: apt-get install fonttools). Run from the repository root:
#   scripts/subset-font.sh
# The committed fonts are the output; nothing runs this at build or run time.
set -euo pipefail
VERSION=0.4.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/src/main/resources/fonts"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "@expo-google-fonts/noto-sans-tc@$VERSION" >/dev/null && tar xzf ./*.tgz)

python3 - "$ROOT" "$WORK/chars.txt" <<'PY'
import sys, pathlib
root, out = pathlib.Path(sys.argv[1]), sys.argv[2]
chars = set()
def span(a, b): chars.update(chr(c) for c in range(a, b + 1))
span(0x20, 0x7E); span(0xA0, 0xFF)
span(0x2000, 0x206F)   # general punctuation: – — ‘ ’ “ ” … ‰ ※
span(0x2100, 0x214F)   # letterlike: № ℃
span(0x2150, 0x218F)   # number forms: Ⅰ Ⅱ
span(0x2190, 0x21FF)   # arrows
span(0x2200, 0x22FF)   # maths operators: × is Latin-1, − ≤ ≥ ≈
span(0x2460, 0x24FF)   # enclosed numbers ① ②
span(0x2500, 0x25FF)   # box drawing, blocks, geometric shapes ● ○ ■ □ ▲
span(0x2600, 0x26FF)   # symbols ☑ ☐
span(0x2713, 0x2718)   # ✓ ✔ ✗ ✘
span(0x3000, 0x303F)   # CJK symbols and punctuation 、。「」『』【】〔〕
span(0xFE30, 0xFE4F)   # CJK compatibility forms
span(0xFF00, 0xFFEF)   # full-width forms
for lead in range(0x81, 0xFF):              # every character of Big5 (cp950)
    for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
        try:
            chars.update(bytes([lead, trail]).decode('cp950'))
        except UnicodeDecodeError:
            pass
files = list((root / 'src/main/resources').glob('messages*.properties')) + list((root / 'templates').rglob('*.html'))
files += [root / 'src/test/resources/contracts/ilocker-107.yaml']
for f in files:
    chars.update(f.read_text(encoding='utf-8'))
chars = {c for c in chars if ord(c) >= 0x20 and not 0xE000 <= ord(c) <= 0xF8FF}   # no controls, no private use
pathlib.Path(out).write_text(''.join(sorted(chars)), encoding='utf-8')
print(len(chars), 'characters wanted')
PY

mkdir -p "$OUT"
for weight in 400Regular:Regular 700Bold:Bold; do
  src=${weight%%:*}; name=${weight##*:}
  pyftsubset "$WORK/package/$src/NotoSansTC_$src.ttf" --text-file="$WORK/chars.txt" \
    --output-file="$OUT/NotoSansTC-$name-subset.ttf" --layout-features='*' --no-hinting --drop-tables+=vhea,vmtx \
    --name-IDs='*' --name-legacy --name-languages='*'
  ls -l "$OUT/NotoSansTC-$name-subset.ttf"
done
cp "$WORK/package/LICENSE_FONT" "$OUT/OFL.txt"
