package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.warden.identity.KeyStore.Filter;
import org.junit.jupiter.api.Test;

class KeyStoreFilterTest {

    @Test
    void negativePagingIsRefusedBeforeItReachesTheDatabase() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Filter(null, null, null, true, -1, 0))
                .withMessage("limit and offset must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new Filter(null, null, null, true, 10, -1))
                .withMessage("limit and offset must not be negative");
        assertThat(new Filter(null, null, null, false, 0, 0).limit()).isZero();
        assertThat(Filter.ALL.includeRevoked()).isTrue();
    }
}
