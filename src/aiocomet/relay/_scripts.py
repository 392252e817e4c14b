"""The server-side Lua scripts: leases with fencing tokens, and the fenced append.

Each script touches the keys of one server only (one ``{hash tag}``, so one
Redis Cluster slot) and runs atomically, so "is the lease still mine?" and
"append" cannot be separated by another worker's takeover. Times come from
the Redis server's own clock (``TIME``), so workers' clocks may disagree.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ACQUIRE", "APPEND", "HEARTBEAT", "RELEASE", "RENEW"]

_NOW: Final = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

ACQUIRE: Final = (
    """
-- KEYS: lease, fence, state. ARGV: worker, ttl_ms.
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local token = redis.call('INCR', KEYS[2])
if not redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'NX', 'PX', ARGV[2]) then
  return false
end
local prev = redis.call('HMGET', KEYS[3], 'holder', 'seq', 'alive_ms', 'released')
"""
    + _NOW
    + """
redis.call('HSET', KEYS[3], 'holder', ARGV[1], 'token', token, 'acquired_ms', now,
  'alive_ms', now, 'released', '0', 'connected', '0')
return {token, prev[1] or '', prev[2] or '0', prev[3] or '0', prev[4] or '0', now}
"""
)

RENEW: Final = (
    """
-- KEYS: lease, state. ARGV: owner, ttl_ms, connected, events, gaps, reconnects, event_time.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
"""
    + _NOW
    + """
redis.call('HSET', KEYS[2], 'alive_ms', now, 'connected', ARGV[3], 'events', ARGV[4],
  'gaps', ARGV[5], 'reconnects', ARGV[6], 'event_time', ARGV[7])
return 1
"""
)

RELEASE: Final = (
    """
-- KEYS: lease, state. ARGV: owner.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
"""
    + _NOW
    + """
redis.call('HSET', KEYS[2], 'alive_ms', now, 'released', '1', 'connected', '0')
return 1
"""
)

APPEND: Final = """
-- KEYS: lease, stream, state.
-- ARGV: owner, token, server, trim ('' | 'MAXLEN' | 'MINID'), trim value (count | age ms),
--       entries: one MessagePack array of [seq, kind, payload, wall_ms] (strings), where kind
--       is 'e' (event), 'r' (replayed event) or 'g' (gap marker).
-- Refuses everything (-1) unless the lease holds this owner and token: the fence.
-- Skips entries whose seq was written before, so a retried batch is written once.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local last = tonumber(redis.call('HGET', KEYS[3], 'seq') or '0')
local entries = cmsgpack.unpack(ARGV[6])
local last_arg = nil
local wall = nil
local added = 0
for i = 1, #entries do
  local e = entries[i]
  local seq = tonumber(e[1])
  if seq > last then
    local kind = e[2]
    if kind == 'g' then
      redis.call('XADD', KEYS[2], '*', 's', ARGV[3], 'q', e[1], 't', ARGV[2], 'w', e[4], 'g', e[3])
    elseif kind == 'r' then
      redis.call('XADD', KEYS[2], '*', 's', ARGV[3], 'q', e[1], 't', ARGV[2], 'w', e[4],
        'f', e[3], 'r', '1')
    else
      redis.call('XADD', KEYS[2], '*', 's', ARGV[3], 'q', e[1], 't', ARGV[2], 'w', e[4], 'f', e[3])
    end
    last = seq
    last_arg = e[1]
    wall = e[4]
    added = added + 1
  end
end
if added > 0 then
  redis.call('HSET', KEYS[3], 'seq', last_arg, 'written_ms', wall)
  if ARGV[4] == 'MAXLEN' then
    redis.call('XTRIM', KEYS[2], 'MAXLEN', '~', ARGV[5])
  elseif ARGV[4] == 'MINID' then
    local t = redis.call('TIME')
    local cutoff = tonumber(t[1]) * 1000 - tonumber(ARGV[5])
    if cutoff > 0 then redis.call('XTRIM', KEYS[2], 'MINID', '~', string.format('%d', cutoff)) end
  end
end
return added
"""

HEARTBEAT: Final = (
    """
-- KEYS: workers (sorted set: worker -> expiry ms). ARGV: worker, ttl_ms.
"""
    + _NOW
    + """
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
"""
)
