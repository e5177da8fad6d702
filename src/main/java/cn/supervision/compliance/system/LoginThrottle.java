package cn.supervision.compliance.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes guessing passwords slow: after {@code accountFailures} wrong passwords for one name, or {@code addressFailures}
 * from one address, each further failure locks that name (or address) out for a time that doubles with every failure.
 * While locked, a sign-in is refused before its password is even checked, so the right password does not help a
 * guesser. Attempts refused while locked do not lengthen the lock (a stranger cannot keep someone locked out forever).
 * Counted per instance; metrics {@code compliance.login.failures} and {@code compliance.login.refused} (tag {@code by}).
 */
@Component
public class LoginThrottle {

    private final SecurityProperties.LoginThrottle limits;
    private final Map<String, Strikes> accounts = new ConcurrentHashMap<>();
    private final Map<String, Strikes> addresses = new ConcurrentHashMap<>();
    private final Counter failures;
    private final Counter refusedByAccount;
    private final Counter refusedByAddress;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(SecurityProperties properties, MeterRegistry meters) {
        this.limits = properties.loginThrottle();
        this.failures = Counter.builder("compliance.login.failures").description("wrong passwords").register(meters);
        this.refusedByAccount = Counter.builder("compliance.login.refused").tag("by", "account")
                .description("sign-ins refused while the name was locked out").register(meters);
        this.refusedByAddress = Counter.builder("compliance.login.refused").tag("by", "address")
                .description("sign-ins refused while the address was locked out").register(meters);
    }

    /** How long a sign-in as {@code username} from {@code address} must still wait; empty when it may go ahead. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAddress = remaining(addresses.get(address), now);
        if (byAddress.isPresent()) {
            refusedByAddress.increment();
            return byAddress;
        }
        Optional<Duration> byAccount = remaining(accounts.get(username), now);
        byAccount.ifPresent(ignored -> refusedByAccount.increment());
        return byAccount;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.increment();
        Instant now = clock.instant();
        forgetStale(now);
        strike(accounts, event.getAuthentication().getName(), limits.accountFailures(), now);
        String address = address(event.getAuthentication().getDetails());
        if (address != null) {
            strike(addresses, address, limits.addressFailures(), now);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.remove(event.getAuthentication().getName());
    }

    private void strike(Map<String, Strikes> counts, String key, int tolerated, Instant now) {
        counts.compute(key, (k, previous) -> {
            if (previous != null && previous.lockedUntil() != null && previous.lockedUntil().isAfter(now)) {
                return previous; // refused before the check in normal use; a race must not lengthen the lock
            }
            boolean forgotten = previous == null || previous.last().isBefore(now.minus(limits.forgetAfter()));
            int failed = (forgotten ? 0 : previous.failures()) + 1;
            Instant lockedUntil = null;
            if (failed >= tolerated) {
                int doublings = Math.min(failed - tolerated, 30);
                Duration lock = limits.firstLock().multipliedBy(1L << doublings);
                lockedUntil = now.plus(lock.compareTo(limits.longestLock()) > 0 ? limits.longestLock() : lock);
            }
            return new Strikes(failed, lockedUntil, now);
        });
    }

    /** Keeps the tables bounded: failures older than {@code forgetAfter} (and their expired locks) are forgotten. */
    private void forgetStale(Instant now) {
        if (accounts.size() + addresses.size() < limits.trackedAtMost()) {
            return;
        }
        Instant horizon = now.minus(limits.forgetAfter());
        accounts.values().removeIf(s -> s.last().isBefore(horizon) && !locked(s, now));
        addresses.values().removeIf(s -> s.last().isBefore(horizon) && !locked(s, now));
        if (accounts.size() + addresses.size() >= limits.trackedAtMost()) {
            accounts.values().removeIf(s -> !locked(s, now));
            addresses.values().removeIf(s -> !locked(s, now));
        }
    }

    private static boolean locked(Strikes strikes, Instant now) {
        return strikes.lockedUntil() != null && strikes.lockedUntil().isAfter(now);
    }

    private static Optional<Duration> remaining(Strikes strikes, Instant now) {
        return strikes != null && locked(strikes, now) ? Optional.of(Duration.between(now, strikes.lockedUntil()))
                : Optional.empty();
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private record Strikes(int failures, Instant lockedUntil, Instant last) {
    }
}
