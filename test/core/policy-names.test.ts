import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { WRITTEN_CONSENT_RULE } from '../../shared/contract/consent';

// On screen a policy is named as a user knows it ("our information sharing policy, 3.4",
// "information sharing advice, golden rule 7"), never as a seed or a file name. This reads every
// string and JSX text of the renderer, the shared contract and the core (comments may say "seed":
// they are for us; so may the SQL of migrations, which no one sees).

const ROOT = join(import.meta.dirname, '../..');
const SEED = /\bseeds?\s*\d{3}\b|\bseed\b/i;
/** "golden rule 7" on its own: which document's rule is it? */
const BARE_GOLDEN_RULE = /(?<!information sharing advice, )golden rule \d/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** The text of every string literal, template part and JSX text in a file. */
function screenTexts(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteralLike(node) || ts.isJsxText(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

it('no text that can reach the screen names a policy as a "seed", or a golden rule without the advice it is from', () => {
  const found = ['renderer', 'shared', 'electron'].flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((path) =>
    screenTexts(path)
      .filter((t) => SEED.test(t) || BARE_GOLDEN_RULE.test(t))
      .map((t) => `${relative(ROOT, path)}: ${t.slice(0, 80)}`),
  );
  expect(found).toEqual([]);
});

it('the written-consent rule on the consent form names our information sharing policy', () => {
  expect(WRITTEN_CONSENT_RULE).toMatch(/^Our information sharing policy, 3\.4: “Parents are asked to give written consent/);
});
