package dev.warden.provider.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The idle keep-alive connections to one origin, newest first. Last in, first out keeps the busy few connections
 * warm and lets the rest age at the bottom, where expiry finds them without a timer: checking in trims the expired
 * bottom, and a checkout that finds the newest one expired knows all of them are.
 */
final class HostPool {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final int maxIdle;
    private final long idleLimitNanos;
    private boolean closed;

    HostPool(int maxIdle, long idleLimitNanos) {
        this.maxIdle = maxIdle;
        this.idleLimitNanos = idleLimitNanos;
    }

    /** The most recently used idle connection, or null when there is none that is fresh enough. */
    @Nullable Connection checkout(long now) {
        @Nullable Connection connection;
        @Nullable List<Connection> expired = null;
        lock.lock();
        try {
            connection = idle.pollFirst();
            if (connection != null && connection.expired(now, idleLimitNanos)) {
                expired = new ArrayList<>(idle);
                expired.add(connection);
                idle.clear();
                connection = null;
            }
        } finally {
            lock.unlock();
        }
        closeAll(expired);
        return connection;
    }

    void checkin(Connection connection, long now) {
        connection.pooled(now);
        @Nullable List<Connection> dropped;
        lock.lock();
        try {
            if (closed) {
                dropped = List.of(connection);
            } else {
                idle.addFirst(connection);
                dropped = trim(now);
            }
        } finally {
            lock.unlock();
        }
        closeAll(dropped);
    }

    /** Closes the connections that have been idle too long. */
    void sweep(long now) {
        @Nullable List<Connection> dropped;
        lock.lock();
        try {
            dropped = trim(now);
        } finally {
            lock.unlock();
        }
        closeAll(dropped);
    }

    int idleCount() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the idle connections; connections in use are closed when their exchange ends. */
    void close() {
        List<Connection> all;
        lock.lock();
        try {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        } finally {
            lock.unlock();
        }
        closeAll(all);
    }

    /** Drops the oldest connections beyond the bound or past the idle limit; the caller holds the lock. */
    private @Nullable List<Connection> trim(long now) {
        @Nullable List<Connection> dropped = null;
        var oldest = idle.peekLast();
        while (oldest != null && (idle.size() > maxIdle || oldest.expired(now, idleLimitNanos))) {
            if (dropped == null) {
                dropped = new ArrayList<>();
            }
            dropped.add(idle.pollLast());
            oldest = idle.peekLast();
        }
        return dropped;
    }

    private static void closeAll(@Nullable List<Connection> connections) {
        if (connections != null) {
            connections.forEach(Connection::close);
        }
    }
}
