package dev.warden.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.provider.openaicompat.Fixtures;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Why Jackson's buffer pool matters on virtual threads. Jackson 2.x's default recycler pool is thread-local; Warden
 * handles each request on a new virtual thread, so every parser and generator allocates fresh 8-16 KB buffers.
 * Each op here parses the load test's request body to a tree and writes it back, once on the benchmark thread
 * (what the other benchmarks measure) and once on a new virtual thread (what the server does), with the default
 * pool and with a shared one. Compare B/op (gc.alloc.rate.norm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecyclerPoolBench {
    @Param({"threadLocal", "sharedConcurrentDeque"})
    public String pool;

    private ObjectMapper mapper;
    private byte[] body;

    @Setup
    public void setUp() {
        var factory = JsonFactory.builder()
                .recyclerPool(pool.equals("threadLocal") ? JsonRecyclerPools.threadLocalPool()
                        : JsonRecyclerPools.sharedConcurrentDequePool())
                .build();
        mapper = JsonMapper.builder(factory).build();
        body = Fixtures.chatRequestSmall();
    }

    @Benchmark
    public byte[] onBenchmarkThread() throws Exception {
        return roundTrip();
    }

    /** Includes starting and joining one virtual thread (the same in both pools). */
    @Benchmark
    public byte[] onNewVirtualThread() throws Exception {
        var result = new AtomicReference<byte[]>();
        Thread.ofVirtual().start(() -> {
            try {
                result.set(roundTrip());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).join();
        return result.get();
    }

    private byte[] roundTrip() throws Exception {
        JsonNode tree = mapper.readTree(body);
        return mapper.writeValueAsBytes(tree);
    }
}
