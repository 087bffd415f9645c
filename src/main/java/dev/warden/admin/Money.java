package dev.warden.admin;

import java.math.BigDecimal;

/** Micro-dollars as the admin API writes money: an exact decimal string with six places ({@code "0.001234"}). */
final class Money {
    private Money() {}

    static String usd(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }
}
