// Preloaded into Prism (`node --require`): Prism exits when the process that spawned it is gone, even if that
// process was killed with SIGKILL and could not stop it. Prism is a third-party program; this is our only hook.
// The spawner passes its pid, because it may already be gone by the time this runs.
'use strict';
const parent = Number(process.env.VPS_MOCK_PARENT_PID) || process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 250).unref();
