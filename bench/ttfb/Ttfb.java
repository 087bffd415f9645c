// Time to first body byte (and to last byte) of N sequential streaming chat requests.
// Run with Java 25 source launcher:  java bench/ttfb/Ttfb.java <url> [n=200] [warmup=50]
// env: TTFB_MODEL (default gpt-4o-mini; a Warden alias when the target is Warden), TTFB_KEY (bearer key; default
// the key bench/wrk/post.lua and bench/warden-bench.yaml use).
// Uses one keep-alive HTTP/1.1 connection via java.net.http; the clock starts before send() and
// "first byte" is the first byte of the response BODY (for SSE: the first `data:` event), which is
// what a chat UI sees as time-to-first-token. Prints one parseable line:
//   TTFB url=.. n=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. ttlb_p50_ms=.. ttlb_p99_ms=.. first=..
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

void main(String[] args) throws Exception {
    if (args.length < 1) {
        System.err.println("usage: java Ttfb.java <url> [n] [warmup]");
        System.exit(2);
    }
    URI uri = URI.create(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    String model = System.getenv().getOrDefault("TTFB_MODEL", "gpt-4o-mini");
    String key = System.getenv().getOrDefault("TTFB_KEY", "sk-warden-bench-0123456789abcdefghijklmnopqrstuvwxyz");
    String body = """
        {"model":"%s","stream":true,"stream_options":{"include_usage":true},\
        "messages":[{"role":"system","content":"You are a benchmark assistant."},\
        {"role":"user","content":"Stream a short answer about gateways, please."}],"max_tokens":256}""".formatted(model);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest req = HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long[] first = new long[n];
    long[] last = new long[n];
    String firstChars = "";
    byte[] buf = new byte[16384];
    for (int i = -warmup; i < n; i++) {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        long t1 = -1;
        try (InputStream in = r.body()) {
            int k = in.read(buf);
            t1 = System.nanoTime();
            if (i == 0 && k > 0) {
                firstChars = new String(buf, 0, Math.min(k, 12)).replaceAll("\\s", "_");
            }
            while (k != -1) {
                k = in.read(buf);
            }
        }
        long t2 = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode() + " from " + uri);
        }
        if (i >= 0) {
            first[i] = t1 - t0;
            last[i] = t2 - t0;
        }
    }
    Arrays.sort(first);
    Arrays.sort(last);
    System.out.printf("TTFB url=%s n=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f ttlb_p50_ms=%.3f ttlb_p99_ms=%.3f first=%s%n",
            uri, n, pct(first, 50), pct(first, 90), pct(first, 99), first[n - 1] / 1e6, pct(last, 50), pct(last, 99), firstChars);
}

static double pct(long[] sorted, double p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
}
