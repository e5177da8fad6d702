package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Admission by cost with fairness between clients: eight 5,000-school counties of one client held every place (93 of 94
 * small evaluations of others refused for half a minute); now the client runs one of them and the others' small
 * evaluations go on beside it, up to the places and the capacity.
 */
class AdmissionLedgerTests {

    private static final AdmissionProperties LIMITS = new AdmissionProperties(8, Duration.ZERO, Duration.ofSeconds(1),
            6_000, 512, 0.5);
    private static final long LARGE = LIMITS.cost(5_000L * 540);
    private static final long SMALL = LIMITS.cost(37_700);

    @Test
    void aRequestCostsItsSchoolsEstimatedFromItsSize() {
        assertThat(LARGE).isEqualTo(5_000 * 540 / 512);
        assertThat(SMALL).isEqualTo(73);
        assertThat(LIMITS.cost(0)).isOne();
        assertThat(LIMITS.cost(1L << 40)).isEqualTo(6_000);
        assertThat(LIMITS.cost(-1)).as("length unknown: a client's share").isEqualTo(3_000);
    }

    @Test
    void oneClientsLargeCountiesDoNotShutOutTheSmallEvaluationsOfOthers() throws InterruptedException {
        AdmissionLedger ledger = new AdmissionLedger(LIMITS);
        assertThat(ledger.admit("account bulk", LARGE, 0)).isTrue();
        for (int i = 1; i < 8; i++) {
            assertThat(ledger.admit("account bulk", LARGE, 0)).as("the bulk client's county %d", i + 1).isFalse();
        }
        for (int i = 0; i < 7; i++) {
            assertThat(ledger.admit("account clerk-" + i, SMALL, 0)).as("small evaluation %d", i + 1).isTrue();
        }
        assertThat(ledger.admit("account clerk-7", SMALL, 0)).as("every place taken").isFalse();

        ledger.release("account bulk", LARGE);
        assertThat(ledger.admit("account clerk-7", SMALL, 0)).isTrue();
        assertThat(ledger.admit("account bulk", LARGE, 0)).as("no place left").isFalse();
        for (int i = 0; i < 8; i++) {
            ledger.release("account clerk-" + i, SMALL);
        }
        assertThat(ledger.admit("account bulk", LARGE, 0)).isTrue();
    }

    @Test
    void aClientRunningSeveralRequestsStaysWithinItsShareAndTheTotalWithinTheCapacity() throws InterruptedException {
        AdmissionLedger ledger = new AdmissionLedger(LIMITS);
        assertThat(ledger.admit("account a", 2_000, 0)).isTrue();
        assertThat(ledger.admit("account a", 1_000, 0)).as("exactly its share").isTrue();
        assertThat(ledger.admit("account a", 1, 0)).as("over its share").isFalse();
        assertThat(ledger.admit("account b", 3_000, 0)).isTrue();
        assertThat(ledger.admit("account c", 1, 0)).as("the capacity is spent").isFalse();
    }

    @Test
    void aWaitingRequestIsAdmittedWhenRoomIsGivenBack() throws InterruptedException {
        AdmissionLedger ledger = new AdmissionLedger(LIMITS);
        assertThat(ledger.admit("account a", 6_000, 0)).isTrue();
        Thread release = new Thread(() -> ledger.release("account a", 6_000));
        release.start();
        assertThat(ledger.admit("account b", 100, Duration.ofSeconds(30).toNanos())).isTrue();
        release.join();
    }
}
