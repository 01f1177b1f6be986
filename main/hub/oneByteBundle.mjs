/**
 * Rewrites the esbuild bundles in a folder so that their text is ASCII only:  node main/hub/oneByteBundle.mjs dist/hub
 *
 * V8 keeps a script's source text in the heap for as long as the script lives, one byte a character
 * when every character fits in Latin-1 and two bytes a character as soon as one does not. esbuild
 * already writes strings and templates in ASCII, but leaves comments and regular expressions as
 * written, and a few hundred Chinese characters there (in comments, or the pinyin library's tone
 * marks) made the hub's 3.8 million-character bundle a 7.3 MB string on its heap, and the query
 * worker's one more. Each character beyond ASCII becomes its \uXXXX escape, which means the same
 * character in a comment, a regular expression, an identifier, a string or a template's value.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node main/hub/oneByteBundle.mjs OUTDIR');

const escape = (ch) => [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
  const text = readFileSync(path.join(out, file), 'utf8');
  // A String.raw template would read the escape itself rather than the character: refuse rather than change what it says.
  if (/String\.raw`[^`]*[^\u0000-\u007f]/u.test(text)) throw new Error(`${file}: a String.raw template holds a character beyond ASCII`);
  writeFileSync(path.join(out, file), text.replace(/[^\u0000-\u007f]/gu, escape));
}
