-- wrk script: sends each prepared request exactly once, the file's lines dealt among the threads.
--   wrk -t T -c C -d D -s requests.lua URL -- issuance FILE T
--   wrk -t T -c C -d D -s requests.lua URL -- submission FILE T SURVEY_ID
-- issuance lines: `code hex(blinded token request)`, sent to POST /i/{code}/token-request;
-- submission lines: a JSON response, sent to POST /s/{survey}/responses.
-- A thread that runs out stops; done() says so, since its figures would then be too low.

local threads, next_id = {}, 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local kind, file, count, survey = args[1], args[2], tonumber(args[3]), args[4]
  paths, bodies, sent = {}, {}, 0
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      if kind == "issuance" then
        local code, hex = line:match("^(%S+) (%x+)$")
        table.insert(paths, "/i/" .. code .. "/token-request")
        table.insert(bodies, (hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)))
      else
        table.insert(paths, "/s/" .. survey .. "/responses")
        table.insert(bodies, line)
      end
    end
    n = n + 1
  end
  wrk.headers["Content-Type"] = kind == "issuance" and "application/private-token-request" or "application/json"
  wrk.headers["Connection"] = "keep-alive"
end

function request()
  sent = sent + 1
  if sent > #paths then
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  return wrk.format("POST", paths[sent], nil, bodies[sent])
end

function done(summary, latency, requests)
  local exhausted = 0
  for _, t in ipairs(threads) do
    if t:get("sent") > #t:get("paths") then exhausted = exhausted + 1 end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rate=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f non2xx=%d errors=%d exhausted_threads=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    e.status, e.connect + e.read + e.write + e.timeout, exhausted))
end
