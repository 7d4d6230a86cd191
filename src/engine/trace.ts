// Phase timings of the streaming close on stderr when MENERVA_TRACE is set
// (for `npm run bench` and profiling; never in normal output). Wall time
// counts from the start of the process (start-up included), CPU time from
// this module's load.
const on = process.env["MENERVA_TRACE"] !== undefined && process.env["MENERVA_TRACE"] !== "";
const c0 = process.cpuUsage();

export function trace(label: string): void {
  if (!on) return;
  const c = process.cpuUsage(c0);
  const m = process.memoryUsage();
  const mb = (x: number) => (x / 2 ** 20).toFixed(0);
  process.stderr.write(`trace ${label.padEnd(24)} wall ${performance.now().toFixed(0).padStart(6)} ms  cpu ${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms  rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ext ${mb(m.external + m.arrayBuffers)} MB  faults ${process.resourceUsage().minorPageFault}\n`);
}
