import type { ProjectRecord } from '../../src/core/registry.js';

let made = 0;

/** A project, signed and nothing more unless told otherwise. */
export function buildProject(over: Partial<ProjectRecord> = {}): ProjectRecord {
  made++;
  return {
    id: `project:${String(made).padStart(20, '0')}`,
    name: '特斯联城市智能安全联合实验室',
    parties: [],
    status: 'signed',
    history: [],
    ...over,
  };
}
