// Preloaded into a server under test (node --expose-gc --require): on request over IPC, collect
// garbage and report the memory in use, so the bench reads RSS after GC from outside.
process.on('message', (msg) => {
  if (!msg || msg.type !== 'memory') return;
  for (let i = 0; i < 3; i++) global.gc?.();
  setTimeout(() => {
    global.gc?.();
    process.send?.({ type: 'memory', usage: process.memoryUsage() });
  }, 50);
});
