import { resourceUsage } from "node:process";

/** What {@link measurePeakRss} observed. */
export interface RssMeasurement<T> {
  readonly value: T;
  /** RSS just before `fn` started. */
  readonly baselineRssBytes: number;
  /** Highest RSS seen while `fn` ran. */
  readonly peakRssBytes: number;
  /** `peakRssBytes - baselineRssBytes`: what the case cost in memory. */
  readonly growthBytes: number;
}

/**
 * Peak resident set size of this process while `fn` runs. RSS is sampled on
 * a timer, which cannot fire during long synchronous work, so the kernel's
 * lifetime high-water mark (`resourceUsage().maxRSS`) is read too: when it
 * rose during `fn`, it is the true peak. Servers in child processes are not
 * counted; measure those in the child (e.g. a gateway reporting its own RSS).
 *
 * For the "8 MB image through the gateway" case: run the gateway in-process,
 * and wrap the call in this helper.
 */
export async function measurePeakRss<T>(fn: () => Promise<T>, intervalMs = 2): Promise<RssMeasurement<T>> {
  const baselineRssBytes = process.memoryUsage.rss();
  const maxRssBefore = resourceUsage().maxRSS * 1024;
  let sampled = baselineRssBytes;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const value = await fn();
    sampled = Math.max(sampled, process.memoryUsage.rss());
    const maxRssAfter = resourceUsage().maxRSS * 1024;
    const peakRssBytes = maxRssAfter > maxRssBefore ? Math.max(sampled, maxRssAfter) : sampled;
    return { value, baselineRssBytes, peakRssBytes, growthBytes: peakRssBytes - baselineRssBytes };
  } finally {
    clearInterval(timer);
  }
}
