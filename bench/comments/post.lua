-- wrk script: anonymous comment posts, spread over the stories in STORIES (comma-separated
-- News IDs). Each request has its own User-Agent, so the gateway's client fingerprint differs
-- and the per-client limit does not hide the service's throughput; bodies are unique, so the
-- repeat check passes. Per-thread status counts are summed in done().
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  stories = {}
  for id in string.gmatch(os.getenv("STORIES") or "", "[^,]+") do
    table.insert(stories, id)
  end
  n = 0
  created, limited, other = 0, 0, 0
end

function request()
  n = n + 1
  local story = stories[(n % #stories) + 1]
  local body = string.format('{"authorName":"Bench","body":"bench comment %d %d %d"}', tid, n, os.time())
  return wrk.format("POST", "/api/v1/articles/" .. story .. "/comments",
    { ["Content-Type"] = "application/json", ["User-Agent"] = string.format("bench-%d-%d-%d", tid, n, os.time()) }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 429 then
    limited = limited + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, l, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    l = l + t:get("limited")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("posts: %d created (201), %d rate-limited (429), %d other; %.1f created/s\n", c, l, o, c / seconds))
  io.write(string.format("post latency: p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
