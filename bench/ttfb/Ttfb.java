// Time to first body byte (and to last byte) of streaming chat requests, several targets interleaved.
// Run with the Java 25 source launcher:
//   java bench/ttfb/Ttfb.java <n> <warmup> <name>=<url>[@model] [<name>=<url>[@model] ...]
// e.g. java bench/ttfb/Ttfb.java 100 10 direct=http://127.0.0.1:18085 warden=http://127.0.0.1:18100@sse-drip
// env: TTFB_KEY (bearer key; default the key bench/wrk/post.lua and bench/warden-bench.yaml use).
//
// Each target gets one keep-alive HTTP/1.1 connection on a plain socket (no client library: its own thread hand-offs
// added ~2 ms and most of the run-to-run spread when this used java.net.http). Round r sends one request to every
// target in turn, in an order that rotates each round, so a drift of the machine hits all targets alike. The clock
// starts before the request is written; "first byte" is the first byte of the response BODY (for SSE, the first
// event), which is what a chat UI sees as time to first token. The overhead of a target is the median over rounds
// of (its TTFB - the first target's TTFB in the same round): paired, so it resolves ~0.1 ms where two separate
// medians of 20 ms samples do not. Prints one parseable line per target:
//   TTFB target=.. url=.. n=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. ttlb_p50_ms=.. ttlb_p99_ms=.. over_p50_ms=..
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

record Target(String name, URI uri, byte[] request, Socket socket, Reader in, OutputStream out) { }

/** Times of one exchange, in nanoseconds from the start of the request write. */
record Timing(long firstBodyByte, long lastByte, String firstChars) { }

void main(String[] args) throws Exception {
    if (args.length < 3) {
        System.err.println("usage: java Ttfb.java <n> <warmup> <name>=<url>[@model] ...");
        System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    int warmup = Integer.parseInt(args[1]);
    String key = System.getenv().getOrDefault("TTFB_KEY", "sk-warden-bench-0123456789abcdefghijklmnopqrstuvwxyz");
    List<Target> targets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
        targets.add(open(args[i], key));
    }
    int k = targets.size();
    long[][] first = new long[k][n];
    long[][] last = new long[k][n];
    String[] firstChars = new String[k];
    for (int round = -warmup; round < n; round++) {
        for (int step = 0; step < k; step++) {
            int t = Math.floorMod(step + round, k);
            Timing timing = exchange(targets.get(t));
            if (round >= 0) {
                first[t][round] = timing.firstBodyByte();
                last[t][round] = timing.lastByte();
            } else if (firstChars[t] == null) {
                firstChars[t] = timing.firstChars();
            }
        }
    }
    for (int t = 0; t < k; t++) {
        long[] over = new long[n];
        for (int i = 0; i < n; i++) {
            over[i] = first[t][i] - first[0][i];
        }
        Arrays.sort(over);
        long[] f = first[t].clone();
        long[] l = last[t].clone();
        Arrays.sort(f);
        Arrays.sort(l);
        Target target = targets.get(t);
        System.out.printf(Locale.ROOT, "TTFB target=%s url=%s n=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
                        + "ttlb_p50_ms=%.3f ttlb_p99_ms=%.3f over_p50_ms=%.3f first=%s%n",
                target.name(), target.uri(), n, pct(f, 50), pct(f, 90), pct(f, 99), f[n - 1] / 1e6, pct(l, 50),
                pct(l, 99), t == 0 ? 0.0 : pct(over, 50), firstChars[t] == null ? "-" : firstChars[t]);
        target.socket().close();
    }
}

static Target open(String spec, String key) throws IOException {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
        throw new IllegalArgumentException("target must be name=url[@model]: " + spec);
    }
    String rest = spec.substring(eq + 1);
    int at = rest.lastIndexOf('@');
    String model = at > 0 ? rest.substring(at + 1) : "gpt-4o-mini";
    URI base = URI.create(at > 0 ? rest.substring(0, at) : rest);
    URI uri = base.resolve("/v1/chat/completions");
    byte[] body = """
        {"model":"%s","stream":true,"stream_options":{"include_usage":true},\
        "messages":[{"role":"system","content":"You are a benchmark assistant."},\
        {"role":"user","content":"Stream a short answer about gateways, please."}],"max_tokens":256}"""
            .formatted(model).getBytes(StandardCharsets.UTF_8);
    String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
            + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + key
            + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] request = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
    System.arraycopy(body, 0, request, head.length(), body.length);
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    return new Target(spec.substring(0, eq), uri, request, socket, new Reader(socket.getInputStream()),
            socket.getOutputStream());
}

/** One request and its whole response (Content-Length or chunked), read off the socket as it arrives. */
static Timing exchange(Target target) throws IOException {
    var in = target.in();
    long t0 = System.nanoTime();
    target.out().write(target.request());
    String status = in.line();
    if (!status.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException(target.name() + ": " + status);
    }
    long length = -1;
    boolean chunked = false;
    for (String line = in.line(); !line.isEmpty(); line = in.line()) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
            length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
            chunked = true;
        }
    }
    long firstByte = -1;
    String firstChars = "";
    while (true) {
        long size = chunked ? Long.parseLong(in.line().split(";")[0].trim(), 16) : length;
        if (size <= 0) {
            break;
        }
        if (firstByte < 0) {
            in.await();
            firstByte = System.nanoTime() - t0;
            firstChars = in.peek(12).replaceAll("\\s", "_");
        }
        in.skip(size);
        if (!chunked) {
            break;
        }
        in.line();
    }
    if (chunked) {
        while (!in.line().isEmpty()) {
            // trailer fields, if any
        }
    }
    if (firstByte < 0) {
        throw new IllegalStateException(target.name() + ": empty body");
    }
    return new Timing(firstByte, System.nanoTime() - t0, firstChars);
}

static double pct(long[] sorted, double p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
}

/** A minimal buffered reader over the socket: lines, skips, and "wait until a byte is here". */
static final class Reader {
    private final InputStream in;
    private final byte[] buf = new byte[65536];
    private int pos;
    private int end;

    Reader(InputStream in) {
        this.in = in;
    }

    void await() throws IOException {
        if (pos == end) {
            pos = 0;
            end = in.read(buf);
            if (end < 0) {
                throw new EOFException("connection closed mid-response");
            }
        }
    }

    String peek(int max) {
        return new String(buf, pos, Math.min(max, end - pos), StandardCharsets.ISO_8859_1);
    }

    String line() throws IOException {
        var sb = new StringBuilder();
        while (true) {
            await();
            byte b = buf[pos++];
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    void skip(long count) throws IOException {
        while (count > 0) {
            await();
            int step = (int) Math.min(count, end - pos);
            pos += step;
            count -= step;
        }
    }
}
