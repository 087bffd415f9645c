package dev.warden.bench;

import dev.warden.auth.Authenticator;
import dev.warden.auth.KeyRing;
import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Directory;
import dev.warden.identity.IdentityStore;
import dev.warden.identity.Limits;
import dev.warden.identity.VirtualKey;
import dev.warden.pipeline.Principal;
import dev.warden.secret.KeyMinter;
import dev.warden.secret.ServerSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What authenticating a request costs: the master key (one SHA-256 and a constant-time compare) against a virtual
 * key (one HMAC-SHA-256 and a lookup in the in-memory ring of {@code keys} keys), in the same run. Sample mode gives
 * the p50 the target is stated in (virtual key ≤ master key + 20 µs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthBench {
    @Param({"10000"})
    public int keys;

    private static final String MASTER = "sk-warden-bench-master-key-0000000000";
    private KeyRing ring;
    private Authenticator authenticator;
    private Optional<String> master;
    private Optional<String> virtualKey;

    @Setup(Level.Trial)
    public void setUp() {
        var secret = ServerSecret.ofBase64("YmVuY2gtc2VydmVyLXNlY3JldC0zMi1ieXRlcy1sb25nISE=");
        var minter = new KeyMinter(new SecureRandom());
        var stored = new ArrayList<VirtualKey>();
        var now = Instant.parse("2026-11-24T00:00:00Z");
        String last = null;
        for (int i = 0; i < keys; i++) {
            last = minter.mint();
            stored.add(new VirtualKey("key_" + i, secret.keyHasher().hash(last), KeyMinter.displayPrefix(last), null,
                    null, null, null, null, List.of("llama-*", "gpt-4o*"), Set.of(ApiEndpoint.CHAT), Set.of(), null,
                    Limits.NONE, null, Map.of(), List.of(), true, now, now, null, null));
        }
        var store = new IdentityStore() {
            @Override
            public long revision() {
                return 1;
            }

            @Override
            public Directory directory() {
                return Directory.EMPTY;
            }

            @Override
            public List<VirtualKey> keysChangedSince(long revision) {
                return revision < 1 ? stored : List.of();
            }

            @Override
            public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
            }
        };
        ring = KeyRing.start(store, Duration.ofHours(1));
        authenticator = Authenticator.create(MASTER, ring, secret.keyHasher(), Optional.empty(), InstantSource.system());
        master = Optional.of(MASTER);
        virtualKey = Optional.of(last);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ring.close();
    }

    @Benchmark
    public Principal masterKey() {
        return authenticator.authenticate(master);
    }

    @Benchmark
    public Principal virtualKey() {
        return authenticator.authenticate(virtualKey);
    }
}
