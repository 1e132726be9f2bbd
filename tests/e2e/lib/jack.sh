# Sourced by the JACK end-to-end tests: start_jack_server LOG starts a JACK server with the
# dummy driver at 48 kHz and sets JACKD (its pid), JACK_DEFAULT_SERVER (exported) and PERIOD.
# Realtime as root, else no-realtime (-r before -d) with a larger period.
#
# Why the name pool: jackd registers itself in one shared-memory registry of 8 slots
# (/dev/shm/jack-shm-registry). A server that dies without unregistering (killed, or — seen
# here — stopped while a client was still connected) keeps its slot, and jackd reclaims a dead
# slot only when a new server starts under the same name. Unique names per run therefore leak
# a slot each time until no server starts at all ("Too many servers already active"). So the
# tests use a few fixed names, and the first free one reclaims its own stale slot. If the
# registry is still full and no jackd runs anywhere on the machine, every slot is stale: the
# registry is removed and the start retried once.
# Needs: fail() defined by the caller.
JACK_SERVER_NAMES=(pycast-e2e-0 pycast-e2e-1 pycast-e2e-2 pycast-e2e-3)

start_jack_server() {
    local log=$1 name attempt
    PERIOD=256
    local rt=()
    if [[ $(id -u) != 0 && $(ulimit -r) == 0 ]]; then rt=(-r); PERIOD=1024; fi
    for attempt in 1 2; do
        for name in "${JACK_SERVER_NAMES[@]}"; do
            export JACK_DEFAULT_SERVER=$name
            jackd "${rt[@]}" -n "$name" -d dummy -r 48000 -p "$PERIOD" >"$log" 2>&1 &
            JACKD=$!
            if jack_wait -w -t 5 >/dev/null 2>&1 && kill -0 "$JACKD" 2>/dev/null; then
                return 0
            fi
            kill -TERM "$JACKD" 2>/dev/null || true
            wait "$JACKD" 2>/dev/null || true
            JACKD=""
            # Another run holds this name: try the next one. Anything else is not a name clash.
            grep -q "already active" "$log" && ! grep -q "Too many servers" "$log" || break
        done
        grep -q "Too many servers" "$log" || break
        if pgrep -x jackd >/dev/null || pgrep -x jackdbus >/dev/null; then
            fail "JACK's server registry is full and a jackd still runs on this machine — stop it, or remove /dev/shm/jack* when no JACK server runs"
        fi
        echo "note: JACK's server registry held only stale entries of dead servers; removed it" >&2
        rm -f /dev/shm/jack-shm-registry /dev/shm/jack_sem.* 2>/dev/null || true
    done
    fail "jackd did not start (log below)"
}
