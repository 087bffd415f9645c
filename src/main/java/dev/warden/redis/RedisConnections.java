package dev.warden.redis;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pooled Redis clients built from a {@code redis://[user:password@]host[:port][/db]} URL ({@code rediss://} for
 * TLS). Connecting, each reply and waiting for a free pooled connection are all bounded by {@code timeout}, so a
 * slow or dead Redis costs a request at most that long and never hangs it.
 */
public final class RedisConnections {
    private static final int DEFAULT_PORT = 6379;

    private RedisConnections() {}

    /**
     * @param password when given, wins over one in the URL
     * @param size the most connections held at once
     * @param clientName shown by {@code CLIENT LIST}, so an operator sees who holds which connection
     */
    public static UnifiedJedis pool(URI url, @Nullable String password, Duration timeout, int size,
            String clientName) {
        int millis = Math.toIntExact(timeout.toMillis());
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .clientName(clientName)
                .ssl("rediss".equalsIgnoreCase(url.getScheme()));
        var userInfo = url.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            var user = userInfo.substring(0, userInfo.indexOf(':'));
            if (!user.isEmpty()) {
                config.user(user);
            }
            config.password(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        if (password != null) {
            config.password(password);
        }
        var path = url.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setBlockWhenExhausted(true);
        return RedisClient.builder()
                .hostAndPort(url.getHost(), url.getPort() < 0 ? DEFAULT_PORT : url.getPort())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }
}
