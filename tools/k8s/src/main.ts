// `npm run k8s:synth`: writes k8s/<environment>/ afresh from this source.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { environments } from './environments.js';
import { synthesize } from './synth.js';

const k8sRoot = new URL('../../../k8s/', import.meta.url).pathname;

for (const env of environments) {
  const folder = join(k8sRoot, env.name);
  mkdirSync(folder, { recursive: true });
  // Objects that left the source leave the folder too.
  for (const file of readdirSync(folder)) if (file.endsWith('.yaml')) rmSync(join(folder, file));
  const files = synthesize(env);
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  console.log(`k8s/${env.name}: ${files.size} files`);
}
