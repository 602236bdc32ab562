import type { ProjectConfig } from '../state/records.js';

/** A project as `GET /project/` answers it (the `project` schema). */
export function projectJson(project: ProjectConfig): Record<string, unknown> {
  return {
    collaborators: [],
    name: project.name,
    pub_key: project.publicKey,
    autostore_enabled: project.autostore,
  };
}
