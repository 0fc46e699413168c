import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { Manifest } from './src/synth.js';

export const k8sFolder = (env: string) => new URL(`../../k8s/${env}/`, import.meta.url);

/** The files committed under k8s/<env>/, by name. */
export function committedFiles(env: string): Map<string, string> {
  const folder = k8sFolder(env);
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name, readFileSync(new URL(name, folder), 'utf8')]),
  );
}

/** The objects an environment applies: every file its kustomization lists, parsed. */
export function committedManifests(env: string): Manifest[] {
  const files = committedFiles(env);
  const { resources } = parse(files.get('kustomization.yaml')!) as { resources: string[] };
  return resources.map((name) => parse(files.get(name)!) as Manifest);
}
