package cn.supervision.compliance.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import cn.supervision.compliance.facts.InvalidInput;

/**
 * The moment an approval takes effect (自…起施行, issue 22 point 7), as an editor writes it: an ISO date
 * ({@code 2027-09-01}, from 00:00 Beijing time), a date and time in Beijing time ({@code 2027-09-01T08:00}) or one
 * with its offset ({@code 2027-09-01T00:00:00+08:00}). At most ten years ahead; a moment past takes effect at once.
 */
final class EffectiveFrom {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration FURTHEST = Duration.ofDays(3653);
    private static final String FIELD = "effectiveFrom";

    private EffectiveFrom() {
    }

    /** Null when no date is given (in force at once). */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant moment = moment(text.strip());
        if (moment.isAfter(Instant.now().plus(FURTHEST))) {
            throw InvalidInput.of(FIELD, "input.effective-from.too-far", text.strip());
        }
        return moment;
    }

    private static Instant moment(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(BEIJING).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(FIELD, "input.effective-from.unreadable", text);
        }
    }
}
