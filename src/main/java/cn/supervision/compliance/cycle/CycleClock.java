package cn.supervision.compliance.cycle;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time of the supervision cycle (steps, deadlines, overdue), in the supervision offices' zone; one bean so that
 * a test can move time forward (a {@code @Primary} clock of its own) and see an item fall due.
 */
@Configuration(proxyBeanMethods = false)
class CycleClock {

    @Bean
    Clock supervisionClock() {
        return Clock.system(Rectifications.BEIJING);
    }
}
