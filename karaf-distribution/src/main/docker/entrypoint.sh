#!/bin/sh
# Tidings container entrypoint: writes the Karaf configuration of Tidings from environment
# variables, then starts Karaf in the foreground. `entrypoint.sh configure` only writes the files.
#
#   TIDINGS_DB_URL, TIDINGS_DB_USER, TIDINGS_DB_PASSWORD   -> etc/io.tidings.store.cfg
#       (a jdbc:postgresql: URL also installs the tidings-postgresql feature at boot)
#   TIDINGS_SMTP_HOST, TIDINGS_SMTP_PORT (587), TIDINGS_SMTP_USER, TIDINGS_SMTP_PASSWORD,
#   TIDINGS_SMTP_FROM, TIDINGS_SMTP_STARTTLS (true)        -> etc/io.tidings.channel.smtp-main.cfg
#   TIDINGS_HTTP_PORT (8181)                               -> etc/org.ops4j.pax.web.cfg
#   TIDINGS_ADMIN_PASSWORD                                 -> the karaf user of etc/users.properties
#
# A variable that is not set leaves its file as the distribution has it. Values are never printed.
set -eu

KARAF_HOME="${KARAF_HOME:-/opt/tidings}"
ETC="$KARAF_HOME/etc"

# A value as a .cfg file holds it: backslashes doubled, no line breaks.
escape() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g' | tr '\n\r' '  '
}

# set_key FILE KEY VALUE: replaces the line that sets KEY, or appends it.
set_key() {
    file="$1"
    touch "$file"
    tmp="$file.tmp.$$"
    # the value through the environment: awk -v would undo the escaping of backslashes
    CFG_KEY="$2" CFG_VALUE="$(escape "$3")" awk '
        BEGIN { done = 0; key = ENVIRON["CFG_KEY"]; value = ENVIRON["CFG_VALUE"] }
        {
            line = $0; sub(/^[ \t]+/, "", line)
            if (index(line, key) == 1 && substr(line, length(key) + 1) ~ /^[ \t]*[=:]/) {
                if (!done) { print key " = " value; done = 1 }
                next
            }
            print
        }
        END { if (!done) print key " = " value }' "$file" > "$tmp"
    mv "$tmp" "$file"
}

say() {
    echo "tidings-entrypoint: $*"
}

configure() {
    if [ -n "${TIDINGS_DB_URL:-}" ]; then
        store="$ETC/io.tidings.store.cfg"
        set_key "$store" url "$TIDINGS_DB_URL"
        [ -z "${TIDINGS_DB_USER:-}" ] || set_key "$store" user "$TIDINGS_DB_USER"
        [ -z "${TIDINGS_DB_PASSWORD:-}" ] || set_key "$store" password "$TIDINGS_DB_PASSWORD"
        say "store configured in etc/io.tidings.store.cfg"
        case "$TIDINGS_DB_URL" in
            jdbc:postgresql:*) boot_feature tidings-postgresql ;;
        esac
    fi
    if [ -n "${TIDINGS_SMTP_HOST:-}" ]; then
        smtp="$ETC/io.tidings.channel.smtp-main.cfg"
        set_key "$smtp" host "$TIDINGS_SMTP_HOST"
        set_key "$smtp" port "${TIDINGS_SMTP_PORT:-587}"
        set_key "$smtp" startTls "${TIDINGS_SMTP_STARTTLS:-true}"
        [ -z "${TIDINGS_SMTP_USER:-}" ] || set_key "$smtp" username "$TIDINGS_SMTP_USER"
        [ -z "${TIDINGS_SMTP_PASSWORD:-}" ] || set_key "$smtp" password "$TIDINGS_SMTP_PASSWORD"
        [ -z "${TIDINGS_SMTP_FROM:-}" ] || set_key "$smtp" from "$TIDINGS_SMTP_FROM"
        say "SMTP channel smtp-main configured in etc/io.tidings.channel.smtp-main.cfg"
    fi
    if [ -n "${TIDINGS_HTTP_PORT:-}" ]; then
        set_key "$ETC/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$TIDINGS_HTTP_PORT"
        say "HTTP port $TIDINGS_HTTP_PORT"
    fi
    if [ -n "${TIDINGS_ADMIN_PASSWORD:-}" ]; then
        set_key "$ETC/users.properties" karaf "$TIDINGS_ADMIN_PASSWORD,_g_:admingroup"
        say "password of the karaf user set"
    fi
}

# boot_feature NAME: adds a feature to featuresBoot of etc/org.apache.karaf.features.cfg once.
boot_feature() {
    features="$ETC/org.apache.karaf.features.cfg"
    if ! grep -q "$1" "$features"; then
        awk -v feature="$1" '
            /^featuresBoot[ \t]*=/ { inside = 1 }
            inside && !/\\[ \t]*$/ { sub(/[ \t]*$/, ", \\\n    " feature); inside = 0 }
            { print }' "$features" > "$features.tmp.$$"
        mv "$features.tmp.$$" "$features"
        say "feature $1 installed at boot"
    fi
}

configure
if [ "${1:-}" = "configure" ]; then
    exit 0
fi
exec "$KARAF_HOME/bin/karaf" run "$@"
