package dev.warden.limits;

import java.util.UUID;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The machine's real Redis, with a key prefix and a client name unique to one test, so tests running beside
 * other engineers' never see or kill each other's keys and connections.
 */
final class RedisFixture implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;

    final String prefix = "test:limits:" + UUID.randomUUID() + ":";
    final String clientName = "warden-limits-test-" + UUID.randomUUID().toString().substring(0, 8);
    /** For inspecting and cleaning up; not used by the limiters under test. */
    final UnifiedJedis admin = client("warden-limits-admin");

    UnifiedJedis client() {
        return client(clientName);
    }

    RedisRateLimiter limiter() {
        return new RedisRateLimiter(client(), prefix, () -> UUID.randomUUID().toString());
    }

    static UnifiedJedis client(String name) {
        return RedisClient.builder()
                .hostAndPort(HOST, PORT)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(200).socketTimeoutMillis(200).clientName(name).build())
                .build();
    }

    /** Closes every connection the limiters under test hold, as a Redis restart or a network cut would. */
    int killConnections() {
        int killed = 0;
        var list = (byte[]) admin.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "LIST");
        for (var line : new String(list, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.contains(" name=" + clientName + " ")) {
                var id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                admin.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "KILL", "ID", id);
                killed++;
            }
        }
        return killed;
    }

    @Override
    public void close() {
        var params = new ScanParams().match(prefix + "*").count(500);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = admin.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                admin.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        admin.close();
    }
}
