package dev.warden.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts each crossing as JSON to one URL from a background thread. The queue is bounded: when the receiver is slow
 * or down, new notices are dropped (counted and logged) rather than held without limit or slowing the request path.
 * A failed post is logged and not retried: a threshold notice is advisory, the budget itself is enforced elsewhere.
 */
public final class HttpWebhookNotifier implements WebhookNotifier, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("warden.budget");

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;
    private final BlockingQueue<ThresholdCrossing> queue;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean closed;

    private HttpWebhookNotifier(HttpClient http, URI url, Duration timeout, int capacity) {
        this.http = http;
        this.url = url;
        this.timeout = timeout;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = Thread.ofVirtual().name("warden-budget-webhook").unstarted(this::run);
    }

    /**
     * @param timeout for one post, so a receiver that never answers delays the queue at most this much per notice
     * @param capacity notices waiting beyond which new ones are dropped
     */
    public static HttpWebhookNotifier start(HttpClient http, URI url, Duration timeout, int capacity) {
        var notifier = new HttpWebhookNotifier(http, url, timeout, capacity);
        notifier.sender.start();
        return notifier;
    }

    @Override
    public void notify(ThresholdCrossing crossing) {
        if (closed || !queue.offer(crossing)) {
            long total = dropped.incrementAndGet();
            LOG.log(Level.WARNING, "budget webhook queue full, notice dropped (" + total + " so far): "
                    + crossing.scope() + " " + crossing.percent() + "%");
        }
    }

    /** Notices dropped because the queue was full or the notifier closed. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            ThresholdCrossing next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException stop) {
                return;
            }
            if (next != null) {
                send(next);
            }
        }
    }

    private void send(ThresholdCrossing crossing) {
        try {
            var request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(crossing))).build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.log(Level.WARNING, "budget webhook " + url + " answered " + response.statusCode());
            }
        } catch (IOException failed) {
            LOG.log(Level.WARNING, "budget webhook " + url + " failed: " + failed.getMessage());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    String body(ThresholdCrossing crossing) throws JsonProcessingException {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", "budget.threshold");
        body.put("scope", crossing.scope());
        body.put("window", crossing.windowId());
        body.put("threshold_percent", crossing.percent());
        // Dollar notices keep the field names receivers already parse; token notices name their own unit.
        switch (crossing.unit()) {
            case USD_MICROS -> {
                body.put("unit", "usd");
                body.put("cap_usd_micros", crossing.cap());
                body.put("spent_usd_micros", crossing.spent());
            }
            case TOKENS -> {
                body.put("unit", "tokens");
                body.put("cap_tokens", crossing.cap());
                body.put("spent_tokens", crossing.spent());
            }
        }
        body.put("at", crossing.at().toString());
        return json.writeValueAsString(body);
    }

    /** Sends what is queued (waiting at most about the timeout per notice, 5 s in all), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!sender.join(Duration.ofSeconds(5))) {
                sender.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
