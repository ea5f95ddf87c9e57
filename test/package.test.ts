// What `npm pack` ships: a LICENSE, source maps that carry their sources (the tarball has dist/
// but not src/, so a map that only pointed at ../src would point nowhere), and runtime
// dependencies that the shipped code actually imports.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  dependencies: Record<string, string>;
};

/** The tarball's file list (scripts not run: the build is npm test's). */
function packed(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('the package', () => {
  const files = packed();

  it('ships a LICENSE matching package.json (MIT)', () => {
    expect(pkg.license).toBe('MIT');
    expect(files).toContain('LICENSE');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('every shipped source map carries the sources it maps, or they are shipped too', () => {
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      sources.forEach((source, i) => {
        const shipped = files.includes(join(map, '..', source));
        expect(shipped || typeof sourcesContent?.[i] === 'string', `${map}: ${source}`).toBe(true);
      });
    }
  });

  it('every runtime dependency is imported by the shipped code (test-only ones are devDependencies)', () => {
    const code = sourceFiles(join(ROOT, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const dep of Object.keys(pkg.dependencies))
      expect(code.includes(`'${dep}'`) || code.includes(`'${dep}/`), `${dep} is imported by src/`).toBe(true);
  });
});
