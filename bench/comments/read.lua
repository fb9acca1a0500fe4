-- wrk script: anonymous thread reads of one story (path given on the command line).
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("thread reads: %d in %.1f s, %.1f/s, %d errors (non-2xx %d)\n", summary.requests, seconds,
    summary.requests / seconds, summary.errors.connect + summary.errors.read + summary.errors.timeout, summary.errors.status))
  io.write(string.format("thread-read latency: p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
