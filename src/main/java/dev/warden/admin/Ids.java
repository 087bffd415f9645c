package dev.warden.admin;

import java.util.random.RandomGenerator;

/**
 * New ids: a prefix saying what the id names ({@code org_}, {@code team_}, {@code usr_}, {@code tier_},
 * {@code key_}) and 20 random lowercase letters and digits (about 103 bits), so ids are unguessable and never
 * collide in practice.
 */
final class Ids {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 20;

    private final RandomGenerator random;

    Ids(RandomGenerator random) {
        this.random = random;
    }

    String next(String prefix) {
        var id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('_');
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
