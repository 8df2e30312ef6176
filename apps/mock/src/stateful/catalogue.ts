// The plans, operating systems and locations a server can be created with: those the vendor's reference shows
// (plan 1 "Standard VPS", plan 2 "Performance VPS", OS 5 "Ubuntu 22.04 LTS", OS 3 "Debian 12", us-west, us-east).
// Anything else is refused with the API's 400, as the real API refuses an unknown primary key.

export type Plan = { id: number, name: string, vcpus: number, memory: number, storage: number, bandwidth: number };

export const PLANS: Map<number, Plan> = new Map([
  [1, { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 }],
  // The reference shows plan 2 without its bandwidth: twice plan 1's, as its other sizes are (inferred).
  [2, { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160, bandwidth: 4096 }],
]);

export const SYSTEMS: Map<number, { id: number; name: string }> = new Map([
  [3, { id: 3, name: 'Debian 12' }],
  [5, { id: 5, name: 'Ubuntu 22.04 LTS' }],
]);

export const LOCATIONS = new Set(['us-west', 'us-east']);

/** What is wrong with a server's plan, OS and location, as the API's 400 body naming the field, or null. */
export function catalogueProblem(server: { plan_id?: unknown; os_id?: unknown; location?: unknown }): { detail: string; error_code: string; field: string } | null {
  const { plan_id, os_id, location } = server;
  if (!PLANS.has(Number(plan_id))) return { detail: `Invalid pk "${plan_id}" - object does not exist.`, error_code: 'validation_error', field: 'plan_id' };
  if (!SYSTEMS.has(Number(os_id))) return { detail: `Invalid pk "${os_id}" - object does not exist.`, error_code: 'validation_error', field: 'os_id' };
  if (!LOCATIONS.has(String(location))) return { detail: `"${location}" is not a valid choice.`, error_code: 'validation_error', field: 'location' };
  return null;
}

export const planOf = (id: number) => PLANS.get(id) as Plan;
export const osOf = (id: number) => SYSTEMS.get(id) as { id: number, name: string };
