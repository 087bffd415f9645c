// What the upstream HTTP client alone costs: N virtual threads POST the bench chat body to the fake upstream in a
// loop, with the JDK HttpClient set up as Warden's UpstreamClient does it (HTTP/1.1, virtual-thread executor,
// per-request timeout, body read as an InputStream) or with a minimal blocking HTTP/1.1 client on a plain Socket
// (the lower bound: one write, one read per exchange on the caller's thread), or with Helidon's blocking HTTP/1.1
// WebClient (HelidonCost.java; needs its class path, see run.sh), or with Warden's own UpstreamClient (WardenCost.java;
// needs the root project's target/classes too).
// Run with the Java 25 source launcher:
//   java [-cp <helidon webclient jars>] bench/client/ClientCost.java <jdk|socket|helidon|warden> <url> [threads=1] [seconds=10] [warmup-seconds=5]
// Prints one parseable line:
//   CLIENT client=.. threads=.. requests=.. rps=.. p50_ms=.. p99_ms=.. cpu_us_per_req=..
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

static final String BODY = """
    {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are Warden's benchmark assistant."},\
    {"role":"user","content":"Summarise the three most important things to measure when benchmarking a gateway."}],\
    "temperature":0.2,"max_tokens":256,"stream":false}""";

interface Client extends AutoCloseable {
    void call() throws Exception;

    @Override
    default void close() {}
}

void main(String[] args) throws Exception {
    String kind = args[0];
    URI uri = URI.create(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    HttpClient jdk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    run(kind, uri, threads, warmup, jdk, null);
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long[][] lat = new long[threads][];
    int total = run(kind, uri, threads, seconds, jdk, lat);
    long cpu = os.getProcessCpuTime() - cpu0;
    long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf("CLIENT client=%s threads=%d requests=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f cpu_us_per_req=%.1f%n",
            kind, threads, total, total / (double) seconds, all[all.length / 2] / 1e6,
            all[(int) (all.length * 0.99)] / 1e6, cpu / 1e3 / total);
    jdk.close();
    executor.close();
}

int run(String kind, URI uri, int threads, int seconds, HttpClient jdk, long[][] lat) throws Exception {
    var stop = new AtomicBoolean();
    var counts = new int[threads];
    var workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
        int id = t;
        workers[t] = Thread.ofVirtual().start(() -> {
            long[] mine = new long[1 << 20];
            int n = 0;
            try (Client c = switch (kind) {
                case "jdk" -> jdkClient(jdk, uri);
                case "socket" -> socketClient(uri);
                case "helidon" -> helidonClient(uri);
                case "warden" -> wardenClient(uri);
                default -> throw new IllegalArgumentException("client: jdk, socket, helidon or warden");
            }) {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    c.call();
                    if (n < mine.length) {
                        mine[n] = System.nanoTime() - t0;
                    }
                    n++;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            counts[id] = n;
            if (lat != null) {
                lat[id] = Arrays.copyOf(mine, Math.min(n, mine.length));
            }
        });
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (var w : workers) {
        w.join();
    }
    return Arrays.stream(counts).sum();
}

/**
 * One Helidon client shared by all threads, as Warden would share it (like the JDK client). Loaded by name: the
 * launcher compiles HelidonCost.java on demand, only when this client is asked for.
 */
@SuppressWarnings("unchecked")
Client helidonClient(URI uri) throws Exception {
    synchronized (this) {
        if (sharedHelidon == null) {
            sharedHelidon = Class.forName("HelidonCost").getMethod("create", URI.class, String.class)
                    .invoke(null, uri, BODY);
        }
    }
    var call = (java.util.concurrent.Callable<Object>) sharedHelidon;
    return call::call;
}

Object sharedHelidon;

/** Warden's own UpstreamClient (WardenCost.java), shared by all threads as in Warden; needs target/classes. */
@SuppressWarnings("unchecked")
Client wardenClient(URI uri) throws Exception {
    synchronized (this) {
        if (sharedWarden == null) {
            sharedWarden = Class.forName("WardenCost").getMethod("create", URI.class, String.class)
                    .invoke(null, uri, BODY);
        }
    }
    var call = (java.util.concurrent.Callable<Object>) sharedWarden;
    return call::call;
}

Object sharedWarden;

/** As dev.warden.provider.UpstreamClient#send does it. */
Client jdkClient(HttpClient client, URI uri) {
    return () -> {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer sk-bench").build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.readAllBytes();
        }
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
    };
}

static String line(InputStream in) throws IOException {
    var line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
            throw new IOException("closed");
        }
        if (b != '\r') {
            line.append((char) b);
        }
    }
    return line.toString();
}

/** Keep-alive HTTP/1.1 on one socket: one write per request, read headers, then Content-Length bytes. */
Client socketClient(URI uri) throws IOException {
    var socket = new Socket(uri.getHost(), uri.getPort());
    socket.setTcpNoDelay(true);
    OutputStream out = socket.getOutputStream();
    InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer sk-bench"
            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return new Client() {
        @Override
        public void call() throws IOException {
            out.write(request);
            out.flush();
            int length = -1;
            boolean ok = false;
            boolean chunked = false;
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                if (l.startsWith("HTTP/1.1 200")) {
                    ok = true;
                }
                int colon = l.indexOf(':');
                String name = colon > 0 ? l.substring(0, colon) : "";
                if (name.equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(l.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("transfer-encoding") && l.contains("chunked")) {
                    chunked = true;
                }
            }
            if (!ok || (length < 0 && !chunked)) {
                throw new IOException("unexpected response");
            }
            if (!chunked) {
                in.readNBytes(length);
                return;
            }
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                in.readNBytes(size);
                line(in); // CRLF after the chunk
            }
            line(in); // CRLF after the last chunk
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // end of the benchmark
            }
        }
    };
}
