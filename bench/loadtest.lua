-- wrk script of `make loadtest` (bench/loadtest.sh): counts every answer that is not a
-- 2xx (wrk itself only counts 4xx and 5xx), and prints the numbers the script checks.
-- With LOADTEST_MIX=1 in the environment, requests alternate between agenda pages in
-- several languages and searches by word and by symbol; otherwise every request is the
-- URL given on the command line.

local AGENDA = "/bodies/cosp-wg4/sessions/11/annotated-agenda/"
local MIX = {
  "/en" .. AGENDA,
  "/en/search/?q=corruption",
  "/fr" .. AGENDA,
  "/en/search/?q=CAC%2FCOSP%2FWG.4%2F2020%2F1",
  "/zh-hans" .. AGENDA,
  "/fr/search/?q=pr%C3%A9vention+corruption",
  "/ar" .. AGENDA,
  "/ru/search/?q=%D0%BA%D0%BE%D1%80%D1%80%D1%83%D0%BF%D1%86%D0%B8%D0%B8",
  "/ru" .. AGENDA,
  "/zh-hans/search/?q=%E8%85%90%E8%B4%A5",
  "/es" .. AGENDA,
  "/en/search/?q=review+implementation",
}

local threads = {}
local mixed = os.getenv("LOADTEST_MIX") == "1"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  not_2xx = 0
  counter = id or 0
end

function request()
  if mixed then
    counter = counter + 1
    return wrk.format("GET", MIX[(counter % #MIX) + 1])
  end
  return wrk.format("GET")
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local total_not_2xx = 0
  for _, thread in ipairs(threads) do
    total_not_2xx = total_not_2xx + thread:get("not_2xx")
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f socket_errors=%d not_2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, socket_errors, total_not_2xx))
end
