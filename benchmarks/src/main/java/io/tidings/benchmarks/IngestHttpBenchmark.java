package io.tidings.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /tidings/api/v1/events} over real HTTP through the demo distribution, a real
 * {@code bin/karaf} process (see {@link KarafProcess}), driven by wrk with a Lua script that gives
 * every request an event id of its own (Basic auth {@code ingest:ingest}, the demo's "order ready"
 * event: an email and an SMS each, sent by the devbox while the load runs). Side by side with the
 * bare figure: the same wrk against a servlet in the same Karaf (same Jetty, same Pax Web) that reads
 * the body and answers 202. Afterwards it checks that nothing was lost: the events counter grew by at
 * least the 202s, the store holds at least as many communications as the 202s named, and for a
 * sample of accepted events {@code GET /communications?entityType=order&entityId=} lists every
 * communication its 202 named. Then the same run with the node's dispatch paused
 * ({@code POST /dispatch/pause}): ingest alone, without the claims and outcomes of sending beside it.
 * Run with {@code benchmarks/run ingest [seconds, default 30] [connections, default 16] [h2|postgresql]}
 * (PostgreSQL: 127.0.0.1:5432, database test, in a schema of its own dropped afterwards); needs wrk.
 */
public final class IngestHttpBenchmark {

    private static final String EVENTS = "/tidings/api/v1/events";
    private static final Pattern RESULT = Pattern.compile("(\\w+)=(\\S+)");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        boolean postgresql = args.length > 2 && args[2].toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
        Path archive = Path.of(System.getProperty("tidings.bench.distribution"));
        Machine.print();
        String schema = null;
        String url = null;
        if (postgresql) {
            schema = ClaimBacklogBenchmark.Backlog.createSchema();
            String base = ClaimBacklogBenchmark.Backlog.postgresqlUrl();
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try (java.sql.Connection c = ClaimBacklogBenchmark.Backlog.postgres().getConnection()) {
                System.out.println("store: PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + ", schema "
                        + schema + " (dropped afterwards)");
            }
        }
        System.out.printf("wrk, 2 threads, %d connections, %d s per run, the demo distribution (%s store, devbox "
                + "channels) as a bin/karaf process%n", connections, seconds, postgresql ? "PostgreSQL" : "H2 file");
        Path script = Files.createTempFile("tidings-ingest", ".lua");
        Files.writeString(script, luaScript(), StandardCharsets.UTF_8);
        try (KarafProcess karaf = new KarafProcess(archive, url)) {
            double up = karaf.awaitAccepted(EVENTS, "ingest", i -> event("ready-" + i), Duration.ofMinutes(4));
            karaf.awaitAccepted("/bench/accept", "ingest", i -> event("ready-bare-" + i), Duration.ofMinutes(1));
            System.out.printf("Karaf started, POST /events answered 202 after %.1f s%n", up);

            int warmup = Math.max(5, seconds / 3);
            wrk(karaf.base() + "/bench/accept", script, "bare-warm", warmup, connections); // warm-ups, not counted
            Map<String, String> bare = wrk(karaf.base() + "/bench/accept", script, "bare", seconds, connections);
            wrk(karaf.base() + EVENTS, script, "warm", warmup, connections);
            Metrics before = Metrics.read(karaf);
            Map<String, String> tidings = wrk(karaf.base() + EVENTS, script, "run", seconds, connections);

            System.out.println("| endpoint | accepted (202) per s | p50 | p99 | max | other answers | socket errors |");
            System.out.println("|---|---|---|---|---|---|---|");
            double bareRate = row("servlet answering 202 (bare)", bare);
            double tidingsRate = row("Tidings POST /events", tidings);
            System.out.printf("ratio Tidings / bare: %.3f%n", tidingsRate / bareRate);
            System.out.printf("target ≥ 3,000 events/s and p99 ≤ 50 ms: %s%n",
                    tidingsRate >= 3_000 && micros(tidings, "p99_us") <= 50_000 ? "met" : "not met");
            if (!tidings.get("first_error").isEmpty()) {
                System.out.println("first answer other than 202: " + tidings.get("first_error"));
            }
            checkNothingLost(karaf, before, tidings);

            // the same with this node's dispatch paused: what ingest costs without the sending beside it
            karaf.post("/tidings/api/v1/dispatch/pause", "karaf");
            Metrics paused = Metrics.read(karaf);
            Map<String, String> alone = wrk(karaf.base() + EVENTS, script, "alone", seconds, connections);
            System.out.println("with dispatch paused (POST /dispatch/pause), nothing sent while it runs:");
            double aloneRate = row("Tidings POST /events, ingest alone", alone);
            System.out.printf("ratio ingest alone / bare: %.3f; alone / with sending: %.2f%n", aloneRate / bareRate,
                    aloneRate / tidingsRate);
            checkNothingLost(karaf, paused, alone);
            karaf.post("/tidings/api/v1/dispatch/resume", "karaf");
        } finally {
            Files.deleteIfExists(script);
            if (schema != null) {
                ClaimBacklogBenchmark.Backlog.dropSchema(schema);
            }
        }
    }

    /** The demo's "order ready" event (an email and an SMS), entity id = event id so it can be looked up. */
    static String event(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"order.status_changed\",\"occurredAt\":\"2026-11-23T10:00:00+02:00\","
                + "\"location\":\"kyiv\",\"entity\":{\"type\":\"order\",\"id\":\"" + id + "\"},"
                + "\"data\":{\"order\":{\"number\":\"" + id + "\",\"status\":\"ready\",\"total\":1250.50},"
                + "\"location\":{\"name\":\"Сервіс на Хрещатику\"},"
                + "\"contact_information\":{\"name\":\"Тарас Шевченко\",\"email\":\"taras@example.com\","
                + "\"phone\":\"+380671234567\",\"preferred_language\":\"uk\",\"consent\":{\"email\":true,\"sms\":true}}}}";
    }

    /**
     * The wrk script: ids {@code <prefix>-<thread>-<n>}; it counts 202s and the communication ids their
     * bodies name, keeps every 200th accepted event id with its communication ids as a sample, and
     * prints one RESULT line, a SAMPLES line and the first answer other than 202.
     */
    private static String luaScript() {
        String body = event("%s").replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                local threads = {}
                function setup(thread)
                  thread:set("tid", #threads + 1)
                  table.insert(threads, thread)
                end
                function init(args)
                  prefix = args[1] .. "-" .. tid .. "-"
                  sent, accepted, other, comms, samples, first_error = 0, 0, 0, 0, "", ""
                  headers = {["Content-Type"] = "application/json", ["Authorization"] = "%s"}
                end
                function request()
                  sent = sent + 1
                  return wrk.format("POST", nil, headers, string.format("%s", prefix .. sent, prefix .. sent, prefix .. sent))
                end
                function response(status, hdrs, body)
                  if status == 202 then
                    accepted = accepted + 1
                    local list = string.match(body or "", '"communications":%%[(.-)%%]') or ""
                    local ids = ""
                    local n = 0
                    for id in string.gmatch(list, '"([^"]+)"') do n = n + 1; ids = ids .. id .. "," end
                    comms = comms + n
                    if accepted %% 200 == 0 then
                      local event = string.match(body, '"eventId":"([^"]+)"')
                      if event then samples = samples .. event .. ":" .. ids .. " " end
                    end
                  else
                    other = other + 1
                    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 200) end
                  end
                end
                function done(summary, latency, requests)
                  local a, o, c, s, e = 0, 0, 0, "", ""
                  for _, t in ipairs(threads) do
                    a = a + t:get("accepted"); o = o + t:get("other"); c = c + t:get("comms")
                    s = s .. t:get("samples")
                    if e == "" then e = t:get("first_error") end
                  end
                  local err = summary.errors
                  io.write(string.format("RESULT accepted=%%d other=%%d comms=%%d duration_us=%%d p50_us=%%.0f p99_us=%%.0f max_us=%%.0f socket_errors=%%d\\n",
                    a, o, c, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
                    err.connect + err.read + err.write + err.timeout))
                  io.write("SAMPLES " .. s .. "\\n")
                  io.write("FIRSTERROR " .. string.gsub(e, "\\n", " ") .. "\\n")
                end
                """.formatted(KarafProcess.basic("ingest"), body);
    }

    /** Runs wrk; the RESULT line's values, {@code samples} and {@code first_error}. */
    private static Map<String, String> wrk(String url, Path script, String prefix, int seconds, int connections)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url, "--", prefix).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        result.put("samples", "");
        result.put("first_error", "");
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    Matcher m = RESULT.matcher(line);
                    while (m.find()) {
                        result.put(m.group(1), m.group(2));
                    }
                } else if (line.startsWith("SAMPLES ")) {
                    result.put("samples", line.substring(8).trim());
                } else if (line.startsWith("FIRSTERROR ")) {
                    result.put("first_error", line.substring(11).trim());
                }
            }
        }
        if (wrk.waitFor() != 0 || !result.containsKey("accepted")) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return result;
    }

    private static long micros(Map<String, String> result, String key) {
        return Long.parseLong(result.get(key));
    }

    /** Prints one table row; the accepted rate. */
    private static double row(String name, Map<String, String> r) {
        double rate = micros(r, "accepted") / (micros(r, "duration_us") / 1e6);
        System.out.printf("| %s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %s | %s |%n", name, rate,
                micros(r, "p50_us") / 1e3, micros(r, "p99_us") / 1e3, micros(r, "max_us") / 1e3, r.get("other"),
                r.get("socket_errors"));
        return rate;
    }

    private static void checkNothingLost(KarafProcess karaf, Metrics before, Map<String, String> run)
            throws IOException, InterruptedException {
        long accepted = micros(run, "accepted");
        long comms = micros(run, "comms");
        // the communications gauge is counted at most every 5 s: wait for it to catch up, a minute at most
        Metrics after = Metrics.read(karaf);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (after.communications - before.communications < comms && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            after = Metrics.read(karaf);
        }
        List<String> lost = new ArrayList<>();
        String[] samples = run.get("samples").isEmpty() ? new String[0] : run.get("samples").split(" ");
        int checked = 0;
        for (String sample : samples) {
            if (checked == 100) {
                break;
            }
            String eventId = sample.substring(0, sample.indexOf(':'));
            String list = karaf.get("/tidings/api/v1/communications?entityType=order&entityId=" + eventId, "karaf");
            for (String id : sample.substring(sample.indexOf(':') + 1).split(",")) {
                if (!id.isEmpty() && !list.contains("\"" + id + "\"")) {
                    lost.add(eventId + "/" + id);
                }
            }
            checked++;
        }
        long ingested = after.ingested - before.ingested;
        long stored = after.communications - before.communications;
        System.out.printf("nothing lost: %,d events accepted with 202 naming %,d communications; the events counter "
                + "grew by %,d (requests still in flight when wrk stopped count there too), the store's communications "
                + "by %,d; %d sampled events looked up, each with every communication its 202 named: %s%n", accepted, comms,
                ingested, stored, checked, lost.isEmpty() ? "yes" : "NO, missing " + lost);
        boolean ok = ingested >= accepted && stored >= comms && lost.isEmpty() && comms >= accepted;
        System.out.println(ok ? "every accepted event has its communications: yes" : "EVENTS OR COMMUNICATIONS LOST");
    }

    /** The two figures of {@code GET /metrics/prometheus} the loss check compares. */
    private record Metrics(long ingested, long communications) {
        private static final Pattern INGESTED = Pattern.compile("(?m)^tidings_events_ingested_total\\s+([0-9.eE+]+)");
        private static final Pattern COMMUNICATIONS = Pattern.compile("(?m)^tidings_communications\\{[^}]*}\\s+([0-9.eE+]+)");

        static Metrics read(KarafProcess karaf) throws IOException, InterruptedException {
            String text = karaf.get("/tidings/api/v1/metrics/prometheus", "karaf");
            Matcher ingested = INGESTED.matcher(text);
            if (!ingested.find()) {
                throw new IllegalStateException("no tidings_events_ingested_total in " + text);
            }
            long communications = 0;
            Matcher m = COMMUNICATIONS.matcher(text);
            while (m.find()) {
                communications += (long) Double.parseDouble(m.group(1));
            }
            return new Metrics((long) Double.parseDouble(ingested.group(1)), communications);
        }
    }
}
