package dev.warden.admin;

/** Carries an {@link AdminError} out of a handler; rendered once, by {@link AdminApi}. */
final class AdminException extends RuntimeException {
    private final AdminError error;

    AdminException(AdminError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    AdminError error() {
        return error;
    }
}
