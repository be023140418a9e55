# Sourced by .ci/run, run-local.sh and the scripts: makes JAVA_HOME and PATH point at a JDK 25 or newer (the
# project's compile target and runtime: virtual threads that do not pin on synchronized, docs/adr/005). Keeps the
# java already chosen when it is new enough; otherwise takes the newest JDK >= 25 under /usr/lib/jvm (Debian's
# layout, where a Temurin 25 sits beside the default OpenJDK 17) or /opt/java. Fails with a clear message if none.
tenantchat_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
tenantchat_use_java() {
  local want=25 candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [[ -n "$candidate" && -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]]; then
      major=$(tenantchat_java_major "$candidate/bin/java")
      if [[ -n "$major" && "$major" -ge $want ]]; then best="$candidate"; best_major=$major; break; fi
    fi
  done
  if [[ -z "$best" ]]; then
    for candidate in /usr/lib/jvm/* /opt/java/*; do
      [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
      major=$(tenantchat_java_major "$candidate/bin/java")
      if [[ -n "$major" && "$major" -ge $want && "$major" -gt $best_major ]]; then best="$candidate"; best_major=$major; fi
    done
  fi
  if [[ -z "$best" ]]; then
    echo "no JDK $want or newer found (JAVA_HOME, PATH, /usr/lib/jvm, /opt/java): install one, e.g. Temurin $want" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
tenantchat_use_java
