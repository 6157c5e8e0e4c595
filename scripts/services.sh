# Start the real services the tests use. Sourced by scripts/test; each function exports what
# the tests read: KIOSK_TEST_PG_URL, KIOSK_TEST_PRINTER and KIOSK_TEST_PDF_DIR, KIOSK_TEST_DISPLAY,
# PULSE_SERVER and KIOSK_TEST_AUDIO_SINK.

_as_service_user() {  # run a PostgreSQL tool as the postgres user when we are root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local dir="$1" port="${KIOSK_TEST_PG_PORT:-54329}" bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    _as_service_user "$bin/initdb" -D "$dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  local try pid state
  for try in 1 2 3 4 5; do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    # A server killed with its session leaves postmaster.pid behind, its process dead or a zombie
    # nobody reaped; either way the file would block the start.
    if [ -f "$dir/postmaster.pid" ]; then
      pid="$(head -1 "$dir/postmaster.pid")"
      state="$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
      if [ -z "$state" ] || [ "$state" = Z ]; then rm -f "$dir/postmaster.pid"; fi
    fi
    _as_service_user "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null 2>&1 \
      || sleep 2
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" \
    || { echo "services: PostgreSQL did not start (see $dir/server.log)" >&2; return 1; }
  export KIOSK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  echo "services: PostgreSQL on 127.0.0.1:$port"
}

start_cups() {
  local printer="kiosk-test-pdf"
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    $SUDO cupsd
    for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
  fi
  if ! lpstat -p "$printer" >/dev/null 2>&1; then
    $SUDO lpadmin -p "$printer" -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  fi
  $SUDO cupsenable "$printer"
  $SUDO cupsaccept "$printer"
  export KIOSK_TEST_PRINTER="$printer"
  # cups-pdf writes into $HOME/PDF of the submitting user (root's jobs: /root/PDF).
  export KIOSK_TEST_PDF_DIR="${HOME}/PDF"
  echo "services: CUPS printer $printer -> $KIOSK_TEST_PDF_DIR"
}

start_xvfb() {
  local n=${KIOSK_TEST_DISPLAY_NUM:-97} lock pid
  lock="/tmp/.X$n-lock"
  # A server killed without cleaning up leaves its lock file behind: clear it when its process is gone.
  if [ -e "$lock" ]; then
    pid="$(tr -dc '0-9' < "$lock" 2>/dev/null || true)"
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$lock" "/tmp/.X11-unix/X$n"
    fi
  fi
  if [ ! -e "$lock" ]; then
    Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  fi
  for _ in $(seq 1 100); do
    DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
  done
  DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "services: Xvfb on :$n does not answer" >&2; return 1; }
  export KIOSK_TEST_DISPLAY=":$n"
  echo "services: Xvfb on :$n"
}

start_audio() {
  # A PulseAudio server with one null sink: Qt plays the result sounds into it, and the tests
  # record its monitor to hear them. No sound card needed.
  local dir="$1" sink="kiosk_test_null"
  mkdir -p "$dir"
  export PULSE_SERVER="unix:$dir/native"
  if ! pactl info >/dev/null 2>&1; then
    rm -f "$dir/native" "$dir/pid"
    HOME="$dir" XDG_RUNTIME_DIR="$dir" pulseaudio --daemonize=yes --exit-idle-time=-1 -n --use-pid-file=no \
      --load="module-native-protocol-unix auth-anonymous=1 socket=$dir/native" \
      --load="module-null-sink sink_name=$sink" --log-target="file:$dir/pulse.log" >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  pactl info >/dev/null 2>&1 || { echo "services: PulseAudio did not start (see $dir/pulse.log)" >&2; return 1; }
  pactl set-default-sink "$sink"
  export KIOSK_TEST_AUDIO_SINK="$sink"
  echo "services: PulseAudio null sink $sink"
}
