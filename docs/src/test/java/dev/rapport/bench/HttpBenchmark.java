package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The packaged reference server over HTTP, side by side in one run with its two ceilings: a bare Helidon route
 * answering a constant (a child JVM with the server's launch flags), and raw JDBC doing the same reads and the writes
 * of a ticket creation on the same database at the same concurrency. Load comes from {@code wrk} (2 threads, 32
 * connections, 10 s by default); raw JDBC runs as many threads as wrk has connections, on a pool as large as the
 * server's. Also measures start-up (launch to the first healthy answer on a fresh database, the median of three
 * starts) and resident memory after the load. Not a test: run it with
 * {@code mvn -B -q -Pbench-http -DskipTests verify -pl docs -am} after packaging the server.
 */
public final class HttpBenchmark {
    /** The launch flags of the README's command; the bare route gets the same. */
    static final String SERVER_FLAGS = System.getProperty("bench.jvm-flags",
            "-XX:+UseSerialGC -Xmx128m -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=2000");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 15);
    /** The longest warm-up of one endpoint: rounds go on past WARMUP_SECONDS until its cost per request settles. */
    private static final int WARMUP_MAX_SECONDS = Integer.getInteger("bench.warmup-max-seconds", 90);
    private static final int WARMUP_ROUND_SECONDS = 5;
    /**
     * Starts measured per database, each on a fresh one; the median is reported. One start on a shared 2-core machine
     * varied by more than a second between runs of the same build.
     */
    private static final int START_UPS = Integer.getInteger("bench.start-ups", 3);
    /** Two warm-up rounds in a row whose CPU time per request differ by less than this have settled. */
    private static final double SETTLED = 0.05;
    private static final int THREADS = Integer.getInteger("bench.threads", 2);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    private static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    private static final Path SERVER_JAR = Path.of(System.getProperty("bench.server-jar",
            "../reference-server/target/rapport-server.jar")).toAbsolutePath().normalize();
    /** The launch script beside the jar, as the README starts the server. */
    private static final Path SCRIPT = SERVER_JAR.resolveSibling("rapport-server");
    /** The storage's default pool size (JdbcStorageFactory.DEFAULT_POOL_SIZE): raw JDBC gets as many connections. */
    private static final int POOL_SIZE = 10;
    /** A word of a demo customer's name (DemoData's Northwind Retail Ltd). */
    private static final String CUSTOMER_WORD = "Northwind";
    private static final String TITLE = "Orders stopped syncing";
    private static final String DESCRIPTION = "Since 09:00 no order reaches the warehouse.";

    private static final Pattern LISTENING = Pattern.compile("Rapport listening on (http://localhost:\\d+)");
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s CPU times: 100 on every mainstream kernel. */
    private static final int CLOCK_TICKS = Integer.getInteger("bench.clock-ticks", 100);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+)");
    private static final Pattern TIMEOUTS = Pattern.compile("Socket errors: .*timeout (\\d+)");

    private final Path work;
    /** Whether a first run has written the launch script's ahead-of-time cache for this benchmark's starts. */
    private boolean trained;

    private HttpBenchmark(Path work) {
        this.work = work;
    }

    /**
     * One wrk run: requests per second, and the server's CPU time per request (user + system, from
     * {@code /proc/<pid>/stat}), which a loaded machine distorts much less than the throughput.
     */
    record Load(double perSecond, double cpuMicrosPerRequest) {
        @Override
        public String toString() {
            return "%.0f req/s, %.0f µs CPU/request".formatted(perSecond, cpuMicrosPerRequest);
        }
    }

    /** What one database gave. */
    record DatabaseRun(String database, Map<String, Load> http, Map<String, Double> raw, Duration startUp,
                       long rssKib) {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(SERVER_JAR)) {
            throw new IllegalStateException(SERVER_JAR + " is missing: run mvn -B -q -DskipTests package -pl reference-server -am first");
        }
        var bench = new HttpBenchmark(Files.createTempDirectory("rapport-http-bench"));
        System.out.printf("wrk -t%d -c%d -d%ds (after %d to %d s of warm-up per endpoint, until its CPU time per "
                + "request settles); server flags: %s%n", THREADS, CONNECTIONS, SECONDS, WARMUP_SECONDS,
                WARMUP_MAX_SECONDS, SERVER_FLAGS);
        Load bare = bench.bareRoute();
        var runs = new ArrayList<DatabaseRun>();
        runs.add(bench.onDatabase("H2 (file)", null));
        try (var postgres = durablePostgres()) {
            runs.add(bench.onDatabase("PostgreSQL", postgres));
        }
        print(bare, runs);
        System.exit(0);
    }

    /** The bare route under wrk. */
    private Load bareRoute() throws Exception {
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(List.of(SERVER_FLAGS.split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareRoute.class.getName()));
        var log = work.resolve("bare.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var port = awaitLine(process, log, Pattern.compile("bare route listening on (\\d+)"));
            var uri = URI.create("http://localhost:" + port + "/");
            warmUp(uri, List.of(), null, process.pid());
            var load = wrk(uri, List.of(), null, SECONDS, process.pid());
            System.out.printf("bare route: %s%n", load);
            return load;
        } finally {
            stop(process);
        }
    }

    /**
     * The server on one database: start-up, the four requests under wrk and resident memory; then, the server
     * stopped, raw JDBC on the same database.
     *
     * @param postgres null for H2 in a fresh data directory
     */
    private DatabaseRun onDatabase(String name, EmbeddedPostgres postgres) throws Exception {
        var dataDir = Files.createDirectories(work.resolve(postgres == null ? "h2" : "pg"));
        String jdbcUrl = postgres == null ? "jdbc:h2:file:" + dataDir.resolve("rapport")
                : createDatabase(postgres, "http_bench");
        var arguments = new ArrayList<>(List.of("--demo", "--port", "0", "--data-dir", dataDir.toString()));
        if (postgres != null) {
            arguments.addAll(List.of("--db-url", jdbcUrl, "--db-user", "postgres", "--db-password", "postgres"));
        }
        var log = work.resolve(dataDir.getFileName() + "-server.log");
        prepareAheadOfTimeCache();
        var startUps = new ArrayList<Duration>();
        for (int i = 1; i < START_UPS; i++) {
            startUps.add(startAndStop(postgres, i));
        }
        long launched = System.nanoTime();
        var process = start(SCRIPT, arguments, log);
        var http = new LinkedHashMap<String, Load>();
        Session session;
        long rss;
        Duration startUp;
        try {
            String base = awaitLine(process, log, LISTENING);
            awaitHealthy(base);
            startUps.add(Duration.ofNanos(System.nanoTime() - launched));
            startUp = startUps.stream().sorted().toList().get(startUps.size() / 2);
            System.out.printf("%s: healthy %s ms after launch, the median %d ms%n", name,
                    startUps.stream().map(d -> Long.toString(d.toMillis())).toList(), startUp.toMillis());
            session = Session.signIn(base);
            var auth = List.of("Authorization: Bearer " + session.token());
            var post = work.resolve("post-ticket.lua");
            Files.writeString(post, luaPost(session.customerId()), StandardCharsets.UTF_8);
            var requests = new LinkedHashMap<String, URI>();
            requests.put("GET /tickets/{id}", URI.create(base + "/api/v1/tickets/" + session.ticketId()));
            requests.put("GET /customers?q=", URI.create(base + "/api/v1/customers?q=" + CUSTOMER_WORD));
            requests.put("GET /tickets?assigneeId=", URI.create(base + "/api/v1/tickets?assigneeId=" + session.agentId()));
            for (var request : requests.entrySet()) {
                warmUp(request.getValue(), auth, null, process.pid());
                http.put(request.getKey(), wrk(request.getValue(), auth, null, SECONDS, process.pid()));
            }
            var tickets = URI.create(base + "/api/v1/tickets");
            warmUp(tickets, auth, post, process.pid());
            http.put("POST /tickets", wrk(tickets, auth, post, SECONDS, process.pid()));
            rss = rssKib(process.pid());
            System.out.printf("%s: %s; rss %d MiB%n", name, http, rss / 1024);
        } finally {
            stop(process);
        }
        var raw = raw(jdbcUrl, postgres != null, session);
        System.out.printf("%s raw JDBC: %s%n", name, rounded(raw));
        return new DatabaseRun(name, http, raw, startUp, rss);
    }

    /** Launch to healthy of one more start, on a fresh database of its own, then stopped. */
    private Duration startAndStop(EmbeddedPostgres postgres, int start) throws Exception {
        var dataDir = Files.createDirectories(work.resolve((postgres == null ? "h2" : "pg") + "-start-" + start));
        var arguments = new ArrayList<>(List.of("--demo", "--port", "0", "--data-dir", dataDir.toString()));
        if (postgres != null) {
            arguments.addAll(List.of("--db-url", createDatabase(postgres, "http_bench_start_" + start),
                    "--db-user", "postgres", "--db-password", "postgres"));
        }
        var log = work.resolve(dataDir.getFileName() + "-server.log");
        long launched = System.nanoTime();
        var process = start(SCRIPT, arguments, log);
        try {
            awaitHealthy(awaitLine(process, log, LISTENING));
            return Duration.ofNanos(System.nanoTime() - launched);
        } finally {
            stop(process);
        }
    }

    /** Raw JDBC on the server's database, at wrk's concurrency: the statements the SDK runs for the reads, and the writes. */
    private static Map<String, Double> raw(String jdbcUrl, boolean postgres, Session session) throws Exception {
        var result = new LinkedHashMap<String, Double>();
        try (var pool = pool(jdbcUrl)) {
            var recorder = new RecordedStatements.Recorder();
            RecordedStatements ticket;
            RecordedStatements search;
            RecordedStatements queue;
            try (var recording = Rapport.builder().dataSource(RecordedStatements.dataSource(pool, recorder)).build()) {
                var agent = Actor.of(recording.users().get(Actor.system(), session.agentId()));
                ticket = recorder.record(() -> recording.tickets().get(agent, session.ticketId()));
                search = recorder.record(() -> recording.customers().search(agent, CUSTOMER_WORD,
                        PageRequest.first(PageRequest.DEFAULT_LIMIT)));
                queue = recorder.record(() -> recording.tickets().list(agent,
                        TicketFilter.all().withAssignee(session.agentId()), PageRequest.first(PageRequest.DEFAULT_LIMIT)));
            }
            result.put("GET /tickets/{id}", concurrently(() -> ticket.replay(pool)));
            result.put("GET /customers?q=", concurrently(() -> search.replay(pool)));
            result.put("GET /tickets?assigneeId=", concurrently(() -> queue.replay(pool)));
            result.put("POST /tickets", concurrently(() -> TicketOpenBenchmark.openRaw(pool, postgres, session.customerId())));
        }
        return result;
    }

    /** Operations per second of {@code op} on {@link #CONNECTIONS} threads, after a warm-up as long as wrk's. */
    private static double concurrently(Runnable op) throws InterruptedException {
        run(op, WARMUP_SECONDS);
        return run(op, SECONDS);
    }

    private static double run(Runnable op, int seconds) throws InterruptedException {
        var done = new LongAdder();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (var threads = Executors.newFixedThreadPool(CONNECTIONS)) {
            for (int i = 0; i < CONNECTIONS; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        op.run();
                        done.increment();
                    }
                });
            }
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Warms the path measured up until it stops getting cheaper: rounds under wrk, {@link #WARMUP_SECONDS} at least,
     * until two rounds in a row cost the server about the same CPU time per request (the JIT has compiled the path;
     * with the launch script's ahead-of-time cache that takes longer than without), {@link #WARMUP_MAX_SECONDS} at
     * most.
     */
    private void warmUp(URI uri, List<String> headers, Path script, long serverPid) throws Exception {
        int spent = 0;
        double previous = Double.NaN;
        boolean settled = false;
        while (spent < WARMUP_MAX_SECONDS && !(settled && spent >= WARMUP_SECONDS)) {
            double cost = wrk(uri, headers, script, WARMUP_ROUND_SECONDS, serverPid).cpuMicrosPerRequest();
            settled = Math.abs(cost - previous) < SETTLED * previous;
            previous = cost;
            spent += WARMUP_ROUND_SECONDS;
        }
        System.out.printf("  %s %s: warmed up for %d s%s%n", script == null ? "GET" : "POST", uri.getPath(), spent,
                settled ? "" : " (its cost per request had not settled)");
    }

    /**
     * Runs wrk and returns its requests per second; fails on any non-2xx answer or connection error. Requests that
     * took longer than wrk's timeout are reported, not fatal: on a loaded machine a cold server's first ones do.
     */
    private Load wrk(URI uri, List<String> headers, Path script, int seconds, long serverPid) throws Exception {
        var command = new ArrayList<>(List.of(WRK, "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--timeout", "10s", "--latency"));
        headers.forEach(h -> command.addAll(List.of("-H", h)));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(uri.toString());
        var output = work.resolve("wrk.out");
        long cpuBefore = cpuTicks(serverPid);
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        long cpu = cpuTicks(serverPid) - cpuBefore;
        String text = Files.readString(output);
        var non2xx = NON_2XX.matcher(text);
        var errors = SOCKET_ERRORS.matcher(text);
        var rps = REQUESTS_PER_SECOND.matcher(text);
        if (non2xx.find() || !rps.find() || errors.find()
                && !(errors.group(1) + errors.group(2) + errors.group(3)).equals("000")) {
            throw new IllegalStateException("wrk on " + uri + " saw failures:\n" + text);
        }
        var timeouts = TIMEOUTS.matcher(text);
        if (timeouts.find() && !timeouts.group(1).equals("0")) {
            System.out.printf("  (%s requests to %s timed out after 10 s)%n", timeouts.group(1), uri.getPath());
        }
        var requests = REQUESTS.matcher(text);
        requests.find();
        double cpuMicros = cpu * 1e6 / CLOCK_TICKS / Math.max(1, Long.parseLong(requests.group(1)));
        return new Load(Double.parseDouble(rps.group(1)), cpuMicros);
    }

    /** User + system CPU time of a process so far, in clock ticks ({@code /proc/<pid>/stat}'s utime and stime). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The fields after the command name, which sits in parentheses: state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A wrk script that posts the same ticket as the raw writes open. */
    private static String luaPost(CustomerId customer) {
        return """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.body = '{"customerId":"%s","type":"COMPLAINT","urgent":true,"important":true,"title":"%s","description":"%s"}'
                """.formatted(customer.value(), TITLE, DESCRIPTION);
    }

    /** The demo's agent signed in, with the ids the requests use. */
    record Session(String token, UserId agentId, CustomerId customerId, TicketId ticketId) {
        private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern FIRST_ID = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

        static Session signIn(String base) throws IOException, InterruptedException {
            var client = HttpClient.newHttpClient();
            var login = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"employeeId\":\"agent\",\"password\":\"rapport-demo\"}")));
            String token = find(TOKEN, login);
            String agent = find(USER_ID, login);
            String customers = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/customers?q=" + CUSTOMER_WORD))
                    .header("Authorization", "Bearer " + token));
            String queue = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets?assigneeId=" + agent))
                    .header("Authorization", "Bearer " + token));
            return new Session(token, UserId.of(agent), CustomerId.of(find(FIRST_ID, customers)),
                    TicketId.of(find(FIRST_ID, queue)));
        }

        private static String send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String find(Pattern pattern, String json) {
            var matcher = pattern.matcher(json);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + pattern + " in " + json);
            }
            return matcher.group(1);
        }
    }

    /** The embedded PostgreSQL of the test fixtures' binaries, with its durable defaults (unlike the tests' server). */
    private static EmbeddedPostgres durablePostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
    }

    private static String createDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name); // a name of ours
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    private static HikariDataSource pool(String jdbcUrl) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            config.setUsername("postgres");
            config.setPassword("postgres");
        }
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    private static void awaitHealthy(String base) throws InterruptedException {
        var client = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not accepting yet
            }
            Thread.sleep(20); // polling a child process's port: there is nothing to wait on instead
        }
        throw new IllegalStateException(base + " never became healthy");
    }

    /** Waits for a line of the child's output and returns the pattern's first group. */
    private static String awaitLine(Process process, Path log, Pattern line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            var matcher = line.matcher(text);
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the child exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(20); // polling a child's log file: see awaitHealthy
        }
        throw new IllegalStateException("no " + line + " in " + log);
    }

    /** Resident memory of a process, as {@code ps -o rss} reports it (KiB). */
    private static long rssKib(long pid) throws IOException, InterruptedException {
        var ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ps.waitFor();
        return Long.parseLong(out);
    }

    /** SIGTERM, as an operator stops the server: its shutdown hook closes the database. */
    /**
     * Writes the ahead-of-time cache the launch script keeps beside the jar afresh, once per benchmark, with a run
     * before the first one measured: as a deployment's first start after an upgrade does.
     */
    private void prepareAheadOfTimeCache() throws Exception {
        if (trained) {
            return;
        }
        var cache = SERVER_JAR.resolveSibling("rapport-server.aot");
        Files.deleteIfExists(cache);
        var training = work.resolve("training");
        var process = start(SCRIPT, List.of("--demo", "--port", "0", "--data-dir", training.toString()),
                work.resolve("training.log"));
        try {
            awaitHealthy(awaitLine(process, work.resolve("training.log"), LISTENING));
        } finally {
            stop(process);
        }
        // The JVM writes the cache as it exits, in a process of its own that may outlive it.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && (!Files.exists(cache)
                || Files.exists(cache.resolveSibling("rapport-server.aot.config")))) {
            Thread.sleep(100); // a file another process writes: nothing to wait on instead
        }
        System.out.printf("ahead-of-time cache %s%n",
                Files.exists(cache) ? "written by a first run" : "not kept (JDK < 25)");
        trained = true;
    }

    /**
     * The README's way to start the server: its launch script, which execs {@code java} (so the process is the JVM's),
     * with this JVM's {@code java}.
     */
    private static Process start(Path script, List<String> arguments, Path log) throws Exception {
        var command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("RAPPORT_JAVA_OPTS");
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, Long> rounded(Map<String, Double> values) {
        var out = new LinkedHashMap<String, Long>();
        values.forEach((k, v) -> out.put(k, Math.round(v)));
        return out;
    }

    private static void print(Load bare, List<DatabaseRun> runs) {
        System.out.println();
        System.out.printf("bare Helidon route: %.0f req/s, %.0f µs CPU per request%n%n", bare.perSecond(),
                bare.cpuMicrosPerRequest());
        System.out.printf("%-11s %-24s %10s %10s %7s %7s %11s %9s%n", "database", "request", "http req/s", "raw ops/s",
                "/bare", "/raw", "cpu µs/req", "cpu bare/");
        var summary = new StringBuilder("http");
        for (var run : runs) {
            for (var entry : run.http().entrySet()) {
                var http = entry.getValue();
                double raw = run.raw().get(entry.getKey());
                System.out.printf("%-11s %-24s %10.0f %10.0f %7.3f %7.2f %11.0f %9.3f%n", run.database(), entry.getKey(),
                        http.perSecond(), raw, http.perSecond() / bare.perSecond(), http.perSecond() / raw,
                        http.cpuMicrosPerRequest(), bare.cpuMicrosPerRequest() / http.cpuMicrosPerRequest());
            }
            String db = run.database().startsWith("H2") ? "h2" : "pg";
            summary.append(" %s reads/bare>=%.3f create/raw=%.2f start=%.1fs rss=%dMiB".formatted(db,
                    minimumReadShare(run, bare), run.http().get("POST /tickets").perSecond() / run.raw().get("POST /tickets"),
                    run.startUp().toMillis() / 1000.0, run.rssKib() / 1024));
        }
        System.out.println();
        System.out.println("targets: reads >= 0.30 of the bare route; POST /tickets >= 0.5 of raw JDBC writes; "
                + "start < 3 s; rss < 300 MiB. /bare and /raw divide throughputs; cpu bare/ divides the bare route's "
                + "CPU time per request by the request's");
        System.out.println(summary);
    }

    private static double minimumReadShare(DatabaseRun run, Load bare) {
        return run.http().entrySet().stream().filter(e -> e.getKey().startsWith("GET"))
                .mapToDouble(e -> e.getValue().perSecond() / bare.perSecond()).min().orElseThrow();
    }
}
