package dev.warden.pricing;

import java.io.Serial;

/** The pricing data is broken; the message names the file and the entry, in one line. */
public final class PricingCatalogException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    PricingCatalogException(String message) {
        super(message);
    }

    PricingCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
