// Shopify's Theme Check on the theme app extension, with the theme-app-extension config (.theme-check.yml).
// Prints every offense; exits 1 when any is an error. Run by scripts/frontend.sh after `npm ci`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { themeCheckRun, Severity } = require('@shopify/theme-check-node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extension = path.join(root, 'extensions', 'see-it');
const names = { [Severity.ERROR]: 'error', [Severity.WARNING]: 'warning', [Severity.INFO]: 'info' };

const { theme, offenses } = await themeCheckRun(extension, path.join(root, '.theme-check.yml'), () => {});
for (const offense of offenses) {
  const file = fileURLToPath(offense.uri).slice(root.length + 1);
  const line = offense.start ? offense.start.line + 1 : 0;
  console.log(`${file}:${line}: ${names[offense.severity] ?? offense.severity} ${offense.check}: ${offense.message}`);
}
const errors = offenses.filter((offense) => offense.severity === Severity.ERROR).length;
console.log(`theme check: ${theme.length} files, ${errors} errors, ${offenses.length - errors} warnings or notes`);
process.exit(errors ? 1 : 0);
