-- tests/bench/keywords.lua — wrk script: every request searches a different
-- keyword, cycling through the words of the file named by $BENCH_WORDS (one
-- per line, [a-z0-9] only: no URL encoding needed). The two threads start
-- half the list apart, so that no page cache could help.
local words = {}
local i = 0
local nthreads = 0

function setup(thread)
   thread:set("tid", nthreads)
   nthreads = nthreads + 1
end

function init(args)
   for line in io.lines(os.getenv("BENCH_WORDS")) do
      if line ~= "" then
         words[#words + 1] = line
      end
   end
   i = (tid or 0) * math.floor(#words / 2)
end

function request()
   i = i + 1
   return wrk.format("GET", "/experiences?q=" .. words[(i % #words) + 1])
end
