package dev.warden.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script, run by its SHA-1 so each call sends a digest rather than the source. Redis forgets scripts on
 * restart or SCRIPT FLUSH; then the call answers NOSCRIPT and is repeated once with EVAL, which also caches it
 * again. The digest is computed here, so no SCRIPT LOAD round trip is needed at startup.
 */
final class LuaScript {
    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    static LuaScript of(String source) {
        return new LuaScript(source);
    }

    /** The script made of these resources, in order (e.g. shared functions first, then the script using them). */
    static LuaScript load(String... names) {
        var source = new StringBuilder();
        for (var name : names) {
            try (var in = Objects.requireNonNull(LuaScript.class.getResourceAsStream(name), name)) {
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return of(source.toString());
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    String sha() {
        return sha;
    }

    private static String sha1(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
